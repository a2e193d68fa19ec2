import Foundation
import GaizaoCore

/// summary.html: one self-contained page (inline CSS and SVG, no network) with the level distribution now
/// vs after, total investment and subsidy, and the modules most often recommended.
enum BatchSummaryHTML {
    static func escape(_ s: String) -> String { HTMLEscape.escaped(ControlCharacters.visible(s)) }

    static func render(rows: [BatchRow], totals: BatchTotals, catalog: Catalog, lang: Lang) -> String {
        func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
        let levelNames = (0...4).map { $0 == 0 ? t("未达一级", "Below 1") : t("\($0)级", "Level \($0)") }
        let maxCount = max(1, (totals.levelsNow + totals.levelsAfter).max() ?? 1)
        // Level distribution: grouped bars, now (grey) and after (blue).
        var bars = ""
        let chartH = 160.0, barW = 28.0, gap = 80.0
        for l in 0...4 {
            let x = 40 + Double(l) * gap
            let hNow = chartH * Double(totals.levelsNow[l]) / Double(maxCount)
            let hAfter = chartH * Double(totals.levelsAfter[l]) / Double(maxCount)
            bars += "<rect x=\"\(x)\" y=\"\(20 + chartH - hNow)\" width=\"\(barW)\" height=\"\(hNow)\" fill=\"#9aa5b1\"><title>\(escape(levelNames[l])) \(t("改造前", "now")): \(totals.levelsNow[l])</title></rect>"
            bars += "<rect x=\"\(x + barW + 2)\" y=\"\(20 + chartH - hAfter)\" width=\"\(barW)\" height=\"\(hAfter)\" fill=\"#1f6feb\"><title>\(escape(levelNames[l])) \(t("改造后", "after")): \(totals.levelsAfter[l])</title></rect>"
            bars += "<text x=\"\(x + barW)\" y=\"\(chartH + 38)\" text-anchor=\"middle\" font-size=\"12\">\(escape(levelNames[l]))</text>"
            bars += "<text x=\"\(x + barW / 2)\" y=\"\(16 + chartH - hNow)\" text-anchor=\"middle\" font-size=\"11\">\(totals.levelsNow[l])</text>"
            bars += "<text x=\"\(x + barW * 1.5 + 2)\" y=\"\(16 + chartH - hAfter)\" text-anchor=\"middle\" font-size=\"11\">\(totals.levelsAfter[l])</text>"
        }
        // Most recommended modules: horizontal bars.
        let names = Dictionary(catalog.industries.flatMap { $0.modules.map { ($0.id, $0.name[lang]) } }, uniquingKeysWith: { a, _ in a })
        let top = totals.moduleCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12)
        let topMax = max(1, top.first?.value ?? 1)
        var moduleBars = ""
        for (i, (id, count)) in top.enumerated() {
            let y = 10 + Double(i) * 26
            let w = 300 * Double(count) / Double(topMax)
            moduleBars += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(escape(names[id] ?? id))</text>"
            moduleBars += "<rect x=\"260\" y=\"\(y)\" width=\"\(w)\" height=\"18\" fill=\"#2da44e\"><title>\(escape(id)): \(count)</title></rect>"
            moduleBars += "<text x=\"\(266 + w)\" y=\"\(y + 14)\" font-size=\"12\">\(count)</text>"
        }
        let moduleHeight = 20 + top.count * 26
        var failed = ""
        for r in rows where r.error != nil {
            failed += "<tr><td>\(escape(r.origin))</td><td>\(escape(r.error ?? ""))</td></tr>"
        }
        var table = ""
        for r in rows.prefix(2000) where r.error == nil {
            table += "<tr><td>\(r.index)</td><td>\(escape(r.enterprise ?? ""))</td><td>\(escape(r.industry ?? ""))</td>"
            table += "<td>\(formatNumber(r.pointsNow)) → \(formatNumber(r.pointsAfter))</td><td>\(escape(levelNames[max(0, min(4, r.levelNow))])) → \(escape(levelNames[max(0, min(4, r.levelAfter))]))</td>"
            table += "<td>\(Money.wan(r.investment.low))–\(Money.wan(r.investment.high))</td><td>\(Money.wan(r.subsidy.low))–\(Money.wan(r.subsidy.high))</td><td>\(r.weeks)</td></tr>"
        }
        let more = rows.count > 2000 ? "<p>\(t("仅列出前 2000 家，完整数据见 summary.csv。", "Only the first 2,000 are listed; summary.csv has them all."))</p>" : ""
        return """
        <!DOCTYPE html>
        <html lang="\(lang == .zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t("批量诊断汇总", "Batch diagnosis summary"))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1f2328}
        h1{font-size:24px}h2{font-size:18px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;min-width:160px}
        .card b{display:block;font-size:20px}table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{border-bottom:1px solid #eaeef2;padding:6px;text-align:left}th{background:#f6f8fa}
        svg{max-width:100%;height:auto}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        @media print{h2{break-before:auto}tr{break-inside:avoid}}
        </style></head><body>
        <h1>\(t("批量诊断汇总", "Batch diagnosis summary"))</h1>
        <div class="cards">
        <div class="card">\(t("成功", "Diagnosed"))<b>\(totals.done)</b></div>
        <div class="card">\(t("失败", "Failed"))<b>\(totals.failed)</b></div>
        <div class="card">\(t("总投入（万元）", "Total investment (万元)"))<b>\(Money.wan(totals.investment.low))–\(Money.wan(totals.investment.high))</b></div>
        <div class="card">\(t("总补助（万元）", "Total subsidy (万元)"))<b>\(Money.wan(totals.subsidy.low))–\(Money.wan(totals.subsidy.high))</b></div>
        </div>
        <h2>\(t("等级分布：改造前与改造后", "Level distribution: now and after"))</h2>
        <p class="legend"><span style="background:#9aa5b1"></span>\(t("改造前", "Now"))<span style="background:#1f6feb"></span>\(t("改造后（估算）", "After (estimate)"))</p>
        <svg viewBox="0 0 460 \(Int(chartH) + 50)" role="img" aria-label="\(t("等级分布", "Level distribution"))"><title>\(t("等级分布", "Level distribution"))</title>\(bars)</svg>
        <h2>\(t("最常推荐的模块", "Modules most often recommended"))</h2>
        <svg viewBox="0 0 620 \(moduleHeight)" role="img" aria-label="\(t("最常推荐的模块", "Modules most often recommended"))"><title>\(t("最常推荐的模块", "Modules most often recommended"))</title>\(moduleBars)</svg>
        \(failed.isEmpty ? "" : "<h2>\(t("失败", "Failures"))</h2><table><thead><tr><th scope=\"col\">\(t("输入", "Input"))</th><th scope=\"col\">\(t("原因", "Reason"))</th></tr></thead><tbody>\(failed)</tbody></table>")
        <h2>\(t("企业", "Enterprises"))</h2>
        <table><thead><tr><th scope="col">#</th><th scope="col">\(t("企业", "Enterprise"))</th><th scope="col">\(t("行业", "Industry"))</th><th scope="col">\(t("得分", "Points"))</th><th scope="col">\(t("等级", "Level"))</th><th scope="col">\(t("投入（万元）", "Investment (万元)"))</th><th scope="col">\(t("补助（万元）", "Subsidy (万元)"))</th><th scope="col">\(t("工期（周）", "Weeks"))</th></tr></thead>
        <tbody>\(table)</tbody></table>\(more)
        </body></html>

        """
    }
}
