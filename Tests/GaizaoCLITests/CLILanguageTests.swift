import Foundation
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// Issue 18: the command line speaks the user's language — `--lang`, else the locale, else Chinese — suggests
/// the command meant, and keeps its exit codes (1 input, 2 usage).
@Suite struct CLILanguageTests {
    static let zh = ["LANG": "zh_CN.UTF-8"]
    static var example: String { GaizaoBinary.repositoryRoot.appendingPathComponent("examples/home-appliance-midsize.yaml").path }

    @Test func theLanguageComesFromLangThenLocaleThenChinese() {
        #expect(CLILanguage.resolve(arguments: ["diagnose", "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"]) == .en)
        #expect(CLILanguage.resolve(arguments: ["diagnose", "--lang=zh"], environment: [:]) == .zh)
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LC_MESSAGES": "zh_TW"]) == .zh)
        // Chinese first: no locale, or one that names no language (servers, containers), gives Chinese.
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: [:]) == .zh)
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LANG": "C.UTF-8"]) == .zh)
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LANG": "C"]) == .zh)
        // Another language: English.
        #expect(CLILanguage.resolve(arguments: ["diagnose"], environment: ["LANG": "de_DE.UTF-8"]) == .en)
        #expect(CLILanguage.resolve(arguments: ["diagnose", "--", "--lang", "en"], environment: [:]) == .zh)
        #expect(CLILanguage.resolve(arguments: ["diagnose", "--", "--lang", "zh"], environment: ["LANG": "en_US.UTF-8"]) == .en)
    }

    @Test func aMissingFileIsExplainedInChinese() throws {
        let r = try GaizaoBinary.run(["diagnose", "missing.yaml"], environment: Self.zh)
        #expect(r.status == 1)
        #expect(r.stderr == "错误：missing.yaml：文件不存在\n")
        let en = try GaizaoBinary.run(["diagnose", "missing.yaml"])
        #expect(en.stderr == "error: missing.yaml: no such file\n")
        // --lang wins over the locale, for messages as for documents.
        let forced = try GaizaoBinary.run(["diagnose", "missing.yaml", "--lang", "en"], environment: Self.zh)
        #expect(forced.stderr == "error: missing.yaml: no such file\n")
    }

    /// The located messages about an answers file are what an enterprise reads: Chinese under a Chinese locale,
    /// frame included (`path:line:col：错误：`, as batch prints them), each still at its line and column, English
    /// otherwise.
    @Test func answersFileErrorsAreExplainedInChinese() throws {
        let dir = TestScratch.url("lang")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  employees: abc\n  processes: [x]\n  ap_processes: [stampin]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let zh = try GaizaoBinary.run(["diagnose", file.path, "-o", dir.appendingPathComponent("out").path], environment: Self.zh)
        #expect(zh.status == 1)
        for line in [
            "bad.yaml:3:1：错误：缺少必答题 `company_name`（企业名称）",
            "bad.yaml:4:14：错误：`employees` 的答案必须是数字（单位：人），现在是 `abc`",
            "bad.yaml:5:3：错误：行业 `auto-parts` 没有题目 `processes`（是否想写 `ap_processes`？）",
            "bad.yaml:6:18：错误：`stampin` 不是 `ap_processes` 的选项（是否想写 `stamping`？）；可选：machining (",
        ] {
            #expect(zh.stderr.contains(line), "\(line)\n\(zh.stderr)")
        }
        let en = try GaizaoBinary.run(["diagnose", file.path, "-o", dir.appendingPathComponent("out").path])
        #expect(en.stderr.contains("bad.yaml:4:14: error: answer to `employees` must be a number (人), found `abc`"), "\(en.stderr)")
    }

    /// libyaml's own words (a context and a problem) and the operating system's reasons read in Chinese too; a
    /// problem with no Chinese form leaves the line English whole, never half translated.
    @Test func libraryAndSystemWordsAreTranslated() {
        #expect(CLIText.localized("YAML syntax: while parsing a flow node did not find expected node content", lang: .zh)
            == "YAML 语法错误：解析方括号或花括号内的内容时：找不到预期的内容")
        #expect(CLIText.localized("YAML syntax: mapping values are not allowed in this context", lang: .zh) == "YAML 语法错误：这里不能写“键: 值”")
        #expect(CLIText.localized("YAML syntax: something libyaml never said", lang: .zh) == "YAML 语法错误：something libyaml never said")
        #expect(CLIText.localized("out: cannot create the output folder (a file of that name is in the way)", lang: .zh) == "out：无法创建输出文件夹（已有同名文件）")
        #expect(CLIText.localized("out/a.md: cannot write (No space left on device)", lang: .zh) == "out/a.md：无法写入（磁盘空间不足）")
    }

    /// The problems libyaml (and Yams's composer) report for a file a person wrote read in Chinese, as whole lines:
    /// they were passed through in English (`expected a single document in the stream but found another
    /// document`, `found undefined alias`), and a control character's line was English whole with `error:`.
    @Test func libyamlProblemsReadInChinese() throws {
        let dir = try TestScratch.folder("lang-yaml")
        let files: [(name: String, text: String, line: String)] = [
            ("multi.yaml", "gaizao_answers: 1\n---\nindustry: auto-parts\n",
             "multi.yaml:2:1：错误：YAML 语法错误：一个文件只能有一个 YAML 文档，这里却开始了另一个（`---`）"),
            ("alias.yaml", "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: *nope\n",
             "alias.yaml:4:17：错误：YAML 语法错误：引用了未定义的别名（`*名称` 之前没有 `&名称`）"),
            ("escape.yaml", "gaizao_answers: 1\nindustry: auto-parts\nanswers:\n  company_name: \"\\ud800\"\n",
             "escape.yaml:4:20：错误：YAML 语法错误：解析带引号的文本时：有无效的 Unicode 转义码"),
            ("esc.yaml", "gaizao_answers: 1\n# note \u{1B}[31m\nindustry: auto-parts\n",
             "esc.yaml:2:8：错误：YAML 文件中不能有控制字符 U+001B (ESC)：请删除它"),
            ("doc.yaml", "gaizao_answers: 1\nindustry: auto-parts\n--- x\n",
             "doc.yaml:3:1：错误：YAML 语法错误：一个文件只能有一个 YAML 文档"),
        ]
        for f in files {
            try f.text.write(to: dir.appendingPathComponent(f.name), atomically: true, encoding: .utf8)
            let r = try GaizaoBinary.run(["diagnose", f.name, "-o", "out", "--lang", "zh"], in: dir)
            #expect(r.status == 1 && !r.crashed)
            #expect(r.stderr.contains(f.line), "\(f.name): \(r.stderr)")
            // No line of it left in English: every line holds Chinese, and no `error:`.
            #expect(!r.stderr.contains("error:"), "\(f.name): \(r.stderr)")
        }
        // Each problem and context libyaml's scanner and parser can report for a text file, as gaizao words it.
        let problems = [
            "found an indentation indicator equal to 0", "did not find expected whitespace or line break",
            "did not find expected comment or line break", "did not find expected '!'", "mapping keys are not allowed in this context",
            "found unknown directive name", "found unexpected non-alphabetical character", "found unexpected document indicator",
            "found invalid Unicode character escape code", "found extremely long version number", "found duplicate %YAML directive",
            "found duplicate %TAG directive", "did not find the expected '>'", "did not find expected whitespace",
            "did not find expected version number", "did not find expected tag URI", "did not find expected hexdecimal number",
            "did not find expected digit or '.' character", "did not find expected alphabetic or numeric character",
            "could not find expected directive name", "found undefined alias", "did not find expected key",
            "did not find expected node content", "found unexpected end of stream", "found unknown escape character",
            "found character that cannot start any token", "mapping values are not allowed in this context",
            "block sequence entries are not allowed in this context", "found undefined tag handle", "could not find expected ':'",
            "did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected '-' indicator",
            "did not find expected <document start>", "found a tab character that violates indentation", "found incompatible YAML document",
        ]
        let contexts = [
            "while scanning a directive", "while scanning a %YAML directive", "while scanning a %TAG directive", "while scanning a tag directive",
            "while scanning a block scalar", "while scanning a quoted scalar", "while scanning a plain scalar", "while scanning a simple key",
            "while scanning an anchor", "while scanning an alias", "while scanning a tag", "while scanning for the next token",
            "while parsing a tag", "while parsing a %TAG directive", "while parsing a node", "while parsing a flow sequence",
            "while parsing a flow node", "while parsing a flow mapping", "while parsing a block node", "while parsing a block mapping",
            "while parsing a block collection", "while parsing a quoted scalar",
        ]
        for problem in problems {
            #expect(CLIText.hasChinese("YAML syntax: " + problem), "\(problem)")
            for context in contexts { #expect(CLIText.hasChinese("YAML syntax: \(context) \(problem)"), "\(context) \(problem)") }
        }
        for problem in ["control characters are not allowed", "invalid leading UTF-8 octet", "invalid Unicode character", "input error"] {
            #expect(CLIText.hasChinese("YAML reader: " + problem), "\(problem)")
        }
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let r = try GaizaoBinary.run(["diagnos", "x.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("error: unknown command 'diagnos'; did you mean 'diagnose'?\n"))
        let zh = try GaizaoBinary.run(["comapre", "a.json"], environment: Self.zh)
        #expect(zh.status == 2)
        #expect(zh.stderr.hasPrefix("错误：没有 'comapre' 这个命令；是否想用 'compare'？\n"))
        let far = try GaizaoBinary.run(["xyzzy"])
        #expect(far.status == 2 && far.stderr.contains("the commands are: diagnose, explain, wizard, compare, batch, summary, questions, lint"))
        let option = try GaizaoBinary.run(["diagnose", "x.yaml", "--budgte", "5"], environment: Self.zh)
        #expect(option.status == 2 && option.stderr.hasPrefix("错误：未知选项 '--budgte'。是否想用 '--budget'？\n"))
    }

    @Test func exitCodesAgree() throws {
        // A negative budget is a value the range check refuses (usage), not a "missing value".
        let negative = try GaizaoBinary.run(["diagnose", Self.example, "--budget", "-5", "-o", "-", "--format", "json"])
        #expect(negative.status == 2 && negative.stderr.contains("--budget must be a positive number"))
        // An unknown industry is wrong input in every command.
        let questions = try GaizaoBinary.run(["questions", "--industry", "nope"])
        let wizard = try GaizaoBinary.run(["wizard", "--industry", "nope", "--answers", TestScratch.path("wizard") + ".yaml"])
        #expect(questions.status == 1 && wizard.status == 1)
        #expect(wizard.stderr.contains("unknown industry `nope`"))
    }

    /// An option naming a catalog id given empty or blank (`--industry "$IND"` with the variable unset) exited 1 as
    /// "unknown industry ``". It names nothing in any catalog: a usage error (exit 2) like every other option given
    /// empty, saying which option and which ids there are. An id the catalog lacks stays wrong input (exit 1, above).
    @Test func aCatalogIDGivenEmptyIsAUsageError() throws {
        let scratch = TestScratch.path("empty-id")
        let cases: [(arguments: [String], message: String)] = [
            (["questions", "--industry", ""],
             "error: `--industry` was given empty (an unset shell variable?): give an industry id; the catalog has: auto-parts, home-appliance\n"),
            (["questions", "--industry", " ", "--csv"],
             "error: `--industry` was given empty (an unset shell variable?): give an industry id; the catalog has: auto-parts, home-appliance\n"),
            (["wizard", "--industry", "", "--answers", scratch + ".yaml"],
             "error: `--industry` was given empty (an unset shell variable?): give an industry id; the catalog has: auto-parts, home-appliance\n"),
            (["diagnose", Self.example, "-o", "-", "--format", "json", "--contractor", ""],
             "error: `--contractor` was given empty (an unset shell variable?): give a contractor overlay id; the catalog has: example-ap-contractor-a, example-ha-contractor-a, example-ha-contractor-b\n"),
            (["explain", Self.example, "--contractor", ""],
             "error: `--contractor` was given empty (an unset shell variable?): give a contractor overlay id; the catalog has: example-ap-contractor-a, example-ha-contractor-a, example-ha-contractor-b\n"),
            (["batch", Self.example, "-o", scratch, "--contractor", ""],
             "error: `--contractor` was given empty (an unset shell variable?): give a contractor overlay id; the catalog has: example-ap-contractor-a, example-ha-contractor-a, example-ha-contractor-b\n"),
            (["explain", Self.example, ""],
             "error: `<module>` was given empty (an unset shell variable?): give a module or measure id of industry `home-appliance`; modules: ha-s-network,"),
        ]
        for (arguments, message) in cases {
            let r = try GaizaoBinary.run(arguments)
            #expect(r.status == 2 && r.stderr.hasPrefix(message), "\(arguments): \(r.status) \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch) && !FileManager.default.fileExists(atPath: scratch + ".yaml"))
        let zh = try GaizaoBinary.run(["questions", "--industry", ""], environment: Self.zh)
        #expect(zh.status == 2 && zh.stderr == "错误：`--industry` 给出的是空值（是未设置的 shell 变量吗？）：请给出行业 id；目录中有：auto-parts, home-appliance\n", "\(zh.stderr)")
        let module = try GaizaoBinary.run(["explain", Self.example, ""], environment: Self.zh)
        #expect(module.status == 2 && module.stderr.hasPrefix("错误：`<module>` 给出的是空值（是未设置的 shell 变量吗？）：请给出行业 `home-appliance` 的模块或管理措施 id；模块：ha-s-network,"), "\(module.stderr)")
    }

    @Test func helpFollowsTheLanguageAndNamesEachDefaultOnce() throws {
        let zh = try GaizaoBinary.run(["diagnose", "--help"], environment: Self.zh)
        #expect(zh.status == 0)
        #expect(zh.stdout.hasPrefix("概述：诊断一家企业并生成改造方案\n"))
        #expect(zh.stdout.contains("选项：") && zh.stdout.contains("答卷文件（YAML 或 JSON；- 表示从标准输入读取）。"))
        let en = try GaizaoBinary.run(["help", "diagnose"])
        #expect(en.stdout.hasPrefix("OVERVIEW: Diagnose one enterprise and write its retrofit proposal.\n"))
        for text in [zh.stdout, en.stdout] {
            for line in text.split(separator: "\n") {
                #expect(line.components(separatedBy: "default").count <= 2 && line.components(separatedBy: "默认").count <= 2, "\(line)")
            }
        }
        #expect(!en.stdout.contains("(default: .)"))
        let root = try GaizaoBinary.run([], environment: Self.zh)
        #expect(root.status == 0 && root.stdout.contains("子命令："))
    }

    /// Every help text the commands declare has its Chinese: a new option without one fails here.
    @Test func everyHelpTextHasItsChinese() throws {
        let dump = try GaizaoBinary.run(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func walk(_ command: [String: Any]) {
            var texts = [command["abstract"], command["discussion"]].compactMap { $0 as? String }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                texts += [argument["abstract"], argument["discussion"]].compactMap { $0 as? String }
            }
            for text in texts where CLIText.helpText(text, lang: .zh) == text { missing.append(text) }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        walk(try #require(json["command"] as? [String: Any]))
        #expect(missing.isEmpty, "no Chinese for: \(missing)")
    }

    @Test func theEnglishSummaryLineUsesCNY() throws {
        let dir = TestScratch.url("lang")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try GaizaoBinary.run(["diagnose", Self.example, "-o", dir.path, "--format", "json", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("investment CNY ") && r.stdout.contains("subsidy CNY "), "\(r.stdout)")
        #expect(!r.stdout.contains("万元"))
    }

    @Test func messagesAreTranslatedPartByPart() {
        #expect(CLIText.localized("error: unknown industry `x`; the catalog has: a, b", lang: .zh) == "错误：未知行业 `x`；目录中有：a, b")
        #expect(CLIText.localized("Error: Missing value for '--budget <budget>'", lang: .zh) == "错误：选项 '--budget <budget>' 缺少取值")
        #expect(CLIText.localized("something new", lang: .zh) == "something new")
        // Numbers past 1e15 are written with an exponent; the line is still translated.
        #expect(CLIText.localized("a.yaml:14:19: error: answer to `annual_revenue`: 9.22337e+18 is above the maximum 10000000", lang: .zh)
            == "a.yaml:14:19：错误：`annual_revenue` 的答案：9.22337e+18 超过最大值 10000000")
        // A message the engine already wrote in Chinese keeps it, under a Chinese frame.
        #expect(CLIText.localized("error: 预算 0 万元低于必选模块的上限估算 29.63 万元（仓储条码管理（WMS））：必选模块不能删减，请提高预算", lang: .zh)
            == "错误：预算 0 万元低于必选模块的上限估算 29.63 万元（仓储条码管理（WMS））：必选模块不能删减，请提高预算")
        #expect(CLIText.localized("error: contractor overlay `example-ha-contractor-a` is for industry `home-appliance`", lang: .zh)
            == "错误：总包商叠加 `example-ha-contractor-a` 属于行业 `home-appliance`，与答卷的行业不符")
        #expect(CLIText.localized("e.csv: error: the CSV file is empty", lang: .zh) == "e.csv：错误：CSV 文件是空的")
        #expect(CLIText.localized("b.yaml:23:11: error: `name` of coefficient `realisation` must be a mapping, found a scalar", lang: .zh)
            == "b.yaml:23:11：错误：系数 `realisation`的 `name`必须是键值映射，现在是 单个值")
        #expect(CLIText.localized("a.yaml:33:11: error: answer to `talent` must be a list of option ids such as [staff, post], found `nosuch`", lang: .zh)
            == "a.yaml:33:11：错误：`talent` 的答案必须是选项列表，例如 [staff, post]，现在是 `nosuch`")
        #expect(CLIText.localized("a.yaml:28:21: error: answer to `network_security` must be a list of option ids such as [policy, products], found a mapping", lang: .zh)
            == "a.yaml:28:21：错误：`network_security` 的答案必须是选项列表，例如 [policy, products]，现在是 键值映射")
        #expect(CLIText.localized("error: esc.json: line 19, column 62: the key `name` is given twice in one object", lang: .zh)
            == "错误：esc.json：第 19 行第 62 列：键 `name` 在同一个对象中出现了两次")
        #expect(CLIText.localized("Error: --budget 99999999999999 万元 is out of range: it must be less than 1000000 万元 (100 亿元)", lang: .zh)
            == "错误：--budget 99999999999999 万元超出范围：须小于 1000000 万元（100 亿元）")
        for (en, zh) in [
            ("error: p.yaml: more than the limit of 4194304 bytes", "错误：p.yaml：超过上限 4194304 字节"),
            ("error: p.yaml: cannot be read (Input/output error)", "错误：p.yaml：无法读取（Input/output error）"),
            ("error: out: cannot write into the output folder (No space left on device)", "错误：out：无法写入输出文件夹（磁盘空间不足）"),
            ("error: out/a.md: cannot write (No space left on device); the previous files are unchanged", "错误：out/a.md：无法写入（磁盘空间不足）；原有文件未改动"),
            ("error: q.xlsx: cannot write the workbook (No space left on device)", "错误：q.xlsx：无法写入工作簿（磁盘空间不足）"),
            ("error: out/a.pdf: cannot prepare the PDF (Permission denied)", "错误：out/a.pdf：无法准备 PDF（没有权限）"),
            ("stdin: error: cannot be read (Input/output error)", "stdin：错误：无法读取（Input/output error）"),
            ("m.yaml:3:5: warning: indicator `i` reads yes/no `q`, which has no `points_yes`", "m.yaml:3:5：警告：指标 `i` 读取是非题 `q`，但该题没有 `points_yes`"),
        ] {
            #expect(CLIText.localized(en, lang: .zh) == zh)
        }
        #expect(CLIText.localized("Error: `--answers` was given empty (an unset shell variable?): give a path", lang: .zh)
            == "错误：`--answers` 给出的是空值（是未设置的 shell 变量吗？）：请给出路径")
        #expect(CLIText.localized("Error: --answers names the answers file, and `new/` ends with `/` like a folder: give a file, such as --answers new/answers.yaml", lang: .zh)
            == "错误：--answers 指定答卷文件，但 `new/` 以 `/` 结尾，像是文件夹：请给出文件，例如 --answers new/answers.yaml")
        #expect(CLIText.localized("big.yaml: error: 5000000 bytes is more than the limit of 4194304 bytes", lang: .zh)
            == "big.yaml：错误：5000000 字节，超过上限 4194304 字节")
        #expect(CLIText.localized("error: big.yaml: 5000000 bytes is more than the limit of 4194304 bytes", lang: .zh)
            == "错误：big.yaml：5000000 字节，超过上限 4194304 字节")
        // A batch's cells.
        #expect(CLIText.localized("bad.csv:2:6: error: answer to `employees`: must be a number, found `abc`", lang: .zh)
            == "bad.csv:2:6：错误：`employees` 的答案：必须是数字，现在是 `abc`")
        #expect(CLIText.localized("bad.csv:9:12: error: answer to `ningbo_sample`: must be yes or no, found `maybe`", lang: .zh)
            == "bad.csv:9:12：错误：`ningbo_sample` 的答案：必须是“是”或“否”，现在是 `maybe`")
        #expect(CLIText.localized("bad.csv:9:12: error: answer to `town`: is 5000 characters long, more than 200", lang: .zh)
            == "bad.csv:9:12：错误：`town` 的答案：有 5000 个字符，超过上限 200")
        #expect(CLIText.localized("m.yaml:271:5: error: scene `safety` is asked by unknown question ``", lang: .zh)
            == "m.yaml:271:5：错误：场景 `safety` 由未知题目 `` 询问")
        #expect(CLIText.localized("error: d/b.json: is an input of this command and would be overwritten by its output; nothing was written (choose another output folder with -o, or rename the input)", lang: .zh)
            == "错误：d/b.json：是本命令的输入文件，会被输出覆盖；未写出任何文件（请用 -o 另选输出文件夹，或给输入文件改名）")
        #expect(CLIText.localized("error: ./d/../d/b.json: would overwrite the input ./d/b.json (the same file); nothing was written (choose another output folder with -o, or rename the input)", lang: .zh)
            == "错误：./d/../d/b.json：会覆盖输入文件 ./d/b.json（同一个文件）；未写出任何文件（请用 -o 另选输出文件夹，或给输入文件改名）")
        #expect(CLIText.localized("error: x: no such file", lang: .en) == "error: x: no such file")
    }

    /// Usage errors of the target level and the budget read in Chinese, the option's help repeated under them
    /// too; the engine's budget message follows the message language, not the document language.
    @Test func targetAndBudgetErrorsFollowTheMessageLanguage() throws {
        let never = TestScratch.path("never")  // every run below fails before writing
        let budget = try GaizaoBinary.run(["diagnose", Self.example, "--budget", "0", "-o", never], environment: Self.zh)
        #expect(budget.status == 2 && budget.stderr.hasPrefix("错误：--budget 须为正数（单位：万元），现在是 0\n"), "\(budget.stderr)")
        let level = try GaizaoBinary.run(["diagnose", Self.example, "--target-level", "5", "-o", never], environment: Self.zh)
        #expect(level.status == 2, "\(level.stderr)")
        #expect(level.stderr.hasPrefix("错误：'5' 不是 '--target-level <target-level>' 的有效取值，可选：\n"), "\(level.stderr)")
        #expect(level.stderr.contains("说明：--target-level <target-level>  目标等级：1–4、none（仅按规则选模块）或 auto"), "\(level.stderr)")
        #expect(!level.stderr.contains("Target level"), "\(level.stderr)")
        let midsize = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml").path
        let short = try GaizaoBinary.run(["diagnose", midsize, "--budget", "1", "-o", never])
        #expect(short.status == 1 && short.stderr.hasPrefix("error: the budget of CNY 10,000 is below the must-have modules"), "\(short.stderr)")
        let shortZH = try GaizaoBinary.run(["diagnose", midsize, "--budget", "1", "-o", never, "--lang", "en"], environment: Self.zh)
        #expect(shortZH.stderr.hasPrefix("error: the budget of CNY 10,000"), "\(shortZH.stderr)")
    }

    /// Valid answers that are unlikely to be meant are said before the proposal is written: a revenue of 0 with a
    /// workforce, a budget above the year's revenue (yuan typed for 万元).
    @Test func unlikelyAnswersAndBudgetsAreWarnings() throws {
        let dir = TestScratch.url("plausible")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = GaizaoBinary.repositoryRoot.appendingPathComponent("examples/auto-parts-midsize.yaml")
        let text = try String(contentsOf: source, encoding: .utf8)
        let file = dir.appendingPathComponent("zero.yaml")
        try text.replacingOccurrences(of: "annual_revenue: 12000", with: "annual_revenue: 0").write(to: file, atomically: true, encoding: .utf8)
        let zero = try GaizaoBinary.run(["diagnose", file.path, "-o", dir.appendingPathComponent("a").path], environment: Self.zh)
        #expect(zero.status == 0 && zero.stderr.contains("警告：年营业收入为 0 万元而员工有 150 人"), "\(zero.stderr)")
        let budget = try GaizaoBinary.run(["diagnose", source.path, "--budget", "300000", "-o", dir.appendingPathComponent("b").path])
        #expect(budget.status == 0 && budget.stderr.contains("warning: --budget 300000 万元 is more than the annual revenue of 12000 万元"), "\(budget.stderr)")
        let plain = try GaizaoBinary.run(["diagnose", source.path, "-o", dir.appendingPathComponent("c").path])
        #expect(!plain.stderr.contains("warning"), "\(plain.stderr)")
    }
}
