import Foundation
import GaizaoCore

/// Throughput on all cores without the `gaizao batch` process around it: what the computation alone can do,
/// and what the file system alone can do with the same bytes. Together they explain the batch figure.
enum Throughput {
    /// Diagnose, plan and render md+html+json on all cores, in memory. Returns proposals per second and the
    /// mean bytes of each format (md, html, json).
    static func inMemory(sheets: [AnswerSheet], engine: Engine, renderer: ProposalRenderer) throws -> (rate: Double, sizes: [Int]) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let totals = Totals(workers)
        let t0 = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var md = 0, html = 0, json = 0
            // As a batch worker renders: into buffers reused from one proposal to the next.
            var buffers = DocumentBuffers()
            for k in stride(from: w, to: sheets.count, by: workers) {
                guard let p = try? engine.run(sheets[k]).proposal else { continue }
                renderer.render(p, lang: .zh, markdown: true, html: true, into: &buffers)
                md += buffers.markdown.count
                html += buffers.html.count
                json += p.jsonBytes().count
            }
            totals.set(w, [md, html, json])
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let sums = totals.sum()
        return (Double(sheets.count) / seconds, sums.map { $0 / max(sheets.count, 1) })
    }

    /// Writes `count` folders of three files of the given sizes under `root`, on all cores, with the same system
    /// calls `gaizao batch` uses (mkdir, open/write/close, rename into place): the file system's ceiling.
    static func fileSystemFloor(count: Int, sizes: [Int], root: String) -> Double {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let payloads = sizes.map { [UInt8](repeating: UInt8(ascii: "x"), count: $0) }
        mkdir(root, 0o755)
        mkdir(root + "/.staging", 0o755)
        let t0 = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for k in stride(from: w, to: count, by: workers) {
                let temp = root + "/.staging/\(k)", final = root + "/\(k)"
                mkdir(temp, 0o755)
                for (i, payload) in payloads.enumerated() {
                    let fd = open(temp + "/f\(i)", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                    guard fd >= 0 else { continue }
                    _ = payload.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    close(fd)
                }
                rename(temp, final)
            }
        }
        return Double(count) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }

    /// Per-worker sums, each worker writing only its own slot.
    final class Totals: @unchecked Sendable {
        private var slots: [[Int]]
        private let lock = NSLock()
        init(_ workers: Int) { slots = Array(repeating: [0, 0, 0], count: workers) }
        func set(_ w: Int, _ values: [Int]) { lock.lock(); slots[w] = values; lock.unlock() }
        func sum() -> [Int] { slots.reduce([0, 0, 0]) { a, b in zip(a, b).map(+) } }
    }
}

/// Wall time of one child process from spawn to exit, by the monotonic clock (finer than /usr/bin/time's 10 ms).
enum ProcessTimer {
    static func seconds(_ arguments: [String]) -> Double? {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let t0 = DispatchTime.now().uptimeNanoseconds
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        return status == 0 ? elapsed : nil
    }
}
