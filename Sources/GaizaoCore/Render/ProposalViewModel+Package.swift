/// The package (chosen modules as cards), the modules left out, and the roadmap.
extension ViewModelBuilder {
    func statusLabel(_ status: ModuleDecision.Status) -> String { strings.status(status) }

    func kindLabel(_ kind: String) -> String { kind == "standard" ? strings["kindStandard"] : strings["kindPersonalized"] }

    func reasons(_ m: Proposal.ModuleEntry) -> [ViewNode] {
        m.reasons.map { r in
            // The engine's threshold arithmetic is for reviewers (appendix); the enterprise reads it in plain words.
            ["text": .from(r.kind == .threshold ? strings["thresholdPlain"] : localized(r.text)), "rule": .from(r.rule.map { strings.format("ruleFmt", ["rule": safe($0)]) } ?? ""), "hasRule": .from(r.rule != nil)]
        }
    }

    /// What the package is, as its selection made it: the cheapest for the target, the cheapest for the highest
    /// reachable level, the best within the budget, or the rules' choice.
    func packageIntro(_ count: Int) -> String {
        guard count > 0 else { return strings["packageIntroEmpty"] }
        let n = String(count)
        guard let target = proposal.target, target.level != nil else { return strings.format("packageIntroRulesFmt", ["n": n]) }
        if proposal.budgetYuan != nil { return strings.format("packageIntroBudgetFmt", ["n": n]) }
        if !target.reached { return strings.format("packageIntroBestFmt", ["n": n, "after": format.levelInText(proposal.after.level)]) }
        return strings.format("packageIntro", ["n": n])
    }

    func package() -> ViewNode {
        let standard = modules(where: { proposal.modules[$0].status.isSelected && proposal.modules[$0].kind == "standard" }).map { moduleCard(proposal.modules[$0]) }
        let personalized = modules(where: { proposal.modules[$0].status.isSelected && proposal.modules[$0].kind != "standard" }).map { moduleCard(proposal.modules[$0]) }
        return [
            "intro": .from(packageIntro(standard.count + personalized.count)),
            "standard": .from(standard),
            "personalized": .from(personalized),
            "hasStandard": .from(!standard.isEmpty),
            "hasPersonalized": .from(!personalized.isEmpty),
        ]
    }

    func moduleCard(_ m: Proposal.ModuleEntry) -> ViewNode {
        // Only scenes the module actually lifts: a target at or below today's level is no change to show.
        let lifted = m.raises.filter { $0.to > $0.from }
        let raises: [ViewNode] = lifted.map { r in
            ["scene": .from(localized(r.sceneName)), "from": .from(format.sceneLevel(r.from)), "to": .from(format.sceneLevel(r.to))]
        }
        let products = m.products.map(localized)
        let dependents = m.requiredBy.filter(isSelected).map(moduleName)
        var schedule = ""
        if let phase = m.phase, let start = m.startWeek, let end = m.endWeek {
            schedule = strings.format("phaseFmt", ["n": String(phase)]) + " · " + format.weeks(start: start, end: end)
        }
        return [
            "id": .from(safe(m.id)),
            "name": .from(localized(m.name)),
            "summary": .from(localized(m.summary)),
            "kindLabel": .from(kindLabel(m.kind)),
            "statusLabel": .from(statusLabel(m.status)),
            "statusClass": .from(m.status == .upgrade ? "upgrade" : "include"),
            "roleLabel": .from(roleLabel(m.role)),
            "hasRole": .from(m.role != nil),
            "reasons": .from(reasons(m)),
            // A standard module's only reason is the same sentence for every enterprise (its scenes are listed
            // beside it): the card leaves the "why" out then.
            "hasReasons": .from(m.reasons.contains { $0.kind != .standard }),
            "raises": .from(raises),
            "hasRaises": .from(!raises.isEmpty),
            "raisesText": .from(joined(lifted.map { "\(localized($0.sceneName)) \(format.sceneLevel($0.from)) → \(format.sceneLevel($0.to))" })),
            "products": .from(products.map { ["name": .from($0)] as ViewNode }),
            "productsText": .from(joined(products)),
            "hasProducts": .from(!products.isEmpty),
            "cost": .from(format.money(m.cost)),
            "hasNewBuildCost": .from(m.status == .upgrade && m.referenceCost != m.cost),
            "newBuildCost": .from(strings.format("newBuildCostFmt", ["cost": format.money(m.referenceCost)])),
            "costSource": .from(m.costSource == "estimate" ? strings["estimate"] : safe(m.costSource)),
            "duration": .from(format.duration(m.durationWeeks)),
            "schedule": .from(schedule),
            "hasSchedule": .from(!schedule.isEmpty),
            "prerequisiteFor": .from(joined(dependents)),
            "hasPrerequisiteFor": .from(!dependents.isEmpty),
        ]
    }

    /// The price parts in a module's cost, each with its new-build figure (an upgrade's cost is a share of them).
    /// English part names are written for the middle of the price basis ("; including press tonnage monitors"): as
    /// list items they start with a capital.
    func costParts(_ m: Proposal.ModuleEntry) -> [String] {
        (m.costParts ?? []).map { p in
            let name = localized(p.name)
            return strings.format(p.unanswered == true ? "costPartUnansweredFmt" : "costPartFmt",
                                  ["name": lang == .en ? name.prefix(1).uppercased() + name.dropFirst() : name, "cost": format.money(p.cost)])
        }
    }

    func otherModules() -> ViewNode {
        let rows: [ViewNode] = modules(where: { !proposal.modules[$0].status.isSelected }).map { i in
            let m = proposal.modules[i]
            let (why, otherwise) = leftOutReasons(m)
            return [
                "id": .from(safe(m.id)),
                "name": .from(localized(m.name)),
                "kindLabel": .from(kindLabel(m.kind)),
                "statusLabel": .from(leftOutLabel(m)),
                "statusClass": .from(m.role == .recommendedNext ? "next" : m.status.rawValue),
                "reasons": .from(otherwise == nil ? reasons(m) : why.map { ["text": .from($0), "rule": "", "hasRule": false] as ViewNode }
                                     + [["text": .from(otherwise!), "rule": "", "hasRule": false]]),
                "reasonsText": .from(cellText(otherwise.map { Clauses.joinSentences(why, separator: strings["clauseSeparator"]) + (lang == .zh ? "" : " ") + $0 }
                                     ?? Clauses.joinSentences(why, separator: strings["clauseSeparator"]))),
                "referenceCost": .from(format.money(m.referenceCost)),
            ]
        }
        return ["intro": .from(strings["otherIntro"]), "rows": .from(rows), "hasRows": .from(!rows.isEmpty)]
    }

    /// The reasons of a module left out, as its row shows them. An excluded module reads as excluded: why it is ruled
    /// out comes first and alone, and the rules that would otherwise recommend it follow as one clause that says so
    /// (`otherwise`). A proposal whose reasons carry no effect (written before they did) keeps them as they are.
    func leftOutReasons(_ m: Proposal.ModuleEntry) -> (why: [String], otherwise: String?) {
        func text(_ r: Proposal.ReasonEntry) -> String { r.kind == .threshold ? strings["thresholdPlain"] : localized(r.text) }
        guard m.status == .excluded, m.reasons.contains(where: { $0.effect == .recommend }) else { return (m.reasons.map(text), nil) }
        let recommending = m.reasons.filter { $0.effect == .recommend }.map(text)
        let otherwise = Clauses.trimmedEnding(Clauses.join(recommending, separator: strings["clauseSeparator"]))
        return (m.reasons.filter { $0.effect != .recommend }.map(text), strings.format("excludedOtherwiseFmt", ["reasons": otherwise]))
    }

    /// Chosen modules in the order they start, for the roadmap and the Gantt chart.
    /// Positions in `proposal.modules` of the scheduled modules, by start week (positions: an entry's copy retains its
    /// every string and array).
    func scheduledModules() -> [Int] {
        modules(where: { proposal.modules[$0].status.isSelected && proposal.modules[$0].startWeek != nil && proposal.modules[$0].endWeek != nil })
            .sorted { (proposal.modules[$0].startWeek!, $0) < (proposal.modules[$1].startWeek!, $1) }
    }

    func roadmap() -> ViewNode {
        let phases: [ViewNode] = proposal.phases.map { phase in
            let modules: [ViewNode] = phase.modules.map { id in
                ["name": .from(moduleName(id)), "weeks": .from(scheduledWeeks(id))]
            }
            return [
                "label": .from(strings.format("phaseFmt", ["n": String(phase.index)])),
                "weeks": .from(format.weeks(start: phase.startWeek, end: phase.endWeek)),
                "modules": .from(modules),
                "modulesText": .from(joined(phase.modules.map(moduleName))),
            ]
        }
        return [
            "intro": .from(roadmapIntro()),
            "phases": .from(phases),
            "hasPhases": .from(!phases.isEmpty),
        ]
    }

    /// The roadmap's one-sentence summary, shared by the roadmap section and the Gantt chart's description (the
    /// chart once filled it by itself and left `{k}` unfilled).
    func roadmapIntro() -> String {
        guard proposal.totals.selectedModules > 0 else {
            return proposal.totals.durationWeeks == 0 ? strings["roadmapNothing"]
                : strings.format("roadmapNoModulesFmt", ["w": String(proposal.totals.durationWeeks)])
        }
        // One phase: "分为 1 个阶段，每个阶段在上一层依赖完成…时开始" explains layers there are none of.
        return strings.format(proposal.phases.count == 1 ? "roadmapOnePhaseFmt" : "roadmapIntroFmt", ["n": String(proposal.totals.selectedModules), "p": String(proposal.phases.count),
                                                  "w": String(proposal.totals.durationWeeks), "k": String(proposal.totals.workstreams ?? 1)])
    }
}
