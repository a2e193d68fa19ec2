/// The MIIT 2024 SME digitalization evaluation as data: scored dimensions, the 16 scenes, the level rule.
public struct MaturityModel: Sendable {
    public var id: String
    public var name: Localized
    public var source: Localized?
    public var confirmed: Bool
    public var note: Localized?
    public var dimensions: [Dimension]
    public var sceneGroups: [SceneGroup]
    public var scenes: [Scene]
    public var levels: [LevelRule]

    public func scene(_ id: String) -> Scene? { scenes.first { $0.id == id } }
    public var totalPoints: Double { dimensions.reduce(0) { $0 + $1.points } }
}

public struct Dimension: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var points: Double
    public var indicators: [Indicator]
    public var location: SourceLocation?
}

public struct Indicator: Sendable, Hashable {
    public var id: String
    public var name: Localized
    public var group: Localized?
    public var points: Double
    public var questionID: String
    public var bands: [ScoreBand]
    public var confirmed: Bool
    public var location: SourceLocation?
    public var questionLocation: SourceLocation?
}

/// A band of a number indicator: values up to `upTo` inclusive (or any value, for the last band) score `points`.
public struct ScoreBand: Sendable, Hashable {
    public var upTo: Double?
    public var points: Double
}

public struct SceneGroup: Sendable, Hashable {
    public var id: String
    public var name: Localized
}

public struct Scene: Sendable, Hashable {
    public var id: String
    public var group: String
    public var name: Localized
    public var mandatory: Bool
    public var questionID: String
    public var levels: [Localized]
    public var location: SourceLocation?
}

/// One row of the level rule: the score, the scenes at or above the level, and how many of them mandatory.
public struct LevelRule: Sendable, Hashable {
    public var level: Int
    public var minScore: Double
    public var minScenes: Int
    public var minMandatory: Int
    public var location: SourceLocation? = nil
}
