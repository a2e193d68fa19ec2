import Foundation
import SWXMLHash
import ZIPFoundation

/// Reads the cells of an .xlsx workbook as text, sheet by sheet, with their spreadsheet row numbers: ZIPFoundation
/// opens the container, SWXMLHash reads the parts (workbook, relationships, shared strings, worksheets). Numbers
/// come as typed (`40`, `97.2`), booleans as `true`/`false`, formulas as their last computed value.
enum XLSXReader {
    struct Sheet {
        var name: String
        var hidden: Bool
        var rows: [CSVReader.Row]
    }

    /// A workbook that cannot be read: what is wrong, and where when it is one sheet's (its name, the row, and the
    /// column when it is one a sheet can have).
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var sheet: String? = nil
        var row: Int? = nil
        var column: Int? = nil

        var description: String { message }
    }

    /// The last column of a worksheet (XFD).
    static let maxColumn = 16_384
    /// The most cells one sheet may spread over once the empty cells between them are counted: a forged sheet with
    /// one cell in column XFD on each of a million rows must not take gigabytes.
    static let maxCellsPerSheet = 20_000_000

    /// The most the parts of one workbook may hold once unzipped (a zip bomb stops here).
    static let maxUnzippedBytes: Int64 = 256 << 20

    /// `limit`: the most bytes the parts may unpack to (tests give a small one).
    static func sheets(_ data: Data, limit: Int64 = maxUnzippedBytes) throws(Failure) -> [Sheet] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Failure(message: "not an xlsx workbook (not a zip container; an .xls from an old Excel? save it as .xlsx)")
        }
        let total = archive.reduce(Int64(0)) { $0 + Int64($1.uncompressedSize) }
        guard total <= limit else { throw Failure(message: "the workbook unpacks to \(total) bytes, more than the limit of \(limit)") }

        // The sizes a zip declares may lie: the bytes actually unpacked are counted too.
        var unpacked: Int64 = 0
        struct TooLarge: Error {}
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    unpacked += Int64(chunk.count)
                    if unpacked > limit { throw TooLarge() }
                    out.append(chunk)
                }
            } catch is TooLarge {
                throw Failure(message: "the workbook unpacks to more than the limit of \(limit) bytes")
            } catch {
                throw Failure(message: "the workbook part \(path) cannot be unpacked (\(error))")
            }
            return out
        }
        func xml(_ data: Data) -> XMLIndexer {
            XMLHash.config { $0.shouldProcessNamespaces = true }.parse(data)
        }

        guard let workbookData = try part("xl/workbook.xml") else {
            throw Failure(message: "not an xlsx workbook (it has no xl/workbook.xml)")
        }
        // Sheet id → part path, from the workbook's relationships.
        var targets: [String: String] = [:]
        if let relsData = try part("xl/_rels/workbook.xml.rels") {
            for rel in xml(relsData)["Relationships"]["Relationship"].all {
                guard let id = rel.element?.attribute(by: "Id")?.text, let target = rel.element?.attribute(by: "Target")?.text else { continue }
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var shared: [String] = []
        if let sst = try part("xl/sharedStrings.xml") {
            shared = xml(sst)["sst"]["si"].all.map(Self.richText)
        }
        var sheets: [Sheet] = []
        for (i, entry) in xml(workbookData)["workbook"]["sheets"]["sheet"].all.enumerated() {
            guard let element = entry.element else { continue }
            let name = element.attribute(by: "name")?.text ?? "Sheet\(i + 1)"
            let relation = element.attribute(by: "r:id")?.text ?? element.attribute(by: "id")?.text
            let path = relation.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(i + 1).xml"
            guard let sheetData = try part(path) else { continue }
            let hidden = element.attribute(by: "state").map { $0.text != "visible" } ?? false
            do {
                sheets.append(Sheet(name: name, hidden: hidden, rows: try rows(xml(sheetData), shared: shared)))
            } catch {
                var located = error
                located.sheet = name
                throw located
            }
        }
        return sheets
    }

    /// The text of a shared or inline string: its `t`, or its runs' `t`s (phonetic guides left out).
    static func richText(_ node: XMLIndexer) -> String {
        if let t = node["t"].element { return t.text }
        return node["r"].all.compactMap { $0["t"].element?.text }.joined()
    }

    private static func rows(_ sheet: XMLIndexer, shared: [String]) throws(Failure) -> [CSVReader.Row] {
        var rows: [CSVReader.Row] = []
        var nextRow = 1
        var cellCount = 0
        for row in sheet["worksheet"]["sheetData"]["row"].all {
            let rowText = row.element?.attribute(by: "r")?.text
            // A sheet has rows 1…1,048,576; a forged number outside them (or no number) is refused, not counted on from.
            guard let number = rowText.map({ Int($0) }) ?? nextRow, (1...1_048_576).contains(number) else {
                throw Failure(message: "a row numbered \(rowText ?? ""), outside 1–1048576")
            }
            nextRow = number + 1
            var fields: [String] = []
            for cell in row["c"].all {
                guard let element = cell.element else { continue }
                var column = fields.count + 1
                if let reference = element.attribute(by: "r")?.text {
                    // `B12`: letters for the column (A…XFD), then the row's own number.
                    guard let parsed = cellReference(reference), parsed.row == nil || parsed.row == number else {
                        throw Failure(message: "cell reference `\(reference.prefix(40))` in row \(number) is not a cell of that row (such as B\(number))",
                                      row: number)
                    }
                    guard parsed.column <= maxColumn else {
                        throw Failure(message: "cell \(reference.prefix(40)) lies beyond column XFD, the last column of a worksheet", row: number)
                    }
                    column = parsed.column
                }
                guard column <= maxColumn else {
                    throw Failure(message: "row \(number) has cells beyond column XFD, the last column of a worksheet", row: number)
                }
                let value = cell["v"].element?.text
                let at = "\(AnswerTable.columnLetters(column))\(number)"
                if value == nil, cell["f"].element != nil {
                    throw Failure(message: "cell \(at) holds a formula with no computed value: open the workbook in a spreadsheet and save it, so the value is stored",
                                  row: number, column: column)
                }
                var text: String
                switch element.attribute(by: "t")?.text ?? "n" {
                case "s":
                    guard let index = value.flatMap({ Int($0) }), shared.indices.contains(index) else {
                        throw Failure(message: "cell \(at) refers to shared text \(value ?? "(none)"), but the workbook holds \(shared.count) (its xl/sharedStrings.xml is missing or cut short)",
                                      row: number, column: column)
                    }
                    text = shared[index]
                case "inlineStr": text = richText(cell["is"])
                case "b": text = value == "1" ? "true" : value == "0" ? "false" : (value ?? "")
                case "n": text = value.map { Self.number($0) } ?? ""
                default: text = value ?? ""  // str (a formula's text), e (an error such as #N/A), d (ISO date)
                }
                if fields.count < column - 1 {
                    cellCount += column - 1 - fields.count
                    guard cellCount <= maxCellsPerSheet else {
                        throw Failure(message: "the sheet spreads over more than \(maxCellsPerSheet) cells", row: number)
                    }
                    fields += Array(repeating: "", count: column - 1 - fields.count)
                }
                cellCount += 1
                if fields.count == column - 1 { fields.append(text) } else if column - 1 < fields.count { fields[column - 1] = text }
            }
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(CSVReader.Row(row: number, fields: fields))
            }
        }
        return try filledMerges(rows, sheet["worksheet"]["mergeCells"]["mergeCell"].all.compactMap { $0.element?.attribute(by: "ref")?.text })
    }

    /// Merged cells read as a person sees them: each cell of a merged range holds the range's value (an industry
    /// merged down over three enterprises is each one's industry). Only rows that hold values are filled, and only
    /// up to the sheet's last used column, so a merge over a whole sheet costs nothing.
    static func filledMerges(_ rows: [CSVReader.Row], _ references: [String]) throws(Failure) -> [CSVReader.Row] {
        guard !references.isEmpty, !rows.isEmpty else { return rows }
        var rows = rows
        let width = rows.map(\.fields.count).max() ?? 0
        let index = Dictionary(rows.enumerated().map { ($1.row, $0) }, uniquingKeysWith: { a, _ in a })
        let numbers = index.keys.sorted()
        var filled = 0
        for reference in references {
            let corners = reference.split(separator: ":").map(String.init)
            guard corners.count == 2, let from = cellReference(corners[0]), let to = cellReference(corners[1]),
                  let top = from.row, let bottom = to.row, top <= bottom, from.column <= to.column else {
                throw Failure(message: "merged range `\(reference.prefix(40))` is not a range such as A1:C1")
            }
            guard let first = index[top], from.column <= rows[first].fields.count else { continue }
            let value = rows[first].fields[from.column - 1]
            guard !value.isEmpty else { continue }
            var low = 0, high = numbers.count
            while low < high { let mid = (low + high) / 2; if numbers[mid] < top { low = mid + 1 } else { high = mid } }
            for number in numbers[low...].prefix(while: { $0 <= bottom }) {
                let i = index[number]!
                for column in from.column...min(to.column, width) where (number, column) != (top, from.column) {
                    filled += 1
                    guard filled <= maxCellsPerSheet else { throw Failure(message: "merged ranges spread over more than \(maxCellsPerSheet) cells") }
                    if rows[i].fields.count < column { rows[i].fields += Array(repeating: "", count: column - rows[i].fields.count) }
                    if rows[i].fields[column - 1].isEmpty { rows[i].fields[column - 1] = value }
                }
            }
        }
        return rows
    }

    /// `AB12` → column 28, row 12; `AB` → column 28, no row. Nil when it is not letters then digits. A column
    /// beyond any sheet's is returned as one past the limit rather than counted (no overflow).
    static func cellReference(_ reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var digits = ""
        for scalar in reference.unicodeScalars {
            if digits.isEmpty, ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) {
                let letter = Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value - 64)
                column = min(column * 26 + letter, maxColumn + 1)
            } else if ("0"..."9").contains(scalar), column > 0, digits.count < 8 {
                digits.unicodeScalars.append(scalar)
            } else {
                return nil
            }
        }
        guard column > 0 else { return nil }
        if digits.isEmpty { return (column, nil) }
        guard let row = Int(digits), row >= 1 else { return nil }
        return (column, row)
    }

    /// A stored number as a person would type it: `40` rather than `40.0`, `0.8` rather than `0.80000000000000004`.
    static func number(_ stored: String) -> String {
        guard let n = Double(stored), n.isFinite else { return stored }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}
