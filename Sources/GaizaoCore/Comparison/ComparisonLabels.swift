/// Column labels for a comparison: the contractor's name when the proposal has an overlay, else the file name
/// without its extension. Labels never repeat: a repeated label gets its file name added, and one still
/// repeated gets a number (`(2)`).
public enum ComparisonLabels {
    /// - Parameters:
    ///   - inputs: per proposal, the file name stem (`auto-parts-midsize` for `out/auto-parts-midsize.json`).
    ///   - lang: the language of the contractor's name.
    public static func make(_ inputs: [(stem: String, proposal: Proposal)], lang: Lang) -> [String] {
        let base = inputs.map { input in
            let name = input.proposal.contractor.name.map { $0[lang] }?.trimmingCharacters(in: .whitespaces) ?? ""
            return name.isEmpty ? input.stem : name
        }
        var labels = base.enumerated().map { i, label in
            repeated(label, in: base) && label != inputs[i].stem ? "\(label) · \(inputs[i].stem)" : label
        }
        let stillRepeated = labels
        var seen: [String: Int] = [:]
        for i in labels.indices where repeated(stillRepeated[i], in: stillRepeated) {
            seen[stillRepeated[i], default: 0] += 1
            labels[i] = "\(stillRepeated[i]) (\(seen[stillRepeated[i]]!))"
        }
        return labels
    }

    private static func repeated(_ label: String, in all: [String]) -> Bool { all.filter { $0 == label }.count > 1 }
}
