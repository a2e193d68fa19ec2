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
    public var cells: [Cell]
    /// Where the record starts, for whole-record problems (missing required answers).
    public var location: SourceLocation?

    public init(industry: String, industryLocation: SourceLocation?, date: String?, cells: [Cell], location: SourceLocation?) {
        self.industry = industry
        self.industryLocation = industryLocation
        self.date = date
        self.cells = cells
        self.location = location
    }
}

extension AnswerDecoder {
    /// Multiple choices in one cell are separated by `;` or `|` (a comma would split the CSV column).
    public static let cellListSeparators: Set<Character> = [";", "|", "；"]

    public static func decode(_ record: AnswerCells, catalog: Catalog) -> Result {
        var bag = DiagnosticBag()
        guard let industry = catalog.industry(record.industry) else {
            let ids = catalog.industries.map(\.id)
            let hint = closest(record.industry, among: ids).map { " (did you mean `\($0)`?)" } ?? ""
            bag.error("unknown industry `\(record.industry)`\(hint); the catalog has: \(ids.joined(separator: ", "))", at: record.industryLocation ?? record.location)
            return Result(sheet: nil, diagnostics: bag)
        }
        if let d = record.date, !isISODate(d) {
            bag.error("`date` must be a real calendar date written YYYY-MM-DD, found `\(d)`", at: record.location)
        }
        let questionnaire = catalog.questionnaire(for: industry)
        var sheet = AnswerSheet(industry: industry.id, date: record.date)
        for cell in record.cells {
            let text = cell.text.trimmingWhitespace()
            if text.isEmpty { continue }
            guard let q = questionnaire[cell.questionID] else {
                bag.error("unknown question `\(cell.questionID)` for industry `\(industry.id)`", at: cell.location)
                continue
            }
            switch value(text: text, for: q) {
            case let .success(v): sheet.answers[q.id] = v
            case let .failure(problem): bag.error("answer to `\(q.id)`: \(problem.message)", at: cell.location)
            }
            if let loc = cell.location { sheet.locations[q.id] = loc }
        }
        for p in AnswerValidator.problems(sheet, questionnaire) {
            bag.append(Diagnostic(p.severity, p.message, at: p.questionID.flatMap { sheet.locations[$0] } ?? record.location))
        }
        return Result(sheet: bag.hasErrors ? nil : sheet, diagnostics: bag)
    }

    public struct CellProblem: Error { public var message: String }

    /// Converts one text to the answer type of `q`.
    public static func value(text: String, for q: Question) -> Swift.Result<AnswerValue, CellProblem> {
        switch q.kind {
        case .text:
            if text.count > q.maxLength { return .failure(CellProblem(message: "is \(text.count) characters long, more than \(q.maxLength)")) }
            return .success(.text(text))
        case .single:
            guard q.option(text) != nil else { return .failure(CellProblem(message: optionsMessage(text, q))) }
            return .success(.option(text))
        case .multi:
            let parts = text.split(whereSeparator: { cellListSeparators.contains($0) }).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            if parts == ["none"] || parts == ["无"] { return .success(.options([])) }
            for p in parts where q.option(p) == nil { return .failure(CellProblem(message: optionsMessage(p, q))) }
            return .success(.options(q.options.map(\.id).filter(Set(parts).contains)))
        case .number, .level:
            guard let n = YValue.parseNumber(text) else { return .failure(CellProblem(message: "must be a number, found `\(text)`")) }
            if let problem = numberProblem(n, q) { return .failure(CellProblem(message: problem)) }
            return .success(.number(n))
        case .yesno:
            guard let b = parseYesNo(text) else { return .failure(CellProblem(message: "must be yes or no, found `\(text)`")) }
            return .success(.bool(b))
        }
    }

    static func optionsMessage(_ id: String, _ q: Question) -> String {
        let ids = q.options.map(\.id)
        let hint = closest(id, among: ids).map { " (did you mean `\($0)`?)" } ?? ""
        return "`\(id)` is not an option\(hint); options: \(ids.joined(separator: ", "))"
    }
}
