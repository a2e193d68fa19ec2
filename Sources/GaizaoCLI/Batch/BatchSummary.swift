import Foundation
import GaizaoCore

/// One line of summary.csv: an enterprise that was diagnosed, or one that failed and why.
struct BatchRow: Sendable {
    var index: Int
    var origin: String
    var folder: String?
    var enterprise: String?
    /// The unified social credit code (统一社会信用代码) as the answers give it, when they do.
    var creditCode: String?
    var industry: String?
    var pointsNow: Double = 0
    var levelNow = 0
    var pointsAfter: Double = 0
    var levelAfter = 0
    var modules: [String] = []
    var investment = CostRange(low: 0, high: 0)
    var subsidy = CostRange(low: 0, high: 0)
    var netCost = CostRange(low: 0, high: 0)
    var weeks = 0
    var town: String?
    var sizeBand: String?
    /// Each scene's level now, for the peer groups and the dashboard's heat map.
    var sceneLevels = SceneLevels()
    var error: String?
    /// Every error of a failed record, for errors.csv.
    var errors: [BatchError] = []
    /// Where the first pass kept the record's decoded answers for the second, which plans and renders them.
    var answers: AnswerSpill.Place?

    /// The first pass's row: who the enterprise is and where it stands; the plan's columns wait for the second.
    /// `sceneOrder`: the maturity model's scene ids, one array shared by the batch's rows.
    static func from(_ s: Engine.Standing, index: Int, origin: String, folder: String, sceneOrder: [String]) -> BatchRow {
        BatchRow(
            index: index, origin: origin, folder: folder, enterprise: s.enterprise.name, creditCode: s.enterprise.creditCode, industry: s.enterprise.industry,
            pointsNow: s.points, levelNow: s.level, town: s.enterprise.town, sizeBand: s.enterprise.sizeBand,
            sceneLevels: SceneLevels(scenes: s.scenes.map(\.id), levels: s.scenes.map(\.level), order: sceneOrder))
    }

    static func from(_ p: Proposal, index: Int, origin: String, folder: String, sceneOrder: [String]) -> BatchRow {
        BatchRow(
            index: index, origin: origin, folder: folder, enterprise: p.enterprise.name, creditCode: p.enterprise.creditCode, industry: p.enterprise.industry,
            pointsNow: p.diagnosis.points, levelNow: p.diagnosis.level, pointsAfter: p.after.points, levelAfter: p.after.level,
            modules: p.modules.filter { $0.status == .include || $0.status == .upgrade }.map(\.id),
            investment: CostRange(low: p.totals.investment.lowYuan, high: p.totals.investment.highYuan),
            subsidy: CostRange(low: p.totals.subsidy.lowYuan, high: p.totals.subsidy.highYuan),
            netCost: CostRange(low: p.totals.netCost.lowYuan, high: p.totals.netCost.highYuan), weeks: p.totals.durationWeeks,
            town: p.enterprise.town, sizeBand: p.enterprise.sizeBand,
            sceneLevels: SceneLevels(scenes: p.diagnosis.scenes.map(\.id), levels: p.diagnosis.scenes.map(\.level), order: sceneOrder))
    }
}

/// Totals over a batch, kept as counts so memory does not grow with the number of enterprises.
struct BatchTotals: Sendable {
    var done = 0
    var failed = 0
    var levelsNow = [Int](repeating: 0, count: 5)
    var levelsAfter = [Int](repeating: 0, count: 5)
    var investment = CostRange(low: 0, high: 0)
    var subsidy = CostRange(low: 0, high: 0)
    var moduleCounts: [String: Int] = [:]

    mutating func add(_ row: BatchRow) {
        if row.error != nil { failed += 1; return }
        done += 1
        levelsNow[max(0, min(4, row.levelNow))] += 1
        levelsAfter[max(0, min(4, row.levelAfter))] += 1
        investment = CostRange(low: Self.sum(investment.low, row.investment.low), high: Self.sum(investment.high, row.investment.high))
        subsidy = CostRange(low: Self.sum(subsidy.low, row.subsidy.low), high: Self.sum(subsidy.high, row.subsidy.high))
        for m in row.modules { moduleCounts[m, default: 0] += 1 }
    }

    /// A total over a huge batch of a catalog's largest prices stops at `Int.max` rather than trapping.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : total
    }
}

enum SummaryCSV {
    /// Written first in summary.csv and errors.csv: without it Excel on Chinese Windows reads UTF-8 as GB18030.
    static let byteOrderMark = "\u{FEFF}"

    /// summary.csv as the bytes written: one buffer, each field's bytes appended as they are unless `quote` would
    /// change them (a batch of 100,000 has a summary of about 40 MB, built once).
    static func bytes(_ rows: [BatchRow]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteOrderMark.utf8.count + header.utf8.count + 1 + rows.count * 400)
        out.appendUTF8(byteOrderMark)
        out.appendUTF8(header)
        out.append(UInt8(ascii: "\n"))
        var scenes = SceneLevels.SortedOrder()
        for row in rows {
            appendLine(row, to: &out, scenes: &scenes)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    static let header = "index,folder,input,enterprise,industry,points_now,level_now,points_after,level_after,modules,investment_low_yuan,investment_high_yuan,subsidy_low_yuan,subsidy_high_yuan,net_low_yuan,net_high_yuan,weeks,status,error,town,size_band,scene_levels,credit_code"

    /// One row's fields, each as `quote` writes it (a whole number needs no quoting: it is written as it is).
    static func appendLine(_ r: BatchRow, to out: inout [UInt8], scenes: inout SceneLevels.SortedOrder) {
        let ok = r.error == nil
        let comma = UInt8(ascii: ",")
        func number(_ value: Int) {
            if ok { out.appendDecimal(value) }
            out.append(comma)
        }
        out.appendDecimal(r.index)
        out.append(comma)
        appendField(r.folder ?? "", to: &out); out.append(comma)
        appendField(r.origin, to: &out); out.append(comma)
        appendField(r.enterprise ?? "", to: &out); out.append(comma)
        appendField(r.industry ?? "", to: &out); out.append(comma)
        if ok { appendField(formatNumber(r.pointsNow), to: &out) }
        out.append(comma)
        number(r.levelNow)
        if ok { appendField(formatNumber(r.pointsAfter), to: &out) }
        out.append(comma)
        number(r.levelAfter)
        var start = out.count
        for (i, module) in r.modules.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ";")) }
            out.appendUTF8(module)
        }
        quoteField(from: start, in: &out)
        out.append(comma)
        number(r.investment.low); number(r.investment.high)
        number(r.subsidy.low); number(r.subsidy.high)
        number(r.netCost.low); number(r.netCost.high)
        number(r.weeks)
        out.appendUTF8(ok ? "ok" : "failed"); out.append(comma)
        // In the message language, as errors.csv and summary.xlsx say it (each line `file:row:col: error: …`).
        appendField(r.error.map { CLIText.localized($0) } ?? "", to: &out); out.append(comma)
        appendField(r.town ?? "", to: &out); out.append(comma)
        appendField(r.sizeBand ?? "", to: &out); out.append(comma)
        start = out.count
        r.sceneLevels.appendSorted(to: &out, order: &scenes)
        quoteField(from: start, in: &out)
        out.append(comma)
        appendField(r.creditCode ?? "", to: &out)
    }

    /// Appends `field` as `quote` writes it.
    static func appendField(_ field: String, to out: inout [UInt8]) {
        let start = out.count
        out.appendUTF8(field)
        quoteField(from: start, in: &out)
    }

    /// The field written from `start` on made what `quote` makes of it: most fields are left as they are; one
    /// with a control character, a comma, a quote or a line break, or one that starts like a formula, is rewritten.
    static func quoteField(from start: Int, in out: inout [UInt8]) {
        if start < out.count, "=+-@".utf8.contains(out[start]) || !SummaryBytes.isPlainText(out, from: start, special: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }) {
            out.appendUTF8(quote(out.removeText(from: start)))
        }
    }

    /// Whether `fields` are a summary.csv header as `batch` writes it (this version's columns or the earlier ones).
    static func isHeader(_ fields: [String]) -> Bool { fields.first == "index" && fields.contains("status") }

    /// The levels a row may show (the maturity model's 0 to 4, the dashboard's five columns).
    static let levels = 0...4

    /// The rows of a summary.csv written by `batch` (this version's columns, or the earlier ones without town, size
    /// band and scene levels, or without the credit code), for `gaizao summary` to merge and `diagnose --peers` to
    /// compare with.
    static func rows(_ text: String, file: String = "summary.csv", industries: Set<String>? = nil) -> [BatchRow]? {
        lines(text, file: file, industries: industries)?.map(\.row)
    }

    /// The most points a row may show when the catalog is not at hand (the maturity model's 100).
    static let defaultMaxPoints = 100.0

    /// The rows of a summary.csv with their row numbers in the file (the header is row 1). An `ok` row whose
    /// figures cannot be gaizao's (an edited file) is failed (`edited`), each problem located at `file`, its row
    /// and column:
    /// a figure that is no number (`NaN`, `1e400` included), points outside 0 to `maxPoints` (the catalog's maturity
    /// model's total), a level outside 0–4, an amount or number of weeks below 0, a range whose low end
    /// is above its high end (but the net cost's, which may be), a net cost end below 0, above the investment or
    /// other than the investment less the subsidy, a scene level that is not `scene=level` with a level 0–4 or a
    /// scene listed twice, or (given `industries`, the catalog's) an industry the catalog does not have. Such a
    /// row would otherwise be counted as done with those figures (negative totals, a level shown as 4).
    static func lines(_ text: String, file: String, industries: Set<String>? = nil,
                      maxPoints: Double = defaultMaxPoints) -> [(line: Int, row: BatchRow, edited: Bool)]? {
        var body = text
        if body.hasPrefix(byteOrderMark) { body.removeFirst() }
        guard let table = try? CSVReader.rows(body), let header = table.first?.fields, isHeader(header) else { return nil }
        var columnOf: [String: Int] = [:]
        for (i, name) in header.enumerated() where columnOf[name] == nil { columnOf[name] = i + 1 }
        return table.dropFirst().map { line in
            var f: [String: String] = [:]
            for (i, name) in header.enumerated() where i < line.fields.count { f[name] = line.fields[i] }
            /// Every figure of an `ok` row that cannot be gaizao's, in column order of the checks below.
            var problems: [BatchError] = []
            func problem(_ key: String, _ message: String) {
                problems.append(BatchError(file: file, row: line.row, column: columnOf[key].map(AnswerTable.columnLetters),
                                           question: nil, message: message + ": the summary.csv was edited; run the batch again"))
            }
            func shown(_ key: String) -> String { ControlCharacters.visible(f[key] ?? "") }
            /// A figure that is written but is no number (`abc`, or a whole number past `Int`) read as 0.
            func int(_ k: String) -> Int {
                let text = f[k] ?? ""
                if let n = Int(text) { return n }
                if !text.isEmpty { problem(k, "`\(k)` is `\(shown(k))`, not a number") }
                return 0
            }
            /// A finite number; `NaN`, `inf` and `1e400` are none (they would print as `nan` in the merged files).
            func number(_ k: String) -> Double {
                let text = f[k] ?? ""
                guard let d = Double(text), d.isFinite else {
                    if !text.isEmpty { problem(k, "`\(k)` is `\(shown(k))`, not a number") }
                    return 0
                }
                return d
            }
            func unquoted(_ s: String?) -> String? {
                // `quote` neutralised formulas with a leading `'`; the text is given back as written.
                guard let s, s.hasPrefix("'"), let second = s.dropFirst().first, "=+-@".contains(second) else { return s }
                return String(s.dropFirst())
            }
            var r = BatchRow(index: int("index"), origin: unquoted(f["input"]) ?? "")
            r.folder = f["folder"].flatMap { $0.isEmpty ? nil : unquoted($0) }
            r.enterprise = unquoted(f["enterprise"]); r.industry = f["industry"]
            r.creditCode = f["credit_code"].flatMap { $0.isEmpty ? nil : unquoted($0) }
            r.pointsNow = number("points_now"); r.levelNow = int("level_now")
            r.pointsAfter = number("points_after"); r.levelAfter = int("level_after")
            r.modules = (f["modules"] ?? "").split(separator: ";").map(String.init)
            r.investment = CostRange(low: int("investment_low_yuan"), high: int("investment_high_yuan"))
            r.subsidy = CostRange(low: int("subsidy_low_yuan"), high: int("subsidy_high_yuan"))
            r.netCost = CostRange(low: int("net_low_yuan"), high: int("net_high_yuan"))
            r.weeks = int("weeks")
            r.town = f["town"].flatMap { $0.isEmpty ? nil : unquoted($0) }
            r.sizeBand = f["size_band"].flatMap { $0.isEmpty ? nil : $0 }
            var levels: [String: Int] = [:]
            /// `scene_levels` entries that no batch writes (checked for an `ok` row below): not `scene=level`, or
            /// a scene given again.
            var badSceneEntries: [String] = [], repeatedScenes: [String] = []
            for pair in (f["scene_levels"] ?? "").split(separator: ";") {
                let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, let level = Int(parts[1]) else {
                    badSceneEntries.append(String(pair))
                    continue
                }
                if levels[String(parts[0])] != nil { repeatedScenes.append(String(parts[0])) }
                levels[String(parts[0])] = levels[String(parts[0])] ?? level
            }
            r.sceneLevels = SceneLevels(levels)
            if f["status"] == "ok" {
                // Figures that read as numbers but that no batch writes.
                if !(f["industry"] ?? "").isEmpty, let industries, !industries.contains(f["industry"]!) {
                    problem("industry", "`industry` is `\(shown("industry"))`, not an industry of the catalog (\(industries.sorted().joined(separator: ", ")))")
                }
                // Points are the maturity model's, 0 to its total (100); a batch writes no others.
                for (key, points) in [("points_now", r.pointsNow), ("points_after", r.pointsAfter)] where !(0...maxPoints + 1e-9).contains(points) {
                    problem(key, "`\(key)` is `\(shown(key))`, not points (0 to \(formatNumber(maxPoints)))")
                }
                for (key, level) in [("level_now", r.levelNow), ("level_after", r.levelAfter)] where !Self.levels.contains(level) {
                    problem(key, "`\(key)` is `\(level)`, not a level (\(Self.levels.lowerBound) to \(Self.levels.upperBound))")
                }
                let amounts = [("investment_low_yuan", r.investment.low), ("investment_high_yuan", r.investment.high),
                               ("subsidy_low_yuan", r.subsidy.low), ("subsidy_high_yuan", r.subsidy.high), ("weeks", r.weeks)]
                for (key, value) in amounts where value < 0 { problem(key, "`\(key)` is `\(value)`, below 0") }
                for (low, high, range) in [("investment_low_yuan", "investment_high_yuan", r.investment), ("subsidy_low_yuan", "subsidy_high_yuan", r.subsidy)]
                where range.low > range.high {
                    problem(low, "`\(low)` is `\(range.low)`, above `\(high)` (`\(range.high)`)")
                }
                // The net cost is the investment less the subsidy counted in it, end by end (`Planner`), and that
                // subsidy is capped by the investment (`SubsidyCalculator.totals`): each end of the net cost is the
                // difference of those ends, so between 0 and the investment. Its two ends are not checked against each
                // other: a scheme with a minimum investment that only the high estimate reaches subsidises the high
                // end alone, and a real batch then writes a net cost whose low end is above its high end.
                for (end, net, investment, subsidy) in [("low", r.netCost.low, r.investment.low, r.subsidy.low),
                                                        ("high", r.netCost.high, r.investment.high, r.subsidy.high)] {
                    let key = "net_\(end)_yuan", investmentKey = "investment_\(end)_yuan", subsidyKey = "subsidy_\(end)_yuan"
                    let (difference, overflow) = investment.subtractingReportingOverflow(subsidy)
                    if net < 0 {
                        problem(key, "`\(key)` is `\(net)`, below 0")
                    } else if net > investment {
                        problem(key, "`\(key)` is `\(net)`, above `\(investmentKey)` (`\(investment)`)")
                    } else if overflow || net != difference {
                        problem(key, "`\(key)` is `\(net)`, not `\(investmentKey)` less `\(subsidyKey)`" + (overflow ? "" : " (`\(difference)`)"))
                    }
                }
                // Each scene's level, as `scene=level;…` lists them: one entry a scene, each level 0–4 (`Diagnoser`).
                for entry in badSceneEntries {
                    problem("scene_levels", "`scene_levels` holds `\(ControlCharacters.visible(entry))`, not `scene=level` with a level 0 to 4")
                }
                for scene in repeatedScenes {
                    problem("scene_levels", "`scene_levels` gives scene `\(ControlCharacters.visible(scene))` twice")
                }
                for (scene, level) in levels.sorted(by: { $0.key < $1.key }) where !Self.levels.contains(level) {
                    problem("scene_levels", "`scene_levels` gives scene `\(ControlCharacters.visible(scene))` level `\(level)`, not a level (\(Self.levels.lowerBound) to \(Self.levels.upperBound))")
                }
                if !problems.isEmpty {
                    // Said in the merged files as the row's errors, the row counted as failed rather than as it reads.
                    r.errors = problems
                    r.error = problems.map(\.located).joined(separator: "\n")
                }
            } else {
                let message = unquoted(f["error"]).flatMap { $0.isEmpty ? nil : $0 } ?? "failed"
                r.error = message
                r.errors = message.split(separator: "\n").map { line in
                    // `file:row:col: error: message` as batch printed it, or in Chinese `file:row:col：错误：message`.
                    if let range = line.range(of: ": error: ") ?? line.range(of: "：错误：") {
                        return BatchError.whole(String(line[..<range.lowerBound]), String(line[range.upperBound...]))
                    }
                    return BatchError(file: r.origin, message: String(line))
                }
            }
            return (line.row, r, !problems.isEmpty)
        }
    }

    /// Quotes a field when it holds a comma, quote or newline; neutralises spreadsheet formulas.
    static func quote(_ s: String) -> String {
        // Control characters (an ESC in a file name, a NUL quoted by an error) are written visibly, never raw.
        var v = ControlCharacters.visible(s, keepingCarriageReturns: true)
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        // Bytes, not Characters: a CRLF is one Character, equal to neither "\r" nor "\n", and was let through unquoted.
        if v.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}

/// Where each enterprise of a batch stands among its peers — the batch's enterprises of the same industry and size
/// band (no data leaves the machine): the percentile of its points (the share of peers with fewer points, ties
/// counted half) and the scenes where its level is below the peers' median.
struct PeerStanding: Sendable, Hashable {
    var peers: Int
    var percentile: Int
    var scenesBehind: [String]
    /// How many peers have the same points (all of them: the line says so rather than a percentile).
    var tied = 0

    /// By row index; enterprises without at least 2 other peers get none. The figures are those each proposal of
    /// the batch shows (`PeerGroup`, through `BatchPeers`).
    static func compute(_ rows: [BatchRow], sceneOrder: [String]) -> [Int: PeerStanding] {
        let groups = BatchPeers(rows, sceneOrder: sceneOrder)
        var result: [Int: PeerStanding] = [:]
        for r in rows { if let standing = groups.benchmark(r).flatMap(PeerStanding.init) { result[r.index] = standing } }
        return result
    }

    /// The standing in words, Chinese or English.
    func text(sceneNames: [String: String], lang: Lang) -> String {
        let behind = scenesBehind.map { sceneNames[$0] ?? $0 }
        if lang == .zh {
            // Every peer tied: "above 50%" (ties counted half) would read as a standing it does not have.
            let standing = tied >= peers ? "得分与全部 \(peers) 家同行相同（同行业、同规模），并列第 1 位"
                : "得分高于 \(percentile)% 的同行（同行业、同规模 \(peers) 家）"
            return "同行对标：" + standing + (behind.isEmpty ? "" : "；低于同行中位的场景：" + behind.joined(separator: "、"))
        }
        let standing = tied >= peers ? "the same points as all \(peers) peers (same industry and size band), tied at rank 1"
            : "points above \(percentile)% of \(peers) peers (same industry and size band)"
        return "peers: " + standing + (behind.isEmpty ? "" : "; scenes below the peers' median: " + behind.joined(separator: ", "))
    }
}

/// `--peers SUMMARY` of `diagnose`: the rows of a batch's summary.csv (or of the batch output folder holding it),
/// read and checked as `gaizao summary` reads them (`SummaryInputs`). A row no batch writes (an edited file: a
/// figure that is no number, such as `30,000`; points outside 0 to the model's total; a level outside 0–4; a row
/// repeated) is not a peer to rank against: each is printed, located by file, row and column, and the run is refused
/// (exit 1) before anything is written, rather than the row left out or used unseen.
enum PeerSummary {
    static func rows(_ path: String, catalog: Catalog) throws -> [BatchRow] {
        var isDir: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue ? (path as NSString).appendingPathComponent("summary.csv") : path
        let display = FileIO.displayPath(file)
        let text = try FileIO.readText(file).text
        let folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
        var inputs = SummaryInputs(catalog: catalog)
        try inputs.read(text, file: display) { folder.appendingPathComponent($0).standardizedFileURL.path }
        guard inputs.refused.isEmpty else {
            for error in inputs.refused { Console.err(error.located) }
            let rows = Set(inputs.refused.compactMap(\.row)).count
            throw CLIError.input("\(display): \(rows) of its rows cannot be gaizao's (above); no enterprise is compared with peers read from an edited summary: run the batch again, or correct those rows")
        }
        // An enterprise the batch diagnosed twice is one peer: said, and its later rows left out.
        for line in inputs.warningLines("counted once among the peers") { Console.err(line) }
        return inputs.rows.enumerated().filter { !inputs.repeats.contains($0.offset) }.map(\.element)
    }
}

extension PeerStanding {
    /// The standing a benchmark gives (memberwise init kept); nil when it has fewer than 2 peers.
    init?(_ benchmark: Proposal.PeerBenchmark) {
        guard let percentile = benchmark.percentile else { return nil }
        self.init(peers: benchmark.peers, percentile: percentile, scenesBehind: benchmark.scenesBehind.map(\.scene), tied: benchmark.tied ?? 0)
    }
}

/// Each scene's level of one enterprise, as compact as a batch of 100,000 needs it to be: the scene ids are one
/// array shared by every row of the batch (the maturity model's scene order) and each level is one byte, where a
/// dictionary took about 900 bytes a row. Levels from elsewhere (a merged summary.csv, whose ids and numbers may
/// be anything) are kept as they came, in a dictionary.
struct SceneLevels: Sendable {
    private enum Storage: Sendable {
        /// The level of `scenes[i]` is `levels[i]`; -1 for none.
        case compact(scenes: [String], levels: [Int8])
        case general([String: Int])
    }
    private var storage: Storage

    init() { storage = .general([:]) }

    init(_ levels: [String: Int]) { storage = .general(levels) }

    /// The levels of `scenes` (ids), in the same order. `order` is the batch's shared list of scene ids: when
    /// `scenes` is that list and every level fits in a byte, only the levels are stored.
    init(scenes: [String], levels: [Int], order: [String]) {
        if scenes == order, levels.count == order.count, levels.allSatisfy({ (0...Int(Int8.max)).contains($0) }) {
            storage = .compact(scenes: order, levels: levels.map { Int8($0) })
        } else {
            storage = .general(Dictionary(zip(scenes, levels).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    subscript(scene: String) -> Int? {
        switch storage {
        case let .compact(scenes, levels):
            guard let i = scenes.firstIndex(of: scene), levels[i] >= 0 else { return nil }
            return Int(levels[i])
        case let .general(levels): return levels[scene]
        }
    }

    /// The levels by scene id.
    var dictionary: [String: Int] {
        switch storage {
        case let .compact(scenes, levels):
            var result: [String: Int] = [:]
            result.reserveCapacity(scenes.count)
            for (scene, level) in zip(scenes, levels) where level >= 0 && result[scene] == nil { result[scene] = Int(level) }
            return result
        case let .general(levels): return levels
        }
    }

    /// A scene order's first position of each scene id, made once for a batch: the levels of a row stored in that
    /// order become their dictionary by mapping those positions' values (`mapValues` keeps the table, hashing
    /// nothing), where building it hashed each id twice.
    struct Index: Sendable {
        let order: [String]
        let firstPositions: [String: Int]

        init(_ order: [String]) {
            var positions: [String: Int] = [:]
            for (i, scene) in order.enumerated() where positions[scene] == nil { positions[scene] = i }
            self.order = order
            firstPositions = positions
        }
    }

    /// `dictionary`, made through `index` when the levels are stored in its order (each with a level).
    func dictionary(_ index: Index) -> [String: Int] {
        if case let .compact(scenes, levels) = storage, scenes == index.order, levels.allSatisfy({ $0 >= 0 }) {
            return index.firstPositions.mapValues { Int(levels[$0]) }
        }
        return dictionary
    }

    /// Calls `body` with each scene's position in `order` and its level, when the levels are stored in that order,
    /// and returns true; returns false (and calls nothing) when they are not.
    func forEachPosition(in order: [String], _ body: (Int, Int) -> Void) -> Bool {
        guard case let .compact(scenes, levels) = storage, scenes == order else { return false }
        for (i, level) in levels.enumerated() where level >= 0 { body(i, Int(level)) }
        return true
    }

    /// Calls `body` with each scene's id and level (scenes without a level left out).
    func forEach(_ body: (String, Int) -> Void) {
        switch storage {
        case let .compact(scenes, levels):
            for (scene, level) in zip(scenes, levels) where level >= 0 { body(scene, Int(level)) }
        case let .general(levels):
            for (scene, level) in levels { body(scene, level) }
        }
    }

    /// The levels sorted by scene id, as summary.csv lists them.
    var sortedByScene: [(scene: String, level: Int)] {
        dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Whether only the levels are stored (the batch's shared scene order).
    var isCompact: Bool {
        if case .compact = storage { return true }
        return false
    }
}

extension SceneLevels {
    /// The scene ids of a batch's shared scene list sorted as summary.csv lists them, worked out once for all the
    /// rows that share the list: each distinct id, and its positions in the list.
    struct SortedOrder {
        fileprivate var scenes: [String] = []
        fileprivate var sorted: [(scene: String, positions: [Int])] = []

        fileprivate mutating func update(_ list: [String]) {
            // The same array (one storage) compares equal at once.
            guard list != scenes else { return }
            var positions: [String: [Int]] = [:]
            for (i, scene) in list.enumerated() { positions[scene, default: []].append(i) }
            scenes = list
            sorted = positions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// The levels as summary.csv's `scene_levels` writes them, `scene=level` by scene id, `;` between: the bytes
    /// of `sortedByScene` joined, without making its dictionary for each row.
    func appendSorted(to out: inout [UInt8], order: inout SortedOrder) {
        var first = true
        func add(_ scene: String, _ level: Int) {
            if !first { out.append(UInt8(ascii: ";")) }
            first = false
            out.appendUTF8(scene)
            out.append(UInt8(ascii: "="))
            out.appendDecimal(level)
        }
        switch storage {
        case let .compact(scenes, levels):
            order.update(scenes)
            // As `dictionary` keeps it: a scene's first position with a level.
            for entry in order.sorted {
                if let p = entry.positions.first(where: { levels[$0] >= 0 }) { add(entry.scene, Int(levels[p])) }
            }
        case .general:
            for (scene, level) in sortedByScene { add(scene, level) }
        }
    }
}
