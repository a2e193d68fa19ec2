import Foundation
import GaizaoCore

/// The inputs of bench/python-peer.py, which times the parts of the same pipeline a straightforward Python
/// implementation would run (PyYAML's C loader, chevron, `json.dumps`) on exactly what gaizao reads and renders.
enum PeerInput {
    static func write(to folder: String, sheets: [AnswerSheet], engine: Engine, renderer: ProposalRenderer) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (k, sheet) in sheets.enumerated() {
            let stem = (folder as NSString).appendingPathComponent(String(format: "%05d", k + 1))
            let proposal = try engine.run(sheet).proposal
            try (sheet.jsonLine() + "\n").write(toFile: stem + ".answers.json", atomically: false, encoding: .utf8)
            for (flavor, name) in [(ProposalViewModel.Flavor.markdown, "md"), (.html, "html")] {
                let model = ProposalViewModel(proposal, lang: .zh, flavor: flavor).tree.plain
                let data = try JSONSerialization.data(withJSONObject: model, options: [.sortedKeys])
                try data.write(to: URL(fileURLWithPath: stem + ".\(name)-model.json"))
            }
            let documents = renderer.documents(proposal, lang: .zh, markdown: true, html: true)
            try Data(documents.markdown ?? []).write(to: URL(fileURLWithPath: stem + ".proposal.md"))
            try Data(documents.html ?? []).write(to: URL(fileURLWithPath: stem + ".proposal.html"))
            try Data(proposal.jsonBytes()).write(to: URL(fileURLWithPath: stem + ".proposal.json"))
        }
    }
}
