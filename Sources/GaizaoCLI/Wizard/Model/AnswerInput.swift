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
        let text = normalizeDigits(typed).filter { $0 != " " && $0 != "," }
        if text.isEmpty { return .empty }
        guard text.allSatisfy({ "0123456789.-+eE".contains($0) }), let n = Double(text), n.isFinite else {
            return .problem(ui.notANumber)
        }
        if AnswerDecoder.numberProblem(n, q) != nil {
            if let range = rangeText(q) { return .problem(ui.numberOutOfRange(range, integer: q.integer)) }
            return .problem(ui.wholeNumber)
        }
        return .answer(.number(n))
    }

    static func text(_ typed: String, for q: Question, ui: WizardStrings) -> Outcome {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .empty }
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
            return .answer(.options(q.options.map(\.id).filter(chosen.contains)))
        }
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
    static func normalizeDigits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            switch s.value {
            case 0xFF10...0xFF19, 0xFF0E, 0xFF0D, 0xFF0B: return Unicode.Scalar(s.value - 0xFEE0)!
            case 0x3002: return "."  // 。 typed for a decimal point
            default: return s
            }
        }))
    }

    /// An answer written back into an input field, for editing.
    static func editableText(_ value: AnswerValue?) -> String {
        switch value {
        case let .text(t)?: return t
        case let .number(n)?: return formatNumber(n, maxFractionDigits: 10)
        default: return ""
        }
    }
}
