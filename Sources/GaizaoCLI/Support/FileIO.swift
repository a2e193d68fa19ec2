import Foundation
import GaizaoCore

/// File reading and atomic writing for the CLI (the core never touches files).
public enum FileIO {
    public static let maxInputBytes = 4 << 20
    /// The most a catalog folder's YAML files may hold together (the shipped catalog is about 0.3 MB; a
    /// contractor's, with hundreds of overlays, a few MB).
    public static let maxCatalogBytes = 16 << 20

    /// Reads a text file; a missing file, a folder, a huge file or invalid UTF-8 is a clear input error.
    public static func readText(_ path: String, display: String? = nil) throws -> SourceFile {
        try decode(readData(path, display: display ?? path), path: display ?? path)
    }

    /// An answers file as `diagnose` and `explain` take it: a path, or `-` for standard input (shown as `stdin`).
    public static func readAnswers(_ path: String) throws -> SourceFile {
        path == "-" ? try readText("/dev/stdin", display: "stdin") : try readText(path)
    }

    /// The bytes of a file; a missing file, a folder or a huge file is a clear input error.
    /// The system's reason is kept: a file that exists but may not be read is "permission denied", not missing.
    static func readData(_ path: String, display shown: String) throws -> Data {
        var st = stat()
        guard stat(path, &st) == 0 else { throw CLIError.input(Self.unreadable(shown, errno)) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw CLIError.input("\(shown): is a folder, not a file") }
        if (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > maxInputBytes {
            throw CLIError.input("\(shown): \(st.st_size) bytes is more than the limit of \(maxInputBytes) bytes")
        }
        // A pipe (a named FIFO, or a shell's `<(…)`) is opened without waiting for a writer, then read as usual:
        // with no writer it reads as empty (an input error) instead of blocking for ever, which no signal ends.
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regular ? 0 : O_NONBLOCK))
        guard fd >= 0 else { throw CLIError.input(Self.unreadable(shown, errno)) }
        if !regular { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            // At most one byte past the limit: a pipe or a growing file cannot make us read without end.
            let data = try handle.read(upToCount: maxInputBytes + 1) ?? Data()
            if data.count > maxInputBytes { throw CLIError.input("\(shown): more than the limit of \(maxInputBytes) bytes") }
            return data
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError.input("\(shown): cannot be read (\(reason(error)))")
        }
    }

    /// Whether `path` is a regular file (not a folder, a pipe or a device): what the readers that open a file by
    /// name (CSV, xlsx) can read without blocking.
    static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// `path: no such file`, `path: cannot be read (permission denied)`, … from an `errno`.
    static func unreadable(_ shown: String, _ code: Int32) -> String {
        switch code {
        case ENOENT: return "\(shown): no such file"
        case EACCES, EPERM: return CLIMessages.permissionDenied(shown)
        default: return "\(shown): cannot be read (\(String(cString: strerror(code))))"
        }
    }

    public static func decode(_ data: Data, path: String) throws -> SourceFile {
        if data.count > maxInputBytes { throw CLIError.input("\(path): \(data.count) bytes is more than the limit of \(maxInputBytes) bytes") }
        switch text(of: data, path: path) {
        case let .success(file): return file
        case let .failure(problem): throw CLIError.located(problem.diagnostic)
        }
    }

    /// The UTF-8 text of `data` (a byte-order mark dropped), or a located error at the first invalid byte.
    static func text(of data: Data, path: String) -> Result<SourceFile, UndecodableFile> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return .failure(UndecodableFile(Diagnostic(.error, notUTF8Message(bytes),
                                                       at: SourceLocation(file: path, line: line, column: column))))
        }
        return .success(SourceFile(path: path, text: text))
    }

    /// What bytes that are not UTF-8 are, when they are what an editor on Windows saves by default: UTF-16
    /// (Notepad's "Unicode", which starts with a byte order mark) or GBK/GB18030 (its "ANSI" on Chinese Windows).
    static func notUTF8Message(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "not valid UTF-8 text: it is UTF-16 (\"Unicode\" in Notepad); save the file as UTF-8"
        }
        if case .success = SpreadsheetText.gb18030(bytes) {
            return "not valid UTF-8 text: it reads as GBK/GB18030 (\"ANSI\" on Chinese Windows); save the file as UTF-8"
        }
        return "not valid UTF-8 text (save the file as UTF-8)"
    }

    struct UndecodableFile: Error {
        var diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        let (line, column, _) = firstInvalidUTF8Position(bytes)
        return (line, column)
    }

    /// Line, column and 0-based byte offset of the first byte that is not UTF-8.
    static func firstInvalidUTF8Position(_ bytes: [UInt8]) -> (line: Int, column: Int, offset: Int) {
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 || i + length > bytes.count || String(validating: bytes[i..<i + length], as: UTF8.self) == nil {
                return (line, column, i)
            }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column, i)
    }

    /// Writes through a temporary file in the same folder and renames it: readers never see half a file.
    /// The operating system's reason behind a Foundation file error, in a few words.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        // Creating a folder where a file of that name is: say so rather than "File exists".
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileWriteFileExistsError { return "a file of that name is in the way" }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
            let u = underlying as NSError
            if u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(u.code))) }
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
    }

    /// Creates or truncates `path` and writes `text` with plain system calls: no fsync (Foundation's
    /// `Data.write` syncs every file, which made batch writes wait on the disk). Atomicity comes from the
    /// callers' rename. Throws the system's reason.
    static func writeFile(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try writeFile(UnsafeRawBufferPointer($0), to: path) }
    }

    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try writeFile($0, to: path) }
    }

    private static func writeFile(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        try writeFile(buffer, in: AT_FDCWD, at: path, display: path)
    }

    /// Creates or truncates `path`, relative to the open folder `folder`, and writes `buffer` as `writeFile`
    /// does; a failure names the file as `display`.
    static func writeFile(_ buffer: UnsafeRawBufferPointer, in folder: Int32, at path: String, display: @autoclosure () -> String) throws {
        let fd = openat(folder, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 {
            let reason = String(cString: strerror(errno))  // before `display()` allocates, which may change errno
            throw CLIError.input("\(display()): cannot write (\(reason))")
        }
        var failure: Int32 = 0
        var offset = 0
        while offset < buffer.count {
            let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += n
        }
        let closed = close(fd) == 0 ? 0 : errno
        if failure != 0 || closed != 0 {
            throw CLIError.input("\(display()): cannot write (\(String(cString: strerror(failure != 0 ? failure : closed))))")
        }
    }

    /// The hidden temporary file `writeAtomically` writes before renaming it to `name`: `.NAME.PID.RANDOM.tmp`, with
    /// the name cut to 100 bytes so that the temporary name stays within the 255 bytes a file name may have (a
    /// name of 250 bytes is a valid answers file, and its temporary file must be one too).
    static func scratchName(for name: String) -> String {
        var kept = ""
        for character in name {
            if kept.utf8.count + character.utf8.count > 100 { break }
            kept.append(character)
        }
        return ".\(kept).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    /// Checks that `writeAtomically` can write `path` now: its folder is created when missing, and a scratch file
    /// is made in it and removed. Throws what `writeAtomically` would (`DIR: cannot create the output folder (…)`,
    /// `path: cannot write (…)`), for a command to refuse before it asks for work that it could not save.
    static func checkWritable(_ path: String) throws {
        let probe = try scratchFile(beside: path)
        defer { unlink(probe.path) }
        try [UInt8]().withUnsafeBytes { try writeFile($0, in: AT_FDCWD, at: probe.path, display: path) }
    }

    /// A scratch file's path in `path`'s folder, the folder created when missing (`DIR: cannot create the output
    /// folder (…)` when it cannot be).
    private static func scratchFile(beside path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("\(dir.path): cannot create the output folder (\(Self.reason(error)))")
        }
        return dir.appendingPathComponent(scratchName(for: url.lastPathComponent))
    }

    public static func writeAtomically(_ text: String, to path: String) throws {
        // The text's own UTF-8 is written: no copy of it as bytes (a batch's summary may be tens of MB).
        try writeAtomically(to: path) { try writeFile(text, to: $0) }
    }

    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try writeAtomically(to: path) { try writeFile(bytes, to: $0) }
    }

    private static func writeAtomically(to path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temp = try scratchFile(beside: path)
        do {
            try write(temp.path)
            if rename(temp.path, url.path) != 0 {
                throw CLIError.input("\(path): cannot write (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            if let e = error as? CLIError { throw e }
            throw CLIError.input("\(path): cannot write (\(Self.reason(error)))")
        }
    }

    /// Every YAML file below `root`, keyed by its path relative to `root`.
    public static func catalogFiles(at root: String, displayPrefix: String) throws -> CatalogFiles {
        var undecodable: [Diagnostic] = []
        let files = try catalogFiles(at: root, displayPrefix: displayPrefix, undecodable: &undecodable)
        if let first = undecodable.first { throw CLIError.located(first) }
        return files
    }

    /// Every YAML file below `root`; a file that is not UTF-8 text (binary junk) is left out and reported in
    /// `undecodable` as a located error, so lint can print it in its usual form instead of stopping.
    public static func catalogFiles(at root: String, displayPrefix: String, undecodable: inout [Diagnostic],
                                    entries: FolderLister = FileIO.folderEntries) throws -> CatalogFiles {
        var files: [String: SourceFile] = [:]
        var count = 0, total = 0
        try walk(root, displayPrefix: displayPrefix, entries: entries) { relative in
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { return }
            count += 1
            if count > 2000 { throw CLIError.input("\(root): more than 2000 YAML files; is this a catalog folder?") }
            let display = displayPrefix.isEmpty ? relative : displayPrefix + "/" + relative
            try requireInside(root, relative, display: display)
            let data = try readData(root + "/" + relative, display: display)
            // Every file is parsed by every command; a folder of files each under the per-file limit must not
            // make a diagnose take minutes.
            total += data.count
            if total > maxCatalogBytes {
                throw CLIError.input("\(root): the YAML files add up to more than the limit of \(maxCatalogBytes) bytes; is this a catalog folder?")
            }
            switch text(of: data, path: display) {
            case let .success(file): files[relative] = file
            case let .failure(problem): undecodable.append(problem.diagnostic)
            }
        }
        return CatalogFiles(files: files, folder: displayPrefix.isEmpty ? "." : displayPrefix)
    }

    /// The names in a folder (without `.` and `..`), or the `errno` that stopped listing it.
    public typealias FolderLister = (String) -> Result<[String], Errno>

    public struct Errno: Error, Sendable {
        public var code: Int32
        public init(_ code: Int32) { self.code = code }
    }

    /// `FolderLister` on the file system.
    public static func folderEntries(_ path: String) -> Result<[String], Errno> {
        guard let dir = opendir(path) else { return .failure(Errno(errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(Errno(errno)) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// Calls `visit` with the path, relative to `root`, of everything below it (files, and folders before
    /// their contents); folders are entered, links to folders are not. Unlike `FileManager`'s enumerator, which
    /// skips a folder it cannot read without a word, a folder that cannot be listed is an error naming it
    /// (`templates/partials: cannot be read (permission denied)`).
    static func walk(_ root: String, displayPrefix: String, entries: FolderLister = FileIO.folderEntries,
                     visit: (String) throws -> Void) throws {
        var pending = [""]
        while let folder = pending.popLast() {
            let path = folder.isEmpty ? root : root + "/" + folder
            let names: [String]
            switch entries(path) {
            case let .success(listed): names = listed
            case let .failure(problem):
                let shown = folder.isEmpty ? (displayPrefix.isEmpty ? "." : displayPrefix)
                    : displayPrefix.isEmpty || displayPrefix == "." ? folder : displayPrefix + "/" + folder
                throw CLIError.input(problem.code == ENOENT ? "\(shown): no such folder" : folderUnreadable(shown, problem.code))
            }
            var below: [String] = []
            for name in names.sorted() {
                let relative = folder.isEmpty ? name : folder + "/" + name
                try visit(relative)
                var st = stat()
                if lstat(root + "/" + relative, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { below.append(relative) }
            }
            pending += below.reversed()
        }
    }

    /// Refuses a file below `root` that is a symbolic link leading out of `root` (a template partial linked to
    /// `/etc/passwd` would be printed into every proposal): a folder of templates or catalogs is read as a whole,
    /// and what it holds is what a reviewer of the folder sees. Links within the folder are fine.
    static func requireInside(_ root: String, _ relative: String, display shown: String) throws {
        var st = stat()
        guard lstat(root + "/" + relative, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return }
        guard let folder = realPath(root) else { return }
        guard let target = realPath(root + "/" + relative) else { return }  // a dangling link: reading it says so
        if !(target == folder || target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")) {
            throw CLIError.input("\(shown): a link to \(target), outside the folder; copy the file into the folder")
        }
    }

    /// The folder part of `path` as `NSString.deletingLastPathComponent` gives it ("" for a bare name, "/" for a
    /// name at the root), in plain Swift: swift-corelibs-foundation's traps on a one-character relative path ("a"),
    /// which made `compare a b`, `batch a -o out` and `wizard --answers a` crash.
    static func folderPart(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var folder = trimmed[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The absolute path with every link resolved, or nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path: cannot be read (permission denied)`, … for a folder that cannot be listed.
    static func folderUnreadable(_ shown: String, _ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return CLIMessages.permissionDenied(shown)
        default: return "\(shown): cannot be read (\(String(cString: strerror(code))))"
        }
    }

    /// A path as the user would like to read it: relative to the working directory when below it.
    public static func displayPath(_ absolute: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if absolute == cwd { return "." }
        if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return absolute
    }
}
