/// Runs two independent pieces of work and returns both results. The core starts no threads of its own: a
/// caller that may use several cores (the CLI) passes a runner that does; everyone else gets them in sequence.
public protocol PairRunner: Sendable {
    func run<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B)
}

/// The first, then the second, on the calling thread.
public struct SequentialPairRunner: PairRunner {
    public init() {}

    public func run<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        (first(), second())
    }
}
