import GaizaoCore

extension WizardModel {
    /// Applies one key press to the wizard.
    mutating func handle(_ key: Key) {
        if key == .ctrlC || key == .ctrlD {
            quit()
            return
        }
        switch screen {
        case .industry, .resume: handleMenu(key)
        case let .question(index): handleQuestion(key, questionnaire.ordered[index])
        case .review: handleReview(key)
        case .finished, .quit: break
        }
    }

    private mutating func handleMenu(_ key: Key) {
        guard case let .choice(cursor) = editor else { return }
        let list = choices
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
        if let moved = moveCursor(cursor, count: list.count, key) {
            setEditor(.choice(cursor: moved))
        } else if key == .enter, list.indices.contains(cursor) {
            submit(list[cursor].value)
        }
    }

    private mutating func handleMulti(_ key: Key, _ q: Question) {
        guard case .multi(let cursor, var chosen) = editor else { return }
        let count = q.options.count
        if case let .char(c) = key, let n = c.wholeNumberValue, (1...count).contains(n) {
            chosen.formSymmetricDifference([n - 1])
            setEditor(.multi(cursor: n - 1, chosen: chosen))
        } else if key == .space {
            chosen.formSymmetricDifference([cursor])
            setEditor(.multi(cursor: cursor, chosen: chosen))
        } else if let moved = moveCursor(cursor, count: count, key, digits: false) {
            setEditor(.multi(cursor: moved, chosen: chosen))
        } else if key == .enter {
            if q.required && chosen.isEmpty {
                setMessage(ui.chooseAtLeastOne)
            } else {
                submit(.options(q.options.indices.filter(chosen.contains).map { q.options[$0].id }))
            }
        }
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
