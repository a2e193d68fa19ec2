/// Benefits in money: yearly savings per module from its KPI changes and the enterprise's baselines
/// (benefits.yaml), payback and three-year ROI. Every figure is an estimate and lists its inputs.
extension ProposalBuilder {
    func benefits(plan: Plan, answers: SlotAnswers, yearlyFees: CostRange, netCost: CostRange) -> Proposal.Benefits? {
        let model = catalog.benefitModel
        guard !model.metrics.isEmpty else { return nil }
        func number(_ id: String) -> Double? {
            if case let .number(n)? = answers[id], n.isFinite, n >= 0 { return n }
            return nil
        }
        func coefficient(_ id: String) -> Double? { model.coefficient(id)?.value }
        var inputs: [Proposal.BenefitInput] = []
        var used = Set<String>()
        // `50%` as the rest of the proposal writes a percentage, `8.5 万元` with a space before any other unit.
        func withUnit(_ shown: String, _ unit: String) -> String { unit == "%" ? shown + unit : "\(shown) \(unit)" }
        func useAnswer(_ id: String, _ value: Double, unit: Localized) {
            guard used.insert(id).inserted, let q = questionnaire[id] else { return }
            let shown = formatNumber(value, maxFractionDigits: 2)
            inputs.append(.init(id: id, name: q.label, value: Localized(zh: withUnit(shown, unit.zh), en: Money.englishAmount(wan: value, unit: unit) ?? withUnit(shown, unit.en)),
                                source: id))
        }
        func useCoefficient(_ id: String) {
            guard used.insert(id).inserted, let c = model.coefficient(id) else { return }
            let shown = formatNumber(c.value, maxFractionDigits: 2)
            inputs.append(.init(id: id, name: c.name, value: Localized(zh: "\(withUnit(shown, c.unit.zh))（\(c.source.zh)）", en: "\(Money.englishAmount(wan: c.value, unit: c.unit) ?? withUnit(shown, c.unit.en)) (\(c.source.en))"),
                                source: "estimate"))
        }
        let wan = Localized(zh: "万元", en: "万元")
        /// A basis in yuan, recording its inputs; nil with the missing input's name when it cannot be computed.
        func basis(_ b: BenefitModel.Basis) -> (yuan: Double?, missing: Localized?) {
            switch b {
            case .energyCost:
                for id in model.energyCostQuestions { if let v = number(id) { useAnswer(id, v, unit: wan); return (v * 10_000, nil) } }
                let label = model.energyCostQuestions.lazy.compactMap { self.questionnaire[$0]?.label }.first
                return (nil, label ?? Localized(zh: "年能源费用", en: "yearly energy bill"))
            case .operatingCost, .materialCost:
                guard let revenue = number("annual_revenue") else { return (nil, questionnaire["annual_revenue"]?.label) }
                useAnswer("annual_revenue", revenue, unit: wan)
                var share: Double
                if let c = number("baseline_cost_per_revenue") {
                    share = c
                    useAnswer("baseline_cost_per_revenue", c, unit: Localized(zh: "元/百元", en: "CNY per 100 CNY"))
                } else {
                    share = coefficient("default_cost_share") ?? 0
                    useCoefficient("default_cost_share")
                }
                var yuan = revenue * 10_000 * share / 100
                if b == .materialCost {
                    yuan *= (coefficient("material_share") ?? 0) / 100
                    useCoefficient("material_share")
                }
                return (yuan, nil)
            case .labourCost:
                guard let employees = number("employees") else { return (nil, questionnaire["employees"]?.label) }
                useAnswer("employees", employees, unit: Localized(zh: "人", en: "people"))
                useCoefficient("worker_share")
                useCoefficient("wage")
                return (employees * (coefficient("worker_share") ?? 0) / 100 * (coefficient("wage") ?? 0) * 10_000, nil)
            }
        }
        let realisation = (coefficient("realisation") ?? 100) / 100
        if model.coefficient("realisation") != nil { useCoefficient("realisation") }
        var modules: [Proposal.ModuleBenefit] = []
        var bestLow: [String: Int] = [:], bestHigh: [String: Int] = [:]
        var notMonetised: [Localized] = []
        var noted = Set<String>()
        let moduleOrder = plan.decisions.filter(\.status.isSelected).map(\.moduleID)
        for moduleID in moduleOrder {
            var lines: [Proposal.BenefitLine] = []
            var sum = CostRange.zero
            for k in plan.kpis where k.moduleID == moduleID {
                let metric = catalog.manifest.metric(k.metric)
                guard let rule = model.rule(k.metric) else {
                    if noted.insert(k.metric).inserted, let metric {
                        let why = model.notPriced[k.metric] ?? Localized(zh: "未设折算规则", en: "no pricing rule")
                        notMonetised.append(Localized(zh: "\(metric.name.zh)：\(why.zh)", en: "\(metric.name.en): \(why.en)"))
                    }
                    continue
                }
                let (base, missing) = basis(rule.basis)
                guard let base else {
                    if noted.insert(k.metric).inserted, let metric {
                        let m = missing ?? .empty
                        notMonetised.append(Localized(zh: "\(metric.name.zh)：缺少基线“\(m.zh)”，未折算", en: "\(metric.name.en): no baseline (\(m.en)), not priced"))
                    }
                    continue
                }
                let improvements = rule.lowerIsBetter ? (-k.high, -k.low) : (k.low, k.high)
                func saving(_ improvement: Double) -> Int {
                    Money.yuan(clamping: max(0, improvement) / 100 * base * rule.sharePercent / 100 * realisation / 100) * 100
                }
                let range = CostRange(low: saving(improvements.0), high: saving(improvements.1))
                // "5–12%" but "0.5–1.5 个百分点": a per-cent sign takes no space.
                let rawUnit = metric?.unit ?? .empty
                let unit = Localized(zh: rawUnit.zh == "%" ? "%" : " " + rawUnit.zh, en: rawUnit.en == "%" ? "%" : " " + rawUnit.en)
                let basisName = Self.basisName(rule.basis)
                let change = "\(formatNumber(max(0, improvements.0)))–\(formatNumber(max(0, improvements.1)))"
                lines.append(.init(metric: k.metric, annualSaving: yuan(range), basis: Localized(
                    zh: "\(metric?.name.zh ?? k.metric)改善 \(change)\(unit.zh) × \(basisName.zh) \(Money.wan(Money.yuan(clamping: base))) 万元 × \(formatNumber(rule.sharePercent))% × 计入 \(formatNumber(realisation * 100))%",
                    en: "\(metric?.name.en ?? k.metric) improved by \(change)\(unit.en) × \(basisName.en) \(Money.cny(Money.yuan(clamping: base))) × \(formatNumber(rule.sharePercent))% × \(formatNumber(realisation * 100))% counted")))
                sum.low += range.low
                sum.high += range.high
                bestLow[k.metric] = max(bestLow[k.metric] ?? 0, range.low)
                bestHigh[k.metric] = max(bestHigh[k.metric] ?? 0, range.high)
            }
            if !lines.isEmpty { modules.append(.init(module: moduleID, annualSaving: yuan(sum), lines: lines)) }
        }
        let total = CostRange(low: bestLow.values.reduce(0, +), high: bestHigh.values.reduce(0, +))
        // Worst case: low saving, high fees, high cost; best case the other way round.
        let netWorst = total.low - yearlyFees.high, netBest = total.high - yearlyFees.low
        func years(_ cost: Int, _ net: Int) -> Double? { net > 0 ? (Double(cost) / Double(net) * 10).rounded() / 10 : nil }
        func roi(_ cost: Int, _ net: Int) -> Double? { cost > 0 ? ((Double(3 * net - cost) / Double(cost)) * 100).rounded() : nil }
        return Proposal.Benefits(
            estimate: true, modules: modules, annualSaving: yuan(total), yearlyFees: yuan(yearlyFees),
            paybackYears: .init(low: years(netCost.low, netBest), high: years(netCost.high, netWorst)),
            roi3YearPercent: .init(low: roi(netCost.high, netWorst), high: roi(netCost.low, netBest)),
            inputs: inputs, notMonetised: notMonetised)
    }

    static func basisName(_ b: BenefitModel.Basis) -> Localized {
        switch b {
        case .energyCost: return Localized(zh: "年能源费用", en: "yearly energy bill")
        case .operatingCost: return Localized(zh: "年营业成本", en: "yearly operating cost")
        case .materialCost: return Localized(zh: "年材料成本", en: "yearly material cost")
        case .labourCost: return Localized(zh: "年一线人工成本", en: "yearly shop-floor labour cost")
        }
    }
}
