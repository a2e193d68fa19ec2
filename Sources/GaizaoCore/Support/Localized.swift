/// The languages gaizao speaks. Chinese first; English with `--lang en`.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case zh, en
}

/// A bilingual text from a catalog: both languages are required by lint.
public struct Localized: Sendable, Hashable, Codable {
    public var zh: String { didSet { plain = 0 } }
    public var en: String { didSet { plain = 0 } }

    /// Bit 0 (zh) and bit 1 (en) set when that text is known to need no Markdown escaping; 0 when not known.
    /// Catalog texts are checked once as the catalog loads (`checkedForMarkdown`), so a proposal's view model
    /// need not scan the same catalog texts again for every enterprise. Not part of the value: equality,
    /// hashing and coding see only the two texts, and changing either text forgets it.
    private var plain: UInt8 = 0

    private enum CodingKeys: String, CodingKey { case zh, en }

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(lang: Lang) -> String {
        switch lang {
        case .zh: return zh.isEmpty ? en : zh
        case .en: return en.isEmpty ? zh : en
        }
    }

    public static let empty = Localized(zh: "", en: "")

    public static func == (a: Localized, b: Localized) -> Bool { a.zh == b.zh && a.en == b.en }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(zh)
        hasher.combine(en)
    }

    /// This text with both languages checked for Markdown escaping.
    func checkedForMarkdown() -> Localized {
        var out = self
        out.plain = (MarkdownEscape.needsEscaping(zh) ? 0 : 1) | (MarkdownEscape.needsEscaping(en) ? 0 : 2)
        return out
    }

    /// True when the text `self[lang]` is known to need no Markdown escaping (false: not known).
    func isMarkdownPlain(_ lang: Lang) -> Bool {
        let usesZh = lang == .zh ? !zh.isEmpty : en.isEmpty
        return plain & (usesZh ? 1 : 2) != 0
    }
}
