import Foundation
import GaizaoCore

/// Loads the catalog a command uses, printing any diagnostics; fails with exit 1 on errors.
public struct CatalogSession {
    public var location: ResourceLocation
    public var catalog: Catalog
    public var printer: DiagnosticPrinter

    /// - Parameter focus: the industry id of the one enterprise the command reads (see `CatalogLoader.load`).
    public static func load(flag: String?, quietWarnings: Bool = true, focus: String? = nil) throws -> CatalogSession {
        let location = try ResourceLocator.catalog(flag: flag)
        let files = try FileIO.catalogFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path))
        let result = CatalogLoader.load(files, thorough: !quietWarnings, runner: ThreadJobRunner(), focus: focus)
        var printer = DiagnosticPrinter()
        for f in files.files.values { printer.add(f) }
        guard let catalog = result.catalog else {
            printer.print(result.diagnostics.sorted.filter { $0.severity == .error })
            Console.err("the catalog at \(location.describe) has errors; run `gaizao lint` for details")
            throw CLIError.reported
        }
        if !quietWarnings { printer.print(result.diagnostics.sorted) }
        return CatalogSession(location: location, catalog: catalog, printer: printer)
    }
}
