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

    func publish(folder: String, files: [(String, [UInt8])]) throws {
        let temp = scratch + "/" + folder
        let final = outputDirectory + "/" + folder
        do {
            if mkdir(temp, 0o755) != 0 {
                // Left over from an earlier attempt under the same name: start it afresh.
                guard errno == EEXIST else { throw CLIError.input("\(temp): cannot create (\(String(cString: strerror(errno))))") }
                try? FileManager.default.removeItem(atPath: temp)
                if mkdir(temp, 0o755) != 0 { throw CLIError.input("\(temp): cannot create (\(String(cString: strerror(errno))))") }
            }
            for (name, text) in files { try FileIO.writeFile(text, to: temp + "/" + name) }
            if rename(temp, final) != 0 {
                // A result folder from an earlier run is replaced whole.
                guard errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR || errno == EISDIR else {
                    throw CLIError.input("\(final): cannot move into place (\(String(cString: strerror(errno))))")
                }
                try? FileManager.default.removeItem(atPath: final)
                if rename(temp, final) != 0 { throw CLIError.input("\(final): cannot move into place (\(String(cString: strerror(errno))))") }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
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
