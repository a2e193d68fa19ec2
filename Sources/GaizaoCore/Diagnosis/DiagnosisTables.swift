/// The maturity model prepared once for one questionnaire: each indicator with the slot of its question and
/// its points already in thousandths, scene slots, compiled size-band conditions. `Diagnoser` scores a run
/// from these without looking up a question or copying one.
final class DiagnosisTables: Sendable {
    struct ScoredIndicator: Sendable {
        var id: String
        var dimensionID: String
        var questionID: String
        var slot: Int
        /// False when the questionnaire lacks the question: the indicator then scores nothing.
        var hasQuestion: Bool
        /// The question's options with their points (first of equal ids wins, as `Question.option` finds).
        var optionPoints: [(id: String, points: MilliPoints)]
        /// The points of each of the question's options, by position (the package search scores by position).
        var pointsByOption: [MilliPoints]
        var yesPoints: MilliPoints
        var bands: [(upTo: Double?, points: MilliPoints)]
        var maxPoints: MilliPoints
    }

    struct SceneSlot: Sendable {
        var id: String
        var slot: Int
        var mandatory: Bool
    }

    /// All indicators, dimension after dimension.
    let indicators: [ScoredIndicator]
    /// Each dimension with the end of its indicators in `indicators`.
    let dimensions: [(id: String, maxPoints: MilliPoints, end: Int)]
    let scenes: [SceneSlot]
    let sizeBands: [(band: SizeBand, when: SlotCondition?)]
    let levels: [LevelRule]
    /// The scene whose level each slot answers, and the indicators (with a question) each slot scores.
    let sceneOfSlot: [Int: Int]
    let indicatorsOfSlot: [Int: [Int]]

    init(catalog: Catalog, questionnaire: Questionnaire, slots: inout AnswerSlots.Builder) {
        let model = catalog.maturity
        var indicators: [ScoredIndicator] = []
        var dimensions: [(id: String, maxPoints: MilliPoints, end: Int)] = []
        for d in model.dimensions {
            for i in d.indicators {
                let question = questionnaire[i.questionID]
                var optionPoints: [(id: String, points: MilliPoints)] = []
                for o in question?.options ?? [] where !optionPoints.contains(where: { $0.id == o.id }) {
                    optionPoints.append((o.id, milli(o.points ?? 0)))
                }
                indicators.append(ScoredIndicator(
                    id: i.id, dimensionID: d.id, questionID: i.questionID, slot: slots.slot(i.questionID),
                    hasQuestion: question != nil, optionPoints: optionPoints,
                    pointsByOption: (question?.options ?? []).map { o in optionPoints.first { $0.id == o.id }?.points ?? 0 }, yesPoints: milli(question?.pointsYes ?? 0),
                    bands: i.bands.map { ($0.upTo, milli($0.points)) }, maxPoints: milli(i.points)))
            }
            dimensions.append((d.id, milli(d.points), indicators.count))
        }
        self.indicators = indicators
        self.dimensions = dimensions
        scenes = model.scenes.map { SceneSlot(id: $0.id, slot: slots.slot($0.questionID), mandatory: $0.mandatory) }
        sizeBands = catalog.manifest.sizeBands.map { band in (band, band.when.map { SlotCondition($0, slot: { slots.slot($0) }) }) }
        levels = model.levels
        var sceneOfSlot: [Int: Int] = [:]
        for (s, scene) in scenes.enumerated() { sceneOfSlot[scene.slot] = s }
        var indicatorsOfSlot: [Int: [Int]] = [:]
        for (k, i) in indicators.enumerated() where i.hasQuestion { indicatorsOfSlot[i.slot, default: []].append(k) }
        self.sceneOfSlot = sceneOfSlot
        self.indicatorsOfSlot = indicatorsOfSlot
    }

    func diagnose(industryID: String, answers: SlotAnswers) -> Diagnosis {
        let values = answers.values
        var scores: [IndicatorScore] = []
        scores.reserveCapacity(indicators.count)
        var dimensionScores: [DimensionScore] = []
        dimensionScores.reserveCapacity(dimensions.count)
        var start = 0
        for d in dimensions {
            var sum = 0
            for i in indicators[start..<d.end] {
                let answer = values[i.slot]
                let points = Self.score(i, answer)
                sum += points
                scores.append(IndicatorScore(id: i.id, dimensionID: i.dimensionID, points: points, max: i.maxPoints,
                                             questionID: i.questionID, answer: answer))
            }
            dimensionScores.append(DimensionScore(id: d.id, points: sum, max: d.maxPoints))
            start = d.end
        }
        let sceneLevels = scenes.map { s -> SceneLevel in
            let answer = values[s.slot]
            var level = 0
            if case let .number(n)? = answer, n.isFinite { level = Int(Swift.max(0, Swift.min(4, n))) }
            return SceneLevel(id: s.id, level: level, mandatory: s.mandatory, answered: answer != nil)
        }
        let total = dimensionScores.reduce(0) { $0 + $1.points }
        let checks = Self.levelChecks(levels, total: total, scenes: sceneLevels)
        return Diagnosis(
            industryID: industryID, slotAnswers: answers, sizeBand: sizeBand(values), indicators: scores,
            dimensions: dimensionScores, total: total, scenes: sceneLevels, level: Diagnoser.level(checks), levelChecks: checks)
    }

    /// The first size band whose condition holds; the last band otherwise (as `Diagnoser.sizeBand`).
    func sizeBand(_ values: [AnswerValue?]) -> SizeBand {
        for (band, when) in sizeBands {
            guard let when else { return band }
            if when.evaluate(values).isTrue { return band }
        }
        return sizeBands.last?.band ?? SizeBand(id: "default", name: Localized(zh: "默认", en: "Default"), when: nil)
    }

    /// The points an answer scores on an indicator, at most the indicator's own: an option's points, the sum
    /// of the options chosen, the yes points, or the first number band that holds the number.
    static func score(_ i: ScoredIndicator, _ answer: AnswerValue?) -> MilliPoints {
        guard let answer, i.hasQuestion else { return 0 }
        func optionPoints(_ id: String) -> MilliPoints {
            for o in i.optionPoints where o.id == id { return o.points }
            return 0
        }
        var points: MilliPoints = 0
        switch answer {
        case let .option(id): points = optionPoints(id)
        case let .options(ids): for id in ids { points += optionPoints(id) }
        case let .bool(b): points = b ? i.yesPoints : 0
        case let .number(n):
            for band in i.bands where band.upTo.map({ n <= $0 }) ?? true {
                points = band.points
                break
            }
        case .text: points = 0
        }
        return Swift.min(points, i.maxPoints)
    }

    /// The level rule applied: score, scenes at or above each level and how many of them are mandatory.
    static func levelChecks(_ rules: [LevelRule], total: MilliPoints, scenes: [SceneLevel]) -> [LevelCheck] {
        rules.map { r in
            var atLevel = 0, mandatoryAtLevel = 0
            for s in scenes where s.level >= r.level {
                atLevel += 1
                if s.mandatory { mandatoryAtLevel += 1 }
            }
            return LevelCheck(level: r.level, scoreNeeded: milli(r.minScore), score: total, scenesNeeded: r.minScenes,
                              scenesAtLevel: atLevel, mandatoryNeeded: r.minMandatory, mandatoryAtLevel: mandatoryAtLevel)
        }
    }
}
