import GaizaoCore

/// An answer as the user reads it: option labels, numbers with their unit, 是/否, scene levels.
enum WizardAnswerDisplay {
    static func text(_ value: AnswerValue?, for q: Question, lang: Lang) -> String {
        let ui = WizardStrings(lang: lang)
        guard let value else { return ui.unanswered }
        switch value {
        case let .text(t): return t
        case let .number(n):
            if q.kind == .level { return n == 0 ? "0 \(ui.levelNone)" : ui.level(Int(n)) }
            return AnswerDisplay.withUnit(formatNumber(n, maxFractionDigits: 10), q.unit?[lang])
        case let .option(id): return q.option(id)?.label[lang] ?? id
        case let .options(ids):
            if ids.isEmpty { return ui.none }
            return ids.map { q.option($0)?.label[lang] ?? $0 }.joined(separator: lang == .zh ? "、" : ", ")
        case let .bool(b): return b ? ui.yes : ui.no
        }
    }
}
