import Foundation

/// Each enterprise's files are written into a scratch folder and moved into place whole, so an interrupted
/// batch never leaves a half-written result folder; scratch left by a killed run is removed by the next run.
struct BatchStaging: Sendable {
    let outputDirectory: String
    let scratch: String

    init(outputDirectory: String) throws {
        self.outputDirectory = outputDirectory
        self.scratch = (outputDirectory as NSString).appendingPathComponent(".gaizao-staging")
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("\(outputDirectory): cannot create the output folder (\(FileIO.reason(error)))")
        }
        removeAll()
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    func publish(folder: String, files: [(String, String)]) throws {
        let temp = (scratch as NSString).appendingPathComponent(folder)
        let final = (outputDirectory as NSString).appendingPathComponent(folder)
        let fm = FileManager.default
        try? fm.removeItem(atPath: temp)
        do {
            try fm.createDirectory(atPath: temp, withIntermediateDirectories: true)
            for (name, text) in files {
                try Data(text.utf8).write(to: URL(fileURLWithPath: (temp as NSString).appendingPathComponent(name)))
            }
            if fm.fileExists(atPath: final) { try fm.removeItem(atPath: final) }
            if rename(temp, final) != 0 { throw CLIError.input("\(final): cannot move into place (\(String(cString: strerror(errno))))") }
        } catch let e as CLIError {
            try? fm.removeItem(atPath: temp)
            throw e
        } catch {
            try? fm.removeItem(atPath: temp)
            throw CLIError.input("\(final): cannot write (\(FileIO.reason(error)))")
        }
    }

    func removeAll() { try? FileManager.default.removeItem(atPath: scratch) }
}

/// Set from the signal handler; read by the batch loop. A plain flag is all a handler may safely touch.
nonisolated(unsafe) private var batchStopSignal: sig_atomic_t = 0

private func batchSignalHandler(_ number: Int32) { batchStopSignal = number }

/// On SIGINT/SIGTERM/SIGHUP the batch stops taking records, lets the ones in flight finish moving into place,
/// removes its scratch and exits 130: result folders already in place are complete; no summary is written.
final class BatchStopper: @unchecked Sendable {
    private static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    var stopping: Bool { batchStopSignal != 0 }

    func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in Self.watched {
            _ = signal(number, batchSignalHandler)
            sigaddset(&unblock, number)
        }
        // A parent may start us with these signals blocked (test runners do); we must receive them.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Called by the batch loop once the records in flight are done.
    func finishInterrupted(_ staging: BatchStaging) -> Never {
        staging.removeAll()
        FileHandle.standardError.write(Data("\ninterrupted: the result folders in place are complete; run the same command again to redo the batch\n".utf8))
        exit(130)
    }
}
