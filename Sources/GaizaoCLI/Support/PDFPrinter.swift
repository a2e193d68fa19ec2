import Foundation

/// Prints an HTML proposal to PDF with a headless Chromium found on PATH. Without one, a clear message says
/// how to install it.
enum PDFPrinter {
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first Chromium-like browser on PATH.
    static func findBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in browserNames {
            for dir in path.split(separator: ":") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static var missingBrowserMessage: String {
        "--format pdf needs a headless Chromium on PATH (chromium, chromium-browser or google-chrome); "
            + "install one (Debian/Ubuntu: `apt-get install chromium`), or write html and print it from a browser"
    }

    static var missingCJKFontMessage: String {
        "--format pdf needs a Chinese (CJK) font, or every Chinese character prints as a box; none was found "
            + "(`fc-list :lang=zh` lists nothing). Install one (Debian/Ubuntu: `apt-get install fonts-noto-cjk`), "
            + "or write html and print it from a browser"
    }

    /// Whether fontconfig knows a font covering Chinese, as Chromium will look it up: `fc-list :lang=zh family`
    /// with the caller's environment (so FONTCONFIG_FILE and friends apply). Nil when fc-list cannot be run: the
    /// check cannot tell, and printing goes ahead.
    static func hasCJKFont(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let fcList = path.split(separator: ":").map({ "\($0)/fc-list" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = [":lang=zh", "family"]
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return !String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Refuses to print when no browser or no CJK font is installed, with the command that installs it.
    static func checkPrerequisites() throws {
        guard findBrowser() != nil else { throw CLIError.input(missingBrowserMessage) }
        if hasCJKFont() == false { throw CLIError.input(missingCJKFontMessage) }
    }

    /// Writes `html` to a temporary file and prints it to `destination` (a scratch path of `OutputSet`);
    /// messages name the user's file, `display`. What the browser wrote is accepted only if it is a PDF.
    static func print(html: String, to destination: String, display shown: String? = nil) throws {
        let display = shown ?? destination
        guard let browser = findBrowser() else { throw CLIError.input(missingBrowserMessage) }
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("gaizao-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: work.appendingPathComponent("proposal.html"))
        } catch {
            throw CLIError.input("\(display): cannot prepare the PDF (\(FileIO.reason(error)))")
        }
        defer { try? FileManager.default.removeItem(at: work) }
        let htmlURL = work.appendingPathComponent("proposal.html")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(destination)", htmlURL.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw CLIError.input("cannot start \(browser): \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw CLIError.input("\(display): \(browser) did not finish printing the PDF within 120 s")
            }
            usleep(50_000)
        }
        guard process.terminationStatus == 0 else {
            throw CLIError.input("\(display): \(browser) could not print the PDF (exit status \(process.terminationStatus))")
        }
        let bytes = FileManager.default.contents(atPath: destination) ?? Data()
        guard isPDF(bytes) else { throw CLIError.input("\(display): " + CLIMessages.pdfNotAPDF(browser, bytes: bytes.count)) }
    }

    /// A complete PDF file: the `%PDF-` header, a plausible size, and the `%%EOF` marker near its end (a printer
    /// that stops midway, or writes an error page as text, gives neither).
    static func isPDF(_ data: Data) -> Bool {
        guard data.count >= 64, data.starts(with: Array("%PDF-".utf8)) else { return false }
        let tail = data.suffix(1024)
        return tail.range(of: Data("%%EOF".utf8)) != nil
    }
}
