import Foundation
import GaizaoCore

/// Finds, reads and parses the proposal templates a command uses (`--templates`, `$GAIZAO_TEMPLATES`, else the
/// shipped templates/), printing located diagnostics; fails with exit 1 when a template has an error.
struct TemplateSession {
    var location: ResourceLocation
    var renderer: ProposalRenderer

    static func load(flag: String?) throws -> TemplateSession {
        try prepare(flag: flag).finish()
    }

    /// Finds, reads and compiles the templates without printing anything, so it can run on another thread
    /// while the catalog loads; `finish()` then reports exactly what `load` would, in the same place.
    static func prepare(flag: String?) -> Prepared {
        Prepared(Result {
            let location = try ResourceLocator.templates(flag: flag)
            let files = try FileIO.templateFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path))
            // Every check that finds errors, as lint runs them: a template lint rejects is refused here too.
            // Only the warnings are lint's alone.
            let result = ProposalRenderer.load(files, folder: FileIO.displayPath(location.path), thorough: false)
            return (location, files, result)
        })
    }

    struct Prepared: Sendable {
        let loaded: Result<(ResourceLocation, [String: SourceFile], ProposalRenderer.LoadResult), Error>

        init(_ loaded: Result<(ResourceLocation, [String: SourceFile], ProposalRenderer.LoadResult), Error>) {
            self.loaded = loaded
        }

        func finish() throws -> TemplateSession {
            let (location, files, result) = try loaded.get()
            try TemplateSession.report(result.diagnostics, in: files, at: location, failed: result.renderer == nil)
            return TemplateSession(location: location, renderer: result.renderer!)
        }
    }

    /// Prints the templates' located diagnostics; when they failed to load, says so and stops (exit 1).
    static func report(_ diagnostics: [Diagnostic], in files: [String: SourceFile], at location: ResourceLocation, failed: Bool) throws {
        var printer = DiagnosticPrinter()
        for f in files.values { printer.add(f) }
        printer.print(diagnostics)
        if failed {
            Console.err("the templates at \(location.describe) have errors; nothing was written")
            throw CLIError.reported
        }
    }
}

extension FileIO {
    /// Every `*.mustache` file below `root`, keyed by its path relative to `root`. A folder below it that cannot
    /// be read is an error naming it, not a folder of templates silently left out.
    static func templateFiles(at root: String, displayPrefix: String, entries: FolderLister = FileIO.folderEntries) throws -> [String: SourceFile] {
        var files: [String: SourceFile] = [:]
        try walk(root, displayPrefix: displayPrefix, entries: entries) { relative in
            guard relative.hasSuffix(".mustache") else { return }
            if files.count >= 500 { throw CLIError.input("\(root): more than 500 templates; is this a templates folder?") }
            let display = displayPrefix.isEmpty || displayPrefix == "." ? relative : displayPrefix + "/" + relative
            try requireInside(root, relative, display: display)
            files[relative] = try readText(root + "/" + relative, display: display)
        }
        return files
    }
}
