import Foundation

/// A progress bar with count, rate and ETA on a terminal (stderr); silent otherwise.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var last = Date.distantPast
    private let lock = NSLock()

    init(enabled: Bool = isatty(2) != 0) { self.enabled = enabled }

    func update(done: Int, failed: Int, total: Int?) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 || done == total else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        var line = "\r"
        if let total, total > 0 {
            let width = 30
            let filled = min(width, done * width / total)
            line += "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] "
            line += "\(done)/\(total)"
            if rate > 0 { line += "  ETA \(Self.clock(Double(total - done) / rate))" }
        } else {
            line += "\(done)"
        }
        line += String(format: "  %.0f/s", rate)
        if failed > 0 { line += "  ✗\(failed)" }
        Console.writeErr(Data((line + "\u{1B}[K").utf8))
    }

    func finish() {
        guard enabled else { return }
        Console.writeErr(Data("\n".utf8))
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
