import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao lint [DIR] [--strict]`: validate a catalog folder (and the templates).
public struct LintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查目录数据和模板 / Validate catalogs and templates.",
        discussion: "Reports every problem as path:line:col: error|warning: message. Exit 0 when clean, 1 on errors (or warnings with --strict).")

    @Argument(help: "Catalog folder (default: --catalog, $GAIZAO_CATALOG, else the shipped catalogs/).")
    public var directory: String?

    @Flag(name: .long, help: "Fail on warnings too.")
    public var strict = false

    @Option(name: .long, help: "Templates folder to check as well (default: the shipped templates/ when linting the shipped catalog).")
    public var templates: String?

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        try OutputGuard.checkNamed([directory], "<directory>")
        try OutputGuard.checkNamed([templates], "--templates")
    }

    public func run() throws {
        let location = try ResourceLocator.catalog(flag: global.catalog, argument: directory)
        var undecodable: [Diagnostic] = []
        let files = try FileIO.catalogFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path), undecodable: &undecodable)
        // A binary or non-UTF-8 file is reported alone: loading without it would add "missing file" cascades.
        let result = undecodable.isEmpty ? CatalogLoader.load(files, runner: ThreadJobRunner()) : nil
        var printer = DiagnosticPrinter()
        for f in files.files.values { printer.add(f) }
        var diagnostics = undecodable + (result?.diagnostics.sorted ?? [])
        let templateCheck = LintExtras.templateDiagnostics(flag: templates, catalogOrigin: location.origin)
        for f in templateCheck.files { printer.add(f) }
        diagnostics += templateCheck.diagnostics
        printer.print(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let failed = errors > 0 || (strict && warnings > 0)
        let path = FileIO.displayPath(location.path)
        if CLILanguage.current == .zh {
            let industries = (result?.summary ?? []).map { "\($0.id) \($0.standard)+\($0.personalized) 个模块、\($0.questions) 题、\($0.rules) 条规则" }
            Console.out("lint \(failed ? "未通过" : "通过")：\(path)：\(errors) 个错误，\(warnings) 个警告；"
                + (industries.isEmpty ? "未载入任何行业" : industries.joined(separator: "；")))
        } else {
            let industries = (result?.summary ?? []).map { "\($0.id) \($0.standard)+\($0.personalized) modules, \($0.questions) questions, \($0.rules) rules" }
            Console.out("lint \(failed ? "FAILED" : "ok"): \(path): \(errors) error(s), \(warnings) warning(s); "
                + (industries.isEmpty ? "no industry loaded" : industries.joined(separator: "; ")))
        }
        if failed { throw ExitCode(1) }
    }
}

enum LintExtras {
    /// Checks the proposal templates: the folder given with `--templates`, else the shipped (or
    /// `$GAIZAO_TEMPLATES`) templates when the catalog linted is the shipped one. Every template must parse
    /// (a parse error is a located `path:line:col: error:`), the proposal templates must exist (the compare
    /// templates should: their absence is a warning), Markdown templates need the TEXT content type, partials
    /// must exist. Returns the files too, for caret snippets.
    static func templateDiagnostics(flag: String?, catalogOrigin: ResourceLocation.Origin) -> (diagnostics: [Diagnostic], files: [SourceFile]) {
        guard flag != nil || catalogOrigin == .shipped else { return ([], []) }
        let location: ResourceLocation
        let files: [String: SourceFile]
        do {
            location = try ResourceLocator.templates(flag: flag)
            files = try FileIO.templateFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path))
        } catch {
            return ([Diagnostic(.error, "templates: \(error)", at: nil)], [])
        }
        let result = TemplateChecks.check(files, folder: FileIO.displayPath(location.path), recommended: TemplateChecks.comparison)
        return (result.diagnostics, Array(files.values))
    }
}
