import Foundation
import Testing

/// Runs the `gaizao` executable that `swift build` / `swift test` produced for this checkout.
enum GaizaoBinary {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Ended by a signal (a trap, a crash) rather than by `exit`.
        var crashed: Bool
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var shippedCatalogs: URL { repositoryRoot.appendingPathComponent("catalogs") }

    /// The built binary: beside the test bundle first (the configuration `swift test` built), then the
    /// package's `.build/debug` and `.build/release`.
    static var executable: URL? {
        var candidates: [URL] = []
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("gaizao"))
        }
        for config in ["debug", "release"] {
            candidates.append(repositoryRoot.appendingPathComponent(".build/\(config)/gaizao"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var description: String { "the gaizao executable was not found; run `swift build` first" }
    }

    /// Runs `gaizao arguments` in `directory` with colour off and no catalog environment; collects both streams.
    /// Starts `gaizao arguments` with standard input from `stdin` and output discarded; the caller waits.
    static func start(_ arguments: [String], stdin: URL) throws -> Process {
        let process = try prepared(arguments)
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts `gaizao arguments` in `directory` with standard input read from `stdin` (the read end of a pipe the
    /// test holds open, say) and output discarded; the caller stops it and waits.
    static func start(_ arguments: [String], in directory: URL, stdin: FileHandle) throws -> Process {
        let process = try prepared(arguments)
        process.currentDirectoryURL = directory
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `gaizao arguments` with standard output written to `/dev/full` (every write fails: a full disk behind
    /// `> file`); returns the exit status, whether a signal ended it, and standard error.
    static func runIntoFullDevice(_ arguments: [String]) throws -> (status: Int32, crashed: Bool, stderr: String) {
        let process = try prepared(arguments)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, text)
    }

    /// Waits at most `seconds` for `process` to end; kills it (and returns false) when it has not.
    static func waitForExit(_ process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        process.waitUntilExit()
        return true
    }

    /// The built binary with colour off and no catalog or template environment.
    private static func prepared(_ arguments: [String]) throws -> Process {
        guard let executable else { throw NotBuilt() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GAIZAO_CATALOG"] = nil
        environment["GAIZAO_TEMPLATES"] = nil
        // Messages follow the locale: tests read them in English unless they set a locale themselves.
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        // English messages unless a test asks for Chinese (a locale naming no language gives Chinese).
        environment["LANG"] = "en_US.UTF-8"
        process.environment = environment
        return process
    }

    /// - Parameters:
    ///   - environment: variables to set (an empty value removes one).
    ///   - wrapper: a command that runs the binary (`["/bin/sh", "-c", "ulimit -f 40; exec \"$0\" \"$@\""]`): the
    ///     binary's path and the arguments are appended to it.
    static func run(_ arguments: [String], in directory: URL? = nil, stdin: URL? = nil, environment: [String: String] = [:],
                    wrapper: [String] = []) throws -> Run {
        let process = try prepared(arguments)
        for (key, value) in environment { process.environment?[key] = value.isEmpty ? nil : value }
        if let first = wrapper.first, let executable = process.executableURL {
            process.arguments = Array(wrapper.dropFirst()) + [executable.path] + arguments
            process.executableURL = URL(fileURLWithPath: first)
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        // Drain stderr on another thread so a full pipe buffer cannot block the child.
        let errBox = DataBox()
        let drained = DispatchGroup()
        drained.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            drained.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errBox.data, as: UTF8.self),
                   crashed: process.terminationReason == .uncaughtSignal)
    }

    /// Written once by the draining thread before `drained.leave()`, read after `wait()`.
    private final class DataBox: @unchecked Sendable { var data = Data() }
}
