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

    /// Writes `html` to a temporary file, prints it to `destination` (atomically: a temporary PDF in the same
    /// folder, then a rename).
    static func print(html: String, to destination: String) throws {
        guard let browser = findBrowser() else { throw CLIError.input(missingBrowserMessage) }
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("gaizao-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let htmlURL = work.appendingPathComponent("proposal.html")
        try Data(html.utf8).write(to: htmlURL)
        let destinationURL = URL(fileURLWithPath: destination)
        try FileManager.default.createDirectory(at: destinationURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temp = destinationURL.deletingLastPathComponent().appendingPathComponent(".\(destinationURL.lastPathComponent).\(UInt32.random(in: 0...UInt32.max)).tmp")
        defer { try? FileManager.default.removeItem(at: temp) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--hide-scrollbars",
            "--user-data-dir=\(work.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(temp.path)", htmlURL.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw CLIError.input("cannot start \(browser): \(error.localizedDescription)") }
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw CLIError.input("\(browser) did not finish printing the PDF within 120 s")
            }
            usleep(50_000)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: temp.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            throw CLIError.input("\(browser) could not print the PDF (exit status \(process.terminationStatus))")
        }
        if rename(temp.path, destinationURL.path) != 0 {
            throw CLIError.input("\(destination): cannot write (\(String(cString: strerror(errno))))")
        }
    }
}
