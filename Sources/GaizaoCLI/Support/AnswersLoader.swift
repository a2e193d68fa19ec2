import Foundation
import GaizaoCore

/// Reads an answers file and validates it against the catalog, printing located diagnostics.
enum AnswersLoader {
    static func load(_ path: String, session: CatalogSession, quietWarnings: Bool = false, partial: Bool = false) throws -> AnswerSheet {
        try load(FileIO.readText(path), session: session, quietWarnings: quietWarnings, partial: partial)
    }

    /// The answers of a file already read (a command that first looked at its industry).
    static func load(_ file: SourceFile, session: CatalogSession, quietWarnings: Bool = false, partial: Bool = false) throws -> AnswerSheet {
        let path = file.path
        let result = AnswerDecoder.decode(file, catalog: session.catalog, partial: partial)
        var printer = session.printer
        printer.add(file)
        let shown = result.diagnostics.sorted.filter { !quietWarnings || $0.severity == .error }
        printer.print(shown)
        guard let sheet = result.sheet else {
            Console.err("\(path): the answers have errors; nothing was written")
            throw CLIError.reported
        }
        return sheet
    }
}
