/// English counts, where the noun agrees with its number: `1 module`, `2 modules`, `0 weeks`. The one place code
/// chooses an English plural (the fixed texts choose theirs with `{n|one|other}`, `RenderStrings`).
public enum EnglishCount {
    /// `one` for 1, else `other`.
    public static func noun(_ n: Int, _ one: String, _ other: String) -> String { n == 1 ? one : other }

    /// The number and its noun: `1 answer`, `3 answers`; `other` is `one` with an `s` unless given.
    public static func count(_ n: Int, _ one: String, _ other: String? = nil) -> String {
        "\(n) " + noun(n, one, other ?? one + "s")
    }
}
