import Foundation
import GaizaoCore

/// Which files of an output folder gaizao wrote, so that a run replaces its own earlier output and nothing else.
///
/// `diagnose`, `wizard` and `compare` name their files (`firm.md`, `comparison.html`); a file of that name may be
/// the user's own — notes called comparison.md, an edited proposal. The folder keeps a ledger, `.gaizao-files`,
/// in `sha256sum` format (`sha256sum -c .gaizao-files` checks it): one line per file gaizao wrote there, with the
/// SHA-256 of what it wrote. An existing file may be replaced when its ledger line matches its bytes (gaizao's,
/// unchanged since). A file the ledger names with other bytes was changed after gaizao wrote it, and is kept. A
/// file the ledger does not name (output of a version before the ledger, or a folder whose ledger was removed) is
/// recognised by its content: proposal or comparison JSON by its schema, Markdown, HTML or PDF when a sibling of
/// the same base name is recognised, or when it names its generator (gaizao). Anything else is kept and the run
/// refused before anything is written.
enum OutputLedger {
    static let fileName = ".gaizao-files"

    /// Refuses, before anything is written, when one of `paths` (all in `folder`) exists and is not gaizao's own
    /// unchanged output. `recognisedWithoutRecord` says whether a file the ledger does not name is gaizao's by its
    /// content (default: `recognised`, for proposals and comparisons; the batch summary files have their own).
    static func refuseForeignFiles(_ paths: [String], in folder: String,
                                   recognisedWithoutRecord: ((String) -> Bool)? = nil) throws {
        let ledger = read(folder)
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let name = (path as NSString).lastPathComponent
            guard FileIO.isRegularFile(path) else {
                throw CLIError.input("\(FileIO.displayPath(path)): a folder or special file of that name is in the way; it was kept and nothing was written (move it, or choose another output folder)")
            }
            if let recorded = ledger[name] {
                if hash(path) == recorded { continue }
                throw CLIError.input("\(FileIO.displayPath(path)): changed since gaizao wrote it; it was kept and nothing was written (move or rename it, or choose another output folder)")
            }
            if recognisedWithoutRecord?(path) ?? recognised(path, siblings: paths) { continue }
            throw CLIError.input("\(FileIO.displayPath(path)): not a file gaizao wrote, and this run would replace it; it was kept and nothing was written (move it, or choose another output folder)")
        }
    }

    /// Records the files just written (their final paths) in the folder's ledger. A ledger that cannot be written
    /// costs only the check's precision next time (the content fallback), so it never fails the run.
    static func record(_ paths: [String], in folder: String) {
        update(folder) { ledger in
            for path in paths {
                guard let digest = hash(path) else { continue }
                ledger[(path as NSString).lastPathComponent] = digest
            }
        }
    }

    /// Records `bytes` as what gaizao just wrote to the file `name` of `folder`, hashing the bytes it holds rather
    /// than reading the file back. Bytes above `readLimit` are not recorded (the file could never be hashed to
    /// compare, and would always count as changed): such a file is recognised by its content, as before the ledger.
    static func record(_ name: String, bytes: [UInt8], in folder: String) {
        update(folder) { $0[name] = bytes.count <= readLimit ? SHA256Text.hex(bytes) : nil }
    }

    /// Drops the line of the file `name` of `folder` once gaizao has removed that file (a clean batch removes the
    /// errors.csv of an earlier run), so that a file of that name made later is not compared with it. A file that
    /// is still there keeps its line.
    static func forget(_ name: String, in folder: String) {
        guard !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) else { return }
        update(folder) { $0[name] = nil }
    }

    /// Reads the ledger, applies `change` and writes it back (unchanged ledgers are not rewritten).
    private static func update(_ folder: String, _ change: (inout [String: String]) -> Void) {
        let before = read(folder)
        var ledger = before
        change(&ledger)
        guard ledger != before else { return }
        let text = ledger.keys.sorted().map { "\(ledger[$0]!)  \($0)\n" }.joined()
        try? FileIO.writeAtomically(text, to: (folder as NSString).appendingPathComponent(fileName))
    }

    /// The ledger's lines as name → SHA-256 hex; an absent, unreadable or malformed ledger is an empty one (lines
    /// that do not parse are skipped).
    static func read(_ folder: String) -> [String: String] {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileIO.isRegularFile(path), let data = contents(path) else { return [:] }
        var ledger: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 64, parts[1].hasPrefix(" ") else { continue }
            ledger[String(parts[1].dropFirst())] = String(parts[0])
        }
        return ledger
    }

    /// The largest file the ledger hashes or reads to recognise: gaizao's outputs are well below it, and a file
    /// above it is not loaded to find out (it counts as changed, or as not gaizao's).
    static let readLimit = 64 << 20

    /// SHA-256 hex of the file's bytes; nil when it cannot be read or is above `readLimit`.
    static func hash(_ path: String) -> String? {
        contents(path).map { SHA256Text.hex([UInt8]($0)) }
    }

    /// The file's bytes, or nil when it cannot be read or holds more than `readLimit` (read no further than that).
    static func contents(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: readLimit + 1) ?? Data(), data.count <= readLimit else { return nil }
        return data
    }

    /// Whether a file the ledger does not name is gaizao's output by its content.
    static func recognised(_ path: String, siblings: [String]) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "json":
            // Both schemas carry their id as a string value; a search of the text finds it whatever the key order.
            guard let data = contents(path) else { return false }
            let text = String(decoding: data, as: UTF8.self)
            return text.contains("\"gaizao.proposal/") || text.contains("\"gaizao.comparison/")
        case "md", "html", "pdf":
            let base = (path as NSString).deletingPathExtension
            let jsonSibling = base + ".json"
            if FileManager.default.fileExists(atPath: jsonSibling), recognised(jsonSibling, siblings: siblings) { return true }
            // The shipped templates name the generator ("生成工具：gaizao 0.1.0", `<meta name="generator">`).
            guard ext != "pdf", let data = contents(path) else { return false }
            return String(decoding: data, as: UTF8.self).contains("gaizao")
        default:
            return false
        }
    }
}
