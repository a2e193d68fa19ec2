import Foundation
import Testing

/// Defects a later hostile-input sweep found (a batch that no signal stopped, a wizard that could save nothing,
/// a user's file deleted to make room, unclear messages): each test failed before its fix.
@Suite struct HostileSweepTests {
    static func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gaizao-sweep-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `gaizao batch - -o DIR` typed at a terminal without `< FILE`, or fed by a pipe that sends nothing: Ctrl-C (or
    /// a SIGTERM) stops it with 130, as it stops a batch at work, instead of the read being restarted for ever.
    @Test(arguments: [SIGINT, SIGTERM]) func aBatchWaitingOnStandardInputStopsOnASignal(_ signal: Int32) throws {
        let dir = Self.tempDir()
        let silent = Pipe()  // the write end stays open and nothing is written
        let process = try GaizaoBinary.start(["batch", "-", "-o", "out"], in: dir, stdin: silent.fileHandleForReading)
        usleep(1_500_000)  // the catalog is loaded and standard input waited on
        kill(process.processIdentifier, signal)
        let ended = GaizaoBinary.waitForExit(process, seconds: 10)
        #expect(ended, "still waiting on standard input 10 s after the signal")
        #expect(process.terminationStatus == 130)
        try silent.fileHandleForWriting.close()
    }

    /// A line that never ends (`gaizao batch - < /dev/zero`) is skipped without being held, and a signal still stops
    /// the batch.
    @Test func aLineThatNeverEndsDoesNotOutliveASignal() throws {
        let dir = Self.tempDir()
        let process = try GaizaoBinary.start(["batch", "-", "-o", "out"], in: dir,
                                             stdin: try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/zero")))
        usleep(1_500_000)
        kill(process.processIdentifier, SIGTERM)
        let ended = GaizaoBinary.waitForExit(process, seconds: 10)
        #expect(ended, "still reading /dev/zero 10 s after SIGTERM")
        #expect(process.terminationStatus == 130)
    }
}
