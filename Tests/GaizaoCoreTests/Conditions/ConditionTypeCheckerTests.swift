import Testing
@testable import GaizaoCore

@Suite struct ConditionTypeCheckerTests {
    /// The problems of `text` as "offset: message".
    func problems(_ text: String, reject: (String) -> String? = { _ in nil }) throws -> [String] {
        let expr = try ConditionParser.parse(text)
        return ConditionTypeChecker.check(expr, questions: { TestQuestions.questionnaire[$0] }, reject: reject)
            .map { "\($0.offset): \($0.message)" }
    }

    @Test(arguments: [
        "employees > 10 and has_erp",
        "not has_erp or oem == true",
        "network == \"office\"",
        "\"office\" != network",
        "network == backup_network",
        "network in [\"none\", \"office\"]",
        "employees in [10, 20]",
        "processes contains \"stamping\"",
        "count(processes) + 1 >= 2",
        "answered(name) and name == \"甲厂\"",
        "scene_quality >= 2",
        "rate / employees * 100 < 5",
        "-rate < 0",
        "true",
    ])
    func wellTypedConditions(_ text: String) throws {
        #expect(try problems(text) == [])
    }

    @Test(arguments: [
        ("employees", "0: a condition must be yes/no, but this is a number"),
        ("name", "0: a condition must be yes/no, but this is a text"),
        ("unknown_q > 1", "0: unknown question `unknown_q`"),
        ("answered(unknown_q)", "9: unknown question `unknown_q`"),
        ("network == \"factory\"", "11: question `network` has no option \"factory\"; options: none, office, workshop"),
        ("\"ofice\" == network", "0: question `network` has no option \"ofice\" (did you mean \"office\"?); options: none, office, workshop"),
        ("network in [\"none\", \"wifi\"]", "20: question `network` has no option \"wifi\"; options: none, office, workshop"),
        ("network == size", "8: cannot compare single-choice `network` with single-choice `size`: their options differ"),
        ("network > 1", "0: `>` compares numbers, found single-choice `network`"),
        ("1 <= name", "5: `<=` compares numbers, found a text"),
        ("employees == \"ten\"", "10: cannot compare a number with the string \"ten\""),
        ("has_erp == 1", "8: cannot compare yes/no with a number"),
        ("processes == \"stamping\"", "10: cannot compare multiple-choice `processes` with the string \"stamping\""),
        ("processes contains 1", "19: `contains` needs an option id in quotes, found a number"),
        ("processes contains \"milling\"", "19: question `processes` has no option \"milling\"; options: machining, stamping, moulding"),
        ("network contains \"office\"", "0: `contains` needs a multiple-choice question, found single-choice `network`"),
        ("count(network) > 1", "6: `count()` needs a multiple-choice question, `network` is single"),
        ("not employees", "4: `not` needs yes/no, found a number"),
        ("employees and has_erp", "0: `and` needs yes/no on both sides, found a number"),
        ("has_erp or rate", "11: `or` needs yes/no on both sides, found a number"),
        ("-network > 1", "1: `-` needs a number, found single-choice `network`"),
        ("has_erp + 1 > 1", "0: `+` needs numbers, found yes/no"),
    ])
    func typeErrorsAreLocated(_ text: String, _ expected: String) throws {
        #expect(try problems(text) == [expected])
    }

    @Test func inOnAMultipleChoiceSuggestsContains() throws {
        #expect(try problems("processes in [\"stamping\"]") == [
            "14: cannot compare multiple-choice `processes` with the string \"stamping\"",
            "0: `in` needs a single value; use `contains` for multiple-choice `processes`",
        ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        #expect(try problems("unknown_a > 1 or unknown_b") == [
            "0: unknown question `unknown_a`",
            "17: unknown question `unknown_b`",
        ])
    }

    @Test func rejectedQuestionsAreReportedWithTheReason() throws {
        let reject: (String) -> String? = { $0 == "oem" ? "`oem` is asked later" : nil }
        #expect(try problems("has_erp and oem", reject: reject) == ["12: `oem` is asked later"])
        #expect(try problems("answered(oem)", reject: reject) == ["9: `oem` is asked later"])
    }
}
