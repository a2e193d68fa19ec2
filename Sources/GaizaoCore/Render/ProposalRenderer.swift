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

    let library: MustacheLibrary
    let compiled: CompiledTemplateSet?

    /// True when the fast compiled path renders these templates.
    public var usesCompiledTemplates: Bool { compiled != nil }

    /// Parses and checks the templates (relative path → file, as `TemplateChecks` reads them).
    public static func load(_ files: [String: SourceFile], folder: String) -> LoadResult {
        let checked = TemplateChecks.check(files, folder: folder)
        guard !checked.diagnostics.contains(where: { $0.severity == .error }) else {
            return LoadResult(renderer: nil, diagnostics: checked.diagnostics)
        }
        let renderer = ProposalRenderer(library: MustacheLibrary(templates: checked.templates), compiled: CompiledTemplateSet(checked.texts))
        return LoadResult(renderer: renderer, diagnostics: checked.diagnostics)
    }

    public func markdown(_ proposal: Proposal, lang: Lang) -> String {
        render(ProposalViewModel(proposal, lang: lang, flavor: .markdown), template: "proposal.md")
    }

    public func html(_ proposal: Proposal, lang: Lang) -> String {
        render(ProposalViewModel(proposal, lang: lang, flavor: .html), template: "proposal.html")
    }

    func render(_ model: ProposalViewModel, template: String, engine: Engine = .compiled) -> String {
        // `load` guarantees the required templates exist.
        if engine == .compiled, let compiled {
            return compiled.render(model.root, template: template) ?? ""
        }
        return library.render(model.root.plain, withTemplate: template) ?? ""
    }
}
