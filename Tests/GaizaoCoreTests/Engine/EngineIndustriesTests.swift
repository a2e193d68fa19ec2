@testable import GaizaoCore
import Testing

/// An engine prepared for some industries only (a single diagnosis prepares its own) gives the same proposals as
/// one prepared for all, including for an industry it left out, and the same standing as the proposal shows.
@Suite struct EngineIndustriesTests {
    @Test(arguments: Shipped.exampleNames)
    func partlyPreparedEngineGivesTheSameProposal(_ name: String) throws {
        let sheet = Shipped.example(name)
        let full = try Engine(catalog: Shipped.catalog).run(sheet).proposal.jsonBytes()
        let own = try Engine(catalog: Shipped.catalog, industries: [sheet.industry]).run(sheet).proposal.jsonBytes()
        let other = try Engine(catalog: Shipped.catalog, industries: ["no-such-industry"]).run(sheet).proposal.jsonBytes()
        #expect(own == full)
        #expect(other == full)
    }

    @Test(arguments: Shipped.exampleNames)
    func standingMatchesTheProposal(_ name: String) throws {
        let sheet = Shipped.example(name)
        let engine = Engine(catalog: Shipped.catalog)
        let p = try engine.run(sheet).proposal
        let s = try engine.standing(sheet)
        #expect(s.enterprise == p.enterprise)
        #expect(s.points == p.diagnosis.points)
        #expect(s.level == p.diagnosis.level)
        #expect(s.scenes.map(\.id) == p.diagnosis.scenes.map(\.id))
        #expect(s.scenes.map(\.level) == p.diagnosis.scenes.map(\.level))
    }

    @Test func unknownIndustryIsStillRefused() {
        var sheet = Shipped.example(Shipped.exampleNames[0])
        sheet.industry = "shipbuilding"
        #expect(throws: Engine.Failure.self) { try Engine(catalog: Shipped.catalog, industries: ["shipbuilding"]).run(sheet) }
        #expect(throws: Engine.Failure.self) { try Engine(catalog: Shipped.catalog).standing(sheet) }
    }
}
