import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao summary DIR… -o OUT`: merges the summaries of several batch output folders (the shards of a large run)
/// into one summary.csv, summary.xlsx, summary.html and errors.csv. The enterprises' folders stay where they are;
/// the dashboard links to them relative to OUT.
public struct SummaryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "合并多个批次的汇总 / Merge the summaries of several batch output folders.",
        discussion: """
        Each DIR is the output folder of a `gaizao batch` run (it holds summary.csv). Writes OUT/summary.csv, \
        OUT/summary.xlsx, OUT/summary.html and, when a record failed, OUT/errors.csv over all of them, numbered in \
        the order given. Exit 1 when a DIR holds no readable summary.csv, or when a row of one cannot be gaizao's (an \
        edited summary.csv: a figure that is no number, points outside 0-100, a level outside 0-4 (a scene's too), \
        an amount below 0 or a range the wrong way round, a net cost other than the investment less the subsidy, an \
        industry the catalog does not have, an enterprise listed twice), or when an enterprise (the same credit \
        code, else the same company name) was merged already from another DIR: that row is merged as failed, its \
        file, row and column named. An enterprise one batch diagnosed twice is merged twice, with a warning. \
        `diagnose --peers` reads a summary.csv with the same checks.
        """)

    @Argument(help: "Batch output folders (each with summary.csv).")
    public var folders: [String]

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    public var output: String

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        if folders.isEmpty { throw ValidationError("give at least one batch output folder") }
        try OutputGuard.checkNamed(folders, "<folders>")
        try OutputGuard.checkFolder(output)
    }

    public func run() throws {
        let session = try CatalogSession.load(flag: global.catalog)
        let out = URL(fileURLWithPath: output).standardizedFileURL
        var seen: [OutputGuard.Identity] = []
        /// Every row of every input, checked as `diagnose --peers` checks them: the rows this merge failed (impossible
        /// figures, repeats) are printed and make the exit status 1; rows that failed in their batch were reported by it.
        var inputs = SummaryInputs(catalog: session.catalog)
        let batchFolders = try folders.map(Self.batchFolder)
        for folder in batchFolders {
            // The same batch given twice would count its enterprises twice.
            let identity = OutputGuard.identity(folder)
            if seen.contains(where: { OutputGuard.same($0, identity) }) {
                throw CLIError.input("\(FileIO.displayPath(folder)): given twice; each batch folder is merged once")
            }
            seen.append(identity)
            let dir = URL(fileURLWithPath: folder).standardizedFileURL
            let file = dir.appendingPathComponent("summary.csv").path
            let text = try FileIO.readText(file).text
            // Each result folder linked relative to the merged output.
            try inputs.read(text, file: FileIO.displayPath(file)) { Self.relative(dir.appendingPathComponent($0), from: out) }
        }
        let rows = inputs.rows, refused = inputs.refused
        var totals = BatchTotals()
        for r in rows { totals.add(r) }
        try OutputGuard.refuseOverwriting(inputs: batchFolders.map { ($0 as NSString).appendingPathComponent("summary.csv") },
                                          with: ["summary.csv"].map { out.appendingPathComponent($0).path })
        try SummaryFilesGuard.refuseForeignFiles(in: out.path)
        try SummaryFilesGuard.refuseBatchFolder(out.path)
        do { try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true) } catch {
            throw CLIError.input("\(FileIO.displayPath(out.path)): cannot create the output folder (\(FileIO.reason(error)))")
        }
        try SummaryFilesGuard.write(SummaryCSV.bytes(rows), name: "summary.csv", in: out.path)
        let book: Data
        do { book = try SummaryWorkbook.make(rows: rows, catalog: session.catalog).data() } catch {
            throw CLIError.input("\(FileIO.displayPath(out.path))/summary.xlsx: cannot write the workbook (\(error))")
        }
        try SummaryFilesGuard.write([UInt8](book), name: "summary.xlsx", in: out.path)
        try SummaryFilesGuard.write(BatchSummaryHTML.bytes(rows: rows, totals: totals, catalog: session.catalog, lang: global.lang),
                                    name: "summary.html", in: out.path)
        if totals.failed > 0 {
            try SummaryFilesGuard.write(ErrorsCSV.bytes(rows), name: "errors.csv", in: out.path)
        } else {
            SummaryFilesGuard.remove("errors.csv", in: out.path)
        }
        for error in refused { Console.err(error.located) }
        for line in inputs.warningLines("counted twice in the merged summary; remove one of the rows unless both are meant") { Console.err(line) }
        Console.out(global.lang == .zh
            ? "汇总完成：\(folders.count) 个批次，\(totals.done) 家成功，\(totals.failed) 家失败；结果在 \(FileIO.displayPath(out.path))/"
            : "summary done: \(folders.count) batches, \(totals.done) ok, \(totals.failed) failed; results in \(FileIO.displayPath(out.path))/")
        // The merged files are written (the row shown as failed, with its errors), but the run did not merge
        // what it was given: a figure that cannot be gaizao's, or an enterprise listed twice.
        if !refused.isEmpty { throw ExitCode(1) }
    }

    /// The batch output folder `given` names: the folder itself, or the folder of a batch's summary.csv given as a
    /// file. Anything else is said to be no batch folder, rather than read as `FILE/summary.csv` ("not a directory").
    static func batchFolder(_ given: String) throws -> String {
        var st = stat()
        guard stat(given, &st) == 0 else {
            let code = errno
            throw CLIError.input(code == ENOENT ? "\(given): no such folder" : FileIO.unreadable(given, code))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { return given }
        if (given as NSString).lastPathComponent == "summary.csv" {
            let folder = FileIO.folderPart(of: given)
            return folder.isEmpty ? "." : folder
        }
        throw CLIError.input("\(given): not a batch output folder; give the folder `gaizao batch` wrote (it holds summary.csv)")
    }

    /// `target` as a path relative to the folder `base` (`../shard-1/00001-名称`).
    static func relative(_ target: URL, from base: URL) -> String {
        let t = target.standardizedFileURL.pathComponents, b = base.standardizedFileURL.pathComponents
        var common = 0
        while common < t.count && common < b.count && t[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: b.count - common) + t[common...]).joined(separator: "/")
    }
}
