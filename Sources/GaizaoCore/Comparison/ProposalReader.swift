import Foundation

/// Reads proposal JSON written by `gaizao diagnose`, with clear errors for malformed or foreign files.
public enum ProposalReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The proposal schemas this gaizao reads: the one it writes and the first, whose proposals state no target.
    public static let readableSchemas: [String] = Proposal.readableSchemas

    public static func read(_ file: SourceFile) throws(Failure) -> Proposal { try readStated(file).proposal }

    /// The proposal and the target it states (`target`; nil when the field is absent or null).
    public static func readStated(_ file: SourceFile) throws(Failure) -> (proposal: Proposal, target: StatedTarget?) {
        let data = Data(file.text.utf8)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Valid JSON, but a number beyond a Double's range (`1e400`): Foundation names it without its place.
            if "\(error)".contains("not representable"), let number = firstNumberOutOfRange(in: file.text) {
                throw Failure(path: file.path, message: "line \(number.line), column \(number.column): the number \(quotedValue(number.text)) is out of range (a proposal's numbers are at most about 1.8e308)")
            }
            throw Failure(path: file.path, message: "not valid JSON (\(Self.jsonProblem(error, in: file.text)))")
        }
        guard let dict = object as? [String: Any] else {
            throw Failure(path: file.path, message: "not a gaizao proposal: the JSON is not an object")
        }
        // Foundation's two JSON readers disagree on a key given twice (`JSONSerialization` keeps the last value,
        // `JSONDecoder` the first): a forged file could show the checks below one text and the comparison another
        // (an enterprise name with terminal escapes after a clean one). gaizao never writes a key twice.
        if let duplicate = firstDuplicateKey(in: file.text) {
            throw Failure(path: file.path, message: "line \(duplicate.line), column \(duplicate.column): the key `\(ControlCharacters.visible(duplicate.key))` is given twice in one object")
        }
        guard let schema = dict["schema"] as? String else {
            throw Failure(path: file.path, message: "not a gaizao proposal: no `schema` field (expected \"\(Proposal.schemaID)\")")
        }
        // A comparison.json of an earlier run, given back to `compare` by mistake: say what it is, whatever its version.
        if schema.hasPrefix("gaizao.comparison/") {
            throw Failure(path: file.path, message: "a comparison gaizao wrote (\"\(schema)\"), not a proposal: give the proposal JSON files `gaizao diagnose` wrote")
        }
        guard readableSchemas.contains(schema) else {
            let known = readableSchemas.map { "\"\($0)\"" }.joined(separator: ", ")
            throw Failure(path: file.path, message: "unsupported schema \"\(schema)\"; this gaizao reads \(known)")
        }
        if let problem = ProposalValidation.controlCharacterProblem(in: dict) {
            throw Failure(path: file.path, message: "not a valid \(schema) proposal: \(problem)")
        }
        do {
            let proposal = try JSONDecoder().decode(Proposal.self, from: data)
            let problems = ProposalValidation.problems(proposal)
            if let first = problems.first {
                let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
                throw Failure(path: file.path, message: "not a valid \(schema) proposal: \(first)\(more)")
            }
            let target = StatedTarget(of: proposal)
            if let level = target?.level, !(1...4).contains(level) {
                throw Failure(path: file.path, message: "not a valid proposal: `target.level` is \(level) (expected 1–4 or null)")
            }
            return (proposal, target)
        } catch let failure as Failure {
            throw failure
        } catch let error as DecodingError {
            let located = Self.unplacedNumber(error, in: dict).map { "`\($0.path)` is \($0.value): expected a whole number" }
            throw Failure(path: file.path, message: "not a valid \(schema) proposal: \(located ?? describe(error))")
        } catch {
            throw Failure(path: file.path, message: "cannot be read as a proposal")
        }
    }

    /// The first key that an object of `text` (JSON that parses) holds twice, where it is given the second time
    /// (1-based line and column, in characters); nil when every object's keys are distinct.
    static func firstDuplicateKey(in text: String) -> (key: String, line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        // One entry per open object or array: the keys of an object seen so far (nil for an array).
        var open: [Set<String>?] = []
        var expectingKey = false
        var line = 1, lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"): open.append([]); expectingKey = true
            case UInt8(ascii: "["): open.append(nil); expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = open.popLast(); expectingKey = false
            case UInt8(ascii: ","): expectingKey = open.last.map { $0 != nil } ?? false
            case UInt8(ascii: ":"): expectingKey = false
            case UInt8(ascii: "\n"): line += 1; lineStart = i + 1
            case UInt8(ascii: "\""):
                let start = i
                var escaped = false
                i += 1
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "\\") { escaped = true; i += 2; continue }
                    if bytes[i] == UInt8(ascii: "\"") { break }
                    i += 1
                }
                if expectingKey, var keys = open.last ?? nil {
                    let raw = String(decoding: bytes[start...min(i, bytes.count - 1)], as: UTF8.self)
                    let key = escaped ? ((try? JSONSerialization.jsonObject(with: Data(raw.utf8), options: .fragmentsAllowed)) as? String ?? raw) : String(raw.dropFirst().dropLast())
                    if !keys.insert(key).inserted {
                        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
                        return (key, line, column)
                    }
                    open[open.count - 1] = keys
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return "missing key `\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)`"
        case let .typeMismatch(type, context):
            return "wrong type at `\(path(context.codingPath))` (expected \(kind(type)))"
        case let .valueNotFound(type, context):
            return "missing value at `\(path(context.codingPath))` (expected \(kind(type)))"
        case let .dataCorrupted(context):
            return context.codingPath.isEmpty ? "invalid content" : "invalid value at `\(path(context.codingPath))`"
        @unknown default:
            return "invalid content"
        }
    }

    /// What a JSON reader would call the Swift type a decoder expected: `Dictionary<String, Any>` is "an object".
    static func kind(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") { return "an object" }
        if name.hasPrefix("Array") { return "a list" }
        if name.hasPrefix("String") || name.hasPrefix("Substring") { return "a text" }
        if name == "Bool" { return "true or false" }
        if ["Int", "Int64", "Int32", "UInt", "UInt64", "Double", "Float", "Decimal"].contains(name) { return "a number" }
        return "a value"
    }

    /// Foundation's `JSONDecoder` reports a number that does not fit the field's type (`1.5` or `1e30` where a
    /// whole number of yuan is expected) as corrupted data with no coding path. This finds the number: every
    /// number that is not a whole `Int` is a suspect (in document order, keys sorted). Making the first k suspects
    /// whole clears that error once k passes the last culprit, so a binary search over k names a culprit in a few
    /// decodes. Runs only on that error: a forged file alone pays for it.
    static func unplacedNumber(_ error: DecodingError, in object: [String: Any]) -> (path: String, value: String)? {
        guard case let .dataCorrupted(context) = error, context.codingPath.isEmpty else { return nil }
        var suspects: [(path: [JSONStep], value: Double)] = []
        func walk(_ value: Any, _ path: [JSONStep]) {
            if let object = value as? [String: Any] {
                for key in object.keys.sorted() { walk(object[key]!, path + [.key(key)]) }
            } else if let list = value as? [Any] {
                for (k, item) in list.enumerated() { walk(item, path + [.index(k)]) }
            } else if !(value is String), !(value is Bool), let number = value as? Double,
                      number.rounded() != number || Int(exactly: number) == nil {
                suspects.append((path, number))
            }
        }
        walk(object, [])
        /// Whether the document decodes past the pathless error with its first `k` suspects made whole.
        func clears(_ k: Int) -> Bool {
            var document: Any = object
            for suspect in suspects.prefix(k) { JSONStep.set(&document, suspect.path, to: 0) }
            guard let data = try? JSONSerialization.data(withJSONObject: document) else { return false }
            do {
                _ = try JSONDecoder().decode(Proposal.self, from: data)
            } catch let DecodingError.dataCorrupted(after) where after.codingPath.isEmpty {
                return false
            } catch {}
            return true
        }
        guard !suspects.isEmpty, clears(suspects.count) else { return nil }
        var low = 0, high = suspects.count  // clears(low) is false, clears(high) is true
        while high - low > 1 {
            let middle = (low + high) / 2
            if clears(middle) { high = middle } else { low = middle }
        }
        let culprit = suspects[high - 1]
        let text = culprit.path.map { step -> String in
            switch step {
            case let .key(k): return "." + k
            case let .index(i): return "[\(i)]"
            }
        }.joined()
        return (String(text.drop(while: { $0 == "." })), "\(culprit.value)")
    }

    /// One step of a path into a JSON document.
    enum JSONStep {
        case key(String)
        case index(Int)

        /// Sets the value at `path` in `document` (a tree of dictionaries and arrays).
        static func set(_ document: inout Any, _ path: some Collection<JSONStep>, to value: Any) {
            guard let step = path.first else { document = value; return }
            switch step {
            case let .key(k):
                guard var object = document as? [String: Any], var inner = object[k] else { return }
                set(&inner, path.dropFirst(), to: value)
                object[k] = inner
                document = object
            case let .index(i):
                guard var list = document as? [Any], list.indices.contains(i) else { return }
                set(&list[i], path.dropFirst(), to: value)
                document = list
            }
        }
    }

    /// The first number of JSON `text` (outside its strings) too large for a Double, with its line and column
    /// (1-based, the column in characters); nil when there is none.
    static func firstNumberOutOfRange(in text: String) -> (text: String, line: Int, column: Int)? {
        let bytes = Array(text.utf8)
        var i = 0, line = 1, lineStart = 0
        var inString = false
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                i += 1
            case UInt8(ascii: "\n"):
                line += 1
                i += 1
                lineStart = i
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
                let token = String(decoding: bytes[start..<i], as: UTF8.self)
                if let value = Double(token), value.isInfinite {
                    let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
                    return (token, line, column)
                }
            default:
                i += 1
            }
        }
        return nil
    }

    /// What is wrong with text that is not JSON, located where Foundation says: its errors name a byte offset
    /// ("around character 7"), turned here into a line and column.
    static func jsonProblem(_ error: Error, in text: String) -> String {
        if text.allSatisfy(\.isWhitespace) { return "the file is empty" }
        let message = "\(error)"
        if message.contains("end of file") { return "the file ends before the JSON does" }
        if let range = message.range(of: "character \\d+", options: .regularExpression),
           let offset = Int(message[range].dropFirst("character ".count)) {
            let before = text.utf8.prefix(offset)
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
            let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
            // Foundation stops at 512 levels and says so: "unexpected text" there sent the reader looking for a typo.
            if message.contains("Too many nested") { return "line \(line), column \(column): nested more deeply than a proposal is" }
            return "line \(line), column \(column): unexpected text"
        }
        if let range = message.range(of: "line \\d+", options: .regularExpression) { return "near \(message[range])" }
        return "syntax error"
    }
}
