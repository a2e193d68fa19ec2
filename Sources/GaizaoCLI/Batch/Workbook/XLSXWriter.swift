import Foundation
import ZIPFoundation

/// An xlsx workbook written by hand as SpreadsheetML (none of the libraries in reach writes xlsx; ZIPFoundation
/// makes the zip container): sheets of text and number cells with a few styles, column widths, frozen header
/// rows, data validation (drop-down lists, number ranges), cell notes and hidden sheets. Strings are written
/// inline (`inlineStr`), which Excel, WPS, LibreOffice and openpyxl all read.
struct XLSXWorkbook {
    enum Value { case text(String), number(Double), empty }
    /// `text`: the number format `@` (built-in format 49), so that what is typed into the cell stays the text typed
    /// (an 18-digit credit code is not made a number that keeps 15 digits).
    enum Style: Int { case plain = 0, header = 1, ids = 2, wrap = 3, text = 4 }

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
        /// A column's style (1-based), given to the cells typed into it later: spreadsheets style a new cell as its
        /// column is styled.
        var columnStyles: [Int: Style] = [:]
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

    /// The workbook as the bytes of an .xlsx file, its parts dated `modified`. `heldBytes`: how much of a
    /// worksheet's XML is kept from counting its size to writing it (see `addWorksheet`).
    func data(modified: Date = Date(), heldBytes: Int = XLSXWorkbook.heldBytes) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified,
                                 compressionMethod: .deflate) { position, size in
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
        /// A worksheet streamed into the archive: its XML made row by row, as bytes, as the archive asks for the
        /// next chunk. The archive needs the part's size first, so the rows are made once to be counted; those
        /// of the first `heldBytes` are kept and not made again, so a summary of usual size is made once while
        /// one of 100,000 enterprises is never held whole (its later rows are made a second time as written).
        func addWorksheet(_ path: String, _ sheet: Sheet) throws {
            var pending = Array((head + Self.worksheetStart(sheet)).utf8)
            let end = Array(Self.worksheetEnd(sheet).utf8)
            var size = pending.count + end.count
            var nextRow = 0
            var scratch: [UInt8] = []
            for r in 0..<sheet.rowCount {
                if nextRow == r && pending.count < heldBytes {
                    let before = pending.count
                    Self.appendRow(sheet.cells(r), number: r + 1, to: &pending)
                    size += pending.count - before
                    nextRow += 1
                } else {
                    scratch.removeAll(keepingCapacity: true)
                    Self.appendRow(sheet.cells(r), number: r + 1, to: &scratch)
                    size += scratch.count
                }
            }
            var sent = 0, written = 0, ended = false
            struct OutOfOrder: Error {}
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size), modificationDate: modified,
                                 compressionMethod: .deflate) { position, count in
                guard Int(position) == written else { throw OutOfOrder() }
                if pending.count - sent < count {
                    pending.removeFirst(sent)
                    sent = 0
                    while pending.count < count {
                        if nextRow < sheet.rowCount {
                            Self.appendRow(sheet.cells(nextRow), number: nextRow + 1, to: &pending)
                            nextRow += 1
                        } else if !ended {
                            pending.append(contentsOf: end)
                            ended = true
                        } else {
                            break
                        }
                    }
                }
                let chunk = Data(pending[sent..<min(pending.count, sent + count)])
                sent += chunk.count
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

    /// Fonts: normal, bold, small grey; fills: none, gray125 (both required), light blue; styles as `Style` (the
    /// last with number format 49, `@`: text).
    static let styles = #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font><font><sz val="9"/><color rgb="FF808080"/><name val="等线"/><family val="2"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// A sheet's XML (without the XML declaration) up to and with `<sheetData>`; each row's follows (`appendRow`), then
    /// `worksheetEnd`.
    static func worksheetStart(_ sheet: Sheet) -> String {
        var x = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            x += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(sheet.frozenRows)" topLeftCell="\#(top)" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="\#(top)" sqref="\#(top)"/></sheetView></sheetViews>"#
        }
        x += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let columns = Set(sheet.columnWidths.keys).union(sheet.columnStyles.keys).sorted()
        if !columns.isEmpty {
            x += "<cols>"
            for column in columns {
                x += #"<col min="\#(column)" max="\#(column)""#
                if let width = sheet.columnWidths[column] { x += #" width="\#(width)" customWidth="1""# }
                if let style = sheet.columnStyles[column], style != .plain { x += #" style="\#(style.rawValue)""# }
                x += "/>"
            }
            x += "</cols>"
        }
        x += "<sheetData>"
        return x
    }

    /// How much of a worksheet's XML is kept from counting its size to writing it, by default (see `data()`): the
    /// summary sheet of about 4,500 enterprises (some 900 bytes a row). More would be made only once too, but held
    /// while summary.csv is made beside it (16 MB raised the peak of a batch of 20,000 from 59 to 85 MB).
    static let heldBytes = 4 << 20

    /// Appends one row's XML (none for a row without cells); `number` is its 1-based row number.
    static func appendRow(_ row: [Cell], number: Int, to out: inout [UInt8]) {
        guard !row.isEmpty else { return }
        out.appendUTF8(#"<row r=""#)
        out.appendDecimal(number)
        out.appendUTF8(#"">"#)
        for (c, cell) in row.enumerated() {
            // An empty cell is written only for its style.
            if case .empty = cell.value, cell.style == .plain { continue }
            out.appendUTF8(#"<c r=""#)
            if c < 26 { out.append(UInt8(ascii: "A") + UInt8(c)) } else { out.appendUTF8(AnswerTable.columnLetters(c + 1)) }
            out.appendDecimal(number)
            out.append(UInt8(ascii: "\""))
            if cell.style != .plain {
                out.appendUTF8(#" s=""#)
                out.appendDecimal(cell.style.rawValue)
                out.append(UInt8(ascii: "\""))
            }
            switch cell.value {
            case .empty:
                out.appendUTF8("/>")
            case let .number(n):
                out.appendUTF8("><v>")
                appendNumber(n, to: &out)
                out.appendUTF8("</v></c>")
            case let .text(s):
                out.appendUTF8(#" t="inlineStr"><is><t xml:space="preserve">"#)
                appendEscaped(s, to: &out)
                out.appendUTF8("</t></is></c>")
            }
        }
        out.appendUTF8("</row>")
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

    /// Appends `number(n)`.
    static func appendNumber(_ n: Double, to out: inout [UInt8]) {
        if n == n.rounded(), abs(n) < 1e15 { return out.appendDecimal(Int(Int64(n))) }
        out.appendUTF8(n.description)
    }

    /// Appends `escape(s)`: the text as it is when it has nothing to escape or drop (most texts).
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        let start = out.count
        out.appendUTF8(s)
        if !isPlainXML(out, from: start) { out.appendUTF8(escape(out.removeText(from: start))) }
    }

    /// Whether the bytes from `start` on hold nothing `escape` changes: no byte below 0x20 (not even a tab or a
    /// line break), no `& < > "`, no U+FFFE or U+FFFF (EF BF BE, EF BF BF).
    static func isPlainXML(_ bytes: borrowing [UInt8], from start: Int) -> Bool {
        let span = bytes.span
        var k = start
        while k < span.count {
            let b = span[k]
            if b < 0x20 || b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\"") { return false }
            if b == 0xEF, k + 2 < span.count, span[k + 1] == 0xBF, span[k + 2] >= 0xBE { return false }
            k += 1
        }
        return true
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
