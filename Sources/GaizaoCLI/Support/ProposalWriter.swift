import Foundation
import GaizaoCore

/// Writes a proposal in the requested formats, atomically, and returns the paths written. The templates are
/// read and parsed once, when the writer is made, and only when a rendered format is asked for; the writer is
/// then shared by all of a batch's tasks.
struct ProposalWriter: Sendable {
    let lang: Lang
    private let loaded: ProposalRenderer?

    init(lang: Lang, templatesFlag: String?, formats: [OutputFormat]) throws {
        self.lang = lang
        self.loaded = Self.needsTemplates(formats) ? try TemplateSession.load(flag: templatesFlag).renderer : nil
    }

    /// With templates prepared beforehand (`TemplateSession.prepare`), nil when the formats need none.
    init(lang: Lang, prepared: TemplateSession.Prepared?) throws {
        self.lang = lang
        self.loaded = try prepared?.finish().renderer
    }

    static func needsTemplates(_ formats: [OutputFormat]) -> Bool { formats.contains { $0 != .json } }

    func renderer() throws -> ProposalRenderer {
        guard let loaded else { throw CLIError.usage("templates were not loaded for this format") }
        return loaded
    }

    /// Writes the formats as one set (see `OutputSet`) and returns their paths; refuses before writing anything
    /// when a path is one of `inputs` (the answers file: `firm.json` must not become the proposal's JSON).
    /// `userAgreed`: the user chose to replace the existing files of these names (the wizard asks).
    func write(_ proposal: Proposal, formats: [OutputFormat], to output: String, baseName: String, inputs: [String],
               userAgreed: Bool = false) throws -> [String] {
        if output == "-" {
            guard formats.count == 1, let f = formats.first, f != .pdf else {
                throw CLIError.usage("`-o -` prints exactly one text format (md, html or json) to standard output")
            }
            Console.writeOut(Data(try text(proposal, f).utf8))
            return []
        }
        let paths = Self.paths(formats: formats, output: output, baseName: baseName)
        try OutputGuard.refuseOverwriting(inputs: inputs, with: paths)
        // Fail before writing anything when the PDF cannot be made.
        if formats.contains(.pdf) { try PDFPrinter.checkPrerequisites() }
        // Render first (Markdown and HTML from one view model when they can), then write.
        let needed = formats.contains(.pdf) && !formats.contains(.html) ? formats + [.html] : formats
        let texts = try self.texts(proposal, needed.filter { $0 != .pdf })
        let files: [(path: String, content: OutputSet.Content)] = zip(formats, paths).map { f, path in
            if f == .pdf {
                let html = String(decoding: texts.first { $0.0 == .html }?.1 ?? [], as: UTF8.self)
                return (path, .produced { try PDFPrinter.print(html: html, to: $0, display: path) })
            }
            return (path, .bytes(texts.first { $0.0 == f }?.1 ?? []))
        }
        try OutputSet.write(files, into: output, userAgreed: userAgreed)
        return paths
    }

    static func paths(formats: [OutputFormat], output: String, baseName: String) -> [String] {
        formats.map { (output as NSString).appendingPathComponent("\(baseName).\($0.rawValue)") }
    }

    /// The UTF-8 bytes of several formats at once; Markdown and HTML share their view model when they can.
    func texts(_ proposal: Proposal, _ formats: [OutputFormat]) throws -> [(OutputFormat, [UInt8])] {
        // The JSON is encoded on another core while Markdown and HTML render on this one.
        let json = formats.contains(.json) && ProposalWriter.needsTemplates(formats) ? Background { proposal.jsonBytes() } : nil
        let documents = try self.documents(proposal, formats)
        return try formats.map { f in
            switch f {
            case .md: return (f, documents.markdown ?? [])
            case .html: return (f, documents.html ?? [])
            case .json: return (f, json?.value() ?? proposal.jsonBytes())
            case .pdf: return (f, Array(try text(proposal, f).utf8))
            }
        }
    }

    /// The Markdown and HTML bytes among `formats` (nil when not asked for), from one view model when they can.
    func documents(_ proposal: Proposal, _ formats: [OutputFormat]) throws -> (markdown: [UInt8]?, html: [UInt8]?) {
        let wantsMarkdown = formats.contains(.md), wantsHTML = formats.contains(.html)
        guard wantsMarkdown || wantsHTML else { return (nil, nil) }
        do {
            return try renderer().checkedDocuments(proposal, lang: lang, markdown: wantsMarkdown, html: wantsHTML)
        } catch let failure as TemplateRenderFailure {
            throw CLIError.input(failure.message)
        }
    }

    /// The Markdown and HTML among `formats` into a worker's reusable buffers (a batch).
    func render(_ proposal: Proposal, _ formats: [OutputFormat], into buffers: inout DocumentBuffers) throws {
        let wantsMarkdown = formats.contains(.md), wantsHTML = formats.contains(.html)
        guard wantsMarkdown || wantsHTML else { return }
        try renderer().render(proposal, lang: lang, markdown: wantsMarkdown, html: wantsHTML, into: &buffers)
        // A template that reached its bounds fails this record, not the batch.
        if let failure = buffers.failure { throw CLIError.input(failure) }
    }

    func text(_ proposal: Proposal, _ format: OutputFormat) throws -> String {
        switch format {
        case .json: return proposal.jsonText()
        case .md: return String(decoding: try documents(proposal, [.md]).markdown ?? [], as: UTF8.self)
        case .html: return String(decoding: try documents(proposal, [.html]).html ?? [], as: UTF8.self)
        case .pdf: throw CLIError.usage("PDF is binary: write it to a folder with -o DIR")
        }
    }
}
