@testable import GaizaoCore

/// A small questionnaire with one question of every type, for condition tests.
enum TestQuestions {
    static func question(_ id: String, _ kind: Question.Kind, options: [String] = [], min: Double? = nil, max: Double? = nil,
                         integer: Bool = false) -> Question {
        Question(
            id: id, kind: kind, label: Localized(zh: id, en: id), help: .empty, required: false, unit: nil, min: min, max: max,
            integer: integer, maxLength: 200,
            options: options.map { QuestionOption(id: $0, label: Localized(zh: $0, en: $0), help: nil, points: nil, location: nil) },
            scene: nil, pointsYes: nil, when: nil, defaultValue: nil, location: nil)
    }

    static let all: [Question] = [
        question("employees", .number, min: 1, max: 100_000, integer: true),
        question("rate", .number, min: 0, max: 100),
        question("name", .text),
        question("network", .single, options: ["none", "office", "workshop"]),
        question("backup_network", .single, options: ["none", "office", "workshop"]),
        question("size", .single, options: ["small", "large"]),
        question("processes", .multi, options: ["machining", "stamping", "moulding"]),
        question("has_erp", .yesno),
        question("oem", .yesno),
        question("scene_quality", .level),
    ]

    static let questionnaire = Questionnaire(sections: [
        QuestionSection(id: "all", title: .empty, questions: all, location: nil),
    ])

    static func condition(_ text: String) throws -> Condition {
        Condition(source: LocatedText(text, at: nil), expr: try ConditionParser.parse(text))
    }
}

extension Expr {
    /// The tree as an S-expression, so a test states the parse it expects in one line: `(or a (and b c))`.
    var sexpr: String {
        switch kind {
        case let .number(n): return formatNumber(n)
        case let .string(s): return "\"\(s)\""
        case let .bool(b): return b ? "true" : "false"
        case let .question(id): return id
        case let .list(items): return "[" + items.map(\.sexpr).joined(separator: " ") + "]"
        case let .not(a): return "(not \(a.sexpr))"
        case let .negate(a): return "(neg \(a.sexpr))"
        case let .and(a, b): return "(and \(a.sexpr) \(b.sexpr))"
        case let .or(a, b): return "(or \(a.sexpr) \(b.sexpr))"
        case let .compare(op, a, b): return "(\(op.rawValue) \(a.sexpr) \(b.sexpr))"
        case let .arithmetic(op, a, b): return "(\(op.rawValue) \(a.sexpr) \(b.sexpr))"
        case let .isIn(a, b): return "(in \(a.sexpr) \(b.sexpr))"
        case let .contains(a, b): return "(contains \(a.sexpr) \(b.sexpr))"
        case let .call(fn, arg): return "(\(fn.rawValue) \(arg.sexpr))"
        }
    }
}
