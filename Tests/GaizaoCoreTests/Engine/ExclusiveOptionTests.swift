@testable import GaizaoCore
import Testing

/// The explicit "none of these" option of a multiple-choice question (`exclusive: true`, 无 / None): answered
/// none is told apart from not answered, it stands alone, and it scores zero.
@Suite struct ExclusiveOptionTests {
    static func decode(_ body: String) -> (sheet: AnswerSheet?, lines: [String]) {
        let text = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: 测试厂\n  employees: 50\n  annual_revenue: 3000\n" + body
        let result = AnswerDecoder.decode(SourceFile(path: "a.yaml", text: text), catalog: Shipped.catalog)
        return (result.sheet, result.diagnostics.sorted.map(\.description).filter { $0.hasPrefix("a.yaml:7:") })
    }

    @Test func shippedMultiSelectIndicatorsOfferAnExclusiveNone() throws {
        let q = Shipped.catalog.questionnaire(for: Shipped.catalog.industry("auto-parts")!)
        for id in ["network", "data_collection", "network_security", "data_security", "mechanisms", "talent"] {
            let none = try #require(q[id]?.exclusiveOption, "\(id)")
            #expect(none.id == "none" && (none.points ?? 0) == 0)
            #expect(q[id]?.options.filter(\.exclusive).count == 1)
        }
        // Where "none of these" is no real answer (every plant has customers and processes), none is offered.
        #expect(q["main_customers"]?.exclusiveOption == nil)
    }

    @Test func noneIsTheEmptyAnswerAndUnansweredStaysUnanswered() throws {
        let file = Shipped.exampleFile("auto-parts-small-workshop.yaml")
        #expect(file.text.contains("\n  network: [none]\n"))
        let answered = AnswerDecoder.decode(file, catalog: Shipped.catalog)
        #expect(try #require(answered.sheet, "\(answered.diagnostics.all)").answers["network"] == .options([]))
        let skipped = SourceFile(path: file.path, text: file.text.replacingOccurrences(of: "\n  network: [none]\n", with: "\n  network: ~\n"))
        let unanswered = AnswerDecoder.decode(skipped, catalog: Shipped.catalog)
        #expect(try #require(unanswered.sheet, "\(unanswered.diagnostics.all)").answers["network"] == nil)
    }

    @Test func noneWithAnotherOptionIsALocatedError() {
        let (sheet, lines) = Self.decode("  network: [app_network, none]\n")
        #expect(sheet == nil)
        #expect(lines == ["a.yaml:7:26: error: answer to `network`: `none` (无（以上都没有）) means none of the options and cannot be chosen with others"])
    }

    @Test func spreadsheetCellsFollowTheSameRule() throws {
        let network = try #require(Shipped.catalog.questionnaire(for: Shipped.catalog.industry("auto-parts")!)["network"])
        #expect(try AnswerDecoder.value(text: "无（以上都没有）", for: network).get() == .options([]))
        #expect(try AnswerDecoder.value(text: "none", for: network).get() == .options([]))
        guard case let .failure(problem) = AnswerDecoder.value(text: "none; app_network", for: network) else {
            Issue.record("none with another option must fail")
            return
        }
        #expect(problem.message.contains("cannot be chosen with others"))
    }

    @Test func noneScoresZeroAndCountsNoOption() throws {
        var sheet = Shipped.example("auto-parts-small-workshop.yaml")
        #expect(sheet.answers["network"] == .options([]))   // the example answers [none]
        let engine = Engine(catalog: Shipped.catalog)
        let none = try engine.run(sheet, target: .none).proposal.diagnosis
        let networkPoints = { (d: Proposal.DiagnosisSummary) in d.indicators.first { $0.id == "network" }!.points }
        #expect(networkPoints(none) == 0)
        sheet.answers["network"] = .options(["app_network"])
        #expect(networkPoints(try engine.run(sheet, target: .none).proposal.diagnosis) == 2)
        // `count(network) == 0` holds for the answer none: the home-appliance rule on a missing network fires.
        let ha = Shipped.example("home-appliance-small-workshop.yaml")
        #expect(ha.answers["network"] == .options([]))
        #expect(try engine.run(ha, target: .none).proposal.risks.contains { $0.text.zh.contains("车间还没有网络") })
    }
}
