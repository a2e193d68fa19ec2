import Foundation
import GaizaoCore

/// Writes a proposal in the requested formats, atomically, and returns the paths written. The templates are
/// read and parsed once, on first use, only when a rendered format is asked for.
final class ProposalWriter {
    let lang: Lang
    let templatesFlag: String?
    private var session: TemplateSession?

    init(lang: Lang, templatesFlag: String?) {
        self.lang = lang
        self.templatesFlag = templatesFlag
    }

    func renderer() throws -> ProposalRenderer {
        if let session { return session.renderer }
        let loaded = try TemplateSession.load(flag: templatesFlag)
        session = loaded
        return loaded.renderer
    }

    func write(_ proposal: Proposal, formats: [OutputFormat], to output: String, baseName: String) throws -> [String] {
        if output == "-" {
            guard formats.count == 1, let f = formats.first, f != .pdf else {
                throw CLIError.usage("`-o -` prints exactly one text format (md, html or json) to standard output")
            }
            FileHandle.standardOutput.write(Data(try text(proposal, f).utf8))
            return []
        }
        // Fail before writing anything when the PDF cannot be made.
        if formats.contains(.pdf), PDFPrinter.findBrowser() == nil { throw CLIError.input(PDFPrinter.missingBrowserMessage) }
        var written: [String] = []
        for f in formats {
            let path = (output as NSString).appendingPathComponent("\(baseName).\(f.rawValue)")
            if f == .pdf {
                try PDFPrinter.print(html: try text(proposal, .html), to: path)
            } else {
                try FileIO.writeAtomically(try text(proposal, f), to: path)
            }
            written.append(path)
        }
        return written
    }

    func text(_ proposal: Proposal, _ format: OutputFormat) throws -> String {
        switch format {
        case .json: return proposal.jsonText()
        case .md: return try renderer().markdown(proposal, lang: lang)
        case .html: return try renderer().html(proposal, lang: lang)
        case .pdf: throw CLIError.usage("PDF is binary: write it to a folder with -o DIR")
        }
    }
}
