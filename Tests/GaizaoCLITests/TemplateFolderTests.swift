import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// Contractors' template and catalog folders: what lint rejects, the commands that render refuse; a folder that
/// cannot be read is an error naming it, never a folder silently left out.
@Suite struct TemplateFolderTests {
    static let root = GaizaoBinary.repositoryRoot
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    static func tempDir() -> URL {
        let dir = TestScratch.url("template-folder")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A copy of the shipped templates in a fresh folder, changed by `change`.
    static func templates(in dir: URL, _ change: (URL) throws -> Void) throws -> URL {
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: root.appendingPathComponent("templates"), to: templates)
        try change(templates)
        return templates
    }

    static func append(_ text: String, to file: URL) throws {
        try (try String(contentsOf: file, encoding: .utf8) + text).write(to: file, atomically: true, encoding: .utf8)
    }

    // MARK: Defect 1: diagnose and batch rendered templates that lint rejects

    @Test func diagnoseAndBatchRefuseAMissingPartial() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = try Self.templates(in: dir) { try FileManager.default.removeItem(at: $0.appendingPathComponent("partials/module-card.md.mustache")) }
        let lint = try GaizaoBinary.run(["lint", "--templates", templates.path])
        #expect(lint.status == 1 && lint.stderr.contains("error: partial `partials/module-card.md` does not exist"), "\(lint.stderr)")
        let out = dir.appendingPathComponent("d")
        let diagnose = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", out.path, "--templates", templates.path])
        #expect(diagnose.status == 1, "\(diagnose.stdout)")
        #expect(diagnose.stderr.contains("proposal.md.mustache:"), "located: \(diagnose.stderr)")
        #expect(diagnose.stderr.contains("error: partial `partials/module-card.md` does not exist"), "\(diagnose.stderr)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(written.isEmpty, "nothing written: \(written)")
        let batchOut = dir.appendingPathComponent("b")
        let batch = try GaizaoBinary.run(["batch", Self.example("auto-parts-midsize.yaml"), "-o", batchOut.path, "--templates", templates.path])
        #expect(batch.status == 1 && batch.stderr.contains("error: partial `partials/module-card.md` does not exist"), "\(batch.stdout)\(batch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: batchOut.appendingPathComponent("auto-parts-midsize").path))
    }

    // MARK: Defect 2: HTML templates could turn escaping off

    @Test func anHTMLTemplateThatTurnsEscapingOffIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, change) in [("text", { (t: URL) in
                                    let html = t.appendingPathComponent("proposal.html.mustache")
                                    try ("{{% CONTENT_TYPE: TEXT}}\n" + String(contentsOf: html, encoding: .utf8)).write(to: html, atomically: true, encoding: .utf8)
                                }),
                               ("triple", { (t: URL) in try Self.append("<p>{{{title}}}</p>\n", to: t.appendingPathComponent("partials/module-card.html.mustache")) })] {
            let sub = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let templates = try Self.templates(in: sub, change)
            let lint = try GaizaoBinary.run(["lint", "--templates", templates.path])
            #expect(lint.status == 1 && lint.stderr.contains("would reach the page as markup"), "\(name): \(lint.stderr)")
            let out = sub.appendingPathComponent("out")
            let diagnose = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", out.path, "--templates", templates.path])
            #expect(diagnose.status == 1 && diagnose.stderr.contains("would reach the page as markup"), "\(name): \(diagnose.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("auto-parts-midsize.html").path))
        }
    }

    // MARK: Defect 3: unreadable folders were skipped without a word

    /// The listing of a folder fails (as `chmod 000` makes it for a user other than root): injected here, since
    /// the tests run as root, for whom permissions do not stop reads.
    static func denying(_ suffix: String) -> FileIO.FolderLister {
        { path in path.hasSuffix(suffix) ? .failure(FileIO.Errno(EACCES)) : FileIO.folderEntries(path) }
    }

    @Test func anUnreadableTemplatesSubfolderIsAnError() throws {
        let shipped = Self.root.appendingPathComponent("templates").path
        #expect(try FileIO.templateFiles(at: shipped, displayPrefix: "templates").count > 20)
        #expect {
            _ = try FileIO.templateFiles(at: shipped, displayPrefix: "templates", entries: Self.denying("/partials"))
        } throws: { "\($0)" == "templates/partials: cannot be read (permission denied)" }
        #expect {
            _ = try FileIO.templateFiles(at: shipped, displayPrefix: "templates", entries: Self.denying("/templates"))
        } throws: { "\($0)" == "templates: cannot be read (permission denied)" }
    }

    @Test func anUnreadableCatalogSubfolderIsAnError() throws {
        let shipped = Self.root.appendingPathComponent("catalogs").path
        var undecodable: [Diagnostic] = []
        let all = try FileIO.catalogFiles(at: shipped, displayPrefix: "catalogs", undecodable: &undecodable)
        let folders = Set(all.files.keys.compactMap { $0.split(separator: "/").dropLast().last.map(String.init) })
        #expect(!folders.isEmpty)
        for folder in folders.sorted() {
            #expect {
                _ = try FileIO.catalogFiles(at: shipped, displayPrefix: "catalogs", undecodable: &undecodable, entries: Self.denying("/" + folder))
            } throws: { "\($0)".hasPrefix("catalogs/") && "\($0)".hasSuffix("/\(folder): cannot be read (permission denied)") }
        }
    }

    /// The same through the file system, where it can be: as a user other than root.
    @Test(.enabled(if: getuid() != 0, "runs as root, for whom chmod 000 does not stop reads (the injected tests above cover it)"))
    func aFolderWithoutPermissionsIsAnError() throws {
        let dir = Self.tempDir()
        defer { chmod(dir.appendingPathComponent("templates/partials").path, 0o755); try? FileManager.default.removeItem(at: dir) }
        let templates = try Self.templates(in: dir) { _ in }
        #expect(chmod(templates.appendingPathComponent("partials").path, 0) == 0)
        #expect {
            _ = try FileIO.templateFiles(at: templates.path, displayPrefix: "t")
        } throws: { "\($0)" == "t/partials: cannot be read (permission denied)" }
    }

    // MARK: Links out of the folder

    /// A partial that is a link to a file outside the templates folder would print that file into every
    /// proposal: lint and diagnose refuse it, naming the link and where it leads; a link within the folder is read.
    @Test func aTemplateLinkedOutOfTheFolderIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        try "SECRET-LINE\n".write(to: secret, atomically: true, encoding: .utf8)
        let card = "partials/module-card.md.mustache"
        let templates = try Self.templates(in: dir) { t in
            try FileManager.default.removeItem(at: t.appendingPathComponent(card))
            try FileManager.default.createSymbolicLink(atPath: t.appendingPathComponent(card).path, withDestinationPath: secret.path)
        }
        let lint = try GaizaoBinary.run(["lint", "--templates", templates.path])
        #expect(lint.status == 1 && lint.stderr.contains("\(card): a link to \(FileIO.realPath(secret.path)!), outside the folder"), "\(lint.stderr)")
        let out = dir.appendingPathComponent("out")
        let diagnose = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", out.path, "--templates", templates.path, "--lang", "zh"])
        #expect(diagnose.status == 1 && diagnose.stderr.contains("是指向文件夹之外"), "\(diagnose.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("auto-parts-midsize.md").path))

        // Within the folder: a link to the folder's own copy is read as the file.
        let inside = try Self.templates(in: dir.appendingPathComponent("inside")) { t in
            try FileManager.default.moveItem(at: t.appendingPathComponent(card), to: t.appendingPathComponent("shared-card.mustache.txt"))
            try FileManager.default.createSymbolicLink(atPath: t.appendingPathComponent(card).path, withDestinationPath: "../shared-card.mustache.txt")
        }
        let files = try FileIO.templateFiles(at: inside.path, displayPrefix: "t")
        #expect(files[card] != nil)
    }

    /// The same for a catalog folder: a YAML file linked out of it is an error.
    @Test func aCatalogFileLinkedOutOfTheFolderIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogs = dir.appendingPathComponent("catalogs")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("catalogs"), to: catalogs)
        let outside = dir.appendingPathComponent("outside.yaml")
        try "a: 1\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: catalogs.appendingPathComponent("extra.yaml").path, withDestinationPath: outside.path)
        var undecodable: [Diagnostic] = []
        #expect {
            _ = try FileIO.catalogFiles(at: catalogs.path, displayPrefix: "c", undecodable: &undecodable)
        } throws: { "\($0)".hasPrefix("c/extra.yaml: a link to ") && "\($0)".hasSuffix(", outside the folder; copy the file into the folder") }
    }

    /// Files each under the per-file limit that add up past the folder's limit are refused before any is parsed
    /// (80 MB of overlays took a diagnose a minute).
    @Test func aCatalogFolderBeyondItsTotalSizeIsRefused() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogs = dir.appendingPathComponent("catalogs")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("catalogs"), to: catalogs)
        let comment = String(repeating: "# " + String(repeating: "x", count: 1000) + "\n", count: 3_000)  // ~3 MB
        let perFile = comment.utf8.count
        #expect(perFile < FileIO.maxInputBytes)
        for n in 0...(FileIO.maxCatalogBytes / perFile) {
            try comment.write(to: catalogs.appendingPathComponent("overlays/bulk-\(n).yaml"), atomically: false, encoding: .utf8)
        }
        let out = dir.appendingPathComponent("out")
        let run = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--catalog", catalogs.path, "-o", out.path])
        #expect(!run.crashed && run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("the YAML files add up to more than the limit of \(FileIO.maxCatalogBytes) bytes"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
