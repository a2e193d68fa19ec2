/// Answers given as plain text cells (a CSV row): each cell converted by its question's type.
public struct AnswerCells: Sendable {
    public struct Cell: Sendable {
        public var questionID: String
        public var text: String
        public var location: SourceLocation?

        public init(questionID: String, text: String, location: SourceLocation?) {
            self.questionID = questionID
            self.text = text
            self.location = location
        }
    }

    public var industry: String
    public var industryLocation: SourceLocation?
    public var date: String?
    /// The date's cell, where a date that is wrong is reported (it was reported at the row's first column).
    public var dateLocation: SourceLocation?
    public var cells: [Cell]
    /// Where the record starts, for whole-record problems (missing required answers).
    public var location: SourceLocation?

    public init(industry: String, industryLocation: SourceLocation?, date: String?, dateLocation: SourceLocation? = nil,
                cells: [Cell], location: SourceLocation?) {
        self.industry = industry
        self.industryLocation = industryLocation
        self.date = date
        self.dateLocation = dateLocation
        self.cells = cells
        self.location = location
    }
}

extension AnswerDecoder {
    /// Multiple choices in one cell are separated by `;` or `|` (a comma would split the CSV column).
    public static let cellListSeparators: Set<Character> = [";", "|", "；"]
    /// Also read between options when every piece is one: the Chinese list comma and commas (a quoted CSV cell).
    static let cellListFallbackSeparators: Set<Character> = ["、", "，", ","]

    public static func decode(_ record: AnswerCells, catalog: Catalog) -> Result {
        var bag = DiagnosticBag()
        guard let industry = catalog.industry(typed: record.industry) else {
            bag.error(catalog.unknownIndustryMessage(record.industry), at: record.industryLocation ?? record.location)
            return Result(sheet: nil, diagnostics: bag)
        }
        // A date typed as Excel shows it (`2026/11/20`, `2026年11月20日`) is read as `2026-11-20`.
        let date = record.date.map { d in isISODate(d) ? d : TypedDate.iso(d) ?? d }
        if let d = date, !isISODate(d) {
            bag.error(dateMessage(d, typed: record.date), at: record.dateLocation ?? record.location)
        }
        let questionnaire = catalog.questionnaire(for: industry)
        var sheet = AnswerSheet(industry: industry.id, date: date)
        var invalid = Set<String>()  // answered, but wrongly: reported as invalid, not also as missing
        // The empty cell of an unanswered question: a missing required answer is reported there (its row and
        // column), not at the record's start.
        var blank: [String: SourceLocation] = [:]
        for cell in record.cells {
            let text = cell.text.trimmingWhitespace()
            if text.isEmpty {
                if let loc = cell.location { blank[cell.questionID] = loc }
                continue
            }
            guard let q = questionnaire[cell.questionID] else {
                bag.error("unknown question \(quotedValue(cell.questionID)) for industry `\(industry.id)`", at: cell.location)
                continue
            }
            switch value(text: text, for: q) {
            case let .success(v): sheet.answers[q.id] = v
            case let .failure(problem):
                bag.error("answer to `\(q.id)`: \(problem.message)", at: cell.location)
                invalid.insert(q.id)
            }
            if let loc = cell.location { sheet.locations[q.id] = loc }
        }
        for p in AnswerValidator.problems(sheet, questionnaire) {
            if p.isMissingAnswer, let id = p.missingQuestionID, invalid.contains(id) { continue }
            let at = p.questionID.flatMap { sheet.locations[$0] } ?? p.missingQuestionID.flatMap { blank[$0] } ?? record.location
            bag.append(Diagnostic(p.severity, p.message, at: at))
        }
        return Result(sheet: bag.hasErrors ? nil : sheet, diagnostics: bag, read: sheet)
    }

    public struct CellProblem: Error { public var message: String }

    /// The common question that asks for the unified social credit code (统一社会信用代码, docs/common-question-ids.md).
    public static let creditCodeQuestion = "credit_code"

    /// Whether a cell holds a number in scientific notation (`9.13303E+17` as Excel shows, and a CSV saved from it
    /// keeps, an 18-digit code typed into a General cell; `9.133028212345679e+17`, a workbook's number cell as read):
    /// the number Excel made of an all-digit credit code, which keeps 15 significant digits. A real code never holds
    /// a point or a sign (its characters are digits and capitals), so a code such as `91330282MA2E12345X` is none.
    public static func isScientificNumber(_ text: String) -> Bool {
        guard text.contains(where: { $0 == "." || $0 == "+" || $0 == "-" }) else { return false }
        return text.wholeMatch(of: /[0-9]+(\.[0-9]*)?[eE][+-]?[0-9]+/) != nil
    }

    /// Converts one text to the answer type of `q`.
    public static func value(text: String, for q: Question) -> Swift.Result<AnswerValue, CellProblem> {
        switch q.kind {
        case .text:
            if q.id == creditCodeQuestion, isScientificNumber(text) {
                return .failure(CellProblem(message: "\(quotedValue(text)) is a number: Excel stored the credit code as a number and lost its last digits; format the column as text and type the code again"))
            }
            if text.count > q.maxLength { return .failure(CellProblem(message: "is \(text.count) characters long, more than \(q.maxLength)")) }
            return .success(.text(text))
        case .single:
            guard let id = q.optionID(typed: text) else { return .failure(CellProblem(message: q.unknownOptionMessage(text, naming: false))) }
            return .success(.option(id))
        case .multi:
            let parts = text.split(whereSeparator: { cellListSeparators.contains($0) }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if parts == ["none"] || parts == ["无"] { return .success(.options([])) }
            var chosen = Set<String>()
            for p in parts {
                if let id = q.optionID(typed: p) {
                    chosen.insert(id)
                    continue
                }
                // Labels typed as a Chinese list (`产品设计、工艺设计`) or with commas: taken when every piece is an
                // option (a label that itself holds `、` matched whole above).
                let pieces = p.split(whereSeparator: { cellListFallbackSeparators.contains($0) }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                let ids = pieces.compactMap { q.optionID(typed: $0) }
                guard pieces.count > 1, ids.count == pieces.count else {
                    let unknown = pieces.count > 1 ? pieces.first { q.optionID(typed: $0) == nil } ?? p : p
                    return .failure(CellProblem(message: q.unknownOptionMessage(unknown, naming: false)))
                }
                chosen.formUnion(ids)
            }
            if let none = q.exclusiveOption, chosen.contains(none.id) {
                // "None of these" stands alone; with it the answer is the empty set.
                if chosen.count > 1 {
                    return .failure(CellProblem(message: "`\(none.id)` (\(none.label.zh)) means none of the options and cannot be chosen with others"))
                }
                return .success(.options([]))
            }
            if let unmet = q.unmetRequirement(chosen) { return .failure(CellProblem(message: q.unmetRequirementMessage(unmet))) }
            return .success(.options(q.options.map(\.id).filter(chosen.contains)))
        case .number, .level:
            // A typed unit (85人, 1.2亿, 30%) is read as the wizard reads it; scene levels are plain numbers.
            let n: Double
            if let plain = YValue.parseNumber(text) {
                n = plain
            } else {
                let typed = q.kind == .number ? TypedNumber.read(text, for: q) : .notANumber
                guard let number = typed.number else { return .failure(CellProblem(message: TypedNumber.problem(text, typed))) }
                n = number
            }
            if let problem = numberProblem(n, q) { return .failure(CellProblem(message: problem)) }
            return .success(.number(n))
        case .yesno:
            guard let b = parseYesNo(text) else { return .failure(CellProblem(message: "must be yes or no, found \(quotedValue(text))")) }
            return .success(.bool(b))
        }
    }

}
