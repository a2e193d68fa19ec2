import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// The summary files are built as bytes, each text copied as it is unless its escaping would change it: these hold
/// the bytes to what the `String` functions (`SummaryCSV.quote`, `BatchSummaryHTML.escape`, `XLSXWorkbook.escape`)
/// and the writers as they were before make of the same texts, hostile ones included.
@Suite struct SummaryBytesTests {
    static let samples: [String] = [
        "", "plain 名称", "a,b", "say \"hi\"", "line\nbreak", "crlf\r\nbreak", "\r", "tab\there", "=SUM(A1)", "-12", "-",
        "+1 Co", "@x", "=\u{301}x", "\"\u{301}", "esc\u{1B}[2J", "nul\u{0}x", "del\u{7F}", "c1\u{85}\u{9B}", "bidi\u{202E}x\u{2066}y",
        "\u{202A}\u{202D}\u{2069}\u{2067}", "“quotes” – dash · dot ¡", "<b>&amp;'x'</b>", "\u{FFFE}\u{FFFF}\u{FFEE}\u{FF61}",
        "emoji 👍🏽 e\u{301}", "x\u{2028}y", "00001-合成企业/a b?c#d%e&f'g", "a//b/", "/", "长安镇", "\u{E2}\u{80}",
    ]

    /// summary.csv's line as it was made before, field by field as Strings: the reference.
    static func referenceLine(_ r: BatchRow) -> String {
        let fields: [String] = [
            String(r.index), r.folder ?? "", r.origin, r.enterprise ?? "", r.industry ?? "",
            r.error == nil ? formatNumber(r.pointsNow) : "", r.error == nil ? String(r.levelNow) : "",
            r.error == nil ? formatNumber(r.pointsAfter) : "", r.error == nil ? String(r.levelAfter) : "",
            r.modules.joined(separator: ";"),
            r.error == nil ? String(r.investment.low) : "", r.error == nil ? String(r.investment.high) : "",
            r.error == nil ? String(r.subsidy.low) : "", r.error == nil ? String(r.subsidy.high) : "",
            r.error == nil ? String(r.netCost.low) : "", r.error == nil ? String(r.netCost.high) : "",
            r.error == nil ? String(r.weeks) : "", r.error == nil ? "ok" : "failed", r.error ?? "",
            r.town ?? "", r.sizeBand ?? "", r.sceneLevels.sortedByScene.map { "\($0.scene)=\($0.level)" }.joined(separator: ";"),
            r.creditCode ?? "",
        ]
        return fields.map(SummaryCSV.quote).joined(separator: ",")
    }

    /// A scene order with an id twice (the first position's level counts).
    static let order = ["b_scene", "a_scene", "长", "a_scene", "z,\"x\""]

    static func rows() -> [BatchRow] {
        samples.enumerated().map { i, text in
            var r = BatchRow(index: i - 3, origin: text)
            r.folder = i % 4 == 1 ? nil : text
            r.enterprise = text
            r.creditCode = i % 4 == 3 ? nil : text
            r.industry = i % 5 == 2 ? nil : text
            r.town = text
            r.sizeBand = i % 3 == 0 ? nil : text
            r.pointsNow = [0, 55.925, -3.5, 1e20, 12.25][i % 5]
            r.pointsAfter = [77, -0.0001, 1e-9, 61.825, 100][i % 5]
            r.levelNow = i % 6 - 1
            r.levelAfter = i % 5
            r.modules = i % 3 == 0 ? [] : [text, "m-\(i)"]
            r.investment = CostRange(low: -i * 1_000, high: i == 7 ? Int.max : i * 12_345)
            r.subsidy = CostRange(low: i == 9 ? Int.min : 0, high: 99)
            r.netCost = CostRange(low: 5, high: 1_000_000_000_000)
            r.weeks = i
            r.sceneLevels = i % 2 == 0
                ? SceneLevels(scenes: order, levels: [i % 5, 2, 3, 4, 0], order: order)
                : SceneLevels(["x": 1, text: 2, "a": i])
            if i % 3 == 0 {
                r.error = text
                r.errors = [BatchError(file: text, row: i % 2 == 0 ? i - 5 : nil, column: i % 4 == 0 ? nil : "C", question: text, message: text),
                            BatchError(file: "f.csv", message: "second \(i)")]
            }
            return r
        }
    }

    @Test func summaryCSVIsTheQuotedFieldsAsBefore() {
        let rows = Self.rows()
        let expected = SummaryCSV.byteOrderMark + SummaryCSV.header + "\n" + rows.map { Self.referenceLine($0) + "\n" }.joined()
        #expect(String(decoding: SummaryCSV.bytes(rows), as: UTF8.self) == expected)
        #expect(SummaryCSV.bytes(rows) == Array(expected.utf8))
        #expect(String(decoding: SummaryCSV.bytes([]), as: UTF8.self) == SummaryCSV.byteOrderMark + SummaryCSV.header + "\n")
        for text in Self.samples {
            var out: [UInt8] = Array("x,".utf8)
            SummaryCSV.appendField(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x," + SummaryCSV.quote(text), "\(text.debugDescription)")
        }
    }

    @Test func errorsCSVIsTheQuotedErrorsAsBefore() {
        let rows = Self.rows()
        var lines = [ErrorsCSV.header]
        for row in rows {
            for e in row.errors {
                lines.append([e.file, e.row.map(String.init) ?? "", e.column ?? "", e.question ?? "", CLIText.localized(e.message)]
                    .map(SummaryCSV.quote).joined(separator: ","))
            }
        }
        #expect(String(decoding: ErrorsCSV.bytes(rows), as: UTF8.self) == SummaryCSV.byteOrderMark + lines.joined(separator: "\n") + "\n")
    }

    @Test func escapedBytesAreTheEscapedStrings() {
        for text in Self.samples {
            var html: [UInt8] = Array("<p>".utf8)
            BatchSummaryHTML.appendEscaped(text, to: &html)
            #expect(String(decoding: html, as: UTF8.self) == "<p>" + BatchSummaryHTML.escape(text), "\(text.debugDescription)")
            var xml: [UInt8] = Array("<t>".utf8)
            XLSXWorkbook.appendEscaped(text, to: &xml)
            #expect(String(decoding: xml, as: UTF8.self) == "<t>" + XLSXWorkbook.escape(text), "\(text.debugDescription)")
        }
    }

    @Test func decimalsAreStringsOfIntegers() {
        for value in [0, 1, 9, 10, 11, 99, 100, -1, -9, -10, 123_456_789, Int.max, Int.min, Int.min + 1] {
            var out: [UInt8] = []
            out.appendDecimal(value)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
        for n in [0.0, -0.0, 1, -1, 44.1, 1e15, 1e14, -1e14 - 1, 0.1 + 0.2, 1e-7, .pi] {
            var out: [UInt8] = []
            XLSXWorkbook.appendNumber(n, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == XLSXWorkbook.number(n))
        }
    }

    /// The link as Foundation percent-encodes each path segment.
    static func referenceHref(_ folder: String, _ file: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
        let segments = folder.split(separator: "/", omittingEmptySubsequences: false).map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }
        return segments.joined(separator: "/") + "/" + file
    }

    @Test func linksArePercentEncodedAsFoundationDoes() {
        let ascii = String(String.UnicodeScalarView((1..<0x80).compactMap(Unicode.Scalar.init)))
        for folder in Self.samples + [ascii, "é/ü/\u{80}\u{FF}\u{100}\u{10FFFF}"] {
            #expect(BatchSummaryHTML.href(folder, "proposal.html") == Self.referenceHref(folder, "proposal.html"), "\(folder.debugDescription)")
        }
        // The allowed set is ASCII: every byte of any other character is encoded.
        let allowed = CharacterSet.urlPathAllowed
        #expect(!(0x80...0x2FFF).contains { Unicode.Scalar($0).map(allowed.contains) ?? false })
    }

    @Test func sceneLevelsSortedAndIndexedAsTheirDictionary() {
        let index = SceneLevels.Index(Self.order)
        var sorted = SceneLevels.SortedOrder()
        for levels in [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [127, 0, 0, 5, 9]] {
            let compact = SceneLevels(scenes: Self.order, levels: levels, order: Self.order)
            #expect(compact.isCompact)
            #expect(compact.dictionary(index) == compact.dictionary)
            var out: [UInt8] = []
            compact.appendSorted(to: &out, order: &sorted)
            #expect(String(decoding: out, as: UTF8.self) == compact.sortedByScene.map { "\($0.scene)=\($0.level)" }.joined(separator: ";"))
            var counted: [String: Int] = [:]
            #expect(compact.forEachPosition(in: Self.order) { i, level in counted[Self.order[i], default: 0] += level })
            var expected: [String: Int] = [:]
            compact.forEach { expected[$0, default: 0] += $1 }
            #expect(counted == expected)
        }
        let general = SceneLevels(["b": 2, "a": 1, "长": 3])
        #expect(general.dictionary(index) == general.dictionary)
        #expect(!general.forEachPosition(in: Self.order) { _, _ in })
        var out: [UInt8] = []
        var sorted2 = SceneLevels.SortedOrder()
        general.appendSorted(to: &out, order: &sorted2)
        #expect(String(decoding: out, as: UTF8.self) == "a=1;b=2;长=3")
    }

    /// A sheet bigger than what is kept between counting and writing is the same workbook: its later rows made
    /// again as the archive reads them.
    @Test func aSheetLargerThanTheHeldPartIsTheSameWorkbook() throws {
        var sheet = XLSXWorkbook.Sheet(name: "汇总")
        sheet.rows = [[.text("序号", .header), .text("企业", .header), .empty]]
        sheet.frozenRows = 1
        sheet.columnWidths = [2: 22]
        let texts = Self.samples
        sheet.laterRows = (2_500, { r in
            [.number(Double(r) / 4), .text(texts[r % texts.count] + String(repeating: "长", count: r % 40), .wrap),
             r % 7 == 0 ? .empty : Cell(value: .empty, style: .ids), .text("<\(r)>"), .number(1e20)]
        })
        let book = XLSXWorkbook(sheets: [sheet])
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let whole = try book.data(modified: date)
        for held in [0, 1, 5_000, 16_384, 100_000] {
            #expect(try book.data(modified: date, heldBytes: held) == whole, "held \(held)")
        }
        #expect(try XLSXReader.sheets(whole)[0].rows.count == 2_501)
    }

    typealias Cell = XLSXWorkbook.Cell
}
