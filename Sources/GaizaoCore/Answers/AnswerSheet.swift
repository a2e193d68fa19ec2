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
        var out: [UInt8] = []
        func raw(_ text: String) { out.append(contentsOf: text.utf8) }
        func string(_ text: String) { PrettyJSONEncoder.appendString(text, to: &out) }
        raw("{\"gaizao_answers\":1,\"industry\":")
        string(industry)
        if let date { raw(",\"date\":"); string(date) }
        raw(",\"answers\":{")
        for (i, key) in answers.keys.sorted().enumerated() {
            if i > 0 { raw(",") }
            string(key)
            raw(":")
            switch answers[key]! {
            case let .number(x): raw(formatNumber(x, maxFractionDigits: 6))
            case let .text(t): string(t)
            case let .option(o): string(o)
            case let .options(os):
                raw("[")
                for (j, o) in os.enumerated() {
                    if j > 0 { raw(",") }
                    string(o)
                }
                raw("]")
            case let .bool(b): raw(b ? "true" : "false")
            }
        }
        raw("}}")
        return String(decoding: out, as: UTF8.self)
    }
}
