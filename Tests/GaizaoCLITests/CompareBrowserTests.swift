import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// Prints each pinned comparison's HTML with headless Chromium, as the proposal's is checked: the PDF text holds
/// the enterprise and every column label, and a screenshot is not blank. Skipped without the tools.
@Suite(.serialized, .enabled(if: PDFTools.available,
                             "needs chromium (or google-chrome) and pdftotext on PATH: apt-get install chromium fonts-noto-cjk poppler-utils"))
struct CompareBrowserTests {
    @Test(arguments: CompareFixtures.Case.allCases) func printedPDFHoldsTheEnterpriseAndEveryLabel(_ c: CompareFixtures.Case) throws {
        let comparison = try CompareFixtures.comparison(c, lang: .zh)
        let dir = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/comparison.pdf"
        try PDFPrinter.print(html: CompareFixtures.renderer.html(comparison, lang: .zh), to: pdf)
        // -raw: in content order, so a name wrapped in its cell is not interleaved with the long reasons beside it.
        let text = PDFTools.squashed(try PDFTools.run("pdftotext", ["-raw", pdf, "-"]))
        #expect(text.contains(PDFTools.squashed(comparison.enterprise)))
        for column in comparison.columns {
            #expect(text.contains(PDFTools.squashed(column.label)), "\(c): label \(column.label) is not in the PDF")
        }
        // The module matrix made it to paper: every module name is printed.
        for row in comparison.modules {
            #expect(text.contains(PDFTools.squashed(row.name.zh)), "\(c): \(row.name.zh) is not in the PDF")
        }
    }

    @Test(arguments: CompareFixtures.Case.allCases) func screenshotIsNotBlank(_ c: CompareFixtures.Case) throws {
        let dir = try PDFTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = dir + "/comparison.html", blank = dir + "/blank.html"
        try CompareFixtures.renderer.html(try CompareFixtures.comparison(c, lang: .zh), lang: .zh).write(toFile: html, atomically: true, encoding: .utf8)
        try "<!DOCTYPE html><html><body></body></html>".write(toFile: blank, atomically: true, encoding: .utf8)
        let shot = try PDFTools.screenshot(html, in: dir, name: "page.png")
        let empty = try PDFTools.screenshot(blank, in: dir, name: "blank.png")
        #expect(shot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A white page compresses to almost nothing; text and tables do not.
        #expect(shot.count > 10 * empty.count, "\(c): screenshot \(shot.count) bytes vs blank \(empty.count) bytes")
    }
}
