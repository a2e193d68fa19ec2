/// The package (chosen modules as cards), the modules left out, and the roadmap.
extension ViewModelBuilder {
    func statusLabel(_ status: ModuleDecision.Status) -> String { s.status(status) }

    func kindLabel(_ kind: String) -> String { kind == "standard" ? s["kindStandard"] : s["kindPersonalized"] }

    func reasons(_ m: Proposal.ModuleEntry) -> [ViewNode] {
        m.reasons.map { r in
            // The engine's threshold arithmetic is for reviewers (appendix); the enterprise reads it in plain words.
            ["text": .v(r.kind == .threshold ? s["thresholdPlain"] : l(r.text)), "rule": .v(r.rule.map { s.format("ruleFmt", ["rule": u($0)]) } ?? ""), "hasRule": .v(r.rule != nil)]
        }
    }

    func package() -> ViewNode {
        let standard = modules(where: { $0.status.isSelected && $0.kind == "standard" }).map { moduleCard(p.modules[$0]) }
        let personalized = modules(where: { $0.status.isSelected && $0.kind != "standard" }).map { moduleCard(p.modules[$0]) }
        return [
            "intro": .v(s.format("packageIntro", ["n": String(standard.count + personalized.count)])),
            "standard": .v(standard),
            "personalized": .v(personalized),
            "hasStandard": .v(!standard.isEmpty),
            "hasPersonalized": .v(!personalized.isEmpty),
        ]
    }

    func moduleCard(_ m: Proposal.ModuleEntry) -> ViewNode {
        // Only scenes the module actually lifts: a target at or below today's level is no change to show.
        let lifted = m.raises.filter { $0.to > $0.from }
        let raises: [ViewNode] = lifted.map { r in
            ["scene": .v(l(r.sceneName)), "from": .v(f.sceneLevel(r.from)), "to": .v(f.sceneLevel(r.to))]
        }
        let products = m.products.map(l)
        let dependents = m.requiredBy.filter(isSelected).map(moduleName)
        var schedule = ""
        if let phase = m.phase, let start = m.startWeek, let end = m.endWeek {
            schedule = s.format("phaseFmt", ["n": String(phase)]) + " · " + f.weeks(start: start, end: end)
        }
        return [
            "id": .v(u(m.id)),
            "name": .v(l(m.name)),
            "summary": .v(l(m.summary)),
            "kindLabel": .v(kindLabel(m.kind)),
            "statusLabel": .v(statusLabel(m.status)),
            "statusClass": .v(m.status == .upgrade ? "upgrade" : "include"),
            "roleLabel": .v(roleLabel(m.role)),
            "hasRole": .v(m.role != nil),
            "reasons": .v(reasons(m)),
            // A standard module's only reason is the same sentence for every enterprise (its scenes are listed
            // beside it): the card leaves the "why" out then.
            "hasReasons": .v(m.reasons.contains { $0.kind != .standard }),
            "raises": .v(raises),
            "hasRaises": .v(!raises.isEmpty),
            "raisesText": .v(joined(lifted.map { "\(l($0.sceneName)) \(f.sceneLevel($0.from)) → \(f.sceneLevel($0.to))" })),
            "products": .v(products.map { ["name": .v($0)] as ViewNode }),
            "productsText": .v(joined(products)),
            "hasProducts": .v(!products.isEmpty),
            "cost": .v(f.money(m.cost)),
            "hasNewBuildCost": .v(m.status == .upgrade && m.referenceCost != m.cost),
            "newBuildCost": .v(s.format("newBuildCostFmt", ["cost": f.money(m.referenceCost)])),
            "costSource": .v(m.costSource == "estimate" ? s["estimate"] : u(m.costSource)),
            "duration": .v(f.duration(m.durationWeeks)),
            "schedule": .v(schedule),
            "hasSchedule": .v(!schedule.isEmpty),
            "prerequisiteFor": .v(joined(dependents)),
            "hasPrerequisiteFor": .v(!dependents.isEmpty),
        ]
    }

    func otherModules() -> ViewNode {
        let rows: [ViewNode] = modules(where: { !$0.status.isSelected }).map { i in
            let m = p.modules[i]
            return [
                "id": .v(u(m.id)),
                "name": .v(l(m.name)),
                "kindLabel": .v(kindLabel(m.kind)),
                "statusLabel": .v(leftOutLabel(m)),
                "statusClass": .v(m.role == .recommendedNext ? "next" : m.status.rawValue),
                "reasons": .v(reasons(m)),
                "reasonsText": .v(Clauses.join(m.reasons.map { $0.kind == .threshold ? s["thresholdPlain"] : l($0.text) }, separator: s["clauseSeparator"])),
                "referenceCost": .v(f.money(m.referenceCost)),
            ]
        }
        return ["intro": .v(s["otherIntro"]), "rows": .v(rows), "hasRows": .v(!rows.isEmpty)]
    }

    /// Chosen modules in the order they start, for the roadmap and the Gantt chart.
    /// Positions in `p.modules` of the scheduled modules, by start week (positions: an entry's copy retains its
    /// every string and array).
    func scheduledModules() -> [Int] {
        modules(where: { $0.status.isSelected && $0.startWeek != nil && $0.endWeek != nil })
            .sorted { (p.modules[$0].startWeek!, $0) < (p.modules[$1].startWeek!, $1) }
    }

    func roadmap() -> ViewNode {
        let phases: [ViewNode] = p.phases.map { phase in
            let modules: [ViewNode] = phase.modules.map { id in
                ["name": .v(moduleName(id)), "weeks": .v(scheduledWeeks(id))]
            }
            return [
                "label": .v(s.format("phaseFmt", ["n": String(phase.index)])),
                "weeks": .v(f.weeks(start: phase.startWeek, end: phase.endWeek)),
                "modules": .v(modules),
                "modulesText": .v(joined(phase.modules.map(moduleName))),
            ]
        }
        return [
            "intro": .v(s.format("roadmapIntroFmt", ["n": String(p.totals.selectedModules), "p": String(p.phases.count),
                                                  "w": String(p.totals.durationWeeks), "k": String(p.totals.workstreams ?? 1)])),
            "phases": .v(phases),
            "hasPhases": .v(!phases.isEmpty),
        ]
    }
}
