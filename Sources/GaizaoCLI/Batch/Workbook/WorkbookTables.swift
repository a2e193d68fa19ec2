import Foundation
import GaizaoCore

/// A filled workbook read into one `AnswerTable` per sheet that has a row of question ids (hidden sheets and
/// sheets of notes are passed over). Locations read `book.xlsx[问卷]:ROW:COLUMN`.
enum WorkbookTables {
    static let maxBytes = 64 << 20

    static func open(_ path: String) -> Swift.Result<[AnswerTable], BatchRecord.Failure> {
        func broken(_ origin: String, _ message: String) -> Swift.Result<[AnswerTable], BatchRecord.Failure> {
            .failure(BatchRecord.Failure(record: .broken(origin: origin, message: message)))
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maxBytes {
            return broken(path, "\(size) bytes is more than the workbook limit of \(maxBytes) bytes")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return broken(path, access(path, R_OK) != 0 && (errno == EACCES || errno == EPERM) ? "cannot be read (permission denied)" : "cannot be read")
        }
        let sheets: [XLSXReader.Sheet]
        do { sheets = try XLSXReader.sheets(data) } catch {
            // Located as other workbook errors are: `book.xlsx[问卷]:ROW:COLUMN`.
            var origin = path
            if let sheet = error.sheet {
                origin += "[\(sheet)]"
                if let row = error.row { origin += ":\(row)" + (error.column.map { ":\($0)" } ?? "") }
            }
            return broken(origin, error.message)
        }
        // The industry of a questionnaire workbook, kept in its options sheet.
        var defaultIndustry: String?
        for sheet in sheets {
            if let first = sheet.rows.first, first.row == 1, first.fields.first == QuestionnaireWorkbook.industryMarker,
               sheet.rows.count > 1, let id = sheet.rows[1].fields.first, !id.isEmpty {
                defaultIndustry = id
            }
        }
        var tables: [AnswerTable] = []
        var firstProblem: BatchRecord.Failure?
        for sheet in sheets where !sheet.hidden && !sheet.rows.isEmpty {
            switch AnswerTable.make(source: "\(path)[\(sheet.name)]", rows: sheet.rows, kind: "sheet", defaultIndustry: defaultIndustry) {
            case let .success(table): tables.append(table)
            case let .failure(problem): firstProblem = firstProblem ?? problem
            }
        }
        if tables.isEmpty {
            if let firstProblem { return .failure(firstProblem) }
            return broken(path, "the workbook has no sheet with enterprises (write one with `gaizao questions --industry ID --xlsx FILE`)")
        }
        return .success(tables)
    }
}
