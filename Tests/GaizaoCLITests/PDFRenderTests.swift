import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// Prints each example's HTML with headless Chromium and reads the PDF back with pdftotext; takes a screenshot
/// and checks it is not blank. Skipped when the tools are missing (.ci/run installs chromium, fonts-noto-cjk
/// and poppler-utils).
@Suite(.serialized, .enabled(if: PDFTools.available,
                             "needs chromium (or google-chrome) and pdftotext on PATH: apt-get install chromium fonts-noto-cjk poppler-utils"))
struct PDFRenderTests {
    @Test(arguments: RenderFixtures.examples) func printedPDFHoldsTheKeyFacts(example: String) throws {
        let proposal = try RenderFixtures.proposal(example)
        let dir = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/\(example).pdf"
        try PDFPrinter.print(html: RenderFixtures.renderer.html(proposal, lang: .zh), to: pdf)
        let text = PDFTools.squashed(try PDFTools.run("pdftotext", [pdf, "-"]))
        #expect(text.contains(PDFTools.squashed(proposal.enterprise.name)))
        for module in proposal.modules where module.status.isSelected {
            #expect(text.contains(PDFTools.squashed(module.name.zh)), "\(example): \(module.name.zh) is not in the PDF")
        }
        let subsidyTotal = RenderFormat(.zh).money(proposal.totals.subsidy.range)
        #expect(text.contains(PDFTools.squashed(subsidyTotal)), "\(example): subsidy total \(subsidyTotal) is not in the PDF")
    }

    /// Issue 16: the main body of the midsize and advanced examples takes at most 14 A4 pages in either language;
    /// the appendices follow, the first titled "附录A" / "Appendix A" at the top of its own page.
    @Test(arguments: ["auto-parts-midsize", "auto-parts-advanced", "home-appliance-midsize", "home-appliance-advanced"], Lang.allCases)
    func mainBodyFitsFourteenPages(example: String, lang: Lang) throws {
        let dir = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/\(example).pdf"
        try PDFPrinter.print(html: RenderFixtures.renderer.html(try RenderFixtures.proposal(example), lang: lang), to: pdf)
        let pages = try PDFTools.run("pdftotext", ["-layout", pdf, "-"]).components(separatedBy: "\u{0C}")
        let title = lang == .zh ? "附录A" : "Appendix A"
        let appendix = pages.firstIndex { page in
            page.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(title) }
        }
        let first = try #require(appendix, "\(example) \(lang): no page starts \(title)")
        #expect(first <= 14, "\(example) \(lang): the main body takes \(first) pages")
    }

    @Test(arguments: RenderFixtures.examples) func screenshotIsNotBlank(example: String) throws {
        let dir = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = dir + "/proposal.html", blank = dir + "/blank.html"
        try RenderFixtures.renderer.html(try RenderFixtures.proposal(example), lang: .zh).write(toFile: html, atomically: true, encoding: .utf8)
        try "<!DOCTYPE html><html><body></body></html>".write(toFile: blank, atomically: true, encoding: .utf8)
        let shot = try PDFTools.screenshot(html, in: dir, name: "page.png")
        let empty = try PDFTools.screenshot(blank, in: dir, name: "blank.png")
        #expect(shot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A white page compresses to almost nothing; text, tables and charts do not.
        #expect(shot.count > 10 * empty.count, "\(example): screenshot \(shot.count) bytes vs blank \(empty.count) bytes")
    }
}

enum PDFTools {
    static var available: Bool { PDFPrinter.findBrowser() != nil && executable("pdftotext") != nil }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func temporaryFolder() throws -> String {
        let dir = TestScratch.path("pdf-test")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Text without any whitespace: PDF extraction breaks lines wherever the layout wrapped them.
    static func squashed(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable(tool) ?? tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func screenshot(_ html: String, in dir: String, name: String) throws -> Data {
        let browser = PDFPrinter.findBrowser()!
        let out = dir + "/" + name
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600",
                             "--user-data-dir=\(dir)/profile-\(name)", "--screenshot=\(out)", URL(fileURLWithPath: html).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return FileManager.default.contents(atPath: out) ?? Data()
    }
}
