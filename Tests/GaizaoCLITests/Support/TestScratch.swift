import Foundation

/// Where the command-line tests write their files: fresh paths under one folder of this test process
/// (`/tmp/gaizao-tests-PID`), which is removed when the process exits, so a test run leaves nothing behind in
/// the system's temporary folder however a test ends. A run that is killed leaves its folder; the next run removes
/// the folders of processes that no longer exist.
enum TestScratch {
    private static let prefix = "gaizao-tests-"

    /// This process's folder, created (and its exit hook installed) on first use.
    static let root: String = {
        let base = NSTemporaryDirectory()
        removeFoldersOfEndedRuns(in: base)
        let path = (base as NSString).appendingPathComponent(prefix + String(getpid()))
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestScratch.root) }
        return path
    }()

    /// A path under `root` named `name-UNIQUE`, not created: a test makes it a folder or a file, or checks that
    /// gaizao creates (or refuses to create) it.
    static func path(_ name: String) -> String {
        (root as NSString).appendingPathComponent("\(name)-\(UUID().uuidString)")
    }

    /// `path(name)` as a file URL.
    static func url(_ name: String) -> URL { URL(fileURLWithPath: path(name)) }

    /// A new empty folder under `root`.
    static func folder(_ name: String) throws -> URL {
        let url = url(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes `gaizao-tests-PID` folders whose process has ended (a run stopped by a signal or a crash).
    private static func removeFoldersOfEndedRuns(in base: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            // Signal 0 checks that the process exists; ESRCH says it does not.
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (base as NSString).appendingPathComponent(name))
            }
        }
    }
}
