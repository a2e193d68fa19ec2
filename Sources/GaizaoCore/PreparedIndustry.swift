/// Everything the pipeline can work out ahead for one industry of a catalog: answer slots, compiled
/// conditions, the diagnosis, planning and proposal tables. An `Engine` prepares each industry once and
/// reuses it for every run (it is immutable, so runs on all cores share it); `Planner`, `ProposalBuilder` and
/// `FlipSearch` made on their own prepare theirs when made.
final class PreparedIndustry: Sendable {
    let catalog: Catalog
    let industry: Industry
    let questionnaire: Questionnaire
    let slots: AnswerSlots
    /// The `when` of each question, by slot.
    let questionWhens: [SlotCondition?]
    /// How the answers to each question are displayed, by slot.
    let answerFormats: [AnswerFormat]
    let diagnosis: DiagnosisTables
    let plan: PlanTables
    let proposal: ProposalTables
    /// Every slot, by id in `String` order: the canonical order of the answers hash.
    let slotsByID: [Int]
    /// Each slot's id as UTF-8, the key of its line in the answers hash's canonical text.
    let idBytes: [[UInt8]]

    init(catalog: Catalog, industry: Industry) {
        self.catalog = catalog
        self.industry = industry
        let questionnaire = catalog.questionnaire(for: industry)
        self.questionnaire = questionnaire
        answerFormats = questionnaire.ordered.map(AnswerFormat.init)
        var builder = AnswerSlots.Builder(questionnaire)
        questionWhens = questionnaire.ordered.map { q in q.when.map { SlotCondition($0, slot: { builder.slot($0) }) } }
        diagnosis = DiagnosisTables(catalog: catalog, questionnaire: questionnaire, slots: &builder)
        plan = PlanTables(catalog: catalog, industry: industry, questionnaire: questionnaire, slots: &builder)
        proposal = ProposalTables(catalog: catalog, industry: industry, diagnosis: diagnosis, slots: &builder)
        slots = AnswerSlots(builder)
        let ids = builder.ids
        slotsByID = ids.indices.sorted { ids[$0] < ids[$1] }
        idBytes = ids.map { Array($0.utf8) }
    }

    /// A sheet's answers by slot, and whether every id of the sheet has a slot (else the answers hash sorts
    /// the ids itself).
    func slotted(_ answers: [String: AnswerValue]) -> (values: [AnswerValue?], complete: Bool) {
        var values = [AnswerValue?](repeating: nil, count: slots.ids.count)
        var complete = true
        for (id, value) in answers {
            if let k = slots.slot(id) { values[k] = value } else { complete = false }
        }
        return (values, complete)
    }

    /// `AnswerValidator.effectiveAnswers` on slotted answers.
    func effectiveAnswers(_ raw: [AnswerValue?]) -> SlotAnswers {
        var kept = SlotAnswers(slots: slots)
        for k in 0..<slots.questionCount {
            guard let value = raw[k] else { continue }
            if let when = questionWhens[k], !when.evaluate(kept.values).isTrue { continue }
            kept.values[k] = value
        }
        return kept
    }

    /// The conditions of the cost model's parts compiled to these slots (`PlanTables.costPartWhens`), when
    /// `answers` are by these slots; nil when they are by others, and the conditions are evaluated by id.
    func costPartWhens(for answers: SlotAnswers) -> [[SlotCondition]]? { answers.slots === slots ? plan.costPartWhens : nil }

    /// `Engine.hash` of a sheet whose ids all have slots, `raw` being its answers by slot: the same canonical
    /// text without sorting the ids at every run.
    func answersHash(_ sheet: AnswerSheet, raw: [AnswerValue?]) -> String {
        var text = CanonicalText(sheet)
        for k in slotsByID {
            guard let value = raw[k] else { continue }
            text.add(bytes: idBytes[k])
            text.add(value)
        }
        return SHA256Text.hex(text.bytes)
    }
}
