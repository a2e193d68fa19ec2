import Foundation
@testable import GaizaoCore
import Testing

/// Issue 13, item 2: a proposal file is untrusted input. Every number is range-checked with the JSON key path in
/// the message, and no arithmetic on money, points or ratios can trap.
@Suite struct ForgedProposalTests {
    static let original: String = try! Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal.jsonText()

    /// The original proposal JSON with `edit` applied to its decoded object.
    static func forged(_ edit: (inout [String: Any]) -> Void) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        edit(&object)
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func readError(_ text: String) -> String? {
        do {
            _ = try ProposalReader.read(SourceFile(path: "p.json", text: text))
            return nil
        } catch {
            return error.description
        }
    }

    static func set(_ object: inout [String: Any], _ path: [String], _ value: Any) {
        guard let key = path.first else { return }
        if path.count == 1 { object[key] = value; return }
        var inner = object[key] as? [String: Any] ?? [:]
        set(&inner, Array(path.dropFirst()), value)
        object[key] = inner
    }

    /// Foundation's decoder reports `1.5` in a whole-yuan field with no coding path: the reader finds the number.
    @Test func aFractionOrHugeNumberInAWholeNumberFieldIsNamedByItsPath() throws {
        let fraction = try Self.forged { Self.set(&$0, ["totals", "investment", "lowYuan"], 1.5) }
        #expect(Self.readError(fraction) == "p.json: not a valid gaizao.proposal/2 proposal: `totals.investment.lowYuan` is 1.5: expected a whole number")
        let huge = try Self.forged { Self.set(&$0, ["totals", "netCost", "highYuan"], 1e30) }
        #expect(Self.readError(huge)?.contains("`totals.netCost.highYuan` is 1e+30: expected a whole number") == true)
        // Fractions where the schema has them (points) are no suspects: the culprit is still found among them.
        let scene = try Self.forged { object in
            var modules = object["modules"] as! [[String: Any]]
            var cost = modules[0]["cost"] as! [String: Any]
            cost["highYuan"] = 2.25
            modules[0]["cost"] = cost
            object["modules"] = modules
        }
        #expect(Self.readError(scene)?.contains("`modules[0].cost.highYuan` is 2.25: expected a whole number") == true)
    }

    @Test func wrongTypesAreNamedAsJSONKindsNotSwiftTypes() throws {
        let object = try #require(Self.readError(try Self.forged { Self.set(&$0, ["totals", "investment"], [1, 2]) }))
        #expect(object.contains("wrong type at `totals.investment` (expected an object)"), "\(object)")
        let text = try #require(Self.readError(try Self.forged { object in
            var modules = object["modules"] as! [[String: Any]]
            modules[0]["id"] = 5
            object["modules"] = modules
        }))
        #expect(text.contains("wrong type at `modules[0].id` (expected a text)"), "\(text)")
        #expect(!text.contains("String") && !object.contains("Dictionary"))
    }

    @Test func textThatIsNotJSONIsLocatedByLineAndColumn() {
        #expect(Self.readError("") == "p.json: not valid JSON (the file is empty)")
        #expect(Self.readError("{\"schema\": ") == "p.json: not valid JSON (the file ends before the JSON does)")
        #expect(Self.readError("{\n  \"a\": 1,\n  \"名\": x}") == "p.json: not valid JSON (line 3, column 8: unexpected text)")
        #expect(Self.readError(String(repeating: "[", count: 600) + String(repeating: "]", count: 600))
            == "p.json: not valid JSON (line 1, column 514: nested more deeply than a proposal is)")
    }

    /// `1e400` is valid JSON, only beyond a Double's range: said so, where it is (it was "not valid JSON (syntax
    /// error)"); a number of the same look inside a text is passed over.
    @Test func aNumberOutOfRangeIsLocatedAndNamed() {
        #expect(Self.readError("{\n  \"a\": \"1e400\",\n  \"名\": [1, -1e400]}")
            == "p.json: line 3, column 12: the number `-1e400` is out of range (a proposal's numbers are at most about 1.8e308)")
        #expect(ProposalReader.firstNumberOutOfRange(in: "[1e308, 2e-400]") == nil)
    }

    @Test func moneyAtTheEndsOfIntIsRefusedWithItsKeyPath() throws {
        let text = try Self.forged { Self.set(&$0, ["totals", "netCost", "lowYuan"], Int.max) }
        let error = try #require(Self.readError(text))
        #expect(error.hasPrefix("p.json: not a valid gaizao.proposal/2 proposal: `totals.netCost.lowYuan`: 9223372036854775807 yuan is out of range"))
        let min = try Self.forged { Self.set(&$0, ["totals", "investment", "highYuan"], Int.min) }
        #expect(Self.readError(min)?.contains("`totals.investment.highYuan`") == true)
    }

    /// The subsidy tiers beside the headline, the yearly fees and the benefits are money too: a conditional tier of
    /// Int.max trapped in the consistency check's sum (a crash of `compare`), and a one-off tier of Int.max was
    /// shown as a reward of 9,223,372,036,854,775,807 yuan.
    @Test func subsidyTiersFeesAndBenefitsAreRangeChecked() throws {
        for tier in ["conditional", "oneOff", "certain"] {
            let huge = try Self.forged { Self.set(&$0, ["totals", "subsidy", tier], ["lowYuan": Int.max, "highYuan": Int.max]) }
            #expect(Self.readError(huge)?.contains("`totals.subsidy.\(tier).lowYuan`: 9223372036854775807 yuan is out of range") == true, "\(tier)")
            let negative = try Self.forged { Self.set(&$0, ["totals", "subsidy", tier], ["lowYuan": -5, "highYuan": 0]) }
            #expect(Self.readError(negative)?.contains("`totals.subsidy.\(tier).lowYuan`: -5 yuan is out of range") == true, "\(tier)")
        }
        let rate = try Self.forged { Self.set(&$0, ["totals", "subsidy", "effectiveRatePercent", "high"], -1) }
        #expect(Self.readError(rate)?.contains("`totals.subsidy.effectiveRatePercent.high`: -1 is out of range") == true)
        let fees = try Self.forged { Self.set(&$0, ["totals", "yearlyFees", "lowYuan"], -1) }
        #expect(Self.readError(fees)?.contains("`totals.yearlyFees.lowYuan`: -1 yuan is out of range") == true)
        let fee = try Self.forged { object in
            var modules = object["modules"] as! [[String: Any]]
            modules[0]["yearlyFee"] = ["lowYuan": -1, "highYuan": 10]
            object["modules"] = modules
        }
        #expect(Self.readError(fee)?.contains("`modules[0].yearlyFee.lowYuan`: -1 yuan is out of range") == true)
        let saving = try Self.forged { Self.set(&$0, ["benefits", "annualSaving", "highYuan"], Int.max) }
        #expect(Self.readError(saving)?.contains("`benefits.annualSaving.highYuan`") == true)
        let evidence = try Self.forged { object in
            var entries = object["evidence"] as! [[String: Any]]
            entries[0]["points"] = 1e300
            object["evidence"] = entries
        }
        #expect(Self.readError(evidence)?.contains("`evidence[0].points`: 1e+300 is out of range") == true)
    }

    /// `JSONSerialization` keeps a repeated key's last value and `JSONDecoder` its first: a name with terminal
    /// escapes given before a clean one passed the control-character check and reached the comparison.
    @Test func aKeyGivenTwiceIsRefusedWhereItIsRepeated() throws {
        let name = "\"name\": \"慈溪丙丁汽车零部件有限公司\","
        #expect(Self.original.contains(name))
        let forged = Self.original.replacingOccurrences(of: name, with: "\"name\": \"x\\u001b[31mRED\", " + name)
        let error = try #require(Self.readError(forged))
        #expect(error.contains("the key `name` is given twice in one object"), "\(error)")
        let line = Self.original.components(separatedBy: "\n").firstIndex { $0.contains(name) }! + 1
        #expect(error.contains("line \(line), column "), "\(error)")
        // An escaped spelling of the same key is the same key; the same key in two objects is fine.
        #expect(Self.readError("{\"schema\": \"gaizao.proposal/2\", \"sch\\u0065ma\": \"gaizao.proposal/9\"}")?.contains("line 1, column 33: the key `schema` is given twice") == true)
        #expect(ProposalReader.firstDuplicateKey(in: "{\"a\": {\"b\": 1}, \"c\": {\"b\": [{\"b\": 2}, {\"b\": \"}\\\"b\"}]}}") == nil)
        #expect(ProposalReader.firstDuplicateKey(in: "[{\"a\": 1}, {\"a\": 2, \"a\": 3}]")?.column == 21)
        #expect(ProposalReader.firstDuplicateKey(in: Self.original) == nil)
    }

    /// Points over their maximum or not adding up, and an entry listed twice, were compared as if true.
    @Test func pointsThatDoNotAddUpAndEntriesListedTwiceAreRefused() throws {
        let over = try Self.forged { object in
            var d = object["diagnosis"] as! [String: Any]
            d["points"] = (d["maxPoints"] as! Double) + 50
            object["diagnosis"] = d
        }
        #expect(Self.readError(over)?.contains("`diagnosis.points`: 150 points, more than `maxPoints`, 100") == true, "\(Self.readError(over) ?? "")")
        let low = try Self.forged { object in
            var d = object["after"] as! [String: Any]
            d["points"] = 1.0
            object["after"] = d
        }
        #expect(Self.readError(low)?.contains("`after.points`: 1, but its dimensions add up to 60") == true, "\(Self.readError(low) ?? "")")
        let twice = try Self.forged { object in
            var modules = object["modules"] as! [[String: Any]]
            modules.append(modules[modules.count - 1])
            object["modules"] = modules
        }
        #expect(Self.readError(twice)?.contains("`modules[\((try? Self.count("modules")) ?? 0)].id`: `") == true, "\(Self.readError(twice) ?? "")")
        let answer = try Self.forged { object in
            var answers = object["answers"] as! [[String: Any]]
            answers.append(answers[0])
            object["answers"] = answers
        }
        #expect(Self.readError(answer)?.contains("` is listed twice") == true)
    }

    static func count(_ key: String) throws -> Int {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(original.utf8)) as? [String: Any])
        return (object[key] as? [Any])?.count ?? 0
    }

    @Test func hugePointsLevelsHashesAndDatesAreRefused() throws {
        #expect(Self.readError(try Self.forged { Self.set(&$0, ["diagnosis", "points"], 1e308) })?.contains("`diagnosis.points`: 1e+308 is out of range") == true)
        #expect(Self.readError(try Self.forged { Self.set(&$0, ["after", "level"], 99) })?.contains("`after.level`: level 99 is out of range (0 to 4)") == true)
        let scene = try Self.forged { object in
            var after = object["after"] as! [String: Any]
            var scenes = after["scenes"] as! [[String: Any]]
            scenes[2]["level"] = 77
            after["scenes"] = scenes
            object["after"] = after
        }
        #expect(Self.readError(scene)?.contains("`after.scenes[2].level`: level 77 is out of range") == true)
        #expect(Self.readError(try Self.forged { $0["answersHash"] = "abc" })?.contains("`answersHash`: not a SHA-256 hash") == true)
        #expect(Self.readError(try Self.forged { $0["date"] = "2026-02-30" })?.contains("`date`: `2026-02-30` is not a real calendar date") == true)
        #expect(Self.readError(try Self.forged { $0["date"] = "2024-02-29" }) == nil)
        #expect(Self.readError(try Self.forged { Self.set(&$0, ["enterprise", "name"], "X\u{1B}[2J") })?
            .contains("`enterprise.name`: the text holds the control character U+001B (ESC)") == true)
        // A right-to-left override would show a reviewer the name (or a figure after it) in another order.
        #expect(Self.readError(try Self.forged { Self.set(&$0, ["enterprise", "name"], "甲\u{202E}乙公司") })?
            .contains("`enterprise.name`: the text holds the control character U+202E (RLO)") == true)
    }

    /// A huge (but in-range) net cost over a tiny gain: no exact per-point figure, no trap, and the comparison
    /// still renders. The forgery is consistent (a module's price raised, and every total with it), as the reader
    /// refuses totals that do not add up.
    @Test func hugeNetCostOverATinyGainDoesNotTrap() throws {
        let text = try Self.forged { object in
            var modules = object["modules"] as! [[String: Any]]
            var cost = modules[0]["cost"] as! [String: Any]
            let extra = 9_000_000_000_000 - (cost["highYuan"] as! Int)
            cost["highYuan"] = 9_000_000_000_000
            modules[0]["cost"] = cost
            object["modules"] = modules
            var totals = object["totals"] as! [String: Any]
            for key in ["investment", "moduleInvestment", "netCost"] {
                var range = totals[key] as! [String: Any]
                range["highYuan"] = (range["highYuan"] as! Int) + extra
                totals[key] = range
            }
            object["totals"] = totals
            // Points moved with their first dimension, so that the dimensions still add up to the total.
            for (key, points) in [("diagnosis", 50.0), ("after", 50.001)] {
                var d = object[key] as! [String: Any]
                var dimensions = d["dimensions"] as! [[String: Any]]
                dimensions[0]["points"] = (dimensions[0]["points"] as! Double) + points - (d["points"] as! Double)
                d["dimensions"] = dimensions
                d["points"] = points
                object[key] = d
            }
        }
        let forged = try ProposalReader.read(SourceFile(path: "b.json", text: text))
        let pristine = try ProposalReader.read(SourceFile(path: "a.json", text: Self.original))
        let comparison = try ProposalComparator.compare([("A", "a.json", pristine), ("B", "b.json", forged)], mode: .contractors)
        // 9 × 10¹² yuan over a thousandth of a point is beyond exact yuan: no figure rather than a trap.
        #expect(comparison.summary[1].netCostPerPoint == nil)
        #expect(comparison.summary[0].netCostPerPoint != nil)
        #expect(!(try FuzzTests.compareRenderer.checkedText(comparison, lang: .zh, markdown: false)).isEmpty)
    }

    @Test func moneyFormattingIsTotal() {
        #expect(Money.wan(Int.max) == "922337203685477.58")
        #expect(Money.wan(Int.min) == "-922337203685477.58")
        #expect(Money.wan(125_000) == "12.5")
        // A nonzero amount never reads 0 (nor "-0"): under 50 yuan it is written exactly.
        #expect(Money.wan(-5) == "-0.0005")
        #expect(Money.wan(-5, decimals: 4) == "-0.0005" && Money.wan(-50) == "-0.01")
        #expect(Money.grouped(Int.min) == "-9,223,372,036,854,775,808")
    }
}

/// Issue 13, items 5 and 7: control characters in answers, calendar dates, YAML tags.
@Suite struct HostileAnswerTests {
    static func decode(_ edit: (String) -> String) -> AnswerDecoder.Result {
        let file = Shipped.exampleFile("auto-parts-midsize.yaml")
        return AnswerDecoder.decode(SourceFile(path: file.path, text: edit(file.text)), catalog: Shipped.catalog)
    }

    @Test func controlCharactersInTextAnswersAreLocatedErrors() throws {
        for (json, name) in [("\\u001b[2J", "U+001B (ESC)"), ("\\u0007", "U+0007 (BEL)"), ("\\u009b", "U+009B (CSI)"), ("\\u0000", "U+0000 (NUL)"),
                             ("\\u202e", "U+202E (RLO)"), ("\\u202a", "U+202A (LRE)"), ("\\u2066", "U+2066 (LRI)"), ("\\u2069", "U+2069 (PDI)")] {
            let result = Self.decode { $0.replacingOccurrences(of: "town: 横河镇", with: "town: \"横河\(json)镇\"") }
            #expect(result.sheet == nil)
            let error = try #require(result.diagnostics.errors.first)
            #expect(error.message.contains("holds the control character \(name) at character 3"), "\(error)")
            #expect(error.location?.line == 12)
        }
        // Tab and newline are text; so are typographic quotes, dashes and the implicit direction marks, whose UTF-8
        // shares its first bytes with the bidirectional controls.
        let fine = Self.decode { $0.replacingOccurrences(of: "town: 横河镇", with: "town: \"横河\\t镇\\n东\"") }
        #expect(fine.sheet != nil)
        let typographic = Self.decode { $0.replacingOccurrences(of: "town: 横河镇", with: "town: \"“横河”—镇…\\u200e\\u200f\\u2060\"") }
        #expect(typographic.sheet != nil, "\(typographic.diagnostics.errors)")
    }

    /// An option listed twice counts once, and the reader says so where it stands (often a slip for another option).
    @Test func anOptionListedTwiceIsCountedOnceWithALocatedWarning() throws {
        let result = Self.decode { $0.replacingOccurrences(of: "main_customers: [tier_supplier, export]", with: "main_customers: [tier_supplier, export, tier_supplier]") }
        let sheet = try #require(result.sheet)
        #expect(sheet.answers["main_customers"] == .options(["tier_supplier", "export"]))
        let warning = try #require(result.diagnostics.warnings.first { $0.message.contains("listed twice") })
        #expect(warning.message == "answer to `main_customers`: `tier_supplier` is listed twice; it counts once")
        #expect(warning.location?.line == 16 && warning.location?.column == 43)
        // Once each: no warning.
        #expect(Self.decode { $0 }.diagnostics.warnings.allSatisfy { !$0.message.contains("listed twice") })
    }

    /// A fraction too small for four decimals read "must be a whole number, found 150": the number is shown in full.
    @Test func aFractionInAWholeNumberAnswerIsShownAsNotWhole() {
        for (written, shown) in [("150.00001", "150.00001"), ("4.9e-324", "5e-324"), ("150.5", "150.5")] {
            let result = Self.decode { $0.replacingOccurrences(of: "employees: 150", with: "employees: \(written)") }
            #expect(result.diagnostics.errors.first?.message == "answer to `employees`: must be a whole number, found \(shown)")
        }
        // A batch cell reads the same way.
        #expect(AnswerDecoder.numberProblem(2.000001, integer: true, min: nil, max: nil) == "must be a whole number, found 2.000001")
        #expect(AnswerDecoder.numberProblem(-0.00001, integer: false, min: 0, max: 100) == "-1e-05 is below the minimum 0")
        #expect(AnswerDecoder.numberProblem(100.00001, integer: false, min: 0, max: 100) == "100.00001 is above the maximum 100")
        #expect(AnswerDecoder.numberProblem(120, integer: false, min: 0, max: 100) == "120 is above the maximum 100")
    }

    @Test func impossibleDatesAreRefused() {
        for date in ["2026-02-30", "2026-04-31", "2025-02-29", "2100-02-29"] {
            let result = Self.decode { $0.replacingOccurrences(of: "date: 2026-11-20", with: "date: \(date)") }
            #expect(result.diagnostics.errors.first?.message == "`date` must be a real calendar date written YYYY-MM-DD, found `\(date)`")
        }
        // A real day out of the range is said to be out of range, not unreal.
        for date in ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"] {
            let result = Self.decode { $0.replacingOccurrences(of: "date: 2026-11-20", with: "date: \(date)") }
            #expect(result.diagnostics.errors.first?.message == "`date` `\(date)` is out of range: a diagnosis date is between 1900-01-01 and 2200-12-31")
        }
        #expect(Self.decode { $0.replacingOccurrences(of: "date: 2026-11-20", with: "date: 2300-02-29") }.diagnostics.errors.first?.message
            == "`date` must be a real calendar date written YYYY-MM-DD, found `2300-02-29`")
        for date in ["2024-02-29", "2000-02-29", "2026-12-31"] {
            #expect(Self.decode { $0.replacingOccurrences(of: "date: 2026-11-20", with: "date: \(date)") }.sheet != nil)
        }
    }

    @Test func yamlTagsAreLocatedErrorsNotSilentlyDropped() throws {
        for tag in ["!!binary aGVsbG8=", "!!python/object:os.system x", "!custom x", "!!set {a: null}"] {
            let result = Self.decode { $0.replacingOccurrences(of: "town: 横河镇", with: "town: \(tag)") }
            let error = try #require(result.diagnostics.errors.first)
            #expect(error.message.hasPrefix("the YAML tag `\(tag.split(separator: " ")[0])` is not supported"), "\(error)")
            #expect(error.location?.line == 12 && error.location?.column == 9)
        }
        #expect(Self.decode { $0.replacingOccurrences(of: "town: 横河镇", with: "town: !!str 横河镇") }.sheet != nil)
    }

    @Test func visibleFormOfControlCharacters() {
        #expect(ControlCharacters.visible("a\u{1B}[2Jb\u{07}\u{9B}c\0") == "a\\u{1B}[2Jb\\u{7}\\u{9B}c\\u{0}")
        #expect(ControlCharacters.visible("line\n\ttab") == "line\n\ttab")
        #expect(ControlCharacters.visible("cr\r\n") == "cr\\u{D}\n")
        #expect(ControlCharacters.visible("cr\r\n", keepingCarriageReturns: true) == "cr\r\n")
    }
}
