import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the cells of an .xlsx workbook as text, sheet by sheet, with their spreadsheet row numbers: ZIPFoundation
/// opens the container, Foundation's XMLParser streams the parts (workbook, relationships, shared strings,
/// worksheets) through the readers in XLSXPartReaders.swift, which keep only the cells. Numbers come as typed
/// (`40`, `97.2`), booleans as `true`/`false`, formulas as their last computed value.
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

    /// The most one part may unpack to. A workbook of 5,000 enterprises × 150 answers written as `questions --xlsx`
    /// writes it (inline text in every cell) has a worksheet of 47.5 MB (5,000 × 66, the auto-parts questionnaire:
    /// 20.9 MB); Excel's shared strings make it smaller. 128 MB leaves 2.7 times that (docs/spreadsheets.md).
    static let maxPartBytes: Int64 = 128 << 20
    /// The most elements one part may hold. The reader builds no tree: of a part it keeps the cells' text (a
    /// 16-byte slot per cell, and the text itself when over 15 bytes, which the part's bytes bound) and, while it
    /// parses, the part's bytes. Other elements cost only parse time, about 0.6 µs each: a part of 4 million `<x/>`
    /// reads in about 2.5 s and peaks at 66 MB (the tree reader before it took 160 bytes per element and 640 MB).
    /// So this bounds the time one part takes and the cells it adds: a part at both this limit and `maxPartBytes`
    /// (1.33 million inline cells of 60 characters) peaks at 460 MB. The 5,000 × 150 worksheet above has about
    /// 2 million elements (1.96 to 2.26 million, as many of its cells are filled) and its batch peaks at about 220 MB (the
    /// tree reader: 0.9 to 1.1 GB); the 5,000 × 66 one has 0.87 to 1 million.
    static let maxElementsPerPart = 4_000_000

    /// `limit`: the most bytes the parts may unpack to (tests give a small one).
    /// `partLimit`, `elementLimit`: the most one part may unpack to and the most elements it may hold.
    static func sheets(_ data: Data, limit: Int64 = maxUnzippedBytes, partLimit: Int64 = maxPartBytes,
                       elementLimit: Int = maxElementsPerPart) throws(Failure) -> [Sheet] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            // A zip's first bytes are `PK\u{3}\u{4}`: a file that starts so but cannot be opened is a workbook cut short.
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                throw Failure(message: "the workbook is damaged: its zip container cannot be read (cut short when it was copied or downloaded?)")
            }
            throw Failure(message: "not an xlsx workbook (not a zip container; an .xls from an old Excel? save it as .xlsx)")
        }
        let total = archive.reduce(Int64(0)) { $0 + Int64($1.uncompressedSize) }
        guard total <= limit else { throw Failure(message: "the workbook unpacks to \(total) bytes, more than the limit of \(limit)") }

        // The sizes a zip declares may lie: the bytes actually unpacked are counted too.
        var unpacked: Int64 = 0
        struct TooLarge: Error {}
        struct PartTooLarge: Error {}
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            let partTooLarge = Failure(message: "the workbook part \(path.prefix(100)) unpacks to more than the limit of \(partLimit) bytes: split the enterprises over several workbooks")
            guard Int64(entry.uncompressedSize) <= partLimit else { throw partTooLarge }
            var out = Data()
            var inPart: Int64 = 0
            // The CRC-32 of the bytes unpacked: ZIPFoundation computes it and returns it, but does not compare it
            // with the one the zip records for the part (`entry.checksum`); that is done below.
            let checksum: CRC32
            do {
                checksum = try archive.extract(entry) { chunk in
                    unpacked += Int64(chunk.count)
                    inPart += Int64(chunk.count)
                    if unpacked > limit { throw TooLarge() }
                    if inPart > partLimit { throw PartTooLarge() }
                    out.append(chunk)
                }
            } catch is TooLarge {
                throw Failure(message: "the workbook unpacks to more than the limit of \(limit) bytes")
            } catch is PartTooLarge {
                throw partTooLarge
            } catch {
                throw Failure(message: "the workbook part \(path.prefix(100)) cannot be unpacked (\(unpackProblem(error)))")
            }
            // A part whose bytes were changed after the workbook was saved (one flipped bit in a stored part reads
            // as another enterprise's name) is refused: the workbook is never read in part.
            guard checksum == entry.checksum else {
                throw Failure(message: "the workbook part \(path.prefix(100)) is damaged (checksum mismatch): its bytes changed after the workbook was saved (damaged when it was copied or downloaded?)")
            }
            return out
        }
        /// Reads a part with `reader` in one streaming pass, after `checkShape`. A part XMLParser stops in is
        /// refused whole, with the line and column where it stopped: what the reader collected up to there is
        /// dropped, never used as if it were the whole part.
        func read(_ data: Data, part: String, with reader: PartReader) throws(Failure) {
            let endsOpen = try checkShape(data, part: part, maxElements: elementLimit)
            if let at = reader.parse(data) {
                throw Failure(message: at.line > 0
                    ? "the workbook part \(part) is damaged: not well-formed XML at line \(at.line), column \(at.column)"
                    : "the workbook part \(part) is damaged: not well-formed XML")
            }
            // Fed as a stream, the parser does not report a part that ends inside a tag.
            if endsOpen { throw Failure(message: "the workbook part \(part) is damaged: it ends before its elements are closed (cut short?)") }
        }

        guard let workbookData = try part("xl/workbook.xml") else {
            throw Failure(message: "not an xlsx workbook (it has no xl/workbook.xml)")
        }
        // Sheet id → part path, from the workbook's relationships (nil: a target outside the package).
        var targets: [String: String?] = [:]
        if let relsData = try part("xl/_rels/workbook.xml.rels") {
            let relationships = RelationshipsReader()
            try read(relsData, part: "xl/_rels/workbook.xml.rels", with: relationships)
            for relationship in relationships.relationships where targets[relationship.id] == nil {
                targets[relationship.id] = .some(relationship.external ? nil : packagePath(relationship.target, from: "xl"))
            }
        }
        var shared: [String] = []
        var ambiguousShared: Set<Int> = []
        if let sst = try part("xl/sharedStrings.xml") {
            let strings = SharedStringsReader()
            try read(sst, part: "xl/sharedStrings.xml", with: strings)
            shared = strings.strings
            ambiguousShared = strings.ambiguous
        }
        // The cell styles, for numbers shown as percentages. Without the part every number is General.
        var styles: StylesReader?
        if let stylesData = try part("xl/styles.xml") {
            let reader = StylesReader()
            try read(stylesData, part: "xl/styles.xml", with: reader)
            styles = reader
        }
        let percentStyles = styles?.percentStyles ?? []
        let workbook = WorkbookReader()
        try read(workbookData, part: "xl/workbook.xml", with: workbook)
        // Every sheet the workbook lists is read, or the workbook is refused naming the sheet: a sheet skipped
        // without a word would drop its enterprises from the batch as if they had never been there.
        var sheets: [Sheet] = []
        for (i, attributes) in try workbook.sheets().enumerated() {
            let name = attributes["name"] ?? "Sheet\(i + 1)"
            let hidden = attributes["state"].map { $0 != "visible" } ?? false
            do throws(Failure) {
                guard let relation = attributes["r:id"] ?? attributes["id"] else {
                    throw Failure(message: "xl/workbook.xml lists the sheet without the relationship id (r:id) that names its part: the workbook is damaged")
                }
                guard let target = targets[relation] else {
                    throw Failure(message: "xl/workbook.xml lists the sheet with relationship `\(relation.prefix(40))`, which xl/_rels/workbook.xml.rels does not hold: the workbook is damaged")
                }
                guard let path = target else {
                    throw Failure(message: "the part of the sheet lies outside the workbook (relationship `\(relation.prefix(40))`): the workbook is damaged or forged")
                }
                guard let sheetData = try part(path) else {
                    throw Failure(message: "the workbook part \(path.prefix(100)) of the sheet is missing: the workbook is damaged")
                }
                let worksheet = WorksheetReader(shared: shared, ambiguousShared: ambiguousShared,
                                                styleCount: styles?.styleCount, percentStyles: percentStyles)
                try read(sheetData, part: path, with: worksheet)
                sheets.append(Sheet(name: name, hidden: hidden, rows: try worksheet.rows()))
            } catch {
                var located = error
                located.sheet = name
                throw located
            }
        }
        return sheets
    }

    /// Why ZIPFoundation could not unpack a part, for people: its errors are Swift enum cases
    /// (`invalidCompressionMethod`, `corruptedData`), which said nothing to the user and were English in Chinese.
    static func unpackProblem(_ error: any Error) -> String {
        if case Archive.ArchiveError.invalidCompressionMethod = error {
            // Spreadsheets store parts deflated or as they are; BZIP2, LZMA or another method is a zip made otherwise.
            return "it is compressed with a method spreadsheets do not use: open the workbook in a spreadsheet and save it again"
        }
        // ZIPFoundation's decompression errors (`Data.CompressionError`) are not public: known by their names.
        let name = "\(error)"
        if name.contains("corruptedData") || name.contains("invalidStream") {
            return "its compressed bytes are damaged (cut short or changed when it was copied or downloaded?)"
        }
        return "its entry in the zip container is damaged"
    }

    /// The path in the package of a relationship's `target`, relative to the folder `base` (`worksheets/sheet1.xml`
    /// from `xl` is `xl/worksheets/sheet1.xml`; `/xl/a.xml` is from the package's root), `.` and `..` resolved;
    /// nil when it leaves the package (`../../x.xml`) or is a URL.
    static func packagePath(_ target: String, from base: String) -> String? {
        guard !target.contains("://") else { return nil }
        var segments: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
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

    /// The deepest a part's elements may nest. Workbooks nest about a dozen levels (a worksheet's inline rich text:
    /// worksheet, sheetData, row, c, is, r, rPr, …). A forged part 50,000 levels deep overflowed the stack of the
    /// tree reader before the streaming one; checked on the bytes, no parser ever sees such a part.
    static let maxDepth = 64

    /// A cheap pass over a part's bytes before the parser sees it: the nesting depth (`maxDepth`), the number of
    /// elements (`maxElementsPerPart`, which bounds the time the parse takes and the cells kept), no document type
    /// declaration (ECMA-376 Part 2 forbids them in a package; refusing them also rules out entity expansion,
    /// which could nest or multiply elements this pass does not see), and a part that ends with elements still
    /// open (cut short), and UTF-8 only. It follows the XML grammar only as far as a well-formed document needs: where the bytes
    /// are not well-formed the parser stops there and reports it, so what the parser reads is what was counted.
    /// Returns whether the part ends inside a tag, a comment or a quoted value with elements open: damaged,
    /// but the parser is asked first, as it can say where (a quote left open runs to the end of the part here).
    @discardableResult
    static func checkShape(_ data: Data, part: String, maxElements: Int = maxElementsPerPart) throws(Failure) -> Bool {
        let part = String(part.prefix(100))
        var endsOpen = false
        let outcome: Failure? = { () -> Failure? in
            // A plain copy of the bytes (a part is at most `maxPartBytes`): bounds-checked reads, no raw memory.
            let bytes = [UInt8](data)
            let n = bytes.count
            var i = 0, line = 1, depth = 0, elements = 0
            let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), newline = UInt8(ascii: "\n")
            /// Moves `i` past the first `terminator` at or after it, counting lines; false when there is none.
            func skip(past terminator: [UInt8]) -> Bool {
                while i < n {
                    if bytes[i] == newline { line += 1 }
                    if bytes[i] == terminator[0], i + terminator.count <= n,
                       terminator.indices.allSatisfy({ bytes[i + $0] == terminator[$0] }) {
                        i += terminator.count
                        return true
                    }
                    i += 1
                }
                return false
            }
            func starts(_ prefix: String) -> Bool {
                let p = Array(prefix.utf8)
                return i + p.count <= n && p.indices.allSatisfy { bytes[i + $0] == p[$0] }
            }
            // UTF-8 only, as every spreadsheet writes it: the counting below reads ASCII bytes, which another
            // encoding the parser would switch to (UTF-16, UTF-7, EBCDIC, declared or detected) does not have.
            let notUTF8 = Failure(message: "the workbook part \(part) is not UTF-8 XML, as workbooks always are")
            if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
            while i < n, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { if bytes[i] == newline { line += 1 }; i += 1 }
            if i < n, bytes[i] != lt { return notUTF8 }
            if starts("<?xml") {
                var end = i
                while end + 1 < n, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == gt) { end += 1 }
                let declaration = String(decoding: bytes[i..<end], as: UTF8.self).lowercased()
                if let at = declaration.range(of: "encoding") {
                    let value = declaration[at.upperBound...].drop { " =\t\r\n\"'".contains($0) }.prefix { !" \t\r\n\"'".contains($0) }
                    if value != "utf-8", value != "utf8" { return notUTF8 }
                }
            }
            var unterminated = false, mismatched = false
            var openNames: [(start: Int, count: Int)] = []  // at most maxDepth
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
            while i < n {
                let byte = bytes[i]
                if byte == newline { line += 1 }
                if byte == 0 { return notUTF8 }
                guard byte == lt else { i += 1; continue }
                let next = i + 1 < n ? bytes[i + 1] : 0
                if next == slash {
                    depth -= 1
                    // An end tag that closes another element than the last one opened: for the parser to report.
                    let name = i + 2
                    while i < n, bytes[i] != gt { if bytes[i] == newline { line += 1 }; i += 1 }
                    if let open = openNames.popLast() {
                        var end = name
                        while end < i, !isSpace(bytes[end]) { end += 1 }
                        if end - name != open.count || !(0..<open.count).allSatisfy({ bytes[name + $0] == bytes[open.start + $0] }) {
                            mismatched = true
                        }
                    }
                    guard i < n else { unterminated = true; break }
                    i += 1
                } else if next == UInt8(ascii: "?") {
                    guard skip(past: Array("?>".utf8)) else { unterminated = true; break }
                } else if next == UInt8(ascii: "!"), starts("<!--") {
                    guard skip(past: Array("-->".utf8)) else { unterminated = true; break }
                } else if next == UInt8(ascii: "!"), starts("<![CDATA[") {
                    guard skip(past: Array("]]>".utf8)) else { unterminated = true; break }
                } else if next == UInt8(ascii: "!") {
                    return Failure(message: "the workbook part \(part) holds a document type declaration (<!DOCTYPE>) at line \(line), which workbooks never have")
                } else {
                    elements += 1
                    if elements > maxElements {
                        return Failure(message: "the workbook part \(part) holds more than \(maxElements) XML elements (line \(line)): split the enterprises over several workbooks")
                    }
                    // The tag, up to its `>` outside quoted attribute values.
                    var quote: UInt8 = 0
                    var closed = false
                    i += 1
                    let name = i
                    var nameEnd = -1
                    while i < n {
                        let b = bytes[i]
                        if b == newline { line += 1 }
                        if nameEnd < 0, isSpace(b) || b == slash || b == gt { nameEnd = i }
                        if quote != 0 {
                            if b == quote { quote = 0 }
                        } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                            quote = b
                        } else if b == gt {
                            closed = true
                            break
                        }
                        i += 1
                    }
                    guard closed else { unterminated = true; break }
                    if bytes[i - 1] != slash {
                        depth += 1
                        openNames.append((name, nameEnd - name))
                        if depth > maxDepth {
                            return Failure(message: "the workbook part \(part) nests elements more than \(maxDepth) deep (line \(line)); workbooks nest about a dozen")
                        }
                    }
                    i += 1
                }
            }
            // Ending inside a tag, a comment or a quoted value (a quote left open runs to the end), or end tags
            // that do not match, are for the parser to report, with its line and column; ending between tags with
            // elements open is a part cut short.
            if depth > 0, !unterminated, !mismatched {
                return Failure(message: "the workbook part \(part) is damaged: it ends before its elements are closed (cut short?)")
            }
            endsOpen = unterminated
            return nil
        }()
        if let outcome { throw outcome }
        return endsOpen
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

    /// `2026-11-20` of an ISO date-time cell `2026-11-20T00:00:00`; any other text as it is.
    static func isoDate(_ stored: String) -> String {
        let date = stored.prefix(10)
        guard stored.count > 10, stored.dropFirst(10).first == "T", date.count == 10,
              date.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 ? $0.element == "-" : $0.element.isASCII && $0.element.isNumber })
        else { return stored }
        return String(date)
    }

    /// A stored number shown as a percentage, as the person sees it: `0.3` → `30`, `0.075` → `7.5`. Rounded to
    /// 15 significant digits, as many as Excel keeps (0.3 × 100 is 30.000000000000004 in binary).
    static func percent(_ stored: String) -> String {
        guard let n = Double(stored), n.isFinite else { return stored }
        let scaled = n * 100
        guard scaled.isFinite, let rounded = Double(String(format: "%.15g", scaled)) else { return stored }
        return number("\(rounded)")
    }

    /// A stored number as a person would type it: `40` rather than `40.0`, `0.8` rather than `0.80000000000000004`.
    static func number(_ stored: String) -> String {
        guard let n = Double(stored), n.isFinite else { return stored }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}

