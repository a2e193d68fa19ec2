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
    private var csv: CSVTable?
    private var stdinLine = 0
    private var stdin = StdinLines(limit: FileIO.maxInputBytes)
    private var readingStdin = false

    /// Files never read as input: the batch's own outputs (`summary.csv` when the output folder is an input folder).
    private let excluded: [OutputGuard.Identity]

    init(_ inputs: [String], excluding: [String] = []) {
        pending = inputs
        excluded = excluding.map(OutputGuard.identity)
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !excluded.isEmpty else { return false }
        let id = OutputGuard.identity(path)
        return excluded.contains { OutputGuard.same($0, id) }
    }

    mutating func next() -> BatchRecord? {
        while true {
            if !queue.isEmpty { return queue.removeFirst() }
            if var table = csv {
                if let record = table.next() { csv = table; return record }
                csv = nil
            }
            if readingStdin {
                guard let line = stdin.next() else { readingStdin = false; continue }
                stdinLine += 1
                switch line {
                case let .text(text):
                    if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { continue }
                    return .jsonLine(line: stdinLine, text: text)
                case .notUTF8:
                    return .broken(origin: "stdin:\(stdinLine)", message: "not valid UTF-8 text (send the lines as UTF-8)")
                case let .tooLong(bytes):
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
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []).sorted()
                let files = names.filter { [".yaml", ".yml", ".json", ".csv"].contains(where: $0.lowercased().hasSuffix) && !$0.hasPrefix(".") }
                pending.insert(contentsOf: files.map { (input as NSString).appendingPathComponent($0) }.filter { !isExcluded($0) }, at: 0)
                continue
            }
            if input.lowercased().hasSuffix(".csv") {
                switch CSVTable.open(input) {
                case let .success(table): csv = table
                case let .failure(broken): queue = [broken.record]
                }
                continue
            }
            return .file(path: input)
        }
    }

}

/// A parsed CSV file handing out one record per row, built only when asked for.
struct CSVTable {
    let path: String
    let names: [String]
    let industryColumn: Int
    let dateColumn: Int?
    let rows: [CSVReader.Row]
    var index = 1


    static func open(_ path: String) -> Swift.Result<CSVTable, BatchRecord.Failure> {
        func broken(_ origin: String, _ message: String) -> Swift.Result<CSVTable, BatchRecord.Failure> {
            .failure(BatchRecord.Failure(record: .broken(origin: origin, message: message)))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > BatchInputs.maxCSVBytes {
            return broken(path, "\(size) bytes is more than the CSV limit of \(BatchInputs.maxCSVBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return broken(path, access(path, R_OK) != 0 && (errno == EACCES || errno == EPERM) ? "cannot be read (permission denied)" : "cannot be read")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Spreadsheets in China save CSV as GB18030 by default: say where, and how to save it as UTF-8.
            let (line, column, offset) = FileIO.firstInvalidUTF8Position(bytes)
            return broken("\(path):\(line):\(column)",
                          "not valid UTF-8 text (byte \(offset + 1) of the file; GB18030/GBK?): save the file as UTF-8 — in Excel or WPS choose \"CSV UTF-8\"")
        }
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.rows(text) } catch {
            if case let CSVReader.Failure.unterminatedQuote(line) = error { return broken("\(path):\(line)", "a quoted field is never closed") }
            return broken(path, "cannot be parsed as CSV")
        }
        guard let header = rows.first else { return broken(path, "the CSV file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let industryColumn = names.firstIndex(of: "industry") else {
            return broken("\(path):1:1", "the header has no `industry` column (print one with `gaizao questions --industry ID --csv`)")
        }
        var seen = Set<String>()
        for (i, n) in names.enumerated() where !seen.insert(n).inserted {
            return broken("\(path):1:\(header.columns[i])", "column `\(n)` appears twice in the header")
        }
        return .success(CSVTable(path: path, names: names, industryColumn: industryColumn, dateColumn: names.firstIndex(of: "date"), rows: rows))
    }

    mutating func next() -> BatchRecord? {
        guard index < rows.count else { return nil }
        let row = rows[index]
        index += 1
        if row.fields.count != names.count {
            return .broken(origin: "\(path):\(row.line)", message: "row has \(row.fields.count) fields, the header has \(names.count)")
        }
        var cells: [AnswerCells.Cell] = []
        cells.reserveCapacity(names.count)
        for (i, name) in names.enumerated() where i != industryColumn && i != dateColumn {
            cells.append(.init(questionID: name, text: row.fields[i], location: SourceLocation(file: path, line: row.line, column: row.columns[i])))
        }
        let date = dateColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        let industry = row.fields[industryColumn].trimmingCharacters(in: .whitespaces)
        let record = AnswerCells(
            industry: industry, industryLocation: SourceLocation(file: path, line: row.line, column: row.columns[industryColumn]),
            date: date, cells: cells, location: SourceLocation(file: path, line: row.line, column: 1))
        return .csvRow(file: path, cells: record, label: "\(path):\(row.line)")
    }
}
