/// Rendering of compiled templates, mirroring swift-mustache's `Template+Render` (context stack, sections,
/// partial indentation, content types) with values looked up by dictionary and text appended as bytes.
struct CompiledTemplateSet: Sendable {
    let templates: [String: CompiledTemplate]

    /// Compiles every template, or returns nil when one needs swift-mustache.
    init?(_ texts: [String: String]) {
        var out: [String: CompiledTemplate] = [:]
        for (name, text) in texts {
            guard let compiled = CompiledTemplate.compile(text) else { return nil }
            out[name] = compiled
        }
        templates = out
    }

    func render(_ root: MustacheValue, template name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(128 * 1024)
        var stack = [root]
        stack.reserveCapacity(16)
        render(template.nodes, Context(text: false, indentation: nil), &stack, into: &out)
        return out
    }

    /// What a template render carries besides the object stack.
    struct Context {
        /// TEXT content type (no escaping) instead of HTML.
        var text: Bool
        var indentation: String?
    }

    /// Renders `nodes` with `stack` as the lookup context (pushed and popped in place, never copied).
    func render(_ nodes: [CompiledTemplate.Node], _ context: Context, _ stack: inout [MustacheValue], into out: inout String) {
        var context = context
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &context, &stack, into: &out) }
            return
        }
        // Inside an indented partial: indent whatever starts a new line of this template's own output.
        var local = false
        for node in nodes {
            let before = out.utf8.count
            let lineStart = local && out.last == "\n"
            render(node, &context, &stack, into: &out)
            guard out.utf8.count > before else { continue }
            if lineStart { out.insert(contentsOf: indentation, at: out.utf8.index(out.utf8.startIndex, offsetBy: before)) }
            local = true
        }
    }

    func render(_ node: CompiledTemplate.Node, _ context: inout Context, _ stack: inout [MustacheValue], into out: inout String) {
        switch node {
        case let .text(text):
            out += text
        case let .variable(path, escaped):
            guard let value = lookup(path, stack) else { return }
            let text: String
            switch value {
            case let .string(s): text = s
            case let .bool(b): text = b ? "true" : "false"
            case .list, .object, .table: text = String(describing: value.plain)
            }
            if escaped && !context.text { HTMLEscape.append(text, to: &out) } else { out += text }
        case let .section(path, inverted, body):
            let value = lookup(path, stack)
            if inverted {
                switch value {
                case .none, .bool(false): render(body, context, &stack, into: &out)
                case let .list(items) where items.isEmpty: render(body, context, &stack, into: &out)
                default: break
                }
                return
            }
            switch value {
            case .none, .bool(false): break
            case .bool(true): render(body, context, &stack, into: &out)
            case let .list(items):
                for item in items {
                    stack.append(item)
                    render(body, context, &stack, into: &out)
                    stack.removeLast()
                }
            case let .some(other):
                stack.append(other)
                render(body, context, &stack, into: &out)
                stack.removeLast()
            }
        case let .partial(name, indented):
            guard let template = templates[name] else { return }
            var inner = context
            inner.text = false
            if let indented { inner.indentation = (context.indentation ?? "") + indented }
            render(template.nodes, inner, &stack, into: &out)
        case let .contentType(text):
            context.text = text
        }
    }

    /// The first name is searched from the innermost object outwards; the rest descend from what it found.
    func lookup(_ path: [String], _ stack: [MustacheValue]) -> MustacheValue? {
        guard let first = path.first, first != "." else {
            var value = stack.last
            for name in path.dropFirst() { value = value?.child(name) }
            return value
        }
        for object in stack.reversed() {
            if var value = object.child(first) {
                for name in path.dropFirst() {
                    guard let next = value.child(name) else { return nil }
                    value = next
                }
                return value
            }
        }
        return nil
    }
}

/// HTML escaping, producing exactly what swift-mustache produces for `{{name}}`, but over UTF-8 bytes and
/// in runs: text without special characters is appended in one piece.
public enum HTMLEscape {
    /// `text` with `< > & " '` replaced by entities.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return out
    }

    static func append(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var i = runStart
        while i != utf8.endIndex {
            let replacement: String?
            switch utf8[i] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                // Special characters are ASCII, so these byte positions are character boundaries.
                out += text[runStart..<i]
                out += replacement
                runStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if runStart == utf8.startIndex { out += text } else { out += text[runStart...] }
    }
}
