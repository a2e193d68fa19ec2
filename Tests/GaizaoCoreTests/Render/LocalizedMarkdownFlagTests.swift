import Foundation
import Testing
@testable import GaizaoCore

/// Catalog texts are checked for Markdown escaping once, as the catalog loads; the check is a cache, never part
/// of the value.
@Suite struct LocalizedMarkdownFlagTests {
    @Test func checkedTextsKnowWhetherTheyNeedEscaping() {
        let plain = Localized(zh: "数据采集", en: "Data collection").checkedForMarkdown()
        #expect(plain.isMarkdownPlain(.zh) && plain.isMarkdownPlain(.en))
        let mixed = Localized(zh: "质量 | 追溯", en: "Quality tracing").checkedForMarkdown()
        #expect(!mixed.isMarkdownPlain(.zh) && mixed.isMarkdownPlain(.en))
        // An empty language falls back to the other one, and so does its flag.
        let zhOnly = Localized(zh: "*重点*", en: "").checkedForMarkdown()
        #expect(!zhOnly.isMarkdownPlain(.en))
        #expect(!Localized(zh: "未检查", en: "unchecked").isMarkdownPlain(.zh))
    }

    @Test func changingATextForgetsTheCheck() {
        var text = Localized(zh: "普通", en: "plain").checkedForMarkdown()
        text.zh = "# 标题"
        #expect(!text.isMarkdownPlain(.zh))
        text = text.checkedForMarkdown()
        text.en = "- item"
        #expect(!text.isMarkdownPlain(.en) && !text.isMarkdownPlain(.zh))
    }

    @Test func theCheckIsNotPartOfTheValue() throws {
        let a = Localized(zh: "甲", en: "A"), b = a.checkedForMarkdown()
        #expect(a == b && a.hashValue == b.hashValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(b), as: UTF8.self) == #"{"en":"A","zh":"甲"}"#)
        let decoded = try JSONDecoder().decode(Localized.self, from: Data(#"{"zh":"乙","en":"B"}"#.utf8))
        #expect(decoded == Localized(zh: "乙", en: "B"))
    }

    /// Every text of the shipped catalogs comes out of the loader checked, and the check agrees with the escaper.
    @Test func shippedCatalogTextsAreCheckedAsTheyLoad() throws {
        let catalog = try #require(ShippedCatalogTests.load().catalog)
        var checked = 0
        for industry in catalog.industries {
            for module in industry.modules {
                for text in [module.name, module.summary] {
                    for lang in Lang.allCases {
                        #expect(text.isMarkdownPlain(lang) == !MarkdownEscape.needsEscaping(text[lang]))
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 20)
    }
}
