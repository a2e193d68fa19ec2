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

    struct Failure: Error { var message: String }

    /// The most the parts of one workbook may hold once unzipped (a zip bomb stops here).
    static let maxUnzippedBytes: Int64 = 256 << 20

    static func sheets(_ data: Data) throws(Failure) -> [Sheet] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Failure(message: "not an xlsx workbook (not a zip container; an .xls from an old Excel? save it as .xlsx)")
        }
        let total = archive.reduce(Int64(0)) { $0 + Int64($1.uncompressedSize) }
        guard total <= maxUnzippedBytes else { throw Failure(message: "the workbook unpacks to \(total) bytes, more than the limit of \(maxUnzippedBytes)") }

        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            do { _ = try archive.extract(entry) { out.append($0) } } catch {
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
            sheets.append(Sheet(name: name, hidden: hidden, rows: try rows(xml(sheetData), shared: shared)))
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
        for row in sheet["worksheet"]["sheetData"]["row"].all {
            let number = row.element?.attribute(by: "r").flatMap { Int($0.text) } ?? nextRow
            // A sheet has rows 1…1,048,576; a forged number outside them is refused, not counted on from.
            guard (1...1_048_576).contains(number) else { throw Failure(message: "a row numbered \(number), outside 1–1048576") }
            nextRow = number + 1
            var fields: [String] = []
            for cell in row["c"].all {
                guard let element = cell.element else { continue }
                let column = element.attribute(by: "r").flatMap { columnNumber(of: $0.text) } ?? fields.count + 1
                guard column <= 16_384 else { throw Failure(message: "a cell beyond column XFD in row \(number)") }
                let value = cell["v"].element?.text
                var text: String
                switch element.attribute(by: "t")?.text ?? "n" {
                case "s":
                    guard let index = value.flatMap({ Int($0) }), shared.indices.contains(index) else { text = ""; break }
                    text = shared[index]
                case "inlineStr": text = richText(cell["is"])
                case "b": text = value == "1" ? "true" : value == "0" ? "false" : (value ?? "")
                case "n": text = value.map { Self.number($0) } ?? ""
                default: text = value ?? ""  // str (a formula's text), e (an error such as #N/A), d (ISO date)
                }
                if fields.count < column - 1 { fields += Array(repeating: "", count: column - 1 - fields.count) }
                if fields.count == column - 1 { fields.append(text) } else if column - 1 < fields.count { fields[column - 1] = text }
            }
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(CSVReader.Row(row: number, fields: fields))
            }
        }
        return rows
    }

    /// A stored number as a person would type it: `40` rather than `40.0`, `0.8` rather than `0.80000000000000004`.
    static func number(_ stored: String) -> String {
        guard let n = Double(stored), n.isFinite else { return stored }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// `AB12` → 28.
    static func columnNumber(of reference: String) -> Int? {
        var n = 0
        for scalar in reference.unicodeScalars {
            if ("A"..."Z").contains(scalar) { n = n * 26 + Int(scalar.value - 64) } else if ("a"..."z").contains(scalar) { n = n * 26 + Int(scalar.value - 96) } else { break }
            if n > 100_000 { return nil }
        }
        return n > 0 ? n : nil
    }
}
