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
