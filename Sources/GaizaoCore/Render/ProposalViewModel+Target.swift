/// The target level and the way there: the target's statement, both projections of the three scored
/// dimensions, the cost ladder, and the management measures.
extension ViewModelBuilder {
    /// How a module or measure stands towards the target, for a reader.
    func roleLabel(_ role: ModuleDecision.Role?) -> String {
        switch role {
        // Without a target level (`--target-level none`) the package is the rules' own: nothing in it is "needed
        // for the target".
        // Within a budget the package is the best the budget buys, which may go beyond what the target needs.
        case .target?: return proposal.target?.level == nil ? strings["roleRules"] : proposal.budgetYuan != nil ? strings["roleBudget"] : strings["roleTarget"]
        case .prerequisite?: return strings["rolePrerequisite"]
        case .must?: return strings["roleMust"]
        case .recommendedNext?: return strings["roleRecommendedNext"]
        case .notNeeded?, nil:
            // Within a budget that does not reach the target, what is left out is left out for the budget.
            return proposal.budgetYuan != nil && proposal.target?.reached == false ? strings["roleOverBudget"] : strings["roleNotNeeded"]
        }
    }

    /// The status of a module left out: in place and ruled out say so, the rest say what the target makes of them.
    func leftOutLabel(_ m: Proposal.ModuleEntry) -> String {
        switch m.status {
        case .satisfied, .excluded: return statusLabel(m.status)
        default: return m.role == nil ? statusLabel(m.status) : roleLabel(m.role)
        }
    }

    /// One line on the target: its level and whether the package reaches it. A target missed for the budget
    /// (the ladder has a package for it) says so, not that the catalog cannot reach it. `inSection`: the line
    /// heads the target section itself, so it does not point the reader to that section.
    func targetLine(inSection: Bool = false) -> String {
        guard let target = proposal.target, let level = target.level else { return strings["targetNone"] }
        let now = proposal.diagnosis.level
        // The default target is one level up, except at the top level: an enterprise at level 4 is aimed at
        // keeping it, which is not "one level above today's".
        let why = target.source != .default ? strings["targetWhyOption"]
            : level == 2 && now < 2 ? strings["targetWhyPass"] : level > now ? strings["targetWhyNext"] : strings["targetWhyTop"]
        // A target at or below today's level is no step up: the line says so rather than "the package reaches it".
        let margin = thinMargin(level)
        let reachedKey = margin == nil ? "targetReachedFmt" : margin! > 0 ? "targetReachedThinFmt" : "targetReachedExactFmt"
        let key = target.reached ? (level < now ? "targetBelowNowFmt" : level == now ? "targetAtNowFmt" : reachedKey)
            : (targetMissedForBudget ? "targetOverBudget" : "targetMissed") + (proposal.after.level < 1 ? "NoLevelFmt" : "Fmt")
        return strings.format(key, ["level": format.levelInText(level), "why": why, "after": format.levelInText(proposal.after.level),
                                    "m": margin.map(format.points) ?? "",
                                    "now": format.levelInText(now), "see": inSection ? "" : strings[targetMissedForBudget ? "targetSeeLadder" : "targetSeeWhy"]])
    }

    /// The points the conservative projection has above the pass mark of a target `level` it reaches, when so few
    /// that one indicator marked down at the on-site rating can lose the level (the risk table lists it too).
    func thinMargin(_ level: Int) -> Double? {
        guard proposal.target?.reached == true,
              let check = proposal.after.levelChecks.first(where: { $0.level == level }) else { return nil }
        let margin = check.points - check.pointsNeeded
        return margin < Self.thinMarginPoints ? margin : nil
    }

    func targetSection() -> ViewNode {
        let missing = (proposal.target?.missing ?? []).map { ["text": .from(localized($0))] as ViewNode }
        let expected = proposal.afterExpected ?? proposal.after
        let rows: [ViewNode] = proposal.diagnosis.dimensions.indices.map { k in
            let id = proposal.diagnosis.dimensions[k].id
            let after = proposal.after.dimensions.first { $0.id == id }?.points ?? proposal.diagnosis.dimensions[k].points
            let exp = expected.dimensions.first { $0.id == id }?.points ?? after
            return ["name": .from(localized(proposal.diagnosis.dimensions[k].name)), "now": .from(format.points(proposal.diagnosis.dimensions[k].points)),
                    "conservative": .from(format.points(after)), "expected": .from(format.points(exp)), "max": .from(format.points(proposal.diagnosis.dimensions[k].maxPoints))]
        }
        let targetLevel = proposal.target?.level
        let ladder: [ViewNode] = (proposal.ladder ?? []).map { step in
            let status = step.reachedNow ? strings["ladderNow"] : (step.reachable ? strings["ladderReachable"] : strings["ladderUnreachable"])
            let names = names(step)
            // A level reached already costs nothing to reach: its row holds only the must-haves, which every
            // package carries whatever the target, so their cost is named as theirs, not as the level's price.
            let contents = !step.reachable ? "" : names.isEmpty ? strings["ladderNothing"] : step.reachedNow
                ? strings.format("ladderReachedMustFmt", ["cost": format.money(step.investment)])
                : strings.format(step.modules.isEmpty ? "ladderMeasuresOnlyFmt" : step.measures.isEmpty ? "ladderModulesOnlyFmt" : "ladderContentsFmt",
                                 ["m": String(step.modules.count), "k": String(step.measures.count)])
            let priced = step.reachable && !step.reachedNow
            return [
                "level": .from(format.level(step.level)),
                "status": .from(status),
                "reachable": .from(step.reachable),
                "isTarget": .from(step.level == targetLevel),
                "investment": .from(priced ? format.money(step.investment) : "—"),
                "netCost": .from(priced ? format.money(step.netCost) : "—"),
                "duration": .from(priced ? format.duration(step.durationWeeks) : "—"),
                "contents": .from(contents),
                "hasItems": .from(step.reachable && !names.isEmpty),
                "itemsText": .from(step.reachable ? joined(names) : Clauses.join(step.missing.map(localized), separator: strings["clauseSeparator"])),
            ]
        }
        return [
            "line": .from(targetLine(inSection: true)),
            "reached": .from(proposal.target?.reached ?? true),
            "missing": .from(missing),
            "hasMissing": .from(!missing.isEmpty),
            "projectionIntro": .from(strings["projectionIntro"]),
            "dimensions": .from(rows),
            "levelNow": .from(format.level(proposal.diagnosis.level)),
            "levelConservative": .from(format.level(proposal.after.level)),
            "levelExpected": .from(format.level(expected.level)),
            "totalNow": .from(format.points(proposal.diagnosis.points)),
            "totalConservative": .from(format.points(proposal.after.points)),
            "totalExpected": .from(format.points(expected.points)),
            "totalMax": .from(format.points(proposal.diagnosis.maxPoints)),
            "ladder": .from(ladder),
            "hasLadder": .from(!ladder.isEmpty),
            "ladderIntro": .from(strings["ladderIntro"]),
        ]
    }

    private func names(_ step: Proposal.LadderEntry) -> [String] { step.modules.map(moduleName) + step.measures.map(measureName) }

    func measureName(_ id: String) -> String { (proposal.measures ?? []).first { $0.id == id }.map { localized($0.name) } ?? safe(id) }

    func measuresSection() -> ViewNode {
        let all = proposal.measures ?? []
        let chosen: [ViewNode] = all.filter { $0.status == .include }.map { m in
            var schedule = ""
            if let start = m.startWeek, let end = m.endWeek { schedule = format.weeks(start: start, end: end) }
            let evidence = m.evidence.map(localized)
            return [
                "name": .from(localized(m.name)),
                "summary": .from(localized(m.summary)),
                "cost": .from(format.money(m.cost)),
                "costSource": .from(m.costSource == "estimate" ? strings["estimate"] : safe(m.costSource)),
                "duration": .from(format.duration(m.durationWeeks)),
                "schedule": .from(schedule),
                "reasons": .from(m.reasons.map { ["text": .from(localized($0.text))] as ViewNode }),
                "reasonsText": .from(Clauses.joinSentences(m.reasons.map { localized($0.text) }, separator: strings["clauseSeparator"])),
                "evidence": .from(evidence.map { ["text": .from($0)] as ViewNode }),
                "evidenceText": .from(joined(evidence)),
                "hasEvidence": .from(!evidence.isEmpty),
            ]
        }
        let next: [ViewNode] = all.filter { $0.role == .recommendedNext }.map { m in
            // What it adds, and the measure it needs first where there is one.
            let said = m.reasons.prefix(1) + m.reasons.dropFirst().filter { $0.kind == .dependency }
            return ["name": .from(localized(m.name)), "cost": .from(format.money(m.referenceCost)),
                    "gain": .from(Clauses.joinSentences(said.map { localized($0.text) }, separator: strings["clauseSeparator"]))]
        }
        let inPlace = all.filter { $0.status == .satisfied }.map { localized($0.name) }
        return [
            // Without modules there is nothing to run the measures alongside.
            "intro": .from(strings.format(hasModules ? "measuresIntroFmt" : "measuresOnlyIntroFmt", ["n": String(chosen.count)])),
            "rows": .from(chosen),
            "hasRows": .from(!chosen.isEmpty),
            // "Not needed for the target" only where the package reaches a target; else (rules only, out of reach,
            // a budget short of it) the plain fact.
            "noMeasuresText": .from(strings[proposal.target.map { $0.level != nil && $0.reached } == true ? "noMeasures" : "noMeasuresInPackage"]),
            "next": .from(next),
            "hasNext": .from(!next.isEmpty),
            "inPlaceText": .from(joined(inPlace)),
            "hasInPlace": .from(!inPlace.isEmpty),
        ]
    }
}
