import Foundation
import GaizaoCore
import GaizaoTemplates

/// summary.html, the city dashboard: one self-contained page (inline CSS, no script, no network) in the look of
/// the proposals — levels now and after by sub-industry and by town against the pilot's goal (≥ 90% of the
/// enterprises of each sub-industry at level 2 or above after the retrofit), investment and subsidy totals, the
/// modules most needed, a scene × level heat map, and every enterprise linked to its proposal. Charts are HTML
/// bars, so their text keeps the page's size on a phone and in print; wide tables scroll inside their box.
enum BatchSummaryHTML {
    /// The dashboard's title, also how `SummaryFilesGuard` recognises a summary.html gaizao wrote.
    static let title = (zh: "数字化改造批量诊断汇总", en: "Digital retrofit: batch diagnosis summary")

    static func escape(_ s: String) -> String { HTMLEscape.escaped(ControlCharacters.visible(s)) }

    /// The pilot's goal: this share of each sub-industry's enterprises at level 2 or above after the retrofit.
    static let goalShare = 0.9

    /// Points as a dashboard shows them: one decimal (`77.0`), the proposal has the exact figure.
    static func points(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        let text = formatNumber(tenths)
        return text.utf8.contains(UInt8(ascii: ".")) ? text : text + ".0"
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
    }

    /// Appends `percent(part, whole)`.
    static func appendPercent(_ part: Int, _ whole: Int, to out: inout [UInt8]) {
        guard whole != 0 else { return out.appendUTF8("–") }
        out.appendDecimal(Int((Double(part) * 100 / Double(whole)).rounded()))
        out.append(UInt8(ascii: "%"))
    }

    /// A link to a result folder's file, each path segment percent-encoded.
    static func href(_ folder: String, _ file: String) -> String {
        var out: [UInt8] = []
        appendHref(folder, file, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `href(folder, file)`: each byte of the folder's segments that a URL path segment does not allow as
    /// `%XX`, as `addingPercentEncoding(withAllowedCharacters: .urlPathAllowed` less `/?#`) writes it (the set is
    /// ASCII: every byte of another character is encoded); the `/` between segments kept.
    static func appendHref(_ folder: String, _ file: String, to out: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for b in folder.utf8 {
            if b == UInt8(ascii: "/") || (b < 0x80 && pathSegmentAllowed[Int(b)]) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
        out.append(UInt8(ascii: "/"))
        out.appendUTF8(file)
    }

    /// Which ASCII characters a path segment keeps as they are: Foundation's `urlPathAllowed` less `/?#`.
    static let pathSegmentAllowed: [Bool] = {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))
        return (0..<0x80).map { allowed.contains(Unicode.Scalar(UInt8($0))) }
    }()

    /// Appends `escape(s)`: the text as it is when it has nothing to escape (most texts).
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        let start = out.count
        out.appendUTF8(s)
        escapeWritten(from: start, in: &out)
    }

    /// The bytes written from `start` on made what `escape` makes of them.
    static func escapeWritten(from start: Int, in out: inout [UInt8]) {
        let plain = SummaryBytes.isPlainText(out, from: start) {
            $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }
        if !plain { out.appendUTF8(escape(out.removeText(from: start))) }
    }

    struct Group { var name: String; var count = 0; var level2Now = 0; var level2After = 0 }

    /// summary.html as the bytes written.
    static func bytes(rows: [BatchRow], totals: BatchTotals, catalog: Catalog, lang: Lang, proposalFile: String = "proposal.html") -> [UInt8] {
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        // The diagnosed rows, not copied: a batch may hold 100,000.
        let done = rows.lazy.filter { $0.error == nil }
        let doneCount = done.count
        let levelNames = (0...4).map { $0 == 0 ? t("未达一级", "Below 1") : t("\($0)级", "Level \($0)") }
        let industryNames = Dictionary(catalog.industries.map { ($0.id, $0.name[lang]) }, uniquingKeysWith: { a, _ in a })

        // Pilot goal by sub-industry and by town.
        func groups(_ key: (BatchRow) -> String) -> [Group] {
            // Each key's place in `list` looked up once a row.
            var place: [String: Int] = [:]
            var list: [Group] = []
            for r in done {
                let k = key(r)
                let i: Int
                if let known = place[k] { i = known } else {
                    i = list.count
                    place[k] = i
                    list.append(Group(name: k))
                }
                list[i].count += 1
                if r.levelNow >= 2 { list[i].level2Now += 1 }
                if r.levelAfter >= 2 { list[i].level2After += 1 }
            }
            // The keys are distinct: sorted by name as they were by key.
            return list.sorted { $0.name < $1.name }
        }
        func goalTable(_ title: String, _ groups: [Group]) -> String {
            var x = "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">\(escape(title))</th><th scope=\"col\" class=\"num\">\(t("企业数", "Enterprises"))</th>"
            x += "<th scope=\"col\" class=\"num\">\(t("二级及以上：现状", "Level 2+ now"))</th><th scope=\"col\" class=\"num\">\(t("改造后", "After"))</th>"
            x += "<th scope=\"col\" class=\"bar-col\">\(t("对照 90% 目标", "Against the 90% goal"))</th><th scope=\"col\">\(t("结论", "Verdict"))</th></tr></thead><tbody>"
            // A town's table has a line for each town given: its lines are written as bytes.
            let met = #"<span class="ok">"# + t("达标", "Met") + "</span>", notMet = #"<span class="warn">"# + t("未达标", "Not met") + "</span>"
            var lines: [UInt8] = []
            lines.reserveCapacity(groups.count * 480)
            for g in groups {
                let now = Double(g.level2Now) / Double(max(1, g.count)), after = Double(g.level2After) / Double(max(1, g.count))
                lines.appendUTF8(#"<tr><th scope="row" class="name">"#)
                appendEscaped(g.name, to: &lines)
                lines.appendUTF8(#"</th><td class="num">"#)
                lines.appendDecimal(g.count)
                lines.appendUTF8(#"</td><td class="num">"#)
                appendPercent(g.level2Now, g.count, to: &lines)
                lines.appendUTF8(#"</td><td class="num">"#)
                appendPercent(g.level2After, g.count, to: &lines)
                lines.appendUTF8(#"</td><td class="bar-col"><div class="goal" role="img" aria-label=""#)
                appendPercent(g.level2Now, g.count, to: &lines)
                lines.appendUTF8(" → ")
                appendPercent(g.level2After, g.count, to: &lines)
                lines.appendUTF8(#""><span class="after" style="width:"#)
                lines.appendDecimal(Int(after * 100))
                lines.appendUTF8(#"%"></span><span class="now" style="width:"#)
                lines.appendDecimal(Int(now * 100))
                lines.appendUTF8(#"%"></span><span class="mark"></span></div></td><td>"#)
                lines.appendUTF8(after >= goalShare ? met : notMet)
                lines.appendUTF8("</td></tr>")
            }
            return x + String(decoding: lines, as: UTF8.self) + "</tbody></table></div>"
        }
        let noTown = t("（未填镇街）", "(no town given)")

        // Level distribution now and after.
        let maxCount = max(1, (totals.levelsNow + totals.levelsAfter).max() ?? 1)
        var levels = ""
        for l in 0...4 {
            let now = totals.levelsNow[l], after = totals.levelsAfter[l]
            levels += "<div class=\"bar-row\"><span class=\"label\">\(escape(levelNames[l]))</span><span class=\"bars\">"
            levels += "<span class=\"bar now\" style=\"width:\(85 * now / maxCount)%\"></span><span class=\"v\">\(now)</span><br>"
            levels += "<span class=\"bar after\" style=\"width:\(85 * after / maxCount)%\"></span><span class=\"v\">\(after)</span></span></div>"
        }

        // Modules most needed, by their names.
        let moduleNames = Dictionary(catalog.industries.flatMap { $0.modules.map { ($0.id, $0.name[lang]) } }, uniquingKeysWith: { a, _ in a })
        let top = totals.moduleCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12)
        let topMax = max(1, top.first?.value ?? 1)
        var modules = ""
        for (id, count) in top {
            modules += "<div class=\"bar-row\"><span class=\"label\">\(escape(moduleNames[id] ?? id))</span><span class=\"bars\">"
            modules += "<span class=\"bar module\" style=\"width:\(85 * count / topMax)%\"></span><span class=\"v\">\(count)</span></span></div>"
        }

        // Scene × level heat map (now).
        var heat = "<div class=\"scroll\"><table class=\"heat\"><thead><tr><th scope=\"col\">\(t("场景", "Scene"))</th>"
        for l in 0...4 { heat += "<th scope=\"col\" class=\"num\">\(l)</th>" }
        heat += "</tr></thead><tbody>"
        var sceneCounts: [String: [Int]] = [:]
        // Rows whose levels are kept in the model's scene order are counted by position, without hashing each id.
        let sceneOrder = catalog.maturity.scenes.map(\.id)
        var countsByPosition = [[Int]](repeating: [Int](repeating: 0, count: 5), count: sceneOrder.count)
        for r in done {
            let counted = r.sceneLevels.forEachPosition(in: sceneOrder) { i, level in countsByPosition[i][max(0, min(4, level))] += 1 }
            if !counted {
                r.sceneLevels.forEach { scene, level in sceneCounts[scene, default: [Int](repeating: 0, count: 5)][max(0, min(4, level))] += 1 }
            }
        }
        for (i, scene) in sceneOrder.enumerated() where countsByPosition[i].contains(where: { $0 > 0 }) {
            for l in 0...4 { sceneCounts[scene, default: [Int](repeating: 0, count: 5)][l] += countsByPosition[i][l] }
        }
        // The shade of a count: formatted once for each count that occurs.
        var shades: [Int: String] = [:]
        for scene in catalog.maturity.scenes {
            let counts = sceneCounts[scene.id] ?? [Int](repeating: 0, count: 5)
            guard counts.reduce(0, +) > 0 else { continue }
            heat += "<tr><th scope=\"row\" class=\"name\">\(escape(scene.name[lang]))\(scene.mandatory ? " <small>\(t("必选", "mandatory"))</small>" : "")</th>"
            for c in counts {
                let share = Double(c) / Double(max(1, doneCount))
                let shade: String
                if let known = shades[c] { shade = known } else {
                    shade = String(format: "%.2f", 0.08 + 0.8 * share)
                    shades[c] = shade
                }
                heat += "<td class=\"num\" style=\"background:rgba(31,58,95,\(shade));color:\(share > 0.45 ? "#fff" : "inherit")\">\(c)</td>"
            }
            heat += "</tr>"
        }
        heat += "</tbody></table></div>"

        var failedRows: [UInt8] = []
        for r in rows where r.error != nil {
            failedRows.appendUTF8(#"<tr><td class="name">"#)
            appendEscaped(r.origin, to: &failedRows)
            failedRows.appendUTF8("</td><td>")
            // In the dashboard's language.
            if r.errors.isEmpty {
                appendEscaped(CLIText.localized(r.error ?? "", lang: lang), to: &failedRows)
            } else {
                for (i, e) in r.errors.enumerated() {
                    if i > 0 { failedRows.appendUTF8("<br>") }
                    appendEscaped(CLIText.localized(e.message, lang: lang), to: &failedRows)
                }
            }
            failedRows.appendUTF8("</td></tr>")
        }
        let failed = String(decoding: failedRows, as: UTF8.self)
        // Peer groups of all the diagnosed enterprises; standings only for those listed.
        let peers = BatchPeers(rows, sceneOrder: catalog.maturity.scenes.map(\.id))
        let sceneNames = Dictionary(catalog.maturity.scenes.map { ($0.id, $0.name[lang]) }, uniquingKeysWith: { a, _ in a })
        // Each enterprise's row, written as bytes (the texts that do not depend on the row are made once).
        let shownLevels = levelNames.map(escape)
        let behindLabel = t("低于同行中位的场景：", "scenes below the peers' median: "), behindSeparator = t("、", ", ")
        let fewPeers = t("同行不足 3 家", "fewer than 3 peers")
        var table: [UInt8] = []
        table.reserveCapacity(min(doneCount, 2000) * 900)
        for r in done.prefix(2000) {
            table.appendUTF8(#"<tr><td class="num">"#)
            table.appendDecimal(r.index)
            table.appendUTF8(#"</td><td class="name">"#)
            if let folder = r.folder {
                table.appendUTF8(#"<a href=""#)
                let start = table.count
                appendHref(folder, proposalFile, to: &table)
                escapeWritten(from: start, in: &table)
                table.appendUTF8(#"">"#)
                appendEscaped(r.enterprise ?? "", to: &table)
                table.appendUTF8("</a>")
            } else {
                appendEscaped(r.enterprise ?? "", to: &table)
            }
            table.appendUTF8("</td><td>")
            appendEscaped(r.industry.map { industryNames[$0] ?? $0 } ?? "", to: &table)
            table.appendUTF8("</td><td>")
            appendEscaped(r.town ?? "", to: &table)
            table.appendUTF8(#"</td><td class="num">"#)
            table.appendUTF8(points(r.pointsNow))
            table.appendUTF8(" → ")
            table.appendUTF8(points(r.pointsAfter))
            table.appendUTF8("</td><td>")
            table.appendUTF8(shownLevels[max(0, min(4, r.levelNow))])
            table.appendUTF8(" → ")
            table.appendUTF8(shownLevels[max(0, min(4, r.levelAfter))])
            table.appendUTF8(#"</td><td class="num">"#)
            table.appendUTF8(Money.wanRange(r.investment.low, r.investment.high))
            table.appendUTF8(#"</td><td class="num">"#)
            table.appendUTF8(Money.wanRange(r.subsidy.low, r.subsidy.high))
            table.appendUTF8(#"</td><td class="num">"#)
            table.appendDecimal(r.weeks)
            table.appendUTF8("</td>")
            if let p = peers.benchmark(r).flatMap(PeerStanding.init) {
                if lang == .zh {
                    table.appendUTF8("<td>高于 ")
                    table.appendDecimal(p.percentile)
                    table.appendUTF8("% 同行（")
                    table.appendDecimal(p.peers)
                    table.appendUTF8(" 家）")
                } else {
                    table.appendUTF8("<td>above ")
                    table.appendDecimal(p.percentile)
                    table.appendUTF8("% of ")
                    table.appendDecimal(p.peers)
                    table.appendUTF8(" peers")
                }
                if !p.scenesBehind.isEmpty {
                    table.appendUTF8("<br><small>")
                    table.appendUTF8(behindLabel)
                    for (i, scene) in p.scenesBehind.enumerated() {
                        if i > 0 { appendEscaped(behindSeparator, to: &table) }
                        appendEscaped(sceneNames[scene] ?? scene, to: &table)
                    }
                    table.appendUTF8("</small>")
                }
                table.appendUTF8("</td></tr>")
            } else {
                table.appendUTF8(#"<td class="muted">"#)
                table.appendUTF8(fewPeers)
                table.appendUTF8("</td></tr>")
            }
        }
        let more = doneCount > 2000 ? "<p class=\"muted\">\(t("仅列出前 2000 家，完整数据见 summary.csv / summary.xlsx。", "Only the first 2,000 are listed; summary.csv and summary.xlsx have them all."))</p>" : ""
        let level2Now = done.filter { $0.levelNow >= 2 }.count, level2After = done.filter { $0.levelAfter >= 2 }.count

        var out: [UInt8] = []
        out.reserveCapacity(table.count + failedRows.count + 16_384)
        out.appendUTF8("""
        <!DOCTYPE html>
        <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(Self.title.zh, Self.title.en))</title>
        <style>
        :root{--ink:#1d2733;--muted:#5b6775;--line:#d9dee5;--tint:#f4f6f9;--head:#eaeff4;--primary:#1f3a5f;--accent:#2a7f78;--now:#a9b8c9;--warn:#a8640a}
        *{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;color:var(--ink);background:#fff;line-height:1.65;font-size:15px;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
        .doc{max-width:960px;margin:0 auto;padding:40px 32px 56px}
        h1,h2{line-height:1.35;color:var(--primary)}h1{font-size:1.9em;margin:0 0 6px}
        h2{font-size:1.35em;margin:36px 0 14px;padding-bottom:8px;border-bottom:2px solid var(--primary)}
        .eyebrow{color:var(--accent);font-weight:600;margin:0}.muted,small{color:var(--muted)}a{color:var(--primary)}
        .cover{border-left:6px solid var(--primary);padding:8px 0 8px 24px;margin-bottom:24px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:12px}
        .card{background:var(--tint);border-radius:8px;padding:12px 16px}.card b{display:block;font-size:1.3em;color:var(--primary)}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%;font-size:.92em}
        th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
        thead th{background:var(--head);white-space:nowrap}.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
        .name{min-width:9em;overflow-wrap:anywhere}tbody th{font-weight:normal}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle;border-radius:2px}
        .bar-row{display:flex;align-items:center;gap:12px;margin:6px 0}.bar-row .label{flex:0 0 13em;overflow-wrap:anywhere}
        .bar-row .bars{flex:1;min-width:0}.bar{display:inline-block;height:12px;border-radius:2px;vertical-align:middle;min-width:1px}
        .bar.now{background:var(--now)}.bar.after{background:var(--primary)}.bar.module{background:var(--accent)}.v{margin-left:6px;font-size:.9em}
        .bar-col{min-width:140px;width:30%}.goal{position:relative;height:14px;background:var(--tint);border-radius:2px}
        .goal span{position:absolute;left:0;top:0;bottom:0}.goal .after{background:var(--primary);opacity:.85}.goal .now{background:var(--now)}
        .goal .mark{left:90%;width:2px;background:var(--warn);top:-3px;bottom:-3px}
        .ok{color:var(--accent);font-weight:600}.warn{color:var(--warn);font-weight:600}
        .heat td{min-width:3em}
        @media (max-width:600px){.doc{padding:20px 14px 32px}h1{font-size:1.5em}.bar-row .label{flex-basis:8em}}
        @media print{.doc{max-width:none;padding:0}h2{break-after:avoid}tr,.bar-row{break-inside:avoid}.scroll{overflow:visible}a{text-decoration:none}}
        </style></head><body><main class="doc">
        <header class="cover"><p class="eyebrow">\(t("中小企业数字化改造", "SME digital retrofit"))</p>
        <h1>\(t("批量诊断汇总", "Batch diagnosis summary"))</h1>
        <p class="muted">\(t("试点目标：改造后各细分行业 90% 以上企业达到二级及以上。", "Pilot goal: at least 90% of each sub-industry's enterprises at level 2 or above after the retrofit."))</p></header>
        <div class="cards">
        <div class="card">\(t("已诊断企业", "Enterprises diagnosed"))<b>\(totals.done)</b></div>
        <div class="card">\(t("失败", "Failed"))<b>\(totals.failed)</b></div>
        <div class="card">\(t("二级及以上：现状 → 改造后", "Level 2+: now → after"))<b>\(percent(level2Now, doneCount)) → \(percent(level2After, doneCount))</b></div>
        <div class="card">\(t("总投入（万元）", "Total investment (万元)"))<b>\(Money.wanRange(totals.investment.low, totals.investment.high))</b></div>
        <div class="card">\(t("总补助（万元）", "Total subsidy (万元)"))<b>\(Money.wanRange(totals.subsidy.low, totals.subsidy.high))</b></div>
        </div>
        <h2>\(t("试点目标：按细分行业", "Pilot goal by sub-industry"))</h2>
        <p class="legend"><span style="background:var(--now)"></span>\(t("现状", "Now"))<span style="background:var(--primary)"></span>\(t("改造后（估算）", "After (estimate)"))<span style="background:var(--warn);width:3px"></span>90%</p>
        \(goalTable(t("细分行业", "Sub-industry"), groups { industryNames[$0.industry ?? ""] ?? ($0.industry ?? "") }))
        <h2>\(t("按镇街", "By town"))</h2>
        \(goalTable(t("镇街", "Town"), groups { ($0.town?.isEmpty == false ? $0.town! : noTown) }))
        <h2>\(t("等级分布：现状与改造后", "Levels now and after"))</h2>
        <p class="legend"><span style="background:var(--now)"></span>\(t("现状", "Now"))<span style="background:var(--primary)"></span>\(t("改造后（估算）", "After (estimate)"))</p>
        \(levels)
        <h2>\(t("最需要的模块", "Modules most needed"))</h2>
        \(modules.isEmpty ? "<p class=\"muted\">\(t("没有推荐模块。", "No module recommended."))</p>" : modules)
        <h2>\(t("场景 × 等级（现状，企业数）", "Scenes × levels (now, enterprises)"))</h2>
        \(heat)
        \(failed.isEmpty ? "" : "<h2>\(t("失败", "Failures"))</h2><p class=\"muted\">\(t("全部错误见 errors.csv。", "Every error is in errors.csv."))</p><div class=\"scroll\"><table><thead><tr><th scope=\"col\">\(t("输入", "Input"))</th><th scope=\"col\">\(t("原因", "Reason"))</th></tr></thead><tbody>\(failed)</tbody></table></div>")
        <h2>\(t("企业", "Enterprises"))</h2>
        <div class="scroll"><table><thead><tr><th scope="col" class="num">#</th><th scope="col">\(t("企业（点击看方案）", "Enterprise (opens the proposal)"))</th><th scope="col">\(t("行业", "Industry"))</th><th scope="col">\(t("镇街", "Town"))</th><th scope="col" class="num">\(t("得分", "Points"))</th><th scope="col">\(t("等级", "Level"))</th><th scope="col" class="num">\(t("投入（万元）", "Investment (万元)"))</th><th scope="col" class="num">\(t("补助（万元）", "Subsidy (万元)"))</th><th scope="col" class="num">\(t("工期（周）", "Weeks"))</th><th scope="col">\(t("同行对标（同行业、同规模）", "Peers (same industry and size)"))</th></tr></thead>
        <tbody>
        """)
        out.append(contentsOf: table)
        out.appendUTF8("</tbody></table></div>" + more + "\n</main></body></html>\n")
        return out
    }
}
