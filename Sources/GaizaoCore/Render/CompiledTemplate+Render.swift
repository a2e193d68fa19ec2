import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rendering of compiled templates, mirroring swift-mustache's `Template+Render` (context stack, sections,
/// partial indentation, content types) over a `ViewTree`.
///
/// The templates are flattened into one `TemplateProgram`: instructions, their texts and their key names in
/// flat arrays. Together with the view model's arena, rendering reads only buffers by index and appends bytes:
/// no retain or release per tag (which, on objects both cores share, are contended atomic operations).
struct CompiledTemplateSet: Sendable {
    let program: TemplateProgram

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
        // Partials that include each other would render forever, or explode, or nest too deep for the stack:
        // left to the checks, which report it.
        let graph = PartialGraph(out.mapValues { Self.partials($0.nodes) })
        guard graph.firstCycle() == nil, out.keys.allSatisfy({ graph.inclusions(of: $0) <= PartialGraph.maxInclusions }),
              TemplateLimits.nestingDepth(out) <= TemplateChecks.maxSectionDepth else { return nil }
        program = TemplateProgram(out)
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

    func render(_ tree: ViewTree, template name: String) -> String? {
        renderBytes(tree, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rendered UTF-8 bytes: valid UTF-8 by construction (only whole strings' bytes are appended), so a
    /// writer can write them without the validation a String costs.
    func renderBytes(_ tree: ViewTree, template name: String, capacity: Int = 128 * 1024) -> [UInt8]? {
        var out = ByteSink(capacity: capacity)
        guard render(tree, template: name, into: &out), !out.limitExceeded else { return nil }
        return out.bytes()
    }

    /// Appends the rendered bytes to `out`; false when there is no such template.
    func render(_ tree: ViewTree, template name: String, into out: inout ByteSink) -> Bool {
        guard let template = program.index[name] else { return false }
        program.withBuffers { code in
            tree.arena.withBuffers { values in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(code.parts.count, 1)) { hints in
                    hints.initialize(repeating: -1)
                    var run = TemplateRun(code: code, values: values, hints: hints, tableTexts: values.tables.map(program.texts))
                    run.stack.append(tree.root.slot)
                    run.render(template: template, TemplateRun.Context(text: false, indentation: nil), into: &out)
                }
            }
        }
        return true
    }
}

/// The templates of a set as flat instructions. Immutable once made.
final class TemplateProgram: @unchecked Sendable {
    enum Code: UInt8 { case text, variable, section, invertedSection, partial, contentType }

    /// text: `a` offset and `b` length in `text`. variable: `a` first path part, `b` parts, `flag` escaped.
    /// section: `a`, `b` the path, `c` the instruction after the section (its body is the ones between).
    /// partial: `a` the template (-1: none such), `b`/`c` the indentation in `text` (`c` -1: not standalone).
    /// contentType: `flag` TEXT.
    struct Op {
        var code: Code
        var flag: Bool = false
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
    }

    /// One part of a dotted name, in `keys`; `length` -1 is `.`, the current object.
    struct Part {
        var offset: Int32
        var length: Int32
        /// `KeyBytes.bit` of the name.
        var bit: UInt64 = 0
    }

    private(set) var ops: [Op] = []
    private(set) var text: [UInt8] = []
    private(set) var keys: [UInt8] = []
    private(set) var parts: [Part] = []
    /// Each part as a String, for the hashed string tables.
    private(set) var partNames: [String] = []
    /// Per string table met so far: the table's text for each part (nil: none). The table is kept so that its
    /// identifier cannot be reused by another.
    private var tableTexts: [ObjectIdentifier: (table: StringTable, texts: [String?])] = [:]
    private let tableLock = NSLock()
    /// Each template's instructions.
    private(set) var ranges: [(start: Int32, end: Int32)] = []
    let index: [String: Int]

    init(_ templates: [String: CompiledTemplate]) {
        let names = templates.keys.sorted()
        index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        for name in names {
            let start = Int32(ops.count)
            emit(templates[name]!.nodes)
            ranges.append((start, Int32(ops.count)))
        }
        keys.append(contentsOf: repeatElement(0, count: KeyBytes.padding))
    }

    private func emit(_ nodes: [CompiledTemplate.Node]) {
        for node in nodes {
            switch node {
            case let .text(s):
                let (offset, length) = store(s)
                ops.append(Op(code: .text, a: offset, b: length))
            case let .variable(path, escaped):
                let (first, count) = store(path)
                ops.append(Op(code: .variable, flag: escaped, a: first, b: count))
            case let .section(path, inverted, body):
                let (first, count) = store(path)
                let at = ops.count
                ops.append(Op(code: inverted ? .invertedSection : .section, a: first, b: count))
                emit(body)
                ops[at].c = Int32(ops.count)
            case let .partial(name, indentation):
                let (offset, length) = indentation.map(store) ?? (0, -1)
                ops.append(Op(code: .partial, a: Int32(index[name] ?? -1), b: offset, c: length))
            case let .contentType(isText):
                ops.append(Op(code: .contentType, flag: isText))
            }
        }
    }

    private func store(_ s: String) -> (Int32, Int32) {
        let offset = Int32(text.count)
        text.append(contentsOf: s.utf8)
        return (offset, Int32(text.count) - offset)
    }

    private func store(_ path: [String]) -> (Int32, Int32) {
        let first = Int32(parts.count)
        for (i, name) in path.enumerated() {
            if i == 0 && name == "." {
                parts.append(Part(offset: 0, length: -1))
            } else {
                let bytes = Array(name.utf8)
                parts.append(Part(offset: Int32(keys.count), length: Int32(bytes.count), bit: bytes.withUnsafeBufferPointer(KeyBytes.bit)))
                keys.append(contentsOf: bytes)
            }
            partNames.append(name)
        }
        return (first, Int32(path.count))
    }

    /// The text of `table` for each name part: one hash lookup per part the first time a table is met, none
    /// while rendering.
    func texts(of table: StringTable) -> [String?] {
        tableLock.lock()
        defer { tableLock.unlock() }
        if let known = tableTexts[ObjectIdentifier(table)] { return known.texts }
        let texts = partNames.map { table.texts[$0] }
        tableTexts[ObjectIdentifier(table)] = (table, texts)
        return texts
    }

    struct Buffers {
        let ops: UnsafeBufferPointer<Op>
        let text: UnsafeBufferPointer<UInt8>
        let keys: UnsafeBufferPointer<UInt8>
        let parts: UnsafeBufferPointer<Part>
        let partNames: [String]
        let ranges: [(start: Int32, end: Int32)]
    }

    func withBuffers<R>(_ body: (Buffers) -> R) -> R {
        ops.withUnsafeBufferPointer { ops in
            text.withUnsafeBufferPointer { text in
                keys.withUnsafeBufferPointer { keys in
                    parts.withUnsafeBufferPointer { parts in
                        body(Buffers(ops: ops, text: text, keys: keys, parts: parts, partNames: partNames, ranges: ranges))
                    }
                }
            }
        }
    }
}

/// One rendering: the program and the view model as buffers, and the context stack of slots.
struct TemplateRun {
    let code: TemplateProgram.Buffers
    let values: ViewArena.Buffers
    /// Slots of the objects in scope, innermost last. A negative value `-(table × parts + part + 2)` stands for
    /// a string table's text for a name part (`tableText`).
    var stack: [Int32] = []
    /// Per name part: where it was found last time, the field's position in its object. A tag inside a section
    /// meets objects of the same shape on every pass, so the hint is nearly always right, and checking it is one
    /// comparison instead of a scan of the fields.
    let hints: UnsafeMutableBufferPointer<Int32>
    /// Per string table of the model (`values.tables`): its text for each name part.
    let tableTexts: [[String?]]

    init(code: TemplateProgram.Buffers, values: ViewArena.Buffers, hints: UnsafeMutableBufferPointer<Int32>, tableTexts: [[String?]]) {
        self.code = code
        self.values = values
        self.hints = hints
        self.tableTexts = tableTexts
        stack.reserveCapacity(16)
    }

    /// What a template render carries besides the object stack.
    struct Context {
        /// TEXT content type (no escaping) instead of HTML.
        var text: Bool
        /// The indentation of the standalone partial tags this render is inside, as bytes.
        var indentation: [UInt8]?
    }

    mutating func render(template: Int, _ context: Context, into out: inout ByteSink) {
        let range = code.ranges[template]
        render(Int(range.start)..<Int(range.end), context, into: &out)
    }

    /// Renders the instructions in `range` (sections included whole).
    mutating func render(_ range: Range<Int>, _ context: Context, into out: inout ByteSink) {
        var context = context
        var i = range.lowerBound
        guard let indentation = context.indentation, !indentation.isEmpty else {
            while i < range.upperBound { i = render(at: i, &context, into: &out) }
            return
        }
        // Inside an indented partial: indent whatever starts a new line of this template's own output.
        var local = false
        while i < range.upperBound {
            let before = out.count
            let lineStart = local && out.last == UInt8(ascii: "\n")
            i = render(at: i, &context, into: &out)
            guard out.count > before else { continue }
            if lineStart { out.insert(indentation, at: before) }
            local = true
        }
    }

    /// Instructions rendered so far, against `TemplateLimits.maxInstructions`.
    var work = 0

    /// Renders the instruction at `i` (a whole section) and returns the index of the next one.
    mutating func render(at i: Int, _ context: inout Context, into out: inout ByteSink) -> Int {
        work &+= 1
        if out.limitExceeded || work > TemplateLimits.maxInstructions || out.count > TemplateLimits.maxOutputBytes {
            out.limitExceeded = true
            return code.ops[i].code == .section || code.ops[i].code == .invertedSection ? Int(code.ops[i].c) : i + 1
        }
        let op = code.ops[i]
        switch op.code {
        case .text:
            out.append(UnsafeBufferPointer(rebasing: code.text[Int(op.a)..<Int(op.a + op.b)]))
        case .variable:
            guard let value = lookup(op) else { break }
            write(value, escaped: op.flag && !context.text, into: &out)
        case .section, .invertedSection:
            let body = (i + 1)..<Int(op.c)
            let value = lookup(op)
            let slot = value.flatMap { $0 >= 0 ? values.slots[Int($0)] : nil }
            if op.code == .invertedSection {
                if value == nil || (slot?.kind == .bool && slot?.a == 0) || (slot?.kind == .list && slot?.b == 0) {
                    render(body, context, into: &out)
                }
                return Int(op.c)
            }
            guard let value else { return Int(op.c) }
            switch slot?.kind {
            case .bool?:
                if slot!.a != 0 { render(body, context, into: &out) }
            case .list?:
                let first = Int(slot!.a)
                for k in first..<(first + Int(slot!.b)) where !out.limitExceeded {
                    stack.append(values.items[k])
                    render(body, context, into: &out)
                    stack.removeLast()
                }
            default:
                stack.append(value)
                render(body, context, into: &out)
                stack.removeLast()
            }
            return Int(op.c)
        case .partial:
            guard op.a >= 0 else { break }
            var inner = context
            inner.text = false
            if op.c >= 0 {
                inner.indentation = (context.indentation ?? []) + Array(code.text[Int(op.b)..<Int(op.b + op.c)])
            }
            render(template: Int(op.a), inner, into: &out)
        case .contentType:
            context.text = op.flag
        }
        return i + 1
    }

    private mutating func write(_ value: Int32, escaped: Bool, into out: inout ByteSink) {
        guard value >= 0 else {
            let text = tableText(value)
            if escaped { HTMLEscape.append(text, to: &out) } else { out.append(text) }
            return
        }
        let slot = values.slots[Int(value)]
        switch slot.kind {
        case .string:
            let bytes = UnsafeBufferPointer(rebasing: values.bytes[Int(slot.a)..<Int(slot.a + slot.b)])
            if escaped { HTMLEscape.append(bytes, to: &out) } else { out.append(bytes) }
        case .bool:
            out.append(slot.a != 0 ? "true" : "false" as StaticString)
        case .list, .object, .table:
            // What swift-mustache prints for a collection: its description.
            let text = String(describing: ViewArena.plain(value, values))
            if escaped { HTMLEscape.append(text, to: &out) } else { out.append(text) }
        }
    }

    /// The first name is searched from the innermost object outwards; the rest descend from what it found.
    private mutating func lookup(_ op: TemplateProgram.Op) -> Int32? {
        let first = Int(op.a), end = first + Int(op.b)
        var value: Int32
        if code.parts[first].length < 0 {
            guard let top = stack.last else { return nil }
            value = top
        } else {
            var level = stack.count - 1
            while true {
                guard level >= 0 else { return nil }
                if let found = child(stack[level], first) {
                    value = found
                    break
                }
                level -= 1
            }
        }
        for part in (first + 1)..<max(end, first + 1) {
            guard let next = child(value, part) else { return nil }
            value = next
        }
        return value
    }

    /// The string-table text a negative value stands for.
    private func tableText(_ value: Int32) -> String {
        let k = Int(-value - 2)
        return tableTexts[k / code.parts.count][k % code.parts.count]!
    }

    /// The field `part` of the value in `slot`, if it is an object or a table that has one.
    private mutating func child(_ slot: Int32, _ part: Int) -> Int32? {
        guard slot >= 0 else { return nil }
        let key = code.parts[part]
        var current = slot
        while current >= 0 {
            let s = values.slots[Int(current)]
            switch s.kind {
            case .object:
                guard s.mask & key.bit != 0 else {
                    current = s.next
                    continue
                }
                let length = key.length
                let keyStart = code.keys.baseAddress! + Int(key.offset)
                func matches(_ field: ViewArena.Field) -> Bool {
                    field.keyLength == length
                        && KeyBytes.equal(field.key ?? values.keyBytes.baseAddress! + Int(field.keyOffset), keyStart, Int(length))
                }
                // An object's keys are unique (the arena checks it in debug builds), so a hinted field that
                // matches is the one the scan would find.
                let hint = Int(hints[part])
                if hint >= 0, hint < Int(s.b), matches(values.fields[Int(s.a) + hint]) {
                    return values.fields[Int(s.a) + hint].value
                }
                for f in Int(s.a)..<Int(s.a + s.b) where matches(values.fields[f]) {
                    hints[part] = Int32(f - Int(s.a))
                    return values.fields[f].value
                }
                current = s.next
            case .table:
                guard key.length >= 0, tableTexts[Int(s.a)][part] != nil else { return nil }
                return -(s.a * Int32(code.parts.count) + Int32(part) + 2)
            case .string, .bool, .list:
                return nil
            }
        }
        return nil
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
        text.withUTF8 { bytes in forEachPiece(bytes) { out.append(contentsOf: $0) } }
    }

    static func append(_ text: String, to out: inout ByteSink) {
        var text = text
        text.withUTF8 { bytes in forEachPiece(bytes) { out.append($0) } }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteSink) {
        forEachPiece(bytes) { out.append($0) }
    }

    /// The escaped text in pieces: runs of the input without special characters, and entities.
    @inline(__always)
    static func forEachPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time while none is special: CJK text has no ASCII byte at all, and digits and
            // Latin text rarely hold one of the five.
            if let word = ByteScan.word(bytes, at: i),
               ByteScan.noASCII(word) || !(ByteScan.contains(word, UInt8(ascii: "<")) || ByteScan.contains(word, UInt8(ascii: ">"))
                   || ByteScan.contains(word, UInt8(ascii: "&")) || ByteScan.contains(word, UInt8(ascii: "\""))
                   || ByteScan.contains(word, UInt8(ascii: "'"))) {
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
            emit(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            replacement.withUTF8Buffer { emit($0) }
            runStart = i + 1
        }
        emit(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}

/// Comparing short keys (view-model field names) a word at a time.
enum KeyBytes {
    /// Zero bytes kept after the template's key bytes, so their tails compare as one word.
    static let padding = 8

    /// One of 64 bits for a key, from its length and its first and last bytes: an object's mask of its keys'
    /// bits rules most keys out without comparing any.
    @inline(__always)
    static func bit(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let first = key.first, let last = key.last else { return 1 }
        return 1 << ((UInt64(key.count) &* 31 &+ UInt64(first) &* 7 &+ UInt64(last)) & 63)
    }

    /// Whether the `count` bytes at `a` and `b` are equal. `b` (a template's key) must be followed by `padding`
    /// readable bytes; `a` (a field's key: a literal in the binary, or the arena's key bytes) is read past its end
    /// only within its memory page.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        #if _endian(little)
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        guard i < count else { return true }
        guard UInt(bitPattern: a + i) & 4095 <= 4088 else {
            // The word would cross into the next page, which may not be mapped: byte by byte.
            while i < count {
                if a[i] != b[i] { return false }
                i += 1
            }
            return true
        }
        let mask = (UInt64(1) << UInt64((count - i) * 8)) &- 1
        let x = UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) ^ UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
        return x & mask == 0
        #else
        return memcmp(a, b, count) == 0
        #endif
    }
}

/// Bounds on one render, so that no template — the shipped ones render a proposal in well under a megabyte and a
/// hundred thousand instructions — can take without end the memory or the time of a run: sections nested over
/// lists multiply. A render that reaches one stops, and its document is reported as failed, never written.
enum TemplateLimits {
    static let maxOutputBytes = 32 << 20
    static let maxInstructions = 50_000_000

    static func message(_ template: String) -> String {
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
