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

    static func score(_ indicator: Indicator, answer: AnswerValue?, question: Question?) -> MilliPoints {
        guard let answer, let question else { return 0 }
        var points: MilliPoints = 0
        switch answer {
        case let .option(id): points = milli(question.option(id)?.points ?? 0)
        case let .options(ids): points = ids.reduce(0) { $0 + milli(question.option($1)?.points ?? 0) }
        case let .bool(b): points = b ? milli(question.pointsYes ?? 0) : 0
        case let .number(n):
            let band = indicator.bands.first { band in band.upTo.map { n <= $0 } ?? true }
            points = milli(band?.points ?? 0)
        case .text: points = 0
        }
        return Swift.min(points, milli(indicator.points))
    }

    static func levelChecks(_ rules: [LevelRule], total: MilliPoints, scenes: [SceneLevel]) -> [LevelCheck] {
        rules.map { r in
            let at = scenes.filter { $0.level >= r.level }
            return LevelCheck(level: r.level, scoreNeeded: milli(r.minScore), score: total, scenesNeeded: r.minScenes,
                              scenesAtLevel: at.count, mandatoryNeeded: r.minMandatory,
                              mandatoryAtLevel: at.filter(\.mandatory).count)
        }
    }

    /// The highest level whose three conditions hold (domain.md §3); 0 is "below level 1".
    static func level(_ checks: [LevelCheck]) -> Int {
        checks.filter(\.met).map(\.level).max() ?? 0
    }
}
