/// The proposal's money beyond the cost table: subsidy tiers (and, in the files beside this one, benefits and
/// the evidence checklist).
extension ProposalBuilder {
    /// Sets each module's yearly fee and how its cost was derived (the cost model); returns the selected modules'
    /// yearly fees and which of them are priced by the enterprise's size band (no cost-model price for them).
    func addCosts(_ modules: inout [Proposal.ModuleEntry], overlay: Overlay?, answers: SlotAnswers) -> (fees: CostRange, bandPriced: [Int]) {
        let model = catalog.costModel
        var total = CostRange.zero
        var bandPriced: [Int] = []
        let partWhens = prepared.costPartWhens(for: answers)
        /// Prices module entry `i` by `entry`, the catalog's entry at `position` or a contractor's own (nil).
        func addCost(_ i: Int, _ entry: CostModel.Entry, position: Int?, contractorPriced: Bool) {
            // Each module priced once: its basis and parts, and whether the size band priced it instead.
            let price: CostModel.Price?
            if contractorPriced {
                price = nil
            } else if let position, let partWhens {
                price = model.price(entry, answer: { answers[$0] }, partTruth: { partWhens[position][$0].evaluate(answers.values) })
            } else {
                price = model.price(entry, answer: { answers[$0] })
            }
            if modules[i].status.isSelected, !contractorPriced, price == nil { bandPriced.append(i) }
            modules[i].yearlyFee = yuan(entry.yearly)
            if contractorPriced {
                modules[i].costBasis = Localized(zh: "总包商报价（按规模档）", en: "the contractor's price (by size band)")
            } else if let price {
                modules[i].costBasis = price.basis
                if !price.parts.isEmpty {
                    modules[i].costParts = price.parts.map {
                        .init(name: $0.name, cost: yuan($0.cost), unanswered: $0.unanswered ? true : nil)
                    }
                }
            } else if let d = entry.driverID.flatMap(model.driver) {
                modules[i].costBasis = Localized(zh: "按规模档估算（未填写“\(d.name.zh)”）", en: "estimated by size band (\(d.name.en) not answered)")
            }
            if modules[i].status.isSelected {
                total.low += entry.yearly.low
                total.high += entry.yearly.high
            }
        }
        for i in modules.indices {
            let override = overlay?.modules[modules[i].id]
            let contractorPriced = override?.cost != nil
            // The entry is read where it stands: a copy retains all its texts.
            if let own = override?.costModel {
                addCost(i, own, position: nil, contractorPriced: contractorPriced)
            } else if let position = model.entryPosition(modules[i].id) {
                addCost(i, model.entries[position], position: position, contractorPriced: contractorPriced)
            } else if modules[i].status.isSelected, !contractorPriced {
                bandPriced.append(i)
            }
        }
        return (total, bandPriced)
    }

    /// What the proposal assumes of its prices: the size band only for the modules priced by it (the others
    /// follow the cost model's drivers, or a contractor's prices), and each upgrade's share of a new build as the
    /// package priced it.
    func pricingAssumptions(_ modules: [Proposal.ModuleEntry], bandPriced: [Int], band: Localized) -> [Localized] {
        let selected = modules.filter { $0.status.isSelected }
        var out: [Localized] = []
        if !selected.isEmpty && bandPriced.count == selected.count {
            out.append(Localized(zh: "费用为按企业规模档（\(band.zh)）的估算区间，以合同和验收核定投入为准。",
                                 en: "Costs are estimate ranges for the enterprise's size band (\(band.en)); the contract and the verified investment decide."))
        } else if bandPriced.isEmpty {
            out.append(Localized(zh: "费用为估算区间：模块按成本模型随企业规模（设备、用户等数量）计价，计价依据见各模块；以合同和验收核定投入为准。",
                                 en: "Costs are estimate ranges: modules are priced by the cost model for the enterprise's size (its machines, users and the like), each with its basis; the contract and the verified investment decide."))
        } else {
            let names = bandPriced.map { modules[$0].name }
            out.append(Localized(zh: "费用为估算区间：模块按成本模型随企业规模（设备、用户等数量）计价，其中\(names.map(\.zh).joined(separator: "、"))按企业规模档（\(band.zh)）估算；以合同和验收核定投入为准。",
                                 en: "Costs are estimate ranges: modules are priced by the cost model for the enterprise's size (its machines, users and the like), \(names.map(\.en).joined(separator: "; ")) by its size band (\(band.en)); the contract and the verified investment decide."))
        }
        // The share an upgrade was priced at: its cost against the new build's (the module's own `upgrade_percent`
        // or the catalog's default, as the planner applied it).
        let upgrades: [(name: Localized, percent: Int)] = selected.compactMap { m in
            guard m.status == .upgrade, m.referenceCost.highYuan > 0 else { return nil }
            return (m.name, Int((Double(m.cost.highYuan) * 100 / Double(m.referenceCost.highYuan)).rounded()))
        }
        let percents = Set(upgrades.map(\.percent))
        if upgrades.isEmpty {
            out.append(Localized(zh: "升级现有系统按新建费用的 \(catalog.manifest.upgradeCostPercent)% 估算（成本模型另有规定的模块除外）。",
                                 en: "Upgrading an existing system is estimated at \(catalog.manifest.upgradeCostPercent)% of a new build (unless the cost model sets a module's own share)."))
        } else if percents.count == 1, let p = percents.first {
            out.append(Localized(zh: "升级现有系统按新建费用的 \(p)% 估算。", en: "Upgrading an existing system is estimated at \(p)% of a new build."))
        } else {
            out.append(Localized(zh: "升级现有系统按新建费用的一定比例估算：" + upgrades.map { "\($0.name.zh) \($0.percent)%" }.joined(separator: "、") + "。",
                                 en: "Upgrading an existing system is estimated as a share of a new build: " + upgrades.map { "\($0.name.en) \($0.percent)%" }.joined(separator: "; ") + "."))
        }
        return out
    }

    func subsidyTotals(_ plan: Plan) -> Proposal.SubsidyTotals {
        func range(_ c: CostRange) -> Proposal.YuanRange { .init(lowYuan: c.low, highYuan: c.high) }
        func rate(_ part: Int, _ whole: Int) -> Double { whole > 0 ? (Double(part) * 1000 / Double(whole)).rounded() / 10 : 0 }
        let certain = plan.subsidyTotal
        return Proposal.SubsidyTotals(
            lowYuan: certain.low, highYuan: certain.high, certain: range(certain), conditional: range(plan.subsidyConditional),
            oneOff: range(plan.subsidyOneOff),
            effectiveRatePercent: .init(low: rate(certain.low, plan.investment.low), high: rate(certain.high, plan.investment.high)))
    }
}
