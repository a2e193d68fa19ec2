import GaizaoCore

extension WizardModel {
    /// Applies one key press to the wizard.
    mutating func handle(_ key: Key) {
        if key == .ctrlC || key == .ctrlD {
            quit()
            return
        }
        if !isDigit(key) || { if case .input = editor { return true } else { return false } }() { digitsTimedOut() }
        switch screen {
        case .industry, .resume: handleMenu(key)
        case let .question(index): handleQuestion(key, questionnaire.ordered[index])
        case .review: handleReview(key)
        case .date: handleDate(key)
        case .finished, .quit: break
        }
    }

    private mutating func handleMenu(_ key: Key) {
        guard case let .choice(cursor) = editor else { return }
        let list = choices
        if jumpToTypedNumber(key, list) { return }
        if let moved = moveCursor(cursor, count: list.count, key) {
            setEditor(.choice(cursor: moved))
            return
        }
        guard key == .enter, list.indices.contains(cursor), case let .option(id) = list[cursor].value else { return }
        if screen == .industry {
            if let chosen = catalog.industry(id) { chooseIndustry(chosen) }
        } else {
            resume(id)
        }
    }

    private mutating func handleQuestion(_ key: Key, _ q: Question) {
        if case .input = editor {
            handleInput(key, q)
            return
        }
        switch key {
        case .left, .backspace, .char("b"): back()
        case .char("?"): toggleHelp()
        case .escape: if showHelp { toggleHelp() }
        case .char("s"):
            if q.required { setMessage(q.kind == .multi ? ui.chooseAtLeastOne : ui.requiredMissing) } else { submit(nil) }
        default:
            if q.kind == .multi { handleMulti(key, q) } else { handleChoice(key, q) }
        }
    }

    private mutating func handleChoice(_ key: Key, _ q: Question) {
        guard case let .choice(cursor) = editor else { return }
        let list = choices
        if q.kind == .yesno, case let .char(c) = key, let b = AnswerDecoder.parseYesNo(String(c)) {
            submit(.bool(b))
            return
        }
        if jumpToTypedNumber(key, list) { return }
        if let moved = moveCursor(cursor, count: list.count, key) {
            setEditor(.choice(cursor: moved))
        } else if key == .enter, list.indices.contains(cursor) {
            submit(list[cursor].value)
        }
    }

    private mutating func handleMulti(_ key: Key, _ q: Question) {
        guard case .multi(let cursor, var chosen) = editor else { return }
        let count = q.options.count
        if case let .char(c) = key, isDigit(key) {
            // Digits typed without a pause are one number: 1 then 3 ticks 13 (and unticks the 1 ticked first).
            let typed = typedNumber(c, numbers: Array(1...max(count, 1)))
            if typed.extended, let previous = digitToggled { chosen.formSymmetricDifference([previous]) }
            var moved = cursor
            if let n = typed.number, (1...count).contains(n) {
                chosen = Self.toggled(n - 1, in: chosen, q)
                moved = n - 1
            }
            setEditor(.multi(cursor: moved, chosen: chosen))
            digitToggled = typed.pending ? typed.number.map { $0 - 1 } : nil
            setDigitBuffer(typed.pending ? typed.buffer : "")
        } else if key == .space {
            chosen = Self.toggled(cursor, in: chosen, q)
            setEditor(.multi(cursor: cursor, chosen: chosen))
        } else if let moved = moveCursor(cursor, count: count, key, digits: false) {
            setEditor(.multi(cursor: moved, chosen: chosen))
        } else if key == .enter {
            if q.required && chosen.isEmpty {
                setMessage(ui.chooseAtLeastOne)
            } else {
                // The exclusive "none of these" is the empty answer.
                submit(.options(q.options.indices.filter { chosen.contains($0) && !q.options[$0].exclusive }.map { q.options[$0].id }))
            }
        }
    }

    /// `chosen` with option `index` ticked or unticked. The exclusive "none of these" stands alone: ticking it
    /// unticks the others, and ticking another option unticks it.
    static func toggled(_ index: Int, in chosen: Set<Int>, _ q: Question) -> Set<Int> {
        var out = chosen
        out.formSymmetricDifference([index])
        guard out.contains(index), q.options.indices.contains(index) else { return out }
        if q.options[index].exclusive { return [index] }
        return out.filter { !q.options.indices.contains($0) || !q.options[$0].exclusive }
    }

    private mutating func handleInput(_ key: Key, _ q: Question) {
        guard case let .input(text) = editor else { return }
        switch key {
        case .left: back()
        case .escape: if showHelp { toggleHelp() }
        case .backspace: if !text.isEmpty { setEditor(.input(String(text.dropLast()))) }
        case .ctrlU: setEditor(.input(""))
        case .char("?") where text.isEmpty && q.kind == .text, .char("?") where q.kind == .number: toggleHelp()
        case .space: append(" ", to: text, q)
        case let .char(c): append(c, to: text, q)
        case .enter:
            let outcome = q.kind == .number ? AnswerInput.number(text, for: q, ui: ui) : AnswerInput.text(text, for: q, ui: ui)
            switch outcome {
            case let .answer(value): submit(value)
            case .empty: submit(q.defaultValue)
            case let .problem(why): setMessage(why)
            }
        default: break
        }
    }

    private mutating func append(_ c: Character, to text: String, _ q: Question) {
        if q.kind == .text && text.count >= q.maxLength {
            setMessage(ui.tooLong(q.maxLength))
            return
        }
        if q.kind == .number && text.count >= 24 { return }
        let typed = text + String(c)
        setEditor(.input(typed))
        // Say at once what is wrong with a number, so the user need not press Enter to find out.
        if q.kind == .number, !typed.allSatisfy({ "-+.".contains($0) }),
           case let .problem(why) = AnswerInput.number(typed, for: q, ui: ui) {
            setMessage(why)
        }
    }

    private mutating func handleDate(_ key: Key) {
        guard case let .input(text) = editor else { return }
        switch key {
        case .left, .escape: openReview()
        case .backspace: if !text.isEmpty { setEditor(.input(String(text.dropLast()))) }
        case .ctrlU: setEditor(.input(""))
        case let .char(c) where text.count < 10: setEditor(.input(text + String(c)))
        case .enter: confirmDate(text)
        default: break
        }
    }

    private mutating func handleReview(_ key: Key) {
        let rows = askedIndices.count + 1
        switch key {
        case .left, .backspace, .char("b"): back()
        case .enter:
            if reviewCursor >= askedIndices.count { finish() } else { edit(row: reviewCursor) }
        default:
            if let moved = moveCursor(reviewCursor, count: rows, key, digits: false, page: 10) { setReviewCursor(moved) }
        }
    }

    private func isDigit(_ key: Key) -> Bool {
        if case let .char(c) = key { return c.isASCII && c.isNumber }
        return false
    }

    /// The option number that the digits typed before and `c` make: `1` then `3` is 13 when there is an option 13,
    /// else `3` alone. `pending`: a further digit could still make a longer number.
    func typedNumber(_ c: Character, numbers: [Int]) -> (buffer: String, number: Int?, extended: Bool, pending: Bool) {
        let texts = numbers.map(String.init)
        func result(_ buffer: String, extended: Bool) -> (buffer: String, number: Int?, extended: Bool, pending: Bool) {
            (buffer, texts.contains(buffer) ? Int(buffer) : nil, extended, texts.contains { $0.hasPrefix(buffer) && $0 != buffer })
        }
        let longer = digitBuffer + String(c)
        if !digitBuffer.isEmpty, texts.contains(where: { $0.hasPrefix(longer) }) { return result(longer, extended: true) }
        if texts.contains(where: { $0.hasPrefix(String(c)) }) { return result(String(c), extended: false) }
        return ("", nil, false, false)
    }

    /// A digit in a one-answer list moves the cursor to the option numbered by the digits typed so far.
    private mutating func jumpToTypedNumber(_ key: Key, _ list: [WizardChoice]) -> Bool {
        guard case let .char(c) = key, isDigit(key), case .choice = editor else { return false }
        let typed = typedNumber(c, numbers: list.map(\.number))
        if let n = typed.number, let i = list.firstIndex(where: { $0.number == n }) { setEditor(.choice(cursor: i)) }
        setDigitBuffer(typed.pending ? typed.buffer : "")
        return true
    }

    /// The cursor after a movement key (↑/↓, j/k, Home/End, PageUp/PageDown, a number key), or nil for other keys.
    private func moveCursor(_ cursor: Int, count: Int, _ key: Key, digits: Bool = true, page: Int = 5) -> Int? {
        guard count > 0 else { return nil }
        switch key {
        case .up, .char("k"): return max(0, cursor - 1)
        case .down, .char("j"), .tab: return min(count - 1, cursor + 1)
        case .home: return 0
        case .end: return count - 1
        case .pageUp: return max(0, cursor - page)
        case .pageDown: return min(count - 1, cursor + page)
        case let .char(c) where digits:
            guard let n = c.wholeNumberValue else { return nil }
            return choices.firstIndex { $0.number == n }
        default: return nil
        }
    }
}
