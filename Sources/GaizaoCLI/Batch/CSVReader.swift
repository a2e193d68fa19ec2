/// RFC 4180 CSV as spreadsheets write it: quoted fields may hold commas, quotes (doubled) and line breaks; rows end
/// with CRLF, LF or CR. Each row carries its spreadsheet row number (the header is row 1): a quoted field that
/// spans three lines is still one row, and a blank line is a row too (a spreadsheet shows it as an empty row),
/// so the numbers are those a user sees when the file is opened in Excel or WPS.
///
/// The CSV libraries in reach (CSV.swift, SwiftCSV) hand out rows without their row or column numbers, which
/// every located error here needs, so the reader is our own.
struct CSVReader {
    struct Row {
        /// The spreadsheet row number (1-based; blank lines counted).
        var row: Int
        var fields: [String]
    }

    enum Failure: Error {
        /// A quoted field opened at `row`, `column` (field number) is never closed.
        case unterminatedQuote(row: Int, column: Int)
    }

    /// The rows of `text` (decoded, without a byte order mark); blank rows (no text in any field but spaces or tabs,
    /// as `,,,` or `  , `; a workbook's rows likewise) are left out but counted.
    static func rows(_ text: String) throws(Failure) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = "", inQuotes = false, row = 1, quoteRow = 1
        var chars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        func endRow() {
            fields.append(field)
            field = ""
            if !fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { rows.append(Row(row: row, fields: fields)) }
            fields = []
            row += 1
        }
        while let c = next() {
            if inQuotes {
                switch c {
                case "\"":
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\""); continue }
                        pending = n
                    }
                    inQuotes = false
                case "\r":
                    // A line break inside a cell is one LF, however the file ends its lines.
                    if let n = next(), n != "\n" { pending = n }
                    field.unicodeScalars.append("\n")
                default:
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true; quoteRow = row
            case ",":
                fields.append(field); field = ""
            case "\r":
                if let n = next(), n != "\n" { pending = n }
                endRow()
            case "\n":
                endRow()
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw .unterminatedQuote(row: quoteRow, column: fields.count + 1) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
