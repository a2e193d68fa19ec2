import Foundation

/// The rows of a comparison: summary, module and scene matrices, and the differences in assumptions.
extension ProposalComparator {
    static func summaryRow(_ label: String, _ p: Proposal) -> ProposalComparison.SummaryRow {
        let gained = p.after.points - p.diagnosis.points
        let net = CostRange(low: p.totals.netCost.lowYuan, high: p.totals.netCost.highYuan)
        // Points are exact to the thousandth: anything smaller is rounding noise, not a gain.
        // A huge net cost over a tiny gain has no exact yuan figure: no ratio is shown rather than a trap.
        func perPointYuan(_ yuan: Int) -> Int? {
            let ratio = (Double(yuan) / gained).rounded()
            return ratio.isFinite && abs(ratio) < 1e15 ? Int(ratio) : nil
        }
        let perPoint = gained > 0.0005 && gained.isFinite
            ? perPointYuan(net.low).flatMap { low in perPointYuan(net.high).map { CostRange(low: low, high: $0) } } : nil
        let levelsGained = p.after.level - p.diagnosis.level
        func perLevelYuan(_ yuan: Int) -> Int { Int((Double(yuan) / Double(levelsGained)).rounded()) }
        let perLevel = levelsGained > 0 ? CostRange(low: perLevelYuan(net.low), high: perLevelYuan(net.high)) : nil
        func ordered(_ r: Proposal.YuanRange?) -> CostRange {
            // The conditional increment can be larger at the low end (a cap bites at the high end): smallest first.
            guard let r else { return .zero }
            return CostRange(low: min(r.lowYuan, r.highYuan), high: max(r.lowYuan, r.highYuan))
        }
        let included = (p.measures ?? []).filter { $0.status == .include }
        func total(_ ranges: [Proposal.YuanRange]) -> CostRange {
            ranges.reduce(CostRange.zero) { CostRange(low: $0.low + $1.lowYuan, high: $0.high + $1.highYuan) }
        }
        var row = ProposalComparison.SummaryRow(label: label, levelNow: p.diagnosis.level, levelAfter: p.after.level, pointsNow: p.diagnosis.points,
                     pointsAfter: p.after.points, modules: p.totals.selectedModules,
                     standardModules: p.modules.filter { $0.kind == "standard" && $0.status.isSelected }.count,
                     measures: included.count, moduleCost: total(p.modules.filter(\.status.isSelected).map(\.cost)),
                     measureCost: total(included.map(\.cost)),
                     investment: CostRange(low: p.totals.investment.lowYuan, high: p.totals.investment.highYuan),
                     subsidy: CostRange(low: p.totals.subsidy.lowYuan, high: p.totals.subsidy.highYuan),
                     netCost: net, weeks: p.totals.durationWeeks, netCostPerPointYuan: perPoint?.high, netCostPerPoint: perPoint)
        if let fees = p.totals.yearlyFees ?? p.benefits?.yearlyFees {
            row.yearlyFees = CostRange(low: fees.lowYuan, high: fees.highYuan)
            row.threeYearCost = threeYearCost(net: net, fees: row.yearlyFees!)
        }
        row.subsidyConditional = ordered(p.totals.subsidy.conditional)
        row.subsidyOneOff = ordered(p.totals.subsidy.oneOff)
        row.levelsGained = levelsGained
        row.netCostPerLevel = perLevel
        return row
    }

    /// Per proposal: the modules it chooses that another proposal chooses too with other products (order aside):
    /// the same module id then buys a different scope in the two totals. A module only one proposal chooses is a
    /// difference in decisions (the module matrix), not in scope. Only the listed products are compared; nothing
    /// is inferred about scope. Each with its products, and which of them some other proposal choosing it lacks.
    static func productDifferences(_ ordered: [Proposal]) -> [[ProposalComparison.ProductDifference]] {
        ordered.indices.map { i in
            ordered[i].modules.filter(\.status.isSelected).compactMap { m in
                let others = ordered.indices.filter { $0 != i }.compactMap { j in
                    ordered[j].modules.first(where: { $0.id == m.id && $0.status.isSelected })?.products
                }
                guard others.contains(where: { Set($0) != Set(m.products) }) else { return nil }
                return .init(moduleID: m.id, products: m.products, differing: differingProducts(m.products, others: others))
            }
        }
    }

    /// The products of `mine` that at least one of `others` does not list, in `mine`'s order.
    static func differingProducts(_ mine: [Localized], others: [[Localized]]) -> [Localized] {
        let otherSets = others.map(Set.init)
        return mine.filter { product in otherSets.contains { !$0.contains(product) } }
    }

    /// Every module of any column, in the first proposal's order (then those only later proposals list).
    static func moduleOrder(_ ordered: [Proposal]) -> [Proposal.ModuleEntry] {
        var seen: Set<String> = []
        var out: [Proposal.ModuleEntry] = []
        for p in ordered { for m in p.modules where seen.insert(m.id).inserted { out.append(m) } }
        return out
    }

    static func moduleRows(_ ordered: [Proposal]) -> [ProposalComparison.ModuleRow] {
        moduleOrder(ordered).map { info in
            let cells = ordered.map { p -> ProposalComparison.ModuleCell? in
                guard let m = p.modules.first(where: { $0.id == info.id }) else { return nil }
                return .init(status: m.status, reasons: m.reasons, cost: CostRange(low: m.cost.lowYuan, high: m.cost.highYuan),
                             weeks: m.durationWeeks, products: m.products)
            }
            return .init(moduleID: info.id, name: info.name, kind: info.kind, cells: cells,
                         differs: Set(cells.map { $0?.status.rawValue ?? "-" }).count > 1)
        }
    }

    static func measureRows(_ ordered: [Proposal]) -> [ProposalComparison.MeasureRow] {
        var seen: Set<String> = []
        var order: [Proposal.MeasureEntry] = []
        for p in ordered { for m in p.measures ?? [] where seen.insert(m.id).inserted { order.append(m) } }
        return order.map { info in
            let cells = ordered.map { p -> ProposalComparison.MeasureCell? in
                guard let m = p.measures?.first(where: { $0.id == info.id }) else { return nil }
                return .init(status: m.status, cost: CostRange(low: m.cost.lowYuan, high: m.cost.highYuan), weeks: m.durationWeeks, reasons: m.reasons)
            }
            return .init(measureID: info.id, name: info.name, cells: cells, differs: Set(cells.map { $0?.status.rawValue ?? "-" }).count > 1)
        }
    }

    static func sceneRows(_ ordered: [Proposal], mode: ProposalComparison.Mode) -> [ProposalComparison.SceneRow] {
        ordered[0].diagnosis.scenes.map { s in
            let now = ordered.map { p in p.diagnosis.scenes.first { $0.id == s.id }?.level ?? 0 }
            let after = ordered.map { p in p.after.scenes.first { $0.id == s.id }?.level ?? 0 }
            return .init(sceneID: s.id, group: s.group, name: s.name, mandatory: s.mandatory, now: now, after: after,
                         mandatoryBelowTwo: after.map { s.mandatory && $0 < 2 },
                         differs: Set(after).count > 1 || (mode == .beforeAfter && Set(now).count > 1))
        }
    }

    /// Net cost + 3 × yearly fees, end by end; nil when a sum does not fit (a forged file's huge figures).
    static func threeYearCost(net: CostRange, fees: CostRange) -> CostRange? {
        func end(_ n: Int, _ f: Int) -> Int? {
            let (triple, o1) = f.multipliedReportingOverflow(by: 3)
            let (sum, o2) = n.addingReportingOverflow(triple)
            return o1 || o2 ? nil : sum
        }
        guard let low = end(net.low, fees.low), let high = end(net.high, fees.high) else { return nil }
        return CostRange(low: low, high: high)
    }

    /// The questions the proposals answer differently, formatting aside (`answerKey`), in the first proposal's
    /// order; each marked when a subsidy scheme of some proposal rests on it.
    static func answerDifferences(_ ordered: [Proposal]) -> [ProposalComparison.AnswerDifference] {
        var order: [String] = []
        var labels: [String: Localized] = [:]
        for p in ordered { for a in p.answers where labels[a.question] == nil { order.append(a.question); labels[a.question] = a.label } }
        let subsidyQuestions = Set(ordered.flatMap { $0.subsidies.flatMap(\.questions) })
        return order.compactMap { q in
            let values = ordered.map { p in p.answers.first { $0.question == q } }
            guard Set(values.map { $0.map { answerKey($0.value) } ?? "∅" }).count > 1 else { return nil }
            return .init(questionID: q, label: labels[q]!, values: values.map { $0?.display }, subsidyQuestion: subsidyQuestions.contains(q))
        }
    }

    /// An answer as the comparison weighs it, its formatting aside: a text without the white space around it,
    /// runs of white space as one space and full-width forms as their plain ones (Unicode NFKC), so `电风扇，取暖器 `
    /// is `电风扇,取暖器`; a text that spells a number (`"3"`) as that number; a multiple choice as a set (order and
    /// repeats aside). Anything else (another option, another number, yes against no) is another answer.
    static func answerKey(_ value: AnswerJSON) -> String {
        func text(_ s: String) -> String {
            s.precomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        switch value {
        case let .number(n): return "n:\(n)"
        case let .bool(b): return "b:\(b)"
        case let .string(s):
            let t = text(s)
            if let n = Double(t), n.isFinite { return "n:\(n)" }
            return "s:" + t
        case let .list(items): return "l:" + Set(items.map(text)).sorted().joined(separator: "\u{1F}")
        }
    }

    static func priceDifferences(_ ordered: [Proposal]) -> [ProposalComparison.PriceDifference] {
        moduleOrder(ordered).compactMap { info in
            let entries = ordered.map { p in p.modules.first { $0.id == info.id } }
            let costs = entries.map { $0.map { CostRange(low: $0.referenceCost.lowYuan, high: $0.referenceCost.highYuan) } }
            let weeks = entries.map { $0?.durationWeeks }
            let pricesDiffer = Set(costs.map { $0.map { "\($0.low)-\($0.high)" } ?? "-" }).count > 1
            let weeksDiffer = Set(weeks.map { $0.map(String.init) ?? "-" }).count > 1
            let products = entries.map { $0?.products ?? [] }
            let productsDiffer = Set(products).count > 1
            guard pricesDiffer || weeksDiffer || productsDiffer else { return nil }
            return .init(moduleID: info.id, name: info.name, costs: costs, weeks: weeks, products: products,
                         pricesDiffer: pricesDiffer, weeksDiffer: weeksDiffer, productsDiffer: productsDiffer)
        }
    }
}
