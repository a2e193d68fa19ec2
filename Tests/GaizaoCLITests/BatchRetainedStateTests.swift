import Foundation
@testable import GaizaoCLI
@testable import GaizaoCore
import Testing

/// What a batch keeps of each enterprise between its two passes: its summary row (names, points, levels) and where
/// its answers lie in the scratch file, never the answers themselves, so memory does not grow with what the
/// enterprises answered. Bounded here by what the row holds (deterministic), not by the process's RSS.
@Suite struct BatchRetainedStateTests {
    static func job(_ dir: URL) throws -> BatchJob {
        let staging = try BatchStaging(outputDirectory: dir.path)
        return BatchJob(engine: Engine(catalog: RenderFixtures.catalog),
                        writer: try ProposalWriter(lang: .zh, templatesFlag: RenderFixtures.root + "/templates", formats: [.json]),
                        formats: [.json], staging: staging, spill: try AnswerSpill(folder: staging.scratch),
                        sceneOrder: RenderFixtures.catalog.maturity.scenes.map(\.id), contractor: nil, target: .automatic)
    }

    /// The bytes a value holds, counted through its stored properties (`Mirror`): a string's UTF-8, 8 for a
    /// number; arrays, dictionaries, optionals, enums' payloads and structs by their parts.
    static func heldBytes(_ value: Any) -> Int {
        switch value {
        case let s as String: return s.utf8.count
        case is Double, is Int, is Int8, is UInt32, is UInt64, is Bool: return 8
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .dictionary {
                return mirror.children.reduce(0) { total, entry in
                    total + Mirror(reflecting: entry.value).children.reduce(0) { $0 + heldBytes($1.value) }
                }
            }
            return mirror.children.reduce(0) { $0 + heldBytes($1.value) }
        }
    }

    static func record(_ sheet: AnswerSheet, line: Int) -> BatchRecord { .jsonLine(line: line, text: sheet.jsonLine()) }

    @Test func aDiagnosedRowHoldsNoAnswers() throws {
        let dir = BatchCommandTests.tempDir()
        let job = try Self.job(dir)
        let plain = try RenderFixtures.sheet("auto-parts-midsize")
        var wordy = plain
        wordy.answers["main_products"] = .text(String(repeating: "精密冲压件、", count: 30))
        wordy.answers["town"] = .text("长安镇")
        let rows = [job.diagnose(Self.record(plain, line: 1), index: 1), job.diagnose(Self.record(wordy, line: 2), index: 2)]
        for row in rows {
            #expect(row.error == nil, "\(row.error ?? "")")
            #expect(row.answers != nil)
            // Its names (origin, folder, enterprise, industry, town, size band), figures and a byte per scene; no
            // answer. (The scene ids are one array shared by all rows: not this row's.)
            let names = [row.origin, row.folder, row.enterprise, row.industry, row.town, row.sizeBand].compactMap { $0 }
            let held = Self.heldBytes(row) - Self.heldBytes(RenderFixtures.catalog.maturity.scenes.map(\.id))
            #expect(held <= names.reduce(0) { $0 + $1.utf8.count } + 400, "the row holds \(held) bytes")
        }
        // The long answer is not in memory: both rows hold about the same.
        #expect(abs(Self.heldBytes(rows[0]) - Self.heldBytes(rows[1])) < 64)
        // The scene levels are one byte each, in the batch's shared scene order.
        #expect(rows[0].sceneLevels.isCompact)
    }

    /// The second pass plans exactly the answers the first decoded: read back from the scratch file.
    @Test func theAnswersComeBackExactlyFromTheScratchFile() throws {
        let dir = BatchCommandTests.tempDir()
        let staging = try BatchStaging(outputDirectory: dir.path)
        let spill = try AnswerSpill(folder: staging.scratch)
        var odd = AnswerSheet(industry: "auto-parts", date: "2026-11-20", file: "答卷/甲.yaml")
        odd.answers = [
            "a": .number(0.123_456_789_012_345_6), "b": .number(-0.0), "c": .number(1e300), "d": .number(-17),
            "e": .text("多行\n文本，含 \"引号\" 与 emoji 🏭"), "f": .option("x"), "g": .options([]), "h": .options(["p", "q", "长"]),
            "i": .bool(true), "j": .bool(false), "": .text(""),
        ]
        let sheets = [odd, try RenderFixtures.sheet("auto-parts-midsize"), AnswerSheet(industry: "")]
        let places = try sheets.map { try spill.append($0) }
        for (sheet, place) in zip(sheets, places).reversed() {
            let back = try spill.read(place)
            #expect(back.industry == sheet.industry && back.date == sheet.date && back.file == sheet.file)
            #expect(back.answers == sheet.answers)
            #expect(back.locations.isEmpty)
        }
        // -0.0 keeps its sign: the bits are kept, not the printed number.
        if case let .number(x) = try spill.read(places[0]).answers["b"] { #expect(x.sign == .minus) } else { Issue.record("b is not a number") }
        // Bytes that are not such a sheet (cut short, or with bytes after it) are refused, not read as answers.
        let bytes = AnswerSpillCoding.encode(odd)
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] { #expect(AnswerSpillCoding.decode(Array(bytes.prefix(cut))) == nil) }
        #expect(AnswerSpillCoding.decode(bytes + [0]) == nil)
        #expect(AnswerSpillCoding.decode(bytes) == odd.withoutLocations)
    }

    /// summary.xlsx makes each enterprise's cells only as its sheet is streamed into the archive: the same
    /// workbook as one whose rows were all held, read back cell for cell, over many chunks of the archive.
    @Test func aSheetStreamedRowByRowIsTheSameWorkbook() throws {
        let cells: [[XLSXWorkbook.Cell]] = (0..<3_000).map { r in
            [.number(Double(r)), .text("企业 \(r) & <甲>"), r % 7 == 0 ? .empty : .text(String(repeating: "长", count: r % 50), .wrap)]
        }
        var held = XLSXWorkbook.Sheet(name: "汇总")
        held.rows = [[.text("序号", .header), .text("企业", .header)]] + cells
        held.frozenRows = 1
        var streamed = XLSXWorkbook.Sheet(name: "汇总")
        streamed.rows = [[.text("序号", .header), .text("企业", .header)]]
        streamed.frozenRows = 1
        streamed.laterRows = (cells.count, { cells[$0] })
        let a = try XLSXReader.sheets(XLSXWorkbook(sheets: [held]).data())
        let b = try XLSXReader.sheets(XLSXWorkbook(sheets: [streamed]).data())
        #expect(a.count == 1 && b.count == 1)
        #expect(a[0].rows.map(\.row) == b[0].rows.map(\.row))
        #expect(a[0].rows.map(\.fields) == b[0].rows.map(\.fields))
        #expect(b[0].rows.count == 3_001 && b[0].rows[1].fields == ["0", "企业 0 & <甲>"])
    }

    /// A CSV file is checked whole for a quote that never closes before its rows are read one at a time: the check
    /// finds exactly what reading every row finds, at the same row and column.
    @Test func theQuoteCheckAgreesWithReadingEveryRow() {
        var generator = SeededRandom(seed: 20_261_204)
        let alphabet: [String] = ["\"", "\"", ",", "\r", "\n", "\r\n", "a", "语", " "]
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            var expected: String?
            do { _ = try CSVReader.rows(text) } catch {
                if case let .unterminatedQuote(row, column) = error { expected = "\(row):\(column)" }
            }
            var found: String?
            if case let .unterminatedQuote(row, column) = CSVReader.unterminatedQuote(in: text) { found = "\(row):\(column)" }
            #expect(found == expected, "\(text.debugDescription)")
        }
    }
}

extension AnswerSheet {
    fileprivate var withoutLocations: AnswerSheet { AnswerSheet(industry: industry, date: date, answers: answers, file: file) }
}
