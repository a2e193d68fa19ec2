/// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines. Rows carry their 1-based
/// line number so problems are located.
struct CSVReader {
    struct Row {
        var line: Int
        var fields: [String]
        /// 1-based column (in characters) where each field starts, for located errors.
        var columns: [Int]
    }

    enum Failure: Error { case unterminatedQuote(line: Int) }

    static func rows(_ text: String) throws -> [Row] {
        var rows: [Row] = []
        var fields: [String] = [], columns: [Int] = []
        var field = "", inQuotes = false, line = 1, column = 1, rowLine = 1, fieldColumn = 1, quoteLine = 1
        var chars = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        func endField() {
            fields.append(field); columns.append(fieldColumn)
            field = ""
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields, columns: columns)) }
            fields = []; columns = []
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\""); column += 2; continue }
                        pending = n
                    }
                    inQuotes = false
                    column += 1
                } else {
                    field.append(c)
                    if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true; quoteLine = line; column += 1
            case ",":
                endField(); column += 1; fieldColumn = column
            case "\n", "\r\n", "\r":
                endRow(); line += 1; column = 1; rowLine = line; fieldColumn = 1
            default:
                if field.isEmpty && c == "\u{FEFF}" && line == 1 && column == 1 { continue }
                field.append(c); column += 1
            }
        }
        if inQuotes { throw Failure.unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}
