import Foundation
import GaizaoCore

/// Writes a comparison as `comparison.md`, `comparison.html` and `comparison.pdf` in a folder, atomically, or one
/// text format to standard output. Loads and checks the compare templates of the folder once, requiring only
/// those of the formats asked for.
struct ComparisonWriter {
    let lang: Lang
    let renderer: ComparisonRenderer
    static let baseName = "comparison"

    init(lang: Lang, templatesFlag: String?, formats: [OutputFormat]) throws {
        self.lang = lang
        let location = try ResourceLocator.templates(flag: templatesFlag)
        let files = try FileIO.templateFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path))
        let required = Set(formats.map { $0 == .pdf ? "compare.html" : "compare.\($0.rawValue)" }).sorted()
        let result = ComparisonRenderer.load(files, folder: FileIO.displayPath(location.path), required: required)
        try TemplateSession.report(result.diagnostics, in: files, at: location, failed: result.renderer == nil)
        self.renderer = result.renderer!
    }

    func write(_ comparison: ProposalComparison, formats: [OutputFormat], to output: String) throws -> [String] {
        if output == "-" {
            guard formats.count == 1, let f = formats.first, f != .pdf else {
                throw CLIError.usage("`-o -` prints exactly one text format (md or html) to standard output")
            }
            FileHandle.standardOutput.write(Data(text(comparison, f).utf8))
            return []
        }
        if formats.contains(.pdf) { try PDFPrinter.checkPrerequisites() }
        var written: [String] = []
        for f in formats {
            let path = (output as NSString).appendingPathComponent("\(Self.baseName).\(f.rawValue)")
            if f == .pdf {
                try PDFPrinter.print(html: text(comparison, .html), to: path)
            } else {
                try FileIO.writeAtomically(text(comparison, f), to: path)
            }
            written.append(path)
        }
        return written
    }

    func text(_ comparison: ProposalComparison, _ format: OutputFormat) -> String {
        format == .md ? renderer.markdown(comparison, lang: lang) : renderer.html(comparison, lang: lang)
    }
}
