/// One answer, typed by its question: numbers (also scene levels), text, one option, several options, yes/no.
public enum AnswerValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case option(String)
    case options([String])
    case bool(Bool)
}

/// The answers of one enterprise: the second input of the pipeline.
public struct AnswerSheet: Sendable, Hashable {
    public var industry: String
    /// The proposal date as written (`YYYY-MM-DD`); no clock is read.
    public var date: String?
    public var answers: [String: AnswerValue]
    /// Where each answer stands in its file, for located errors.
    public var locations: [String: SourceLocation]
    public var file: String?

    public init(industry: String, date: String? = nil, answers: [String: AnswerValue] = [:],
                locations: [String: SourceLocation] = [:], file: String? = nil) {
        self.industry = industry
        self.date = date
        self.answers = answers
        self.locations = locations
        self.file = file
    }

    public subscript(id: String) -> AnswerValue? {
        get { answers[id] }
        set { answers[id] = newValue }
    }
}

extension AnswerSheet {
    /// The sheet as one line of JSON in the answers-file format (`gaizao_answers: 1`), keys sorted: the form
    /// `gaizao batch -` reads from standard input.
    public func jsonLine() -> String {
        var w = JSONWriter(capacity: 4096)
        w.verbatim("{\"gaizao_answers\":1,\"industry\":")
        w.string(industry)
        if let date { w.verbatim(",\"date\":"); w.string(date) }
        w.verbatim(",\"answers\":{")
        for (i, key) in answers.keys.sorted().enumerated() {
            if i > 0 { w.verbatim(",") }
            w.string(key)
            w.verbatim(":")
            switch answers[key]! {
            case let .number(x): w.verbatim(formatNumber(x, maxFractionDigits: 6))
            case let .text(t): w.string(t)
            case let .option(o): w.string(o)
            case let .options(os):
                w.verbatim("[")
                for (j, o) in os.enumerated() {
                    if j > 0 { w.verbatim(",") }
                    w.string(o)
                }
                w.verbatim("]")
            case let .bool(b): w.verbatim(b ? "true" : "false")
            }
        }
        w.verbatim("}}")
        return w.finish(newline: false)
    }
}
