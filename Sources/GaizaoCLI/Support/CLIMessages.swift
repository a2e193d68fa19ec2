import ArgumentParser
import Foundation
import GaizaoCore

/// The CLI's messages about files, locks and limits, in one place so that they can be translated together.
enum CLIMessages {
    static func wouldOverwriteInput(output: String, input: String) -> String {
        input == output
            ? "\(output): is an input of this command and would be overwritten by its output; nothing was written (choose another output folder with -o, or rename the input)"
            : "\(output): would overwrite the input \(input) (the same file); nothing was written (choose another output folder with -o, or rename the input)"
    }

    static func outputFolderLocked(_ folder: String) -> String {
        "\(folder): another gaizao batch is writing into this folder; wait for it to finish or choose another output folder with -o"
    }

    static func earlierResults(_ folder: String, count: Int, first: Int) -> String {
        "\(folder) already holds \(count) result folder(s) of an earlier batch: they are kept, and this run numbers its folders from \(BatchJob.folderPrefix(first).dropLast()); its summary.csv, summary.xlsx, summary.html and errors.csv are replaced"
    }

    static func permissionDenied(_ path: String, _ what: String = "cannot be read") -> String {
        "\(path): \(what) (permission denied)"
    }

    static func pdfNotAPDF(_ browser: String, bytes: Int) -> String {
        "\(browser) did not print a PDF (it wrote \(bytes) bytes that are not a complete PDF file)"
    }

    static func renderFailed(_ template: String, _ reason: String) -> String {
        "template \(template): \(reason)"
    }

    // An option naming an id of the catalog, given empty or blank: see `CatalogID`.

    static func blankIndustry(known: [String]) -> String {
        "`--industry` was given empty (an unset shell variable?): give an industry id; the catalog has: \(CatalogID.list(known))"
    }

    static func blankContractor(known: [String]) -> String {
        "`--contractor` was given empty (an unset shell variable?): give a contractor overlay id; the catalog has: \(CatalogID.list(known))"
    }

    static func blankModule(industry: String, modules: [String], measures: [String]) -> String {
        "`<module>` was given empty (an unset shell variable?): give a module or measure id of industry `\(industry)`; modules: \(CatalogID.list(modules)); measures: \(CatalogID.list(measures))"
    }
}

/// Options and arguments that name an id of the catalog (`--industry`, `--contractor`, `explain`'s module). An id
/// the catalog does not have is wrong input (exit 1), as the same id in an answers file is: another catalog may have
/// it. A value given empty or blank (`--industry "$IND"` with the variable unset) names nothing in any catalog: a
/// usage error (exit 2), as other options given empty are, that says which ids there are.
enum CatalogID {
    /// Throws the usage error `message` when `value` is given but empty or only white space.
    static func refuseBlank(_ value: String?, _ message: @autoclosure () -> String) throws {
        if let value, value.allSatisfy(\.isWhitespace) { throw CLIError.usage(message()) }
    }

    /// The ids as the messages list them: comma-separated, or `none`.
    static func list(_ ids: [String]) -> String { ids.isEmpty ? "none" : ids.joined(separator: ", ") }
}

/// Refuses to write an output over one of the command's inputs, whatever their names: two paths are the same
/// file when they resolve to the same canonical path or, for an existing file, the same device and inode (hard
/// links, symbolic links, `./a` and `a`, case-insensitive file systems).
enum OutputGuard {
    /// Refuses a path given empty (`"$FILE"` with the variable unset): read as-is it named the current folder
    /// (`--catalog ""` read the working folder as a catalog), its parent (`wizard --answers ""` asked questions it
    /// could not save), or nothing (`error: : no such file`).
    static func checkNamed(_ paths: [String?], _ name: String) throws {
        if paths.contains(where: { $0?.isEmpty == true }) {
            throw ValidationError("`\(name)` was given empty (an unset shell variable?): give a path")
        }
    }

    /// Refuses `-o report.md`: `-o` names a folder (gaizao names the files in it), and a folder called
    /// `report.md` is not what whoever typed it wanted. An existing folder of any name is fine.
    static func checkFolder(_ output: String) throws {
        guard output != "-" else { return }
        // An empty name (`-o ""`, an unset shell variable) is no folder: not the current one, not an error later.
        guard !output.isEmpty else { throw ValidationError("-o names the output folder, and it was given empty: give a folder, such as -o out") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue { return }
        let ext = (output as NSString).pathExtension.lowercased()
        if ["md", "markdown", "html", "htm", "json", "pdf", "csv", "xlsx", "txt"].contains(ext) {
            throw ValidationError("`\(output)` looks like a file name, but -o names the output folder (gaizao names the files in it): give a folder, such as -o out")
        }
    }

    /// Why the folder `path` could not be made (or written into) now, or nil when it can: its nearest existing
    /// part must be a folder that may be written. Makes nothing, so a command can check before its work.
    static func folderCannotBeMade(_ path: String) -> String? {
        var current = path
        while true {
            var st = stat()
            if stat(current, &st) == 0 {
                if (st.st_mode & S_IFMT) != S_IFDIR { return "a file of that name is in the way" }
                return access(current, W_OK | X_OK) == 0 ? nil : String(cString: strerror(errno))
            }
            let parent = FileIO.folderPart(of: current)
            let next = parent.isEmpty ? "." : parent
            if next == current { return nil }  // nothing found up to the root: leave it to the writer
            current = next
        }
    }

    struct Identity: Hashable {
        var canonical: String
        var device: UInt64?
        var inode: UInt64?
    }

    /// The identity of `path` as it is now (the file need not exist: its folder is resolved then).
    static func identity(_ path: String) -> Identity {
        var st = stat()
        let exists = stat(path, &st) == 0
        return Identity(canonical: canonicalPath(path), device: exists ? UInt64(st.st_dev) : nil, inode: exists ? UInt64(st.st_ino) : nil)
    }

    /// `realpath` of the file, else of its folder joined with its name; else the path made absolute.
    static func canonicalPath(_ path: String) -> String {
        if let resolved = FileIO.realPath(path) { return resolved }
        let ns = path as NSString
        let parent = FileIO.folderPart(of: path)
        let folder = parent.isEmpty ? "." : parent
        if let resolved = FileIO.realPath(folder) { return (resolved as NSString).appendingPathComponent(ns.lastPathComponent) }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static func same(_ a: Identity, _ b: Identity) -> Bool {
        if let da = a.device, let ia = a.inode, let db = b.device, let ib = b.inode { return da == db && ia == ib }
        return a.canonical == b.canonical
    }

    /// Throws an input error naming the first output that is one of `inputs`.
    static func refuseOverwriting(inputs: [String], with outputs: [String]) throws {
        let inputIDs = inputs.filter { $0 != "-" }.map { ($0, identity($0)) }
        for output in outputs {
            let id = identity(output)
            if let (input, _) = inputIDs.first(where: { same($0.1, id) }) {
                throw CLIError.input(CLIMessages.wouldOverwriteInput(output: output, input: input))
            }
        }
    }
}
