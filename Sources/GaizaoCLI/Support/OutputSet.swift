import Foundation

/// Writes a set of files (a proposal's md, html, json and pdf; a comparison's md, html and pdf) as one: every file
/// is first written into a scratch folder inside the output folder, and only when all are complete are they moved
/// into place. A failure while writing (disk full, file size limit, the PDF printer) leaves the previous set
/// intact and names the user's file, not a scratch file. Should a move fail midway, the files already replaced
/// are restored from hard-linked copies of the previous ones. Only gaizao's own earlier files are replaced
/// (`OutputLedger`).
struct OutputSet {
    enum Content {
        case bytes([UInt8])
        /// Written by a producer given the scratch path (the PDF printer).
        case produced((String) throws -> Void)
    }

    /// Writes `files` (final path → content) and returns their paths in the order given.
    /// `userAgreed`: the user was asked and chose to replace the existing files (the wizard), whoever wrote them.
    static func write(_ files: [(path: String, content: Content)], into folder: String, userAgreed: Bool = false) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("\(folder): cannot create the output folder (\(FileIO.reason(error)))")
        }
        // A file of an output's name that is not gaizao's own unchanged output (the user's notes, an edited
        // proposal) is kept: the run stops here, before anything is written.
        if !userAgreed { try OutputLedger.refuseForeignFiles(files.map(\.path), in: folder) }
        let scratch = (folder as NSString).appendingPathComponent(".gaizao-writing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        if mkdir(scratch, 0o755) != 0 {
            throw CLIError.input("\(folder): cannot write into the output folder (\(String(cString: strerror(errno))))")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var staged: [(final: String, temp: String)] = []
        for (i, file) in files.enumerated() {
            let temp = scratch + "/\(i)-" + (file.path as NSString).lastPathComponent
            switch file.content {
            case let .bytes(bytes):
                try bytes.withUnsafeBytes { try FileIO.writeFile($0, in: AT_FDCWD, at: temp, display: file.path) }
            case let .produced(produce):
                try produce(temp)
            }
            staged.append((file.path, temp))
        }
        // Keep the previous files (hard links cost nothing) until every new one is in place.
        var backups: [(final: String, backup: String)] = []
        for (i, s) in staged.enumerated() {
            let backup = scratch + "/previous-\(i)"
            if link(s.final, backup) == 0 { backups.append((s.final, backup)) }
        }
        for (i, s) in staged.enumerated() where rename(s.temp, s.final) != 0 {
            let reason = String(cString: strerror(errno))
            for done in staged[..<i] {
                if let b = backups.first(where: { $0.final == done.final }) { rename(b.backup, b.final) } else { unlink(done.final) }
            }
            throw CLIError.input("\(s.final): cannot write (\(reason)); the previous files are unchanged")
        }
        OutputLedger.record(staged.map(\.final), in: folder)
    }
}
