import Testing
@testable import GaizaoCore

/// Kleene three-valued evaluation: an unanswered question is unknown, and a condition holds only when true.
@Suite struct ConditionEvaluatorTests {
    func eval(_ text: String, _ answers: [String: AnswerValue] = [:]) throws -> Truth {
        ConditionEvaluator.evaluate(try TestQuestions.condition(text), in: answers)
    }

    static let truths: [(String, AnswerValue?)] = [("yes", .bool(true)), ("no", .bool(false)), ("unknown", nil)]

    /// The full truth tables of `and`, `or`, `not` over yes, no and unknown.
    @Test func kleeneTruthTables() throws {
        let and: [String: Truth] = [
            "yes yes": .yes, "yes no": .no, "yes unknown": .unknown,
            "no yes": .no, "no no": .no, "no unknown": .no,
            "unknown yes": .unknown, "unknown no": .no, "unknown unknown": .unknown,
        ]
        let or: [String: Truth] = [
            "yes yes": .yes, "yes no": .yes, "yes unknown": .yes,
            "no yes": .yes, "no no": .no, "no unknown": .unknown,
            "unknown yes": .yes, "unknown no": .unknown, "unknown unknown": .unknown,
        ]
        for (l, lv) in Self.truths {
            for (r, rv) in Self.truths {
                var answers: [String: AnswerValue] = [:]
                answers["has_erp"] = lv
                answers["oem"] = rv
                #expect(try eval("has_erp and oem", answers) == and["\(l) \(r)"], "\(l) and \(r)")
                #expect(try eval("has_erp or oem", answers) == or["\(l) \(r)"], "\(l) or \(r)")
            }
        }
        #expect(try eval("not has_erp", ["has_erp": .bool(true)]) == .no)
        #expect(try eval("not has_erp", ["has_erp": .bool(false)]) == .yes)
        #expect(try eval("not has_erp") == .unknown)
    }

    @Test func comparisonsOnUnansweredQuestionsAreUnknown() throws {
        #expect(try eval("employees > 10") == .unknown)
        #expect(try eval("not (employees > 10)") == .unknown)
        #expect(try eval("employees + 1 > 10") == .unknown)
        #expect(try eval("network == \"office\"") == .unknown)
        #expect(try eval("network != \"office\"") == .unknown)
        #expect(try eval("network in [\"office\"]") == .unknown)
        #expect(try eval("processes contains \"stamping\"") == .unknown)
        #expect(try eval("count(processes) == 0") == .unknown)
        #expect(try eval("has_erp == true") == .unknown)
    }

    @Test func unknownDoesNotHideADecidedOperand() throws {
        #expect(try eval("employees > 10 or has_erp", ["has_erp": .bool(true)]) == .yes)
        #expect(try eval("employees > 10 and has_erp", ["has_erp": .bool(false)]) == .no)
        #expect(try eval("has_erp and employees > 10", ["has_erp": .bool(false)]) == .no)
    }

    @Test func answeredIsNeverUnknown() throws {
        #expect(try eval("answered(employees)") == .no)
        #expect(try eval("answered(employees)", ["employees": .number(3)]) == .yes)
        #expect(try eval("not answered(processes)", ["processes": .options([])]) == .no)
    }

    @Test func numbersAndArithmetic() throws {
        let a: [String: AnswerValue] = ["employees": .number(50), "rate": .number(20)]
        #expect(try eval("employees >= 50 and employees <= 50 and employees != 49", a) == .yes)
        #expect(try eval("employees < 50", a) == .no)
        #expect(try eval("rate / employees * 100 == 40", a) == .yes)
        #expect(try eval("employees - rate * 2 == 10", a) == .yes)
        #expect(try eval("-rate < 0", a) == .yes)
        #expect(try eval("employees in [10, 50]", a) == .yes)
    }

    @Test func divisionByZeroIsUnknown() throws {
        #expect(try eval("employees / rate > 1", ["employees": .number(5), "rate": .number(0)]) == .unknown)
        #expect(try eval("employees / rate > 1 or has_erp", ["employees": .number(5), "rate": .number(0), "has_erp": .bool(true)]) == .yes)
    }

    @Test func choicesAndText() throws {
        let a: [String: AnswerValue] = [
            "network": .option("office"), "processes": .options(["machining", "stamping"]), "name": .text("甲厂"),
            "scene_quality": .number(2),
        ]
        #expect(try eval("network == \"office\" and \"office\" == network", a) == .yes)
        #expect(try eval("network in [\"none\", \"workshop\"]", a) == .no)
        #expect(try eval("processes contains \"stamping\" and not (processes contains \"moulding\")", a) == .yes)
        #expect(try eval("count(processes) == 2", a) == .yes)
        #expect(try eval("name == \"甲厂\" and name != \"乙厂\"", a) == .yes)
        #expect(try eval("scene_quality >= 2 and scene_quality < 3", a) == .yes)
        #expect(try eval("count(processes) == 0", ["processes": .options([])]) == .yes)
    }

    @Test func onlyTrueHolds() throws {
        #expect(try eval("employees > 10").isTrue == false)
        #expect(try eval("employees > 10", ["employees": .number(11)]).isTrue)
    }
}
