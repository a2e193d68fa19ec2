/// The money of the implementation plan: subsidy tiers and effective rate, benefits, funding, yearly fees.
extension ViewModelBuilder {
    func tierLabel(_ tier: String?) -> String {
        switch tier {
        case "certain": return s["tierCertain"]
        case "conditional": return s["tierConditional"]
        case "one_off": return s["tierOneOff"]
        default: return s["tierNone"]
        }
    }

    /// Subsidy tiers, effective rate, yearly fees and the benefit headline (root key `money`).
    func money() -> ViewNode {
        let t = p.totals
        let sub = t.subsidy
        // The increment can be larger at the low end (the cap bites at the high end): shown smallest first.
        let increment = sub.conditional ?? .init(lowYuan: 0, highYuan: 0)
        let conditional = Proposal.YuanRange(lowYuan: min(increment.lowYuan, increment.highYuan), highYuan: max(increment.lowYuan, increment.highYuan))
        let oneOff = sub.oneOff ?? .init(lowYuan: 0, highYuan: 0)
        let conditionalNames = p.subsidies.filter { $0.tier == "conditional" && $0.applied }.map { l($0.name) }
        let oneOffNames = p.subsidies.filter { $0.tier == "one_off" && $0.applied }.map { l($0.name) }
        // A rate is worth a word only when there is a certain subsidy; "caps applied" only when a cap bit: a
        // scheme's amount reached its cap, or the certain total reached the investment.
        let rate = sub.highYuan > 0 ? sub.effectiveRatePercent : nil
        let capped = p.subsidies.contains { e in
            guard e.applied, e.tier == "certain", let cap = e.capYuan else { return false }
            return e.amount.highYuan >= cap
        } || (sub.highYuan > 0 && sub.highYuan >= t.investment.highYuan)
        let fees = t.yearlyFees ?? .init(lowYuan: 0, highYuan: 0)
        let b = p.benefits
        return [
            "subsidyCertain": .v(f.money(sub.range)),
            "hasConditional": .v(conditional.highYuan > 0),
            "conditional": .v(f.money(conditional)),
            "conditionalNote": .v(s.format("conditionalFmt", ["amount": f.money(conditional), "schemes": joined(conditionalNames)])),
            "hasOneOff": .v(oneOff.highYuan > 0),
            "oneOff": .v(f.money(oneOff)),
            "oneOffNote": .v(s.format("oneOffFmt", ["schemes": joined(oneOffNames), "amount": f.money(oneOff)])),
            "hasRate": .v(rate != nil),
            "effectiveRate": .v(rate.map { s.format(capped ? "effectiveRateCappedFmt" : "effectiveRateFmt", ["low": f.percent($0.low), "high": f.percent($0.high)]) } ?? ""),
            "hasYearlyFees": .v(fees.highYuan > 0),
            "yearlyFees": .v(f.money(fees)),
            "hasBenefits": .v((b?.annualSaving.highYuan ?? 0) > 0),
            "annualSaving": .v(b.map { f.money($0.annualSaving) } ?? ""),
            "payback": .v(b.map { payback($0.paybackYears) } ?? ""),
            "roi": .v(b.map { roi($0.roi3YearPercent) } ?? ""),
        ]
    }

    func payback(_ r: Proposal.OptionalRange?) -> String {
        guard let r, let low = r.low else { return s["notRecovered"] }
        guard let high = r.high else { return s.format("yearsOpenFmt", ["a": DecimalText.format(low, digits: 1)]) }
        return s.format("yearsFmt", ["a": DecimalText.format(low, digits: 1), "b": DecimalText.format(high, digits: 1)])
    }

    func roi(_ r: Proposal.OptionalRange?) -> String {
        guard let r, let low = r.low, let high = r.high else { return s["dash"] }
        return f.percent(low) + s["rangeSeparator"] + f.percent(high)
    }

    func benefitsSection() -> ViewNode {
        guard let b = p.benefits else { return ["hasRows": .v(false), "notMonetised": .v([ViewNode]()), "hasNotMonetised": .v(false)] }
        let rows: [ViewNode] = b.modules.map { m in
            ["module": .v(moduleName(m.module)), "saving": .v(f.money(m.annualSaving)),
             "basis": .v(joined(m.lines.map { l($0.basis) }))]
        }
        let net = Proposal.YuanRange(lowYuan: b.annualSaving.lowYuan - b.yearlyFees.highYuan, highYuan: b.annualSaving.highYuan - b.yearlyFees.lowYuan)
        return [
            "rows": .v(rows),
            "hasRows": .v(!rows.isEmpty),
            "total": .v(f.money(b.annualSaving)),
            "fees": .v(f.money(b.yearlyFees)),
            "net": .v(f.money(net)),
            "payback": .v(payback(b.paybackYears)),
            "roi": .v(roi(b.roi3YearPercent)),
            "inputs": .v(b.inputs.map { ["name": .v(l($0.name)), "value": .v(l($0.value))] as ViewNode }),
            "notMonetised": .v(b.notMonetised.map { ["text": .v(l($0))] as ViewNode }),
            "hasNotMonetised": .v(!b.notMonetised.isEmpty),
        ]
    }

    func funding() -> ViewNode {
        let t = p.totals
        let increment = t.subsidy.conditional ?? .init(lowYuan: 0, highYuan: 0)
        let conditional = Proposal.YuanRange(lowYuan: min(increment.lowYuan, increment.highYuan), highYuan: max(increment.lowYuan, increment.highYuan))
        var rows: [ViewNode] = [
            ["source": .v(s["fundOwn"]), "amount": .v(f.money(t.netCost)), "note": .v(s["fundOwnNote"])],
            ["source": .v(s["fundSubsidy"]), "amount": .v(f.money(t.subsidy.range)), "note": .v(s["fundSubsidyNote"])],
        ]
        if conditional.highYuan > 0 {
            rows.append(["source": .v(s["fundConditional"]), "amount": .v(f.money(conditional)), "note": .v(s["fundConditionalNote"])])
        }
        rows.append(["source": .v(s["fundCredit"]), "amount": .v(s["dash"]), "note": .v(s["fundCreditNote"])])
        rows.append(["source": .v(s["fundYongjintong"]), "amount": .v(s["dash"]), "note": .v(s["fundYongjintongNote"])])
        return [
            "rows": .v(rows),
            "bridge": .v(s.format("fundBridgeFmt", ["amount": f.money(t.investment), "subsidy": f.money(t.subsidy.range)])),
        ]
    }

    func operations() -> ViewNode {
        let rows: [ViewNode] = modules(where: { $0.status.isSelected }).map { i in
            let m = p.modules[i]
            return ["name": .v(l(m.name)), "fee": .v(m.yearlyFee.map { f.money($0) } ?? s["dash"]),
                    "basis": .v(m.costBasis.map(l) ?? s["dash"])]
        }
        let fees = p.totals.yearlyFees ?? .init(lowYuan: 0, highYuan: 0)
        return ["rows": .v(rows), "hasRows": .v(!rows.isEmpty), "total": .v(f.money(fees)), "hasFees": .v(fees.highYuan > 0)]
    }
}
