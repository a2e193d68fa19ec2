import Foundation
import Yams

/// Collects diagnostics while one catalog or answers file is read.
final class LoadContext {
    var bag = DiagnosticBag()
    let file: String
    /// libyaml's lines turned into the editor's, when the text holds breaks only libyaml counts (`EditorPositions`).
    let positions: EditorPositions?

    init(file: String, positions: EditorPositions? = nil) {
        self.file = file
        self.positions = positions
    }

    /// A context for the file `file`: its text decides whether libyaml's marks need mapping to the editor's lines.
    convenience init(_ file: SourceFile) { self.init(file: file.path, positions: EditorPositions(file.text)) }

    func loc(_ node: Node) -> SourceLocation { positions?.location(of: node.mark, in: file) ?? node.location(in: file) }
    func error(_ message: String, _ node: Node) { bag.error(message, at: loc(node)) }
    func warning(_ message: String, _ node: Node) { bag.warning(message, at: loc(node)) }
}

/// A text from a YAML scalar with the location of its first character (for conditions, whose columns
/// point inside the scalar).
public struct LocatedText: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation?

    public init(_ text: String, at location: SourceLocation?) {
        self.text = text
        self.location = location
    }
}

/// Reads a YAML mapping with fixed keys: every key not read is reported as unknown, with a suggestion.
struct YMap {
    let node: Node
    let ctx: LoadContext
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    /// `nil` (with an error) when `node` is not a mapping.
    init?(_ node: Node, _ ctx: LoadContext, what: String) {
        guard case let .mapping(m) = node else {
            ctx.error("\(what) must be a mapping, found \(node.kindName)", node)
            return nil
        }
        self.node = node
        self.ctx = ctx
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        pairs.reserveCapacity(m.count)
        // By index: iterating a `Node.Mapping` first copies all its pairs into a new array.
        for i in m.indices {
            let pair = m[i]
            guard case let .scalar(s) = pair.key else {
                ctx.error("a key must be a plain name, found \(pair.key.kindName)", pair.key)
                continue
            }
            pairs.append((s.string, pair.key, pair.value))
        }
        self.pairs = pairs
    }

    var keys: [String] { pairs.map(\.key) }
    var entries: [(key: String, keyNode: Node, value: Node)] { pairs }

    subscript(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    /// Warns about keys outside `allowed` (a misspelt `requries:` must not pass silently).
    func checkKeys(_ allowed: [String], in what: String) {
        for p in pairs where !allowed.contains(p.key) {
            let hint = closest(p.key, among: allowed).map { " (did you mean `\($0)`?)" } ?? ""
            ctx.warning("unknown key `\(p.key)` in \(what)\(hint)", p.keyNode)
        }
    }

    func missing(_ key: String, in what: String) {
        ctx.error("missing required key `\(key)` in \(what)", node)
    }

    // MARK: typed accessors

    func string(_ key: String, required: Bool = false, in what: String) -> String? {
        guard let v = self[key] else {
            if required { missing(key, in: what) }
            return nil
        }
        return YValue.string(v, ctx, what: "`\(key)`")
    }

    func located(_ key: String, required: Bool = false, in what: String) -> LocatedText? {
        guard let v = self[key] else {
            if required { missing(key, in: what) }
            return nil
        }
        guard let s = YValue.string(v, ctx, what: "`\(key)`") else { return nil }
        return LocatedText(s, at: YValue.contentLocation(v, ctx))
    }

    func id(_ key: String = "id", in what: String) -> String? {
        guard let v = self[key] else { missing(key, in: what); return nil }
        guard let s = YValue.string(v, ctx, what: "`\(key)`") else { return nil }
        if !YValue.isValidID(s) {
            ctx.error("`\(s)` is not a valid id: use lowercase ASCII letters, digits, `-` and `_`, starting with a letter", v)
        }
        return s
    }

    func number(_ key: String, required: Bool = false, in what: String) -> Double? {
        guard let v = self[key] else {
            if required { missing(key, in: what) }
            return nil
        }
        return YValue.number(v, ctx, what: "`\(key)`")
    }

    /// A whole number within `range`; anything else (a fraction, `1e300`) is reported, never trapped on.
    func integer(_ key: String, required: Bool = false, in what: String, range: ClosedRange<Int>) -> Int? {
        guard let v = self[key] else {
            if required { missing(key, in: what) }
            return nil
        }
        // Its own range says what is allowed, in place of the general bound on catalog numbers.
        guard let d = YValue.number(v, ctx, what: "`\(key)`", bounded: false) else { return nil }
        guard d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            ctx.error("`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(YValue.describe(v))", v)
            return nil
        }
        return Int(d)
    }

    func bool(_ key: String, in what: String) -> Bool? {
        guard let v = self[key] else { return nil }
        return YValue.bool(v, ctx, what: "`\(key)`")
    }

    func localized(_ key: String, required: Bool = true, optionalText: Bool = false, in what: String) -> Localized? {
        guard let v = self[key] else {
            if required { missing(key, in: what) }
            return nil
        }
        return YValue.localized(v, ctx, what: "`\(key)` of \(what)", optionalText: optionalText)
    }

    func list(_ key: String, in what: String) -> [Node]? {
        guard let v = self[key] else { return nil }
        guard case let .sequence(s) = v else {
            ctx.error("`\(key)` must be a list, found \(v.kindName)", v)
            return nil
        }
        return Array(s)
    }

    func idList(_ key: String, in what: String) -> [LocatedText] {
        guard let items = list(key, in: what) else { return [] }
        return items.compactMap { n in
            YValue.string(n, ctx, what: "an item of `\(key)`").map { LocatedText($0, at: ctx.loc(n)) }
        }
    }
}

/// Scalar conversions that never apply YAML 1.1 guessing: the expected type decides.
enum YValue {
    static func string(_ node: Node, _ ctx: LoadContext, what: String) -> String? {
        guard case let .scalar(s) = node else {
            ctx.error("\(what) must be a text, found \(node.kindName)", node)
            return nil
        }
        if s.style == .plain && (s.string == "~" || s.string == "null" || s.string.isEmpty) {
            ctx.error("\(what) is empty", node)
            return nil
        }
        return s.string
    }

    /// The largest magnitude a catalog number may have. Points, weights, units, coefficients and question limits
    /// of a real catalog are far below it; bounded here, the sums and products the engine forms of them (in
    /// thousandths of a point, in yuan) stay far inside `Int`, so no catalog that lint passes can make a run trap.
    static let maxMagnitude = 1_000_000_000.0

    static func number(_ node: Node, _ ctx: LoadContext, what: String, bounded: Bool = true) -> Double? {
        guard case let .scalar(s) = node, s.style == .plain, let d = parseNumber(s.string) else {
            ctx.error("\(what) must be a number, found \(describe(node))", node)
            return nil
        }
        guard !bounded || abs(d) <= maxMagnitude else {
            ctx.error("\(what) is out of range: a catalog number is at most 1,000,000,000 in magnitude, found \(describe(node))", node)
            return nil
        }
        return d
    }

    static func bool(_ node: Node, _ ctx: LoadContext, what: String) -> Bool? {
        if case let .scalar(s) = node, s.style == .plain {
            switch s.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        ctx.error("\(what) must be true or false, found \(describe(node))", node)
        return nil
    }

    static func localized(_ node: Node, _ ctx: LoadContext, what: String, optionalText: Bool) -> Localized? {
        guard let map = YMap(node, ctx, what: what) else { return nil }
        return localized(map, what: what, optionalText: optionalText)
    }

    /// `{zh: …, en: …}` read from `map`; `alsoAllowed` names the other keys the caller reads from it (`when`).
    static func localized(_ map: YMap, what: String, optionalText: Bool, alsoAllowed: [String] = []) -> Localized {
        let node = map.node, ctx = map.ctx
        map.checkKeys(["zh", "en"] + alsoAllowed, in: what)
        var result = Localized.empty
        for lang in Lang.allCases {
            let message = "missing \(lang == .zh ? "Chinese (`zh`)" : "English (`en`)") text in \(what)"
            guard let v = map[lang.rawValue] else {
                if optionalText { ctx.warning(message, node) } else { ctx.error(message, node) }
                continue
            }
            // `en:` with nothing after it is missing text too, with the same severity as a missing key.
            if case let .scalar(s) = v, s.style == .plain, ["", "~", "null"].contains(s.string) {
                if optionalText { ctx.warning(message, v) } else { ctx.error(message, v) }
                continue
            }
            guard let s = string(v, ctx, what: "`\(lang.rawValue)` of \(what)") else { continue }
            if lang == .zh { result.zh = s } else { result.en = s }
        }
        return result.checkedForMarkdown()
    }

    /// Where the scalar's text begins: one column past an opening quote.
    static func contentLocation(_ node: Node, _ ctx: LoadContext) -> SourceLocation? {
        guard case let .scalar(s) = node else { return nil }
        var loc = ctx.loc(node)
        switch s.style {
        case .singleQuoted, .doubleQuoted: loc.column += 1
        case .plain: break
        default: return nil  // block scalars: the text starts on a later line
        }
        return loc
    }

    static func parseNumber(_ text: String) -> Double? {
        let t = text.trimmingWhitespace()
        guard !t.isEmpty, t.utf8.allSatisfy(isNumberByte), let d = Double(t), d.isFinite else { return nil }
        return d
    }

    /// `0-9 . - + e E`, checked byte by byte: each is a one-byte character, so a text passes exactly when all its
    /// characters are among them (and this needs no `Character` iteration, which shows in batch profiles).
    private static func isNumberByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }

    static func isValidID(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.count <= 64 else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    static func describe(_ node: Node) -> String {
        if case let .scalar(s) = node {
            let shown = s.string.count > 40 ? String(s.string.prefix(40)) + "…" : s.string
            return "`\(shown)`"
        }
        return node.kindName
    }
}

/// The nearest allowed name within a small edit distance, for "did you mean" hints.
/// The distance of two texts is at least the difference of their lengths: a candidate whose length differs from
/// the word's by more than the distance accepted is passed over without computing it. So a word much longer than
/// every candidate (a 3 MB answer) costs one count of its characters, not an edit distance of millions × the
/// candidates' lengths (seconds, during which the process did not even stop on SIGTERM).
func closest(_ word: String, among candidates: [String]) -> String? {
    let length = word.count
    let accepted = max(2, length / 3)
    let best = candidates.lazy.filter { abs($0.count - length) <= accepted }.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
    guard let (name, distance) = best, distance <= accepted else { return nil }
    return name
}
