/// The proposal's money beyond the cost table: subsidy tiers (and, in the files beside this one, benefits and
/// the evidence checklist).
extension ProposalBuilder {
    /// Sets each module's yearly fee and how its cost was derived (the cost model); returns the selected modules'
    /// yearly fees.
    func addCosts(_ modules: inout [Proposal.ModuleEntry], overlay: Overlay?, answers: SlotAnswers) -> CostRange {
        let model = catalog.costModel
        var total = CostRange.zero
        func number(_ id: String) -> Double? { if case let .number(n)? = answers[id] { return n } else { return nil } }
        for i in modules.indices {
            let override = overlay?.modules[modules[i].id]
            guard let entry = override?.costModel ?? model.entry(modules[i].id) else { continue }
            modules[i].yearlyFee = yuan(entry.yearly)
            if override?.cost != nil {
                modules[i].costBasis = Localized(zh: "总包商报价（按规模档）", en: "the contractor's price (by size band)")
            } else if let price = model.price(entry, number: number) {
                modules[i].costBasis = price.basis
            } else if let d = entry.driverID.flatMap(model.driver) {
                modules[i].costBasis = Localized(zh: "按规模档估算（未填写“\(d.name.zh)”）", en: "estimated by size band (\(d.name.en) not answered)")
            }
            if modules[i].status.isSelected {
                total.low += entry.yearly.low
                total.high += entry.yearly.high
            }
        }
        return total
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
