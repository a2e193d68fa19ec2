import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// What an audit of the rendered proposals found: unfilled placeholders, tables that do not add up, dates that
/// contradict their rule, stray 万元 in English, wording that reads wrong at the edges.
@Suite struct ProposalTextAuditTests {
    /// The settings a proposal is commonly made with, over which every shipped example is rendered.
    static let settings: [(name: String, budget: Int?, target: TargetLevel)] = [
        ("default", nil, .automatic), ("level 3", nil, .level(3)), ("level 4", nil, .level(4)),
        ("none", nil, .none), ("budget 30", 300_000, .automatic),
    ]

    static func proposal(_ example: String, budget: Int? = nil, target: TargetLevel = .automatic) throws -> Proposal {
        try Engine(catalog: RenderFixtures.catalog).run(RenderFixtures.sheet(example), budgetYuan: budget, target: target).proposal
    }

    /// Every shipped example under the common settings, rendered in both languages.
    static func rendered() throws -> [(what: String, proposal: Proposal, lang: Lang, md: String, html: String)] {
        var out: [(String, Proposal, Lang, String, String)] = []
        for example in RenderFixtures.examples {
            for s in settings {
                let p = try proposal(example, budget: s.budget, target: s.target)
                for lang in [Lang.zh, .en] {
                    out.append(("\(example) (\(s.name), \(lang))", p, lang, RenderFixtures.renderer.markdown(p, lang: lang), RenderFixtures.renderer.html(p, lang: lang)))
                }
            }
        }
        return out
    }

    /// A `{name}` (or `{name|one|other}`) of the string tables that reached the reader unfilled.
    static func placeholders(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "\\{[a-z][a-z0-9]*(\\|[^{}]*)?\\}")
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    /// The Gantt chart's description once formatted the roadmap sentence without its `{k}` (modules at a time).
    @Test func noPlaceholderIsLeftUnfilled() throws {
        for r in try Self.rendered() {
            #expect(Self.placeholders(r.md).isEmpty, "\(r.what): \(Self.placeholders(r.md))")
            #expect(Self.placeholders(r.html).isEmpty, "\(r.what): \(Self.placeholders(r.html))")
        }
    }

    @Test func theGanttDescriptionSaysHowManyModulesRunAtATime() throws {
        let p = try Self.proposal("auto-parts-midsize")
        let k = try #require(p.totals.workstreams)
        let zh = RenderFixtures.renderer.html(p, lang: .zh), en = RenderFixtures.renderer.html(p, lang: .en)
        #expect(zh.contains("最多 \(k) 个并行") && !zh.contains("{k}"))
        #expect(en.contains("at most \(k) at a time") && !en.contains("{k}"))
        // The chart's description is the roadmap section's sentence.
        let desc = try #require(zh.range(of: "<desc id=\"chart-gantt-wide-desc\">").map { zh[$0.upperBound...].prefix { $0 != "<" } })
        #expect(RenderFixtures.renderer.markdown(p, lang: .zh).contains(String(desc)))
    }

    /// English counts agree with their nouns: "1 module", "2 modules".
    @Test func englishCountsTakeTheRightNumber() {
        let strings = RenderStrings(.en)
        #expect(strings.format("ladderContentsFmt", ["m": "1", "k": "2"]) == "1 module, 2 measures")
        #expect(strings.format("ladderContentsFmt", ["m": "3", "k": "1"]) == "3 modules, 1 measure")
        #expect(strings.format("roadmapIntroFmt", ["n": "1", "w": "4", "k": "1", "p": "1"]).hasPrefix("1 module scheduled by their dependencies over 4 weeks"))
        #expect(RenderStrings(.zh).format("ladderContentsFmt", ["m": "1", "k": "2"]) == "1 个模块、2 项措施")
        for r in (try? Self.rendered()) ?? [] where r.lang == .en {
            // (The planner's `target.missing` texts are another change's: "at most 1 scenes" is not looked at.)
            for text in [" 1 modules", "\n1 modules", " 1 measures", " 1 weeks", " 1 points", "- 1 scenes at level"] {
                #expect(!r.md.contains(text), "\(r.what): \(text)")
            }
        }
    }
}
