/// Answers as a reader sees them: option labels, numbers with units, 是/否.
public enum AnswerDisplay {
    public static func text(_ v: AnswerValue, _ q: Question, _ catalog: Catalog) -> Localized {
        AnswerFormat(q).text(v)
    }

    /// `35%`, `150 人`, `600 万元/年`: the unit after a space, except a percent sign, which is written as the
    /// proposal's own texts write it (`3%`, `50%`). The wizard shows answers the same way.
    public static func withUnit(_ number: String, _ unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return number }
        return unit == "%" ? number + unit : number + " " + unit
    }

    /// The texts of scene levels 0…4.
    static let levels: [Localized] = [Localized(zh: "未开展（未达1级）", en: "not started (below level 1)")]
        + (1...4).map { Localized(zh: "\($0)级", en: "level \($0)") }
}

/// What displaying an answer reads of its question, by reference: the engine prepares one per question
/// and formats every answer of a run through it, where going through `Question` values copied a whole
/// question (with all its strings) for each answer.
final class AnswerFormat: Sendable {
    let isLevel: Bool
    let unit: Localized
    let optionIDs: [String]
    let optionLabels: [Localized]
    /// Each option's label after the separator that joins it to the one before (`、label`, `; label`): a
    /// multiple-choice answer is then one append per option after its first, not two.
    let separatedLabels: [Localized]
    /// The English words after the money word when the unit is money (`Money.englishMoneyUnit`), else nil:
    /// worked out once per question rather than for every number answered to it.
    let englishMoneyUnit: String?

    init(_ q: Question) {
        isLevel = q.kind == .level
        unit = q.unit ?? .empty
        englishMoneyUnit = Money.englishMoneyUnit(unit)
        optionIDs = q.options.map(\.id)
        optionLabels = q.options.map(\.label)
        separatedLabels = optionLabels.map { Localized(zh: "、" + $0.zh, en: "; " + $0.en) }
    }

    /// The label of option `id` (the first of that id), or the id itself.
    private func label(_ id: String) -> Localized {
        if let k = optionIDs.firstIndex(of: id) { return optionLabels[k] }
        return Localized(zh: id, en: id)
    }

    func text(_ v: AnswerValue) -> Localized {
        switch v {
        case let .text(t): return Localized(zh: t, en: t)
        case let .option(o): return label(o)
        case let .options(os):
            if os.isEmpty { return Localized(zh: "（无）", en: "(none)") }
            // Joined by appending in place, the room reserved first (the same text as `joined(separator:)`); each
            // option looked up once (nil: not an option of the question, shown as its id, as `label` does), and
            // each after the first appended with its separator (`separatedLabels`).
            var picked: [Int?] = []
            picked.reserveCapacity(os.count)
            var zhBytes = (os.count - 1) * 3, enBytes = (os.count - 1) * 2
            for id in os {
                let k = optionIDs.firstIndex(of: id)
                picked.append(k)
                if let k {
                    zhBytes += optionLabels[k].zh.utf8.count
                    enBytes += optionLabels[k].en.utf8.count
                } else {
                    zhBytes += id.utf8.count
                    enBytes += id.utf8.count
                }
            }
            var zh = "", en = ""
            zh.reserveCapacity(zhBytes)
            en.reserveCapacity(enBytes)
            for (n, k) in picked.enumerated() {
                if let k {
                    let l = n > 0 ? separatedLabels[k] : optionLabels[k]
                    zh += l.zh
                    en += l.en
                } else {
                    if n > 0 { zh += "、"; en += "; " }
                    zh += os[n]
                    en += os[n]
                }
            }
            return Localized(zh: zh, en: en)
        case let .bool(b): return b ? Localized(zh: "是", en: "yes") : Localized(zh: "否", en: "no")
        case let .number(n):
            if isLevel { return AnswerDisplay.levels[n.isFinite ? Int(Swift.max(0, Swift.min(4, n))) : 0] }
            let number = formatNumber(n)
            // A figure of 万元 reads as money in English: `CNY 120,000,000`, as the rest of the document writes it.
            return Localized(zh: AnswerDisplay.withUnit(number, unit.zh), en: englishMoneyUnit.flatMap { Money.englishAmount(wan: n, moneyUnit: $0) } ?? AnswerDisplay.withUnit(number, unit.en))
        }
    }
}
