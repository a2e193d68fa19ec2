import Foundation

/// Hands the batch's records to its workers one at a time, numbered in input order. Each worker takes its next
/// record itself as soon as it is free: no core waits for a coordinating loop to refill it, and only the records
/// being worked on are held, whatever the size of the input.
final class BatchFeed: @unchecked Sendable {
    private let lock = NSLock()
    private let stopper: BatchStopper
    // Guarded by `lock`.
    private var records: BatchInputs
    private var count = 0
    private var finished = false

    init(_ records: BatchInputs, stopper: BatchStopper) {
        self.records = records
        self.stopper = stopper
    }

    /// The next record and its 1-based index, or nil at the end of the input or once the batch is stopping.
    func next() -> (index: Int, record: BatchRecord)? {
        lock.lock()
        defer { lock.unlock() }
        // Once the input has ended it is not read again: a terminal would wait for a second end-of-file.
        guard !finished, !stopper.stopping, let record = records.next() else {
            finished = true
            return nil
        }
        count += 1
        return (count, record)
    }

    /// The inputs read so far that held no enterprise.
    var emptyInputs: [(origin: String, message: String)] {
        lock.lock()
        defer { lock.unlock() }
        return records.empty
    }
}

/// The rows of a batch as its workers finish them, with running totals for the progress bar.
final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private let progress: ProgressBar
    // Guarded by `lock`.
    private var rows: [BatchRow] = []
    private var totals = BatchTotals()

    init(progress: ProgressBar) { self.progress = progress }

    func add(_ row: BatchRow) {
        lock.lock()
        defer { lock.unlock() }
        totals.add(row)
        rows.append(row)
        progress.update(done: totals.done + totals.failed, failed: totals.failed, total: nil)
    }

    /// The rows in input order, handed over: none are kept here, so the batch holds one copy of them.
    func takeRows() -> [BatchRow] {
        lock.lock()
        defer { lock.unlock() }
        var taken: [BatchRow] = []
        swap(&taken, &rows)
        taken.sort { $0.index < $1.index }
        return taken
    }
}
