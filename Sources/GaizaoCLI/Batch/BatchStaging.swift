import Foundation

/// Each enterprise's files are written into a scratch folder and moved into place whole, so an interrupted
/// batch never leaves a half-written result folder; scratch left by a killed run is removed by the next run.
///
/// The output and scratch folders are opened once, and every folder and file is made relative to them
/// (`mkdirat`, `openat`, `renameat`): the kernel resolves one or two path components per call instead of the
/// whole absolute path, and a folder renamed or replaced under the batch cannot redirect its writes.
final class BatchStaging: Sendable {
    let outputDirectory: String
    let scratch: String
    private let outputFolder: Int32
    private let scratchFolder: Int32

    init(outputDirectory: String) throws {
        self.outputDirectory = outputDirectory
        self.scratch = (outputDirectory as NSString).appendingPathComponent(".gaizao-staging")
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("\(outputDirectory): cannot create the output folder (\(FileIO.reason(error)))")
        }
        try? FileManager.default.removeItem(atPath: scratch)
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        outputFolder = try Self.openFolder(outputDirectory)
        scratchFolder = try Self.openFolder(scratch)
    }

    deinit {
        close(outputFolder)
        close(scratchFolder)
    }

    private static func openFolder(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw CLIError.input("\(path): cannot open the folder (\(String(cString: strerror(errno))))") }
        return fd
    }

    /// A new, empty scratch folder for one enterprise's files; `Folder.publish()` moves it into place.
    func begin(folder name: String) throws -> Folder {
        let temp = scratch + "/" + name
        if mkdirat(scratchFolder, name, 0o755) != 0 {
            // Left over from an earlier attempt under the same name: start it afresh.
            guard errno == EEXIST else { throw CLIError.input("\(temp): cannot create (\(String(cString: strerror(errno))))") }
            try? FileManager.default.removeItem(atPath: temp)
            if mkdirat(scratchFolder, name, 0o755) != 0 { throw CLIError.input("\(temp): cannot create (\(String(cString: strerror(errno))))") }
        }
        return Folder(staging: self, name: name)
    }

    /// One enterprise's folder while it is being written in scratch.
    struct Folder {
        let staging: BatchStaging
        let name: String

        /// Writes one file into the folder. Throws the system's reason, with the file's full path.
        func write(_ file: String, _ bytes: UnsafeRawBufferPointer) throws {
            try FileIO.writeFile(bytes, in: staging.scratchFolder, at: name + "/" + file,
                                 display: staging.scratch + "/" + name + "/" + file)
        }

        func write(_ file: String, _ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try write(file, $0) }
        }

        /// Moves the finished folder into the output folder; a result folder from an earlier run is replaced whole.
        func publish() throws {
            let output = staging.outputDirectory + "/" + name
            if renameat(staging.scratchFolder, name, staging.outputFolder, name) != 0 {
                guard errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR || errno == EISDIR else {
                    throw CLIError.input("\(output): cannot move into place (\(String(cString: strerror(errno))))")
                }
                try? FileManager.default.removeItem(atPath: output)
                if renameat(staging.scratchFolder, name, staging.outputFolder, name) != 0 {
                    throw CLIError.input("\(output): cannot move into place (\(String(cString: strerror(errno))))")
                }
            }
        }

        /// Removes the folder after a failure, so that nothing half-written is left in scratch.
        func discard() { try? FileManager.default.removeItem(atPath: staging.scratch + "/" + name) }
    }

    func removeAll() { try? FileManager.default.removeItem(atPath: scratch) }
}

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
