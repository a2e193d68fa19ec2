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
