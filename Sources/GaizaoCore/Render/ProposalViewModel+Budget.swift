/// Budget and subsidies, expected results, risks, next steps, assumptions and the answers appendix.
extension ViewModelBuilder {
    func budget() -> ViewNode {
        let moduleRows: [ViewNode] = selectedModules().map { i in
            let m = proposal.modules[i]
            return ["name": .from(localized(m.name)), "statusLabel": .from(statusLabel(m.status)), "cost": .from(format.money(m.cost)),
                    "duration": .from(format.duration(m.durationWeeks)), "isMeasure": .from(false)]
        }
        // The total is the package's investment, which counts the management measures: they are rows of the
        // table too, so the rows add up to the total shown under them.
        let measures = (proposal.measures ?? []).filter { $0.status == .include }
        let measureRows: [ViewNode] = measures.map { m in
            ["name": .from(localized(m.name)), "statusLabel": .from(strings["measureWork"]), "cost": .from(format.money(m.cost)),
             "duration": .from(format.duration(m.durationWeeks)), "isMeasure": .from(true)]
        }
        let costRows = moduleRows + measureRows
        let subsidies: [ViewNode] = proposal.subsidies.map { sub in
            let fixed = sub.kind == "fixed"
            let pending = sub.tier == "conditional"
            // A one-off reward is paid to the enterprise apart from the project: never "counted".
            let apart = sub.tier == "one_off"
            let statusKey = pending ? (sub.applied ? "pendingApplied" : "pendingNotApplied")
                : !sub.eligible ? "notEligible" : apart ? "eligibleApart" : sub.applied ? "eligibleApplied" : "eligibleNotApplied"
            // Every scheme's rate and reward is "up to" (以内 / 最高): the amounts are the most that can be granted.
            let rate = fixed ? strings["fixedReward"] : strings.format("rateUpToFmt", ["r": format.percent(sub.ratePercent)])
            let amount = format.money(sub.amount)
            return [
                "name": .from(localized(sub.name)),
                "kindLabel": .from(rate),
                "rate": .from(rate),
                "base": .from(fixed ? strings["dash"] : format.money(sub.base)),
                "cap": .from(fixed ? strings["dash"] : sub.capYuan.map { format.money($0) } ?? strings["none"]),
                "hasMinInvestment": .from(sub.minInvestmentYuan > 0),
                "minInvestment": .from(format.money(sub.minInvestmentYuan)),
                "amount": .from(fixed && sub.eligible && sub.amount.highYuan > 0 ? strings.format("amountUpToFmt", ["v": amount]) : amount),
                "condition": .from(localized(sub.condition)),
                "source": .from(localized(sub.source)),
                "statusLabel": .from(strings[statusKey]),
                "tierLabel": .from(tierLabel(sub.tier)),
                "statusClass": .from(pending ? "eligible" : !sub.eligible ? "ineligible" : sub.applied ? "applied" : "eligible"),
                "applied": .from(sub.applied),
                // The reason repeats the condition when the scheme is counted; show it only when it explains more.
                "hasNote": .from(!sub.applied || pending),
                "note": .from(localized(sub.reason)),
                "unconfirmed": .from(!sub.confirmed),
            ]
        }
        return [
            // An empty package has no cost or subsidy to tabulate: one sentence says so instead of tables of zeros.
            "hasItems": .from(!isEmptyPackage),
            "nothingNote": .from(strings["budgetNothing"]),
            // Measures are not part of a subsidy's base: a measures-only package has no subsidy to work out.
            "hasSubsidyTable": .from(hasModules),
            "noSubsidyNote": .from(strings["subsidyMeasuresOnly"]),
            "costRows": .from(costRows),
            "costTitle": .from(strings[measures.isEmpty ? "costTable" : "costTableWithMeasures"]),
            "costItem": .from(strings[measures.isEmpty ? "module" : "moduleOrMeasure"]),
            "totalCost": .from(format.money(proposal.totals.investment)),
            "subsidies": .from(subsidies),
            "subsidyTotal": .from(format.money(proposal.totals.subsidy.range)),
            "netCost": .from(format.money(proposal.totals.netCost) + netCostNote(proposal.totals.netCost)),
            "stacking": .from(localized(proposal.stackingAssumption)),
            "hasBudgetLimit": .from(proposal.budgetYuan != nil),
            "budgetNote": .from(budgetNote()),
        ]
    }

    /// How the budget chose the package: the personalized modules of greatest value within it for the rules-only
    /// package, else the highest level, then points, then least investment within it.
    func budgetNote() -> String {
        guard let budget = proposal.budgetYuan else { return "" }
        let key = proposal.target?.level == nil ? "budgetLimitFmt" : "budgetTargetFmt"
        return strings.format(key, ["budget": format.money(budget)]) + budgetBeyondLevelNote()
    }

    /// Within a budget the package buys points beyond its level: the owner is told what the level alone costs (the
    /// ladder's package for it), so "target reached, 42–100 万元" does not read as the price of the level.
    func budgetBeyondLevelNote() -> String {
        let level = proposal.after.level
        guard level > 0, let step = proposal.ladder?.first(where: { $0.level == level && $0.reachable }),
              step.investment.highYuan < proposal.totals.investment.highYuan else { return "" }
        let args: KeyValuePairs<String, String> = ["level": format.levelInText(level), "cost": format.money(step.investment),
                                                   "points": format.points(proposal.after.points)]
        let key = !step.reachedNow ? "budgetBeyondLevelFmt" : step.investment.highYuan > 0 ? "budgetBeyondLevelNowFmt" : "budgetBeyondLevelNowFreeFmt"
        return strings.format(key, args)
    }

    func kpis() -> ViewNode {
        let rows: [ViewNode] = proposal.kpis.map { k in
            let estimate = k.source == "estimate"
            return [
                "module": .from(moduleName(k.module)),
                "metric": .from(localized(k.name)),
                "change": .from(format.change(low: k.low, high: k.high, unit: localized(k.unit))),
                "source": .from(estimate ? strings["estimate"] : safe(k.source)),
                "isEstimate": .from(estimate),
            ]
        }
        let outcomes: [ViewNode] = proposal.outcomes.map { o in
            var expected = strings["dash"]
            if let low = o.expectedLow, let high = o.expectedHigh { expected = format.change(low: low, high: high, unit: localized(o.unit)) }
            return ["metric": .from(localized(o.name)), "baseline": .from(o.baselineDisplay.map(localized) ?? o.baseline.map(safe) ?? strings["notRecorded"]), "expected": .from(expected)]
        }
        return ["rows": .from(rows), "hasRows": .from(!rows.isEmpty), "outcomes": .from(outcomes), "hasOutcomes": .from(!outcomes.isEmpty)]
    }

    func risks() -> ViewNode {
        let items: [ViewNode] = proposal.risks.map { r in
            ["text": .from(cellText(localized(r.text))), "rule": .from(r.rule.map { strings.format("ruleFmt", ["rule": safe($0)]) } ?? ""), "hasRule": .from(r.rule != nil)]
        }
        // The project's prerequisites (a lead and key users, clean data, a site that takes the devices) are a
        // module project's; without a module there is only the measures' lead, or nothing.
        var prerequisites: [String] = hasModules ? [strings["prereqLead"], strings["prereqData"]]
            : [strings[measureCount > 0 ? "prereqMeasures" : "prereqNone"]]
        if proposal.modules.contains(where: { $0.status == .upgrade }) { prerequisites.append(strings["prereqUpgrade"]) }
        if hasModules { prerequisites.append(strings["prereqSite"]) }
        for i in scheduledModules() {
            let dependents = proposal.modules[i].requiredBy.filter(isSelected)
            guard !dependents.isEmpty else { continue }
            prerequisites.append(strings.format("dependencyFmt", ["module": localized(proposal.modules[i].name), "dependents": joined(dependents.map(moduleName))]))
        }
        return ["items": .from(items), "hasItems": .from(!items.isEmpty), "prerequisites": .from(prerequisites.map { ["text": .from($0)] as ViewNode })]
    }

    func nextSteps() -> [ViewNode] {
        let sample = proposal.subsidies.contains(where: { $0.kind == "fixed" && $0.eligible })
        var texts: [String]
        if hasModules {
            texts = ["nextReview", "nextContract", "nextApply"].map { strings[$0] }
            if sample { texts.append(strings["nextSample"]) }
            texts += ["nextImplement", "nextAcceptance", "nextPayment"].map { strings[$0] }
        } else {
            // No module: no contract, no retrofit subsidy, no roadmap. The measures to do, or keeping the level
            // and what the next one would take.
            let measures = (proposal.measures ?? []).filter { $0.status == .include }.map { localized($0.name) }
            if measures.isEmpty {
                texts = [strings["nextReviewEmpty"], strings.format("nextKeepFmt", ["now": format.levelInText(proposal.diagnosis.level)])]
            } else {
                texts = [strings["nextReviewMeasures"], strings.format("nextMeasuresFmt", ["names": joined(measures)])]
            }
            if let target = proposal.target, let level = target.level, !target.reached {
                texts.append(strings.format(targetMissedForBudget ? "nextGapBudgetFmt" : "nextGapFmt", ["level": format.levelInText(level)]))
            }
            if sample { texts.append(strings["nextSample"]) }
            if !measures.isEmpty { texts.append(strings["nextRating"]) }
            texts += [strings["nextSecurity"], strings["nextRediagnose"]]
        }
        return texts.enumerated().map { i, text in ["number": .from(String(i + 1)), "text": .from(text)] }
    }

    func assumptions() -> [ViewNode] { proposal.assumptions.map { ["text": .from(localized($0))] } }

    func answers() -> [ViewNode] {
        proposal.answers.map { a in ["question": .from(localized(a.label)), "answer": .from(localized(a.display))] }
    }
}
