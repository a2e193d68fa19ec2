/// Joins sentences into one line of clauses: `A。；B` reads badly, so each clause but the last loses its final
/// full stop before the separator (`A；B`, `A; B`). The last clause keeps its own ending.
public enum Clauses {
    /// Full stops and clause separators that a following separator replaces.
    private static let endings: Set<Character> = ["。", ".", "；", ";", "，", ","]

    /// `texts` joined with `separator`, without doubled punctuation at the joins.
    public static func join(_ texts: [String], separator: String) -> String {
        var out = ""
        for (i, text) in texts.enumerated() {
            if i > 0 { out += separator }
            out += i < texts.count - 1 ? trimmedEnding(text) : text
        }
        return out
    }

    /// `text` without trailing whitespace and one final full stop or separator.
    static func trimmedEnding(_ text: String) -> String {
        // `dropLast()` would count the whole text's characters each time; stepping back one index does not.
        var t = Substring(text)
        while let last = t.last, last.isWhitespace { t = t[..<t.index(before: t.endIndex)] }
        if let last = t.last, endings.contains(last) { t = t[..<t.index(before: t.endIndex)] }
        return String(t)
    }

    /// `texts` joined for reading, as `join` joins them, except that in English (`separator` `; `) a text that
    /// starts with a capital is a sentence of its own and follows a full stop: "…before scrap is made. Five or more
    /// changeovers…; not needed for the target", not "…is made; Five or more…".
    public static func joinSentences(_ texts: [String], separator: String) -> String {
        guard separator == "; " else { return join(texts, separator: separator) }
        var out = ""
        for (i, text) in texts.enumerated() {
            if i > 0 { out += text.first?.isUppercase == true ? ". " : separator }
            out += i < texts.count - 1 ? trimmedEnding(text) : text
        }
        return out
    }

    /// The first of two clauses as `join` sets it before the second: its ending trimmed, then the separator.
    /// `lead(a)` followed by `b`, in each language, is `join([a, b])`; a caller joining one clause before many
    /// others trims it once.
    static func lead(_ text: Localized) -> Localized {
        Localized(zh: trimmedEnding(text.zh) + "；", en: trimmedEnding(text.en) + "; ")
    }

    /// Chinese clauses joined with `；`, English ones with `; `.
    public static func join(_ texts: [Localized]) -> Localized {
        Localized(zh: join(texts.map(\.zh), separator: "；"), en: join(texts.map(\.en), separator: "; "))
    }
}
