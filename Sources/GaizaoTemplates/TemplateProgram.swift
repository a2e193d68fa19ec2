/// The templates of a set laid out flat for rendering: one array of operations, every literal text in one byte
/// pool and every tag name in one list, each operation pointing into them by ranges.
///
/// Why flat: an operation is a plain value with no references, so the renderer reads it without reference
/// counting. Walking the node trees instead retained and released each node (and its payload arrays) at every
/// visit: atomic operations that made rendering a proposal about a third slower.
struct TemplateProgram: Sendable {
    struct Operation: Sendable {
        enum Kind: Sendable { case text, variable, section, partial, contentType }
        var kind: Kind
        /// `variable`: HTML-escaped. `section`: inverted. `contentType`: TEXT (no escaping).
        var flag = false
        /// `text`: its bytes in `pool` (the texts of one or more lines). `partial`: the indentation of a standalone
        /// tag in `pool` (empty: none).
        var bytes: Range<Int> = 0..<0
        /// `variable`, `section`: the parts of the dotted name in `names` and `bits`.
        var names: Range<Int> = 0..<0
        /// `section`: its own operations, which follow it. `partial`: the included template's operations (empty
        /// when the set has no template of that name).
        var body: Range<Int> = 0..<0

        /// The index of the operation after this one at the same level: past a section's body.
        func next(after index: Int) -> Int { kind == .section ? body.upperBound : index + 1 }
    }

    private(set) var operations: [Operation] = []
    private(set) var pool: [UInt8] = []
    private(set) var names: [String] = []
    /// `NamePath.bit` of each name of `names`.
    private(set) var bits: [UInt64] = []
    /// `NamePath.hash` of each name of `names`.
    private(set) var hashes: [Int] = []
    /// Each template's operations, by name.
    private(set) var entries: [String: Range<Int>] = [:]

    init(_ templates: [String: CompiledTemplate]) {
        var partials: [(operation: Int, name: String)] = []
        // Sorted, so that equal sets lay out alike.
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            let start = operations.count
            lay(template.nodes, partials: &partials)
            entries[name] = start..<operations.count
        }
        for (operation, name) in partials {
            operations[operation].body = entries[name] ?? 0..<0
        }
    }

    private mutating func lay(_ nodes: [CompiledTemplate.Node], partials: inout [(operation: Int, name: String)]) {
        for (k, node) in nodes.enumerated() {
            switch node {
            case let .text(bytes):
                // Texts that follow one another (the lines of a block of plain text) become one operation: their
                // bytes are laid out one after the other in `pool`. An indented partial's render splits such an
                // operation at its line ends again (`TemplateRun.render(_:_:into:)`).
                if k > 0, case .text = nodes[k - 1] {
                    operations[operations.count - 1].bytes = operations[operations.count - 1].bytes.lowerBound..<add(bytes).upperBound
                } else {
                    operations.append(Operation(kind: .text, bytes: add(bytes)))
                }
            case let .variable(path, escaped):
                operations.append(Operation(kind: .variable, flag: escaped, names: add(path)))
            case let .section(path, inverted, body):
                let at = operations.count
                operations.append(Operation(kind: .section, flag: inverted, names: add(path)))
                lay(body, partials: &partials)
                operations[at].body = at + 1..<operations.count
            case let .partial(name, indentation):
                partials.append((operations.count, name))
                operations.append(Operation(kind: .partial, bytes: add(Array((indentation ?? "").utf8))))
            case let .contentType(text):
                operations.append(Operation(kind: .contentType, flag: text))
            }
        }
    }

    private mutating func add(_ bytes: [UInt8]) -> Range<Int> {
        let start = pool.count
        pool += bytes
        return start..<pool.count
    }

    private mutating func add(_ path: NamePath) -> Range<Int> {
        let start = names.count
        names += path.names
        bits += path.bits
        hashes += path.hashes
        return start..<names.count
    }
}
