import Foundation
import GaizaoCore

/// summary.xlsx: the rows of summary.csv with Chinese headers and numbers as numbers (sheet 汇总; the credit code
/// last, after the columns it had before), and every error
/// of the failed records (sheet 错误, the columns of errors.csv).
enum SummaryWorkbook {
    static func make(rows: [BatchRow], catalog: Catalog) -> XLSXWorkbook {
        typealias Cell = XLSXWorkbook.Cell
        let headers = ["序号", "文件夹", "输入", "企业", "行业", "当前得分", "当前等级", "改造后得分", "改造后等级", "推荐模块",
                       "投资下限（元）", "投资上限（元）", "补助下限（元）", "补助上限（元）", "净投入下限（元）", "净投入上限（元）", "工期（周）", "状态", "错误",
                       "统一社会信用代码"]
        var summary = XLSXWorkbook.Sheet(name: "汇总")
        summary.rows = [headers.map { .text($0, .header) }]
        summary.frozenRows = 1
        summary.columnWidths = [2: 22, 3: 28, 4: 28, 10: 40, 19: 60, 20: 22]
        // The credit code stays text when typed over (an all-digit code is no number).
        summary.columnStyles = [20: .text]
        let industryNames = Dictionary(catalog.industries.map { ($0.id, $0.name.zh) }, uniquingKeysWith: { a, _ in a })
        // Each enterprise's cells are made as the sheet is written (a batch of 100,000 is not held twice).
        summary.laterRows = (rows.count, { index in
            let r = rows[index]
            let ok = r.error == nil
            func n(_ value: Double) -> Cell { ok ? .number(value) : .empty }
            func i(_ value: Int) -> Cell { ok ? .number(Double(value)) : .empty }
            return [
                .number(Double(r.index)), .text(r.folder ?? ""), .text(r.origin), .text(r.enterprise ?? ""),
                .text(r.industry.map { industryNames[$0] ?? $0 } ?? ""),
                n(r.pointsNow), i(r.levelNow), n(r.pointsAfter), i(r.levelAfter), .text(r.modules.joined(separator: ";")),
                i(r.investment.low), i(r.investment.high), i(r.subsidy.low), i(r.subsidy.high), i(r.netCost.low), i(r.netCost.high),
                i(r.weeks), .text(ok ? "成功" : "失败"), .text(r.errors.map { CLIText.localized($0.message) }.joined(separator: "\n"), .wrap),
                .text(r.creditCode ?? ""),
            ]
        })
        var book = XLSXWorkbook(sheets: [summary])
        let errors = rows.flatMap(\.errors)
        if !errors.isEmpty {
            var sheet = XLSXWorkbook.Sheet(name: "错误")
            sheet.rows = [["文件", "行", "列", "题目", "说明"].map { .text($0, .header) }]
            sheet.frozenRows = 1
            sheet.columnWidths = [1: 36, 4: 24, 5: 80]
            for e in errors {
                sheet.rows.append([.text(e.file), e.row.map { .number(Double($0)) } ?? .empty, .text(e.column ?? ""),
                                   .text(e.question ?? ""), .text(CLIText.localized(e.message), .wrap)])
            }
            book.sheets.append(sheet)
        }
        return book
    }
}
