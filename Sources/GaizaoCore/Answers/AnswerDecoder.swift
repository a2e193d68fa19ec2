import Yams

/// Reads answers files (YAML or JSON) against the questionnaire of their industry, with located errors.
public enum AnswerDecoder {
    /// Unknown questions reported one by one; the rest of them are counted in one error.
    static let maxUnknownReported = 50

    public struct Result: Sendable {
        public var sheet: AnswerSheet?
        public var diagnostics: DiagnosticBag
        /// The answers as far as they were read, also when they have errors (`sheet` is then nil): who a record that
        /// failed names (its company name, its credit code) for the batch's summary.
        public var read: AnswerSheet? = nil
    }

    /// `partial`: a questionnaire still being filled in (the wizard resuming) — missing required answers are fine.
    /// JSON is read as the YAML it also is (libyaml), so both formats get the same checks and messages.
    public static func decode(_ file: SourceFile, catalog: Catalog, limits: YAMLLimits = .standard, partial: Bool = false) -> Result {
        var bag = DiagnosticBag()
        guard let root = YAMLDocument.parse(file, limits: limits, into: &bag) else {
            return Result(sheet: nil, diagnostics: bag)
        }
        let ctx = LoadContext(file)
        let sheet = decode(root, ctx, catalog: catalog, partial: partial)
        bag.append(contentsOf: ctx.bag)
        return Result(sheet: bag.hasErrors ? nil : sheet, diagnostics: bag, read: sheet)
    }

    /// The `industry:` an answers file names, as written, or nil when the file does not read that far. Lets a
    /// command read only that industry of the catalog; `decode` then checks the file in full.
    public static func industryID(of file: SourceFile, limits: YAMLLimits = .standard) -> String? {
        var bag = DiagnosticBag()
        guard let root = YAMLDocument.parse(file, limits: limits, into: &bag), case let .mapping(map) = root,
              case let .scalar(value)? = map["industry"] else { return nil }
        return value.string
    }

    static func decode(_ root: Node, _ ctx: LoadContext, catalog: Catalog, partial: Bool = false) -> AnswerSheet? {
        guard let map = YMap(root, ctx, what: "an answers file") else { return nil }
        // A proposal gaizao wrote (often beside its answers, in the folder a batch reads) is not an answers file.
        if let schema = map["schema"], case let .scalar(value) = schema, value.string.hasPrefix("gaizao.") {
            ctx.error("this is a file gaizao wrote (`\(value.string)`), not an answers file: give the answers it was made from", schema)
            return nil
        }
        map.checkKeys(["gaizao_answers", "industry", "date", "answers"], in: "the answers file")
        if let v = map["gaizao_answers"] {
            if YValue.number(v, ctx, what: "`gaizao_answers`") != 1 && ctx.bag.errors.isEmpty {
                ctx.error("unsupported answers format version: this gaizao reads `gaizao_answers: 1`", v)
            }
        }
        guard let industryID = map.string("industry", required: true, in: "the answers file") else { return nil }
        guard let industry = catalog.industry(typed: industryID) else {
            ctx.error(catalog.unknownIndustryMessage(industryID), map["industry"]!)
            return nil
        }
        var date: String?
        if let d = map["date"] {
            if let s = YValue.string(d, ctx, what: "`date`") {
                if isISODate(s) { date = s } else { ctx.error(dateMessage(s), d) }
            }
        }
        let questionnaire = catalog.questionnaire(for: industry)
        var sheet = AnswerSheet(industry: industry.id, date: date, file: ctx.file)
        var invalid = Set<String>()  // answered, but wrongly: reported as invalid, not also as missing
        guard let answersNode = map["answers"] else {
            map.missing("answers", in: "the answers file")
            return nil
        }
        if case let .scalar(s) = answersNode, s.style == .plain, s.string.isEmpty || s.string == "~" || s.string == "null" {
            // `answers:` with nothing under it: an empty sheet (the wizard starts like this).
        } else if let answers = YMap(answersNode, ctx, what: "`answers`") {
            let allIDs = questionnaire.ordered.map(\.id)
            // Each unknown question is reported up to a limit, then counted: a file of thousands of junk keys gets a
            // readable report, in time.
            var unknown = 0
            sheet.answers.reserveCapacity(answers.entries.count)
            sheet.locations.reserveCapacity(answers.entries.count)
            for entry in answers.entries {
                guard let question = questionnaire[entry.key] else {
                    unknown += 1
                    if unknown <= Self.maxUnknownReported {
                        let hint = closest(entry.key, among: allIDs).map { " (did you mean `\($0)`?)" } ?? ""
                        ctx.error("unknown question \(quotedValue(entry.key)) for industry `\(industryID)`\(hint)", entry.keyNode)
                    }
                    continue
                }
                sheet.locations[entry.key] = ctx.loc(entry.keyNode)
                if case let .scalar(s) = entry.value, s.style == .plain, s.string.isEmpty || s.string == "~" || s.string == "null" {
                    continue  // explicitly unanswered
                }
                let errorsBefore = ctx.bag.errorCount
                // Keyed by the catalog's own id: the same text, and a batch keeping thousands of sheets between its
                // passes shares one copy of each id instead of holding one per sheet.
                if let value = value(entry.value, for: question, ctx) { sheet.answers[question.id] = value }
                if ctx.bag.errorCount > errorsBefore { invalid.insert(entry.key) }
            }
            if unknown > Self.maxUnknownReported {
                ctx.error("\(unknown - Self.maxUnknownReported) more unknown questions for industry `\(industryID)` (the first \(Self.maxUnknownReported) are reported above)", answersNode)
            }
        }
        addSheetProblems(sheet, questionnaire, anchor: map.keyNode("answers").map(ctx.loc), partial: partial, invalid: invalid, to: &ctx.bag)
        return sheet
    }

    /// The problems of the sheet as a whole (skip logic, missing answers), at their answer or else at `anchor`.
    /// `invalid`: questions whose answer was reported as wrong; they are not reported as missing too.
    static func addSheetProblems(_ sheet: AnswerSheet, _ questionnaire: Questionnaire, anchor: SourceLocation?, partial: Bool,
                                 invalid: Set<String> = [], to bag: inout DiagnosticBag) {
        for problem in AnswerValidator.problems(sheet, questionnaire) where !(partial && problem.isMissingAnswer) {
            if problem.isMissingAnswer, let id = problem.missingQuestionID, invalid.contains(id) { continue }
            let loc = problem.questionID.flatMap { sheet.locations[$0] } ?? anchor
            bag.append(Diagnostic(problem.severity, problem.message, at: loc))
        }
    }

    /// Converts one YAML value to the answer type of `question`, or reports why it cannot.
    static func value(_ node: Node, for q: Question, _ ctx: LoadContext) -> AnswerValue? {
        // Made only for a message: nearly every answer is fine.
        var what: String { "answer to `\(q.id)`" }
        switch q.kind {
        case .text:
            guard case let .scalar(s) = node else { ctx.error("\(what) must be a text, found \(node.kindName)", node); return nil }
            let text = s.string.trimmingWhitespaceAndNewlines()
            if text.count > q.maxLength { ctx.error("\(what) is \(text.count) characters long, more than \(q.maxLength)", node); return nil }
            if text.isEmpty { return nil }
            return .text(text)
        case .single:
            guard case let .scalar(s) = node else { ctx.error("\(what) must be one option id, found \(node.kindName)", node); return nil }
            return option(s.string, q, node, ctx).map(AnswerValue.option)
        case .multi:
            guard case let .sequence(seq) = node else {
                ctx.error("\(what) must be a list of option ids such as [\(q.options.prefix(2).map(\.id).joined(separator: ", "))], found \(YValue.describe(node))", node)
                return nil
            }
            var chosen = Set<String>()
            var exclusiveItem: Node?
            for item in seq {
                guard case let .scalar(s) = item else { ctx.error("\(what): each item must be an option id", item); continue }
                if let o = option(s.string, q, item, ctx) {
                    // Counted once either way; said, as a list written twice is often a slip for another option.
                    if !chosen.insert(o).inserted { ctx.warning("\(what): `\(o)` is listed twice; it counts once", item) }
                    if o == q.exclusiveOption?.id { exclusiveItem = item }
                }
            }
            if let exclusiveItem, let none = q.exclusiveOption {
                // "None of these" stands alone; with it the answer is the empty set.
                if chosen.count > 1 {
                    ctx.error("\(what): `\(none.id)` (\(none.label.zh)) means none of the options and cannot be chosen with others", exclusiveItem)
                    return nil
                }
                return .options([])
            }
            if let unmet = q.unmetRequirement(chosen) {
                ctx.error("\(what): \(q.unmetRequirementMessage(unmet))", node)
                return nil
            }
            return .options(q.options.map(\.id).filter(chosen.contains))
        case .number, .level:
            guard case let .scalar(s) = node, s.style == .plain, let n = YValue.parseNumber(s.string) else {
                ctx.error("\(what) must be a number\(q.unit.map { " (\($0.zh))" } ?? ""), found \(YValue.describe(node))\(plainNumberHint(node, q))", node)
                return nil
            }
            if let problem = numberProblem(n, q) { ctx.error("\(what): \(problem)", node); return nil }
            return .number(n)
        case .yesno:
            guard case let .scalar(s) = node, let b = parseYesNo(s.string) else {
                ctx.error("\(what) must be yes or no (true/false), found \(YValue.describe(node))", node)
                return nil
            }
            return .bool(b)
        }
    }

    /// What to write instead of a number typed as a person types it (`1,200`, `85人`, `2,5`) in an answers file,
    /// which takes plain numbers only: the same texts the wizard and spreadsheet cells read (`TypedNumber`) are
    /// named here with the plain number they stand for, and a decimal comma is called one, as there.
    static func plainNumberHint(_ node: Node, _ q: Question) -> String {
        guard q.kind == .number, case let .scalar(s) = node else { return "" }
        switch TypedNumber.read(s.string, for: q) {
        case let .number(n) where formatNumber(n) != s.string:
            return ": an answers file takes plain numbers, without separators or units: \(formatNumber(n))"
        case let .decimalComma(suggested):
            return TypedNumber.parse(suggested, for: q).map { ": use a point for decimals: \(formatNumber($0))" } ?? ""
        case .badGrouping:
            return ": an answers file takes plain numbers, such as 1200 or 2.5"
        case .number, .notANumber:
            return ""
        }
    }

    /// Why `n` is not acceptable for `q`, or nil.
    public static func numberProblem(_ n: Double, _ q: Question) -> String? {
        numberProblem(n, integer: q.integer, min: q.min, max: q.max)
    }

    static func numberProblem(_ n: Double, integer: Bool, min: Double?, max: Double?) -> String? {
        // `formatNumber` keeps four decimals: 150.00001 read "must be a whole number, found 150", and 100.00001
        // "100 is above the maximum 100". A number that would look like the bound it breaks is shown in full
        // (Swift's shortest exact form), so the message shows what is wrong.
        func shown(_ n: Double, beside other: Double) -> String {
            formatNumber(n) == formatNumber(other) && n != other ? "\(n)" : formatNumber(n)
        }
        if integer && n != n.rounded() { return "must be a whole number, found \(shown(n, beside: n.rounded()))" }
        if let lo = min, n < lo { return "\(shown(n, beside: lo)) is below the minimum \(formatNumber(lo))" }
        if let hi = max, n > hi { return "\(shown(n, beside: hi)) is above the maximum \(formatNumber(hi))" }
        return nil
    }

    public static func parseYesNo(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "true", "yes", "y", "是", "有": return true
        case "false", "no", "n", "否", "无", "没有": return false
        default: return nil
        }
    }

    /// The option that `text` names, by id or label (`TypedChoice.swift`).
    private static func option(_ text: String, _ q: Question, _ node: Node, _ ctx: LoadContext) -> String? {
        if let id = q.optionID(typed: text) { return id }
        ctx.error(q.unknownOptionMessage(text), node)
        return nil
    }

    public static func isISODate(_ s: String) -> Bool {
        if let (y, m, d) = plainDate(s.utf8.span) { return isDate(y, m, d) }
        // Other forms (`2026-+1-+5`, `2026--11-20`) have always been read this way: they still are.
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        return isDate(y, m, d)
    }

    /// Why `s` is no diagnosis date. A real day outside 1900–2200 (`0001-01-01`, `9999-12-31`) was said not to be
    /// "a real calendar date", which it is: it is said to be out of range.
    /// `typed`: the text as the user wrote it, when `s` is its normalised form (a spreadsheet's `2026/11/20`).
    static func dateMessage(_ s: String, typed: String? = nil) -> String {
        let shown = typed ?? s
        if let (y, m, d) = plainDate(s.utf8.span), !(1900...2200).contains(y), isCalendarDay(y, m, d) {
            return "`date` \(quotedValue(shown)) is out of range: a diagnosis date is between 1900-01-01 and 2200-12-31"
        }
        return "`date` must be a real calendar date written YYYY-MM-DD, found \(quotedValue(shown))"
    }

    /// A real day of the Gregorian calendar between 1900 and 2200 (`2026-02-30` is not).
    static func isDate(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        y >= 1900 && y <= 2200 && isCalendarDay(y, m, d)
    }

    /// A real day of the Gregorian calendar, in any year.
    static func isCalendarDay(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    /// Year, month and day of a text that is exactly `DDDD-DD-DD`, as dates are nearly always written, read
    /// without making substrings; nil for any other text.
    private static func plainDate(_ b: Span<UInt8>) -> (Int, Int, Int)? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let digit = b[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                n = n * 10 + Int(digit)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }
}
