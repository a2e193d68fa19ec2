/// Column labels for a comparison: short, and never repeated.
///
/// A column is labelled with the contractor's name when the proposal has an overlay, else with the file name
/// without its extension. Columns whose labels would repeat (one contractor's name twice, or the same file name in
/// two folders) are told apart by what differs between those proposals: the target level they state, their budget,
/// their diagnosis date (`目标2级` / `目标3级`, `预算 80 万元` / `预算不限`). A repeated contractor's name keeps the
/// name in front (`示例总包商甲 · 目标3级`), since other columns may be other contractors; a repeated file name is
/// replaced, since the file name says nothing about the column. When nothing recorded differs, the parent folder
/// tells them apart, and only then a number (`(2)`). The full path of each file stays in the comparison
/// (`Column.source`, the documents' list of proposals, `comparison.json`).
public enum ComparisonLabels {
    /// What a label is made from, per proposal.
    public struct Input: Sendable {
        /// The file name without its extension (`auto-parts-midsize` for `out/auto-parts-midsize.json`).
        public var stem: String
        /// The name of the folder holding the file (`out`); empty when unknown.
        public var folder: String
        public var proposal: Proposal
        /// The target the proposal states, as the comparison reads it (nil: not stated).
        public var target: StatedTarget?

        public init(stem: String, folder: String = "", proposal: Proposal, target: StatedTarget? = nil) {
            self.stem = stem
            self.folder = folder
            self.proposal = proposal
            self.target = target
        }
    }

    /// - Parameter lang: the language of the contractor's name and of the qualifiers.
    public static func make(_ inputs: [Input], lang: Lang) -> [String] {
        let bases = inputs.map { input -> (text: String, isContractor: Bool) in
            let name = input.proposal.contractor.name.map { $0[lang] }?.trimmingCharacters(in: .whitespaces) ?? ""
            return name.isEmpty ? (input.stem, false) : (name, true)
        }
        var labels = bases.map(\.text)
        for group in repeatedGroups(labels) {
            let qualifiers = differingQualifiers(group.map { inputs[$0] }, lang: lang)
            for (n, i) in group.enumerated() where !qualifiers[n].isEmpty {
                labels[i] = bases[i].isContractor ? "\(bases[i].text) · \(qualifiers[n])" : qualifiers[n]
            }
        }
        // Nothing recorded tells them apart: the folder, when the folders differ.
        for group in repeatedGroups(labels) {
            let folders = group.map { inputs[$0].folder }
            guard Set(folders).count == group.count, !folders.contains("") else { continue }
            for i in group { labels[i] = "\(labels[i]) · \(inputs[i].folder)" }
        }
        // Still repeated: a number, the last resort.
        for group in repeatedGroups(labels) {
            for (n, i) in group.enumerated() { labels[i] = "\(labels[i]) (\(n + 1))" }
        }
        return labels
    }

    /// Per proposal of `group`, what sets it apart from the others of the group: one short text for each recorded
    /// setting whose value differs within the group (target, budget, date), joined by ` · `; empty when none does.
    static func differingQualifiers(_ group: [Input], lang: Lang) -> [String] {
        let zh = lang == .zh
        let format = RenderFormat.of(lang)
        let target: (Input) -> String = { input in
            guard let target = input.target else { return zh ? "目标未注明" : "target not stated" }
            guard let level = target.level else { return zh ? "无目标" : "no target" }
            return zh ? "目标\(level)级" : "target level \(level)"
        }
        let budget: (Input) -> String = { input in
            guard let yuan = input.proposal.budgetYuan else { return zh ? "预算不限" : "no budget" }
            return zh ? "预算 \(format.money(yuan))" : "budget \(format.money(yuan))"
        }
        let date: (Input) -> String = { input in input.proposal.date ?? (zh ? "无日期" : "no date") }
        let differing = [target, budget, date].filter { key in Set(group.map(key)).count > 1 }
        return group.map { input in differing.map { $0(input) }.joined(separator: " · ") }
    }

    /// The indices of each label that occurs more than once, grouped by label, in column order.
    static func repeatedGroups(_ labels: [String]) -> [[Int]] {
        var order: [String] = []
        var indices: [String: [Int]] = [:]
        for (i, label) in labels.enumerated() {
            if indices[label] == nil { order.append(label) }
            indices[label, default: []].append(i)
        }
        return order.compactMap { indices[$0]!.count > 1 ? indices[$0] : nil }
    }
}
