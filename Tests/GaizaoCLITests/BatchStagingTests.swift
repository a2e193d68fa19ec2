import Foundation
@testable import GaizaoCLI
import Testing

/// The batch's scratch-then-rename folders, in process: what lands in the output folder, and when.
@Suite struct BatchStagingTests {
    static func tempDir() -> String {
        let path = TestScratch.url("staging").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func folderPrefixesPadLikePrintf() {
        for index in [1, 9, 10, 42, 9999, 10000, 99999, 100_000, 1_234_567] {
            #expect(BatchJob.folderPrefix(index) == String(format: "%05d-", index))
        }
    }

    @Test func aFolderAppearsWholeOnlyWhenPublished() throws {
        let out = Self.tempDir()
        let staging = try BatchStaging(outputDirectory: out)
        let folder = try staging.begin(folder: "00001-甲")
        try folder.write("proposal.md", Array("# 甲\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: out + "/00001-甲"), "visible before it is complete")
        try Array("{}\n".utf8).withUnsafeBytes { try folder.write("proposal.json", $0) }
        try folder.publish()
        #expect(Self.contents(out + "/00001-甲/proposal.md") == "# 甲\n")
        #expect(Self.contents(out + "/00001-甲/proposal.json") == "{}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging.scratch) == [BatchStaging.marker])
        staging.removeAll()
        #expect(!FileManager.default.fileExists(atPath: staging.scratch))
    }

    /// A rerun replaces a result folder whole (no file of the old one survives), and restarts a scratch folder
    /// that a killed run left under the same name.
    @Test func rerunsReplaceFoldersWhole() throws {
        let out = Self.tempDir()
        try FileManager.default.createDirectory(atPath: out + "/00002-乙", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: out + "/00002-乙/proposal.html"))
        let staging = try BatchStaging(outputDirectory: out)
        try FileManager.default.createDirectory(atPath: staging.scratch + "/00002-乙", withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: staging.scratch + "/00002-乙/proposal.md"))
        let folder = try staging.begin(folder: "00002-乙")
        try folder.write("proposal.json", Array("new\n".utf8))
        try folder.publish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/00002-乙") == ["proposal.json"])
        #expect(Self.contents(out + "/00002-乙/proposal.json") == "new\n")
    }

    @Test func aFailedFolderIsDiscardedAndTheErrorNamesTheFile() throws {
        let out = Self.tempDir()
        let staging = try BatchStaging(outputDirectory: out)
        let folder = try staging.begin(folder: "00003-丙")
        try folder.write("proposal.md", Array("x".utf8))
        // A file name the file system refuses: longer than NAME_MAX.
        let long = String(repeating: "x", count: 300)
        #expect {
            try folder.write(long, Array("x".utf8))
        } throws: { error in
            "\(error)".contains(staging.scratch + "/00003-丙/" + long + ": cannot write")
        }
        folder.discard()
        #expect(!FileManager.default.fileExists(atPath: staging.scratch + "/00003-丙"))
        #expect(!FileManager.default.fileExists(atPath: out + "/00003-丙"))
    }

    /// Issue 13: totals over a huge batch stop at the ends of `Int` instead of trapping.
    @Test func batchTotalsSaturate() {
        #expect(BatchTotals.sum(Int.max, 1) == Int.max)
        #expect(BatchTotals.sum(Int.min, -1) == Int.min)
        #expect(BatchTotals.sum(2, 3) == 5)
    }

    /// Issue 13: scratch folders of killed runs are removed, a user's folder of a similar name is not.
    @Test func onlyMarkedScratchFoldersAreRemoved() throws {
        let out = Self.tempDir()
        let abandoned = out + "/" + BatchStaging.scratchPrefix + "1-dead"
        try FileManager.default.createDirectory(atPath: abandoned + "/00001-x", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: abandoned + "/" + BatchStaging.marker, contents: Data())
        for user in [".gaizao-staging", BatchStaging.scratchPrefix + "mine"] {
            try FileManager.default.createDirectory(atPath: out + "/" + user, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: out + "/" + user + "/notes.txt", contents: Data("x".utf8))
        }
        let staging = try BatchStaging(outputDirectory: out)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: out + "/.gaizao-staging/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: out + "/" + BatchStaging.scratchPrefix + "mine/notes.txt"))
        staging.removeAll()
        #expect(!FileManager.default.fileExists(atPath: staging.scratch))
        #expect(FileManager.default.fileExists(atPath: out + "/.gaizao-staging/notes.txt"))
    }
}
