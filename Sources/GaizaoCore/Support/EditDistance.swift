/// A value from the input quoted in a message, in backticks: whole up to `limit` characters; a longer one (a
/// paste gone wrong, a forged file) by its first `limit` characters, `…` and its length, as `yyyy…` (3000000
/// characters), so a message never copies megabytes into the terminal, errors.csv and the batch summaries.
public func quotedValue(_ text: String, limit: Int = 40) -> String {
    // A text of at most `limit` bytes has at most `limit` characters: short values are not counted.
    if text.utf8.count <= limit { return "`\(text)`" }
    let count = text.count
    if count <= limit { return "`\(text)`" }
    return "`\(text.prefix(limit))…` (\(count) characters)"
}

/// The Levenshtein distance between two texts, in characters: the fewest insertions, deletions and
/// substitutions that turn one into the other. For "did you mean" hints (catalog keys, command names).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
