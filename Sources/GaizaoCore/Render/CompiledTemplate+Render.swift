/// Rendering of compiled templates, mirroring swift-mustache's `Template+Render` (context stack, sections,
/// partial indentation, content types) with values looked up by dictionary and text appended as bytes.
struct CompiledTemplateSet: Sendable {
    let templates: [String: CompiledTemplate]

    /// Compiles every template — or, given `roots`, only those and the partials they reach (a `diagnose` need
    /// not compile the comparison templates) — or returns nil when one needs swift-mustache.
    init?(_ texts: [String: String], roots: [String]? = nil) {
        var out: [String: CompiledTemplate] = [:]
        var pending = roots ?? Array(texts.keys)
        while let name = pending.popLast() {
            guard out[name] == nil, let text = texts[name] else { continue }
            guard let compiled = CompiledTemplate.compile(text) else { return nil }
            out[name] = compiled
            if roots != nil { pending += Self.partials(compiled.nodes) }
        }
        templates = out
    }

    private static func partials(_ nodes: [CompiledTemplate.Node]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case let .partial(name, _): return [name]
            case let .section(_, _, body): return partials(body)
            case .text, .variable, .contentType: return []
            }
        }
    }

    func render(_ root: MustacheValue, template name: String) -> String? {
        renderBytes(root, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rendered UTF-8 bytes: valid UTF-8 by construction (only Strings are appended), so a writer can
    /// write them without the validation a String costs.
    func renderBytes(_ root: MustacheValue, template name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        // Rendered as UTF-8 bytes (cheaper to append to than a String) and made a String once at the end.
        var out: [UInt8] = []
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
    func render(_ nodes: [CompiledTemplate.Node], _ context: Context, _ stack: inout [MustacheValue], into out: inout [UInt8]) {
        var context = context
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &context, &stack, into: &out) }
            return
        }
        // Inside an indented partial: indent whatever starts a new line of this template's own output.
        var local = false
        for node in nodes {
            let before = out.count
            let lineStart = local && out.last == UInt8(ascii: "\n")
            render(node, &context, &stack, into: &out)
            guard out.count > before else { continue }
            if lineStart { out.insert(contentsOf: Array(indentation.utf8), at: before) }
            local = true
        }
    }

    func render(_ node: CompiledTemplate.Node, _ context: inout Context, _ stack: inout [MustacheValue], into out: inout [UInt8]) {
        switch node {
        case let .text(text):
            UTF8Bytes.append(text, to: &out)
        case let .variable(path, escaped):
            guard let value = lookup(path, stack) else { return }
            let text: String
            switch value {
            case let .string(s): text = s
            case let .bool(b): text = b ? "true" : "false"
            case .list, .object, .table: text = String(describing: value.plain)
            }
            if escaped && !context.text { HTMLEscape.append(text, to: &out) } else { UTF8Bytes.append(text, to: &out) }
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
        var level = stack.count - 1
        while level >= 0 {
            defer { level -= 1 }
            if var value = stack[level].child(first) {
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

/// Appending a String's UTF-8 to a byte buffer in one copy.
enum UTF8Bytes {
    @inline(__always)
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }
}

/// HTML escaping, producing exactly what swift-mustache produces for `{{name}}`, over UTF-8 bytes and in
/// runs: text without special characters is appended in one piece.
public enum HTMLEscape {
    /// `text` with `< > & " '` replaced by entities.
    public static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none is ASCII (CJK text): the special characters are all ASCII.
                if let word = ByteScan.word(bytes, at: i), ByteScan.noASCII(word) {
                    i += 8
                    continue
                }
                defer { i += 1 }
                let replacement: StaticString
                switch bytes[i] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
