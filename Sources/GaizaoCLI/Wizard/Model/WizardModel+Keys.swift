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

    /// Keys that arrived in one read of the terminal, an Enter among them. A terminal without bracketed paste sends
    /// a pasted text as if typed, its line breaks as Enter: Enter confirmed a text field and the next line answered
    /// (or skipped, `s`) the questions after it. So when an Enter confirms a text field and a list comes next, and
    /// the keys right after the Enter in the same read are plainly text, the Enter is undone and they go into the
    /// field as one paste (the line break a space). Keys typed ahead or scripted (digits, y/n and the other keys
    /// of a list, arrows, or text for a field that comes next) are handled one by one as before.
    mutating func handle(keysInOneRead keys: [Key]) {
        var i = keys.startIndex
        while i < keys.endIndex {
            let key = keys[i]
            i += 1
            guard key == .enter, let q = currentQuestion, q.kind == .text, case .input = editor else {
                handle(key)
                continue
            }
            let before = self
            handle(key)
            let confirmed = screen != before.screen
            guard confirmed, currentQuestion?.isInput != true, let pasted = Self.unmarkedPaste(keys[i...]) else { continue }
            self = before
            handle(.paste("\n" + pasted.text))
            i += pasted.count
        }
    }

    /// When `keys` start with plainly text: that text (lines joined by line feeds), up to the first key that is not
    /// a character, space or Enter, and how many keys it took. Plainly text: its first line has a letter that no
    /// list reads as a key (a list takes y, n, s, x, b, j, k).
    static func unmarkedPaste(_ keys: ArraySlice<Key>) -> (text: String, count: Int)? {
        var lines = [""]
        var count = 0
        loop: for key in keys {
            switch key {
            case let .char(c): lines[lines.count - 1].append(c)
            case .space, .tab: lines[lines.count - 1].append(" ")
            case .enter: lines.append("")
            default: break loop
            }
            count += 1
        }
        let listKeys: Set<Character> = ["y", "n", "s", "x", "b", "j", "k", "Y", "N"]
        guard lines[0].contains(where: { $0.isLetter && !listKeys.contains($0) }) else { return nil }
        return (lines.joined(separator: "\n"), count)
    }

    /// Pasted text made one line for a field: each run of line breaks and tabs becomes one space, other control
    /// characters are dropped (they are refused in answers).
    static func pastedLine(_ text: String) -> String {
        var out = ""
        var afterBreak = false
        for s in text.unicodeScalars {
            if [0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(s.value) {
                if !afterBreak { out.append(" ") }
                afterBreak = true
                continue
            }
            afterBreak = false
            if !ControlCharacters.isForbidden(s, allowingLineBreaks: false) { out.unicodeScalars.append(s) }
        }
        return out
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
        case .paste: setMessage(ui.pasteNotUsed)  // a list is answered by choosing: pasted text is never read as keys
        case .char("s"):
            // Skipping changes nothing: an answer given stays (clearing it is `x`); without one, the question is
            // left unanswered when it may be.
            if memory[q.id] != nil, case let .question(index) = screen {
                advance(from: index)
            } else if q.required {
                setMessage(q.kind == .multi ? ui.chooseAtLeastOne : ui.requiredMissing)
            } else {
                submit(nil)
            }
        case .char("x") where memory[q.id] != nil && !q.required:
            submit(nil)  // clears the answer: the question is left unanswered (`~`), and the next one shown
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
            // The exclusive "none of these" is the empty answer.
            let ids = q.options.indices.filter { chosen.contains($0) && !q.options[$0].exclusive }.map { q.options[$0].id }
            if q.required && chosen.isEmpty {
                setMessage(ui.chooseAtLeastOne)
            } else if let problem = AnswerInput.unmetRequirement(q, Set(ids), ui) {
                setMessage(problem)
            } else {
                submit(.options(ids))
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
        // `?` is help in a number field at any time (it is never part of a number), in a text field only while it
        // is empty (else it is typed); the key legend says which (keysNumber, keysText).
        case .char("?") where text.isEmpty && q.kind == .text, .char("?") where q.kind == .number: toggleHelp()
        case .space: insert(" ", into: text, q)
        case let .char(c): insert(String(c), into: text, q)
        case let .paste(pasted): insert(Self.pastedLine(pasted), into: text, q)
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

    /// Adds typed or pasted characters to a field, as many as its length limit leaves room for (a text field says
    /// when some did not fit).
    private mutating func insert(_ added: String, into text: String, _ q: Question) {
        let room = max(0, (q.kind == .text ? q.maxLength : Self.numberFieldLength) - text.count)
        if q.kind == .text && added.count > room {
            if room > 0 { setEditor(.input(text + String(added.prefix(room)))) }
            setMessage(ui.tooLong(q.maxLength))
            return
        }
        if room == 0 { return }
        let typed = text + String(added.prefix(room))
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
        case let .char(c) where text.count < Self.dateFieldLength: setEditor(.input(text + String(c)))
        case let .paste(pasted): setEditor(.input(String((text + Self.pastedLine(pasted)).prefix(Self.dateFieldLength))))
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

    /// The longest text a number field takes (a number with its unit and separators is far shorter).
    static let numberFieldLength = 24
    /// The longest text the date field takes: room for `2026年12月06日` and full-width digits with spaces around.
    static let dateFieldLength = 16

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
