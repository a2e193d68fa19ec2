import Foundation
import GaizaoCore

/// The questionnaire workbook `gaizao questions --industry ID --xlsx FILE` writes, to send to enterprises or fill
/// in at a contractor's office: sheet 问卷, one row per enterprise from row 3; row 1 the Chinese question
/// labels (required ones marked), each with a note holding its help, its English label, its type and its
/// options; row 2 the question ids, which `gaizao batch` reads. Drop-down lists offer the option labels (kept
/// in the hidden sheet 选项), yes/no and scene levels; numbers are checked against their range; the columns of text
/// answers (the credit code among them) are formatted as text (`@`). `batch` accepts
/// the labels as well as the ids, and an empty industry cell is the workbook's industry.
enum QuestionnaireWorkbook {
    static let sheetName = "问卷"
    static let optionsSheetName = "选项"
    /// A1 of the options sheet; A2 holds the industry id, A3 its Chinese name (the industry drop-down).
    static let industryMarker = "gaizao_industry"
    /// Rows offered for enterprises (drop-downs and checks reach this far).
    static let lastRow = 1002

    static func make(_ q: Questionnaire, industry: Industry, catalog: Catalog) -> XLSXWorkbook {
        var sheet = XLSXWorkbook.Sheet(name: sheetName)
        var options = XLSXWorkbook.Sheet(name: optionsSheetName)
        options.hidden = true
        var optionColumns: [[XLSXWorkbook.Cell]] = [[.text(industryMarker), .text(industry.id), .text(industry.name.zh)]]
        let optionsRef = "'\(optionsSheetName)'!"

        var labels: [XLSXWorkbook.Cell] = [.text("行业", .header), .text("诊断日期", .header)]
        var ids: [XLSXWorkbook.Cell] = [.text("industry", .ids), .text("date", .ids)]
        sheet.notes.append((1, 1, "行业 / Industry: \(industry.name.zh)（\(industry.id)）。留空即为本行业。"))
        sheet.notes.append((1, 2, "诊断日期 / Diagnosis date: YYYY-MM-DD，可留空。"))
        sheet.validations.append(.init(columns: 1...1, rows: 3...lastRow, kind: .list(range: "\(optionsRef)$A$3"), strict: false))
        sheet.columnWidths = [1: 10, 2: 12]

        for question in q.ordered {
            let column = labels.count + 1
            labels.append(.text(question.label.zh + (question.required ? "（必答）" : ""), .header))
            ids.append(.text(question.id, .ids))
            sheet.columnWidths[column] = question.kind == .text ? 24 : 16
            var note = "\(question.label.zh) / \(question.label.en)\n[\(QuestionnaireText.typeLabel(question, .zh)) / \(QuestionnaireText.typeLabel(question, .en))]"
            if question.required { note += " 必答 required" }
            if !question.help.zh.isEmpty { note += "\n\(question.help.zh)" }
            if !question.help.en.isEmpty { note += "\n\(question.help.en)" }
            if let when = question.when { note += "\n仅当 / only when: \(when.source.text)" }
            let rows = 3...lastRow
            switch question.kind {
            case .single, .multi:
                let optionColumn = optionColumns.count + 1
                optionColumns.append([.text(question.id)] + question.options.map { .text($0.label.zh) })
                let letter = AnswerTable.columnLetters(optionColumn)
                let range = "\(optionsRef)$\(letter)$2:$\(letter)$\(question.options.count + 1)"
                if question.kind == .multi {
                    note += "\n多选：可填多个，用；分隔 / several: separate with ;"
                }
                note += "\n" + question.options.map { "· \($0.label.zh)（\($0.id)）" }.joined(separator: "\n")
                sheet.validations.append(.init(columns: column...column, rows: rows, kind: .list(range: range),
                                               strict: question.kind == .single,
                                               prompt: question.kind == .multi ? "多选：用；分隔 / several: separate with ;" : nil))
            case .yesno:
                sheet.validations.append(.init(columns: column...column, rows: rows, kind: .items(["是", "否"])))
            case .level:
                let levels = QuestionnaireText.levelOptions(question, catalog)
                note += "\n" + levels.map { "\($0.0)：\($0.1.zh)" }.joined(separator: "\n")
                sheet.validations.append(.init(columns: column...column, rows: rows, kind: .items(levels.map(\.0))))
            case .number:
                let kind: XLSXWorkbook.Validation.Kind = question.integer ? .whole(min: question.min, max: question.max) : .decimal(min: question.min, max: question.max)
                sheet.validations.append(.init(columns: column...column, rows: rows, kind: kind))
            case .text:
                // Typed as text: Excel makes an all-digit credit code a number otherwise, and keeps 15 of its 18 digits.
                sheet.columnStyles[column] = .text
            }
            sheet.notes.append((1, column, note))
        }
        sheet.rows = [labels, ids]
        sheet.frozenRows = 2
        // The options sheet, column by column.
        let height = optionColumns.map(\.count).max() ?? 0
        options.rows = (0..<height).map { r in optionColumns.map { r < $0.count ? $0[r] : .empty } }
        return XLSXWorkbook(sheets: [sheet, options])
    }
}
