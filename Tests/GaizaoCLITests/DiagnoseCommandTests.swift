import Foundation
import Testing

/// `diagnose`, `explain` and `questions` as a user runs them: real binary, exit codes, messages.
@Suite struct DiagnoseCommandTests {
    static let root = GaizaoBinary.repositoryRoot
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    static func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gaizao-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func diagnoseWritesJSONFromAnyDirectory() throws {
        let out = Self.tempDir()
        // Run from an unrelated working directory: the shipped catalogs are still found.
        let r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", out.path, "--format", "json"], in: FileManager.default.temporaryDirectory)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try String(contentsOf: out.appendingPathComponent("auto-parts-midsize.json"), encoding: .utf8)
        #expect(json.contains("\"schema\": \"gaizao.proposal/2\""))
        #expect(r.stdout.contains("慈溪丙丁汽车零部件有限公司"))
    }

    @Test func budgetAndContractorAndEnglish() throws {
        let r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", "-", "--format", "json",
                                      "--budget", "100", "--contractor", "example-ap-contractor-a"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"budgetYuan\": 1000000"))
        #expect(r.stdout.contains("\"overlay\": \"example-ap-contractor-a\""))
        let en = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", Self.tempDir().path, "--format", "json", "--lang", "en"])
        #expect(en.stdout.contains("pts") && en.stdout.contains("weeks"))
    }

    @Test func badInputsExitOneWithLocatedErrors() throws {
        let dir = Self.tempDir()
        let bad = dir.appendingPathComponent("bad.yaml")
        try "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: x\n  employees: many\n".write(to: bad, atomically: true, encoding: .utf8)
        var r = try GaizaoBinary.run(["diagnose", bad.path, "-o", dir.path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("bad.yaml:5:14: error: answer to `employees` must be a number"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.json").path))

        let junk = dir.appendingPathComponent("junk.yaml")
        try Data([0x67, 0x61, 0xFF, 0xFE, 0x00, 0x01, 0x0A]).write(to: junk)
        r = try GaizaoBinary.run(["diagnose", junk.path, "-o", dir.path])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("junk.yaml:1:3: error: not valid UTF-8"))

        r = try GaizaoBinary.run(["diagnose", dir.appendingPathComponent("missing.yaml").path])
        #expect(r.status == 1 && r.stderr.contains("no such file"))

        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--contractor", "nobody", "-o", dir.path])
        #expect(r.status == 1 && r.stderr.contains("unknown contractor overlay `nobody`"))

        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--format", "docx"])
        #expect(r.status == 2 && r.stderr.contains("unknown format `docx`"))

        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "--budget", "-5"])
        #expect(r.status == 2)

        // An output folder that cannot exist: a plain message, not a Foundation error dump.
        r = try GaizaoBinary.run(["diagnose", Self.example("auto-parts-midsize.yaml"), "-o", "/dev/null/out", "--format", "json"])
        #expect(r.status == 1 && !r.crashed)
        #expect(r.stderr.contains("error: /dev/null/out: cannot create the output folder (Not a directory)"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test func explainNamesRulesAnswersAndTheFlippingChange() throws {
        let r = try GaizaoBinary.run(["explain", Self.example("auto-parts-midsize.yaml"), "ap-p-edi"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("规则 ap-r-edi-required"))
        #expect(r.stdout.contains("读取：ap_oem_edi=是"))
        #expect(r.stdout.contains("最小改变（可使规则不再选它）：ap_oem_edi: 是 → 否"))
        let all = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "--lang", "en"])
        #expect(all.stdout.contains("== Diagnosis ==") && all.stdout.contains("== Subsidies =="))
        let unknown = try GaizaoBinary.run(["explain", Self.example("home-appliance-midsize.yaml"), "ap-p-edi"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown module `ap-p-edi`"))
    }

    @Test func questionsTemplateRoundTrips() throws {
        let dir = Self.tempDir()
        let t = try GaizaoBinary.run(["questions", "--industry", "home-appliance", "--template"])
        #expect(t.status == 0)
        let file = dir.appendingPathComponent("t.yaml")
        try t.stdout.write(to: file, atomically: true, encoding: .utf8)
        // The empty template parses; only the required answers are missing.
        let r = try GaizaoBinary.run(["diagnose", file.path, "-o", dir.path, "--format", "json"])
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty && errors.allSatisfy { $0.contains("missing required answer") })
        let csv = try GaizaoBinary.run(["questions", "--industry", "auto-parts", "--csv"])
        #expect(csv.stdout.hasPrefix("industry,date,company_name,"))
        let usage = try GaizaoBinary.run(["questions", "--template"])
        #expect(usage.status == 2)
    }
}
