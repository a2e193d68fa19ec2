import GaizaoCore

/// One option as the wizard offers it: the number typed to reach it, its label and the answer it gives.
struct WizardChoice: Equatable {
    var number: Int
    var label: String
    var value: AnswerValue
    /// The catalog option, for its help and MIIT points (nil for yes/no and scene levels).
    var option: QuestionOption?
}

extension WizardChoice {
    /// The options of a choice question: `single` and `multi` list the catalog options numbered from 1; `yesno` is
    /// 是/否; a `level` question offers "0 未开展" and the scene's four level descriptions, numbered 0…4.
    static func choices(for q: Question, catalog: Catalog, lang: Lang) -> [WizardChoice] {
        let ui = WizardStrings(lang: lang)
        switch q.kind {
        case .single, .multi:
            return q.options.enumerated().map { i, o in
                WizardChoice(number: i + 1, label: o.label[lang], value: .option(o.id), option: o)
            }
        case .yesno:
            return [WizardChoice(number: 1, label: ui.yes, value: .bool(true)),
                    WizardChoice(number: 2, label: ui.no, value: .bool(false))]
        case .level:
            let levels = q.scene.flatMap { catalog.maturity.scene($0) }?.levels ?? []
            var out = [WizardChoice(number: 0, label: ui.levelNone, value: .number(0))]
            for (i, text) in levels.enumerated() {
                out.append(WizardChoice(number: i + 1, label: text[lang], value: .number(Double(i + 1))))
            }
            return out
        case .text, .number:
            return []
        }
    }

    /// The index of the choice a single answer selects.
    static func index(of value: AnswerValue?, in choices: [WizardChoice]) -> Int? {
        guard let value else { return nil }
        return choices.firstIndex { $0.value == value }
    }
}

extension Question {
    /// Whether the wizard shows a list to pick from (one answer) rather than an input field.
    var isSingleChoice: Bool { kind == .single || kind == .yesno || kind == .level }
    var isInput: Bool { kind == .text || kind == .number }
}
