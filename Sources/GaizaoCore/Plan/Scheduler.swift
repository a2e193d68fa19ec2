/// When each module and measure of the package runs. Modules are list-scheduled on the contractor's
/// workstreams: a module can start once the modules of the package it requires have ended and a workstream is
/// free; of the modules that could start, the one that can start earliest goes first (ties: the longer chain of
/// modules still waiting on it, then the id). Measures are the enterprise's own work on its own track: each
/// starts at week 0, or when the measures of the package it requires have ended. Phases follow the calendar:
/// each opens when the first module of the next dependency depth starts (phase 1 needs nothing of the package),
/// and a module is in the phase open when it starts.
enum Scheduler {
    static func schedule(_ decisions: inout [ModuleDecision], _ measures: inout [MeasureDecision], _ tables: PlanTables,
                         workstreams: Int) -> [Phase] {
        let count = decisions.count
        let selected = decisions.map(\.status.isSelected)
        for i in 0..<count { decisions[i].phase = nil; decisions[i].startWeek = nil; decisions[i].endWeek = nil }
        scheduleMeasures(&measures, tables)
        let depth = depths(selected, tables)
        let tail = tails(selected, decisions, tables)

        var end = [Int?](repeating: nil, count: count)
        var free = [Int](repeating: 0, count: max(1, workstreams))
        var waiting = (0..<count).filter { selected[$0] }
        while !waiting.isEmpty {
            // When each waiting module's requirements end (nil while one has not been scheduled).
            func readyAt(_ i: Int) -> Int? {
                var at = 0
                for j in tables.modules[i].requires where selected[j] && j != i {
                    guard let e = end[j] else { return nil }
                    at = max(at, e)
                }
                return at
            }
            let stream = free.indices.min { free[$0] < free[$1] }!
            var ready = waiting.compactMap { i in readyAt(i).map { (i, max($0, free[stream])) } }
            // A requirement cycle (a lint error) never becomes ready: its modules are then taken as they are.
            if ready.isEmpty { ready = waiting.map { ($0, free[stream]) } }
            let (next, start) = ready.min { a, b in
                (a.1, -tail[a.0], decisions[a.0].moduleID) < (b.1, -tail[b.0], decisions[b.0].moduleID)
            }!
            decisions[next].startWeek = start
            decisions[next].endWeek = start + decisions[next].durationWeeks
            end[next] = start + decisions[next].durationWeeks
            free[stream] = start + decisions[next].durationWeeks
            waiting.removeAll { $0 == next }
        }

        // Phases follow the calendar: phase p opens when the first module of dependency depth p starts, and a
        // module belongs to the last phase open when it starts. A module scheduled late for want of a free
        // workstream therefore joins the phase it runs in, never an earlier one running long after its peers; a
        // prerequisite ends before its dependant starts, so it is in the same phase or an earlier one.
        let depthCount = (depth.compactMap { $0 }.max() ?? -1) + 1
        var opens: [Int] = []
        for p in 0..<depthCount {
            let starts = (0..<count).filter { selected[$0] && depth[$0] == p }.compactMap { decisions[$0].startWeek }
            if let first = starts.min(), first > (opens.last ?? -1) { opens.append(first) }
        }
        let phaseOf = (0..<count).map { i -> Int? in
            guard selected[i], let start = decisions[i].startWeek else { return nil }
            return opens.lastIndex { $0 <= start } ?? 0
        }
        var phases: [Phase] = []
        for p in opens.indices {
            let members = (0..<count).filter { phaseOf[$0] == p }
            guard !members.isEmpty else { continue }
            phases.append(Phase(index: phases.count + 1, modules: members.map { decisions[$0].moduleID },
                                startWeek: members.compactMap { decisions[$0].startWeek }.min() ?? 0,
                                endWeek: members.compactMap { decisions[$0].endWeek }.max() ?? 0))
            for i in members { decisions[i].phase = phases.count }
        }
        return phases
    }

    /// Measures of the package start at week 0, or when the measures of the package they require have ended.
    private static func scheduleMeasures(_ measures: inout [MeasureDecision], _ tables: PlanTables) {
        let inPackage = measures.map { $0.status == .include }
        var start = [Int?](repeating: nil, count: measures.count)
        // The measures on the current path of the walk: a requirement back onto it is a cycle (a lint error),
        // which starts at week 0 so that the walk always ends.
        var onPath = [Bool](repeating: false, count: measures.count)
        func startOf(_ k: Int) -> Int {
            if let s = start[k] { return s }
            if onPath[k] { return 0 }
            onPath[k] = true
            var s = 0
            for r in tables.measures[k].requires where inPackage[r] { s = max(s, startOf(r) + measures[r].durationWeeks) }
            onPath[k] = false
            start[k] = s
            return s
        }
        for k in measures.indices {
            let s = inPackage[k] ? startOf(k) : nil
            measures[k].startWeek = s
            measures[k].endWeek = s.map { $0 + measures[k].durationWeeks }
        }
    }

    /// The package's length in weeks: its last module or measure to end.
    static func weeks(_ decisions: [ModuleDecision], _ measures: [MeasureDecision]) -> Int {
        max(decisions.compactMap(\.endWeek).max() ?? 0, measures.compactMap(\.endWeek).max() ?? 0)
    }

    /// Each selected module's dependency depth: one more than the deepest selected module it requires.
    private static func depths(_ selected: [Bool], _ tables: PlanTables) -> [Int?] {
        var depth = [Int?](repeating: nil, count: selected.count)
        // The modules on the current path of the walk: a requirement back onto it is a cycle (a lint error),
        // counted as depth 0 so that the walk always ends.
        var onPath = [Bool](repeating: false, count: selected.count)
        func depthOf(_ i: Int) -> Int {
            if let d = depth[i] { return d }
            if onPath[i] { return 0 }
            onPath[i] = true
            var d = 0
            for j in tables.modules[i].requires where selected[j] { d = max(d, depthOf(j) + 1) }
            onPath[i] = false
            depth[i] = d
            return d
        }
        // In id order, as the memo of a walk through a cycle depends on where it starts.
        for i in tables.modulesByID where selected[i] { _ = depthOf(i) }
        return depth
    }

    /// Each selected module's weeks plus the longest chain of selected modules that wait on it.
    private static func tails(_ selected: [Bool], _ decisions: [ModuleDecision], _ tables: PlanTables) -> [Int] {
        var tail = [Int?](repeating: nil, count: selected.count)
        var onPath = [Bool](repeating: false, count: selected.count)
        func tailOf(_ i: Int) -> Int {
            if let t = tail[i] { return t }
            if onPath[i] { return 0 }
            onPath[i] = true
            var after = 0
            for j in tables.modules[i].requiredBy where selected[j] { after = max(after, tailOf(j)) }
            onPath[i] = false
            tail[i] = decisions[i].durationWeeks + after
            return tail[i]!
        }
        return selected.indices.map { selected[$0] ? tailOf($0) : 0 }
    }
}
