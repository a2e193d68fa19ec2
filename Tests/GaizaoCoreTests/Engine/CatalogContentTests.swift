@testable import GaizaoCore
import Testing

/// The catalog content fixes of issue 16, each against the module or rule it changed.
@Suite struct CatalogContentTests {
    static let ap = Shipped.catalog.industry("auto-parts")!
    static let ha = Shipped.catalog.industry("home-appliance")!

    /// A knowledge-base assistant is no integration with business systems: 协同办公 level 2, not 3.
    @Test func aiAssistantRaisesCollaborationToTwo() {
        #expect(Self.ap.module("ap-p-ai")!.raises.first { $0.scene == "collaboration" }?.level == 2)
    }

    /// Both ERPs link sales with stock and finance: 营销 level 3 in both industries.
    @Test func bothERPsRaiseMarketingToThree() {
        #expect(Self.ha.module("ha-s-erp")!.raises.first { $0.scene == "marketing" }?.level == 3)
        #expect(Self.ap.module("ap-s-erp")!.raises.first { $0.scene == "marketing" }?.level == 3)
    }

    /// Part-level traceability is recommended for an IATF-certified OEM supplier whose customers trace by batch.
    @Test func partTraceabilityFiresForBatchLevelOEMDemand() throws {
        var sheet = Shipped.example("auto-parts-advanced.yaml")
        sheet.answers["ap_traceability_demand"] = .option("batch")
        sheet.answers["ap_iatf16949"] = .option("certified")
        sheet.answers["main_customers"] = .options(["automaker"])
        sheet.answers["ap_oe_share"] = .number(80)
        let d = try Engine(catalog: Shipped.catalog).run(sheet).plan.decision("ap-p-trace")!
        #expect(d.reasons.contains { $0.ruleID == "ap-r-trace-oem-batch" })
        #expect(d.score >= Self.ap.threshold)
    }

    /// Heat treatment (CQI-9 records) and die casting bring the process-parameter monitoring module.
    @Test func heatTreatmentAndDieCastingBringProcessMonitoring() throws {
        var sheet = Shipped.example("auto-parts-midsize.yaml")
        sheet.answers["ap_processes"] = .options(["machining", "heat_treatment", "die_casting"])
        sheet.answers["ap_mould_managed"] = .option("system")
        let d = try Engine(catalog: Shipped.catalog).run(sheet).plan.decision("ap-p-mould")!
        #expect(d.reasons.contains { $0.ruleID == "ap-r-process-heat-treatment" })
        #expect(d.status != .excluded)
        // Tooling files and maintenance reminders are 设备管理 level 2; level 3 (running parameters and an OEE) and
        // 生产管控 (work orders controlled in a system) are the equipment module's and the MES's to claim.
        #expect(Self.ap.module("ap-p-mould")!.raises.map { [$0.scene: $0.level] } == [["equipment": 2]])
    }
}
