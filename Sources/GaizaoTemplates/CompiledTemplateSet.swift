/// A set of compiled templates that include one another as partials by name, rendered over a `TemplateValue`
/// tree. Rendering mirrors swift-mustache's `Template+Render` (context stack, sections, partial indentation,
/// content types) for the subset `CompiledTemplate` parses, and stops at `TemplateLimits`. Immutable: one set
/// serves any number of renders, on any thread.
public struct CompiledTemplateSet: Sendable {
    /// The templates laid out flat, as the renderer walks them (the node trees are not kept).
    let program: TemplateProgram

    /// Compiles every template — or, given `roots`, only those and the partials they reach (a `diagnose` need
    /// not compile the comparison templates) — or returns nil when one does not parse, when partials include
    /// each other in a cycle or too many times, or when sections and partials nest deeper than
    /// `TemplateLimits.maxSectionDepth`.
    public init?(_ texts: [String: String], roots: [String]? = nil) {
        var out: [String: CompiledTemplate] = [:]
        var pending = roots ?? Array(texts.keys)
        while let name = pending.popLast() {
            guard out[name] == nil, let text = texts[name] else { continue }
            guard let compiled = CompiledTemplate.compile(text) else { return nil }
            out[name] = compiled
            if roots != nil { pending += Self.partials(compiled.nodes) }
        }
        self.init(validating: out)
    }

    /// The set of templates already compiled (as the checks parse them: each is parsed once), or only `roots`
    /// and the partials they reach; nil for the same reasons as `init(_:roots:)`.
    public init?(compiled templates: [String: CompiledTemplate], roots: [String]? = nil) {
        guard let roots else {
            self.init(validating: templates)
            return
        }
        var out: [String: CompiledTemplate] = [:]
        var pending = roots
        while let name = pending.popLast() {
            guard out[name] == nil, let compiled = templates[name] else { continue }
            out[name] = compiled
            pending += Self.partials(compiled.nodes)
        }
        self.init(validating: out)
    }

    private init?(validating out: [String: CompiledTemplate]) {
        // Partials that include each other would render forever, or explode, or nest too deep for the stack:
        // left to the checks, which report it.
        let graph = PartialGraph(out.mapValues { Self.partials($0.nodes) })
        guard graph.firstCycle() == nil, out.keys.allSatisfy({ graph.inclusions(of: $0) <= PartialGraph.maxInclusions }),
              TemplateLimits.nestingDepth(out) <= TemplateLimits.maxSectionDepth else { return nil }
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

    /// Template `name` rendered with `root` as the outermost context, or nil when there is no such template or
    /// the render reached `TemplateLimits`.
    public func render(_ root: TemplateValue, template name: String) -> String? {
        renderBytes(root, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The rendered UTF-8 bytes (valid UTF-8: only whole strings' bytes are appended).
    public func renderBytes(_ root: TemplateValue, template name: String, capacity: Int = 128 * 1024) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        guard render(root, template: name, into: &out) == .rendered else { return nil }
        return out
    }

    /// What rendering into a buffer came to.
    public enum Outcome: Sendable {
        case rendered
        case noSuchTemplate
        /// The render stopped at `TemplateLimits`: the bytes appended are incomplete and must not be written.
        case limitReached
    }

    /// Appends the rendered bytes to `out`, a caller's buffer reused from one render to the next.
    public func render(_ root: TemplateValue, template name: String, into out: inout [UInt8]) -> Outcome {
        var hints = TemplateHints()
        return render(root, template: name, into: &out, hints: &hints)
    }

    /// Appends the rendered bytes to `out`, starting from the field positions `hints` learned in earlier renders
    /// with this set and leaving there what this render learned: a caller that renders many documents keeps one
    /// `TemplateHints` (a worker's, beside its buffers) for all of them. The bytes are the same with any hints.
    public func render(_ root: TemplateValue, template name: String, into out: inout [UInt8], hints: inout TemplateHints) -> Outcome {
        guard let entry = program.entries[name] else { return .noSuchTemplate }
        // Moved into the run and back, so that the run updates the positions in place (no copy).
        var positions: [Int32] = []
        swap(&positions, &hints.positions)
        if positions.count != program.names.count { positions = Array(repeating: 0, count: program.names.count) }
        var run = TemplateRun(program: program, root: root, fieldHints: positions)
        run.render(entry, TemplateRun.Context(text: false, indentation: nil), into: &out)
        hints.positions = run.fieldHints
        return run.limitReached ? .limitReached : .rendered
    }
}

/// Where each tag of a `CompiledTemplateSet` last found its name in an object: the field position a render tries
/// first. Objects built by the same code list their fields in the same order, so positions learned in one render
/// hold in the next, and a render that starts without them searches each object's fields once per tag. Only a
/// guess, always checked: a render's output does not depend on it. Kept by whoever renders many documents with one
/// set, and handed to each render.
public struct TemplateHints: Sendable {
    /// Per name of the set's program; empty until a render fills it.
    var positions: [Int32] = []

    public init() {}
}

/// One rendering: the templates and the context stack of values, innermost last.
struct TemplateRun {
    let program: TemplateProgram
    /// The contexts, innermost last (one array: a section pushes and pops one element).
    private(set) var stack: [Frame]
    /// For each name of the program (an index into `program.names`), the field position where that tag last
    /// found it in an object: the first field `TemplateObject.field(_:bit:hint:)` compares. Kept by the caller
    /// (`TemplateHints`), not in the program, which is shared by concurrent renders.
    private(set) var fieldHints: [Int32]
    /// Nodes rendered so far, against `TemplateLimits.maxInstructions`.
    var work = 0
    /// Set once a limit of `TemplateLimits` is reached; from then on nothing more is rendered.
    var limitReached = false
    /// The `NamePath.bit` of `.`, the current context (a stored value: a static one is checked for its
    /// initialisation at every use).
    private let currentContextBit = NamePath.bit(".")

    /// `fieldHints`: one position per name of the program.
    init(program: TemplateProgram, root: TemplateValue, fieldHints: [Int32]) {
        self.program = program
        stack = []
        self.fieldHints = fieldHints
        push(root)
    }

    /// A context of the stack: its value, and the `NamePath.bit`s of the names it may answer: an object's
    /// `names`, every bit for a table, none for a string, a flag or a list. A lookup reads these bits first and
    /// opens only the contexts that may hold the name.
    struct Frame {
        var value: TemplateValue
        var names: UInt64
    }

    /// `value` is consumed: a list's item, copied out of its list to be pushed, is moved into its frame rather than
    /// copied a second time.
    private mutating func push(_ value: consuming TemplateValue) {
        let names: UInt64
        switch value {
        case let .object(object): names = object.names
        case .table: names = ~0
        case .string, .bool, .list: names = 0
        }
        stack.append(Frame(value: value, names: names))
    }

    private mutating func pop() {
        stack.removeLast()
    }

    /// What a template render carries besides the context stack.
    struct Context {
        /// TEXT content type (no escaping) instead of HTML.
        var text: Bool
        /// The indentation of the standalone partial tags this render is inside, as bytes.
        var indentation: [UInt8]?
    }

    /// Renders the operations of `range` (a template, or a section's body) at one level.
    mutating func render(_ range: Range<Int>, _ context: Context, into out: inout [UInt8]) {
        var context = context
        guard let indentation = context.indentation, !indentation.isEmpty else {
            var k = range.lowerBound
            while k < range.upperBound {
                render(operation: k, &context, into: &out)
                k = program.operations[k].next(after: k)
            }
            return
        }
        // Inside an indented partial: indent whatever starts a new line of this template's own output. As in
        // swift-mustache, which compares the last Character with "\n", a line ended by CRLF (one Character) is
        // not one: the next line is not indented.
        var local = false
        let start = out.count
        func startsLine(_ out: [UInt8]) -> Bool {
            local && out.last == UInt8(ascii: "\n") && !(out.count - start >= 2 && out[out.count - 2] == UInt8(ascii: "\r"))
        }
        var k = range.lowerBound
        while k < range.upperBound {
            let operation = program.operations[k]
            if operation.kind == .text {
                // The lines of a text operation, each as the template's text node it was parsed as: a node ends at
                // a line end, and no "\n" byte is inside one.
                guard countsWork(out) else { return }
                var line = operation.bytes.lowerBound
                while line < operation.bytes.upperBound {
                    let end = (program.pool[line..<operation.bytes.upperBound].firstIndex(of: UInt8(ascii: "\n")) ?? operation.bytes.upperBound - 1) + 1
                    if startsLine(out) { out.append(contentsOf: indentation) }
                    out.append(copying: program.pool.span.extracting(line..<end))
                    local = true
                    line = end
                }
                k += 1
                continue
            }
            let before = out.count
            let lineStart = startsLine(out)
            render(operation: k, &context, into: &out)
            k = operation.next(after: k)
            guard out.count > before else { continue }
            if lineStart { out.insert(contentsOf: indentation, at: before) }
            local = true
        }
    }

    /// Counts one more operation rendered; false (and `limitReached` set) once a limit of `TemplateLimits` is
    /// reached.
    private mutating func countsWork(_ out: [UInt8]) -> Bool {
        work += 1
        if limitReached || work > TemplateLimits.maxInstructions || out.count > TemplateLimits.maxOutputBytes {
            limitReached = true
            return false
        }
        return true
    }

    mutating func render(operation index: Int, _ context: inout Context, into out: inout [UInt8]) {
        guard countsWork(out) else { return }
        let operation = program.operations[index]
        switch operation.kind {
        case .text:
            out.append(copying: program.pool.span.extracting(operation.bytes))
        case .variable:
            let escaped = operation.flag && !context.text
            let first = operation.names.lowerBound
            // A plain name (most tags) or a name and one field of it (`{{t.key}}`) is written from where it is
            // found, without copying the value out.
            if operation.names.count <= 2, program.bits[first] != currentContextBit || program.names[first] != "." {
                let hint = fieldHints[first]
                var found = hint
                if operation.names.count == 1 {
                    Self.writeValue(of: first, stack, program, hint: &found, escaped: escaped, into: &out)
                } else {
                    let childHint = fieldHints[first + 1]
                    var foundChild = childHint
                    Self.writeValue(of: first, stack, program, hint: &found, child: &foundChild, escaped: escaped, into: &out)
                    if foundChild != childHint { fieldHints[first + 1] = foundChild }
                }
                if found != hint { fieldHints[first] = found }
                return
            }
            guard let value = lookup(operation.names) else { return }
            Self.write(value, escaped: escaped, into: &out)
        case .section:
            let value = lookup(operation.names)
            if operation.flag {
                switch value {
                case nil, .bool(false)?: render(operation.body, context, into: &out)
                case let .list(items)? where items.isEmpty: render(operation.body, context, into: &out)
                default: break
                }
                return
            }
            switch value {
            case nil: break
            case let .bool(flag)?:
                if flag { render(operation.body, context, into: &out) }
            case let .list(items)?:
                for k in items.indices where !limitReached {
                    push(items[k])
                    render(operation.body, context, into: &out)
                    pop()
                }
            case let value?:
                push(value)
                render(operation.body, context, into: &out)
                pop()
            }
        case .partial:
            var inner = context
            inner.text = false
            if !operation.bytes.isEmpty {
                inner.indentation = (context.indentation ?? []) + program.pool[operation.bytes]
            }
            render(operation.body, inner, into: &out)
        case .contentType:
            context.text = operation.flag
        }
    }

    /// Inlined where it is called, so that a string is read where it lies (a call copied the value first).
    @inline(__always)
    private static func write(_ value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case let .string(text):
            if escaped { HTMLEscape.append(text, to: &out) } else { out.append(copying: text.utf8.span) }
        case let .bool(flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object, .table:
            writeDescription(of: value, escaped: escaped, into: &out)
        }
    }

    /// What swift-mustache prints for a collection: its description.
    private static func writeDescription(of value: TemplateValue, escaped: Bool, into out: inout [UInt8]) {
        let text = String(describing: value.plain)
        if escaped { HTMLEscape.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
    }

    /// The first name is searched from the innermost context outwards; the rest descend from what it found.
    /// `path`: the name's parts in the program's `names`, `bits` and `hashes` (and their slots in `fieldHints`).
    private mutating func lookup(_ path: Range<Int>) -> TemplateValue? {
        guard !path.isEmpty else { return nil }
        let first = path.lowerBound
        var value: TemplateValue
        // The bit first: most names are not `.`, and their bit says so without a string comparison.
        if program.bits[first] == currentContextBit, program.names[first] == "." {
            guard let top = stack.last?.value else { return nil }
            value = top
        } else {
            // Hints are read here and written back only when they change: the search only reads the stack.
            let hint = fieldHints[first]
            var found = hint
            guard let context = Self.context(holding: first, stack, program, hint: &found) else { return nil }
            if found != hint { fieldHints[first] = found }
            value = context
        }
        var i = first + 1
        while i < path.upperBound {
            let hint = fieldHints[i]
            var found = hint
            guard let next = Self.child(of: value, i, program, hint: &found) else { return nil }
            if found != hint { fieldHints[i] = found }
            value = next
            i += 1
        }
        return value
    }

    /// The value of the program's name `slot` in the innermost context that has it; `hint`: where to look first
    /// in an object, set to where the name was found.
    ///
    /// Static, with the stack and the program handed in: a method called from a mutating one was given a copy of
    /// the whole run.
    private static func context(holding slot: Int, _ stack: [Frame], _ program: TemplateProgram, hint: inout Int32) -> TemplateValue? {
        var found: TemplateValue?
        withValue(of: slot, stack, program, hint: &hint) { found = $0 }
        return found
    }

    /// Writes the value of the program's name `slot` (not `.`) from the innermost context that has it, as
    /// `context(holding:hint:)` and then `write` would, but from where the value lies: the value is not copied
    /// (retained) to be returned and released again once written. Nothing is written when no context has it.
    /// Static for the reason `context(holding:_:_:hint:)` is.
    private static func writeValue(of slot: Int, _ stack: [Frame], _ program: TemplateProgram, hint: inout Int32, escaped: Bool,
                                   into out: inout [UInt8]) {
        withValue(of: slot, stack, program, hint: &hint) { write($0, escaped: escaped, into: &out) }
    }

    /// As `writeValue(of:hint:escaped:into:)` for a two-part name: writes the field named by the program's name
    /// `slot + 1` of the value of `slot`, when that value is an object or a table that has one. `child`: the hint
    /// for `slot + 1`.
    private static func writeValue(of slot: Int, _ stack: [Frame], _ program: TemplateProgram, hint: inout Int32, child: inout Int32,
                                   escaped: Bool, into out: inout [UInt8]) {
        withValue(of: slot, stack, program, hint: &hint) {
            writeField(of: $0, slot + 1, program, hint: &child, escaped: escaped, into: &out)
        }
    }

    /// Calls `body` with the value of the program's name `slot` (not `.`) where it lies in the innermost context
    /// that has it; does nothing when no context has it.
    @inline(__always)
    private static func withValue(of slot: Int, _ stack: [Frame], _ program: TemplateProgram, hint: inout Int32,
                                  _ body: (TemplateValue) -> Void) {
        let bit = program.bits[slot]
        var k = stack.count - 1
        while k >= 0 {
            if stack[k].names & bit != 0 {
                switch stack[k].value {
                case let .object(object):
                    if let i = object.position(of: program.names[slot], bit: bit, hint: &hint) { return body(object.fields[i].1) }
                case let .table(table):
                    if let i = table.position(of: program.names[slot], hash: program.hashes[slot]) { return body(table.values[i]) }
                case .string, .bool, .list: break
                }
            }
            k -= 1
        }
    }

    /// Writes the field named by the program's name `slot` of `value`, if it is an object or a table that has one
    /// (as `child(of:_:_:hint:)` and then `write`).
    @inline(__always)
    private static func writeField(of value: TemplateValue, _ slot: Int, _ program: TemplateProgram, hint: inout Int32, escaped: Bool,
                                   into out: inout [UInt8]) {
        switch value {
        case let .object(object):
            if let i = object.position(of: program.names[slot], bit: program.bits[slot], hint: &hint) {
                write(object.fields[i].1, escaped: escaped, into: &out)
            }
        case let .table(table):
            if let i = table.position(of: program.names[slot], hash: program.hashes[slot]) {
                write(table.values[i], escaped: escaped, into: &out)
            }
        case .string, .bool, .list: break
        }
    }

    /// The field named by the program's name `slot` of `value`, if it is an object or a table that has one;
    /// `hint` as for `context(holding:hint:)`.
    private static func child(of value: TemplateValue, _ slot: Int, _ program: TemplateProgram, hint: inout Int32) -> TemplateValue? {
        switch value {
        case let .object(object): return object.field(program.names[slot], bit: program.bits[slot], hint: &hint)
        case let .table(table): return table.value(program.names[slot], hash: program.hashes[slot])
        case .string, .bool, .list: return nil
        }
    }
}
