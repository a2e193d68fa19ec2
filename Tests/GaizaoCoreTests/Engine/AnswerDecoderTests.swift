@testable import GaizaoCore
import Testing

/// Bad answers files give located errors (exact `file:line:col: severity: message`), never a crash.
@Suite struct AnswerDecoderTests {
    static func decode(_ body: String) -> [String] {
        let text = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: 测试厂\n  employees: 50\n  annual_revenue: 3000\n" + body
        let result = AnswerDecoder.decode(SourceFile(path: "a.yaml", text: text), catalog: Shipped.catalog)
        // Only what concerns line 7, the answer under test (industry questions left out are reported at line 3).
        return result.diagnostics.sorted.map(\.description).filter { $0.hasPrefix("a.yaml:7:") }
    }

    @Test func unknownQuestionWithSuggestion() {
        #expect(Self.decode("  zzz_unknown: 3\n") == ["a.yaml:7:3: error: unknown question `zzz_unknown` for industry `auto-parts`"])
        #expect(Self.decode("  ap_iatf1694: certified\n").first == "a.yaml:7:3: error: unknown question `ap_iatf1694` for industry `auto-parts` (did you mean `ap_iatf16949`?)")
    }

    /// A hint must keep something of what was typed: `5g` is not "near" the one-character label `无`.
    @Test func optionHintsKeepSomethingOfTheText() {
        let fiveG = Self.decode("  network: [5g]\n").first ?? ""
        #expect(fiveG.contains("`5g` is not an option of `network` (did you mean `industrial_5g`?)"), "\(fiveG)")
        let fibre = Self.decode("  network: [fiber]\n").first ?? ""
        #expect(fibre.contains("`fiber` is not an option of `network`;"), "no hint for a text that matches nothing: \(fibre)")
        #expect(nearest("ful_coverage", among: ["full_coverage", "none", "无"]) == "full_coverage")
    }

    /// A proposal that gaizao wrote, given as answers, is refused at its schema line.
    @Test func aProposalIsNotAnAnswersFile() {
        let text = "{\n  \"schema\": \"gaizao.proposal/2\",\n  \"enterprise\": {}\n}\n"
        let result = AnswerDecoder.decode(SourceFile(path: "p.json", text: text), catalog: Shipped.catalog)
        #expect(result.sheet == nil)
        #expect(result.diagnostics.sorted.map(\.description) == [
            "p.json:2:13: error: this is a file gaizao wrote (`gaizao.proposal/2`), not an answers file: give the answers it was made from"])
    }

    @Test func wrongTypes() {
        #expect(Self.decode("  equipment_digital_rate: lots\n").first == "a.yaml:7:27: error: answer to `equipment_digital_rate` must be a number (%), found `lots`")
        #expect(Self.decode("  network: workshop_control\n").first?.hasPrefix("a.yaml:7:12: error: answer to `network` must be a list of option ids") == true)
        #expect(Self.decode("  ningbo_sample: maybe\n").first == "a.yaml:7:18: error: answer to `ningbo_sample` must be yes or no (true/false), found `maybe`")
    }

    @Test func outOfRangeAndNotOffered() {
        #expect(Self.decode("  equipment_digital_rate: 120\n").first == "a.yaml:7:27: error: answer to `equipment_digital_rate`: 120 is above the maximum 100")
        #expect(Self.decode("  scene_quality: 2.5\n").first == "a.yaml:7:18: error: answer to `scene_quality`: must be a whole number, found 2.5")
        #expect(Self.decode("  info_systems: several\n").first?.hasPrefix("a.yaml:7:17: error: `several` is not an option of `info_systems`; options: none (") == true)
    }

    @Test func missingRequiredAndHiddenAnswers() {
        let text = "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: 测试厂\n  main_customers: [export]\n  ap_oem_edi: true\n"
        let d = AnswerDecoder.decode(SourceFile(path: "b.yaml", text: text), catalog: Shipped.catalog).diagnostics.sorted.map(\.description)
        #expect(d.contains("b.yaml:3:1: error: missing required answer `employees` (从业人员数 / Number of employees)"))
        #expect(d.contains { $0.hasPrefix("b.yaml:6:3: warning: answer to `ap_oem_edi` is ignored: the question is not asked because") })
    }

    @Test func brokenFiles() {
        let cases: [(String, String)] = [
            ("", "c.yaml:1:1: error: file is empty"),
            ("answers: [1, 2\n", "c.yaml:2:1: error: YAML syntax: while parsing a flow sequence did not find expected ',' or ']'"),
            ("- just\n- a list\n", "c.yaml:1:1: error: an answers file must be a mapping, found a list"),
            ("gaizao_answers: 1\nindustry: bakery\nanswers: {}\n", "c.yaml:2:11: error: unknown industry `bakery`; the catalog has: auto-parts (汽车零部件), home-appliance (家电)"),
        ]
        for (text, expected) in cases {
            let d = AnswerDecoder.decode(SourceFile(path: "c.yaml", text: text), catalog: Shipped.catalog)
            #expect(d.sheet == nil)
            #expect(d.diagnostics.sorted.first?.description == expected)
        }
    }

    @Test func jsonAnswersAreAccepted() throws {
        let json = #"{"gaizao_answers": 1, "industry": "home-appliance", "answers": {"company_name": "JSON厂", "employees": 30, "annual_revenue": 800, "network": ["app_network"], "ha_product_category": "kitchen", "ha_brand_role": "own_brand", "ha_assembly_lines": 2}}"#
        let d = AnswerDecoder.decode(SourceFile(path: "d.json", text: json), catalog: Shipped.catalog)
        let sheet = try #require(d.sheet, "\(d.diagnostics.all)")
        #expect(sheet.answers["network"] == .options(["app_network"]))
        #expect(sheet.answers["employees"] == .number(30))
    }
}

@Suite struct AnswerJSONLineTests {
    /// The one-line JSON form reads back to the same answers (quotes and backslashes in text survive).
    @Test func jsonLineRoundTrips() throws {
        for industry in Shipped.catalog.industries {
            var sheet = SyntheticAnswers.sheet(for: industry, catalog: Shipped.catalog, seed: 77)
            sheet.answers["company_name"] = .text("引号\"与\\反斜杠")
            let line = sheet.jsonLine()
            #expect(!line.contains("\n"))
            let decoded = try #require(AnswerDecoder.decode(SourceFile(path: "l.json", text: line), catalog: Shipped.catalog).sheet)
            #expect(decoded.answers == sheet.answers)
            #expect(decoded.date == sheet.date && decoded.industry == sheet.industry)
        }
    }
}
