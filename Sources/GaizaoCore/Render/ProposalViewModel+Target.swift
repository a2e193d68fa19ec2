/// The target level and the way there: the target's statement, both projections of the three scored
/// dimensions, the cost ladder, and the management measures.
extension ViewModelBuilder {
    /// How a module or measure stands towards the target, for a reader.
    func roleLabel(_ role: ModuleDecision.Role?) -> String {
        switch role {
        case .target?: return s["roleTarget"]
        case .prerequisite?: return s["rolePrerequisite"]
        case .must?: return s["roleMust"]
        case .recommendedNext?: return s["roleRecommendedNext"]
        case .notNeeded?, nil:
            // Within a budget that does not reach the target, what is left out is left out for the budget.
            return p.budgetYuan != nil && p.target?.reached == false ? s["roleOverBudget"] : s["roleNotNeeded"]
        }
    }

    /// The status of a module left out: in place and ruled out say so, the rest say what the target makes of them.
    func leftOutLabel(_ m: Proposal.ModuleEntry) -> String {
        switch m.status {
        case .satisfied, .excluded: return statusLabel(m.status)
        default: return m.role == nil ? statusLabel(m.status) : roleLabel(m.role)
        }
    }

    /// One line on the target: its level and whether the package reaches it.
    func targetLine() -> String {
        guard let target = p.target, let level = target.level else { return s["targetNone"] }
        let why = target.source == .default ? s[level == 2 ? "targetWhyPass" : "targetWhyNext"] : s["targetWhyOption"]
        return s.format(target.reached ? "targetReachedFmt" : "targetMissedFmt",
                        ["level": f.level(level), "why": why, "after": f.level(p.after.level)])
    }

    func targetSection() -> ViewNode {
        let missing = (p.target?.missing ?? []).map { ["text": .v(l($0))] as ViewNode }
        let expected = p.afterExpected ?? p.after
        let rows: [ViewNode] = p.diagnosis.dimensions.indices.map { k in
            let id = p.diagnosis.dimensions[k].id
            let after = p.after.dimensions.first { $0.id == id }?.points ?? p.diagnosis.dimensions[k].points
            let exp = expected.dimensions.first { $0.id == id }?.points ?? after
            return ["name": .v(l(p.diagnosis.dimensions[k].name)), "now": .v(f.points(p.diagnosis.dimensions[k].points)),
                    "conservative": .v(f.points(after)), "expected": .v(f.points(exp)), "max": .v(f.points(p.diagnosis.dimensions[k].maxPoints))]
        }
        let targetLevel = p.target?.level
        let ladder: [ViewNode] = (p.ladder ?? []).map { step in
            let status = step.reachedNow ? s["ladderNow"] : (step.reachable ? s["ladderReachable"] : s["ladderUnreachable"])
            let contents = !step.reachable ? "" : step.reachedNow
                ? (names(step).isEmpty ? "" : s["ladderMustOnly"])
                : s.format("ladderContentsFmt", ["m": String(step.modules.count), "k": String(step.measures.count)])
            let names = names(step)
            return [
                "level": .v(f.level(step.level)),
                "status": .v(status),
                "reachable": .v(step.reachable),
                "isTarget": .v(step.level == targetLevel),
                "investment": .v(step.reachable ? f.money(step.investment) : "—"),
                "netCost": .v(step.reachable ? f.money(step.netCost) : "—"),
                "duration": .v(step.reachable ? f.duration(step.durationWeeks) : "—"),
                "contents": .v(contents),
                "itemsText": .v(step.reachable ? (names.isEmpty ? "—" : joined(names)) : Clauses.join(step.missing.map(l), separator: s["clauseSeparator"])),
            ]
        }
        return [
            "line": .v(targetLine()),
            "reached": .v(p.target?.reached ?? true),
            "missing": .v(missing),
            "hasMissing": .v(!missing.isEmpty),
            "projectionIntro": .v(s["projectionIntro"]),
            "dimensions": .v(rows),
            "levelNow": .v(f.level(p.diagnosis.level)),
            "levelConservative": .v(f.level(p.after.level)),
            "levelExpected": .v(f.level(expected.level)),
            "totalNow": .v(f.points(p.diagnosis.points)),
            "totalConservative": .v(f.points(p.after.points)),
            "totalExpected": .v(f.points(expected.points)),
            "totalMax": .v(f.points(p.diagnosis.maxPoints)),
            "ladder": .v(ladder),
            "hasLadder": .v(!ladder.isEmpty),
            "ladderIntro": .v(s["ladderIntro"]),
        ]
    }

    private func names(_ step: Proposal.LadderEntry) -> [String] { step.modules.map(moduleName) + step.measures.map(measureName) }

    func measureName(_ id: String) -> String { (p.measures ?? []).first { $0.id == id }.map { l($0.name) } ?? u(id) }

    func measuresSection() -> ViewNode {
        let all = p.measures ?? []
        let chosen: [ViewNode] = all.filter { $0.status == .include }.map { m in
            var schedule = ""
            if let start = m.startWeek, let end = m.endWeek { schedule = f.weeks(start: start, end: end) }
            let evidence = m.evidence.map(l)
            return [
                "name": .v(l(m.name)),
                "summary": .v(l(m.summary)),
                "cost": .v(f.money(m.cost)),
                "costSource": .v(m.costSource == "estimate" ? s["estimate"] : u(m.costSource)),
                "duration": .v(f.duration(m.durationWeeks)),
                "schedule": .v(schedule),
                "reasons": .v(m.reasons.map { ["text": .v(l($0.text))] as ViewNode }),
                "reasonsText": .v(Clauses.join(m.reasons.map { l($0.text) }, separator: s["clauseSeparator"])),
                "evidence": .v(evidence.map { ["text": .v($0)] as ViewNode }),
                "evidenceText": .v(joined(evidence)),
                "hasEvidence": .v(!evidence.isEmpty),
            ]
        }
        let next: [ViewNode] = all.filter { $0.role == .recommendedNext }.map { m in
            ["name": .v(l(m.name)), "cost": .v(f.money(m.referenceCost)),
             "gain": .v(m.reasons.first.map { l($0.text) } ?? "")]
        }
        let inPlace = all.filter { $0.status == .satisfied }.map { l($0.name) }
        return [
            "intro": .v(s.format("measuresIntroFmt", ["n": String(chosen.count)])),
            "rows": .v(chosen),
            "hasRows": .v(!chosen.isEmpty),
            "next": .v(next),
            "hasNext": .v(!next.isEmpty),
            "inPlaceText": .v(joined(inPlace)),
            "hasInPlace": .v(!inPlace.isEmpty),
        ]
    }
}
