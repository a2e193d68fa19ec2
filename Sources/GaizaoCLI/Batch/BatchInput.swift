import Foundation
import GaizaoCore

/// One enterprise to diagnose in a batch, and where it came from.
enum BatchRecord: Sendable {
    case file(path: String)
    case csvRow(file: String, cells: AnswerCells, label: String)
    case jsonLine(line: Int, text: String)
    /// An input that could not even be split into records (unreadable CSV, missing file).
    case broken(origin: String, message: String)

    struct Failure: Error { var record: BatchRecord }

    var origin: String {
        switch self {
        case let .file(path): return path
        case let .csvRow(_, _, label): return label
        case let .jsonLine(line, _): return "stdin:\(line)"
        case let .broken(origin, _): return origin
        }
    }

    var fallbackName: String {
        switch self {
        case let .file(path): return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        case let .csvRow(file, cells, _): return URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "-row\(cells.location?.line ?? 0)"
        case let .jsonLine(line, _): return "stdin-\(line)"
        case .broken: return "broken"
        }
    }
}

/// Expands batch inputs (answer files, folders of them, CSV files, `-` for JSON Lines on stdin) into records,
/// lazily: memory does not grow with the number of enterprises read from stdin.
struct BatchInputs: Sequence, IteratorProtocol {
    static let maxCSVBytes = 512 << 20
    private var pending: [String]
    private var queue: [BatchRecord] = []
    /// Tables still to read: a CSV file's, or a workbook's sheets.
    private var tables: [AnswerTable] = []
    private var stdinLine = 0
    static let prettyPrintedJSON = "standard input holds JSON spread over several lines, but `batch -` reads JSON Lines: each enterprise's answers as one JSON object on one line (for one enterprise, pass its .json file instead)"
    /// Lines of standard input that held something (a record, or a line that could not be read as text).
    private var stdinRecords = 0
    private var stdin: StdinLines
    private var readingStdin = false
    /// The folders expanded so far.
    private var readFolders: [OutputGuard.Identity] = []
    /// The files read so far (device and inode): a file given twice (`batch a.yaml ./a.yaml`, or named beside its
    /// folder) was diagnosed twice, two result folders for one enterprise, counted twice among its peers.
    private var readFiles: Set<[UInt64]> = []

    /// Inputs that held no enterprise (a CSV file or workbook with only its header rows, a folder without answers):
    /// where, and why. An error when the whole batch had no record, else a warning.
    private(set) var empty: [(origin: String, message: String)] = []

    /// Files never read as input: the batch's own outputs (`summary.csv` when the output folder is an input folder).
    private let excluded: [OutputGuard.Identity]

    /// - Parameter stopRequested: true once the batch is stopping; standard input is not waited on after that.
    init(_ inputs: [String], excluding: [String] = [], stopRequested: @escaping @Sendable () -> Bool = { false }) {
        pending = inputs
        stdin = StdinLines(limit: FileIO.maxInputBytes, stopRequested: stopRequested)
        excluded = excluding.map(OutputGuard.identity)
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !excluded.isEmpty else { return false }
        let id = OutputGuard.identity(path)
        return excluded.contains { OutputGuard.same($0, id) }
    }

    /// Whether the JSON file at `path` starts as gaizao's own files do: `{ "schema": "gaizao.…`.
    static func isWrittenByGaizao(_ path: String) -> Bool {
        guard FileIO.isRegularFile(path), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 256)) ?? Data()
        let text = String(decoding: head, as: UTF8.self).filter { !$0.isWhitespace }
        return text.hasPrefix(#"{"schema":"gaizao."#)
    }

    mutating func next() -> BatchRecord? {
        while true {
            if !queue.isEmpty { return queue.removeFirst() }
            while !tables.isEmpty {
                if let record = tables[0].next() { return record }
                tables.removeFirst()
            }
            if readingStdin {
                guard let line = stdin.next() else {
                    readingStdin = false
                    // Nothing on standard input is no batch: say why, as for a folder or table without enterprises.
                    if let code = stdin.readError {
                        empty.append(("stdin", "cannot be read (\(String(cString: strerror(code))))"))
                    } else if stdinRecords == 0 {
                        empty.append(("stdin", "standard input held no line of answers (one enterprise's answers as JSON on each line)"))
                    }
                    continue
                }
                stdinLine += 1
                switch line {
                case let .text(text):
                    if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { continue }
                    stdinRecords += 1
                    // A first line that only opens an object or a list is JSON spread over several lines, not JSON
                    // Lines: one error for the input, not one per line of it.
                    if stdinRecords == 1, ["{", "["].contains(text.trimmingCharacters(in: .whitespaces)) {
                        readingStdin = false
                        return .broken(origin: "stdin:\(stdinLine)", message: Self.prettyPrintedJSON)
                    }
                    return .jsonLine(line: stdinLine, text: text)
                case .notUTF8:
                    stdinRecords += 1
                    return .broken(origin: "stdin:\(stdinLine)", message: "not valid UTF-8 text (send the lines as UTF-8)")
                case let .tooLong(bytes):
                    stdinRecords += 1
                    return .broken(origin: "stdin:\(stdinLine)",
                                   message: "line of \(bytes) bytes is more than the limit of \(FileIO.maxInputBytes) bytes")
                }
            }
            guard !pending.isEmpty else { return nil }
            let input = pending.removeFirst()
            if input == "-" { readingStdin = true; continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else {
                var st = stat()
                let code = stat(input, &st) == 0 ? 0 : errno
                return .broken(origin: input, message: code == EACCES || code == EPERM ? "cannot be read (permission denied)" : "no such file or folder")
            }
            if isDir.boolValue {
                // Each folder is read once: a link inside a folder back to it (or to a folder above it) would
                // otherwise be followed round the loop, diagnosing the same files again each time.
                let identity = OutputGuard.identity(input)
                if readFolders.contains(where: { OutputGuard.same($0, identity) }) {
                    empty.append((input, "a folder already read (a link back to it?): left out"))
                    continue
                }
                readFolders.append(identity)
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []).sorted()
                // `~$book.xlsx` is the lock file Excel keeps beside an open workbook, not a workbook.
                let files = names.filter { [".yaml", ".yml", ".json", ".csv", ".xlsx"].contains(where: $0.lowercased().hasSuffix) && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
                if files.isEmpty { empty.append((input, "the folder holds no answers files (.yaml, .json), CSV files or xlsx workbooks")) }
                var paths: [String] = []
                for path in files.map({ (input as NSString).appendingPathComponent($0) }) where !isExcluded(path) {
                    // Proposals that `diagnose` wrote beside their answers are not answers: left out, with a note.
                    if path.lowercased().hasSuffix(".json") && Self.isWrittenByGaizao(path) {
                        empty.append((path, "a proposal gaizao wrote, not an answers file: left out"))
                    } else if SummaryFilesGuard.isWrittenByGaizao(path) {
                        // An earlier batch's summary.csv, summary.xlsx or errors.csv in a folder of answers (a batch
                        // that wrote into its input folder): not enterprises; read as such, each failed the run.
                        empty.append((path, "a batch summary gaizao wrote, not answers: left out"))
                    } else {
                        paths.append(path)
                    }
                }
                pending.insert(contentsOf: paths, at: 0)
                continue
            }
            var st = stat()
            if stat(input, &st) == 0, !readFiles.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted {
                empty.append((input, "a file already read (given twice?): left out"))
                continue
            }
            let lower = input.lowercased()
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                return .broken(origin: input, message: "JSON Lines are read from standard input: gaizao batch - -o DIR < FILE")
            }
            if (lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx")) && !FileIO.isRegularFile(input) {
                return .broken(origin: input, message: "not a regular file (a pipe or a device): save the table as a file")
            }
            if lower.hasSuffix(".csv") {
                switch CSVTable.open(input) {
                case let .success(table):
                    tables = [table]
                    if table.isEmpty {
                        empty.append(("\(table.source):\(table.headerRow + 1)", "no enterprise rows below the header (row \(table.headerRow)): the CSV file holds no enterprise"))
                    }
                case let .failure(broken): queue = [broken.record]
                }
                continue
            }
            if lower.hasSuffix(".xlsx") {
                switch WorkbookTables.open(input) {
                case let .success(sheets):
                    tables = sheets
                    if let first = sheets.first, sheets.allSatisfy(\.isEmpty) {
                        empty.append(("\(first.source):\(first.headerRow + 1)", "no enterprise rows below the header (row \(first.headerRow)): the workbook holds no enterprise"))
                    }
                case let .failure(broken): queue = [broken.record]
                }
                continue
            }
            return .file(path: input)
        }
    }

}

/// A CSV file read into an `AnswerTable`: UTF-8 (with or without a byte order mark) or GB18030, as spreadsheets
/// save it. The file's text is held while its rows are read, one at a time as the batch asks for them.
enum CSVTable {
    static func open(_ path: String) -> Swift.Result<AnswerTable, BatchRecord.Failure> {
        func broken(_ origin: String, _ message: String) -> Swift.Result<AnswerTable, BatchRecord.Failure> {
            .failure(BatchRecord.Failure(record: .broken(origin: origin, message: message)))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > BatchInputs.maxCSVBytes {
            return broken(path, "\(size) bytes is more than the CSV limit of \(BatchInputs.maxCSVBytes) bytes")
        }
        // The file's bytes are let go once decoded: only its text is held from here on.
        guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            return broken(path, access(path, R_OK) != 0 && (errno == EACCES || errno == EPERM) ? "cannot be read (permission denied)" : "cannot be read")
        }
        // Excel's "Unicode Text" (and Notepad's "Unicode") is UTF-16 with a byte order mark: say so, rather than
        // "neither UTF-8 nor GB18030" at byte 1.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return broken("\(path):1:1", "UTF-16 text (\"Unicode Text\" in Excel): save the file again from the spreadsheet as \"CSV UTF-8\" or \"CSV\"")
        }
        let decoded = SpreadsheetText.decode(consume bytes)
        let text: String
        switch decoded {
        case let .success(decoded): text = decoded.text
        case let .failure(bad):
            return broken("\(path):\(bad.line):\(bad.column)",
                          "neither UTF-8 nor GB18030 text (byte \(bad.offset + 1) of the file, line \(bad.line)): save the file again from the spreadsheet as \"CSV UTF-8\" or \"CSV\"")
        }
        // A file whose quotes do not close is refused whole, before any of its rows is read.
        if case let .unterminatedQuote(row, column) = CSVReader.unterminatedQuote(in: text) {
            return broken("\(path):\(row):\(column)", "a quoted field is never closed")
        }
        return AnswerTable.make(source: path, csv: CSVReader.Rows(text), kind: "CSV file")
    }
}

/// Rows of answers from a spreadsheet — a CSV file or a worksheet — handing out one record per row, built only
/// when asked for (a CSV file's rows are only read from its text then, too). The question ids are the first row
/// holding a cell `industry` among the first three (a CSV printed by `questions --csv` has them in row 1; a
/// questionnaire workbook has Chinese headers in row 1 and the ids in row 2); the enterprises are the rows after it. Rows and columns are the spreadsheet's numbers (row 1,
/// column 1 = A1), so a located error points at the cell a user sees.
struct AnswerTable {
    /// The file (and sheet) shown in locations.
    let source: String
    /// The question id of each column (0-based), "" for a column without one.
    let names: [String]
    let industryColumn: Int
    let dateColumn: Int?
    /// The spreadsheet row of the question ids; the enterprises are the rows below it.
    var headerRow = 1
    /// The enterprise rows read already (a worksheet's, all of them; a CSV file's, those read ahead), handed out
    /// from `index` on, then those `rest` reads.
    private var ahead: [CSVReader.Row]
    private var index = 0
    private var rest: CSVReader.Rows?
    /// The industry of a row whose industry cell is empty (a questionnaire workbook is for one industry).
    var defaultIndustry: String? = nil

    /// Whether the table has no enterprise row (below its header) at all.
    var isEmpty: Bool { ahead.isEmpty && rest == nil }

    /// A CSV file's table, its rows read from `csv` as they are asked for.
    static func make(source: String, csv: CSVReader.Rows, kind: String) -> Swift.Result<AnswerTable, BatchRecord.Failure> {
        var csv = csv
        var first: [CSVReader.Row] = []
        do {
            while first.count < 3, let row = try csv.next() { first.append(row) }
        } catch {
            switch error {
            case let .unterminatedQuote(row, column):
                return .failure(BatchRecord.Failure(record: .broken(origin: "\(source):\(row):\(column)", message: "a quoted field is never closed")))
            }
        }
        return make(source: source, rows: first, rest: csv, kind: kind)
    }

    /// A worksheet's table, or (`rest`) the first rows of a CSV file and the reader of the others.
    static func make(source: String, rows: [CSVReader.Row], rest: CSVReader.Rows? = nil, kind: String, defaultIndustry: String? = nil)
        -> Swift.Result<AnswerTable, BatchRecord.Failure> {
        func broken(_ origin: String, _ message: String) -> Swift.Result<AnswerTable, BatchRecord.Failure> {
            .failure(BatchRecord.Failure(record: .broken(origin: origin, message: message)))
        }
        guard !rows.isEmpty else { return broken(source, "the \(kind) is empty") }
        let clean = { (s: String) in s.trimmingCharacters(in: .whitespaces) }
        guard let header = rows.prefix(3).first(where: { $0.fields.contains { clean($0).lowercased() == "industry" } }) else {
            // A CSV saved with semicolons or tabs between its columns (a spreadsheet set to another region) has
            // its whole header in one cell: say what separates them.
            if let top = rows.prefix(3).first(where: { $0.fields.contains { $0.lowercased().contains("industry") } }),
               let cell = top.fields.first(where: { $0.lowercased().contains("industry") }),
               let separator = [(";", "semicolons (;)"), ("\t", "tabs")].first(where: { cell.contains($0.0) }) {
                return broken("\(source):\(top.row):1", "the columns are separated by \(separator.1), not commas: save the table as CSV with commas (or as xlsx)")
            }
            return broken("\(source):1:1", "no header row with an `industry` column in the first three rows (print one with `gaizao questions --industry ID --csv` or `--xlsx FILE`)")
        }
        let names = header.fields.map(clean)
        let industryColumn = names.firstIndex { $0.lowercased() == "industry" }!
        var seen = Set<String>()
        for (i, n) in names.enumerated() where !n.isEmpty && !seen.insert(n).inserted {
            return broken("\(source):\(header.row):\(i + 1)", "column `\(n)` (\(columnLetters(i + 1))) appears twice in the header")
        }
        var table = AnswerTable(source: source, names: names, industryColumn: industryColumn, dateColumn: names.firstIndex(of: "date"),
                                headerRow: header.row, ahead: rows.filter { $0.row > header.row }, rest: rest, defaultIndustry: defaultIndustry)
        // Whether a CSV file has an enterprise row at all is known once one is read.
        if table.ahead.isEmpty, table.rest != nil {
            switch table.nextRow() {
            case let .row(row): table.ahead = [row]
            case let .broken(record): return .failure(BatchRecord.Failure(record: record))
            case .end: break
            }
        }
        return .success(table)
    }

    private enum NextRow {
        case row(CSVReader.Row)
        case broken(BatchRecord)
        case end
    }

    private mutating func nextRow() -> NextRow {
        if index < ahead.count {
            index += 1
            return .row(ahead[index - 1])
        }
        guard rest != nil else { return .end }
        do {
            if let row = try rest!.next() { return .row(row) }
            rest = nil
            return .end
        } catch {
            // Not met in practice: `CSVTable.open` checked the whole text's quotes first.
            rest = nil
            switch error {
            case let .unterminatedQuote(row, column):
                return .broken(.broken(origin: "\(source):\(row):\(column)", message: "a quoted field is never closed"))
            }
        }
    }

    mutating func next() -> BatchRecord? {
        let row: CSVReader.Row
        switch nextRow() {
        case let .row(next): row = next
        case let .broken(record): return record
        case .end: return nil
        }
        let source = self.source
        let at = { (column: Int) in SourceLocation(file: source, line: row.row, column: column + 1) }
        for (i, text) in row.fields.enumerated() where (i >= names.count || names[i].isEmpty) && !text.trimmingCharacters(in: .whitespaces).isEmpty {
            return .broken(origin: at(i).description,
                           message: "column \(Self.columnLetters(i + 1)) holds `\(text.prefix(40))` but has no question id in the header row")
        }
        let field = { (i: Int) in i < row.fields.count ? row.fields[i] : "" }
        var cells: [AnswerCells.Cell] = []
        cells.reserveCapacity(names.count)
        for (i, name) in names.enumerated() where i != industryColumn && i != dateColumn && !name.isEmpty {
            cells.append(.init(questionID: name, text: field(i), location: at(i)))
        }
        let date = dateColumn.map { Self.dateText(field($0).trimmingCharacters(in: .whitespaces)) }.flatMap { $0.isEmpty ? nil : $0 }
        var industry = field(industryColumn).trimmingCharacters(in: .whitespaces)
        if industry.isEmpty, let defaultIndustry { industry = defaultIndustry }
        let record = AnswerCells(
            industry: industry, industryLocation: at(industryColumn),
            date: date, dateLocation: dateColumn.map(at), cells: cells, location: SourceLocation(file: source, line: row.row, column: 1))
        return .csvRow(file: source, cells: record, label: "\(source):\(row.row)")
    }

    /// A date as a spreadsheet may give it: `2026-11-20` as typed, or a day number (46346) where the cell is
    /// formatted as a date; day numbers count from 1899-12-30.
    static func dateText(_ text: String) -> String {
        guard text.count == 5, let serial = Int(text), serial >= 10_000 else { return text }
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = serial - 25_569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The spreadsheet's name of a 1-based column: 1 → A, 27 → AA.
    static func columnLetters(_ column: Int) -> String {
        var n = column, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}
