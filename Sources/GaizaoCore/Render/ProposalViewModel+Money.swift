/// The money of the implementation plan: subsidy tiers and effective rate, benefits, funding, yearly fees.
extension ViewModelBuilder {
    /// Why a net cost is lower at the high estimate, where it is: a subsidy with a minimum investment that only
    /// the high estimate reaches. Empty otherwise.
    func netCostNote(_ net: Proposal.YuanRange) -> String {
        net.lowYuan > net.highYuan ? strings["netCostReversedNote"] : ""
    }

    func tierLabel(_ tier: String?) -> String {
        switch tier {
        case "certain": return strings["tierCertain"]
        case "conditional": return strings["tierConditional"]
        case "one_off": return strings["tierOneOff"]
        default: return strings["tierNone"]
        }
    }

    /// Subsidy tiers, effective rate, yearly fees and the benefit headline (root key `money`).
    func money() -> ViewNode {
        let t = proposal.totals
        let sub = t.subsidy
        // The increment can be larger at the low end (the cap bites at the high end): shown smallest first.
        let increment = sub.conditional ?? .init(lowYuan: 0, highYuan: 0)
        let conditional = Proposal.YuanRange(lowYuan: min(increment.lowYuan, increment.highYuan), highYuan: max(increment.lowYuan, increment.highYuan))
        let oneOff = sub.oneOff ?? .init(lowYuan: 0, highYuan: 0)
        let conditionalSchemes = proposal.subsidies.filter { $0.tier == "conditional" && $0.applied }
        let conditionalNames = conditionalSchemes.map { localized($0.name) }
        // A pending scheme that would replace a counted one (no stacking) adds less than its own amount: both are
        // said, so the owner does not add the scheme's amount to the counted subsidy.
        let full = Proposal.YuanRange(lowYuan: conditionalSchemes.reduce(0) { $0 + $1.amount.lowYuan },
                                      highYuan: conditionalSchemes.reduce(0) { $0 + $1.amount.highYuan })
        let replaces = sub.highYuan > 0 && (full.lowYuan != conditional.lowYuan || full.highYuan != conditional.highYuan)
        let oneOffNames = proposal.subsidies.filter { $0.tier == "one_off" && $0.applied }.map { localized($0.name) }
        // A rate is worth a word only when there is a certain subsidy; "caps applied" only when a cap bit: a
        // scheme's amount reached its cap, or the certain total reached the investment.
        let rate = sub.highYuan > 0 ? sub.effectiveRatePercent : nil
        let capped = proposal.subsidies.contains { e in
            guard e.applied, e.tier == "certain", let cap = e.capYuan else { return false }
            return e.amount.highYuan >= cap
        } || (sub.highYuan > 0 && sub.highYuan >= t.investment.highYuan)
        let fees = t.yearlyFees ?? .init(lowYuan: 0, highYuan: 0)
        let b = proposal.benefits
        return [
            "subsidyCertain": .from(format.money(sub.range)),
            "hasConditional": .from(conditional.highYuan > 0),
            "conditional": .from(format.money(conditional)),
            "conditionalNote": .from(strings.format(replaces ? "conditionalReplacesFmt" : "conditionalFmt",
                                                    ["amount": format.money(conditional), "schemes": joined(conditionalNames), "full": format.money(full)])),
            "hasOneOff": .from(oneOff.highYuan > 0),
            "oneOff": .from(format.money(oneOff)),
            "oneOffNote": .from(strings.format("oneOffFmt", ["schemes": joined(oneOffNames), "amount": format.money(oneOff)])),
            "hasRate": .from(rate != nil),
            "effectiveRate": .from(rate.map { strings.format(capped ? "effectiveRateCappedFmt" : "effectiveRateFmt", ["low": format.percent($0.low), "high": format.percent($0.high)]) } ?? ""),
            "hasYearlyFees": .from(fees.highYuan > 0),
            "yearlyFees": .from(format.money(fees)),
            "hasBenefits": .from((b?.annualSaving.highYuan ?? 0) > 0),
            "annualSaving": .from(b.map { format.money($0.annualSaving) } ?? ""),
            "payback": .from(b.map { payback($0.paybackYears) } ?? ""),
            "roi": .from(b.map { roi($0.roi3YearPercent) } ?? ""),
        ]
    }

    func payback(_ r: Proposal.OptionalRange?) -> String {
        guard let r, let low = r.low else { return strings["notRecovered"] }
        guard let high = r.high else { return strings.format("yearsOpenFmt", ["a": DecimalText.format(low, digits: 1)]) }
        return strings.format("yearsFmt", ["a": DecimalText.format(low, digits: 1), "b": DecimalText.format(high, digits: 1)])
    }

    func roi(_ r: Proposal.OptionalRange?) -> String {
        guard let r, let low = r.low, let high = r.high else { return strings["dash"] }
        return format.percent(low) + strings["rangeSeparator"] + format.percent(high)
    }

    func benefitsSection() -> ViewNode {
        // Why no benefit is priced: the modules' KPIs lack baselines, or there is no module to price at all.
        let noRowsNote = strings[hasModules ? "noBenefits" : isEmptyPackage ? "noBenefitsEmpty" : "noBenefitsNoModules"]
        guard let b = proposal.benefits else {
            return ["hasRows": .from(false), "hasModules": .from(hasModules), "noRowsNote": .from(noRowsNote), "notMonetised": .from([ViewNode]()), "hasNotMonetised": .from(false)]
        }
        let rows: [ViewNode] = b.modules.map { m in
            ["module": .from(moduleName(m.module)), "saving": .from(format.money(m.annualSaving)),
             "basis": .from(joined(m.lines.map { localized($0.basis) }))]
        }
        let net = Proposal.YuanRange(lowYuan: b.annualSaving.lowYuan - b.yearlyFees.highYuan, highYuan: b.annualSaving.highYuan - b.yearlyFees.lowYuan)
        return [
            "rows": .from(rows),
            "hasRows": .from(!rows.isEmpty),
            "hasModules": .from(hasModules),
            "noRowsNote": .from(noRowsNote),
            "overlapNote": .from(benefitOverlapNote(b)),
            "total": .from(format.money(b.annualSaving)),
            "fees": .from(format.money(b.yearlyFees)),
            "net": .from(format.money(net)),
            "payback": .from(payback(b.paybackYears)),
            "roi": .from(roi(b.roi3YearPercent)),
            "inputs": .from(b.inputs.map { ["name": .from(localized($0.name)), "value": .from(localized($0.value))] as ViewNode }),
            "notMonetised": .from(b.notMonetised.map { ["text": .from(localized($0))] as ViewNode }),
            "hasNotMonetised": .from(!b.notMonetised.isEmpty),
        ]
    }

    /// The total counts each metric once, at its largest module figure, so it is less than the rows' sum when
    /// modules improve the same metric: the note names the modules not counted in full (empty when none is).
    func benefitOverlapNote(_ b: Proposal.Benefits) -> String {
        let lines = b.modules.flatMap { m in m.lines.map { (module: m.module, line: $0) } }
        var bestLow: [String: Int] = [:], bestHigh: [String: Int] = [:]
        for (_, l) in lines {
            bestLow[l.metric] = max(bestLow[l.metric] ?? 0, l.annualSaving.lowYuan)
            bestHigh[l.metric] = max(bestHigh[l.metric] ?? 0, l.annualSaving.highYuan)
        }
        // Each metric's largest figure is counted once, for the first line that has it.
        var countedLow: Set<String> = [], countedHigh: Set<String> = [], partial: [String] = []
        for (module, l) in lines {
            let low = l.annualSaving.lowYuan == bestLow[l.metric] && countedLow.insert(l.metric).inserted
            let high = l.annualSaving.highYuan == bestHigh[l.metric] && countedHigh.insert(l.metric).inserted
            let inFull = (low || l.annualSaving.lowYuan == 0) && (high || l.annualSaving.highYuan == 0)
            if !inFull && !partial.contains(module) { partial.append(module) }
        }
        guard !partial.isEmpty else { return "" }
        return strings.format("benefitOverlapFmt", ["modules": joined(partial.map(moduleName))])
    }

    func funding() -> ViewNode {
        let t = proposal.totals
        let increment = t.subsidy.conditional ?? .init(lowYuan: 0, highYuan: 0)
        let conditional = Proposal.YuanRange(lowYuan: min(increment.lowYuan, increment.highYuan), highYuan: max(increment.lowYuan, increment.highYuan))
        var rows: [ViewNode] = [
            ["source": .from(strings["fundOwn"]), "amount": .from(format.money(t.netCost) + netCostNote(t.netCost)), "note": .from(strings["fundOwnNote"])],
            ["source": .from(strings["fundSubsidy"]), "amount": .from(format.money(t.subsidy.range)), "note": .from(strings["fundSubsidyNote"])],
        ]
        if conditional.highYuan > 0 {
            rows.append(["source": .from(strings["fundConditional"]), "amount": .from(format.money(conditional)), "note": .from(strings["fundConditionalNote"])])
        }
        rows.append(["source": .from(strings["fundCredit"]), "amount": .from(strings["dash"]), "note": .from(strings["fundCreditNote"])])
        rows.append(["source": .from(strings["fundYongjintong"]), "amount": .from(strings["dash"]), "note": .from(strings["fundYongjintongNote"])])
        return [
            // A funding plan (own funds, subsidy, bank credit) only for a package with modules that costs something;
            // else one sentence: nothing to fund, or measures paid by the enterprise itself.
            "hasFundingPlan": .from(hasModules && t.investment.highYuan > 0),
            "nothingNote": .from(t.investment.highYuan > 0
                ? strings.format("fundingMeasuresOnlyFmt", ["amount": format.money(t.investment)]) : strings["fundingNothing"]),
            "rows": .from(rows),
            // With no certain subsidy nothing comes back: "of which 0 万元 comes back" is no sentence.
            "bridge": .from(strings.format(t.subsidy.range.highYuan > 0 ? "fundBridgeFmt" : "fundBridgeNoSubsidyFmt",
                                           ["amount": format.money(t.investment), "subsidy": format.money(t.subsidy.range)])),
        ]
    }

    func operations() -> ViewNode {
        var rows: [ViewNode] = selectedModules().map { i in
            let m = proposal.modules[i]
            // The fee's own basis, not the one-off price's formula (`costBasis`): cost-model fees are a flat
            // yearly range per module, whatever the enterprise's size.
            let hasFee = (m.yearlyFee?.highYuan ?? 0) > 0
            return ["name": .from(localized(m.name)), "fee": .from(m.yearlyFee.map { format.money($0) } ?? strings["dash"]),
                    "basis": .from(hasFee ? strings["yearlyFeeBasis"] : strings["dash"])]
        }
        // The package's measures that cost something every year (a digital post's pay): in the yearly total too.
        for m in proposal.measures ?? [] where m.status == .include {
            guard let cost = m.yearlyCost, cost.highYuan > 0 else { continue }
            rows.append(["name": .from(localized(m.name)), "fee": .from(format.money(cost)), "basis": .from(strings["yearlyMeasureBasis"])])
        }
        let fees = proposal.totals.yearlyFees ?? .init(lowYuan: 0, highYuan: 0)
        // No module, no new system to run: the duties of operating one would describe a project that is not there.
        return ["rows": .from(rows), "hasRows": .from(!rows.isEmpty), "nothingNote": .from(strings["operationsNothing"]),
                "total": .from(format.money(fees)), "hasFees": .from(fees.highYuan > 0)]
    }
}
