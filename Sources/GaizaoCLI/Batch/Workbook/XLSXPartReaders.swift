import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The readers of a workbook's XML parts: each is XMLParser's delegate for one streaming pass over one part and
/// keeps only what the workbook's cells need (no tree of the part is built, so memory follows the cells read, not
/// the elements parsed). Each takes the elements where the tree reader before it (SWXMLHash) found them. A child
/// expected once that is present twice (a cell with two `<v>`, a worksheet with two `<sheetData>`) is a damaged
/// part: refused, located, never read as if it were absent.
extension XLSXReader {
    /// The streaming pass every part reader shares: the path of open element names, the text of the element a
    /// reader asked for, and where the parser stopped on its first error.
    class PartReader: NSObject, XMLParserDelegate {
        /// The names of the open elements, the document's root first (at most `maxDepth`, `checkShape` saw to it).
        private(set) var path: [String] = []
        /// The depth of the element whose own text is being collected (0: none), and that text so far. One
        /// element at a time: no reader asks for the text of an element inside another whose text it collects.
        private var captureDepth = 0
        private var captured = ""
        private var errorPosition: (line: Int, column: Int)?

        /// Parses `data` as a stream: given the whole part at once, libxml2 (on Linux, without its "huge" option)
        /// reports an internal error at the end of any document over 10,000,000 bytes, which a worksheet of a few
        /// thousand enterprises is, though it has read it all. Returns where the parser stopped when the part is
        /// not well-formed (line 0 when it did not say), nil when it read the whole part.
        func parse(_ data: Data) -> (line: Int, column: Int)? {
            let parser = XMLParser(stream: InputStream(data: data))
            // Element names without their prefix (`x:row` is a `row`), as the workbook's writer chose the prefixes.
            parser.shouldProcessNamespaces = true
            parser.delegate = self
            if parser.parse() { return nil }
            return errorPosition ?? (0, 0)
        }

        /// An element opened; `path` ends with it. Returns whether its own text (not its children's) is wanted.
        func open(_ name: String, _ attributes: [String: String]) -> Bool { false }
        /// An element closed; `path` still ends with it. `text` is its own text when `open` asked for it.
        func close(_ name: String, text: String?) {}

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String]) {
            path.append(elementName)
            if open(elementName, attributeDict) {
                captureDepth = path.count
                captured = ""
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if captureDepth == path.count {
                captureDepth = 0
                close(elementName, text: captured)
                captured = ""
            } else {
                close(elementName, text: nil)
            }
            path.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if captureDepth != 0, captureDepth == path.count { captured += string }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if captureDepth != 0, captureDepth == path.count, let text = String(data: CDATABlock, encoding: .utf8) {
                captured += text
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if errorPosition == nil { errorPosition = (parser.lineNumber, parser.columnNumber) }
        }
    }

    /// The text of a shared or inline string (`<si>`, `<is>`): its one `t`, or else the `t`s of its runs `r`
    /// (each run's one `t`), phonetic guides (`rPh`) left out. Fed the string element's children (level 1) and
    /// grandchildren (level 2).
    struct RichText {
        private var ts = 0, t = ""
        private var runs = ""
        private var runTs = 0, runT = ""
        /// A `t` given twice, in the string or in one of its runs: which one is the text cannot be told.
        private(set) var twice = false

        var text: String { ts == 1 ? t : runs }

        /// Returns whether the element's text is wanted.
        mutating func open(_ name: String, level: Int, parent: String) -> Bool {
            if level == 1, name == "t" {
                ts += 1
                if ts > 1 { twice = true }
                return ts == 1
            }
            if level == 1, name == "r" {
                runTs = 0
                runT = ""
            } else if level == 2, parent == "r", name == "t" {
                runTs += 1
                if runTs > 1 { twice = true }
                return runTs == 1
            }
            return false
        }

        mutating func close(_ name: String, level: Int, parent: String, text: String?) {
            if level == 1, name == "t", let text {
                t = text
            } else if level == 2, parent == "r", name == "t", let text {
                runT = text
            } else if level == 1, name == "r", runTs == 1 {
                runs += runT
            }
        }
    }

    /// xl/_rels/workbook.xml.rels: each relationship's id and target, in the part's order.
    /// `external`: the target is outside the package (`TargetMode="External"`), which no sheet's part may be.
    final class RelationshipsReader: PartReader {
        private(set) var relationships: [(id: String, target: String, external: Bool)] = []

        override func open(_ name: String, _ attributes: [String: String]) -> Bool {
            if path.count == 2, path[0] == "Relationships", name == "Relationship",
               let id = attributes["Id"], let target = attributes["Target"] {
                relationships.append((id, target, attributes["TargetMode"] == "External"))
            }
            return false
        }
    }

    /// xl/sharedStrings.xml: the text of each shared string, in order (a cell's `<v>2</v>` is the third), and
    /// the strings that hold a `t` twice (refused when a cell uses them).
    final class SharedStringsReader: PartReader {
        private(set) var strings: [String] = []
        private(set) var ambiguous: Set<Int> = []
        private var current = RichText()

        override func open(_ name: String, _ attributes: [String: String]) -> Bool {
            guard path.count >= 2, path[0] == "sst" else { return false }
            switch path.count {
            case 2:
                if name == "si" { current = RichText() }
                return false
            case 3, 4:
                guard path[1] == "si" else { return false }
                return current.open(name, level: path.count - 2, parent: path[2])
            default:
                return false
            }
        }

        override func close(_ name: String, text: String?) {
            guard path.count >= 2, path[0] == "sst" else { return }
            switch path.count {
            case 2:
                if name == "si" {
                    if current.twice { ambiguous.insert(strings.count) }
                    strings.append(current.text)
                }
            case 3, 4:
                if path[1] == "si" { current.close(name, level: path.count - 2, parent: path[2], text: text) }
            default:
                break
            }
        }
    }

    /// xl/styles.xml: which cell styles (`<cellXfs>`, indexed by a cell's `s`) show a number as a percentage.
    /// Excel stores `30%` typed in a cell as `0.3` with such a style: built-in number formats 9 (`0%`) and 10
    /// (`0.00%`), or a custom format (`<numFmt>`) with a `%` that scales the number.
    final class StylesReader: PartReader {
        private var customFormats: [Int: String] = [:]
        private var formatOfStyle: [Int] = []
        private var styleLists = 0

        /// The number of cell styles, and those that show a percentage.
        var styleCount: Int { formatOfStyle.count }
        var percentStyles: Set<Int> {
            Set(formatOfStyle.indices.filter { Self.isPercent(formatOfStyle[$0], custom: customFormats) })
        }

        override func open(_ name: String, _ attributes: [String: String]) -> Bool {
            guard path[0] == "styleSheet" else { return false }
            if path.count == 2, name == "cellXfs" {
                styleLists += 1
            } else if path.count == 3, path[1] == "numFmts", name == "numFmt",
                      let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            } else if path.count == 3, path[1] == "cellXfs", name == "xf", styleLists == 1 {
                // A style without a number format shows numbers as General (format 0).
                formatOfStyle.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            }
            return false
        }

        static func isPercent(_ format: Int, custom: [Int: String]) -> Bool {
            if let code = custom[format] { return scalesToPercent(code) }
            return format == 9 || format == 10
        }

        /// Whether a number format code shows the number times 100: a `%` outside quoted text (`"%"`), escapes
        /// (`\%`), brackets (`[Red]`) and the characters after `_` and `*` (padding), which are shown as written.
        static func scalesToPercent(_ code: String) -> Bool {
            var quoted = false, bracket = false, skipNext = false
            for character in code {
                if skipNext { skipNext = false; continue }
                if quoted { if character == "\"" { quoted = false }; continue }
                if bracket { if character == "]" { bracket = false }; continue }
                switch character {
                case "\"": quoted = true
                case "[": bracket = true
                case "\\", "_", "*": skipNext = true
                case "%": return true
                default: break
                }
            }
            return false
        }
    }

    /// xl/workbook.xml: the attributes of each sheet (name, relationship id, state), in the workbook's order.
    /// Sheets are read from the workbook's one `<sheets>`.
    final class WorkbookReader: PartReader {
        private var entries: [[String: String]] = []
        private var sheetLists = 0

        /// The sheets, or why they cannot be told (a workbook with two `<sheets>` lists).
        func sheets() throws(Failure) -> [[String: String]] {
            guard sheetLists <= 1 else {
                throw Failure(message: "xl/workbook.xml holds \(sheetLists) lists of sheets (<sheets>), where a workbook has one: the workbook is damaged")
            }
            return entries
        }

        override func open(_ name: String, _ attributes: [String: String]) -> Bool {
            guard path[0] == "workbook" else { return false }
            if path.count == 2, name == "sheets" {
                sheetLists += 1
            } else if path.count == 3, path[1] == "sheets", name == "sheet" {
                entries.append(attributes)
            }
            return false
        }
    }

    /// A worksheet: its rows of cells as text, read into `CSVReader.Row`s as they stream by, and its merged
    /// ranges. The first problem found (a forged row number, a cell beyond XFD…) is kept and the rest of the part
    /// only parsed: a part that is not well-formed is refused for that first, as before.
    final class WorksheetReader: PartReader {
        private let shared: [String]
        private let ambiguousShared: Set<Int>
        /// The workbook's cell styles (nil: no xl/styles.xml, every number General) and those showing percentages.
        private let styleCount: Int?
        private let percentStyles: Set<Int>
        private var collected: [CSVReader.Row] = []
        private var merges: [String] = []
        private var sheetDatas = 0, mergeCellLists = 0
        private var failure: Failure?

        // The row being read: its number, its cells so far, the cells the sheet spreads over so far.
        private var inRow = false
        private var number = 0, nextRow = 1, cellCount = 0
        /// The numbers of the rows read so far, ascending (each row must come after the one before it).
        private var rowNumbers: [Int] = []
        private var fields: [String] = []
        /// The columns of the row's cells so far, ascending (each cell must come after the one before it).
        private var columns: [Int] = []

        // The cell being read: its attributes, and how many `v`, `f` and `is` it holds (one each is expected).
        private var inCell = false
        private var reference: String?, type: String?, style: String?
        private var vs = 0, value: String?, fs = 0, inlines = 0
        private var inline = RichText()

        init(shared: [String], ambiguousShared: Set<Int> = [], styleCount: Int? = nil, percentStyles: Set<Int> = []) {
            self.shared = shared
            self.ambiguousShared = ambiguousShared
            self.styleCount = styleCount
            self.percentStyles = percentStyles
        }

        /// The rows that hold a value (merged ranges filled in), or the sheet's first problem.
        func rows() throws(Failure) -> [CSVReader.Row] {
            // Rows are those of the worksheet's one `<sheetData>`; a part without one (a chart sheet) has none.
            // Two are a damaged part: which one holds the enterprises cannot be told.
            if sheetDatas > 1 {
                throw Failure(message: "the sheet holds \(sheetDatas) tables of cells (<sheetData>), where a worksheet has one: the workbook is damaged")
            }
            if mergeCellLists > 1 {
                throw Failure(message: "the sheet holds \(mergeCellLists) lists of merged cells (<mergeCells>), where a worksheet has one: the workbook is damaged")
            }
            guard sheetDatas == 1 else { return [] }
            if let failure { throw failure }
            return try XLSXReader.filledMerges(collected, merges)
        }

        override func open(_ name: String, _ attributes: [String: String]) -> Bool {
            guard path[0] == "worksheet" else { return false }
            switch path.count {
            case 2:
                if name == "sheetData" { sheetDatas += 1 } else if name == "mergeCells" { mergeCellLists += 1 }
            case 3:
                if path[1] == "sheetData", name == "row" {
                    inRow = true
                    fields = []
                    columns = []
                    guard failure == nil else { return false }
                    do throws(Failure) { try startRow(attributes["r"]) } catch { failure = error }
                } else if path[1] == "mergeCells", name == "mergeCell", let reference = attributes["ref"] {
                    merges.append(reference)
                }
            case 4:
                if inRow, name == "c" {
                    inCell = true
                    reference = attributes["r"]
                    type = attributes["t"]
                    style = attributes["s"]
                    vs = 0; value = nil; fs = 0; inlines = 0
                    inline = RichText()
                }
            case 5:
                guard inCell else { return false }
                switch name {
                case "v":
                    vs += 1
                    return vs == 1
                case "f": fs += 1
                case "is": inlines += 1
                default: break
                }
            case 6, 7:
                if inCell, path[4] == "is" { return inline.open(name, level: path.count - 5, parent: path[5]) }
            default:
                break
            }
            return false
        }

        override func close(_ name: String, text: String?) {
            guard path[0] == "worksheet" else { return }
            switch path.count {
            case 3:
                if inRow {
                    inRow = false
                    if failure == nil, fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                        collected.append(CSVReader.Row(row: number, fields: fields))
                    }
                    fields = []
                }
            case 4:
                if inCell {
                    inCell = false
                    guard failure == nil else { return }
                    do throws(Failure) { try endCell() } catch { failure = error }
                }
            case 5:
                if inCell, name == "v", let text { value = text }
            case 6, 7:
                if inCell, path[4] == "is" { inline.close(name, level: path.count - 5, parent: path[5], text: text) }
            default:
                break
            }
        }

        private func startRow(_ rowText: String?) throws(Failure) {
            // A sheet has rows 1…1,048,576; a forged number outside them (or no number) is refused, not counted on from.
            guard let number = rowText.map({ Int($0) }) ?? nextRow, (1...1_048_576).contains(number) else {
                throw Failure(message: "a row numbered \(rowText ?? ""), outside 1–1048576")
            }
            // Spreadsheets write each row once, in ascending order. A row number seen again (a forged or damaged
            // sheet) would give two enterprises one row number, or merge their cells; rows out of order would be
            // numbered as the user never sees them. Either is refused, naming the row.
            if let last = rowNumbers.last, number <= last {
                if Self.contains(rowNumbers, number) {
                    throw Failure(message: "row \(number) appears twice in the sheet", row: number)
                }
                throw Failure(message: "row \(number) comes after row \(last): the rows are out of order, as no spreadsheet writes them",
                              row: number)
            }
            rowNumbers.append(number)
            self.number = number
            nextRow = number + 1
        }

        /// Whether the cell's style shows its number as a percentage. A style the workbook's xl/styles.xml does
        /// not define leaves it unknown whether the number is one: refused, naming the cell.
        private func percentStyle(_ at: String, column: Int) throws(Failure) -> Bool {
            guard let style, let styleCount else { return false }
            // Style 0 is the default one, which every workbook has even when its styles list is empty.
            guard let index = Int(style), index == 0 || (0..<styleCount).contains(index) else {
                throw Failure(message: "cell \(at) uses style \(style.prefix(20)), which xl/styles.xml does not define (it defines \(styleCount)): whether its number is a percentage cannot be told",
                              row: number, column: column)
            }
            return percentStyles.contains(index)
        }

        /// Whether the ascending `numbers` hold `number` (a binary search).
        static func contains(_ numbers: [Int], _ number: Int) -> Bool {
            var low = 0, high = numbers.count
            while low < high {
                let mid = (low + high) / 2
                if numbers[mid] < number { low = mid + 1 } else { high = mid }
            }
            return low < numbers.count && numbers[low] == number
        }

        private func endCell() throws(Failure) {
            var column = fields.count + 1
            if let reference {
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
            let at = "\(AnswerTable.columnLetters(column))\(number)"
            // Spreadsheets write each cell once, in column order. A cell written twice would silently take its
            // last value; cells out of order are refused alike, naming the cell.
            if let last = columns.last, column <= last {
                if Self.contains(columns, column) {
                    throw Failure(message: "cell \(at) appears twice in row \(number)", row: number, column: column)
                }
                throw Failure(message: "cell \(at) comes after cell \(AnswerTable.columnLetters(last))\(number): the cells of row \(number) are out of order, as no spreadsheet writes them",
                              row: number, column: column)
            }
            columns.append(column)
            // A cell holds at most one of each: two values, formulas or inline texts leave which one is meant unknown.
            for (count, what) in [(vs, "values (<v>)"), (fs, "formulas (<f>)"), (inlines, "inline texts (<is>)")] where count > 1 {
                throw Failure(message: "cell \(at) holds \(count) \(what), where a cell has one: the workbook is damaged", row: number, column: column)
            }
            if inline.twice {
                throw Failure(message: "cell \(at) holds its text twice (two <t>): the workbook is damaged", row: number, column: column)
            }
            if value == nil, fs == 1 {
                throw Failure(message: "cell \(at) holds a formula with no computed value: open the workbook in a spreadsheet and save it, so the value is stored",
                              row: number, column: column)
            }
            var text: String
            switch type ?? "n" {
            case "s":
                guard let index = value.flatMap({ Int($0) }), shared.indices.contains(index) else {
                    throw Failure(message: "cell \(at) refers to shared text \(value ?? "(none)"), but the workbook holds \(shared.count) (its xl/sharedStrings.xml is missing or cut short)",
                                  row: number, column: column)
                }
                guard !ambiguousShared.contains(index) else {
                    throw Failure(message: "cell \(at) refers to shared text \(index), which holds its text twice (two <t>): the workbook is damaged",
                                  row: number, column: column)
                }
                text = shared[index]
            case "inlineStr": text = inlines == 1 ? inline.text : ""
            case "b": text = value == "1" ? "true" : value == "0" ? "false" : (value ?? "")
            case "n":
                // A number shown as a percentage (`30%`, stored 0.3) is read as the person sees it: 30. The
                // questionnaire's percentages are 0–100.
                if let value {
                    text = try percentStyle(at, column: column) ? XLSXReader.percent(value) : XLSXReader.number(value)
                } else {
                    text = ""
                }
            // An ISO date cell (`t="d"`, `2026-11-20T00:00:00`) is its date, as a date-formatted number is.
            case "d": text = value.map { XLSXReader.isoDate($0) } ?? ""
            default: text = value ?? ""  // str (a formula's text), e (an error such as #N/A)
            }
            if fields.count < column - 1 {
                cellCount += column - 1 - fields.count
                guard cellCount <= maxCellsPerSheet else {
                    throw Failure(message: "the sheet spreads over more than \(maxCellsPerSheet) cells", row: number)
                }
                fields += Array(repeating: "", count: column - 1 - fields.count)
            }
            cellCount += 1
            fields.append(text)  // the cells come in column order: this one is the next
        }
    }
}
