import Foundation
import Testing
@testable import GaizaoCLI

/// Issue 18: `gaizao lint` speaks Chinese under a Chinese locale. Every catalog message has a complete Chinese
/// form (no line half translated), located as `path:line:col:`; `--lang en` and `LANG=C` keep English.
@Suite struct LintLanguageTests {
    /// Every message the catalog and template lint tests expect (the literal `…: error: message` strings in
    /// the Core lint tests): the corpus of what `gaizao lint` says.
    static func lintMessages() throws -> [String] {
        let root = GaizaoBinary.repositoryRoot.appendingPathComponent("Tests/GaizaoCoreTests")
        let pattern = try NSRegularExpression(pattern: #""((?:[^"\\\n]|\\.)*?: (?:error|warning): (?:[^"\\\n]|\\.)*)""#)
        var messages = Set<String>()
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(match.range(at: 1), in: text) else { continue }
                let literal = String(text[r])
                guard !literal.contains("\\(") else { continue }
                let unescaped = literal.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\n", with: "")
                    .replacingOccurrences(of: "\\\\", with: "\\")
                guard let frame = unescaped.range(of: #": (error|warning): "#, options: .regularExpression) else { continue }
                messages.insert(String(unescaped[frame.upperBound...]))
            }
        }
        return messages.sorted()
    }

    /// English glue words left in a Chinese line (ids, option lists and file names may stay as they are; words
    /// such as "of", "must", "unknown" show a line translated by half).
    static func englishWords(_ line: String) -> [String] {
        let glue: Set<String> = ["of", "to", "the", "is", "be", "must", "has", "have", "no", "in", "not", "and", "with", "for", "an",
                                 "because", "asked", "ignored", "prices", "unknown", "missing", "default", "answer", "parser", "limit",
                                 "found", "cannot", "does", "would", "needs", "than", "more", "which", "its", "this", "that", "are",
                                 "module", "question", "rule", "scene", "policy", "measure", "size", "band", "bands", "options",
                                 "overlay", "cost", "indicator", "template", "file", "only", "may", "never"]
        var text = line
        for pattern in [#"`[^`]*`"#, #""[^"]*""#, #"\{\{[^}]*\}\}"#, #"[A-Za-z0-9_./-]+\.(yaml|mustache|md|html)"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init).filter { glue.contains($0.lowercased()) }
    }

    @Test func everyLintMessageHasACompleteChineseForm() throws {
        let messages = try Self.lintMessages()
        #expect(messages.count > 150, "the corpus was not found: \(messages.count)")
        var untranslated: [String] = []
        // Literals the tests match by prefix only (`contains`), not whole messages.
        let prefixes: Set<String> = ["answer to `ap_oem_edi` is ignored: the question is not asked because"]
        for message in messages where !prefixes.contains(message) {
            // libyaml's own description of a syntax error is quoted after the Chinese frame.
            if message.hasPrefix("YAML syntax: ") {
                #expect(CLIText.localized(message, lang: .zh).hasPrefix("YAML 语法错误："))
                continue
            }
            let zh = CLIText.localized(message, lang: .zh)
            let left = Self.englishWords(zh)
            if !CLIText.hasChinese(message) || !left.isEmpty || zh.contains("{") && !message.contains("{") {
                untranslated.append("\(message)\n    → \(zh)  \(left)")
            }
            #expect(CLIText.localized(message, lang: .en) == message)
        }
        #expect(untranslated.isEmpty, "\(untranslated.count) messages:\n\(untranslated.joined(separator: "\n"))")
    }

    /// A generic form (`{w} must be a number`) never translates the frame around an English phrase it cannot
    /// translate: such a line stays English whole.
    @Test func noLineIsHalfTranslated() {
        let unknownPhrase = "the flux capacitor setting must be a number, found `x`"
        #expect(CLIText.localized(unknownPhrase, lang: .zh) == unknownPhrase)
        #expect(CLIText.localized("`threshold` must be a number, found a list", lang: .zh) == "`threshold`必须是数字，现在是 列表")
        #expect(CLIText.localized("missing required key `cost` in measure `m-x`", lang: .zh) == "措施 `m-x`缺少必填项 `cost`")
        let nested = "`when` of rule `w-r-edi`: question `network` has no option \"workshp\" (did you mean \"workshop\"?); options: none, office"
        #expect(CLIText.localized(nested, lang: .zh) == "规则 `w-r-edi`的 `when`：题目 `network` 没有选项 \"workshp\"（是否想写 \"workshop\"？）；可选：none, office")
        let hint = "module `w-p-edi` refers to unknown module `w-p-visoin` (did you mean `w-p-vision`?)"
        #expect(CLIText.localized(hint, lang: .zh) == "模块 `w-p-edi` 引用了未知模块 `w-p-visoin`（是否想写 `w-p-vision`？）")
        // An id part between backticks cannot swallow English around it.
        let scoped = "duplicate option id `none` in question `network` (first at 26:13)"
        #expect(CLIText.localized(scoped, lang: .zh) == "题目 `network`中重复的选项 id `none`（首次出现于 26:13）")
    }

    @Test func aBrokenCatalogIsLintedInChineseWithItsPositions() throws {
        let copy = try LintBrokenCatalogTests.CatalogCopy()
        defer { copy.remove() }
        let file = "industries/auto-parts/modules.yaml"
        var lines = try copy.lines(file)
        let index = try #require(lines.firstIndex(of: "    duration_weeks: 8"))
        lines[index] = "    duration_weeks: eight"
        let requires = try #require(lines.firstIndex { $0.hasPrefix("    requires: [") && $0 != "    requires: []" })
        lines[requires] = "    requires: [ap-nowhere]"
        try copy.write(file, lines: lines)

        let zh = try GaizaoBinary.run(["lint", "."], in: copy.root, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 1 && !zh.crashed)
        #expect(zh.stderr.contains("./\(file):\(index + 1):21：错误：`duration_weeks`必须是数字，现在是 `eight`\n"), "\(zh.stderr)")
        #expect(zh.stderr.contains("./\(file):\(requires + 1):16：错误：模块 `"), "\(zh.stderr)")
        #expect(zh.stderr.contains("` 引用了未知模块 `ap-nowhere`"), "\(zh.stderr)")
        #expect(zh.stdout.hasPrefix("lint 未通过：.："), "\(zh.stdout)")
        for line in zh.stderr.split(separator: "\n") where line.hasPrefix("./") {
            // The frame is Chinese too, as batch prints its errors: `path:line:col：错误：说明`.
            #expect(line.contains("：错误：") || line.contains("：警告："), "\(line)")
            let message = line.components(separatedBy: "：错误：").last ?? String(line)
            #expect(Self.englishWords(message).isEmpty, "\(line)")
        }

        let missing = try GaizaoBinary.run(["lint", "/nonexistent/gaizao-catalog"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(missing.status == 1 && missing.stderr == "错误：参数给出的目录数据文件夹不存在：/nonexistent/gaizao-catalog\n", "\(missing.stderr)")

        for english in [try GaizaoBinary.run(["lint", ".", "--lang", "en"], in: copy.root, environment: ["LANG": "zh_CN.UTF-8"]),
                        try GaizaoBinary.run(["lint", "."], in: copy.root, environment: ["LANG": "en_GB.UTF-8"])] {
            #expect(english.status == 1)
            #expect(english.stderr.contains("./\(file):\(index + 1):21: error: `duration_weeks` must be a number, found `eight`\n"), "\(english.stderr)")
            #expect(english.stderr.contains("refers to unknown module `ap-nowhere`"), "\(english.stderr)")
            #expect(english.stdout.hasPrefix("lint FAILED: .: "))
        }
    }
}
