import Foundation
import ZIPFoundation

/// An xlsx workbook written by hand as SpreadsheetML (none of the libraries in reach writes xlsx; ZIPFoundation
/// makes the zip container): sheets of text and number cells with a few styles, column widths, frozen header
/// rows, data validation (drop-down lists, number ranges), cell notes and hidden sheets. Strings are written
/// inline (`inlineStr`), which Excel, WPS, LibreOffice and openpyxl all read.
struct XLSXWorkbook {
    enum Value { case text(String), number(Double), empty }
    enum Style: Int { case plain = 0, header = 1, ids = 2, wrap = 3 }

    struct Cell {
        var value: Value
        var style: Style = .plain
        static func text(_ s: String, _ style: Style = .plain) -> Cell { Cell(value: .text(s), style: style) }
        static func number(_ n: Double) -> Cell { Cell(value: .number(n)) }
        static let empty = Cell(value: .empty)
    }

    struct Validation {
        enum Kind {
            /// A drop-down list: a range (`'选项'!$B$2:$B$6`) or literal items.
            case list(range: String)
            case items([String])
            case decimal(min: Double?, max: Double?)
            case whole(min: Double?, max: Double?)
        }
        var columns: ClosedRange<Int>  // 1-based
        var rows: ClosedRange<Int>
        var kind: Kind
        /// Refuse other values (a single choice) or only warn (several choices typed with `;`).
        var strict = true
        var prompt: String? = nil
    }

    struct Sheet {
        var name: String
        var rows: [[Cell]] = []
        var columnWidths: [Int: Double] = [:]
        var frozenRows = 0
        var hidden = false
        var validations: [Validation] = []
        /// Notes (comments) on cells: 1-based row and column.
        var notes: [(row: Int, column: Int, text: String)] = []
        /// Rows after `rows` whose cells are made only as the sheet is written, one row at a time: how many, and
        /// the cells of each (0-based). A summary of 100,000 enterprises is never held as cells, nor its XML whole.
        var laterRows: (count: Int, cells: (Int) -> [Cell])? = nil

        var rowCount: Int { rows.count + (laterRows?.count ?? 0) }

        /// The cells of row `index` (0-based) of `rows` then `laterRows`.
        func cells(_ index: Int) -> [Cell] {
            index < rows.count ? rows[index] : laterRows!.cells(index - rows.count)
        }
    }

    var sheets: [Sheet] = []

    /// The workbook as the bytes of an .xlsx file.
    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        var types = head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        types += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        types += #"<Default Extension="xml" ContentType="application/xml"/>"#
        types += #"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#
        types += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        types += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for (i, sheet) in sheets.enumerated() {
            types += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            if !sheet.notes.isEmpty {
                types += #"<Override PartName="/xl/comments\#(i + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>"#
            }
        }
        types += "</Types>"
        try add("[Content_Types].xml", types)
        try add("_rels/.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)

        var workbook = head + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        var rels = head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for (i, sheet) in sheets.enumerated() {
            workbook += #"<sheet name="\#(Self.escape(sheet.name))" sheetId="\#(i + 1)"\#(sheet.hidden ? #" state="hidden""# : "") r:id="rId\#(i + 1)"/>"#
            rels += #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        workbook += "</sheets></workbook>"
        rels += #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        try add("xl/workbook.xml", workbook)
        try add("xl/_rels/workbook.xml.rels", rels)
        try add("xl/styles.xml", head + Self.styles)
        /// A worksheet streamed into the archive: its XML made row by row as the archive asks for the next chunk.
        /// The archive needs the part's size first, so each row's XML is made twice: once counted, once written.
        func addWorksheet(_ path: String, _ sheet: Sheet) throws {
            let start = head + Self.worksheetStart(sheet), end = Self.worksheetEnd(sheet)
            var size = start.utf8.count + end.utf8.count
            for r in 0..<sheet.rowCount { size += Self.rowXML(sheet.cells(r), number: r + 1).utf8.count }
            var pending: [UInt8] = Array(start.utf8)
            var nextRow = 0, written = 0, ended = false
            struct OutOfOrder: Error {}
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, count in
                guard Int(position) == written else { throw OutOfOrder() }
                while pending.count < count {
                    if nextRow < sheet.rowCount {
                        pending.append(contentsOf: Self.rowXML(sheet.cells(nextRow), number: nextRow + 1).utf8)
                        nextRow += 1
                    } else if !ended {
                        pending.append(contentsOf: end.utf8)
                        ended = true
                    } else {
                        break
                    }
                }
                let chunk = Data(pending.prefix(count))
                pending.removeFirst(chunk.count)
                written += chunk.count
                return chunk
            }
        }
        for (i, sheet) in sheets.enumerated() {
            try addWorksheet("xl/worksheets/sheet\(i + 1).xml", sheet)
            if !sheet.notes.isEmpty {
                try add("xl/worksheets/_rels/sheet\(i + 1).xml.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments\#(i + 1).xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing\#(i + 1).vml"/></Relationships>"#)
                try add("xl/comments\(i + 1).xml", head + Self.comments(sheet))
                try add("xl/drawings/vmlDrawing\(i + 1).vml", Self.vml(sheet, index: i))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// Fonts: normal, bold, small grey; fills: none, gray125 (both required), light blue; styles as `Style`.
    static let styles = #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font><font><sz val="9"/><color rgb="FF808080"/><name val="等线"/><family val="2"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// A sheet's XML (without the XML declaration) up to and with `<sheetData>`; each row's follows (`rowXML`), then
    /// `worksheetEnd`.
    static func worksheetStart(_ sheet: Sheet) -> String {
        var x = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            x += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="\#(top)" sqref="\#(top)"/></sheetView></sheetViews>"#
        }
        x += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !sheet.columnWidths.isEmpty {
            x += "<cols>"
            for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
                x += #"<col min="\#(column)" max="\#(column)" width="\#(width)" customWidth="1"/>"#
            }
            x += "</cols>"
        }
        x += "<sheetData>"
        return x
    }

    /// One row's XML (none for a row without cells); `number` is its 1-based row number.
    static func rowXML(_ row: [Cell], number: Int) -> String {
        guard !row.isEmpty else { return "" }
        var x = #"<row r="\#(number)">"#
        for (c, cell) in row.enumerated() {
            let ref = AnswerTable.columnLetters(c + 1) + String(number)
            let style = cell.style == .plain ? "" : #" s="\#(cell.style.rawValue)""#
            switch cell.value {
            case .empty: if cell.style != .plain { x += #"<c r="\#(ref)"\#(style)/>"# }
            case let .number(n): x += #"<c r="\#(ref)"\#(style)><v>\#(Self.number(n))</v></c>"#
            case let .text(s): x += #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(escape(s))</t></is></c>"#
            }
        }
        return x + "</row>"
    }

    /// The sheet's XML from `</sheetData>` on.
    static func worksheetEnd(_ sheet: Sheet) -> String {
        var x = "</sheetData>"
        if !sheet.validations.isEmpty {
            x += #"<dataValidations count="\#(sheet.validations.count)">"#
            for v in sheet.validations {
                let sqref = "\(AnswerTable.columnLetters(v.columns.lowerBound))\(v.rows.lowerBound):\(AnswerTable.columnLetters(v.columns.upperBound))\(v.rows.upperBound)"
                let prompt = v.prompt.map { #" showInputMessage="1" prompt="\#(escape(String($0.prefix(250))))""# } ?? ""
                let error = v.strict ? #" showErrorMessage="1""# : #" showErrorMessage="1" errorStyle="information""#
                func formulas(_ min: Double?, _ max: Double?) -> (String, String) {
                    switch (min, max) {
                    case let (lo?, hi?): return (#" operator="between""#, "<formula1>\(number(lo))</formula1><formula2>\(number(hi))</formula2>")
                    case let (lo?, nil): return (#" operator="greaterThanOrEqual""#, "<formula1>\(number(lo))</formula1>")
                    case let (nil, hi?): return (#" operator="lessThanOrEqual""#, "<formula1>\(number(hi))</formula1>")
                    case (nil, nil): return (#" operator="greaterThanOrEqual""#, "<formula1>-1E+300</formula1>")
                    }
                }
                switch v.kind {
                case let .list(range):
                    x += #"<dataValidation type="list" allowBlank="1"\#(error)\#(prompt) sqref="\#(sqref)"><formula1>\#(escape(range))</formula1></dataValidation>"#
                case let .items(items):
                    let list = "\"" + items.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
                    x += #"<dataValidation type="list" allowBlank="1"\#(error)\#(prompt) sqref="\#(sqref)"><formula1>\#(escape(list))</formula1></dataValidation>"#
                case let .decimal(min, max), let .whole(min, max):
                    let type: String
                    if case .whole = v.kind { type = "whole" } else { type = "decimal" }
                    let (op, f) = formulas(min, max)
                    x += #"<dataValidation type="\#(type)"\#(op) allowBlank="1"\#(error)\#(prompt) sqref="\#(sqref)">\#(f)</dataValidation>"#
                }
            }
            x += "</dataValidations>"
        }
        if !sheet.notes.isEmpty { x += #"<legacyDrawing r:id="rId2"/>"# }
        return x + "</worksheet>"
    }

    static func comments(_ sheet: Sheet) -> String {
        var x = #"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>gaizao</author></authors><commentList>"#
        for note in sheet.notes {
            let ref = AnswerTable.columnLetters(note.column) + String(note.row)
            x += #"<comment ref="\#(ref)" authorId="0"><text><t xml:space="preserve">\#(escape(note.text))</t></text></comment>"#
        }
        return x + "</commentList></comments>"
    }

    /// The legacy drawing Excel needs to show notes: one hidden yellow box per note, anchored beside its cell.
    static func vml(_ sheet: Sheet, index: Int) -> String {
        var x = ##"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">"##
        x += ##"<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\##(index + 1)"/></o:shapelayout>"##
        x += ##"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"##
        for (i, note) in sheet.notes.enumerated() {
            let id = (index + 1) * 1024 + i + 1
            x += ##"<v:shape id="_x0000_s\##(id)" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:260pt;height:140pt;z-index:\##(i + 1);visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">"##
            x += ##"<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>"##
            x += ##"<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>\##(note.column), 15, \##(note.row - 1), 2, \##(note.column + 3), 15, \##(note.row + 8), 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>\##(note.row - 1)</x:Row><x:Column>\##(note.column - 1)</x:Column></x:ClientData></v:shape>"##
        }
        return x + "</xml>"
    }

    /// A number as SpreadsheetML writes it: integers without a fraction, others in the shortest exact form.
    static func number(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids (most C0 controls) are dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
