/// Points are kept in thousandths (1.875 → 1875) so sums are exact; the catalog's decimals fit.
public typealias MilliPoints = Int

public func milli(_ points: Double) -> MilliPoints { MilliPoints((points * 1000).rounded()) }

/// The diagnosis of one enterprise: MIIT points, scene levels, the level and what holds it back.
public struct Diagnosis: Sendable {
    public var industryID: String
    /// The answers that count (hidden questions removed).
    public var answers: [String: AnswerValue] {
        get { slotAnswers.dictionary }
        set { slotAnswers = SlotAnswers(slots: slotAnswers.slots, newValue) }
    }
    /// The same answers by slot: what the engine reads (a dictionary is built only when asked for).
    var slotAnswers: SlotAnswers
    public var sizeBand: SizeBand
    public var indicators: [IndicatorScore]
    public var dimensions: [DimensionScore]
    public var total: MilliPoints
    public var scenes: [SceneLevel]
    public var level: Int
    public var levelChecks: [LevelCheck]

    public func scene(_ id: String) -> SceneLevel? { scenes.first { $0.id == id } }
    /// The check of the level above the one reached (nil at the top).
    public var nextLevelCheck: LevelCheck? { levelChecks.first { $0.level == level + 1 } }
}

public struct IndicatorScore: Sendable, Hashable {
    public var id: String
    public var dimensionID: String
    public var points: MilliPoints
    public var max: MilliPoints
    public var questionID: String
    /// The answer that scored it, nil when unanswered.
    public var answer: AnswerValue?
}

public struct DimensionScore: Sendable, Hashable {
    public var id: String
    public var points: MilliPoints
    public var max: MilliPoints
}

public struct SceneLevel: Sendable, Hashable {
    public var id: String
    public var level: Int
    public var mandatory: Bool
    public var answered: Bool
}

/// One row of the level rule applied to this enterprise.
public struct LevelCheck: Sendable, Hashable {
    public var level: Int
    public var scoreNeeded: MilliPoints
    public var score: MilliPoints
    public var scenesNeeded: Int
    public var scenesAtLevel: Int
    public var mandatoryNeeded: Int
    public var mandatoryAtLevel: Int

    public var scoreMet: Bool { score >= scoreNeeded }
    public var scenesMet: Bool { scenesAtLevel >= scenesNeeded }
    public var mandatoryMet: Bool { mandatoryAtLevel >= mandatoryNeeded }
    public var met: Bool { scoreMet && scenesMet && mandatoryMet }
    public var pointsShort: MilliPoints { Swift.max(0, scoreNeeded - score) }
    public var scenesShort: Int { Swift.max(0, scenesNeeded - scenesAtLevel) }
    public var mandatoryShort: Int { Swift.max(0, mandatoryNeeded - mandatoryAtLevel) }
}
