import Foundation
import GaizaoCore

/// Writes a proposal in the requested formats, atomically, and returns the paths written.
struct ProposalWriter {
    var lang: Lang
    var templatesFlag: String?

    func write(_ proposal: Proposal, formats: [OutputFormat], to output: String, baseName: String) throws -> [String] {
        if output == "-" {
            guard formats.count == 1, let f = formats.first, f != .pdf else {
                throw CLIError.usage("`-o -` prints exactly one text format (md, html or json) to standard output")
            }
            FileHandle.standardOutput.write(Data(try text(proposal, f).utf8))
            return []
        }
        var written: [String] = []
        for f in formats {
            let path = (output as NSString).appendingPathComponent("\(baseName).\(f.rawValue)")
            try FileIO.writeAtomically(try text(proposal, f), to: path)
            written.append(path)
        }
        return written
    }

    func text(_ proposal: Proposal, _ format: OutputFormat) throws -> String {
        switch format {
        case .json: return proposal.jsonText()
        case .md, .html, .pdf:
            throw CLIError.input("format \(format.rawValue) is not available yet")
        }
    }
}
