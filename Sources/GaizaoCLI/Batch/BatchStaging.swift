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
            throw CLIError.input("\(outputDirectory): cannot create the output folder (\(error.localizedDescription))")
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
            throw CLIError.input("\(final): cannot write (\(error.localizedDescription))")
        }
    }

    func removeAll() { try? FileManager.default.removeItem(atPath: scratch) }
}

/// On SIGINT/SIGTERM/SIGHUP: stop taking new records, remove scratch, say how to rerun, exit 130.
final class BatchStopper: @unchecked Sendable {
    private let staging: BatchStaging
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var _stopping = false

    init(staging: BatchStaging) { self.staging = staging }

    var stopping: Bool { lock.lock(); defer { lock.unlock() }; return _stopping }

    func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in
                lock.lock(); _stopping = true; lock.unlock()
                // Let records in flight finish their move into place, then clear the scratch.
                usleep(300_000)
                staging.removeAll()
                FileHandle.standardError.write(Data("\ninterrupted: finished folders are complete; run the same command again to redo the batch\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }
}
