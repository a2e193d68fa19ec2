import Foundation
@testable import GaizaoCore
import Testing

@Suite struct ComparisonTests {
    static let engine = Engine(catalog: Shipped.catalog)

    static func proposal(_ name: String, contractor: String? = nil, budget: Int? = nil, edit: (inout AnswerSheet) -> Void = { _ in }) throws -> Proposal {
        var sheet = Shipped.example(name)
        edit(&sheet)
        // Unchecked: the budgets below make rules-only packages whose standard modules exceed them, which gaizao
        // now refuses to write but compare must still mark (files of earlier versions, hand-edited ones).
        return try engine.unchecked(sheet, budgetYuan: budget, contractor: contractor, target: .none).proposal
    }

    @Test func twoContractorsWithDifferentOverlays() throws {
        let a = try Self.proposal("auto-parts-midsize.yaml")
        let b = try Self.proposal("auto-parts-midsize.yaml", contractor: "example-ap-contractor-a")
        let c = try ProposalComparator.compare([("reference", "a.json", a), ("A", "b.json", b)])
        #expect(c.mode == .contractors)
        #expect(c.sameEnterprise)
        #expect(c.summary.map(\.label) == ["reference", "A"])
        #expect(!c.priceDifferences.isEmpty)                 // the overlay has its own prices
        #expect(c.answerDifferences.isEmpty)                 // same answers
        #expect(c.modules.count == Shipped.catalog.industry("auto-parts")!.modules.count)
        let row = try #require(c.summary.first)
        #expect(row.netCostPerPointYuan == Int((Double(a.totals.netCost.highYuan) / (a.after.points - a.diagnosis.points)).rounded()))
    }

    @Test func threeProposalsAndDifferingAnswers() throws {
        let a = try Self.proposal("auto-parts-midsize.yaml")
        let b = try Self.proposal("auto-parts-midsize.yaml", budget: 1_000_000)
        let c = try Self.proposal("auto-parts-midsize.yaml") { $0.answers["ap_oem_edi"] = .bool(false) }
        let cmp = try ProposalComparator.compare([("A", "a", a), ("B", "b", b), ("C", "c", c)])
        #expect(cmp.columns.count == 3)
        #expect(cmp.answerDifferences.map(\.questionID) == ["ap_oem_edi"])
        let edi = try #require(cmp.modules.first { $0.moduleID == "ap-p-edi" })
        #expect(edi.differs)
        #expect(edi.cells[0]?.status == .include && edi.cells[2]?.status != .include)
        #expect(cmp.warnings.contains { $0.en.contains("different answers") })
    }

    @Test func beforeAndAfter() throws {
        let before = try Self.proposal("auto-parts-midsize.yaml")
        let after = try Self.proposal("auto-parts-midsize.yaml") { sheet in
            sheet.date = "2027-06-30"
            sheet.answers["scene_production_control"] = .number(3)
            sheet.answers["scene_planning"] = .number(2)
        }
        // Given in the wrong order: the earlier date goes first.
        let c = try ProposalComparator.compare([("after", "b", after), ("before", "a", before)])
        #expect(c.mode == .beforeAfter)
        #expect(c.columns.map(\.label) == ["before", "after"])
        #expect(c.nowSatisfied.contains("ap-s-mes"))
        let pc = try #require(c.scenes.first { $0.sceneID == "production_control" })
        let levelBefore = try #require(before.diagnosis.scenes.first { $0.id == "production_control" }).level
        #expect(pc.now == [levelBefore, 3])
    }

    @Test func differentEnterprisesAreRefused() throws {
        let a = try Self.proposal("auto-parts-midsize.yaml")
        let b = try Self.proposal("auto-parts-small-workshop.yaml")
        #expect(throws: ProposalComparator.Failure.self) { try ProposalComparator.compare([("a", "a", a), ("b", "b", b)]) }
        let allowed = try ProposalComparator.compare([("a", "a", a), ("b", "b", b)], allowDifferent: true)
        #expect(!allowed.sameEnterprise)
        let h = try Self.proposal("home-appliance-midsize.yaml")
        #expect(throws: ProposalComparator.Failure.self) { try ProposalComparator.compare([("a", "a", a), ("h", "h", h)], allowDifferent: true) }
    }

    @Test func malformedAndForeignJSON() throws {
        func message(_ text: String) -> String? {
            do { _ = try ProposalReader.read(SourceFile(path: "x.json", text: text)); return nil } catch { return error.description }
        }
        #expect(message("{not json")?.hasPrefix("x.json: not valid JSON") == true)
        #expect(message("[1, 2]") == "x.json: not a gaizao proposal: the JSON is not an object")
        #expect(message(#"{"name": "x"}"#) == "x.json: not a gaizao proposal: no `schema` field (expected \"gaizao.proposal/2\")")
        #expect(message(#"{"schema": "other/2"}"#)?.hasPrefix("x.json: unsupported schema \"other/2\"; this gaizao reads \"gaizao.proposal/2\", \"gaizao.proposal/1\"") == true)
        // A comparison (of this version or an earlier one) is named as such, not as an unknown schema.
        for schema in ["gaizao.comparison/2", ComparisonJSON.schemaID] {
            let expected = "x.json: a comparison gaizao wrote (\"" + schema + "\"), not a proposal: give the proposal JSON files `gaizao diagnose` wrote"
            #expect(message("{\"schema\": \"" + schema + "\"}") == expected)
        }
        #expect(message(#"{"schema": "gaizao.proposal/1"}"#)?.hasPrefix("x.json: not a valid gaizao.proposal/1 proposal: missing key") == true)
        let good = try Self.proposal("auto-parts-midsize.yaml").jsonText()
        #expect(message(good) == nil)
        let broken = good.replacingOccurrences(of: "\"level\": 2,", with: "\"level\": \"two\",")
        #expect(message(broken)?.contains("wrong type at `diagnosis.level`") == true)
    }

    @Test func overlaysDifferInSettingsAndOffers() throws {
        let a = try Self.proposal("home-appliance-midsize.yaml", contractor: "example-ha-contractor-a")
        let b = try Self.proposal("home-appliance-midsize.yaml", contractor: "example-ha-contractor-b")
        let c = try ProposalComparator.compare([("A", "a", a), ("B", "b", b)])
        #expect(c.mode == .contractors)
        #expect(c.settings == .init(overlays: true, budgets: false, catalogs: false, dates: false))
        let mes = try #require(c.priceDifferences.first { $0.moduleID == "ha-s-mes" })
        #expect(mes.pricesDiffer && mes.weeksDiffer && mes.productsDiffer)
        #expect(mes.weeks == [8, 9])
        // Same answers, same decisions: no module row differs; each cell keeps its own reasons.
        #expect(!c.modules.contains { $0.differs })
        #expect(c.modules.allSatisfy { row in row.cells.allSatisfy { !($0?.reasons.isEmpty ?? true) } })
        let row = try #require(c.summary.first)
        let perPoint = try #require(row.netCostPerPoint)
        #expect(perPoint.high == row.netCostPerPointYuan && perPoint.low < perPoint.high)
    }

    @Test func beforeAfterSortsPlannedModules() throws {
        let before = try Self.proposal("auto-parts-midsize.yaml")
        let after = try Self.proposal("auto-parts-midsize.yaml") { sheet in
            sheet.date = "2027-06-30"
            sheet.answers["scene_production_control"] = .number(3)
            sheet.answers["scene_planning"] = .number(2)
            sheet.answers["ap_mould_managed"] = .option("system")
            // Heat treatment and die casting outsourced: no process records needed in house any more.
            sheet.answers["ap_processes"] = .options(["machining"])
        }
        let c = try ProposalComparator.compare([("before", "a", before), ("after", "b", after)])
        #expect(c.nowSatisfied == ["ap-s-mes"])
        #expect(c.noLongerPlanned == ["ap-p-mould"])
        #expect(!c.stillPlanned.contains("ap-s-mes") && c.stillPlanned.contains("ap-s-wms"))
        #expect(Set(c.nowSatisfied + c.noLongerPlanned + c.stillPlanned) == Set(before.modules.filter(\.status.isSelected).map(\.id)))
        #expect(c.settings.dates && !c.settings.overlays)
        // Three proposals cannot be a before/after comparison.
        #expect(throws: ProposalComparator.Failure.self) {
            try ProposalComparator.compare([("a", "a", before), ("b", "b", after), ("c", "c", after)], mode: .beforeAfter)
        }
    }

    @Test func labelsNeverRepeat() throws {
        let ref = try Self.proposal("auto-parts-midsize.yaml")
        let a = try Self.proposal("auto-parts-midsize.yaml", contractor: "example-ap-contractor-a")
        let name = a.contractor.name!.zh
        func make(_ inputs: [(String, Proposal)], folders: [String] = [], lang: Lang = .zh) -> [String] {
            ComparisonLabels.make(inputs.enumerated().map { i, input in
                .init(stem: input.0, folder: i < folders.count ? folders[i] : "", proposal: input.1, target: StatedTarget(of: input.1))
            }, lang: lang)
        }
        #expect(make([("x", ref), ("y", a)]) == ["x", name])
        #expect(make([("x", a)], lang: .en) == [a.contractor.name!.en])
        // Nothing recorded differs: the folders tell them apart, and without folders a number.
        #expect(make([("q1", a), ("q2", a)], folders: ["a", "b"]) == ["\(name) · a", "\(name) · b"])
        #expect(make([("same", ref), ("same", ref), ("other", ref)], folders: ["a", "b", "c"]) == ["same · a", "same · b", "other"])
        #expect(make([("same", ref), ("same", ref), ("other", ref)]) == ["same (1)", "same (2)", "other"])
        #expect(make([("same", ref), ("same", ref)], folders: ["out", "out"]) == ["same (1)", "same (2)"])
    }

    /// Columns that would share a label are labelled by what differs between them: target, budget, date; a
    /// contractor's name stays in front, a shared file name gives way. Chinese and English.
    @Test func repeatedLabelsSayWhatDiffers() throws {
        let sheet = Shipped.example("home-appliance-midsize.yaml")
        func run(_ target: TargetLevel, budget: Int? = nil, contractor: String? = nil) throws -> Proposal {
            try Self.engine.run(sheet, budgetYuan: budget, contractor: contractor, target: target).proposal
        }
        func make(_ ps: [Proposal], stem: String = "home-appliance-midsize", folders: [String] = [], lang: Lang = .zh) -> [String] {
            ComparisonLabels.make(ps.enumerated().map { i, p in
                .init(stem: stem, folder: i < folders.count ? folders[i] : "", proposal: p, target: StatedTarget(of: p))
            }, lang: lang)
        }
        let t2 = try run(.level(2)), t3 = try run(.level(3)), none = try run(.none)
        #expect(make([t2, t3, none], folders: ["a", "b", "c"]) == ["目标2级", "目标3级", "无目标"])
        #expect(make([t2, t3, none], lang: .en) == ["target level 2", "target level 3", "no target"])
        let b80 = try run(.level(3), budget: 800_000), open = try run(.level(3))
        #expect(make([b80, open]) == ["预算 80 万元", "预算不限"])
        #expect(make([b80, open], lang: .en) == ["budget CNY 800,000", "no budget"])
        // Target and budget both differ: both are said.
        #expect(make([t2, b80]) == ["目标2级 · 预算不限", "目标3级 · 预算 80 万元"])
        // One contractor twice among other columns: the name stays, what differs follows.
        let a2 = try run(.level(2), contractor: "example-ha-contractor-a"), a3 = try run(.level(3), contractor: "example-ha-contractor-a")
        let b = try run(.level(2), contractor: "example-ha-contractor-b")
        let nameA = try #require(a2.contractor.name).zh, nameB = try #require(b.contractor.name).zh
        #expect(make([a2, a3, b]) == ["\(nameA) · 目标2级", "\(nameA) · 目标3级", nameB])
        // Two of three share a target: the folder tells those two apart.
        #expect(make([t2, t3, t2], folders: ["x", "y", "z"]) == ["目标2级 · x", "目标3级", "目标2级 · z"])
        // A date is what differs (the same enterprise diagnosed twice).
        var later = sheet
        later.date = "2027-06-30"
        let after = try Self.engine.run(later, target: .level(2)).proposal
        #expect(make([t2, after]) == [t2.date!, "2027-06-30"])
        // The label says the truth whatever the stem: a stated target that was not given reads as not stated.
        #expect(ComparisonLabels.make([.init(stem: "x", proposal: t2, target: nil), .init(stem: "x", proposal: t3, target: StatedTarget(of: t3))], lang: .zh)
            == ["目标未注明", "目标3级"])
    }

    // Issue 18: a proposal that aims lower, misses its target or exceeds its budget is not comparable and
    // takes no ranking; the others are ranked among themselves.
    @Test func comparabilityFollowsTargetsAndBudgets() throws {
        let ref = try Self.proposal("home-appliance-midsize.yaml")
        let a = try Self.proposal("home-appliance-midsize.yaml", contractor: "example-ha-contractor-a")
        let capped = try Self.proposal("home-appliance-midsize.yaml", contractor: "example-ha-contractor-b", budget: 600_000)
        let reached = StatedTarget(level: 2, source: "default", reached: true)
        let c = try ProposalComparator.compare([("R", "r", ref), ("A", "a", a), ("B", "b", capped)],
                                               targets: [reached, reached, StatedTarget(level: 1, source: "option", reached: true)])
        #expect(c.commonTargetLevel == 2 && c.commonTargetStated)
        #expect(c.comparability.map(\.comparable) == [true, true, false])
        #expect(c.comparability[2].reasons.map(\.code) == ["aims_lower", "over_budget"])
        #expect(c.rankedColumns == [0, 1])
        #expect(c.droppedForBudget[2].contains("ha-p-energy") && c.droppedForBudget[0].isEmpty)
        #expect(c.mandatoryBelowTwo[2].contains("energy"))
        let json = ComparisonJSON(c)
        #expect(json.proposals.map(\.comparable) == [true, true, false])
        #expect(json.proposals[2].badges.isEmpty)
        #expect(json.proposals[1].badges.contains("lowest_net_cost"))   // contractor A is cheaper than the reference

        // A stated target that is not reached.
        let missed = try ProposalComparator.compare([("R", "r", ref), ("A", "a", a)],
                                                    targets: [reached, StatedTarget(level: 2, source: "default", reached: false)])
        #expect(missed.comparability[1].reasons.map(\.code) == ["target_missed"])
        #expect(missed.rankedColumns.isEmpty)   // one comparable proposal is not a ranking
    }

    @Test func withoutStatedTargetsTheReachedLevelDecides() throws {
        let ref = try Self.proposal("home-appliance-midsize.yaml")
        let capped = try Self.proposal("home-appliance-midsize.yaml", budget: 600_000)
        let c = try ProposalComparator.compare([("R", "r", ref), ("B", "b", capped)])
        #expect(!c.commonTargetStated && c.commonTargetLevel == ref.after.level)
        #expect(c.comparability.allSatisfy { $0.notes.map(\.code) == ["target_not_stated"] })
        #expect(c.comparability[1].reasons.map(\.code) == ["over_budget"])
        // An unstated target judged against a stated one: a lower reached level is not comparable.
        let stated = try ProposalComparator.compare([("R", "r", ref), ("B", "b", ref)],
                                                    targets: [StatedTarget(level: 3, source: "option", reached: false), nil])
        #expect(stated.comparability[1].reasons.map(\.code) == (ref.after.level < 3 ? ["below_target"] : []))
    }

    @Test func statedTargetIsRead() throws {
        let good = try Self.proposal("auto-parts-midsize.yaml").jsonText()
        // The proposal's own `target` replaced (a key given twice is refused).
        func stating(_ target: [String: Any]) throws -> String {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(good.utf8)) as? [String: Any])
            object["target"] = target
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        let withTarget = try stating(["level": 3, "source": "option", "reached": false])
        let read = try ProposalReader.readStated(SourceFile(path: "t.json", text: withTarget))
        #expect(read.target == StatedTarget(level: 3, source: "option", reached: false))
        // A rules-only proposal states that it has no target level.
        #expect(try ProposalReader.readStated(SourceFile(path: "t.json", text: good)).target == StatedTarget(level: nil, source: "none", reached: true))
        let bad = try stating(["level": 7, "source": "option", "reached": false])
        #expect(throws: ProposalReader.Failure.self) { try ProposalReader.readStated(SourceFile(path: "t.json", text: bad)) }
    }

    /// The target planner says "left out within the budget" with reasons of kind `target`: the modules the
    /// budget cut are those of the target's own package (its ladder step) that the budgeted proposal lacks.
    @Test func modulesDroppedForTheBudgetOfATarget() throws {
        let sheet = Shipped.example("home-appliance-midsize.yaml")
        let full = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .level(3)).proposal
        let capped = try Self.engine.run(sheet, budgetYuan: 600_000, contractor: "example-ha-contractor-b", target: .level(3)).proposal
        #expect(capped.target?.reached == false)
        let c = try ProposalComparator.compare([("A", "a", full), ("B", "b", capped)])
        #expect(c.droppedForBudget[0].isEmpty)
        let step = try #require(capped.ladder?.first { $0.level == 3 })
        let chosen = Set(capped.modules.filter(\.status.isSelected).map(\.id))
        #expect(c.droppedForBudget[1] == capped.modules.map(\.id).filter { step.modules.contains($0) && !chosen.contains($0) })
        #expect(c.droppedForBudget[1].contains("ha-s-mes") && c.droppedForBudget[1].count == 7)
        // A budget the target fits in drops nothing.
        let roomy = try Self.engine.run(sheet, budgetYuan: 10_000_000, contractor: "example-ha-contractor-b", target: .level(3)).proposal
        #expect(try ProposalComparator.compare([("A", "a", full), ("B", "b", roomy)]).droppedForBudget[1].isEmpty)
    }

    /// Measures the budget cut are listed as the modules are: those of the target's own package (its ladder step)
    /// that the budgeted proposal leaves out. A budget of 5 万元 keeps the workshop below level 2.
    @Test func measuresDroppedForTheBudgetOfATarget() throws {
        let sheet = Shipped.example("auto-parts-small-workshop.yaml")
        let full = try Self.engine.run(sheet, target: .level(2)).proposal
        let capped = try Self.engine.run(sheet, budgetYuan: 50_000, target: .level(2)).proposal
        #expect(capped.target?.reached == false)
        let step = try #require(capped.ladder?.first { $0.level == 2 })
        let included = Set((capped.measures ?? []).filter { $0.status == .include }.map(\.id))
        let expected = (capped.measures ?? []).map(\.id).filter { step.measures.contains($0) && !included.contains($0) }
        #expect(expected == ["m-digital-lead", "m-talent-pay"])
        let c = try ProposalComparator.compare([("A", "a", full), ("B", "b", capped)], mode: .contractors)
        #expect(c.measuresDroppedForBudget == [[], expected])
        #expect(ComparisonJSON(c).proposals.map(\.measuresDroppedForBudget) == [[], expected])
        // A budget the target fits in drops no measure.
        let roomy = try Self.engine.run(sheet, budgetYuan: 10_000_000, target: .level(2)).proposal
        #expect(try ProposalComparator.compare([("A", "a", full), ("B", "b", roomy)], mode: .contractors).measuresDroppedForBudget == [[], []])
    }

    /// Measures are part of every total: the comparison shows them, per proposal, with their cost.
    @Test func measuresAreCompared() throws {
        let sheet = Shipped.example("home-appliance-midsize.yaml")
        let rules = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .none).proposal
        let target = try Self.engine.run(sheet, contractor: "example-ha-contractor-a", target: .level(3)).proposal
        let c = try ProposalComparator.compare([("R", "r", rules), ("T", "t", target)])
        #expect(c.measures.map(\.measureID) == (target.measures ?? []).map(\.id))
        #expect(c.measures.contains { $0.differs })
        #expect(c.summary[0].measures == 0 && c.summary[1].measures == target.totals.selectedMeasures)
        for row in c.summary {
            #expect(row.moduleCost.low + row.measureCost.low == row.investment.low && row.moduleCost.high + row.measureCost.high == row.investment.high)
        }
        let json = ComparisonJSON(c)
        #expect(json.schema == "gaizao.comparison/4")
        #expect(json.proposals[1].selectedMeasures == target.totals.selectedMeasures)
        #expect(json.measures.first { $0.id == "m-data-rules" }?.statuses == ["not_chosen", "include"])
    }
}
