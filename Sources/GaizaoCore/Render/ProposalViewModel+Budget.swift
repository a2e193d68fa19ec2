/// Budget and subsidies, expected results, risks, next steps, assumptions and the answers appendix.
extension ViewModelBuilder {
    func budget() -> ViewNode {
        let costRows: [ViewNode] = p.modules.filter { $0.status.isSelected }.map { m in
            ["name": l(m.name), "statusLabel": statusLabel(m.status), "cost": f.money(m.cost), "duration": f.duration(m.durationWeeks)]
        }
        let subsidies: [ViewNode] = p.subsidies.map { sub in
            let fixed = sub.kind == "fixed"
            let statusKey = !sub.eligible ? "notEligible" : sub.applied ? "eligibleApplied" : "eligibleNotApplied"
            return [
                "name": l(sub.name),
                "kindLabel": fixed ? s["fixedReward"] : f.percent(sub.ratePercent),
                "rate": fixed ? s["fixedReward"] : f.percent(sub.ratePercent),
                "base": fixed ? s["dash"] : f.money(sub.base),
                "cap": fixed ? s["dash"] : sub.capYuan.map { f.money($0) } ?? s["none"],
                "hasMinInvestment": sub.minInvestmentYuan > 0,
                "minInvestment": f.money(sub.minInvestmentYuan),
                "amount": f.money(sub.amount),
                "condition": l(sub.condition),
                "source": l(sub.source),
                "statusLabel": s[statusKey],
                "statusClass": !sub.eligible ? "ineligible" : sub.applied ? "applied" : "eligible",
                "applied": sub.applied,
                // The reason repeats the condition when the scheme is counted; show it only when it explains more.
                "hasNote": !sub.applied,
                "note": l(sub.reason),
                "unconfirmed": !sub.confirmed,
            ]
        }
        return [
            "costRows": costRows,
            "totalCost": f.money(p.totals.investment),
            "subsidies": subsidies,
            "subsidyTotal": f.money(p.totals.subsidy),
            "netCost": f.money(p.totals.netCost),
            "stacking": l(p.stackingAssumption),
            "hasBudgetLimit": p.budgetYuan != nil,
            "budgetNote": p.budgetYuan.map { s.format("budgetLimitFmt", ["budget": f.money($0)]) } ?? "",
        ]
    }

    func kpis() -> ViewNode {
        let rows: [ViewNode] = p.kpis.map { k in
            let estimate = k.source == "estimate"
            return [
                "module": moduleName(k.module),
                "metric": l(k.name),
                "change": f.change(low: k.low, high: k.high, unit: l(k.unit)),
                "source": estimate ? s["estimate"] : u(k.source),
                "isEstimate": estimate,
            ]
        }
        let outcomes: [ViewNode] = p.outcomes.map { o in
            var expected = s["dash"]
            if let low = o.expectedLow, let high = o.expectedHigh { expected = f.change(low: low, high: high, unit: l(o.unit)) }
            return ["metric": l(o.name), "baseline": o.baselineDisplay.map(l) ?? o.baseline.map(u) ?? s["notRecorded"], "expected": expected]
        }
        return ["rows": rows, "hasRows": !rows.isEmpty, "outcomes": outcomes, "hasOutcomes": !outcomes.isEmpty]
    }

    func risks() -> ViewNode {
        let items: [ViewNode] = p.risks.map { r in
            ["text": l(r.text), "rule": r.rule.map { s.format("ruleFmt", ["rule": u($0)]) } ?? "", "hasRule": r.rule != nil]
        }
        var prerequisites: [String] = [s["prereqLead"], s["prereqData"]]
        if p.modules.contains(where: { $0.status == .upgrade }) { prerequisites.append(s["prereqUpgrade"]) }
        prerequisites.append(s["prereqSite"])
        for m in scheduledModules() {
            let dependents = m.requiredBy.filter { modulesByID[$0]?.status.isSelected ?? false }
            guard !dependents.isEmpty else { continue }
            prerequisites.append(s.format("dependencyFmt", ["module": l(m.name), "dependents": joined(dependents.map(moduleName))]))
        }
        return ["items": items, "hasItems": !items.isEmpty, "prerequisites": prerequisites.map { ["text": $0] as ViewNode }]
    }

    func nextSteps() -> [ViewNode] {
        var keys = ["nextReview", "nextContract", "nextApply"]
        if p.subsidies.contains(where: { $0.kind == "fixed" && $0.eligible }) { keys.append("nextSample") }
        keys += ["nextImplement", "nextAcceptance", "nextPayment"]
        return keys.enumerated().map { i, key in ["number": String(i + 1), "text": s[key]] }
    }

    func assumptions() -> [ViewNode] { p.assumptions.map { ["text": l($0)] } }

    func answers() -> [ViewNode] {
        p.answers.map { a in ["question": l(a.label), "answer": l(a.display)] }
    }
}
