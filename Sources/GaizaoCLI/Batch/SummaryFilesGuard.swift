import Foundation
import ZIPFoundation

/// The files a batch (and `gaizao summary`) writes beside its result folders — summary.csv, summary.xlsx,
/// summary.html, errors.csv — are replaced on each run (errors.csv is removed by a run without failures). They are
/// recorded in the folder's ledger (`OutputLedger`, `.gaizao-files`) as they are written, and a run replaces or
/// removes one only when it is gaizao's own, unchanged since: a reviewer's notes added to errors.csv or
/// summary.csv, or a user's own file of one of those names (an enterprise list called summary.csv, a filled
/// workbook called summary.xlsx), would be lost; the run is refused instead, before anything is written. A file the
/// ledger does not name (written before the ledger existed) is recognised by its header, title or sheet.
enum SummaryFilesGuard {
    static let names = ["summary.csv", "summary.xlsx", "summary.html", "errors.csv"]

    /// Refuses when `folder` holds a file of the summary files' names that is not gaizao's own unchanged output.
    static func refuseForeignFiles(in folder: String) throws {
        try OutputLedger.refuseForeignFiles(names.map { (folder as NSString).appendingPathComponent($0) }, in: folder,
                                            recognisedWithoutRecord: isWrittenByGaizao)
    }

    /// Writes the summary file `name` of `folder` and records it in the folder's ledger.
    static func write(_ bytes: [UInt8], name: String, in folder: String) throws {
        try FileIO.writeAtomically(bytes, to: (folder as NSString).appendingPathComponent(name))
        OutputLedger.record(name, bytes: bytes, in: folder)
    }

    /// Removes the summary file `name` of `folder` (errors.csv after a run without failures: an earlier run's list
    /// would mislead) and its ledger line.
    static func remove(_ name: String, in folder: String) {
        try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        OutputLedger.forget(name, in: folder)
    }

    /// Refuses to merge into a batch's own output folder: its summary files list its result folders, and the merge
    /// would replace them with a summary of other folders.
    static func refuseBatchFolder(_ folder: String) throws {
        guard EarlierResults.scan(folder).count > 0 else { return }
        throw CLIError.input("\(FileIO.displayPath(folder)): holds the result folders of a batch, whose summary the merge would replace; nothing was written (merge into a new folder)")
    }

    /// Whether the file at `path` is one gaizao writes under its name: recognised by its header (the CSV files),
    /// its title (the dashboard) or its sheet (the workbook). Anything unreadable or unknown is not.
    static func isWrittenByGaizao(_ path: String) -> Bool {
        guard FileIO.isRegularFile(path) else { return false }
        switch (path as NSString).lastPathComponent {
        case "summary.csv":
            return headerRow(path).map { SummaryCSV.isHeader($0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)) } ?? false
        case "errors.csv":
            return headerRow(path) == ErrorsCSV.header
        case "summary.html":
            let title = BatchSummaryHTML.title
            return firstBytes(path, 4096).map { $0.contains("<title>\(title.zh)</title>") || $0.contains("<title>\(title.en)</title>") } ?? false
        case "summary.xlsx":
            // The workbook's part list names its sheets; gaizao's summary has the sheet 汇总.
            guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil),
                  let entry = archive["xl/workbook.xml"], entry.uncompressedSize < 1 << 20 else { return false }
            var data = Data()
            guard (try? archive.extract(entry, consumer: { data.append($0) })) != nil else { return false }
            return String(decoding: data, as: UTF8.self).contains(#"name="汇总""#)
        default:
            return false
        }
    }

    /// The first line of a CSV file, without its byte order mark.
    private static func headerRow(_ path: String) -> String? {
        guard let text = firstBytes(path, 4096) else { return nil }
        let body = text.hasPrefix(SummaryCSV.byteOrderMark) ? String(text.dropFirst()) : text
        return body.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map { String($0).trimmingCharacters(in: ["\r"]) }
    }

    private static func firstBytes(_ path: String, _ count: Int) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)).map { String(decoding: $0, as: UTF8.self) }
    }
}
