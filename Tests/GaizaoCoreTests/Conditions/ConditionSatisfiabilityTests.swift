import Testing
@testable import GaizaoCore

/// Whether some answers make a condition true: the basis of lint's "rule can never fire".
@Suite struct ConditionSatisfiabilityTests {
    func canBeTrue(_ text: String) throws -> Bool? {
        ConditionSatisfiability.canBeTrue(try TestQuestions.condition(text), TestQuestions.questionnaire)
    }

    @Test(arguments: [
        "employees > 10",
        "employees >= 100000",
        "employees > 10 and employees < 12",
        "rate > 1 and rate < 2",
        "rate / 2 > 3",
        "network == \"office\" or network == \"none\"",
        "network != \"office\"",
        "processes contains \"machining\" and processes contains \"moulding\"",
        "count(processes) == 3",
        "count(processes) >= 1 and not (processes contains \"stamping\")",
        "has_erp and not oem",
        "name != \"a\"",
        "name == \"a\" and not answered(rate)",
        "scene_quality == 4",
        "not answered(employees)",
    ])
    func satisfiable(_ text: String) throws {
        #expect(try canBeTrue(text) == true)
    }

    @Test(arguments: [
        "employees > 10 and employees < 5",
        "employees < 1",
        "employees > 100000",
        "employees > 10 and employees < 11",
        "network == \"none\" and network == \"office\"",
        "processes contains \"machining\" and not (processes contains \"machining\")",
        "count(processes) > 3",
        "has_erp and not has_erp",
        "answered(rate) and not answered(rate)",
        "name == \"a\" and name != \"a\"",
        "scene_quality > 4",
        "false",
        "employees > 10 and employees / 0 > 1",
    ])
    func unsatisfiable(_ text: String) throws {
        #expect(try canBeTrue(text) == false)
    }

    @Test func unknownQuestionCannotBeDecided() throws {
        #expect(try canBeTrue("nope > 1") == nil)
    }

    @Test func tooLargeASearchIsUndecidedRatherThanSlow() throws {
        let text = "employees > 1 and employees < 3 and employees != 7 and rate > 4 and rate < 9 and rate != 11 "
            + "and scene_quality > 1 and count(processes) > 1 and network != \"none\" and name != \"x\" and oem and has_erp"
            + " and employees + rate > 13 and employees * rate < 500"
        let clock = ContinuousClock()
        var result: Bool??
        let elapsed = clock.measure { result = try? canBeTrue(text) }
        #expect(result == .some(nil))
        #expect(elapsed < .seconds(2))
    }

    @Test func candidateAnswersIncludeUnansweredAndEverySubsetOfNamedOptions() throws {
        let multi = try #require(TestQuestions.questionnaire["processes"])
        let expr = try ConditionParser.parse("processes contains \"stamping\"")
        let values = CandidateAnswers.values(for: multi, in: [expr])
        #expect(values.contains { $0 == nil })
        #expect(values.contains(.options([])))
        #expect(values.contains(.options(["stamping"])))
        #expect(values.contains(.options(["machining", "stamping", "moulding"])))
    }
}
