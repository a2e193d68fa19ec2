/// The languages gaizao speaks. Chinese first; English with `--lang en`.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case zh, en
}

/// A bilingual text from a catalog: both languages are required by lint.
public struct Localized: Sendable, Hashable, Codable {
    public var zh: String
    public var en: String

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
}
