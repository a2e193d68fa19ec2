import Testing
@testable import GaizaoCore

/// File-level problems: the YAML itself is broken or hostile. Each reports one located error and stops the
/// cross-file checks, which would otherwise report a cascade of problems caused by the missing file.
@Suite struct YAMLLintTests {
    typealias F = CatalogFixture
    let minimal = CatalogFixture.minimal

    @Test func syntaxErrorIsReportedAtTheBrokenLineOnly() {
        let fixture = minimal.inserting("  bad: [unclosed", in: F.rulesYAML, afterLine: 9)
        #expect(fixture.lint() == [
            "industries/widgets/rules.yaml:10:3: error: YAML syntax: while parsing a block collection did not find expected '-' indicator",
        ])
    }

    @Test func unclosedFlowListIsASyntaxError() {
        // libyaml reads the next line as part of the list and stops at its `:`.
        let fixture = minimal.replacing(F.modulesYAML, "    requires: [w-s-mes]", with: "    requires: [w-s-mes")
        #expect(fixture.lint() == [
            "industries/widgets/modules.yaml:30:13: error: YAML syntax: while parsing a flow sequence did not find expected ',' or ']'",
        ])
    }

    @Test func duplicateKey() {
        let fixture = minimal.replacing(F.modulesYAML, "    kind: personalized\n    name: {zh: 主机厂EDI",
                                        with: "    kind: personalized\n    kind: standard\n    name: {zh: 主机厂EDI")
        // At the repeated key, the one to remove (issue 13), naming where the first is.
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:25:5: error: duplicate key `kind` (first at line 24)"])
    }

    /// A file saved on Windows (CRLF) or with lone CRs: the repeated key is still found where it is repeated.
    @Test(arguments: ["\r\n", "\r"]) func duplicateKeyWithOtherLineEndings(_ ending: String) {
        let fixture = minimal.replacing(F.modulesYAML, "    kind: personalized\n    name: {zh: 主机厂EDI",
                                        with: "    kind: personalized\n    kind: standard\n    name: {zh: 主机厂EDI")
        let text = fixture.texts[F.modulesYAML]!.replacingOccurrences(of: "\n", with: ending)
        #expect(fixture.with(F.modulesYAML, text).lint() == ["industries/widgets/modules.yaml:25:5: error: duplicate key `kind` (first at line 24)"])
        #expect(YAMLDocument.yamlLines("a\r\nb\rc\nd").map(String.init) == ["a", "b", "c", "d"])
        #expect(YAMLDocument.yamlLines("").map(String.init) == [""])
        #expect(YAMLDocument.yamlLines("a\n").map(String.init) == ["a", ""])
    }

    @Test func emptyFile() {
        #expect(minimal.with(F.rulesYAML, "").lint() == ["industries/widgets/rules.yaml:1:1: error: file is empty"])
        #expect(minimal.with(F.policiesYAML, "# only a comment\n").lint() == ["policies.yaml:1:1: error: file is empty"])
    }

    @Test func missingFile() {
        #expect(minimal.with(F.modulesYAML, nil).lint() == ["error: missing catalog file industries/widgets/modules.yaml"])
    }

    @Test func topLevelMustBeAMapping() {
        #expect(minimal.with(F.rulesYAML, "- id: x\n").lint() == [
            "industries/widgets/rules.yaml:1:1: error: the top level of industries/widgets/rules.yaml must be a mapping, found a list",
        ])
    }

    @Test func nulByte() {
        let fixture = minimal.replacing(F.overlayYAML, "name: {zh: 示例总包商", with: "name: {zh: 示例\u{0}总包商")
        #expect(fixture.lint() == ["overlays/example.yaml:5:14: error: file holds a NUL byte: not a text file"])
    }

    /// An ESC or DEL is located where it is, as a NUL is (libyaml refuses it while it reads ahead, with no mark:
    /// it was reported at 1:1).
    @Test func controlCharacterIsLocated() {
        let esc = minimal.replacing(F.overlayYAML, "name: {zh: 示例总包商", with: "name: {zh: 示例\u{1B}[31m总包商")
        #expect(esc.lint() == ["overlays/example.yaml:5:14: error: the control character U+001B (ESC) is not allowed in a YAML file: remove it"])
        let del = minimal.replacing(F.overlayYAML, "name: {zh: 示例总包商", with: "name: {zh: 示例总包商\u{7F}")
        #expect(del.lint() == ["overlays/example.yaml:5:17: error: the control character U+007F (DEL) is not allowed in a YAML file: remove it"])
    }

    @Test func tooDeepFlowNesting() {
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        #expect(minimal.with(F.rulesYAML, "rules:\n  - \(deep)\n").lint() == [
            "industries/widgets/rules.yaml:2:69: error: nesting deeper than 64 levels",
        ])
    }

    @Test func tooDeepBlockNesting() {
        // Block nesting: one more indented key per line; the 65th level is on line 66 (line 1 holds `rules:`).
        var text = "rules:\n"
        for depth in 1...100 { text += String(repeating: " ", count: depth) + "a:\n" }
        #expect(minimal.with(F.rulesYAML, text).lint() == [
            "industries/widgets/rules.yaml:65:65: error: nesting deeper than 64 levels",
        ])
    }

    @Test func libyamlNestingLimitIsExplained() {
        let text = "rules:\n- " + String(repeating: "- ", count: 2000) + "x\n"
        #expect(minimal.with(F.rulesYAML, text).lint() == [
            "industries/widgets/rules.yaml:2:1999: error: nesting deeper than the YAML parser's limit of 1000 levels",
        ])
    }

    @Test func billionLaughsHitsTheExpansionLimit() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<10 {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let fixture = minimal.with(F.policiesYAML, lines.joined(separator: "\n") + "\n")
        let clock = ContinuousClock()
        var diagnostics: [String] = []
        let elapsed = clock.measure { diagnostics = fixture.lint() }
        #expect(diagnostics == ["policies.yaml:1:1: error: document too large once aliases are expanded (more than 500000 nodes)"])
        #expect(elapsed < .seconds(5))
    }

    @Test func fileLargerThanTheLimit() {
        var limits = YAMLLimits()
        limits.maxBytes = 100
        var bag = DiagnosticBag()
        let node = YAMLDocument.parse(SourceFile(path: "big.yaml", text: String(repeating: "a: 1\n", count: 30)), limits: limits, into: &bag)
        #expect(node == nil)
        #expect(bag.all.map(\.description) == ["big.yaml:1:1: error: file is 150 bytes, more than the limit of 100"])
    }

    @Test func crlfLineEndingsKeepLinesAndColumns() {
        let text = minimal.texts[F.modulesYAML]!.replacingOccurrences(of: "\n", with: "\r\n")
        let fixture = minimal.with(F.modulesYAML, text)
            .replacing(F.modulesYAML, "duration_weeks: 8", with: "duration_weeks: eight")
        #expect(fixture.lint() == ["industries/widgets/modules.yaml:15:21: error: `duration_weeks` must be a number, found `eight`"])
    }
}
