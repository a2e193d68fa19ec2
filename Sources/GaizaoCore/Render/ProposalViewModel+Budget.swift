/// Budget and subsidies, expected results, risks, next steps, assumptions and the answers appendix.
extension ViewModelBuilder {
    func budget() -> ViewNode {
        let costRows: [ViewNode] = modules(where: { $0.status.isSelected }).map { i in
            let m = p.modules[i]
            return ["name": .v(l(m.name)), "statusLabel": .v(statusLabel(m.status)), "cost": .v(f.money(m.cost)), "duration": .v(f.duration(m.durationWeeks))]
        }
        let subsidies: [ViewNode] = p.subsidies.map { sub in
            let fixed = sub.kind == "fixed"
            let pending = sub.tier == "conditional"
            let statusKey = pending ? (sub.applied ? "pendingApplied" : "pendingNotApplied")
                : !sub.eligible ? "notEligible" : sub.applied ? "eligibleApplied" : "eligibleNotApplied"
            return [
                "name": .v(l(sub.name)),
                "kindLabel": .v(fixed ? s["fixedReward"] : f.percent(sub.ratePercent)),
                "rate": .v(fixed ? s["fixedReward"] : f.percent(sub.ratePercent)),
                "base": .v(fixed ? s["dash"] : f.money(sub.base)),
                "cap": .v(fixed ? s["dash"] : sub.capYuan.map { f.money($0) } ?? s["none"]),
                "hasMinInvestment": .v(sub.minInvestmentYuan > 0),
                "minInvestment": .v(f.money(sub.minInvestmentYuan)),
                "amount": .v(f.money(sub.amount)),
                "condition": .v(l(sub.condition)),
                "source": .v(l(sub.source)),
                "statusLabel": .v(s[statusKey]),
                "tierLabel": .v(tierLabel(sub.tier)),
                "statusClass": .v(pending ? "eligible" : !sub.eligible ? "ineligible" : sub.applied ? "applied" : "eligible"),
                "applied": .v(sub.applied),
                // The reason repeats the condition when the scheme is counted; show it only when it explains more.
                "hasNote": .v(!sub.applied || pending),
                "note": .v(l(sub.reason)),
                "unconfirmed": .v(!sub.confirmed),
            ]
        }
        return [
            "costRows": .v(costRows),
            "totalCost": .v(f.money(p.totals.investment)),
            "subsidies": .v(subsidies),
            "subsidyTotal": .v(f.money(p.totals.subsidy.range)),
            "netCost": .v(f.money(p.totals.netCost)),
            "stacking": .v(l(p.stackingAssumption)),
            "hasBudgetLimit": .v(p.budgetYuan != nil),
            "budgetNote": .v(p.budgetYuan.map { s.format("budgetLimitFmt", ["budget": f.money($0)]) } ?? ""),
        ]
    }

    func kpis() -> ViewNode {
        let rows: [ViewNode] = p.kpis.map { k in
            let estimate = k.source == "estimate"
            return [
                "module": .v(moduleName(k.module)),
                "metric": .v(l(k.name)),
                "change": .v(f.change(low: k.low, high: k.high, unit: l(k.unit))),
                "source": .v(estimate ? s["estimate"] : u(k.source)),
                "isEstimate": .v(estimate),
            ]
        }
        let outcomes: [ViewNode] = p.outcomes.map { o in
            var expected = s["dash"]
            if let low = o.expectedLow, let high = o.expectedHigh { expected = f.change(low: low, high: high, unit: l(o.unit)) }
            return ["metric": .v(l(o.name)), "baseline": .v(o.baselineDisplay.map(l) ?? o.baseline.map(u) ?? s["notRecorded"]), "expected": .v(expected)]
        }
        return ["rows": .v(rows), "hasRows": .v(!rows.isEmpty), "outcomes": .v(outcomes), "hasOutcomes": .v(!outcomes.isEmpty)]
    }

    func risks() -> ViewNode {
        let items: [ViewNode] = p.risks.map { r in
            ["text": .v(l(r.text)), "rule": .v(r.rule.map { s.format("ruleFmt", ["rule": u($0)]) } ?? ""), "hasRule": .v(r.rule != nil)]
        }
        var prerequisites: [String] = [s["prereqLead"], s["prereqData"]]
        if p.modules.contains(where: { $0.status == .upgrade }) { prerequisites.append(s["prereqUpgrade"]) }
        prerequisites.append(s["prereqSite"])
        for i in scheduledModules() {
            let dependents = p.modules[i].requiredBy.filter(isSelected)
            guard !dependents.isEmpty else { continue }
            prerequisites.append(s.format("dependencyFmt", ["module": l(p.modules[i].name), "dependents": joined(dependents.map(moduleName))]))
        }
        return ["items": .v(items), "hasItems": .v(!items.isEmpty), "prerequisites": .v(prerequisites.map { ["text": .v($0)] as ViewNode })]
    }

    func nextSteps() -> [ViewNode] {
        var keys = ["nextReview", "nextContract", "nextApply"]
        if p.subsidies.contains(where: { $0.kind == "fixed" && $0.eligible }) { keys.append("nextSample") }
        keys += ["nextImplement", "nextAcceptance", "nextPayment"]
        return keys.enumerated().map { i, key in ["number": .v(String(i + 1)), "text": .v(s[key])] }
    }

    func assumptions() -> [ViewNode] { p.assumptions.map { ["text": .v(l($0))] } }

    func answers() -> [ViewNode] {
        p.answers.map { a in ["question": .v(l(a.label)), "answer": .v(l(a.display))] }
    }
}
