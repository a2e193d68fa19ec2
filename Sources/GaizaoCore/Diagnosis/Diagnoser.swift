/// Scores answers with the maturity model: indicator points, scene levels, the level rule.
public struct Diagnoser: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// Diagnoses `answers` (already the effective answers of the industry's questionnaire).
    public func diagnose(industry: Industry, answers: [String: AnswerValue], questionnaire: Questionnaire) -> Diagnosis {
        var builder = AnswerSlots.Builder(questionnaire)
        let tables = DiagnosisTables(catalog: catalog, questionnaire: questionnaire, slots: &builder)
        return tables.diagnose(industryID: industry.id, answers: SlotAnswers(slots: AnswerSlots(builder), answers))
    }

    /// The first size band whose condition holds; the last band otherwise.
    public func sizeBand(_ answers: [String: AnswerValue]) -> SizeBand {
        let bands = catalog.manifest.sizeBands
        for band in bands {
            guard let when = band.when else { return band }
            if ConditionEvaluator.evaluate(when, in: answers).isTrue { return band }
        }
        return bands.last ?? SizeBand(id: "default", name: Localized(zh: "默认", en: "Default"), when: nil)
    }

    /// The highest level whose three conditions hold (domain.md §3); 0 is "below level 1".
    static func level(_ checks: [LevelCheck]) -> Int {
        checks.filter(\.met).map(\.level).max() ?? 0
    }
}
