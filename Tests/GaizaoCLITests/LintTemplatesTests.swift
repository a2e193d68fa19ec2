import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// `gaizao lint` checks the templates: the shipped ones are clean; a broken folder gives located errors.
@Suite struct LintTemplatesTests {
    @Test func shippedTemplatesAreClean() {
        let result = LintExtras.templateDiagnostics(flag: RenderFixtures.root + "/templates", catalogOrigin: .flag)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.files.count >= 10)
    }

    @Test func aBrokenFolderGivesLocatedErrors() throws {
        let dir = TestScratch.url("lint-templates")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("partials"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<html>\n<body>\n{{#cover}}{{name}}\n</body>\n".write(to: dir.appendingPathComponent("proposal.html.mustache"), atomically: true, encoding: .utf8)
        try "# {{title}}\n".write(to: dir.appendingPathComponent("partials/extra.md.mustache"), atomically: true, encoding: .utf8)
        let result = LintExtras.templateDiagnostics(flag: dir.path, catalogOrigin: .flag)
        let shown = FileIO.displayPath(dir.path)
        #expect(result.diagnostics.map(\.description) == [
            "\(shown)/partials/extra.md.mustache:1:1: error: Markdown template without {{% CONTENT_TYPE: TEXT}}: its text would be HTML-escaped (\" as &quot;)",
            "\(shown)/proposal.html.mustache:5:1: error: template does not parse: a section is never closed (missing {{/name}})",
            "error: missing required template proposal.md.mustache in \(shown)",
            "warning: missing template compare.md.mustache in \(shown): `gaizao compare` needs it (copy it from the shipped templates/)",
            "warning: missing template compare.html.mustache in \(shown): `gaizao compare` needs it (copy it from the shipped templates/)",
        ])
    }

    @Test func aMissingFolderIsAnError() {
        let result = LintExtras.templateDiagnostics(flag: "/no/such/templates", catalogOrigin: .flag)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test func aNonShippedCatalogWithoutTheFlagSkipsTemplates() {
        #expect(LintExtras.templateDiagnostics(flag: nil, catalogOrigin: .flag).diagnostics.isEmpty)
    }
}
