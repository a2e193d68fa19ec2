/// Runs independent jobs and returns their results in job order. The core starts no threads of its own: a
/// caller that may use several cores (the CLI) passes a runner that does; everyone else gets them in sequence.
public protocol JobRunner: Sendable {
    /// `body(k)` for every k in `0..<count`, each exactly once, in any order and on any thread; jobs are best
    /// started in index order (callers put the longest first).
    func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T]
}

/// Every job in order, on the calling thread.
public struct SequentialJobRunner: JobRunner {
    public init() {}

    public func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        (0..<count).map(body)
    }
}
