/// The package (chosen modules as cards), the modules left out, and the roadmap.
extension ViewModelBuilder {
    func statusLabel(_ status: ModuleDecision.Status) -> String {
        switch status {
        case .include: return s["statusInclude"]
        case .upgrade: return s["statusUpgrade"]
        case .satisfied: return s["statusSatisfied"]
        case .notChosen: return s["statusNotChosen"]
        case .excluded: return s["statusExcluded"]
        }
    }

    func kindLabel(_ kind: String) -> String { kind == "standard" ? s["kindStandard"] : s["kindPersonalized"] }

    func reasons(_ m: Proposal.ModuleEntry) -> [ViewNode] {
        m.reasons.map { r in
            ["text": l(r.text), "rule": r.rule.map { s.format("ruleFmt", ["rule": u($0)]) } ?? "", "hasRule": r.rule != nil]
        }
    }

    func package() -> ViewNode {
        let selected = p.modules.filter { $0.status.isSelected }
        let standard = selected.filter { $0.kind == "standard" }.map(moduleCard)
        let personalized = selected.filter { $0.kind != "standard" }.map(moduleCard)
        return [
            "intro": s.format("packageIntro", ["n": String(selected.count)]),
            "standard": standard,
            "personalized": personalized,
            "hasStandard": !standard.isEmpty,
            "hasPersonalized": !personalized.isEmpty,
        ]
    }

    func moduleCard(_ m: Proposal.ModuleEntry) -> ViewNode {
        // Only scenes the module actually lifts: a target at or below today's level is no change to show.
        let lifted = m.raises.filter { $0.to > $0.from }
        let raises: [ViewNode] = lifted.map { r in
            ["scene": l(r.sceneName), "from": f.sceneLevel(r.from), "to": f.sceneLevel(r.to)]
        }
        let products = m.products.map(l)
        let dependents = m.requiredBy.filter { modulesByID[$0]?.status.isSelected ?? false }.map(moduleName)
        var schedule = ""
        if let phase = m.phase, let start = m.startWeek, let end = m.endWeek {
            schedule = s.format("phaseFmt", ["n": String(phase)]) + " · " + f.weeks(start: start, end: end)
        }
        return [
            "id": u(m.id),
            "name": l(m.name),
            "summary": l(m.summary),
            "kindLabel": kindLabel(m.kind),
            "statusLabel": statusLabel(m.status),
            "statusClass": m.status == .upgrade ? "upgrade" : "include",
            "reasons": reasons(m),
            "raises": raises,
            "hasRaises": !raises.isEmpty,
            "raisesText": joined(lifted.map { "\(l($0.sceneName)) \(f.sceneLevel($0.from)) → \(f.sceneLevel($0.to))" }),
            "products": products.map { ["name": $0] as ViewNode },
            "productsText": joined(products),
            "hasProducts": !products.isEmpty,
            "cost": f.money(m.cost),
            "hasNewBuildCost": m.status == .upgrade && m.referenceCost != m.cost,
            "newBuildCost": s.format("newBuildCostFmt", ["cost": f.money(m.referenceCost)]),
            "costSource": m.costSource == "estimate" ? s["estimate"] : u(m.costSource),
            "duration": f.duration(m.durationWeeks),
            "schedule": schedule,
            "hasSchedule": !schedule.isEmpty,
            "prerequisiteFor": joined(dependents),
            "hasPrerequisiteFor": !dependents.isEmpty,
        ]
    }

    func otherModules() -> ViewNode {
        let rows: [ViewNode] = p.modules.filter { !$0.status.isSelected }.map { m in
            [
                "id": u(m.id),
                "name": l(m.name),
                "kindLabel": kindLabel(m.kind),
                "statusLabel": statusLabel(m.status),
                "statusClass": m.status.rawValue,
                "reasons": reasons(m),
                "reasonsText": Clauses.join(m.reasons.map { l($0.text) }, separator: s["clauseSeparator"]),
                "referenceCost": f.money(m.referenceCost),
            ]
        }
        return ["intro": s["otherIntro"], "rows": rows, "hasRows": !rows.isEmpty]
    }

    /// Chosen modules in the order they start, for the roadmap and the Gantt chart.
    func scheduledModules() -> [Proposal.ModuleEntry] {
        p.modules.enumerated()
            .filter { $0.element.status.isSelected && $0.element.startWeek != nil && $0.element.endWeek != nil }
            .sorted { ($0.element.startWeek!, $0.offset) < ($1.element.startWeek!, $1.offset) }
            .map { $0.element }
    }

    func roadmap() -> ViewNode {
        let phases: [ViewNode] = p.phases.map { phase in
            let modules: [ViewNode] = phase.modules.map { id in
                let m = modulesByID[id]
                let weeks = m.flatMap { m in m.startWeek.flatMap { s in m.endWeek.map { f.weeks(start: s, end: $0) } } } ?? ""
                return ["name": moduleName(id), "weeks": weeks]
            }
            return [
                "label": s.format("phaseFmt", ["n": String(phase.index)]),
                "weeks": f.weeks(start: phase.startWeek, end: phase.endWeek),
                "modules": modules,
                "modulesText": joined(phase.modules.map(moduleName)),
            ]
        }
        return [
            "intro": s.format("roadmapIntroFmt", ["n": String(p.totals.selectedModules), "p": String(p.phases.count),
                                                  "w": String(p.totals.durationWeeks)]),
            "phases": phases,
            "hasPhases": !phases.isEmpty,
        ]
    }
}
