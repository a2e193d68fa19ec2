import Foundation
import GaizaoCore

/// One problem of one record, kept whole for errors.csv (and summary.xlsx): where it is — the file (and sheet),
/// the spreadsheet row and column, or the line and column of an answers file — the question it concerns, and the
/// message. Every error of a record is kept; none is folded into "… N more".
struct BatchError: Sendable, Hashable {
    var file: String
    var row: Int?
    /// The spreadsheet column letter (`C`) for CSV and workbook rows, the character column for answers files.
    var column: String?
    var question: String?
    var message: String

    /// The error as printed: `file:row:col: error: message`, the column given as a number.
    var located: String {
        var at = file
        if let row { at += ":\(row)" }
        if let row = self.row, row > 0, let column { at += ":\(Self.columnNumber(column) ?? 1)" }
        return "\(at): error: \(message)"
    }

    /// `C` → 3, `12` → 12.
    static func columnNumber(_ column: String) -> Int? {
        if let n = Int(column) { return n }
        var n = 0
        for scalar in column.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { return nil }
            n = n * 26 + Int(scalar.value - 64)
        }
        return n > 0 ? n : nil
    }

    /// The errors of a record whose answers did not decode: one per diagnostic. For a spreadsheet row the
    /// question is the column's id; elsewhere the question the message names.
    static func from(_ diagnostics: [Diagnostic], record: BatchRecord) -> [BatchError] {
        var questionAt: [SourceLocation: String] = [:]
        var spreadsheet = false
        if case let .csvRow(_, cells, _) = record {
            spreadsheet = true
            for cell in cells.cells { if let loc = cell.location { questionAt[loc] = cell.questionID } }
            if let loc = cells.industryLocation { questionAt[loc] = "industry" }
            if let loc = cells.dateLocation { questionAt[loc] = "date" }
        }
        return diagnostics.map { d in
            guard let loc = d.location else { return BatchError(file: record.origin, message: d.message) }
            let column = spreadsheet ? (loc.column > 1 || questionAt[loc] != nil ? AnswerTable.columnLetters(loc.column) : nil) : String(loc.column)
            return BatchError(file: loc.file, row: loc.line, column: column,
                              question: questionAt[loc] ?? namedQuestion(d.message), message: d.message)
        }
    }

    /// An error said of the record as a whole (`origin` may end in `:row` or `:row:column`).
    static func whole(_ origin: String, _ message: String) -> BatchError {
        var parts = origin.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var numbers: [Int] = []
        while numbers.count < 2, parts.count > 1, let n = Int(parts.last!) { numbers.insert(n, at: 0); parts.removeLast() }
        let file = parts.joined(separator: ":")
        let isTable = [".csv", ".xlsx"].contains { file.lowercased().hasSuffix($0) } || file.hasSuffix("]")
        return BatchError(file: file, row: numbers.first,
                          column: numbers.count > 1 ? (isTable ? AnswerTable.columnLetters(numbers[1]) : String(numbers[1])) : nil,
                          question: namedQuestion(message), message: message)
    }

    /// The question id a message is about (`answer to `x``, `missing required answer `x``), if any; also in the
    /// message's Chinese form (`` `x` 的答案 ``, `缺少必答题 `x``), as a summary.csv written in Chinese holds it.
    static func namedQuestion(_ message: String) -> String? {
        let forms: [(before: String, after: String)] = [
            ("answer to `", "`"), ("missing required answer `", "`"), ("unknown question `", "`"), ("is not an option of `", "`"),
            ("缺少必答题 `", "`"), ("没有题目 `", "`"), ("未知题目 `", "`"), ("不是 `", "` 的选项"),
        ]
        for (before, after) in forms {
            guard let start = message.range(of: before) else { continue }
            let rest = message[start.upperBound...]
            guard let end = rest.range(of: after) else { continue }
            return String(rest[..<end.lowerBound])
        }
        // `` `x` 的答案：… ``: the Chinese form of `answer to `x`: …`.
        if message.hasPrefix("`"), let end = message.dropFirst().firstIndex(of: "`"),
           message[message.index(after: end)...].hasPrefix(" 的答案") {
            return String(message[message.index(after: message.startIndex)..<end])
        }
        return nil
    }
}

/// errors.csv: one line per error of every failed record, with a UTF-8 byte order mark so that Excel and WPS
/// show its Chinese, in the message language.
enum ErrorsCSV {
    static let header = "file,row,column,question,message"

    static func bytes(_ rows: [BatchRow]) -> [UInt8] {
        var out: [UInt8] = []
        out.appendUTF8(SummaryCSV.byteOrderMark)
        out.appendUTF8(header)
        for row in rows {
            for e in row.errors {
                out.append(UInt8(ascii: "\n"))
                SummaryCSV.appendField(e.file, to: &out)
                out.append(UInt8(ascii: ","))
                if let line = e.row { out.appendDecimal(line) }
                out.append(UInt8(ascii: ","))
                SummaryCSV.appendField(e.column ?? "", to: &out)
                out.append(UInt8(ascii: ","))
                SummaryCSV.appendField(e.question ?? "", to: &out)
                out.append(UInt8(ascii: ","))
                SummaryCSV.appendField(CLIText.localized(e.message), to: &out)
            }
        }
        out.append(UInt8(ascii: "\n"))
        return out
    }
}
