@testable import GaizaoCore
import Testing

/// Defects the property sweep (PropertySweepTests) found, each pinned on the enterprise it was found on.
@Suite struct SweepRegressionTests {
    static func industry(_ id: String) throws -> Industry { try #require(Shipped.catalog.industry(id)) }

    /// An enterprise at level 4 already, proposed with the default target, was told its target was level 4, "one
    /// level above today's" (在现有等级上再提升一级): the default target at the top level keeps it.
    @Test func defaultTargetAtLevelFourIsNotOneLevelAboveToday() throws {
        let sheet = SweepEnterprises.sheet(try Self.industry("home-appliance"), .allMax, seed: 1)
        let proposal = try Engine(catalog: Shipped.catalog).run(sheet).proposal
        #expect(proposal.diagnosis.level == 4 && proposal.target?.level == 4 && proposal.target?.source == .default)
        let zh = Shipped.renderer.markdown(proposal, lang: .zh), en = Shipped.renderer.markdown(proposal, lang: .en)
        #expect(!zh.contains("在现有等级上再提升一级") && zh.contains("目标四级（企业已在最高等级，保持该等级）"))
        #expect(!en.contains("one level above today's") && en.contains("the highest level, where the enterprise is already: kept"))
        // One level up below the top is still said so.
        let midsize = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-midsize.yaml")).proposal
        #expect(Shipped.renderer.markdown(midsize, lang: .zh).contains("目标三级（在现有等级上再提升一级）"))
    }
}
