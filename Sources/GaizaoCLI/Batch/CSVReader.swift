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
        var reader = Rows(text)
        var rows: [Row] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// Where a quoted field of `text` is opened and never closed, as `rows` would report it, found without
    /// building any row: a batch checks a whole CSV file so before it reads the first enterprise row by row.
    static func unterminatedQuote(in text: String) -> Failure? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var inQuotes = false, fieldEmpty = true, afterQuote = false, skipLF = false
        var row = 1, quoteRow = 1, fields = 0
        for b in text.utf8 {
            if skipLF {
                skipLF = false
                if b == lf { continue }
            }
            if afterQuote {
                // A quote inside a quoted field: doubled, it is one quote of the text; else it closed the field.
                afterQuote = false
                if b == quote { fieldEmpty = false; continue }
                inQuotes = false
            }
            if inQuotes {
                if b == quote { afterQuote = true } else {
                    fieldEmpty = false
                    if b == cr { skipLF = true }
                }
                continue
            }
            switch b {
            case quote where fieldEmpty: inQuotes = true; quoteRow = row
            case comma: fields += 1; fieldEmpty = true
            case cr, lf:
                if b == cr { skipLF = true }
                row += 1; fields = 0; fieldEmpty = true
            default: fieldEmpty = false
            }
        }
        return inQuotes && !afterQuote ? .unterminatedQuote(row: quoteRow, column: fields + 1) : nil
    }

    /// The rows of a text one at a time, as `rows` gives them all: a batch reads a CSV file of 100,000 enterprises
    /// row by row instead of holding every cell of it at once.
    struct Rows {
        private var chars: String.UnicodeScalarView.Iterator
        private var pending: Unicode.Scalar? = nil
        private var row = 1
        private var ended = false

        init(_ text: String) { chars = text.unicodeScalars.makeIterator() }

        private mutating func nextScalar() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }

        /// The next row that is not blank, nil at the end of the text.
        mutating func next() throws(Failure) -> Row? {
            var fields: [String] = []
            var field = "", inQuotes = false, quoteRow = row
            while !ended {
                guard let c = nextScalar() else {
                    ended = true
                    if inQuotes { throw .unterminatedQuote(row: quoteRow, column: fields.count + 1) }
                    if !field.isEmpty || !fields.isEmpty, let done = endRow(&fields, &field) { return done }
                    return nil
                }
                if inQuotes {
                    switch c {
                    case "\"":
                        if let n = nextScalar() {
                            if n == "\"" { field.unicodeScalars.append("\""); continue }
                            pending = n
                        }
                        inQuotes = false
                    case "\r":
                        // A line break inside a cell is one LF, however the file ends its lines.
                        if let n = nextScalar(), n != "\n" { pending = n }
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
                    if let n = nextScalar(), n != "\n" { pending = n }
                    if let done = endRow(&fields, &field) { return done }
                case "\n":
                    if let done = endRow(&fields, &field) { return done }
                default:
                    field.unicodeScalars.append(c)
                }
            }
            return nil
        }

        /// Ends the row being read: the row, or nil when it is blank (counted, left out).
        private mutating func endRow(_ fields: inout [String], _ field: inout String) -> Row? {
            fields.append(field)
            field = ""
            defer { fields = []; row += 1 }
            return fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) ? nil : Row(row: row, fields: fields)
        }
    }
}
