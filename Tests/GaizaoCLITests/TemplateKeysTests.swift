import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// Mustache renders an unknown name as nothing, silently. This guard reads every tag of the shipped templates
/// and checks that the view model provides each name, so a renamed key fails here instead of emptying a page.
@Suite struct TemplateKeysTests {
    static func keys(_ node: Any, into set: inout Set<String>) {
        switch node {
        case let fields as [String: Any]:
            for (k, v) in fields where k != "t" {
                set.insert(k)
                keys(v, into: &set)
            }
        case let items as [Any]: for item in items { keys(item, into: &set) }
        default: break
        }
    }

    static let viewModelKeys: Set<String> = {
        var set: Set<String> = []
        for example in RenderFixtures.examples {
            let p = try! RenderFixtures.proposal(example)
            for flavor in [ProposalViewModel.Flavor.markdown, .html] {
                keys(ProposalViewModel(p, lang: .zh, flavor: flavor).tree.plain, into: &set)
            }
        }
        // A batch's proposal also has its peer benchmark.
        var p = try! RenderFixtures.proposal(RenderFixtures.examples[0])
        p.peers = .init(peers: 4, percentile: 50, rank: 2, medianPoints: 40, level2PlusPercent: 60,
                        scenesBehind: [.init(scene: p.diagnosis.scenes[0].id, level: 0, median: 1)])
        keys(ProposalViewModel(p, lang: .zh, flavor: .html).tree.plain, into: &set)
        return set
    }()

    /// The comparison's view-model keys, from the three pinned comparisons in both flavours and languages.
    static let comparisonKeys: Set<String> = {
        var set: Set<String> = []
        for c in CompareFixtures.Case.allCases {
            for lang in Lang.allCases {
                let comparison = try! CompareFixtures.comparison(c, lang: lang)
                for flavor in [ProposalViewModel.Flavor.markdown, .html] {
                    keys(ComparisonViewModel(comparison, lang: lang, flavor: flavor).tree.plain, into: &set)
                }
            }
        }
        return set
    }()

    /// Compare templates and their own partials see the comparison's view model; the rest the proposal's.
    static func knownKeys(for relative: String) -> Set<String> {
        relative.hasPrefix("compare.") || relative.hasPrefix("partials/compare-") ? comparisonKeys : viewModelKeys
    }

    @Test(arguments: RenderFixtures.templateFiles.keys.sorted())
    func everyTagNamesAViewModelKey(_ relative: String) {
        let file = RenderFixtures.templateFiles[relative]!
        let known = Self.knownKeys(for: relative)
        for tag in TemplateChecks.scanTags(file.text) {
            var body = Substring(tag.body)
            guard let first = body.first, !"!%>=".contains(first) else { continue }
            if "#^/&{".contains(first) { body = body.dropFirst() }
            if body.hasSuffix("}") { body = body.dropLast() }
            let name = body.trimmingCharacters(in: .whitespaces)
            if name == "." { continue }
            let parts = name.split(separator: ".").map(String.init)
            if parts.first == "t" {
                #expect(parts.count == 2 && RenderStrings.keys.contains(parts[1]), "\(file.path):\(tag.line): unknown fixed string \(name)")
                continue
            }
            for part in parts {
                #expect(known.contains(part), "\(file.path):\(tag.line):\(tag.column): `\(name)` is not a view-model key")
            }
        }
    }

    @Test func theMarkdownTemplateAndItsPartialsDeclareText() {
        for (relative, file) in RenderFixtures.templateFiles where relative.hasSuffix(".md.mustache") {
            #expect(file.text.hasPrefix("{{% CONTENT_TYPE: TEXT}}"), "\(relative)")
        }
    }

    @Test func fixedStringKeysAreUnique() {
        let keys = RenderStrings.entries.map(\.key)
        #expect(keys.count == Set(keys).count, "\(Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
    }
}
