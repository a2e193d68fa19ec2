import Foundation
import GaizaoCore

/// Work started on another thread now and collected later (`value()` waits for it).
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    func value() -> T {
        done.wait()
        done.signal()  // later calls return at once
        return result!
    }
}

/// Runs jobs on every core: each worker takes the next job not yet started (so the longest, given first, start
/// first and the cores finish close together); the calling thread is one of the workers.
public struct ThreadJobRunner: JobRunner {
    public init() {}

    public func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return (0..<count).map(body) }
        let shared = JobResults<T>(count: count)
        let work: @Sendable () -> Void = {
            while let k = shared.nextJob() { shared.set(k, body(k)) }
        }
        let others = (1..<workers).map { _ in Background(work) }
        work()
        for other in others { other.value() }
        return shared.results()
    }
}

/// The next job to start and the results so far, shared by a runner's workers.
private final class JobResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var next = 0
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextJob() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ k: Int, _ value: T) {
        lock.lock()
        defer { lock.unlock() }
        slots[k] = value
    }

    /// Every job's result, once all have run.
    func results() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
