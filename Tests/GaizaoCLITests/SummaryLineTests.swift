import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// The one line `diagnose` prints after writing a proposal.
@Suite struct SummaryLineTests {
    /// `diagnose --lang en` on a package of one module printed "1 modules, …, 1 weeks" (found driving the binary on
    /// generated enterprises: a far-along plant whose budget buys only its must-have EDI link).
    @Test func englishCountsAgreeWithTheirNouns() throws {
        var p = try RenderFixtures.proposal("auto-parts-midsize")
        p.totals.selectedModules = 1
        p.totals.selectedMeasures = 1
        p.totals.durationWeeks = 1
        let one = Summary.line(p, lang: .en)
        #expect(one.contains("; 1 module, 1 measure, investment") && one.hasSuffix(", 1 week"), "\(one)")
        p.totals.selectedModules = 2
        p.totals.selectedMeasures = 3
        p.totals.durationWeeks = 5
        let more = Summary.line(p, lang: .en)
        #expect(more.contains("; 2 modules, 3 measures, investment") && more.hasSuffix(", 5 weeks"), "\(more)")
        #expect(Summary.line(p, lang: .zh).contains("2个模块、3项管理措施"))
    }

    /// A company name typed with a line break or a tab (text answers allow both) stays on the summary's one line.
    @Test func aNameWithALineBreakStaysOnOneLine() throws {
        var p = try RenderFixtures.proposal("auto-parts-midsize")
        p.enterprise.name = "慈溪\n丙丁\t汽车\r\n零部件"
        for lang in [Lang.zh, .en] {
            let line = Summary.line(p, lang: lang)
            #expect(!line.contains("\n") && !line.contains("\t") && !line.contains("\r"), "\(line)")
            #expect(line.hasPrefix("慈溪 丙丁 汽车 零部件"), "\(line)")
        }
    }
}
