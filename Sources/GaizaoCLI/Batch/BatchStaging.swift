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

    /// Scratch folders are named `.gaizao-staging-PID-RANDOM` and hold this marker file: only folders that have
    /// it are ever removed as scratch left by a killed run, so a user's own folder of a similar name is safe.
    static let scratchPrefix = ".gaizao-staging-"
    static let marker = ".gaizao-batch-scratch"

    /// The caller holds the output folder's lock (`BatchLock`): no other batch is writing there, so scratch
    /// folders of earlier runs are abandoned and removed.
    init(outputDirectory: String) throws {
        self.outputDirectory = outputDirectory
        self.scratch = (outputDirectory as NSString).appendingPathComponent(
            Self.scratchPrefix + "\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))")
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("\(outputDirectory): cannot create the output folder (\(FileIO.reason(error)))")
        }
        Self.removeAbandonedScratch(in: outputDirectory)
        if mkdir(scratch, 0o755) != 0 {
            throw CLIError.input("\(outputDirectory): cannot write into the output folder (\(String(cString: strerror(errno))))")
        }
        _ = FileManager.default.createFile(atPath: scratch + "/" + Self.marker, contents: Data())
        outputFolder = try Self.openFolder(outputDirectory)
        scratchFolder = try Self.openFolder(scratch)
    }

    /// Removes the scratch folders that killed runs left behind: those named like ours that hold the marker.
    static func removeAbandonedScratch(in outputDirectory: String) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? [] where name.hasPrefix(scratchPrefix) {
            let path = outputDirectory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR,
                  lstat(path + "/" + marker, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
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

    /// Whether `path` is a folder (not a link) holding nothing but a batch's proposal files: what `publish` may
    /// replace whole.
    static func isResultFolder(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR,
              case let .success(names) = FileIO.folderEntries(path) else { return false }
        return names.allSatisfy { ["proposal.md", "proposal.html", "proposal.json"].contains($0) }
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
        /// Anything else of that name (a user's file or folder, a link) is kept and this folder is not published.
        func publish() throws {
            let output = staging.outputDirectory + "/" + name
            if renameat(staging.scratchFolder, name, staging.outputFolder, name) != 0 {
                guard errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR || errno == EISDIR else {
                    throw CLIError.input("\(output): cannot move into place (\(String(cString: strerror(errno))))")
                }
                guard BatchStaging.isResultFolder(output) else {
                    throw CLIError.input("\(output): a file or folder of that name that gaizao did not write is in the way; it was kept, and this enterprise's folder was not written")
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

    /// Removes the scratch folder and all it holds (the answers kept between the passes, folders not published).
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
        Console.writeErr(Data("\ninterrupted: the result folders in place are complete; run the same command again to redo the batch (its folders are numbered after these)\n".utf8))
        exit(130)
    }
}

/// An exclusive lock on a batch's output folder (`flock` on `DIR/.gaizao-batch.lock`), held until the process
/// ends: two batches writing into one folder would replace each other's summary and results. The lock file is
/// left in place (removing it would let a third run lock a different file than the second).
enum BatchLock {
    static let fileName = ".gaizao-batch.lock"

    /// Locks `folder` (which exists) or throws the clear message for a folder in use.
    static func acquire(_ folder: String, display: String) throws {
        let path = folder + "/" + fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw CLIError.input("\(display): cannot write into the output folder (\(String(cString: strerror(errno))))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw CLIError.input(busy ? CLIMessages.outputFolderLocked(display) : "\(display): cannot lock the output folder (\(reason))")
        }
        // Deliberately never closed: the lock lasts as long as the process.
    }
}

/// What an output folder already holds from earlier batches: result folders named `NNNNN-…`.
enum EarlierResults {
    /// The number of result folders and the highest number among them (0 when none).
    static func scan(_ folder: String) -> (count: Int, highest: Int) {
        var count = 0, highest = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let dash = name.firstIndex(of: "-") else { continue }
            let digits = name[..<dash]
            guard digits.count >= 5, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDir), isDir.boolValue else { continue }
            count += 1
            highest = max(highest, n)
        }
        return (count, highest)
    }
}
