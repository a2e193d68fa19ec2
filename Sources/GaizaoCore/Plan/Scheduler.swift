/// Phases from dependency order: a module's phase is one after the latest phase of the chosen modules it
/// requires; each phase starts when the previous one ends and lasts as long as its longest module.
enum Scheduler {
    static func schedule(_ decisions: inout [ModuleDecision], industry: Industry) -> [Phase] {
        let selected = Set(decisions.filter(\.status.isSelected).map(\.moduleID))
        var depth: [String: Int] = [:]
        func depthOf(_ id: String, _ guardSet: Set<String>) -> Int {
            if let d = depth[id] { return d }
            if guardSet.contains(id) { return 0 }  // cycles are lint errors; never loop
            let requires = (industry.module(id)?.requiredIDs ?? []).filter(selected.contains)
            let d = requires.map { depthOf($0, guardSet.union([id])) + 1 }.max() ?? 0
            depth[id] = d
            return d
        }
        for id in selected.sorted() { _ = depthOf(id, []) }
        let count = (depth.values.max() ?? -1) + 1
        var phases: [Phase] = []
        var start = 0
        for p in 0..<count {
            let members = decisions.filter { selected.contains($0.moduleID) && depth[$0.moduleID] == p }
            guard !members.isEmpty else { continue }
            let length = members.map(\.durationWeeks).max() ?? 0
            phases.append(Phase(index: phases.count + 1, modules: members.map(\.moduleID), startWeek: start, endWeek: start + length))
            for i in decisions.indices where selected.contains(decisions[i].moduleID) && depth[decisions[i].moduleID] == p {
                decisions[i].phase = phases.count
                decisions[i].startWeek = start
                decisions[i].endWeek = start + decisions[i].durationWeeks
            }
            start += length
        }
        return phases
    }
}

