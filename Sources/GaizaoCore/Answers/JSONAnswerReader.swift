/// Reads a JSON answers file straight into an `AnswerSheet`, with no `Node` tree in between: the fast path for the
/// JSON Lines `gaizao batch -` reads, where building and walking a tree was most of the decoding time.
///
/// It only has to be right where it answers. It takes a subset of what `JSONNodeParser` takes (it reads through
/// the same `JSONScanner`, under the same limits), and of that only files the general decoder would read without a
/// single diagnostic of its own; for anything else — an unknown key or question, a wrong or repeated answer, a
/// value of an unusual type, `answers` written before `industry`, a key with an escape — it returns nil and the
/// general path reads the text again, so every message still comes from one place. The checks of the whole sheet
/// (skip logic, missing answers) are the caller's, on the sheet this returns, exactly as for the general path.
struct JSONAnswerReader {
    struct Read {
        var sheet: AnswerSheet
        var questionnaire: Questionnaire
        /// Where the `answers` key is: the general path locates sheet-wide problems there.
        var answersKey: SourceLocation
    }

    static func read(_ file: SourceFile, catalog: Catalog, limits: YAMLLimits) -> Read? {
        // Brackets three deep at most (the root, `answers`, a list of options) and scalars at depth 3: with a
        // smaller `maxDepth` the general path would refuse what this reads.
        guard limits.maxDepth >= 3 else { return nil }
        var text = file.text
        return text.withUTF8 { bytes -> Read? in
            guard bytes.count <= limits.maxBytes else { return nil }
            var reader = JSONAnswerReader(scanner: JSONScanner(bytes: bytes), file: file.path, catalog: catalog)
            guard let read = try? reader.document(), reader.nodes <= limits.maxExpandedNodes else { return nil }
            // `YAMLDocument`'s bracket pre-scan runs before any parser and can only see other depths than the real
            // ones after an escaped quote: ask it then.
            if reader.scanner.sawEscapedQuote && YAMLDocument.firstExcessiveFlowDepth(in: file.text, limit: limits.maxDepth) != nil {
                return nil
            }
            return read
        }
    }

    var scanner: JSONScanner
    let file: String
    let catalog: Catalog
    /// Nodes the general path would build, counted against `maxExpandedNodes` as `JSONNodeParser` counts them.
    var nodes = 0

    private init(scanner: JSONScanner, file: String, catalog: Catalog) {
        self.scanner = scanner
        self.file = file
        self.catalog = catalog
    }

    private static let rootKeys: [StaticString] = ["gaizao_answers", "industry", "date", "answers"]

    mutating func document() throws(JSONDecline) -> Read {
        scanner.skipSpace(tabs: false)
        guard scanner.peek() == UInt8(ascii: "{") else { throw JSONDecline() }
        scanner.pos += 1
        scanner.skipSpace()
        nodes = 1
        var seen: UInt8 = 0  // one bit per root key
        var industry: String?, date: String?, questionnaire: Questionnaire?
        var answers: Read?
        repeat {
            let (keyBytes, keyLocation) = try key()
            guard let k = Self.rootKeys.firstIndex(where: { equal(keyBytes, $0) }), seen & (1 << k) == 0 else { throw JSONDecline() }
            seen |= 1 << k
            nodes += 2
            switch k {
            case 0:
                guard try numberValue() == 1 else { throw JSONDecline() }
            case 1:
                guard scanner.peek() == JSONScanner.quote else { throw JSONDecline() }
                let id = try scanner.string()
                guard let found = catalog.industry(id) else { throw JSONDecline() }
                industry = id
                questionnaire = catalog.questionnaire(for: found)
            case 2:
                guard scanner.peek() == JSONScanner.quote else { throw JSONDecline() }
                let written = try scanner.string()
                guard AnswerDecoder.isISODate(written) else { throw JSONDecline() }
                date = written
            default:
                // The questions are known only once the industry is.
                guard let industry, let questionnaire else { throw JSONDecline() }
                var sheet = AnswerSheet(industry: industry, date: nil, file: file)
                if scanner.peek() == UInt8(ascii: "n") {
                    try scanner.literal("null")  // `answers: null`: an empty sheet, as in YAML
                } else {
                    try self.answers(into: &sheet, questionnaire.answerKeys)
                }
                answers = Read(sheet: sheet, questionnaire: questionnaire, answersKey: keyLocation)
            }
        } while try scanner.nextMember(close: UInt8(ascii: "}"))
        scanner.skipSpace(tabs: false)
        guard scanner.pos == scanner.bytes.count, var read = answers else { throw JSONDecline() }
        read.sheet.date = date
        return read
    }

    /// A key at `pos`, without escapes, and the `:` after it: its bytes and where its opening quote is.
    mutating func key() throws(JSONDecline) -> (Range<Int>, SourceLocation) {
        guard scanner.peek() == JSONScanner.quote else { throw JSONDecline() }
        let start = scanner.pos, line = scanner.line
        let location = SourceLocation(file: file, line: line, column: scanner.column)
        guard let bytes = try scanner.scanString() else { throw JSONDecline() }
        try scanner.colonAfterKey(keyStart: start, keyLine: line)
        return (bytes, location)
    }

    func equal(_ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<range.count where scanner.bytes[range.lowerBound + i] != word.utf8Start[i] { return false }
        return true
    }

    /// The `answers` mapping, each answer converted by its question's kind.
    mutating func answers(into sheet: inout AnswerSheet, _ index: AnswerKeyIndex) throws(JSONDecline) {
        guard scanner.peek() == UInt8(ascii: "{") else { throw JSONDecline() }
        scanner.pos += 1
        scanner.skipSpace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.pos += 1
            return
        }
        // Sized once for all the questions: grown answer by answer, they were rehashed several times.
        var locations = [String: SourceLocation](minimumCapacity: index.entries.count)
        var answers = [String: AnswerValue](minimumCapacity: index.entries.count)
        var answered = [Bool](repeating: false, count: index.entries.count)
        repeat {
            let (keyBytes, location) = try key()
            guard let i = index.question(UnsafeBufferPointer(rebasing: scanner.bytes[keyBytes])), !answered[i] else { throw JSONDecline() }
            answered[i] = true
            nodes += 2
            let id = index.entries[i].id
            locations[id] = location
            if let value = try value(for: i, index) { answers[id] = value }
        } while try scanner.nextMember(close: UInt8(ascii: "}"))
        sheet.locations = locations
        sheet.answers = answers
    }

    /// One answer, or nil for one left unanswered (`null`, or a text of white space only).
    /// (The question is passed by position so that its entry is read in place, not copied.)
    mutating func value(for i: Int, _ index: AnswerKeyIndex) throws(JSONDecline) -> AnswerValue? {
        let first = scanner.peek()
        if first == UInt8(ascii: "n") {
            try scanner.literal("null")
            return nil
        }
        switch index.entries[i].kind {
        case .text:
            guard first == JSONScanner.quote else { throw JSONDecline() }
            let text = try scanner.string().trimmingWhitespaceAndNewlines()
            // Counting characters means finding grapheme breaks: only when the bytes alone could be too many.
            let maxLength = index.entries[i].maxLength
            guard text.utf8.count <= maxLength || text.count <= maxLength else { throw JSONDecline() }
            return text.isEmpty ? nil : .text(text)
        case .single:
            return .option(index.entries[i].optionIDs[try option(of: i, index)])
        case .multi:
            guard first == UInt8(ascii: "[") else { throw JSONDecline() }
            scanner.pos += 1
            scanner.skipSpace()
            var chosen: UInt64 = 0
            if scanner.peek() == UInt8(ascii: "]") {
                scanner.pos += 1
            } else {
                repeat {
                    chosen |= 1 << UInt64(try option(of: i, index))
                    nodes += 1
                } while try scanner.nextMember(close: UInt8(ascii: "]"))
            }
            // In catalog order, each once, as the general path lists them.
            let ids = index.entries[i].optionIDs
            var inOrder: [String] = []
            inOrder.reserveCapacity(chosen.nonzeroBitCount)
            for k in ids.indices where chosen & (1 << UInt64(k)) != 0 { inOrder.append(ids[k]) }
            return .options(inOrder)
        case .number, .level:
            let n = try numberValue()
            let q = index.entries[i]
            guard AnswerDecoder.numberProblem(n, integer: q.integer, min: q.min, max: q.max) == nil else { throw JSONDecline() }
            return .number(n)
        case .yesno:
            switch first {
            case UInt8(ascii: "t"): try scanner.literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try scanner.literal("false"); return .bool(false)
            case JSONScanner.quote:
                guard let b = AnswerDecoder.parseYesNo(try scanner.string()) else { throw JSONDecline() }
                return .bool(b)
            default: throw JSONDecline()
            }
        }
    }

    /// The position among `q`'s options of the option id string at `pos`.
    mutating func option(of i: Int, _ index: AnswerKeyIndex) throws(JSONDecline) -> Int {
        guard scanner.peek() == JSONScanner.quote, let id = try scanner.scanString(),
              let k = index.option(UnsafeBufferPointer(rebasing: scanner.bytes[id]), of: i) else { throw JSONDecline() }
        return k
    }

    // MARK: numbers

    /// The number at `pos`, as `YValue.parseNumber` reads the same text.
    mutating func numberValue() throws(JSONDecline) -> Double {
        let first = scanner.peek()
        guard first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw JSONDecline() }
        let token = try scanner.numberToken()
        if let n = exactDecimal(token) { return n }
        guard let n = YValue.parseNumber(scanner.text(token)) else { throw JSONDecline() }
        return n
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { p, _ in p * 10 } }

    /// A token without exponent and with at most 15 digits, without making a string: its digits as an integer are
    /// exact in a `Double` (below 2^53), and so is the power of ten under them, so one division — correctly rounded
    /// by IEEE 754 — gives the correctly rounded value `Double(String)` gives. Nil for any other token.
    func exactDecimal(_ token: Range<Int>) -> Double? {
        var i = token.lowerBound
        let negative = scanner.bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var digits: UInt64 = 0, count = 0, fractionDigits = 0, inFraction = false
        while i < token.upperBound {
            let b = scanner.bytes[i]
            i += 1
            if b == UInt8(ascii: ".") { inFraction = true; continue }
            guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }  // an exponent
            digits = digits * 10 + UInt64(b - UInt8(ascii: "0"))
            count += 1
            if inFraction { fractionDigits += 1 }
            if count > 15 { return nil }
        }
        let magnitude = Double(digits) / Self.powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }
}
