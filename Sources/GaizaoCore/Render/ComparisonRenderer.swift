import GaizaoTemplates
import Mustache

/// Renders a `ProposalComparison` as Markdown and as one self-contained HTML file through the `compare.*`
/// templates of a template folder (which share the proposal's partials, e.g. its stylesheet). Parsed and checked
/// once when made; rendering is pure, deterministic and goes through the compiled fast path like proposals.
public struct ComparisonRenderer: Sendable {
    public struct LoadResult: Sendable {
        /// Present when the templates have no error.
        public var renderer: ComparisonRenderer?
        public var diagnostics: [Diagnostic]
    }

    /// The template of each output, by format name.
    public static let templates = ["md": "compare.md", "html": "compare.html"]

    let texts: [String: String]
    let compiled: CompiledTemplateSet?

    /// swift-mustache's reading of the templates, for the tests that hold both renderers equal.
    var library: MustacheLibrary { MustacheLibrary(templates: texts.compactMapValues { try? MustacheTemplate(string: $0) }) }

    /// True when the fast compiled path renders these templates.
    public var usesCompiledTemplates: Bool { compiled != nil }

    /// Parses and checks the templates (relative path → file). `required` names the compare templates the
    /// caller will render (those of the formats asked for); the proposal templates are not required here.
    public static func load(_ files: [String: SourceFile], folder: String,
                            required: [String] = ["compare.md", "compare.html"]) -> LoadResult {
        let checked = TemplateChecks.check(files, folder: folder, required: required)
        guard !checked.diagnostics.contains(where: { $0.severity == .error }) else {
            return LoadResult(renderer: nil, diagnostics: checked.diagnostics)
        }
        guard let compiled = CompiledTemplateSet(compiled: checked.compiled) else {
            return LoadResult(renderer: nil, diagnostics: checked.diagnostics + [Diagnostic(.error, "the templates in \(folder) cannot be compiled", at: nil)])
        }
        return LoadResult(renderer: ComparisonRenderer(texts: checked.texts, compiled: compiled), diagnostics: checked.diagnostics)
    }

    public func markdown(_ comparison: ProposalComparison, lang: Lang) -> String {
        render(ComparisonViewModel(comparison, lang: lang, flavor: .markdown), template: "compare.md")
    }

    public func html(_ comparison: ProposalComparison, lang: Lang) -> String {
        render(ComparisonViewModel(comparison, lang: lang, flavor: .html), template: "compare.html")
    }

    /// The comparison as Markdown (`markdown`) or HTML, or an error when the render reached `TemplateLimits`.
    public func checkedText(_ comparison: ProposalComparison, lang: Lang, markdown: Bool) throws -> String {
        let template = markdown ? "compare.md" : "compare.html"
        let model = ComparisonViewModel(comparison, lang: lang, flavor: markdown ? .markdown : .html)
        guard let compiled, let bytes = compiled.renderBytes(model.tree.root, template: template) else {
            throw TemplateRenderFailure(message: TemplateLimits.message(template))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func render(_ model: ComparisonViewModel, template: String, engine: ProposalRenderer.Engine = .compiled) -> String {
        // `load` guarantees the required templates exist.
        if engine == .compiled, let compiled {
            return compiled.render(model.tree.root, template: template) ?? ""
        }
        return library.render(model.tree.plain, withTemplate: template) ?? ""
    }
}
