@testable import GaizaoCore
import Testing

/// Hand-computed checks of the MIIT scoring and the level rule.
@Suite struct ScoringTests {
    /// auto-parts-midsize, indicator by indicator, computed by hand from its answers and domain.md §3.
    @Test func midsizeScoreByIndicator() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml"))
        let points = Dictionary(uniqueKeysWithValues: out.diagnosis.indicators.map { ($0.id, $0.points) })
        let expected: [String: MilliPoints] = [
            "network": 4000,                 // workshop_control + app_network, 2 each
            "equipment_digital_rate": 3000,  // 35% → (20, 40] → 3
            "equipment_network_rate": 1500,  // 15% → (10, 20] → 1.5
            "data_collection": 2100,         // marketing, procurement, finance: 3 × 0.7
            "info_systems": 5000,            // two_plus
            "network_security": 2500,        // 2 × 1.25
            "data_security": 1250,           // 1 × 1.25
            "planning": 3000,                // plan_made
            "mechanisms": 3750,              // 2 × 1.875
            "talent": 3000,                  // 2 × 1.5
            "funding": 0,                    // 1.2% → [0, 10] → 0
            "energy": 3500,                  // flat
            "quality": 7000,                 // up
            "market_performance": 3000,      // up
            "value_benefit": 1500,           // flat
        ]
        #expect(points == expected)
        #expect(out.diagnosis.dimensions.map(\.points) == [19350, 9750, 15000])
        #expect(out.diagnosis.total == 44100)
        #expect(out.diagnosis.level == 2)
        let next = try #require(out.diagnosis.nextLevelCheck)
        #expect(next.level == 3 && !next.scoreMet && next.pointsShort == 15900)
    }

    static func scenes(_ levels: [Int], mandatory: Int) -> [SceneLevel] {
        levels.enumerated().map { SceneLevel(id: "s\($0.offset)", level: $0.element, mandatory: $0.offset < mandatory, answered: true) }
    }

    /// Each condition of the level rule exactly at, and just below, its threshold (domain.md §3 table).
    @Test(arguments: [(1, 20), (2, 40), (3, 60), (4, 80)])
    func levelRuleAtThresholds(level: Int, minScore: Int) {
        let rules = Shipped.catalog.maturity.levels
        let rule = rules[level - 1]
        #expect(Int(rule.minScore) == minScore)
        // Exactly enough scenes at the level, of which exactly enough mandatory (mandatory scenes listed first).
        func levels(_ count: Int, _ mandatory: Int) -> [SceneLevel] {
            var l = Array(repeating: level, count: mandatory) + Array(repeating: 0, count: 10 - mandatory)  // 10 mandatory
            l += Array(repeating: level, count: max(0, count - mandatory)) + Array(repeating: 0, count: 6 - max(0, count - mandatory))
            return Self.scenes(l, mandatory: 10)
        }
        let ok = levels(rule.minScenes, rule.minMandatory)
        let score = milli(rule.minScore)
        func reached(_ total: MilliPoints, _ s: [SceneLevel]) -> Int {
            let checks = rules.map { r in
                let at = s.filter { $0.level >= r.level }
                return LevelCheck(level: r.level, scoreNeeded: milli(r.minScore), score: total, scenesNeeded: r.minScenes,
                                  scenesAtLevel: at.count, mandatoryNeeded: r.minMandatory, mandatoryAtLevel: at.filter(\.mandatory).count)
            }
            return checks.filter(\.met).map(\.level).max() ?? 0
        }
        #expect(reached(score, ok) == level)
        #expect(reached(score - 1, ok) == level - 1)                                   // one thousandth of a point short
        #expect(reached(score, levels(rule.minScenes - 1, rule.minMandatory)) < level) // one scene short
        if rule.minMandatory > 0 {
            // Same scene count, but one mandatory scene swapped for a guidance one.
            #expect(reached(score, levels(rule.minScenes, rule.minMandatory - 1)) < level)
        }
    }
}
