/// The cost model as the planner uses it: a module's price for this enterprise and the package's yearly fees.
extension Planner {
    /// The module's price from the cost model (an overlay's own `cost_model` entry first), with the price parts
    /// the enterprise's answers do not rule out; nil when the module has no entry or its driver is unanswered, so
    /// the size-band cost applies. The package searches read this price through each decision's cost.
    func price(of moduleID: String, override: ModuleOverride?, answers: SlotAnswers) -> (oneOff: CostRange, upgradePercent: Int?)? {
        guard let parts = prepared.costPartWhens(for: answers) else {
            return catalog.costModel.oneOffPrice(of: moduleID, override: override?.costModel) { answers[$0] }
        }
        return catalog.costModel.oneOffPrice(of: moduleID, override: override?.costModel, answer: { answers[$0] },
                                             partTruth: { parts[$0][$1].evaluate(answers.values) })
    }

    /// The selected modules' yearly fees (subscriptions, maintenance): not investment, shown apart.
    func yearlyFees(_ decisions: [ModuleDecision], overlay: Overlay?, answers: SlotAnswers) -> CostRange {
        var total = CostRange.zero
        for d in decisions where d.status.isSelected {
            let override = overlay?.modules[d.moduleID]
            guard let fee = override?.costModel?.yearly ?? catalog.costModel.yearlyFee(d.moduleID) else { continue }
            total.low += fee.low
            total.high += fee.high
        }
        return total
    }
}
