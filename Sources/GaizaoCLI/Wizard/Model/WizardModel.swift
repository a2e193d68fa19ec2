import GaizaoCore

/// The wizard as a pure state machine: which screen is shown, the answers given, navigation with skip logic.
/// Keys go in (`handle`), the screen is drawn from it (`WizardView`), and the CLI saves `answersFileText()` whenever
/// `revision` changes. No terminal, file or clock here, so every path is unit-testable.
///
/// Answers to questions that a later change hides stay in `memory` for the session and come back when the question
/// does; the answers file holds only the answers that count (the effective answers), so it is always a clean
/// input for `gaizao diagnose`.
struct WizardModel {
    enum Screen: Equatable {
        case industry
        /// An existing answers file was opened: continue, go through from the start, or review.
        case resume
        case question(Int)
        case review
        /// The last step: the diagnosis date (default today), written to the answers file and the proposal.
        case date
        case finished
        /// Ctrl-C or Ctrl-D: stop, keeping the saved file.
        case quit
    }

    /// What the user is editing on the current screen.
    enum Editor: Equatable {
        case none
        /// A list with one answer (single, yes/no, scene level; also the industry and resume menus).
        case choice(cursor: Int)
        case multi(cursor: Int, chosen: Set<Int>)
        case input(String)
    }

    let catalog: Catalog
    let lang: Lang
    private(set) var industry: Industry?
    private(set) var questionnaire: Questionnaire
    /// Every answer given, also to questions hidden now.
    private(set) var memory: [String: AnswerValue]
    /// Questions deliberately left unanswered; saved as `~` so a resumed session does not ask them first.
    private(set) var skipped: Set<String>
    /// Text typed in a field but not confirmed, kept when the user moves away. The answers file carries them as
    /// comments (`# draft ID: "TEXT"`), read back when the session is resumed: they are not answers.
    private(set) var drafts: [String: String] = [:]
    /// The diagnosis date: from a resumed file, then as confirmed on the date screen.
    var date: String?
    /// Today's date (YYYY-MM-DD), the date screen's default; given by the CLI, since the model reads no clock.
    var today: String?
    private(set) var screen: Screen
    private(set) var editor: Editor = .none
    /// A message for the current screen (validation, hints); cleared on the next move.
    private(set) var message: String?
    /// The help panel (`?`) stays open from question to question until closed.
    private(set) var showHelp = false
    /// Bumped on every change the answers file must record.
    private(set) var revision = 0
    /// Set when a question was opened from the review: after it, return to the review (via any newly shown
    /// question that has no answer yet).
    private(set) var returnToReview = false
    private(set) var reviewCursor = 0
    /// The highest share done shown so far (see `shownPercent`).
    private(set) var progressFloor = 0
    /// Digits typed in a list, read as one option number (`1` then `3` is 13) until a pause or another key.
    private(set) var digitBuffer = ""
    /// In a multiple-choice list: the option the previous digit of the buffer ticked, untoggled if the next digit
    /// makes a longer number.
    var digitToggled: Int?

    var ui: WizardStrings { WizardStrings(lang: lang) }

    /// A new session. `industry` nil shows the industry menu first; `resumed` is a sheet read from an existing
    /// answers file (`explicitKeys`: the question ids present in it, `~` included; `drafts`: its unconfirmed input,
    /// see `drafts(inAnswersFile:)`).
    init(catalog: Catalog, lang: Lang, industry: Industry?, resumed: AnswerSheet? = nil, explicitKeys: Set<String> = [],
         drafts: [String: String] = [:]) {
        self.catalog = catalog
        self.lang = lang
        self.industry = industry
        let offered = industry.map { catalog.questionnaire(for: $0).offered(to: $0.id) } ?? Questionnaire(sections: [])
        self.questionnaire = offered
        self.drafts = drafts.filter { offered[$0.key]?.isInput == true }
        self.memory = resumed?.answers ?? [:]
        self.skipped = explicitKeys.subtracting(resumed?.answers.keys.map { $0 } ?? [])
        self.date = resumed?.date
        self.screen = .industry
        if industry == nil {
            editor = .choice(cursor: 0)
        } else if resumed != nil {
            screen = .resume
            editor = .choice(cursor: 0)
        } else {
            revision = 1  // a new file is written at once, so a later interruption always leaves one behind
            open(firstAsked ?? 0)
        }
    }

    // MARK: - What is asked

    var effectiveAnswers: [String: AnswerValue] {
        AnswerValidator.effectiveAnswers(AnswerSheet(industry: industry?.id ?? "", answers: memory), questionnaire)
    }

    /// Indices (in `questionnaire.ordered`) of the questions asked with the answers as they stand.
    var askedIndices: [Int] {
        let answers = effectiveAnswers
        return questionnaire.ordered.indices.filter { AnswerValidator.isAsked(questionnaire.ordered[$0], given: answers) }
    }

    func isSettled(_ q: Question) -> Bool { memory[q.id] != nil || skipped.contains(q.id) }

    var firstAsked: Int? { askedIndices.first }
    var firstUnsettled: Int? { askedIndices.first { !isSettled(questionnaire.ordered[$0]) } }

    var currentQuestion: Question? {
        if case let .question(i) = screen { return questionnaire.ordered[i] }
        return nil
    }

    /// The choices of the current screen's list: options of a choice question, industries, or resume actions.
    var choices: [WizardChoice] {
        switch screen {
        case .industry:
            return catalog.industries.enumerated().map { WizardChoice(number: $0 + 1, label: $1.name[lang], value: .option($1.id)) }
        case .resume:
            return resumeActions.enumerated().map { WizardChoice(number: $0 + 1, label: $1.label, value: .option($1.id)) }
        case let .question(i):
            return WizardChoice.choices(for: questionnaire.ordered[i], catalog: catalog, lang: lang)
        default:
            return []
        }
    }

    var resumeActions: [(id: String, label: String)] {
        var actions: [(String, String)] = []
        if let i = firstUnsettled {
            let asked = askedIndices
            actions.append(("continue", ui.resumeContinue((asked.firstIndex(of: i) ?? 0) + 1, questionnaire.ordered[i].label[lang])))
        }
        actions.append(("start", ui.resumeFromStart))
        actions.append(("review", ui.resumeReview))
        return actions
    }

    // MARK: - Moving

    /// Shows question `index`, its editor filled from the answer given (or the draft, or the default).
    mutating func open(_ index: Int) {
        let q = questionnaire.ordered[index]
        digitBuffer = ""
        digitToggled = nil
        let shown = progress(at: nil)
        progressFloor = max(progressFloor, shown.settled < shown.asked ? min(shown.percent, 99) : shown.percent)
        screen = .question(index)
        message = nil
        let current = memory[q.id] ?? q.defaultValue
        switch q.kind {
        case .single, .yesno, .level:
            editor = .choice(cursor: WizardChoice.index(of: current, in: choices) ?? 0)
        case .multi:
            var chosen = Set<Int>()
            if case let .options(ids)? = current {
                for (i, o) in q.options.enumerated() where ids.contains(o.id) { chosen.insert(i) }
                // Answered "none of these": its explicit option shows ticked.
                if ids.isEmpty, let none = q.options.firstIndex(where: \.exclusive) { chosen.insert(none) }
            }
            editor = .multi(cursor: 0, chosen: chosen)
        case .text, .number:
            editor = .input(drafts[q.id] ?? AnswerInput.editableText(memory[q.id]))
        }
    }

    mutating func openReview() {
        screen = .review
        editor = .none
        message = nil
        returnToReview = false
        reviewCursor = askedIndices.count  // the "finish" row
    }

    /// Records the answer to the current question (nil: leave it unanswered) and moves on. Returns the problem
    /// when a required question is left empty.
    @discardableResult
    mutating func submit(_ value: AnswerValue?) -> String? {
        guard case let .question(index) = screen else { return nil }
        let q = questionnaire.ordered[index]
        if let value {
            memory[q.id] = value
            skipped.remove(q.id)
        } else {
            if q.required {
                message = q.kind == .multi ? ui.chooseAtLeastOne : ui.requiredMissing
                return message
            }
            memory[q.id] = nil
            skipped.insert(q.id)
        }
        drafts[q.id] = nil
        revision += 1
        advance(from: index)
        return nil
    }

    /// After question `index`: the next asked question; from the review, the next one without an answer, else the
    /// review itself.
    mutating func advance(from index: Int) {
        let later = askedIndices.filter { $0 > index }
        if returnToReview {
            if let next = later.first(where: { !isSettled(questionnaire.ordered[$0]) }) { open(next) } else { openReview() }
        } else if let next = later.first {
            open(next)
        } else {
            openReview()
        }
    }

    /// Back to the previous asked question, across sections; from the review, to the last question.
    mutating func back() {
        switch screen {
        case let .question(index):
            keepDraft()
            if let previous = askedIndices.last(where: { $0 < index }) { open(previous) } else { message = ui.alreadyFirst }
        case .review:
            if let last = askedIndices.last { open(last) }
        default:
            break
        }
    }

    /// Opens the question of review row `row` for editing.
    mutating func edit(row: Int) {
        let asked = askedIndices
        guard asked.indices.contains(row) else { return }
        open(asked[row])
        returnToReview = true
    }

    /// Finishes from the review, unless a required question asked is still unanswered: then it opens that one.
    mutating func finish() {
        if let missing = askedIndices.first(where: { questionnaire.ordered[$0].required && memory[questionnaire.ordered[$0].id] == nil }) {
            open(missing)
            returnToReview = true
            message = ui.requiredMissing
            return
        }
        openDate()
    }

    /// Whether the answers carry a diagnosis date earlier than today: the wizard then runs again on an earlier
    /// assessment (a re-assessment after the retrofit, most often), and today is the date offered.
    var isReassessment: Bool {
        guard let date, let today else { return false }
        return date < today  // both YYYY-MM-DD
    }

    /// The date Enter alone takes on the date screen: today on a re-assessment, else the date already given, else today.
    var defaultDate: String? { isReassessment ? today : (date ?? today) }

    /// The date screen, its field filled with the date already given (else empty: Enter takes today). On a
    /// re-assessment the field is empty: Enter takes today, and the earlier date is shown beside it.
    mutating func openDate() {
        screen = .date
        message = nil
        editor = .input(isReassessment ? "" : (date ?? ""))
    }

    /// Confirms the typed date (empty: `defaultDate`) and finishes; a wrong date is said and asked again. Written as
    /// people write dates too (2026年12月6日, 2026/12/06, 2026.12.06, as spreadsheet cells are read), it is made
    /// YYYY-MM-DD.
    mutating func confirmDate(_ typed: String) {
        let text = AnswerInput.normalizeDigits(typed).trimmingCharacters(in: .whitespaces)
        let chosen = text.isEmpty ? defaultDate : (TypedDate.iso(text) ?? text)
        if let chosen, !AnswerDecoder.isISODate(chosen) {
            message = ui.badDate
            return
        }
        if chosen != date {
            date = chosen
            revision += 1
        }
        screen = .finished
        editor = .none
    }

    mutating func chooseIndustry(_ chosen: Industry) {
        industry = chosen
        questionnaire = catalog.questionnaire(for: chosen).offered(to: chosen.id)
        revision += 1
        open(firstAsked ?? 0)
    }

    mutating func resume(_ action: String) {
        switch action {
        case "continue":
            // Ask only what is missing, then show the review.
            if let i = firstUnsettled { open(i); returnToReview = true } else { openReview() }
        case "start": open(firstAsked ?? 0)
        default: openReview()
        }
    }

    /// Stops the session. Every valid answer typed but not confirmed with Enter, in the field on screen or left in
    /// another one, is recorded, so an interruption never loses what was typed. A draft that is no valid answer
    /// (or answers a question not asked now) stays a draft, which the answers file carries; an emptied field
    /// changes nothing.
    mutating func quit() {
        keepDraft()
        let asked = Set(askedIndices.map { questionnaire.ordered[$0].id })
        var changed = false
        for q in questionnaire.ordered {
            guard let text = drafts[q.id] else { continue }
            switch draftOutcome(text, for: q) {
            case let .answer(value) where asked.contains(q.id):
                memory[q.id] = value
                skipped.remove(q.id)
                drafts[q.id] = nil
                changed = true
            case .empty:
                drafts[q.id] = nil
                changed = true
            default:
                break
            }
        }
        if changed { revision += 1 }
        screen = .quit
    }

    /// What a draft would give if confirmed with Enter: the same checks (a credit code's check character too).
    func draftOutcome(_ text: String, for q: Question) -> AnswerInput.Outcome {
        q.kind == .number ? AnswerInput.number(text, for: q, ui: ui) : AnswerInput.text(text, for: q, ui: ui)
    }

    /// The drafts not saved as answers, in questionnaire order, each with why: for the message on stopping.
    func unsavedDrafts() -> [(question: Question, text: String, why: String)] {
        let asked = Set(askedIndices.map { questionnaire.ordered[$0].id })
        return questionnaire.ordered.compactMap { q in
            guard let text = drafts[q.id] else { return nil }
            if case let .problem(why) = draftOutcome(text, for: q) { return (q, text, why) }
            return (q, text, asked.contains(q.id) ? ui.draftNotConfirmed : ui.draftQuestionNotAsked)
        }
    }

    /// Keeps the text of the field on screen as its draft (none when it is the answer as given). A changed draft
    /// is saved with the answers, as a comment, at once: not even a crash loses it.
    private mutating func keepDraft() {
        guard case let .question(index) = screen, case let .input(text) = editor else { return }
        let q = questionnaire.ordered[index]
        let draft = text != AnswerInput.editableText(memory[q.id]) ? text : nil
        if drafts[q.id] != draft {
            drafts[q.id] = draft
            revision += 1
        }
    }

    // Small setters for the key handler (kept here so the stored state stays private(set)).
    mutating func setEditor(_ e: Editor) { editor = e; message = nil }
    mutating func setMessage(_ m: String?) { message = m }
    mutating func toggleHelp() { showHelp.toggle() }
    mutating func setReviewCursor(_ c: Int) { reviewCursor = max(0, min(askedIndices.count, c)) }
    mutating func setDigitBuffer(_ b: String) { digitBuffer = b }
    /// A pause after digits: the number typed is complete.
    mutating func digitsTimedOut() { digitBuffer = ""; digitToggled = nil }
    /// Whether a digit typed now would still extend the number typed before (the runner waits for a pause then).
    var digitsPending: Bool { !digitBuffer.isEmpty }
}
