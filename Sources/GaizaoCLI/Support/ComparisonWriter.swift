import Foundation
import GaizaoCore

/// Writes a comparison as `comparison.md`, `comparison.html` and `comparison.pdf` in a folder, atomically, or one
/// text format to standard output. Loads and checks the compare templates of the folder once, requiring only
/// those of the formats asked for.
struct ComparisonWriter {
    let lang: Lang
    let renderer: ComparisonRenderer
    /// The proposal files as given: comparison.json lists the proposals in this order.
    var inputOrder: [String]? = nil
    static let baseName = "comparison"

    init(lang: Lang, templatesFlag: String?, formats: [OutputFormat]) throws {
        self.lang = lang
        let location = try ResourceLocator.templates(flag: templatesFlag)
        let files = try FileIO.templateFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path))
        let required = Set(formats.filter { $0 != .json }.map { $0 == .pdf ? "compare.html" : "compare.\($0.rawValue)" }).sorted()
        let result = ComparisonRenderer.load(files, folder: FileIO.displayPath(location.path), required: required)
        try TemplateSession.report(result.diagnostics, in: files, at: location, failed: result.renderer == nil)
        self.renderer = result.renderer!
    }

    /// Writes the formats as one set (see `OutputSet`); refuses before writing anything when a path is one of
    /// `inputs`.
    func write(_ comparison: ProposalComparison, formats: [OutputFormat], to output: String, inputs: [String]) throws -> [String] {
        if output == "-" {
            guard formats.count == 1, let f = formats.first, f != .pdf else {
                throw CLIError.usage("`-o -` prints exactly one text format (md, html or json) to standard output")
            }
            Console.writeOut(Data(try text(comparison, f).utf8))
            return []
        }
        let paths = formats.map { (output as NSString).appendingPathComponent("\(Self.baseName).\($0.rawValue)") }
        try OutputGuard.refuseOverwriting(inputs: inputs, with: paths)
        if formats.contains(.pdf) { try PDFPrinter.checkPrerequisites() }
        let files: [(path: String, content: OutputSet.Content)] = try zip(formats, paths).map { f, path in
            if f == .pdf {
                let html = try text(comparison, .html)
                return (path, .produced { try PDFPrinter.print(html: html, to: $0, display: path) })
            }
            return (path, .bytes(Array(try text(comparison, f).utf8)))
        }
        try OutputSet.write(files, into: output)
        return paths
    }

    func text(_ comparison: ProposalComparison, _ format: OutputFormat) throws -> String {
        if format == .json { return ComparisonJSON(comparison, inputOrder: inputOrder).jsonText() }
        do {
            return try renderer.checkedText(comparison, lang: lang, markdown: format == .md)
        } catch {
            throw CLIError.input("\(error)")
        }
    }
}
