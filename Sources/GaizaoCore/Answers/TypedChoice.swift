/// Choices as people type them: an option or an industry may be named by its id (`part_time`, `home-appliance`)
/// or by the label the wizard and the questionnaire workbook show, in Chinese or English (`有人兼职负责`,
/// `Home appliances`). English labels are compared without case; surrounding spaces never count. An unknown text
/// gets the nearest id or label as a "did you mean" hint. Every answer reader (answers files, CSV and workbook
/// cells) resolves typed choices here, so they all accept the same texts.
extension Question {
    /// The id of the option that `text` names (its id, or its Chinese or English label), or nil.
    public func optionID(typed text: String) -> String? {
        if option(text) != nil { return text }
        let t = text.trimmingWhitespace()
        if option(t) != nil { return t }
        let lower = t.lowercased()
        if let o = options.first(where: { $0.label.zh == t || $0.label.en.lowercased() == lower }) { return o.id }
        // A label shortened to what comes before its examples: `小家电` for `小家电（电吹风、电熨斗等）`.
        return options.first { Self.shortLabel($0.label.zh) == t || Self.shortLabel($0.label.en)?.lowercased() == lower }?.id
    }

    /// A label without its parenthesised part (`小家电（电吹风等）` → `小家电`), or nil when it has none.
    static func shortLabel(_ label: String) -> String? {
        guard let open = label.firstIndex(where: { $0 == "（" || $0 == "(" }), open != label.startIndex else { return nil }
        return String(label[..<open]).trimmingWhitespace()
    }

    /// Why `text` is not an option, with the nearest id or label and the options (id and Chinese label).
    /// `naming`: say which question (off where the message already follows "answer to `id`:").
    public func unknownOptionMessage(_ text: String, naming: Bool = true) -> String {
        let names = options.map(\.id) + options.flatMap { [$0.label.zh, $0.label.en] + [Self.shortLabel($0.label.zh), Self.shortLabel($0.label.en)].compactMap { $0 } }
        let hint = nearest(text, among: names).map { " (did you mean `\($0)`?)" } ?? ""
        let listed = options.map { "\($0.id) (\($0.label.zh))" }.joined(separator: ", ")
        return "\(quotedValue(text)) is not an option\(naming ? " of `\(id)`" : "")\(hint); options: \(listed)"
    }
}

extension Catalog {
    /// The industry that `text` names: its id, or its Chinese or English name.
    public func industry(typed text: String) -> Industry? {
        if let found = industry(text) { return found }
        let t = text.trimmingWhitespace(), lower = t.lowercased()
        return industries.first { $0.id == t || $0.name.zh == t || $0.name.en.lowercased() == lower }
    }

    /// Why `text` names no industry, with the nearest id or name.
    public func unknownIndustryMessage(_ text: String) -> String {
        let listed = industries.map { "\($0.id) (\($0.name.zh))" }.joined(separator: ", ")
        if text.trimmingWhitespace().isEmpty { return "no industry given; the catalog has: \(listed)" }
        let names = industries.map(\.id) + industries.map(\.name.zh) + industries.map(\.name.en)
        let hint = nearest(text, among: names).map { " (did you mean `\($0)`?)" } ?? ""
        return "unknown industry \(quotedValue(text))\(hint); the catalog has: \(listed)"
    }
}

/// The nearest name for a "did you mean" hint: within a small edit distance (`closest`) that keeps some of the
/// text (`5g` is not "near" `无`, which shares none of it), else the one name that starts with the text or that the
/// text starts with (`small` → `small_appliance`), else the one name that holds it (`5g` → `industrial_5g`),
/// compared without case.
func nearest(_ text: String, among names: [String]) -> String? {
    let t = text.trimmingWhitespace()
    guard !t.isEmpty else { return nil }
    if let near = closest(t, among: names), editDistance(t, near) < t.count { return near }
    let lower = t.lowercased()
    let prefixed = names.filter { $0.lowercased().hasPrefix(lower) || (lower.hasPrefix($0.lowercased()) && $0.count >= 2) }
    if let first = prefixed.first { return first }
    guard t.count >= 2 else { return nil }
    let holding = Set(names.filter { $0.lowercased().contains(lower) })
    if holding.count == 1 { return holding.first }
    // An id and its own labels may all hold it: the one id among them, when there is one.
    let ids = holding.filter { $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") } }
    return ids.count == 1 ? ids.first : nil
}
