import Foundation
import GaizaoCore
import Synchronization

/// The language of gaizao's own messages and help (not of the documents it writes, which default to Chinese):
/// `--lang` when given, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: `zh…` → Chinese),
/// else English.
public enum CLILanguage {
    /// Set once by `GaizaoCommand.run` before anything is printed; read by every message.
    public static var current: Lang {
        get { chosen.withLock { $0 } }
        set { chosen.withLock { $0 = newValue } }
    }

    private static let chosen = Mutex<Lang>(.en)

    public static func resolve(arguments: [String], environment: [String: String]) -> Lang {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a == "--lang", i + 1 < arguments.count, let lang = Lang(rawValue: arguments[i + 1]) { return lang }
            if a.hasPrefix("--lang="), let lang = Lang(rawValue: String(a.dropFirst(7))) { return lang }
            i += 1
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }
}

/// gaizao's messages in Chinese. The CLI writes its messages in English; each line printed to standard error
/// (and each help text) is looked up here when the message language is Chinese. An entry's key is the English
/// message with `{…}` for the parts that vary; the Chinese text uses the same names. Parts are translated again
/// when they are messages themselves (`error: {message}`). A message without an entry stays English: add one
/// here when you add a message (one table, no change at the throwing site).
enum CLIText {
    static let messages: [(en: String, zh: String)] = [
        // Prefixes and ArgumentParser's own messages.
        ("error: {m}", "错误：{m}"),
        ("warning: {m}", "警告：{m}"),
        ("Error: {m}", "错误：{m}"),
        ("Usage: {u}", "用法：{u}"),
        ("  See '{c}' for more information.", "  详见 '{c}'。"),
        ("Help:  {h}", "说明：{h}"),
        ("Missing expected argument '{a}'", "缺少参数 '{a}'"),
        ("Missing value for '{a}'", "选项 '{a}' 缺少取值"),
        ("Unknown option '{a}'. Did you mean '{b}'?", "未知选项 '{a}'。是否想用 '{b}'？"),
        ("Unknown option '{a}'", "未知选项 '{a}'"),
        ("Unexpected argument '{a}'", "多余的参数 '{a}'"),
        ("{n} unexpected arguments: {l}", "多余的参数（{n} 个）：{l}"),
        ("The value '{v}' is invalid for '{o}': {r}", "'{v}' 不是 '{o}' 的有效取值：{r}"),
        ("The value '{v}' is invalid for '{o}'. Please provide one of {l}.", "'{v}' 不是 '{o}' 的有效取值，可选：{l}。"),
        ("The value '{v}' is invalid for '{o}'", "'{v}' 不是 '{o}' 的有效取值"),
        ("unknown command '{c}'; did you mean '{s}'?", "没有 '{c}' 这个命令；是否想用 '{s}'？"),
        ("unknown command '{c}'; the commands are: {l}", "没有 '{c}' 这个命令；可用的命令：{l}"),
        // Files.
        ("{p}: no such file", "{p}：文件不存在"),
        ("{p}: is a folder, not a file", "{p}：这是文件夹，不是文件"),
        ("{p}: {n} bytes is more than the limit of {m} bytes", "{p}：{n} 字节，超过上限 {m} 字节"),
        ("{p}: cannot be read", "{p}：无法读取"),
        ("{p}: cannot write ({r})", "{p}：无法写入（{r}）"),
        ("{p}: cannot create the output folder ({r})", "{p}：无法创建输出文件夹（{r}）"),
        ("{p}: cannot list the folder", "{p}：无法列出文件夹内容"),
        ("{p}: cannot open the folder ({r})", "{p}：无法打开文件夹（{r}）"),
        ("{p}: cannot create ({r})", "{p}：无法创建（{r}）"),
        ("{p}: cannot move into place ({r})", "{p}：无法移动到位（{r}）"),
        ("{p}: more than 2000 YAML files; is this a catalog folder?", "{p}：YAML 文件超过 2000 个，这是目录数据文件夹吗？"),
        ("{p}: more than 500 templates; is this a templates folder?", "{p}：模板超过 500 个，这是模板文件夹吗？"),
        ("{p}: the answers have errors; nothing was written", "{p}：答卷有错误，未写出任何文件"),
        ("the catalog at {p} has errors; run `gaizao lint` for details", "{p} 处的目录数据有错误；运行 `gaizao lint` 查看详情"),
        ("the templates at {p} have errors; nothing was written", "{p} 处的模板有错误，未写出任何文件"),
        ("cannot find the shipped {f}/ folder; give it with {o} DIR or {e}=DIR", "找不到随附的 {f}/ 文件夹；请用 {o} DIR 或 {e}=DIR 指定"),
        ("{w} does not exist or is not a folder: {p}", "{w} 不存在或不是文件夹：{p}"),
        // Formats and output.
        ("unknown format `{f}`; formats: {l}", "未知格式 `{f}`；可用格式：{l}"),
        ("--format needs at least one of: {l}", "--format 至少需要以下之一：{l}"),
        ("`-o -` prints exactly one text format (md, html or json) to standard output", "`-o -` 只能把一种文本格式（md、html 或 json）打印到标准输出"),
        ("PDF is binary: write it to a folder with -o DIR", "PDF 是二进制文件：请用 -o DIR 写到文件夹"),
        ("templates were not loaded for this format", "未为此格式加载模板"),
        ("--format pdf needs a headless Chromium on PATH (chromium, chromium-browser or google-chrome); install one (Debian/Ubuntu: `apt-get install chromium`), or write html and print it from a browser",
         "--format pdf 需要 PATH 中有无界面 Chromium（chromium、chromium-browser 或 google-chrome）；请安装（Debian/Ubuntu：`apt-get install chromium`），或写出 html 后在浏览器中打印"),
        ("cannot start {b}: {e}", "无法启动 {b}：{e}"),
        ("{b} did not finish printing the PDF within 120 s", "{b} 未能在 120 秒内打印完 PDF"),
        ("{b} could not print the PDF (exit status {s})", "{b} 无法打印 PDF（退出状态 {s}）"),
        // Commands.
        ("--budget must be a positive number of 万元", "--budget 须为正数（单位：万元）"),
        ("unknown industry `{i}`; the catalog has: {l}", "未知行业 `{i}`；目录中有：{l}"),
        ("unknown industry `{i}`", "未知行业 `{i}`"),
        ("no industry given; the catalog has: {l}", "未填写行业；目录中有：{l}"),
        ("unknown module `{m}` for industry `{i}`; modules: {l}", "行业 `{i}` 没有模块 `{m}`；可用模块：{l}"),
        ("unknown contractor overlay `{c}`; the catalog has: {l}", "未知总包商叠加 `{c}`；目录中有：{l}"),
        ("{p}: is a folder; give an answers file with --answers FILE", "{p}：这是文件夹；请用 --answers FILE 指定答卷文件"),
        ("{p} holds answers for industry `{a}`, not `{b}`; start a new file with --answers OTHER.yaml",
         "{p} 中的答卷属于行业 `{a}`，不是 `{b}`；请用 --answers OTHER.yaml 新建答卷"),
        ("choose one of --template and --csv", "--template 与 --csv 只能选一个"),
        ("--template and --csv need --industry ID", "--template 和 --csv 需要 --industry ID"),
        ("choose one of --template, --csv and --xlsx", "--template、--csv 与 --xlsx 只能选一个"),
        ("--xlsx needs --industry ID", "--xlsx 需要 --industry ID"),
        ("batch writes md, html and json; print PDFs with `gaizao diagnose --format pdf`", "batch 只写 md、html 和 json；PDF 请用 `gaizao diagnose --format pdf`"),
        ("--jobs must be between 1 and 256", "--jobs 须在 1 到 256 之间"),
        ("give at least one input", "请至少给出一个输入"),
        ("compare needs at least two proposal JSON files (given {n})", "compare 至少需要两份方案 JSON 文件（给出了 {n} 份）"),
        ("--mode before-after compares exactly two proposals (given {n})", "--mode before-after 只比较两份方案（给出了 {n} 份）"),
        ("compare needs at least two proposals", "compare 至少需要两份方案"),
        ("the proposals are for different enterprises ({l}); use --allow-different to compare anyway",
         "各方案对应的企业不同（{l}）；如仍要比较，请加 --allow-different"),
        ("the proposals are for different industries ({l}): they cannot be compared module by module", "各方案属于不同行业（{l}），无法逐个模块比较"),
        ("before/after compares exactly two proposals of one enterprise (given {n})", "改造前后对比只比较同一企业的两份方案（给出了 {n} 份）"),
        ("{p}: not valid JSON ({r})", "{p}：不是有效的 JSON（{r}）"),
        ("{p}: not a gaizao proposal: the JSON is not an object", "{p}：不是 gaizao 方案：JSON 不是对象"),
        ("{p}: not a gaizao proposal: no `schema` field (expected {s})", "{p}：不是 gaizao 方案：没有 `schema` 字段（应为 {s}）"),
        ("{p}: unsupported schema {s}; this gaizao reads {l}", "{p}：不支持的格式 {s}；本版 gaizao 可读取 {l}"),
        ("{p}: not a valid {s} proposal: {r}", "{p}：不是有效的 {s} 方案：{r}"),
        ("unknown contractor `{c}`; available: {l}", "未知总包商 `{c}`；可用：{l}"),
        // Spreadsheets (batch CSV and workbooks).
        ("neither UTF-8 nor GB18030 text (byte {b} of the file, line {l}): save the file again from the spreadsheet as \"CSV UTF-8\" or \"CSV\"",
         "既不是 UTF-8 也不是 GB18030 文本（文件第 {b} 字节，第 {l} 行）：请在表格软件中重新另存为“CSV UTF-8”或“CSV”"),
        ("a quoted field is never closed", "有一个带引号的单元格没有结束引号"),
        ("no header row with an `industry` column in the first three rows (print one with `gaizao questions --industry ID --csv` or `--xlsx FILE`)",
         "前三行中没有含 `industry` 列的表头行（可用 `gaizao questions --industry ID --csv` 或 `--xlsx FILE` 生成）"),
        ("column {c} holds `{v}` but has no question id in the header row", "第 {c} 列有内容 `{v}`，但表头行中没有题目 id"),
        ("column `{n}` ({c}) appears twice in the header", "表头中 `{n}` 列（{c}）出现了两次"),
        ("the {k} is empty", "{k} 是空的"),
        ("questionnaire workbook written: {p} ({n} questions)", "问卷工作簿已写出：{p}（{n} 题）"),
        ("{p}: already exists and may hold filled answers; nothing was written (choose another file name, or delete it first)",
         "{p}：文件已存在，可能已填有答卷；未写出任何内容（请换一个文件名，或先删除它）"),
        ("give at least one batch output folder", "请至少给出一个批次输出文件夹"),
        ("{p}: not a summary.csv written by `gaizao batch`", "{p}：不是 `gaizao batch` 写出的 summary.csv"),
        ("{p}: error: {m}", "{p}：错误：{m}"),
        ("{p}: warning: {m}", "{p}：警告：{m}"),
        // Located messages about an answers file (Core writes them in English; these are what enterprises read).
        ("missing required key `{k}` in {m}", "{m}缺少必填项 `{k}`"),
        ("the answers file", "答卷文件"),
        ("an answers file", "答卷文件"),
        ("unknown key `{k}` in {m} (did you mean `{s}`?)", "{m}中有未知的键 `{k}`（是否想写 `{s}`？）"),
        ("unknown key `{k}` in {m}", "{m}中有未知的键 `{k}`"),
        ("missing required answer `{q}` ({z} / {e})", "缺少必答题 `{q}`（{z}）"),
        ("answer to `{q}` is ignored: the question is not asked because `{c}` does not hold",
         "`{q}` 的答案不计入：条件 `{c}` 不成立，此题不问"),
        ("answer to `{q}` holds the control character {c} at character {n}; remove it (only tab and newline are allowed in text)",
         "`{q}` 的答案第 {n} 个字符是控制字符 {c}，请删除（文本中只允许制表符和换行）"),
        ("answer to `{q}`: each item must be an option id", "`{q}` 的答案：每一项都必须是选项"),
        ("answer to `{q}`: {m}", "`{q}` 的答案：{m}"),
        ("`{v}` is not an option of `{q}` (did you mean `{s}`?); options: {o}", "`{v}` 不是 `{q}` 的选项（是否想写 `{s}`？）；可选：{o}"),
        ("`{v}` is not an option of `{q}`; options: {o}", "`{v}` 不是 `{q}` 的选项；可选：{o}"),
        ("`{v}` is not an option (did you mean `{s}`?); options: {o}", "`{v}` 不是可选项（是否想写 `{s}`？）；可选：{o}"),
        ("`{v}` is not an option; options: {o}", "`{v}` 不是可选项；可选：{o}"),
        ("`{v}` ({l}) means none of the options and cannot be chosen with others", "`{v}`（{l}）表示以上都没有，不能和其他选项同时选"),
        ("unknown industry `{v}` (did you mean `{s}`?); the catalog has: {o}", "未知行业 `{v}`（是否想写 `{s}`？）；目录中有：{o}"),
        ("unknown industry `{v}`; the catalog has: {o}", "未知行业 `{v}`；目录中有：{o}"),
        ("unknown question `{q}` for industry `{i}` (did you mean `{s}`?)", "行业 `{i}` 没有题目 `{q}`（是否想写 `{s}`？）"),
        ("unknown question `{q}` for industry `{i}`", "行业 `{i}` 没有题目 `{q}`"),
        ("`date` must be a real calendar date written YYYY-MM-DD, found `{d}`", "`date` 必须是真实存在的日期，写作 YYYY-MM-DD，现在是 `{d}`"),
        ("answer to `{q}` must be a number ({u}), found {f}", "`{q}` 的答案必须是数字（单位：{u}），现在是 {f}"),
        ("{m} must be a number ({u}), found {f}", "{m}必须是数字（单位：{u}），现在是 {f}"),
        ("answer to `{q}` must be a number, found {f}", "`{q}` 的答案必须是数字，现在是 {f}"),
        ("{m} must be a number, found {f}", "{m}必须是数字，现在是 {f}"),
        ("answer to `{q}` must be a text, found {f}", "`{q}` 的答案必须是文本，现在是 {f}"),
        ("{m} must be a text, found {f}", "{m}必须是文本，现在是 {f}"),
        ("answer to `{q}` must be a mapping, found {f}", "`{q}` 的答案必须是键值映射，现在是 {f}"),
        ("{m} must be a mapping, found {f}", "{m}必须是键值映射，现在是 {f}"),
        ("answer to `{q}` must be one option id, found {f}", "`{q}` 的答案必须是一个选项，现在是 {f}"),
        ("{m} must be one option id, found {f}", "{m}必须是一个选项，现在是 {f}"),
        ("answer to `{q}` must be true or false, found {f}", "`{q}` 的答案必须是 true 或 false，现在是 {f}"),
        ("{m} must be true or false, found {f}", "{m}必须是 true 或 false，现在是 {f}"),
        ("answer to `{q}` must be yes or no (true/false), found {f}", "`{q}` 的答案必须是“是”或“否”（true/false），现在是 {f}"),
        ("{m} must be yes or no (true/false), found {f}", "{m}必须是“是”或“否”（true/false），现在是 {f}"),
        ("answer to `{q}` is {n} characters long, more than {x}", "`{q}` 的答案有 {n} 个字符，超过上限 {x}"),
        ("answer to `{q}` is empty", "`{q}` 的答案是空的"),
        ("file is empty", "文件是空的"),
        ("file holds a NUL byte: not a text file", "文件含有 NUL 字节：不是文本文件"),
        ("file is {n} bytes, more than the limit of {x}", "文件有 {n} 字节，超过上限 {x}"),
        ("nesting deeper than {n} levels", "嵌套超过 {n} 层"),
        ("document too large once aliases are expanded (more than {n} nodes)", "展开别名后文档过大（超过 {n} 个节点）"),
        ("YAML syntax: {s}", "YAML 语法错误：{s}"),
        ("duplicate key {k} (first at {w})", "重复的键 {k}（首次出现于 {w}）"),
        ("unsupported answers format version: this gaizao reads `gaizao_answers: 1`", "不支持的答卷格式版本：本程序读取 `gaizao_answers: 1`"),
    ]

    /// Help texts: the English as the commands declare it → Chinese.
    static let help: [(en: String, zh: String)] = [
        ("Exit codes: 0 ok, 1 the input is wrong, 2 usage error.", "退出码：0 成功，1 输入有误，2 用法错误。"),
        ("Show the version.", "显示版本。"),
        ("Show help information.", "显示帮助。"),
        ("Show subcommand help information.", "显示子命令的帮助。"),
        ("Answers file (YAML or JSON).", "答卷文件（YAML 或 JSON）。"),
        ("Output folder (default: the current folder; `-` prints one format to standard output).", "输出文件夹（默认：当前文件夹；`-` 把一种格式打印到标准输出）。"),
        ("Formats, comma-separated: md, html, json, pdf (pdf needs a headless Chromium).", "输出格式，逗号分隔：md、html、json、pdf（pdf 需要无界面 Chromium）。"),
        ("Templates folder (default: $GAIZAO_TEMPLATES, else the shipped templates/).", "模板文件夹（默认：$GAIZAO_TEMPLATES，否则为随附的 templates/）。"),
        ("Contractor overlay id (its prices, durations, products).", "总包商叠加 id（其价格、工期、产品）。"),
        ("Budget in 10k CNY (万元): the personalized modules of greatest value within it.", "预算（万元）：在预算内选价值最高的个性化模块。"),
        ("Budget in 10k CNY (万元), against the high estimate: the package that reaches the highest level, then points, within it; must-haves are never dropped.",
         "预算（万元，与投资估算上限比较）：在预算内选等级最高、其次得分最高的组合；必选模块不会删减。"),
        ("Budget in 万元 (against the high estimate): the package that reaches the highest level, then points, within it; must-haves are never dropped.",
         "预算（万元，与投资估算上限比较）：在预算内选等级最高、其次得分最高的组合；必选模块不会删减。"),
        ("Catalog folder (default: $GAIZAO_CATALOG, else the shipped catalogs/).", "目录数据文件夹（默认：$GAIZAO_CATALOG，否则为随附的 catalogs/）。"),
        ("Language of the output: zh (default) or en.", "输出文档的语言：zh（默认）或 en。"),
        ("Only this module id.", "只解释此模块 id。"),
        ("Contractor overlay id.", "总包商叠加 id。"),
        ("Budget in 10k CNY (万元).", "预算（万元）。"),
        ("Keys: ↑/↓ (j/k, number keys; digits typed together are one number) choose, Space ticks, Enter confirms, ←/Backspace/b goes back, ? explains and lists every key, Ctrl-C saves and stops. Numbers may carry their unit (85人, 30%, 1.2亿). The answers are saved after every answer; run the same command again to continue. The last step asks the diagnosis date (default today); the proposal is named after the company and that date. When standard input is not a terminal, one answer per line is read (option numbers, comma-separated for several, y/n, numbers, text; an empty line keeps the answer, takes the default or skips). Exit codes: 0 proposal written, 1 input error or input ended early, 2 usage, 128+signal when stopped (130 for Ctrl-C/Ctrl-D).",
         "按键：↑/↓（j/k、数字键；连续输入的数字算一个序号）选择，空格勾选，回车确认，←/退格/b 返回上一题，? 查看说明和全部按键，Ctrl-C 保存并退出。数字可带单位（85人、30%、1.2亿）。每答一题即保存；再次运行同一命令即可继续。最后一步询问诊断日期（默认今天）；方案文件以企业名称和该日期命名。标准输入不是终端时，每行读一个答案（选项编号，多选用逗号分隔，y/n，数字，文字；空行保留原答案、取默认值或跳过）。退出码：0 已写出方案，1 输入有误或输入提前结束，2 用法错误，被中断时为 128+信号（Ctrl-C/Ctrl-D 为 130）。"),
        ("Industry id (default: ask; a resumed file keeps its own).", "行业 id（默认：询问；继续作答的文件沿用其行业）。"),
        ("Answers file: created, or resumed when it exists.", "答卷文件：不存在则新建，存在则继续作答。"),
        ("Folder for the proposal (default: the current folder).", "方案输出文件夹（默认：当前文件夹）。"),
        ("Proposal formats, comma-separated: md, html, json, pdf.", "方案格式，逗号分隔：md、html、json、pdf。"),
        ("Reads the proposal JSON that `gaizao diagnose` writes and writes comparison.md and comparison.html (and comparison.json with --format json, see docs/comparison-schema.md). Columns are labelled with the contractor's name, else the file name. With --mode auto, two proposals of one enterprise with different dates and the same contractor are compared before/after; anything else compares contractors. Proposals are comparable when they aim at the same target level and each reaches it within its own budget; the others are marked at the top and take no \"lowest\" or \"shortest\". Exit codes: 0 ok, 1 an input is wrong (malformed JSON, different enterprises), 2 usage.",
         "读取 `gaizao diagnose` 写出的方案 JSON，写出 comparison.md 和 comparison.html（--format json 另写 comparison.json，见 docs/comparison-schema.md）。各列以总包商名称为标题，没有则用文件名。--mode auto 时，同一企业、诊断日期不同且总包商相同的两份方案按改造前后对比，其余按多家总包商比较。瞄准同一目标等级并在各自预算内达到的方案才可比；其余方案在报告开头标出，不参与“最低”“最短”评比。退出码：0 成功，1 输入有误（JSON 格式错误、企业不同），2 用法错误。"),
        ("Proposal JSON files written by `gaizao diagnose` (two or more).", "`gaizao diagnose` 写出的方案 JSON 文件（两份或以上）。"),
        ("Output folder; `-` prints one format to standard output.", "输出文件夹；`-` 把一种格式打印到标准输出。"),
        ("Formats, comma-separated: md, html, json, pdf (pdf needs a headless Chromium).", "输出格式，逗号分隔：md、html、json、pdf（pdf 需要无界面 Chromium）。"),
        ("Compare proposals of different enterprises (refused otherwise).", "比较不同企业的方案（否则拒绝）。"),
        ("How the proposals relate: auto decides by dates and contractors.", "方案之间的关系：auto 按日期和总包商判断。"),
        ("Language of the output.", "输出文档的语言。"),
        ("Inputs: answers files (YAML/JSON), folders of them, CSV files (one enterprise per row, question ids as columns; `gaizao questions --industry ID --csv` prints the header; several choices in one cell separated by `;`; UTF-8 or GB18030), xlsx workbooks (`gaizao questions --industry ID --xlsx FILE` writes one; every sheet with an ids row), or `-` for JSON Lines on standard input. Options may be given by id or by label. Writes DIR/NNNNN-NAME/ per enterprise, DIR/summary.csv, DIR/summary.xlsx, DIR/summary.html and, when a record failed, DIR/errors.csv with every error. Exit 1 if any enterprise failed; the others are still done. Result folders of an earlier batch in DIR are kept and this run numbers its folders after them (summary.csv and summary.html are replaced); one batch at a time writes into DIR (a second one is refused), and the batch's own files are never read as input.",
         "输入：答卷文件（YAML/JSON）、存放答卷的文件夹、CSV 文件（每行一家企业，列为题目 id；`gaizao questions --industry ID --csv` 打印表头；一格多选用 `;` 分隔；UTF-8 或 GB18030）、xlsx 工作簿（`gaizao questions --industry ID --xlsx FILE` 生成；读取每个带 id 行的工作表），或 `-` 从标准输入读 JSON Lines。选项可填 id 或标签。每家企业写 DIR/NNNNN-名称/，另写 DIR/summary.csv、DIR/summary.xlsx、DIR/summary.html，有失败时另写列出全部错误的 DIR/errors.csv。有企业失败时退出码为 1，其余企业照常完成。DIR 中以前批次的结果文件夹会保留，本次编号接在其后（summary.csv 和 summary.html 会被替换）；同一时间只允许一个批次写入 DIR（第二个会被拒绝），批次自己写出的文件不会被当作输入读取。"),
        ("Each DIR is the output folder of a `gaizao batch` run (it holds summary.csv). Writes OUT/summary.csv, OUT/summary.xlsx, OUT/summary.html and, when a record failed, OUT/errors.csv over all of them, numbered in the order given. Exit 1 when a DIR holds no readable summary.csv.",
         "每个 DIR 是一次 `gaizao batch` 的输出文件夹（内有 summary.csv）。合并写出 OUT/summary.csv、OUT/summary.xlsx、OUT/summary.html，有失败时另写 OUT/errors.csv，按给出的顺序编号。某个 DIR 中没有可读的 summary.csv 时退出码为 1。"),
        ("Batch output folders (each with summary.csv).", "批次输出文件夹（各含 summary.csv）。"),
        ("A batch's summary.csv (or its output folder): show where the enterprise stands among its peers there.", "某次批量诊断的 summary.csv（或其输出文件夹）：显示企业在其中同行里的位置。"),
        ("Answers files, folders, CSV or xlsx files, or - for JSON Lines on stdin.", "答卷文件、文件夹、CSV 或 xlsx 文件，或 - 表示从标准输入读 JSON Lines。"),
        ("Output folder.", "输出文件夹。"),
        ("Formats, comma-separated: md, html, json.", "输出格式，逗号分隔：md、html、json。"),
        ("Parallel jobs (default: the number of cores).", "并行任务数（默认：CPU 核数）。"),
        ("Industry id (default: all industries, listed).", "行业 id（默认：列出所有行业）。"),
        ("Print a commented answers file to fill in.", "打印带注释、待填写的答卷文件。"),
        ("Print the CSV header for `gaizao batch` (question ids as columns).", "打印 `gaizao batch` 用的 CSV 表头（题目 id 为列）。"),
        ("Write a questionnaire workbook (.xlsx) for `gaizao batch`: one row per enterprise, drop-down lists.", "写出供 `gaizao batch` 使用的问卷工作簿（.xlsx）：每行一家企业，带下拉选项。"),
        ("Reports every problem as path:line:col: error|warning: message. Exit 0 when clean, 1 on errors (or warnings with --strict).",
         "每个问题报告为 path:line:col: error|warning: 说明。无问题退出码为 0，有错误（或 --strict 时有警告）为 1。"),
        ("Catalog folder (default: --catalog, $GAIZAO_CATALOG, else the shipped catalogs/).", "目录数据文件夹（默认：--catalog、$GAIZAO_CATALOG，否则为随附的 catalogs/）。"),
        ("Fail on warnings too.", "有警告也算失败。"),
        ("Templates folder to check as well (default: the shipped templates/ when linting the shipped catalog).", "一并检查的模板文件夹（默认：检查随附目录时为随附的 templates/）。"),
    ]

    /// Compiled patterns, most specific (longest literal text) first within the table order.
    private static let compiledMessages: [(regex: NSRegularExpression, names: [String], zh: String)] = messages.compactMap(compile)
    private static let helpTable: [String: String] = Dictionary(help.map { ($0.en, $0.zh) }, uniquingKeysWith: { a, _ in a })

    private static func compile(_ entry: (en: String, zh: String)) -> (regex: NSRegularExpression, names: [String], zh: String)? {
        var pattern = "^"
        var names: [String] = []
        var rest = Substring(entry.en)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            names.append(String(rest[rest.index(after: open)..<close]))
            pattern += "(.+?)"
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return nil }
        return (regex, names, entry.zh)
    }

    /// One message in the message language: each line looked up in `messages` (English unchanged).
    static func localized(_ text: String, lang: Lang = CLILanguage.current) -> String {
        guard lang == .zh else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { translate(String($0), depth: 0) }.joined(separator: "\n")
    }

    private static func translate(_ line: String, depth: Int) -> String {
        guard depth < 4, !line.isEmpty else { return line }
        let range = NSRange(line.startIndex..., in: line)
        for entry in compiledMessages {
            guard let match = entry.regex.firstMatch(in: line, range: range) else { continue }
            var out = entry.zh
            for (i, name) in entry.names.enumerated() {
                guard let r = Range(match.range(at: i + 1), in: line) else { continue }
                let part = String(line[r])
                // A part that is itself a message (after `error: `, inside `Error: `) is translated too.
                let value = ["m", "h", "r"].contains(name) ? translate(part, depth: depth + 1) : part
                out = out.replacingOccurrences(of: "{\(name)}", with: value)
            }
            return out
        }
        return line
    }

    /// A help text (an abstract, discussion or option help) in `lang`. A bilingual abstract (`中文 / English`)
    /// keeps its side; other texts come from `help`.
    static func helpText(_ text: String, lang: Lang) -> String {
        if let slash = text.range(of: " / "), text[..<slash.lowerBound].unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value < 0xA000 }) {
            return lang == .zh ? String(text[..<slash.lowerBound]) : String(text[slash.upperBound...])
        }
        return lang == .zh ? (helpTable[text] ?? text) : text
    }
}
