import GaizaoTemplates
import Mustache

/// Renders proposals as Markdown and as one self-contained HTML file through Mustache templates. The templates
/// are parsed and checked once, when the renderer is made; rendering is pure and safe to share across tasks.
///
/// swift-mustache parses and validates the templates (and renders them when they use a feature the compiled
/// path does not cover); rendering normally goes through `CompiledTemplateSet`, which gives the same bytes an
/// order of magnitude faster.
public struct ProposalRenderer: Sendable {
    public struct LoadResult: Sendable {
        /// Present when the templates have no error.
        public var renderer: ProposalRenderer?
        public var diagnostics: [Diagnostic]
    }

    /// Which renderer produces the text.
    enum Engine: Sendable { case compiled, library }

    /// swift-mustache's parse of the templates, parsed on demand (for the tests that hold both renderers equal).
    let checkedLibrary: MustacheLibrary?
    let texts: [String: String]
    let compiled: CompiledTemplateSet?

    var library: MustacheLibrary {
        if let checkedLibrary { return checkedLibrary }
        let parsed = texts.compactMapValues { try? MustacheTemplate(string: $0) }
        return MustacheLibrary(templates: parsed)
    }

    /// True when the fast compiled path renders these templates.
    public var usesCompiledTemplates: Bool { compiled != nil }

    /// Parses and checks the templates (relative path → file, as `TemplateChecks` reads them).
    /// - Parameter thorough: also look for what is only a warning (unknown `t.` keys), and compile every
    ///   template, not only the proposal templates and their partials. Every check that can find an error runs
    ///   either way, so `diagnose` and `batch` refuse exactly what lint calls an error; each template is parsed
    ///   once, and the renderer is built from what the checks parsed.
    public static func load(_ files: [String: SourceFile], folder: String, thorough: Bool = true) -> LoadResult {
        let checked = TemplateChecks.check(files, folder: folder, warnings: thorough)
        guard !checked.diagnostics.contains(where: { $0.severity == .error }) else {
            return LoadResult(renderer: nil, diagnostics: checked.diagnostics)
        }
        // The checks read templates with the compiler's parser: what they accept compiles, and is never handed to
        // swift-mustache's renderer, which has no bound on recursion, output or time.
        guard let compiled = CompiledTemplateSet(compiled: checked.compiled, roots: thorough ? nil : TemplateChecks.required) else {
            return LoadResult(renderer: nil, diagnostics: checked.diagnostics + [Diagnostic(.error, "the templates in \(folder) cannot be compiled", at: nil)])
        }
        let renderer = ProposalRenderer(checkedLibrary: nil, texts: checked.texts, compiled: compiled)
        return LoadResult(renderer: renderer, diagnostics: checked.diagnostics)
    }

    public func markdown(_ proposal: Proposal, lang: Lang) -> String {
        render(ProposalViewModel(proposal, lang: lang, flavor: .markdown), template: "proposal.md")
    }

    public func html(_ proposal: Proposal, lang: Lang) -> String {
        render(ProposalViewModel(proposal, lang: lang, flavor: .html), template: "proposal.html")
    }

    /// Markdown and HTML together as UTF-8 bytes: one view model serves both whenever no text needs Markdown
    /// escaping (the common case), which halves the model building. Same bytes as `markdown(_:lang:)` and
    /// `html(_:lang:)`.
    public func documents(_ proposal: Proposal, lang: Lang, markdown wantsMarkdown: Bool, html wantsHTML: Bool)
        -> (markdown: [UInt8]?, html: [UInt8]?) {
        var buffers = DocumentBuffers()
        render(proposal, lang: lang, markdown: wantsMarkdown, html: wantsHTML, into: &buffers)
        return (wantsMarkdown ? buffers.markdown : nil, wantsHTML ? buffers.html : nil)
    }

    /// `documents`, or an error when a render reached `TemplateLimits` (the documents are then incomplete).
    public func checkedDocuments(_ proposal: Proposal, lang: Lang, markdown wantsMarkdown: Bool, html wantsHTML: Bool) throws
        -> (markdown: [UInt8]?, html: [UInt8]?) {
        var buffers = DocumentBuffers()
        render(proposal, lang: lang, markdown: wantsMarkdown, html: wantsHTML, into: &buffers)
        if let failure = buffers.failure { throw TemplateRenderFailure(message: failure) }
        return (wantsMarkdown ? buffers.markdown : nil, wantsHTML ? buffers.html : nil)
    }

    /// `documents` into a worker's reusable buffers, as a batch renders: nothing is copied out, and nothing is
    /// allocated for the output once the buffers have grown. Each buffer is emptied first.
    public func render(_ proposal: Proposal, lang: Lang, markdown wantsMarkdown: Bool, html wantsHTML: Bool,
                       into buffers: inout DocumentBuffers) {
        buffers.markdown.removeAll(keepingCapacity: true)
        buffers.html.removeAll(keepingCapacity: true)
        buffers.failure = nil
        guard wantsHTML else {
            if wantsMarkdown {
                let model = ProposalViewModel(proposal, lang: lang, flavor: .markdown)
                if !render(model, template: "proposal.md", into: &buffers.markdown, hints: &buffers.hints) {
                    buffers.failure = TemplateLimits.message("proposal.md")
                }
            }
            return
        }
        let model = ProposalViewModel(proposal, lang: lang, flavor: .html)
        if !render(model, template: "proposal.html", into: &buffers.html, hints: &buffers.hints) {
            buffers.failure = TemplateLimits.message("proposal.html")
        }
        guard wantsMarkdown else { return }
        let markdownModel = model.servesMarkdown ? model : ProposalViewModel(proposal, lang: lang, flavor: .markdown)
        if !render(markdownModel, template: "proposal.md", into: &buffers.markdown, hints: &buffers.hints), buffers.failure == nil {
            buffers.failure = TemplateLimits.message("proposal.md")
        }
    }

    func render(_ model: ProposalViewModel, template: String, engine: Engine = .compiled) -> String {
        // `load` guarantees the required templates exist.
        if engine == .compiled, let compiled {
            return compiled.render(model.tree.root, template: template) ?? ""
        }
        return library.render(model.tree.plain, withTemplate: template) ?? ""
    }

    /// Appends the rendered document to `out`; false when the render stopped at `TemplateLimits`.
    private func render(_ model: ProposalViewModel, template: String, into out: inout [UInt8], hints: inout TemplateHints) -> Bool {
        if let compiled {
            switch compiled.render(model.tree.root, template: template, into: &out, hints: &hints) {
            case .rendered: return true
            case .limitReached: return false
            case .noSuchTemplate: break
            }
        }
        out.append(contentsOf: render(model, template: template, engine: .library).utf8)
        return true
    }
}

/// A worker's output buffers for `ProposalRenderer.render(_:lang:markdown:html:into:)`, reused from one
/// proposal to the next so that their memory is allocated once.
public struct DocumentBuffers {
    public internal(set) var markdown: [UInt8] = []
    public internal(set) var html: [UInt8] = []

    public init() {
        markdown.reserveCapacity(64 * 1024)
        html.reserveCapacity(128 * 1024)
    }

    /// The Markdown of the last render, lent without a copy.
    public func withMarkdown<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try markdown.withUnsafeBytes(body) }

    /// The HTML of the last render, lent without a copy.
    public func withHTML<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R { try html.withUnsafeBytes(body) }

    /// Why the last render is incomplete (it reached `TemplateLimits`), or nil.
    public internal(set) var failure: String?

    /// Where the templates' tags found their names in the view model last time, carried from one proposal to the
    /// next (each render starts from them instead of searching every object's fields afresh).
    var hints = TemplateHints()
}

/// A render stopped at `TemplateLimits`.
public struct TemplateRenderFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
