/// Phases from dependency order: a module's phase is one after the latest phase of the chosen modules it
/// requires; each phase starts when the previous one ends and lasts as long as its longest module.
/// Works on decision indices (which are module indices, see `Planner`) with the requirements resolved once.
enum Scheduler {
    static func schedule(_ decisions: inout [ModuleDecision], _ tables: PlanTables) -> [Phase] {
        let count = decisions.count
        let selected = decisions.map(\.status.isSelected)
        var depth = [Int?](repeating: nil, count: count)
        // The modules on the current path of the walk: a requirement back onto it is a cycle (a lint error),
        // counted as depth 0 so that the walk always ends.
        var onPath = [Bool](repeating: false, count: count)
        func depthOf(_ i: Int) -> Int {
            if let d = depth[i] { return d }
            if onPath[i] { return 0 }
            onPath[i] = true
            var d: Int?
            for j in tables.modules[i].requires where selected[j] {
                let through = depthOf(j) + 1
                d = Swift.max(d ?? through, through)
            }
            onPath[i] = false
            depth[i] = d ?? 0
            return d ?? 0
        }
        // In id order, as the memo of a walk through a cycle depends on where it starts.
        for i in tables.modulesByID where selected[i] { _ = depthOf(i) }
        let phaseCount = (depth.compactMap { $0 }.max() ?? -1) + 1
        var phases: [Phase] = []
        var start = 0
        for p in 0..<phaseCount {
            let members = (0..<count).filter { selected[$0] && depth[$0] == p }
            guard !members.isEmpty else { continue }
            let length = members.map { decisions[$0].durationWeeks }.max() ?? 0
            phases.append(Phase(index: phases.count + 1, modules: members.map { decisions[$0].moduleID }, startWeek: start, endWeek: start + length))
            for i in members {
                decisions[i].phase = phases.count
                decisions[i].startWeek = start
                decisions[i].endWeek = start + decisions[i].durationWeeks
            }
            start += length
        }
        return phases
    }
}
