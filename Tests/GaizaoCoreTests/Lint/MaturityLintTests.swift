import Testing
@testable import GaizaoCore

/// The maturity model: points that must add up, scoring bands, scenes and the level rule.
@Suite struct MaturityLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    @Test func indicatorPointsDoNotAddUpToTheDimension() {
        let fixture = minimal.replacing(F.maturityYAML, "        points: 40\n", with: "        points: 30\n")
            .replacing(F.maturityYAML, "          - {points: 40}", with: "          - {points: 30}")
        #expect(fixture.lint() == ["maturity-model.yaml:6:5: error: indicators of dimension `foundation` add up to 90 points, not its 100"])
    }

    @Test func dimensionsNotAddingUpTo100() {
        let fixture = minimal.replacing(F.maturityYAML, "    points: 100", with: "    points: 90")
        #expect(fixture.lint() == [
            "maturity-model.yaml:6:5: error: indicators of dimension `foundation` add up to 100 points, not its 90",
            "maturity-model.yaml:6:5: warning: the scored dimensions add up to 90 points, not 100",
        ])
    }

    @Test func bandsNotRising() {
        let fixture = minimal.replacing(F.maturityYAML, "{up_to: 50, points: 20}", with: "{up_to: 5, points: 20}")
        #expect(fixture.lint() == ["maturity-model.yaml:20:13: error: bands must rise: `up_to: 5` after `up_to: 10`"])
    }

    @Test func lastBandMustBeOpen() {
        let fixture = minimal.replacing(F.maturityYAML, "          - {points: 40}", with: "          - {up_to: 100, points: 40}")
        #expect(fixture.lint() == ["maturity-model.yaml:21:13: error: the last band must omit `up_to` so every value scores"])
    }

    @Test func onlyTheLastBandMayBeOpen() {
        let fixture = minimal.replacing(F.maturityYAML, "{up_to: 50, points: 20}", with: "{points: 20}")
        #expect(fixture.lint() == ["maturity-model.yaml:20:13: error: only the last band may omit `up_to`"])
    }

    @Test func bandScoringMoreThanTheIndicator() {
        let fixture = minimal.replacing(F.maturityYAML, "          - {points: 40}", with: "          - {points: 45}")
        #expect(fixture.lint() == ["maturity-model.yaml:21:13: error: band scores 45 points, more than the indicator's 40"])
    }

    @Test func numberIndicatorWithoutBands() {
        let fixture = minimal.replacing(F.maturityYAML, """
                    bands:
                      - {up_to: 10, points: 0}
                      - {up_to: 50, points: 20}
                      - {points: 40}

            """, with: "")
        #expect(fixture.lint() == ["maturity-model.yaml:14:9: error: indicator `equipment_rate` reads number question `equipment_rate` and needs `bands`"])
    }

    @Test func choiceIndicatorThatCannotReachItsPoints() {
        let fixture = minimal.replacing(F.questionnaireYAML, "en: Workshop network}, points: 60}", with: "en: Workshop network}, points: 50}")
        #expect(fixture.lint() == ["maturity-model.yaml:10:9: warning: indicator `network` can score at most 50 of its 60 points"])
    }

    @Test func indicatorScoredByATextQuestion() {
        let fixture = minimal.replacing(F.maturityYAML, "        question: network", with: "        question: scene_quality")
        #expect(fixture.lint() == ["maturity-model.yaml:13:19: error: indicator `network` cannot be scored from level question `scene_quality`"])
    }

    @Test func sceneWithTheWrongNumberOfLevels() {
        let fixture = minimal.replacing(F.maturityYAML, "      - {zh: 四级, en: Level 4}\nlevels:", with: "levels:")
        #expect(fixture.lint() == ["maturity-model.yaml:42:7: error: scene `quality` must describe exactly 4 levels, found 3"])
    }

    @Test func levelRuleAskingForMoreScenesThanTheModelHas() {
        let fixture = minimal.replacing(F.maturityYAML, "min_scenes: 2, min_mandatory: 1}", with: "min_scenes: 3, min_mandatory: 1}")
        #expect(fixture.lint() == [
            "maturity-model.yaml:48:5: error: level 2 asks for 3 scenes (1 mandatory), more than the model has (2, 1 mandatory)",
        ])
    }

    @Test func levelRuleOutOfOrder() {
        let fixture = minimal.replacing(F.maturityYAML, "{level: 2, min_score: 50", with: "{level: 3, min_score: 50")
        #expect(fixture.lint() == ["maturity-model.yaml:48:5: error: the level rule must list levels 1, 2, … in order, without gaps or repeats"])
    }

    @Test func levelRepeated() {
        let fixture = minimal.replacing(F.maturityYAML, "{level: 2, min_score: 50", with: "{level: 1, min_score: 50")
        #expect(fixture.lint() == ["maturity-model.yaml:48:5: error: the level rule must list levels 1, 2, … in order, without gaps or repeats"])
    }

    @Test func levelNeedingFewerPointsThanTheOneBelow() {
        let fixture = minimal.replacing(F.maturityYAML, "{level: 2, min_score: 50", with: "{level: 2, min_score: 10")
        #expect(fixture.lint() == ["maturity-model.yaml:48:5: warning: level 2 needs fewer points than level 1"])
    }
}
