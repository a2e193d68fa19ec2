import GaizaoCore

/// Turns typed text into an answer for one question, with a message in the user's language when it cannot.
/// Shared by the input fields of the terminal wizard and by the line-based mode.
enum AnswerInput {
    enum Outcome: Equatable {
        case answer(AnswerValue)
        /// Nothing typed: take the default, or leave the question unanswered.
        case empty
        case problem(String)
    }

    static func number(_ typed: String, for q: Question, ui: WizardStrings) -> Outcome {
        if normalizeDigits(typed).allSatisfy({ $0 == " " || $0 == "," || $0 == "，" }) { return .empty }
        let n: Double
        switch TypedNumber.read(typed, for: q) {
        case let .number(number): n = number
        case let .decimalComma(suggested): return .problem(ui.decimalComma(suggested))
        case .badGrouping: return .problem(ui.badGrouping)
        case .notANumber: return .problem(ui.notANumber)
        }
        if AnswerDecoder.numberProblem(n, q) != nil {
            if let range = rangeText(q) { return .problem(ui.numberOutOfRange(range, integer: q.integer)) }
            return .problem(ui.wholeNumber)
        }
        return .answer(.number(n))
    }

    /// The same checks on Enter and on stopping: a credit code that fails them is never an answer (stopping keeps
    /// it as a draft instead).
    static func text(_ typed: String, for q: Question, ui: WizardStrings) -> Outcome {
        var text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .empty }
        if q.id == CreditCode.questionID {
            text = CreditCode.normalized(text)
            if let problem = CreditCode.problem(text) { return .problem(ui.creditCodeProblem(problem)) }
        }
        if text.count > q.maxLength { return .problem(ui.tooLong(q.maxLength)) }
        if let bad = ControlCharacters.firstForbidden(in: text) { return .problem(ui.controlCharacter(ControlCharacters.name(bad.scalar))) }
        return .answer(.text(text))
    }

    /// One line of the line-based mode: option numbers (or ids) for choices, comma-separated for multiple choice
    /// (`-` for none), y/n, numbers, text.
    static func line(_ line: String, for q: Question, choices: [WizardChoice], ui: WizardStrings) -> Outcome {
        let trimmed = normalizeDigits(line).trimmingCharacters(in: .whitespaces)
        switch q.kind {
        case .text: return text(line, for: q, ui: ui)
        case .number: return number(line, for: q, ui: ui)
        case _ where trimmed.isEmpty: return .empty
        case .yesno:
            if let b = AnswerDecoder.parseYesNo(trimmed) { return .answer(.bool(b)) }
            if let c = choice(trimmed, choices) { return .answer(c.value) }
            return .problem(ui.lang == .zh ? "请回答 y（是）或 n（否）。" : "Answer y (yes) or n (no).")
        case .single, .level:
            if let c = choice(trimmed, choices) { return .answer(c.value) }
            return .problem(optionProblem(choices, ui))
        case .multi:
            if trimmed == "-" { return .answer(.options([])) }
            var chosen = Set<String>()
            for part in trimmed.split(whereSeparator: { ",，、; ".contains($0) }) {
                guard let c = choice(String(part), choices), case let .option(id) = c.value else {
                    return .problem(optionProblem(choices, ui))
                }
                chosen.insert(id)
            }
            if let none = q.exclusiveOption, chosen.contains(none.id) {
                // "None of these" stands alone and is the empty answer.
                if chosen.count > 1 {
                    return .problem(ui.lang == .zh ? "「\(none.label.zh)」不能和其他选项同时选。" : "“\(none.label.en)” cannot be chosen with other options.")
                }
                return .answer(.options([]))
            }
            if let problem = unmetRequirement(q, chosen, ui) { return .problem(problem) }
            return .answer(.options(q.options.map(\.id).filter(chosen.contains)))
        }
    }

    /// What the wizard says when `chosen` holds an option without the options it requires ("network covers the
    /// whole shop floor" needs the three networks); nil when nothing is missing. Typed answers and ticked ones alike.
    static func unmetRequirement(_ q: Question, _ chosen: Set<String>, _ ui: WizardStrings) -> String? {
        guard let unmet = q.unmetRequirement(chosen) else { return nil }
        let names = unmet.missing.map { id in q.option(id).map { ui.lang == .zh ? "「\($0.label.zh)」" : "“\($0.label.en)”" } ?? id }
        return ui.lang == .zh
            ? "「\(unmet.option.label.zh)」须同时选\(names.joined(separator: "、"))。"
            : "“\(unmet.option.label.en)” may be chosen only with \(names.joined(separator: ", "))."
    }

    private static func choice(_ text: String, _ choices: [WizardChoice]) -> WizardChoice? {
        if let n = Int(text) { return choices.first { $0.number == n } }
        return choices.first { if case let .option(id) = $0.value { return id == text } else { return false } }
    }

    private static func optionProblem(_ choices: [WizardChoice], _ ui: WizardStrings) -> String {
        let lo = choices.first?.number ?? 1, hi = choices.last?.number ?? 1
        return ui.lang == .zh ? "请输入选项序号 \(lo)–\(hi)。" : "Enter an option number \(lo)–\(hi)."
    }

    /// The allowed range of a number question, as shown to the user (`1–100000`, `≥ 0`), or nil when unbounded.
    static func rangeText(_ q: Question) -> String? {
        switch (q.min, q.max) {
        case let (lo?, hi?): return "\(formatNumber(lo))–\(formatNumber(hi))"
        case let (lo?, nil): return "≥ \(formatNumber(lo))"
        case let (nil, hi?): return "≤ \(formatNumber(hi))"
        case (nil, nil): return nil
        }
    }

    /// Full-width digits and punctuation typed with a Chinese input method, made ASCII.
    static func normalizeDigits(_ text: String) -> String { TypedNumber.normalizeDigits(text) }

    /// An answer written back into an input field, for editing.
    static func editableText(_ value: AnswerValue?) -> String {
        switch value {
        case let .text(t)?: return t
        case let .number(n)?: return formatNumber(n, maxFractionDigits: 10)
        default: return ""
        }
    }
}

/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet,
/// the last a check character over the first 17.
enum CreditCode {
    /// The common question that asks for it (docs/common-question-ids.md).
    static let questionID = "credit_code"
    /// Every code has exactly this many characters.
    static let length = 18
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    enum Problem: Equatable {
        case length(Int)
        case character(Character, position: Int)
        case checkCharacter(expected: Character)
    }

    /// Upper case, full-width letters and digits made ASCII, spaces removed.
    static func normalized(_ text: String) -> String {
        String(AnswerInput.normalizeDigits(text).unicodeScalars.compactMap { s -> Character? in
            if s.properties.isWhitespace { return nil }
            if (0xFF21...0xFF3A).contains(s.value) || (0xFF41...0xFF5A).contains(s.value) {
                return Character(Unicode.Scalar(s.value - 0xFEE0)!)
            }
            return Character(s)
        }).uppercased()
    }

    static func problem(_ code: String) -> Problem? {
        let chars = Array(code)
        guard chars.count == length else { return .length(chars.count) }
        var values: [Int] = []
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return .character(c, position: i + 1) }
            values.append(v)
        }
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        return values[17] == check ? nil : .checkCharacter(expected: alphabet[check])
    }
}
