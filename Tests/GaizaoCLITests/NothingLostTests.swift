import Foundation
import Testing
@testable import GaizaoCLI

/// Issue 13, "nothing lost, nothing crashes", on the real binary: outputs never overwrite inputs, output sets are
/// written whole, batch runs cannot clash, templates and control characters cannot crash or drive the terminal.
@Suite struct NothingLostTests {
    static let root = GaizaoBinary.repositoryRoot
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    static func tempDir() -> URL {
        let url = TestScratch.url("13")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func bytes(_ url: URL) -> Data? { FileManager.default.contents(atPath: url.path) }

    /// The midsize example as JSON answers (as a user might keep them).
    static func jsonAnswers(in dir: URL, name: String = "firm.json") throws -> URL {
        let yaml = try String(contentsOfFile: example("auto-parts-midsize.yaml"), encoding: .utf8)
        let url = dir.appendingPathComponent(name)
        try Self.answersJSON(fromYAML: yaml).write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The example's answers as JSON, converted by hand for the few shapes it uses (scalars and flow lists).
    static func answersJSON(fromYAML yaml: String) -> String {
        var answers: [String] = []
        var industry = "", date = ""
        var inAnswers = false
        for raw in yaml.split(separator: "\n") {
            let line = String(raw)
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            if line.hasPrefix("industry:") { industry = line.dropFirst(9).trimmingCharacters(in: .whitespaces); continue }
            if line.hasPrefix("date:") { date = line.dropFirst(5).trimmingCharacters(in: .whitespaces); continue }
            if line.hasPrefix("answers:") { inAnswers = true; continue }
            guard inAnswers, line.hasPrefix("  "), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: "  #") { value = String(value[..<hash.lowerBound]) }
            let json: String
            if value.hasPrefix("[") {
                let items = value.dropFirst().dropLast().split(separator: ",").map { "\"\($0.trimmingCharacters(in: .whitespaces))\"" }
                json = "[" + items.joined(separator: ",") + "]"
            } else if value == "true" || value == "false" || Double(value) != nil {
                json = value
            } else {
                json = "\"" + value.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) + "\""
            }
            answers.append("\"\(key)\": \(json)")
        }
        return "{\"gaizao_answers\": 1, \"industry\": \"\(industry)\", \"date\": \"\(date)\", \"answers\": {\(answers.joined(separator: ", "))}}\n"
    }

    // MARK: 1. An output never overwrites an input

    /// swift-corelibs-foundation's `NSString.deletingLastPathComponent` traps on a one-character relative path:
    /// `compare a b`, `batch a -o out` and `wizard --answers a` crashed with a backtrace in the output guard.
    @Test func oneCharacterPathsAreNotACrash() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compare = try GaizaoBinary.run(["compare", "a", "b", "--lang", "en"], in: dir)
        #expect(compare.status == 1 && compare.stderr.hasPrefix("error: a: no such file\n"), "\(compare.stderr)")
        let batch = try GaizaoBinary.run(["batch", "a", "-o", "o", "--lang", "en"], in: dir)
        #expect(batch.status == 1 && batch.stderr.contains("a: error: no such file or folder"), "\(batch.stderr)")
        let wizard = try GaizaoBinary.run(["wizard", "--answers", "a", "--lang", "en"], in: dir, stdin: URL(fileURLWithPath: "/dev/null"))
        #expect(wizard.status == 1 && !wizard.stderr.contains("crash"), "\(wizard.stderr)")
        #expect(OutputGuard.canonicalPath("a") == OutputGuard.canonicalPath("./a"))
        for (path, folder) in [("a", ""), ("a/", ""), ("x/a", "x"), ("/a", "/"), ("./a", "."), ("x//a", "x"), ("/", "/"), ("x/y/", "x")] {
            #expect(FileIO.folderPart(of: path) == folder, "\(path)")
        }
    }

    /// A path given empty (`"$FILE"` with the variable unset) is a usage error naming the argument: before, the
    /// wizard asked questions it could not save (`Cannot save the answers: : cannot write`, the typed answers lost),
    /// `--catalog ""` read the working folder as the catalog, and the others said `error: : no such file`.
    @Test func aPathGivenEmptyIsAUsageError() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let answers = Self.example("auto-parts-midsize.yaml")
        for (arguments, name) in [
            (["diagnose", ""], "<answers>"), (["explain", ""], "<answers>"), (["compare", "", answers], "<proposals>"),
            (["batch", "", "-o", "o"], "<inputs>"), (["summary", "", "-o", "s"], "<folders>"), (["wizard", "--answers", ""], "--answers"),
            (["diagnose", answers, "--peers", "", "-o", "o"], "--peers"), (["diagnose", answers, "--catalog", "", "-o", "o"], "--catalog"),
            (["diagnose", answers, "--templates", "", "-o", "o"], "--templates"), (["lint", ""], "<directory>"), (["lint", "--templates", ""], "--templates"),
        ] {
            let r = try GaizaoBinary.run(arguments + ["--lang", "en"], in: dir, stdin: URL(fileURLWithPath: "/dev/null"))
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.hasPrefix("Error: `\(name)` was given empty (an unset shell variable?): give a path"), "\(arguments): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // An answers file named like a folder was saved as `new` and written over empty on resuming with `new/`.
        let slash = try GaizaoBinary.run(["wizard", "--answers", "new/", "--industry", "auto-parts", "--lang", "en"], in: dir,
                                         stdin: URL(fileURLWithPath: "/dev/null"))
        #expect(slash.status == 2 && slash.stderr.hasPrefix("Error: --answers names the answers file, and `new/` ends with `/` like a folder"), "\(slash.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Standard output that cannot be written (a full disk behind `> file`): Foundation's `FileHandle.write` trapped
    /// ("Fatal error: 'try!' expression unexpectedly raised an error") in every command that prints.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"))) func aFullStandardOutputIsAnErrorNotACrash() throws {
        let answers = Self.example("auto-parts-midsize.yaml")
        for arguments in [["diagnose", answers, "-o", "-", "--format", "md"], ["explain", answers], ["questions", "--industry", "auto-parts", "--template"]] {
            let r = try GaizaoBinary.runIntoFullDevice(arguments + ["--lang", "en"])
            #expect(!r.crashed && r.status == 1, "\(arguments): \(r.stderr)")
            #expect(r.stderr == "error: stdout: cannot write (No space left on device); the output is incomplete\n", "\(arguments): \(r.stderr)")
        }
    }

    @Test func diagnoseRefusesToWriteOverItsJSONAnswers() throws {
        let dir = Self.tempDir()
        let answers = try Self.jsonAnswers(in: dir)
        let before = Self.bytes(answers)
        let r = try GaizaoBinary.run(["diagnose", "firm.json"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("error: ./firm.json: would overwrite the input firm.json"), "\(r.stderr)")
        #expect(Self.bytes(answers) == before)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("firm.md").path), "nothing is written")
        // The same file under another name (a hard link) or through a symbolic link is refused too.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        #expect(link(answers.path, dir.appendingPathComponent("out/firm.json").path) == 0)
        let linked = try GaizaoBinary.run(["diagnose", "firm.json", "-o", "out", "--format", "json"], in: dir)
        #expect(linked.status == 1 && linked.stderr.contains("would overwrite the input firm.json"), "\(linked.stderr)")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("alias.json").path, withDestinationPath: "firm.json")
        let aliased = try GaizaoBinary.run(["diagnose", "alias.json", "--format", "md,json"], in: dir)
        #expect(aliased.status == 1 && aliased.stderr.contains("would overwrite the input alias.json"), "\(aliased.stderr)")
        #expect(Self.bytes(answers) == before)
        // With another output folder it works.
        let fine = try GaizaoBinary.run(["diagnose", "firm.json", "-o", "proposals"], in: dir)
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func wizardRefusesBeforeAskingAnything() throws {
        let dir = Self.tempDir()
        let answers = try Self.jsonAnswers(in: dir, name: "w.json")
        let before = Self.bytes(answers)
        let r = try GaizaoBinary.run(["wizard", "--answers", "w.json"], in: dir)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("./w.json: would overwrite the input w.json"), "\(r.stderr)")
        #expect(Self.bytes(answers) == before)
    }

    @Test func compareAndBatchRefuseToWriteOverTheirInputs() throws {
        let dir = Self.tempDir()
        for name in ["comparison.md", "b.json"] {
            let r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", "-", "--format", "json"])
            try r.stdout.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let before = Self.bytes(dir.appendingPathComponent("comparison.md"))
        let compare = try GaizaoBinary.run(["compare", "comparison.md", "b.json", "--format", "md"], in: dir)
        #expect(compare.status == 1 && compare.stderr.contains("./comparison.md: would overwrite the input comparison.md"), "\(compare.stderr)")
        #expect(Self.bytes(dir.appendingPathComponent("comparison.md")) == before)

        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let csv = "industry,company_name\nauto-parts,甲\n"
        try csv.write(to: out.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let batch = try GaizaoBinary.run(["batch", "out/summary.csv", "-o", "out"], in: dir)
        #expect(batch.status == 1 && batch.stderr.contains("summary.csv: would overwrite the input out/summary.csv"), "\(batch.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8) == csv)
    }

    // MARK: 3. Batch: a lock, numbers that cannot clash, never its own outputs

    @Test func aSecondBatchIntoALockedFolderIsRefused() throws {
        let dir = Self.tempDir()
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Hold the lock as a running batch would.
        let fd = open(out.appendingPathComponent(".gaizao-batch.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        let r = try GaizaoBinary.run(["batch", Self.example("auto-parts-midsize.yaml"), "-o", out.path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("another gaizao batch is writing into this folder"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("summary.csv").path))
        close(fd)
        let after = try GaizaoBinary.run(["batch", Self.example("auto-parts-midsize.yaml"), "-o", out.path])
        #expect(after.status == 0, "\(after.stderr)")
    }

    @Test func aRerunNumbersAfterTheEarlierFoldersAndNeverReadsItsOwnSummary() throws {
        let dir = Self.tempDir()
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["auto-parts-midsize.yaml", "home-appliance-midsize.yaml"] {
            try FileManager.default.copyItem(atPath: Self.example(name), toPath: inputs.appendingPathComponent(name).path)
        }
        // A user's own folder named like the staging folder, and one like the new ones without the marker.
        for userFolder in [".gaizao-staging", ".gaizao-staging-notes"] {
            try FileManager.default.createDirectory(at: inputs.appendingPathComponent(userFolder), withIntermediateDirectories: true)
            try "mine".write(to: inputs.appendingPathComponent(userFolder + "/keep.txt"), atomically: true, encoding: .utf8)
        }
        // Output into the input folder, twice: the second run must not read summary.csv as input.
        let first = try GaizaoBinary.run(["batch", "in", "-o", "in", "--format", "json"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try GaizaoBinary.run(["batch", "in", "-o", "in", "--format", "json"], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("in already holds 2 result folder(s) of an earlier batch: they are kept, and this run numbers its folders from 00003"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: inputs.path).filter { $0.first?.isNumber == true }.sorted()
        #expect(folders.map { String($0.prefix(5)) } == ["00001", "00002", "00003", "00004"])
        let summary = try String(contentsOf: inputs.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 3, "two enterprises, no row for summary.csv: \(summary)")
        #expect(!summary.contains("summary.csv"))
        for userFolder in [".gaizao-staging", ".gaizao-staging-notes"] {
            #expect(FileManager.default.fileExists(atPath: inputs.appendingPathComponent(userFolder + "/keep.txt").path), "\(userFolder) was deleted")
        }
    }

    // MARK: 4. Templates in a batch

    @Test func aTemplateThatExplodesFailsItsRecordsNotTheBatch() throws {
        let dir = Self.tempDir()
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("templates"), to: templates)
        // The standard modules within the standard modules, ten deep: 6¹⁰ passes.
        let bomb = "{{#package}}" + String(repeating: "{{#standard}}", count: 10) + "{{name}} "
            + String(repeating: "{{/standard}}", count: 10) + "{{/package}}\n"
        let html = templates.appendingPathComponent("proposal.html.mustache")
        try (try String(contentsOf: html, encoding: .utf8) + bomb).write(to: html, atomically: true, encoding: .utf8)
        let lint = try GaizaoBinary.run(["lint", "--templates", templates.path])
        #expect(lint.status == 0, "lint accepts it: \(lint.stderr)")
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["batch", Self.example("auto-parts-midsize.yaml"), Self.example("home-appliance-midsize.yaml"),
                                      "-o", out.path, "--templates", templates.path, "--format", "md,html"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("template proposal.html renders more than 32 MB"), "\(r.stderr)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n").count == 3 && summary.contains(",failed,"))
        let diagnose = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", dir.appendingPathComponent("d").path,
                                             "--templates", templates.path])
        #expect(diagnose.status == 1 && !diagnose.crashed && diagnose.stderr.contains("renders more than"), "\(diagnose.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d/auto-parts-midsize.json").path), "no partial set")
    }

    @Test func aSelfIncludingPartialIsALintErrorNotASegfault() throws {
        let dir = Self.tempDir()
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("templates"), to: templates)
        let partial = templates.appendingPathComponent("partials/blockers.md.mustache")
        try (try String(contentsOf: partial, encoding: .utf8) + "{{=<% %>=}}\n<%> partials/blockers.md%>\n").write(to: partial, atomically: true, encoding: .utf8)
        let lint = try GaizaoBinary.run(["lint", "--templates", templates.path])
        #expect(lint.status == 1 && lint.stderr.contains("partials include each other in a cycle"), "\(lint.stderr)")
        let out = dir.appendingPathComponent("out")
        let batch = try GaizaoBinary.run(["batch", Self.example("auto-parts-midsize.yaml"), "-o", out.path, "--templates", templates.path])
        #expect(batch.status == 1 && !batch.crashed)
        #expect(BatchCommandTests.scratchFolders(out).isEmpty, "no staging left behind")
    }

    // MARK: 5. Control characters never reach the terminal, HTML or CSV raw

    @Test func controlCharactersAreRefusedAndNeverPrintedRaw() throws {
        let dir = Self.tempDir()
        let yaml = try String(contentsOfFile: Self.example("auto-parts-midsize.yaml"), encoding: .utf8)
        let hostile = yaml.replacingOccurrences(of: "town: 横河镇", with: "town: \"横河\\e[2J\\a\\x9B31m镇\"")
        try hostile.write(to: dir.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        let r = try GaizaoBinary.run(["diagnose", "hostile.yaml", "-o", "out"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("holds the control character U+001B (ESC)"), "\(r.stderr)")
        #expect(!Self.hasRawControl(r.stderr) && !Self.hasRawControl(r.stdout), "\(r.stderr.debugDescription)")

        // A file whose very name carries an escape sequence, in a batch: stderr, summary.csv and summary.html.
        let evil = dir.appendingPathComponent("evil\u{1B}[2J\u{07}.yaml")
        try "industry: [\n".write(to: evil, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let batch = try GaizaoBinary.run(["batch", evil.path, Self.example("auto-parts-midsize.yaml"), "-o", out.path])
        #expect(batch.status == 1 && !batch.crashed)
        #expect(batch.stderr.contains("evil\\u{1B}[2J\\u{7}.yaml"), "\(batch.stderr.debugDescription)")
        #expect(!Self.hasRawControl(batch.stderr) && !Self.hasRawControl(batch.stdout))
        for file in ["summary.csv", "summary.html"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(!Self.hasRawControl(text), "\(file)")
            #expect(text.contains("evil\\u{1B}[2J"), "\(file)")
        }
    }

    /// The wizard's line mode refuses a typed control character and asks again; nothing raw is echoed.
    @Test func theWizardRefusesTypedControlCharacters() throws {
        let dir = Self.tempDir()
        let input = dir.appendingPathComponent("typed.txt")
        try Data("Evil\u{1B}[2J\u{07}Co\n".utf8).write(to: input)
        let r = try GaizaoBinary.run(["wizard", "--answers", "w.yaml", "--industry", "auto-parts", "--lang", "en"], in: dir, stdin: input)
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stdout.contains("The control character U+001B (ESC) is not allowed."), "\(r.stdout)")
        #expect(!Self.hasRawControl(r.stdout) && !Self.hasRawControl(r.stderr))
        let saved = try String(contentsOf: dir.appendingPathComponent("w.yaml"), encoding: .utf8)
        #expect(!saved.contains("Evil"))
    }

    /// ESC, BEL, NUL, CR or a C1 control (tab and newline are fine).
    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    // MARK: 6. diagnose writes its output set whole

    @Test func aFailedWriteLeavesThePreviousSetIntact() throws {
        let dir = Self.tempDir()
        let answers = dir.appendingPathComponent("firm.yaml")
        try FileManager.default.copyItem(atPath: Self.example("auto-parts-midsize.yaml"), toPath: answers.path)
        let first = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let names = ["firm.md", "firm.html", "firm.json"]
        let before = names.map { Self.bytes(dir.appendingPathComponent("out/" + $0)) }
        // New answers, and a file size limit the HTML (~100 KB) exceeds but the Markdown does not.
        let edited = try String(contentsOf: answers, encoding: .utf8).replacingOccurrences(of: "employees: 150", with: "employees: 151")
        try edited.write(to: answers, atomically: true, encoding: .utf8)
        let limited = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out"], in: dir,
                                           wrapper: ["/bin/sh", "-c", "ulimit -f 80; exec \"$0\" \"$@\""])
        #expect(limited.status == 1 && !limited.crashed, "\(limited.stderr)")
        #expect(limited.stderr.contains("cannot write (File too large)") && limited.stderr.contains("out/firm."), "\(limited.stderr)")
        #expect(!limited.stderr.contains(".tmp") && !limited.stderr.contains(".gaizao-writing"), "names the user's file: \(limited.stderr)")
        #expect(names.map { Self.bytes(dir.appendingPathComponent("out/" + $0)) } == before, "the previous set is intact")
        // Nothing left behind but the set and the ledger of what gaizao wrote (OutputLedger).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted() == (names + [".gaizao-files"]).sorted())
    }

    /// A "browser" that exits 0 but writes 16 bytes is not a PDF printer.
    @Test func aPDFThatIsNotAPDFIsRefused() throws {
        let dir = Self.tempDir()
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("chromium")
        try """
            #!/bin/sh
            for a in "$@"; do case "$a" in --print-to-pdf=*) printf 'not a pdf at all' > "${a#--print-to-pdf=}";; esac; done
            exit 0

            """.write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", "out", "--format", "md,pdf"], in: dir,
                                     environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("out/auto-parts-midsize.pdf: \(fake.path) did not print a PDF (it wrote 16 bytes"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/auto-parts-midsize.md").path), "nothing of the set is written")
    }

    // MARK: 7. Smaller items

    @Test func permissionBudgetAndEncodingMessages() throws {
        let dir = Self.tempDir()
        let locked = dir.appendingPathComponent("locked.yaml")
        try FileManager.default.copyItem(atPath: Self.example("auto-parts-midsize.yaml"), toPath: locked.path)
        chmod(locked.path, 0o000)
        chmod(dir.path, 0o755)
        // As root every file is readable: run as `nobody` then.
        let asUser = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        if geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            let r = try GaizaoBinary.run(["diagnose", locked.path, "-o", "-", "--format", "json"], wrapper: asUser)
            #expect(r.status == 1 && r.stderr.contains("locked.yaml: cannot be read (permission denied)"), "\(r.stderr)")
        }

        let budget = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--budget", "99999999999999", "-o", "-", "--format", "json"])
        #expect(budget.status == 2)
        #expect(budget.stderr.contains("--budget 99999999999999 万元 is out of range: it must be less than 1000000 万元"), "\(budget.stderr)")

        // A CSV saved by a spreadsheet in GB18030: 横河镇 in its bytes. It is read (issue 17); the row lacks answers.
        var csv = Array("industry,company_name\nauto-parts,".utf8)
        csv += [0xBA, 0xE1, 0xBA, 0xD3, 0xD5, 0xF2, 0x0A]
        let file = dir.appendingPathComponent("firms.csv")
        try Data(csv).write(to: file)
        let batch = try GaizaoBinary.run(["batch", file.path, "-o", dir.appendingPathComponent("out").path])
        #expect(batch.status == 1 && !batch.crashed)
        #expect(batch.stderr.contains("firms.csv:2:1: error: missing required answer `employees`") && !batch.stderr.contains("UTF-8"), "\(batch.stderr)")
        // Bytes that are neither UTF-8 nor GB18030 (0xFF): located, with what to do.
        try Data(Array("industry,company_name\nauto-parts,".utf8) + [0xFF, 0xFF, 0x0A]).write(to: file)
        let bad = try GaizaoBinary.run(["batch", file.path, "-o", dir.appendingPathComponent("out2").path])
        #expect(bad.status == 1 && !bad.crashed)
        #expect(bad.stderr.contains("firms.csv:2:12: error: neither UTF-8 nor GB18030 text (byte 34 of the file, line 2)"), "\(bad.stderr)")
        #expect(bad.stderr.contains("CSV UTF-8"))
    }

    // MARK: 8. Only gaizao's own earlier output is replaced

    /// diagnose replaces its own unchanged output, keeps a proposal edited since (and writes nothing), recognises
    /// output written before the ledger existed, and keeps a user's file of an output's name.
    @Test func diagnoseReplacesOnlyItsOwnUnchangedOutput() throws {
        let dir = Self.tempDir()
        try FileManager.default.copyItem(atPath: Self.example("auto-parts-midsize.yaml"), toPath: dir.appendingPathComponent("firm.yaml").path)
        let first = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out", "--lang", "en"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let ledger = try String(contentsOf: dir.appendingPathComponent("out/.gaizao-files"), encoding: .utf8)
        #expect(ledger.contains("  firm.md\n") && ledger.contains("  firm.json\n") && ledger.contains("  firm.html\n"), "\(ledger)")
        let again = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out", "--lang", "en"], in: dir)
        #expect(again.status == 0, "\(again.stderr)")

        // Edited in place since: kept, and the other formats are not written either.
        let md = dir.appendingPathComponent("out/firm.md"), html = dir.appendingPathComponent("out/firm.html")
        try Data("# 我的批注\n".utf8).write(to: md)
        let htmlBefore = Self.bytes(html)
        let edited = try GaizaoBinary.run(["diagnose", "firm.yaml", "--target-level", "3", "-o", "out", "--lang", "en"], in: dir)
        #expect(edited.status == 1 && !edited.crashed)
        #expect(edited.stderr.contains("out/firm.md: changed since gaizao wrote it; it was kept and nothing was written"), "\(edited.stderr)")
        #expect(Self.bytes(md) == Data("# 我的批注\n".utf8) && Self.bytes(html) == htmlBefore)
        let zh = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("out/firm.md：gaizao 写出后已被修改；已保留该文件"), "\(zh.stderr)")

        // Output of a version without the ledger is recognised by its content and replaced.
        try FileManager.default.removeItem(at: md)
        let fresh = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out", "--lang", "en"], in: dir)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/.gaizao-files"))
        let legacy = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "out", "--lang", "en"], in: dir)
        #expect(legacy.status == 0, "\(legacy.stderr)")

        // A user's own file of that name, in a folder gaizao never wrote: kept.
        let mine = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("客户访谈记录\n".utf8).write(to: mine.appendingPathComponent("firm.md"))
        let foreign = try GaizaoBinary.run(["diagnose", "firm.yaml", "-o", "mine", "--lang", "en"], in: dir)
        #expect(foreign.status == 1 && foreign.stderr.contains("mine/firm.md: not a file gaizao wrote"), "\(foreign.stderr)")
        #expect(Self.bytes(mine.appendingPathComponent("firm.md")) == Data("客户访谈记录\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: mine.appendingPathComponent("firm.json").path))
    }

    /// A clean batch rerun into the folder of a failed one removed errors.csv and replaced summary.csv although a
    /// reviewer had added notes to both since (the files were recognised by their header only). The summary files
    /// are now recorded in `.gaizao-files` as they are written: an edited one is kept and the run refused before
    /// anything is written or removed; an unchanged one is replaced or removed as before.
    @Test func batchKeepsSummaryFilesEditedSinceItWroteThem() throws {
        let dir = Self.tempDir()
        let example = Self.example("auto-parts-midsize.yaml")
        try Data("industry,company_name\nauto-parts,\"unterminated\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let out = dir.appendingPathComponent("out")
        let errors = out.appendingPathComponent("errors.csv"), summary = out.appendingPathComponent("summary.csv")
        func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() }

        // An unchanged errors.csv is gaizao's: a clean run removes it and drops its ledger line.
        let failed = try GaizaoBinary.run(["batch", "bad.csv", "-o", "out", "--lang", "en"], in: dir)
        #expect(failed.status == 1 && FileManager.default.fileExists(atPath: errors.path), "\(failed.stderr)")
        let ledger = (try? String(contentsOf: out.appendingPathComponent(".gaizao-files"), encoding: .utf8)) ?? ""
        for name in ["errors.csv", "summary.csv", "summary.html", "summary.xlsx"] { #expect(ledger.contains("  \(name)\n"), "\(ledger)") }
        let clean = try GaizaoBinary.run(["batch", example, "-o", "out", "--lang", "en"], in: dir)
        #expect(clean.status == 0 && !FileManager.default.fileExists(atPath: errors.path), "\(clean.stderr)")
        #expect(!((try? String(contentsOf: out.appendingPathComponent(".gaizao-files"), encoding: .utf8)) ?? "").contains("  errors.csv\n"))

        // A reviewer's note in errors.csv: kept, the run refused, nothing written or removed.
        let again = try GaizaoBinary.run(["batch", "bad.csv", "-o", "out", "--lang", "en"], in: dir)
        #expect(again.status == 1, "\(again.stderr)")
        let handle = try FileHandle(forWritingTo: errors)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("reviewer note: call row 2 back\n".utf8))
        try handle.close()
        let errorsBefore = Self.bytes(errors), summaryBefore = Self.bytes(summary), listed = try listing()
        let refused = try GaizaoBinary.run(["batch", example, "-o", "out", "--lang", "en"], in: dir)
        #expect(refused.status == 1 && !refused.crashed)
        #expect(refused.stderr.contains("out/errors.csv: changed since gaizao wrote it; it was kept and nothing was written (move or rename it"), "\(refused.stderr)")
        let listedAfter = try listing()
        #expect(Self.bytes(errors) == errorsBefore && Self.bytes(summary) == summaryBefore && listedAfter == listed)
        let zh = try GaizaoBinary.run(["batch", example, "-o", "out", "--lang", "zh"], in: dir)
        #expect(zh.status == 1 && zh.stderr.contains("out/errors.csv：gaizao 写出后已被修改；已保留该文件"), "\(zh.stderr)")

        // Moved away, the run goes ahead.
        try FileManager.default.moveItem(at: errors, to: dir.appendingPathComponent("errors-reviewed.csv"))
        let moved = try GaizaoBinary.run(["batch", example, "-o", "out", "--lang", "en"], in: dir)
        #expect(moved.status == 0, "\(moved.stderr)")

        // `summary` records what it writes too: the merge's dashboard, edited since, is kept.
        let merged = try GaizaoBinary.run(["summary", "out", "-o", "M", "--lang", "en"], in: dir)
        #expect(merged.status == 0, "\(merged.stderr)")
        let dashboard = dir.appendingPathComponent("M/summary.html")
        try ((try String(contentsOf: dashboard, encoding: .utf8)) + "<!-- 审阅意见 -->\n").write(to: dashboard, atomically: true, encoding: .utf8)
        let remerge = try GaizaoBinary.run(["summary", "out", "-o", "M", "--lang", "en"], in: dir)
        #expect(remerge.status == 1 && remerge.stderr.contains("M/summary.html: changed since gaizao wrote it"), "\(remerge.stderr)")
        #expect(try String(contentsOf: dashboard, encoding: .utf8).hasSuffix("<!-- 审阅意见 -->\n"))

        // Notes added to summary.csv are kept in the same way, whichever run comes next.
        let notes = (try String(contentsOf: summary, encoding: .utf8)) + "备注,人工核对完毕\n"
        try notes.write(to: summary, atomically: true, encoding: .utf8)
        let htmlBefore = Self.bytes(out.appendingPathComponent("summary.html")), listedNow = try listing()
        let summaryRefused = try GaizaoBinary.run(["batch", "bad.csv", "-o", "out", "--lang", "en"], in: dir)
        #expect(summaryRefused.status == 1 && summaryRefused.stderr.contains("out/summary.csv: changed since gaizao wrote it"), "\(summaryRefused.stderr)")
        #expect(try String(contentsOf: summary, encoding: .utf8) == notes)
        let listedLater = try listing()
        #expect(Self.bytes(out.appendingPathComponent("summary.html")) == htmlBefore && listedLater == listedNow)
        #expect(!FileManager.default.fileExists(atPath: errors.path))
    }

    /// compare keeps a reviewer's own comparison.md in the output folder (it was overwritten silently), and
    /// replaces its own comparison on a rerun.
    @Test func compareKeepsAReviewersOwnNotes() throws {
        let dir = Self.tempDir()
        try FileManager.default.copyItem(atPath: Self.example("auto-parts-midsize.yaml"), toPath: dir.appendingPathComponent("firm.yaml").path)
        for (out, level) in [("a", "2"), ("b", "3")] {
            let r = try GaizaoBinary.run(["diagnose", "firm.yaml", "--target-level", level, "--format", "json", "-o", out], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let review = dir.appendingPathComponent("review")
        try FileManager.default.createDirectory(at: review, withIntermediateDirectories: true)
        try Data("评审意见：\n".utf8).write(to: review.appendingPathComponent("comparison.md"))
        let refused = try GaizaoBinary.run(["compare", "a/firm.json", "b/firm.json", "-o", "review", "--lang", "en"], in: dir)
        #expect(refused.status == 1 && refused.stderr.contains("review/comparison.md: not a file gaizao wrote"), "\(refused.stderr)")
        #expect(Self.bytes(review.appendingPathComponent("comparison.md")) == Data("评审意见：\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: review.appendingPathComponent("comparison.html").path))
        let own = try GaizaoBinary.run(["compare", "a/firm.json", "b/firm.json", "-o", "out"], in: dir)
        #expect(own.status == 0, "\(own.stderr)")
        let rerun = try GaizaoBinary.run(["compare", "a/firm.json", "b/firm.json", "-o", "out"], in: dir)
        #expect(rerun.status == 0, "\(rerun.stderr)")
    }
}
