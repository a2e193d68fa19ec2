import Foundation
import Testing
@testable import GaizaoCLI
import GaizaoCore

/// `gaizao diagnose` end to end: the default formats, --templates, and the errors around them.
@Suite struct DiagnoseRenderTests {
    static func temporaryFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gaizao-diagnose-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let example = RenderFixtures.root + "/examples/home-appliance-midsize.yaml"

    @Test func writesMarkdownHTMLAndJSONByDefault() async throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let code = await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir, "--lang", "en"])
        #expect(code == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(files == ["home-appliance-midsize.html", "home-appliance-midsize.json", "home-appliance-midsize.md"])
        let md = try String(contentsOfFile: dir + "/home-appliance-midsize.md", encoding: .utf8)
        let expected = RenderFixtures.renderer.markdown(try RenderFixtures.proposal("home-appliance-midsize"), lang: .en)
        #expect(md == expected)
    }

    @Test func contractorTemplatesAreUsed() async throws {
        let dir = try Self.temporaryFolder(), templates = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: templates) }
        try "{{% CONTENT_TYPE: TEXT}}\nBRANDED {{cover.enterpriseName}} {{summary.subsidy}}\n"
            .write(toFile: templates + "/proposal.md.mustache", atomically: true, encoding: .utf8)
        try "<p>{{title}}</p>\n".write(toFile: templates + "/proposal.html.mustache", atomically: true, encoding: .utf8)
        let code = await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir, "--format", "md", "--templates", templates, "--target-level", "none"])
        #expect(code == 0)
        let md = try String(contentsOfFile: dir + "/home-appliance-midsize.md", encoding: .utf8)
        // The headline subsidy is the certain tier: the pilot is still being applied for (conditional).
        #expect(md == "BRANDED 慈溪戊己电器股份有限公司 23.54–30 万元\n")
    }

    @Test func brokenTemplatesWriteNothingAndExitOne() async throws {
        let dir = try Self.temporaryFolder(), templates = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: templates) }
        try "{{% CONTENT_TYPE: TEXT}}\n{{#open}}\n".write(toFile: templates + "/proposal.md.mustache", atomically: true, encoding: .utf8)
        try "<p>{{title}}</p>\n".write(toFile: templates + "/proposal.html.mustache", atomically: true, encoding: .utf8)
        let code = await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", dir, "--format", "md", "--templates", templates, "--target-level", "none"])
        #expect(code == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func pdfToStandardOutputIsAUsageError() async {
        #expect(await GaizaoCommand.run(arguments: ["diagnose", Self.example, "-o", "-", "--format", "pdf"]) == 2)
    }

    /// With no CJK font the PDF would be all boxes: detected through fontconfig, refused with the install command.
    @Test func missingCJKFontIsDetected() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let conf = dir + "/fonts.conf"
        try "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>\(dir)/cache</cachedir></fontconfig>\n".write(toFile: conf, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["FONTCONFIG_FILE"] = conf
        // Nil only where fc-list is not installed at all (nothing to check with).
        if let found = PDFPrinter.hasCJKFont(environment: env) { #expect(found == false) }
        #expect(PDFPrinter.missingCJKFontMessage.contains("apt-get install fonts-noto-cjk"))
    }

    @Test func missingBrowserMessageSaysHowToInstallOne() {
        #expect(PDFPrinter.findBrowser(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(PDFPrinter.missingBrowserMessage.contains("apt-get install chromium"))
    }
}
