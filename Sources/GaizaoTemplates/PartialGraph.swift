/// Which templates include which partials (template name → the partials it names, in file order), to find a
/// cycle or a "partial bomb" before anything renders: a partial that includes itself would render forever, and
/// ten partials each including the next ten times would multiply the output. The compiled template set refuses
/// both; the template checks report them at the tag that causes them.
public struct PartialGraph: Sendable {
    public let edges: [String: [String]]

    public init(_ edges: [String: [String]]) { self.edges = edges }

    /// More partial inclusions than this, counted through partials (not sections), is an error.
    public static let maxInclusions = 10_000

    /// How many partials rendering `name` includes, through partials, counted up to just past `maxInclusions`.
    /// The graph must have no cycle.
    public func inclusions(of name: String) -> Int {
        var memo: [String: Int] = [:]
        func count(_ name: String) -> Int {
            if let known = memo[name] { return known }
            var total = 0
            for next in edges[name] ?? [] where edges[next] != nil {
                total = min(total + 1 + count(next), Self.maxInclusions + 1)
            }
            memo[name] = total
            return total
        }
        return count(name)
    }

    /// A cycle as a path that starts and ends at the same template (`a → b → a`), or nil. Deterministic: the
    /// templates and their partials are visited in name and file order.
    public func firstCycle() -> [String]? {
        var state: [String: Bool] = [:]  // false: on the current path; true: done
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let done = state[name] {
                guard !done, let start = path.firstIndex(of: name) else { return nil }
                return Array(path[start...]) + [name]
            }
            state[name] = false
            path.append(name)
            for next in edges[name] ?? [] where edges[next] != nil {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[name] = true
            return nil
        }
        for name in edges.keys.sorted() {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }
}
