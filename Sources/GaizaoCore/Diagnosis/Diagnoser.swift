/// Scores answers with the maturity model: indicator points, scene levels, the level rule.
public struct Diagnoser: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    /// Diagnoses `answers` (already the effective answers of the industry's questionnaire).
    public func diagnose(industry: Industry, answers: [String: AnswerValue], questionnaire: Questionnaire) -> Diagnosis {
        let model = catalog.maturity
        var indicators: [IndicatorScore] = []
        var dimensions: [DimensionScore] = []
        for d in model.dimensions {
            var sum = 0
            for i in d.indicators {
                let answer = answers[i.questionID]
                let points = Self.score(i, answer: answer, question: questionnaire[i.questionID])
                sum += points
                indicators.append(IndicatorScore(id: i.id, dimensionID: d.id, points: points, max: milli(i.points),
                                                 questionID: i.questionID, answer: answer))
            }
            dimensions.append(DimensionScore(id: d.id, points: sum, max: milli(d.points)))
        }
        let scenes = model.scenes.map { s -> SceneLevel in
            let answer = answers[s.questionID]
            var level = 0
            if case let .number(n)? = answer, n.isFinite { level = Int(Swift.max(0, Swift.min(4, n))) }
            return SceneLevel(id: s.id, level: level, mandatory: s.mandatory, answered: answer != nil)
        }
        let total = dimensions.reduce(0) { $0 + $1.points }
        let checks = Self.levelChecks(model.levels, total: total, scenes: scenes)
        return Diagnosis(
            industryID: industry.id, answers: answers, sizeBand: sizeBand(answers), indicators: indicators,
            dimensions: dimensions, total: total, scenes: scenes, level: Self.level(checks), levelChecks: checks)
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
