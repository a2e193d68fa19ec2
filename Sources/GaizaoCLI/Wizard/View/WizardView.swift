import GaizaoCore

/// One line of the screen: plain text no wider than the terminal, and how to colour it.
struct ScreenLine: Equatable {
    enum Style: Equatable { case plain, title, dim, cursor, section, error, accent }
    var text: String
    var style: Style = .plain

    init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// Draws the wizard: a pure function of the model and the terminal size, so tests read the screen as text.
struct WizardView {
    let model: WizardModel
    let size: TerminalSize
    /// The answers file, named on screen so the user knows nothing is lost.
    let answersPath: String
    /// Set by the runner when the last autosave failed.
    var saveError: String?
    /// Set by the runner once the original answers file was copied aside before the wizard rewrote it.
    var backupPath: String?

    var ui: WizardStrings { model.ui }
    private var width: Int { max(size.width, 20) }
    private var lang: Lang { model.lang }
    /// A short terminal (under 22 rows): no rule, fewer blank lines and no save line, so the list keeps its room.
    private var compact: Bool { size.height < 22 }

    func lines() -> [ScreenLine] {
        switch model.screen {
        case .industry: return menu(heading: ui.chooseIndustry)
        case .resume:
            let p = model.progress(at: nil)
            return menu(heading: ui.resumeHeading(path: answersPath, answered: p.answered, skipped: p.settled - p.answered, asked: p.asked))
        case let .question(index): return question(index)
        case .review: return review()
        case .date: return dateScreen()
        case .finished, .quit: return []
        }
    }

    /// The screen as plain text, one line per row (for tests and captures).
    func text() -> String { lines().map(\.text).joined(separator: "\n") }

    // MARK: - Screens

    private func titleLine() -> ScreenLine {
        let industry = model.industry.map { "  " + $0.name[lang] } ?? ""
        return ScreenLine(TextWrap.truncate(ui.title + industry, width: width), .title)
    }

    private var rule: ScreenLine { ScreenLine(String(repeating: "-", count: width), .dim) }

    private func menu(heading: String) -> [ScreenLine] {
        var top = [titleLine()]
        if !compact { top.append(rule) }
        top += wrap(heading, .plain)
        if !compact { top.append(ScreenLine("")) }
        guard case let .choice(cursor) = model.editor else { return top }
        var middle: [ScreenLine] = []
        var focus = 0..<0
        for (i, c) in model.choices.enumerated() {
            let start = middle.count
            middle += item(marker: "", number: "\(c.number). ", label: c.label, focused: i == cursor)
            if i == cursor { focus = start..<middle.count }
        }
        return fit(top: top, middle: middle, focus: focus, bottom: (compact ? [] : [ScreenLine("")]) + keyLines(ui.keysMenu, quit: ui.keysQuitMenu))
    }

    private func question(_ index: Int) -> [ScreenLine] {
        let q = model.questionnaire.ordered[index]
        let p = model.progress(at: index)
        var top = [titleLine()]
        top.append(ScreenLine(firstFitting(ui.headerVariants(section: p.section, sections: p.sections, sectionTitle: p.sectionTitle[lang],
                                                             question: p.question, questions: p.questions, percent: model.shownPercent(p))), .dim))
        if !compact { top.append(rule) }
        top += wrap(q.label[lang] + (q.required ? ui.required : ""), .title)
        if !compact { top.append(ScreenLine("")) }

        var middle: [ScreenLine] = []
        var focus = 0..<0
        var focusedChoice: WizardChoice?
        var keys: String
        switch model.editor {
        case let .choice(cursor):
            let list = model.choices
            let current = WizardChoice.index(of: model.memory[q.id], in: list)
            for (i, c) in list.enumerated() {
                let start = middle.count
                let label = q.kind == .level && c.number > 0 ? "\(ui.level(c.number))：\(c.label)" : c.label
                middle += item(marker: i == current ? "(*) " : "( ) ", number: "\(c.number). ", label: label, focused: i == cursor)
                if i == cursor { focus = start..<middle.count; focusedChoice = c }
            }
            keys = q.kind == .yesno ? ui.keysYesNo : ui.keysChoice
        case let .multi(cursor, chosen):
            let list = model.choices
            for (i, c) in list.enumerated() {
                let start = middle.count
                middle += item(marker: chosen.contains(i) ? "[x] " : "[ ] ", number: "\(c.number). ", label: c.label, focused: i == cursor)
                if i == cursor { focus = start..<middle.count; focusedChoice = c }
            }
            keys = ui.keysMulti
        case let .input(text):
            middle += wrap(text + "_", .cursor, first: "> ", rest: "  ")
            focus = 0..<middle.count
            let range = q.kind == .number ? AnswerInput.rangeText(q) : nil
            let hint = ui.inputHint(unit: q.unit?[lang], range: range, integer: q.integer && q.kind == .number,
                                    defaultText: q.defaultValue.map { WizardAnswerDisplay.text($0, for: q, lang: lang) },
                                    maxLength: q.kind == .text ? q.maxLength : nil,
                                    exactLength: q.id == CreditCode.questionID ? CreditCode.length : nil, optional: !q.required)
            middle += wrap(hint, .dim, first: "  ", rest: "  ")
            keys = q.kind == .number ? ui.keysNumber : ui.keysText
        case .none:
            keys = ui.keysChoice
        }
        if !q.required && !q.isInput { keys += "  " + (model.memory[q.id] != nil ? ui.keysSkipAnswered : ui.keysSkip) }

        var help: [ScreenLine] = []
        if model.showHelp {
            help.append(ScreenLine(""))
            // Every key, also those the footer had no room for.
            let groups = (keys + "  " + ui.keysQuit).components(separatedBy: "  ").filter { !$0.isEmpty }
            help += layout([ui.keysHeading + (lang == .zh ? "：" : ":")] + groups).map { ScreenLine(TextWrap.truncate($0, width: width), .dim) }
            help.append(ScreenLine(ui.helpHeading, .section))
            for paragraph in WizardHelp.paragraphs(for: q, focused: focusedChoice, catalog: model.catalog, lang: lang) {
                help += wrap(paragraph, .plain, first: "  ", rest: "  ")
            }
        }
        var bottom: [ScreenLine] = compact ? [] : [ScreenLine("")]
        if let message = model.message { bottom += wrap(message, .error) }
        bottom += footer(keys)
        return fit(top: top, middle: middle, focus: focus, help: help, bottom: bottom)
    }

    private func review() -> [ScreenLine] {
        let count = model.progress(at: nil)
        var top = [titleLine(), ScreenLine(firstFitting([ui.reviewTitle + "  " + ui.reviewCount(answered: count.answered, asked: count.asked),
                                                         ui.reviewCount(answered: count.answered, asked: count.asked)]), .dim)]
        if !compact { top.append(rule) }
        let asked = model.askedIndices
        let labelWidth = min(28, width / 2)
        var middle: [ScreenLine] = []
        var focus = 0..<0
        var position = 0
        var row = 0
        for section in model.questionnaire.sections {
            let indices = section.questions.indices.map { position + $0 }.filter(asked.contains)
            position += section.questions.count
            guard !indices.isEmpty else { continue }
            middle.append(ScreenLine(TextWrap.truncate(section.title[lang], width: width), .section))
            for index in indices {
                let q = model.questionnaire.ordered[index]
                let focused = row == model.reviewCursor
                let label = TextWrap.pad(TextWrap.truncate(q.label[lang], width: labelWidth), to: labelWidth)
                let answer = WizardAnswerDisplay.text(model.memory[q.id], for: q, lang: lang)
                if focused { focus = middle.count..<middle.count + 1 }
                middle.append(ScreenLine(TextWrap.truncate((focused ? "> " : "  ") + label + "  " + answer, width: width), focused ? .cursor : .plain))
                row += 1
            }
        }
        middle.append(ScreenLine(""))
        let finishFocused = model.reviewCursor >= asked.count
        if finishFocused { focus = middle.count..<middle.count + 1 }
        middle.append(ScreenLine(TextWrap.truncate((finishFocused ? "> " : "  ") + ui.finishRow, width: width), finishFocused ? .cursor : .accent))
        if !compact { top.append(ScreenLine("")) }
        var bottom: [ScreenLine] = compact ? [] : [ScreenLine("")]
        if let message = model.message { bottom += wrap(message, .error) }
        bottom += footer(ui.keysReview)
        return fit(top: top, middle: middle, focus: focus, bottom: bottom)
    }

    private func dateScreen() -> [ScreenLine] {
        var top = [titleLine(), ScreenLine(firstFitting([ui.dateStep, "100%"]), .dim)]
        if !compact { top.append(rule) }
        top += wrap(ui.dateQuestion, .title)
        if !compact { top.append(ScreenLine("")) }
        var middle: [ScreenLine] = []
        if case let .input(text) = model.editor { middle += wrap(text + "_", .cursor, first: "> ", rest: "  ") }
        middle += wrap(ui.dateHint(today: model.defaultDate, earlier: model.isReassessment ? model.date : nil), .dim, first: "  ", rest: "  ")
        var bottom: [ScreenLine] = compact ? [] : [ScreenLine("")]
        if let message = model.message { bottom += wrap(message, .error) }
        bottom += footer(ui.keysDate)
        return fit(top: top, middle: middle, focus: 0..<1, bottom: bottom)
    }

    // MARK: - Pieces

    private func footer(_ keys: String) -> [ScreenLine] {
        var out: [ScreenLine] = []
        if let d = model.liveDiagnosis() {
            let p = model.progress(at: nil)
            out.append(ScreenLine(firstFitting(ui.miitVariants(points: d.points, level: d.level, answered: p.answered,
                                                               skipped: p.settled - p.answered, asked: p.asked)), .accent))
        }
        if let saveError {
            out += wrap(ui.saveFailed(saveError), .error)
        } else if !compact {
            out.append(ScreenLine(TextWrap.truncate(ui.savedTo(answersPath), width: width), .dim))
            if let backupPath { out += wrap(ui.backupMade(answersPath, backup: backupPath), .dim) }
        }
        out += keyLines(keys, quit: ui.keysQuit)
        return out
    }

    /// The first text that fits the width (variants go from long to short); the last one cut if none does.
    private func firstFitting(_ variants: [String]) -> String {
        variants.first { DisplayWidth.of($0) <= width } ?? TextWrap.truncate(variants.last ?? "", width: width)
    }

    /// The key legend on at most two lines, never cut inside a key: the way to save and quit comes first and
    /// always stays; keys that do not fit give way, from the last, to "? more keys" (the help panel lists them).
    private func keyLines(_ keys: String, quit: String) -> [ScreenLine] {
        let all = keys.components(separatedBy: "  ").filter { !$0.isEmpty }
        var kept = all
        while true {
            var groups = [quit] + kept
            if kept.count < all.count { groups.removeAll { $0 == ui.keysHelp }; groups.append(ui.keysMore) }
            let lines = layout(groups)
            if lines.count <= 2 || kept.isEmpty { return lines.prefix(2).map { ScreenLine(TextWrap.truncate($0, width: width), .dim) } }
            kept.removeLast()
        }
    }

    /// Groups laid out on lines of the width, two spaces apart, a group never split.
    private func layout(_ groups: [String]) -> [String] {
        var lines: [String] = []
        var line = ""
        for g in groups {
            let candidate = line.isEmpty ? g : line + "  " + g
            if DisplayWidth.of(candidate) <= width || line.isEmpty { line = candidate } else { lines.append(line); line = g }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A list item: cursor mark, marker, number, and the label wrapped under itself.
    private func item(marker: String, number: String, label: String, focused: Bool) -> [ScreenLine] {
        let first = (focused ? "> " : "  ") + marker + number
        let rest = String(repeating: " ", count: DisplayWidth.of(first))
        return wrap(label, focused ? .cursor : .plain, first: first, rest: rest)
    }

    private func wrap(_ text: String, _ style: ScreenLine.Style, first: String = "", rest: String = "") -> [ScreenLine] {
        TextWrap.wrap(text, width: width, firstPrefix: first, prefix: rest).map { ScreenLine($0, style) }
    }

    /// Fits the screen to the terminal height: the top and bottom stay, the middle (the list) scrolls so the
    /// focused lines stay visible, and the help panel gets at least half of the room left when space is short.
    private func fit(top: [ScreenLine], middle: [ScreenLine], focus: Range<Int>, help: [ScreenLine] = [],
                     bottom: [ScreenLine]) -> [ScreenLine] {
        let height = max(size.height, 5)
        let room = height - top.count - bottom.count
        if middle.count + help.count <= room {
            // The footer sits on the last rows, so it does not jump from question to question.
            let gap = [ScreenLine](repeating: ScreenLine(""), count: room - middle.count - help.count)
            return top + middle + help + gap + bottom
        }
        guard room > 0 else { return Array((Array(top.prefix(max(1, height - bottom.count))) + bottom).suffix(height)) }
        var helpShown = Array(help.prefix(min(help.count, max(room - middle.count, room / 2))))
        if helpShown.count < help.count, let last = helpShown.indices.last {
            helpShown[last] = ScreenLine(TextWrap.truncate(helpShown[last].text + " …", width: width), helpShown[last].style)
        }
        let listRoom = room - helpShown.count
        return top + window(middle, focus: focus, rows: listRoom) + helpShown + bottom
    }

    /// `rows` lines of `lines` that include `focus`, with "more above/below" marks.
    private func window(_ lines: [ScreenLine], focus: Range<Int>, rows: Int) -> [ScreenLine] {
        if lines.count <= rows { return lines }
        if rows < 3 { return Array(lines[focus].prefix(max(rows, 0))) }
        let inner = rows - 2
        var start = max(0, min(focus.lowerBound - 1, lines.count - inner))
        if focus.upperBound > start + inner { start = max(0, focus.upperBound - inner) }
        let end = min(lines.count, start + inner)
        let above = start > 0 ? ScreenLine(ui.moreAbove, .dim) : ScreenLine("")
        let below = end < lines.count ? ScreenLine(ui.moreBelow, .dim) : ScreenLine("")
        return [above] + lines[start..<end] + [below]
    }
}
