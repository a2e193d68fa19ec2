extension String {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes: no locale, no Unicode folding. Foundation's
    /// `contains(_:)` goes through `NSString` and costs thousands of instructions a call; a view model asks this
    /// of every module it shows.
    func containsText(_ needle: String) -> Bool {
        let text = utf8.span, part = needle.utf8.span
        guard part.count <= text.count else { return false }
        if part.isEmpty { return true }
        var start = 0
        while start + part.count <= text.count {
            var k = 0
            while k < part.count, text[start + k] == part[k] { k += 1 }
            if k == part.count { return true }
            start += 1
        }
        return false
    }
}
