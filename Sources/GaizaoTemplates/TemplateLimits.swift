/// Bounds on one render, so that no template — the shipped ones render a proposal in well under a megabyte and a
/// hundred thousand instructions — can take without end the memory or the time of a run: sections nested over
/// lists multiply. A render that reaches one stops, and its document is reported as failed, never written.
public enum TemplateLimits {
    /// The most bytes one render may write.
    public static let maxOutputBytes = 32 << 20
    /// The most nodes one render may visit.
    public static let maxInstructions = 50_000_000

    /// Sections nested deeper than this (sections and partials together, across templates) are refused: the
    /// parser and the renderer recurse once per level, and a hostile file nested a hundred thousand deep would
    /// overflow the stack. The shipped templates nest 6 deep.
    public static let maxSectionDepth = 100

    /// What to tell the user when a render of `template` reached a limit.
    public static func message(_ template: String) -> String {
        "template \(template) renders more than \(maxOutputBytes >> 20) MB or \(maxInstructions) instructions (sections nested over lists multiply): simplify the template"
    }

    /// How deep sections and partials nest in all, each partial's sections counted below the tag that includes
    /// it. The templates' partials must not form a cycle.
    static func nestingDepth(_ templates: [String: CompiledTemplate]) -> Int {
        var memo: [String: Int] = [:]
        func depth(_ nodes: [CompiledTemplate.Node]) -> Int {
            var deepest = 0
            for node in nodes {
                switch node {
                case let .section(_, _, body): deepest = max(deepest, 1 + depth(body))
                case let .partial(name, _): deepest = max(deepest, 1 + depth(of: name))
                case .text, .variable, .contentType: break
                }
            }
            return deepest
        }
        func depth(of name: String) -> Int {
            if let known = memo[name] { return known }
            memo[name] = 0
            let d = templates[name].map { depth($0.nodes) } ?? 0
            memo[name] = d
            return d
        }
        return templates.keys.map { depth(of: $0) }.max() ?? 0
    }
}
