import Foundation
import GaizaoCore
import Synchronization

/// The language of gaizao's own messages and help (the documents it writes default to Chinese): `--lang` when
/// given, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set): Chinese for `zh…` and for a
/// locale that names no language (`C`, `C.UTF-8`, `POSIX`, as servers and containers often have), English for any
/// other language; Chinese when none is set. gaizao's users are Chinese first.
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
            let locale = value.lowercased()
            let namesNoLanguage = locale == "c" || locale == "posix" || locale.hasPrefix("c.")
            return locale.hasPrefix("zh") || namesNoLanguage ? .zh : .en
        }
        return .zh
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
        ("{n} of {t} scored questions are unanswered and count as 0 points: the diagnosis and the package rest on those gaps (the proposal says so)",
         "{t} 项评分问题中有 {n} 项未作答，按 0 分计：诊断和方案都建立在这些空缺上（方案中已注明）"),
        ("--target-level {t} is below the enterprise's current level {n}: the proposal only keeps that level; leave the option out to aim one level higher",
         "--target-level {t} 低于企业现有的 {n} 级：方案只保持现有等级；不加此选项即以再升一级为目标"),
        ("--target-level {t} is below the current level of {n} of {total} enterprises ({e}): their proposals only keep that level; leave the option out to aim each one level higher",
         "--target-level {t} 低于 {total} 家中 {n} 家企业的现有等级（{e}）：这些企业的方案只保持现有等级；不加此选项即以每家再升一级为目标"),
        ("Error: {m}", "错误：{m}"),
        ("Usage: {u}", "用法：{u}"),
        ("  See '{c}' for more information.", "  详见 '{c}'。"),
        ("Help:  {o}  {help}", "说明：{o}  {help}"),
        ("Help:  {h}", "说明：{h}"),
        ("Missing expected argument '{a}'", "缺少参数 '{a}'"),
        ("Missing value for '{a}'", "选项 '{a}' 缺少取值"),
        ("Unknown option '{a}'. Did you mean '{b}'?", "未知选项 '{a}'。是否想用 '{b}'？"),
        ("Unknown option '{a}'", "未知选项 '{a}'"),
        ("Unexpected argument '{a}'", "多余的参数 '{a}'"),
        ("{n} unexpected arguments: {l}", "多余的参数（{n} 个）：{l}"),
        ("The value '{v}' is invalid for '{o}': {r}", "'{v}' 不是 '{o}' 的有效取值：{r}"),
        ("The value '{v}' is invalid for '{o}'. Please provide one of {l}.", "'{v}' 不是 '{o}' 的有效取值，可选：{l}。"),
        ("The value '{v}' is invalid for '{o}'. Please provide one of the following:", "'{v}' 不是 '{o}' 的有效取值，可选："),
        ("The value '{v}' is invalid for '{o}'", "'{v}' 不是 '{o}' 的有效取值"),
        ("unknown command '{c}'; did you mean '{s}'?", "没有 '{c}' 这个命令；是否想用 '{s}'？"),
        ("unknown command '{c}'; the commands are: {l}", "没有 '{c}' 这个命令；可用的命令：{l}"),
        // Files.
        // Before the file messages below: the reason it ends with is one of them, and would match first.
        ("cannot save the answers in {p}, so no question is asked: {m}", "无法把答卷保存到 {p}，所以不开始提问：{m}"),
        ("{p}: is an input of this command and would be overwritten by its output; nothing was written (choose another output folder with -o, or rename the input)",
         "{p}：是本命令的输入文件，会被输出覆盖；未写出任何文件（请用 -o 另选输出文件夹，或给输入文件改名）"),
        ("{p}: would overwrite the input {i} (the same file); nothing was written (choose another output folder with -o, or rename the input)",
         "{p}：会覆盖输入文件 {i}（同一个文件）；未写出任何文件（请用 -o 另选输出文件夹，或给输入文件改名）"),
        ("{p}: no such file", "{p}：文件不存在"),
        ("{p}: is a folder, not a file", "{p}：这是文件夹，不是文件"),
        // A batch's `file: error: …` first: `{p}` would otherwise take `file: error`.
        ("{p}: error: {n} bytes is more than the limit of {x} bytes", "{p}：错误：{n} 字节，超过上限 {x} 字节"),
        ("{p}: {n} bytes is more than the limit of {x} bytes", "{p}：{n} 字节，超过上限 {x} 字节"),
        ("{n} bytes is more than the limit of {x} bytes", "{n} 字节，超过上限 {x} 字节"),
        ("{p}: cannot be read", "{p}：无法读取"),
        ("{p}: cannot prepare the PDF ({r})", "{p}：无法准备 PDF（{r}）"),
        ("{p}: cannot write into the output folder ({r})", "{p}：无法写入输出文件夹（{r}）"),
        ("{p}: cannot write ({r}); the previous files are unchanged", "{p}：无法写入（{r}）；原有文件未改动"),
        ("{p}: cannot write the workbook ({r})", "{p}：无法写入工作簿（{r}）"),
        ("{p}: cannot write ({r}); the output is incomplete", "{p}：无法写入（{r}）；输出不完整"),
        ("{p}: cannot write ({r})", "{p}：无法写入（{r}）"),
        ("{p}: cannot create the output folder ({r})", "{p}：无法创建输出文件夹（{r}）"),
        ("-o names the output folder, and it was given empty: give a folder, such as -o out", "-o 指定输出文件夹，但给出的是空值：请给出文件夹，例如 -o out"),
        ("-o names the folder for the proposal, and `{p}` is the answers file (--answers): give another folder, such as -o out",
         "-o 指定方案的输出文件夹，而 `{p}` 是答卷文件（--answers）：请另给一个文件夹，例如 -o out"),
        ("`{o}` was given empty (an unset shell variable?): give a path", "`{o}` 给出的是空值（是未设置的 shell 变量吗？）：请给出路径"),
        ("`--industry` was given empty (an unset shell variable?): give an industry id; the catalog has: {l}",
         "`--industry` 给出的是空值（是未设置的 shell 变量吗？）：请给出行业 id；目录中有：{l}"),
        ("`--contractor` was given empty (an unset shell variable?): give a contractor overlay id; the catalog has: {l}",
         "`--contractor` 给出的是空值（是未设置的 shell 变量吗？）：请给出总包商叠加 id；目录中有：{l}"),
        ("`<module>` was given empty (an unset shell variable?): give a module or measure id of industry `{i}`; modules: {l}; measures: {k}",
         "`<module>` 给出的是空值（是未设置的 shell 变量吗？）：请给出行业 `{i}` 的模块或管理措施 id；模块：{l}；管理措施：{k}"),
        ("--answers names the answers file, and `{p}` ends with `/` like a folder: give a file, such as --answers {e}",
         "--answers 指定答卷文件，但 `{p}` 以 `/` 结尾，像是文件夹：请给出文件，例如 --answers {e}"),
        ("{p}: not a batch output folder; give the folder `gaizao batch` wrote (it holds summary.csv)",
         "{p}：不是批量诊断的输出文件夹；请给出 `gaizao batch` 写入的文件夹（其中有 summary.csv）"),
        ("{p}: cannot list the folder", "{p}：无法列出文件夹内容"),
        ("{p}: cannot open the folder ({r})", "{p}：无法打开文件夹（{r}）"),
        ("{p}: cannot create ({r})", "{p}：无法创建（{r}）"),
        ("{p}: cannot move into place ({r})", "{p}：无法移动到位（{r}）"),
        ("{p}: a file or folder of that name that gaizao did not write is in the way; it was kept, and this enterprise's folder was not written",
         "{p}：已有同名的文件或文件夹（不是 gaizao 写的），已保留；这家企业的文件夹没有写入"),
        ("{p}: more than 2000 YAML files; is this a catalog folder?", "{p}：YAML 文件超过 2000 个，这是目录数据文件夹吗？"),
        ("{p}: the YAML files add up to more than the limit of {n} bytes; is this a catalog folder?",
         "{p}：YAML 文件合计超过 {n} 字节的上限，这是目录数据文件夹吗？"),
        ("{p}: more than 500 templates; is this a templates folder?", "{p}：模板超过 500 个，这是模板文件夹吗？"),
        ("{p}: a link to {t}, outside the folder; copy the file into the folder", "{p}：是指向文件夹之外（{t}）的链接；请把文件复制到文件夹内"),
        ("{p}: the answers have errors; nothing was written", "{p}：答卷有错误，未写出任何文件"),
        ("the catalog at {p} has errors; run `gaizao lint` for details", "{p} 处的目录数据有错误；运行 `gaizao lint` 查看详情"),
        ("the templates at {p} have errors; nothing was written", "{p} 处的模板有错误，未写出任何文件"),
        ("cannot find the shipped {d}/ folder; give it with {o} DIR or {e}=DIR", "找不到随附的 {d}/ 文件夹；请用 {o} DIR 或 {e}=DIR 指定"),
        ("{w} does not exist or is not a folder: {p}", "{w}不存在或不是文件夹：{p}"),
        ("{w} does not exist: {p}", "{w}不存在：{p}"),
        ("{w} is a file, not a folder: {p}", "{w}是文件，不是文件夹：{p}"),
        ("{p}: no such folder", "{p}：文件夹不存在"),
        ("missing catalog file {p} in {d}", "{d} 中缺少目录数据文件 {p}"),
        // Formats and output.
        ("unknown format `{v}`; formats: {l}", "未知格式 `{v}`；可用格式：{l}"),
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
        ("the annual revenue is 0 万元 with {n} employees: the enterprise is sized micro by its revenue; check `annual_revenue` (in 万元)",
         "年营业收入为 0 万元而员工有 {n} 人：按营业收入企业规模将定为微型；请核对 `annual_revenue`（单位：万元）"),
        ("--budget {b} 万元 is more than the annual revenue of {v} 万元; --budget is in 万元 (10,000 CNY), not yuan",
         "--budget {b} 万元超过企业年营业收入 {v} 万元；--budget 的单位是万元，不是元"),
        ("--budget must be a positive number of 万元, found {v}", "--budget 须为正数（单位：万元），现在是 {v}"),
        ("--budget {b} 万元 is out of range: it must be less than 1000000 万元 (100 亿元)", "--budget {b} 万元超出范围：须小于 1000000 万元（100 亿元）"),
        ("unknown industry `{i}`; the catalog has: {l}", "未知行业 `{i}`；目录中有：{l}"),
        ("unknown industry `{i}`", "未知行业 `{i}`"),
        ("no industry given; the catalog has: {l}", "未填写行业；目录中有：{l}"),
        ("unknown module or measure `{j}` for industry `{i}`; modules: {l}; measures: {k}", "行业 `{i}` 没有模块或管理措施 `{j}`；模块：{l}；管理措施：{k}"),
        ("unknown contractor overlay `{c}`; the catalog has: {l}", "未知总包商叠加 `{c}`；目录中有：{l}"),
        ("contractor overlay `{c}` is for industry `{i}`", "总包商叠加 `{c}` 属于行业 `{i}`，与答卷的行业不符"),
        ("{p}: is a folder; give an answers file with --answers FILE", "{p}：这是文件夹；请用 --answers FILE 指定答卷文件"),
        ("{p} holds answers for industry `{a}`, not `{b}`; start a new file with --answers OTHER.yaml",
         "{p} 中的答卷属于行业 `{a}`，不是 `{b}`；请用 --answers OTHER.yaml 新建答卷"),
        ("choose one of --template and --csv", "--template 与 --csv 只能选一个"),
        ("--template and --csv need --industry ID", "--template 和 --csv 需要 --industry ID"),
        ("choose one of --template, --csv and --xlsx", "--template、--csv 与 --xlsx 只能选一个"),
        ("--xlsx needs --industry ID", "--xlsx 需要 --industry ID"),
        ("batch writes md, html and json; print PDFs with `gaizao diagnose --format pdf`", "batch 只写 md、html 和 json；PDF 请用 `gaizao diagnose --format pdf`"),
        ("--jobs must be between 1 and 256", "--jobs 须在 1 到 256 之间"),
        ("`{p}` looks like a file name, but -o names the output folder (gaizao names the files in it): give a folder, such as -o out",
         "`{p}` 像是文件名，但 -o 指定的是输出文件夹（其中的文件由 gaizao 命名）：请给出文件夹，如 -o out"),
        ("give at least one input", "请至少给出一个输入"),
        ("compare needs at least two proposal JSON files (given {n})", "compare 至少需要两份方案 JSON 文件（给出了 {n} 份）"),
        ("--mode before-after compares exactly two proposals (given {n})", "--mode before-after 只比较两份方案（给出了 {n} 份）"),
        ("compare needs at least two proposals", "compare 至少需要两份方案"),
        ("the proposals are for different enterprises ({l}); use --allow-different to compare anyway",
         "各方案对应的企业不同（{l}）；如仍要比较，请加 --allow-different"),
        ("the proposals are for different industries ({l}): they cannot be compared module by module", "各方案属于不同行业（{l}），无法逐个模块比较"),
        ("before/after compares exactly two proposals of one enterprise (given {n})", "改造前后对比只比较同一企业的两份方案（给出了 {n} 份）"),
        ("{p}: the same file as {q}, given twice: give each proposal once", "{p}：与 {q} 是同一个文件，给了两次：每份方案只需给一次"),
        ("{p}: not valid JSON ({r})", "{p}：不是有效的 JSON（{r}）"),
        ("{p}: line {l}, column {c}: the number `{v}` is out of range (a proposal's numbers are at most about 1.8e308)",
         "{p}：第 {l} 行第 {c} 列：数字 `{v}` 超出范围（方案中的数字最大约为 1.8e308）"),
        ("{p}: line {l}, column {c}: the number `{v}` ({n} characters) is out of range (a proposal's numbers are at most about 1.8e308)",
         "{p}：第 {l} 行第 {c} 列：数字 `{v}`（{n} 个字符）超出范围（方案中的数字最大约为 1.8e308）"),
        ("{p}: line {l}, column {c}: the key `{k}` is given twice in one object", "{p}：第 {l} 行第 {c} 列：键 `{k}` 在同一个对象中出现了两次"),
        ("{p}: not a gaizao proposal: the JSON is not an object", "{p}：不是 gaizao 方案：JSON 不是对象"),
        ("{p}: not a gaizao proposal: no `schema` field (expected {s})", "{p}：不是 gaizao 方案：没有 `schema` 字段（应为 {s}）"),
        ("{p}: unsupported schema {s}; this gaizao reads {l}", "{p}：不支持的格式 {s}；本版 gaizao 可读取 {l}"),
        ("{p}: a comparison gaizao wrote ({s}), not a proposal: give the proposal JSON files `gaizao diagnose` wrote",
         "{p}：这是 gaizao 写的比较结果（{s}），不是方案：请给出 `gaizao diagnose` 写的方案 JSON 文件"),
        ("{p}: not a valid {s} proposal: {r}", "{p}：不是有效的 {s} 方案：{r}"),
        ("{p}: not a valid proposal: `target.level` is {v} (expected 1–4 or null)", "{p}：不是有效的方案：`target.level` 是 {v}（应为 1–4 或 null）"),
        ("{p}: cannot be read as a proposal", "{p}：无法作为方案读取"),
        // What is wrong inside a proposal file (the `{r}` above).
        ("{m} (and {n} more)", "{m}（另有 {n} 处）"),
        ("syntax error", "语法错误"),
        ("near line {n}", "约在第 {n} 行"),
        ("the file is empty", "文件是空的"),
        ("the file ends before the JSON does", "JSON 没有写完，文件就结束了"),
        ("line {l}, column {c}: unexpected text", "第 {l} 行第 {c} 列：此处的内容不合 JSON 语法"),
        ("line {l}, column {c}: nested more deeply than a proposal is", "第 {l} 行第 {c} 列：嵌套层数超过方案文件应有的深度"),
        ("missing key `{k}`", "缺少键 `{k}`"),
        ("wrong type at `{k}` (expected {w})", "`{k}` 的类型不对（应为{w}）"),
        ("missing value at `{k}` (expected {w})", "`{k}` 缺少取值（应为{w}）"),
        ("invalid value at `{k}`", "`{k}` 的取值无效"),
        ("invalid content", "内容无效"),
        ("`{k}` is {v}: expected a whole number", "`{k}` 是 {v}：应为整数"),
        ("`{k}`: {v} yuan is out of range ({a} to {b} yuan)", "`{k}`：{v} 元超出范围（{a} 至 {b} 元）"),
        ("`{k}`: level {v} is out of range ({a} to 4)", "`{k}`：等级 {v} 超出范围（{a} 至 4）"),
        ("`{k}`: {v} is out of range ({a} to {b})", "`{k}`：{v} 超出范围（{a} 至 {b}）"),
        ("`{k}`: not a SHA-256 hash (64 lowercase hexadecimal digits)", "`{k}`：不是 SHA-256 哈希值（应为 64 位小写十六进制数字）"),
        ("`{k}`: `{d}` is not a real calendar date written YYYY-MM-DD", "`{k}`：`{d}` 不是写作 YYYY-MM-DD 的真实日期"),
        ("`{k}`: the text holds the control character {c} at character {n}", "`{k}`：文本第 {n} 个字符是控制字符 {c}"),
        ("`{k}`: the key holds the control character {c}", "`{k}`：键名含控制字符 {c}"),
        ("`{k}`: nested more deeply than a proposal is", "`{k}`：嵌套层数超过方案应有的深度"),
        ("unknown contractor `{c}`; available: {l}", "未知总包商 `{c}`；可用：{l}"),
        // Spreadsheets (batch CSV and workbooks).
        ("neither UTF-8 nor GB18030 text (byte {b} of the file, line {l}): save the file again from the spreadsheet as \"CSV UTF-8\" or \"CSV\"",
         "既不是 UTF-8 也不是 GB18030 文本（文件第 {b} 字节，第 {l} 行）：请在表格软件中重新另存为“CSV UTF-8”或“CSV”"),
        ("a quoted field is never closed", "有一个带引号的单元格没有结束引号"),
        ("the columns are separated by {w}, not commas: save the table as CSV with commas (or as xlsx)", "各列之间用的是{w}，不是逗号：请把表格另存为以逗号分隔的 CSV（或 xlsx）"),
        ("no header row with an `industry` column in the first three rows (print one with `gaizao questions --industry ID --csv` or `--xlsx FILE`)",
         "前三行中没有含 `industry` 列的表头行（可用 `gaizao questions --industry ID --csv` 或 `--xlsx FILE` 生成）"),
        ("column {c} holds `{v}` but has no question id in the header row", "第 {c} 列有内容 `{v}`，但表头行中没有题目 id"),
        ("column `{n}` ({c}) appears twice in the header", "表头中 `{n}` 列（{c}）出现了两次"),
        ("the CSV file is empty", "CSV 文件是空的"),
        ("the sheet is empty", "工作表是空的"),
        ("the {k} is empty", "{k} 是空的"),
        ("questionnaire workbook written: {p} ({n} questions)", "问卷工作簿已写出：{p}（{n} 题）"),
        ("{p}: already exists and may hold filled answers; nothing was written (choose another file name, or delete it first)",
         "{p}：文件已存在，可能已填有答卷；未写出任何内容（请换一个文件名，或先删除它）"),
        ("give at least one batch output folder", "请至少给出一个批次输出文件夹"),
        ("{p}: not a summary.csv written by `gaizao batch`", "{p}：不是 `gaizao batch` 写出的 summary.csv"),
        ("`{k}` is `{v}`, not a number: the summary.csv was edited; run the batch again",
         "`{k}` 为 `{v}`，不是数字：summary.csv 被改过；请重新运行批量诊断"),
        ("`{k}` is `{v}`, not a level ({a} to {b}): the summary.csv was edited; run the batch again",
         "`{k}` 为 `{v}`，不是有效等级（{a} 到 {b}）：summary.csv 被改过；请重新运行批量诊断"),
        ("`{k}` is `{v}`, below 0: the summary.csv was edited; run the batch again",
         "`{k}` 为 `{v}`，小于 0：summary.csv 被改过；请重新运行批量诊断"),
        ("`{k}` is `{v}`, above `{x}` (`{y}`): the summary.csv was edited; run the batch again",
         "`{k}` 为 `{v}`，大于 `{x}`（`{y}`）：summary.csv 被改过；请重新运行批量诊断"),
        ("`industry` is `{v}`, not an industry of the catalog ({l}): the summary.csv was edited; run the batch again",
         "`industry` 为 `{v}`，不是目录中的行业（{l}）：summary.csv 被改过；请重新运行批量诊断"),
        ("repeats {a} (the same result folder `{d}`): each enterprise is counted once; remove the repeated row, or run the batch again",
         "与 {a} 重复（同一个结果文件夹 `{d}`）：每家企业只计一次；请删去重复的行，或重新运行批量诊断"),
        ("{p}: not a file gaizao wrote, and this run would replace it; it was kept and nothing was written (move it, or choose another output folder)",
         "{p}：不是 gaizao 写出的文件，本次运行会覆盖它；已保留该文件，未写出任何内容（请移走它，或换一个输出文件夹）"),
        ("{p}: changed since gaizao wrote it; it was kept and nothing was written (move or rename it, or choose another output folder)",
         "{p}：gaizao 写出后已被修改；已保留该文件，未写出任何内容（请移走或改名，或换一个输出文件夹）"),
        ("{p}: a folder or special file of that name is in the way; it was kept and nothing was written (move it, or choose another output folder)",
         "{p}：已有同名的文件夹或特殊文件；已保留，未写出任何内容（请移走它，或换一个输出文件夹）"),
        ("{p}: holds the result folders of a batch, whose summary the merge would replace; nothing was written (merge into a new folder)",
         "{p}：其中有一个批次的结果文件夹，合并会覆盖该批次的汇总；未写出任何内容（请合并到一个新文件夹）"),
        ("{p}: given twice; each batch folder is merged once", "{p}：给了两次；每个批次文件夹只合并一次"),
        // The operating system's reasons (`strerror`), as `{r}` in the messages above.
        ("Is a directory", "是文件夹"), ("Not a directory", "不是文件夹"), ("Permission denied", "没有权限"),
        ("Operation not permitted", "操作不被允许"), ("No space left on device", "磁盘空间不足"), ("File exists", "文件已存在"),
        ("Read-only file system", "只读文件系统"), ("No such file or directory", "没有该文件或文件夹"),
        ("File name too long", "文件名太长"), ("Disk quota exceeded", "超出磁盘配额"), ("Too many open files", "打开的文件太多"),
        ("a file of that name is in the way", "已有同名文件"),
        ("JSON Lines are read from standard input: gaizao batch - -o DIR < FILE", "JSON Lines 从标准输入读取：gaizao batch - -o DIR < 文件"),
        ("--xlsx names the workbook file to write, ending in .xlsx (such as --xlsx 问卷.xlsx), found `{v}`", "--xlsx 指定要写出的工作簿文件，须以 .xlsx 结尾（如 --xlsx 问卷.xlsx），收到 `{v}`"),
        ("{n} more unknown questions for industry `{i}` (the first {x} are reported above)", "行业 `{i}` 另有 {n} 个未知题目（前 {x} 个见上）"),
        ("{p} already holds {n} result folder(s) of an earlier batch: they are kept, and this run numbers its folders from {x}; its summary.csv, summary.xlsx, summary.html and errors.csv are replaced",
         "{p} 中已有 {n} 个之前批次的结果文件夹：它们会保留，本次从 {x} 开始编号；该文件夹的 summary.csv、summary.xlsx、summary.html 和 errors.csv 会被替换"),
        ("standard input held no line of answers (one enterprise's answers as JSON on each line)", "标准输入中没有答卷行（每行一家企业的 JSON 答卷）"),
        ("standard input holds JSON spread over several lines, but `batch -` reads JSON Lines: each enterprise's answers as one JSON object on one line (for one enterprise, pass its .json file instead)",
         "标准输入中的 JSON 分成了多行，而 `batch -` 读取的是 JSON Lines：每家企业的答卷写成一行一个 JSON 对象（只有一家企业时，请直接传入它的 .json 文件）"),
        ("not a regular file (a pipe or a device): save the table as a file", "不是普通文件（管道或设备）：请把表格保存为文件"),
        ("no enterprise rows below the header (row {n}): the CSV file holds no enterprise", "表头（第 {n} 行）下面没有企业行：这个 CSV 文件里没有企业"),
        ("no enterprise rows below the header (row {n}): the workbook holds no enterprise", "表头（第 {n} 行）下面没有企业行：这个工作簿里没有企业"),
        ("the folder holds no answers files (.yaml, .json), CSV files or xlsx workbooks", "文件夹中没有答卷文件（.yaml、.json）、CSV 文件或 xlsx 工作簿"),
        ("a row numbered {n}, outside 1–1048576", "行号 {n} 超出 1–1048576"),
        ("{p}: cannot create a scratch file in the output folder ({r})", "{p}：无法在输出文件夹中创建临时文件（{r}）"),
        ("{p}: cannot keep the answers for the second pass ({r})", "{p}：无法保存答卷以供第二遍使用（{r}）"),
        ("{p}: cannot read the answers kept for the second pass ({r})", "{p}：无法读取为第二遍保存的答卷（{r}）"),
        ("{p}: the answers kept for the second pass were changed or cut short (was the scratch folder touched during the batch?)",
         "{p}：为第二遍保存的答卷被改动或截断（批量运行期间临时文件夹被动过吗？）"),
        ("the answers are too large to keep for the second pass", "答卷太大，无法保存以供第二遍使用"),
        ("row {n} appears twice in the sheet", "第 {n} 行在工作表中出现了两次"),
        ("row {n} comes after row {x}: the rows are out of order, as no spreadsheet writes them",
         "第 {n} 行排在第 {x} 行之后：行的顺序错乱，表格软件不会这样写"),
        ("cell reference `{c}` in row {n} is not a cell of that row (such as B{x})", "第 {n} 行中的单元格引用 `{c}` 不是该行的单元格（应形如 B{x}）"),
        ("cell {c} lies beyond column XFD, the last column of a worksheet", "单元格 {c} 超出了工作表的最后一列 XFD"),
        ("row {n} has cells beyond column XFD, the last column of a worksheet", "第 {n} 行有单元格超出了工作表的最后一列 XFD"),
        ("cell {c} holds a formula with no computed value: open the workbook in a spreadsheet and save it, so the value is stored",
         "单元格 {c} 是没有计算结果的公式：请在表格软件中打开并保存工作簿，让结果存进文件"),
        ("cell {c} refers to shared text {n}, but the workbook holds {x} (its xl/sharedStrings.xml is missing or cut short)",
         "单元格 {c} 引用了第 {n} 条共享文本，但工作簿只有 {x} 条（其 xl/sharedStrings.xml 缺失或不完整）"),
        ("the sheet spreads over more than {n} cells", "工作表的单元格超过 {n} 个"),
        ("cell {c} uses style {s}, which xl/styles.xml does not define (it defines {n}): whether its number is a percentage cannot be told",
         "单元格 {c} 使用的样式 {s} 在 xl/styles.xml 中没有定义（只定义了 {n} 个）：无法判断其数字是否为百分比"),
        ("xl/workbook.xml lists the sheet without the relationship id (r:id) that names its part: the workbook is damaged",
         "xl/workbook.xml 列出的这个工作表缺少指明其部件的关系 id（r:id）：工作簿已损坏"),
        ("xl/workbook.xml lists the sheet with relationship `{i}`, which xl/_rels/workbook.xml.rels does not hold: the workbook is damaged",
         "xl/workbook.xml 列出的这个工作表引用关系 `{i}`，但 xl/_rels/workbook.xml.rels 中没有：工作簿已损坏"),
        ("the part of the sheet lies outside the workbook (relationship `{i}`): the workbook is damaged or forged",
         "这个工作表的部件位于工作簿之外（关系 `{i}`）：工作簿已损坏或是伪造的"),
        ("the workbook part {p} of the sheet is missing: the workbook is damaged", "这个工作表的部件 {p} 缺失：工作簿已损坏"),
        ("xl/workbook.xml holds {n} lists of sheets (<sheets>), where a workbook has one: the workbook is damaged",
         "xl/workbook.xml 中有 {n} 个工作表列表（<sheets>），正常的工作簿只有一个：工作簿已损坏"),
        ("the sheet holds {n} tables of cells (<sheetData>), where a worksheet has one: the workbook is damaged",
         "工作表中有 {n} 个单元格表（<sheetData>），正常的工作表只有一个：工作簿已损坏"),
        ("the sheet holds {n} lists of merged cells (<mergeCells>), where a worksheet has one: the workbook is damaged",
         "工作表中有 {n} 个合并单元格列表（<mergeCells>），正常的工作表只有一个：工作簿已损坏"),
        ("cell {c} appears twice in row {n}", "单元格 {c} 在第 {n} 行中出现了两次"),
        ("cell {c} comes after cell {d}: the cells of row {n} are out of order, as no spreadsheet writes them",
         "单元格 {c} 排在单元格 {d} 之后：第 {n} 行的单元格顺序错乱，表格软件不会这样写"),
        ("cell {c} holds {n} values (<v>), where a cell has one: the workbook is damaged", "单元格 {c} 有 {n} 个值（<v>），正常的单元格只有一个：工作簿已损坏"),
        ("cell {c} holds {n} formulas (<f>), where a cell has one: the workbook is damaged", "单元格 {c} 有 {n} 个公式（<f>），正常的单元格只有一个：工作簿已损坏"),
        ("cell {c} holds {n} inline texts (<is>), where a cell has one: the workbook is damaged", "单元格 {c} 有 {n} 段内嵌文本（<is>），正常的单元格只有一段：工作簿已损坏"),
        ("cell {c} holds its text twice (two <t>): the workbook is damaged", "单元格 {c} 的文本写了两次（两个 <t>）：工作簿已损坏"),
        ("cell {c} refers to shared text {n}, which holds its text twice (two <t>): the workbook is damaged",
         "单元格 {c} 引用的第 {n} 条共享文本写了两次（两个 <t>）：工作簿已损坏"),
        ("merged range `{c}` is not a range such as A1:C1", "合并区域 `{c}` 不是形如 A1:C1 的区域"),
        ("merged ranges spread over more than {n} cells", "合并区域的单元格超过 {n} 个"),
        ("the workbook unpacks to more than the limit of {n} bytes", "工作簿解压后超过上限 {n} 字节"),
        ("not an xlsx workbook (not a zip container; an .xls from an old Excel? save it as .xlsx)", "不是 xlsx 工作簿（不是 zip 容器；是旧版 Excel 的 .xls 吗？请另存为 .xlsx）"),
        ("not an xlsx workbook (it has no xl/workbook.xml)", "不是 xlsx 工作簿（缺少 xl/workbook.xml）"),
        ("the workbook is damaged: its zip container cannot be read (cut short when it was copied or downloaded?)",
         "工作簿已损坏：无法读取其 zip 容器（复制或下载时被截断了？）"),
        ("the workbook part {p} cannot be unpacked ({r})", "工作簿中的 {p} 无法解压（{r}）"),
        ("it is compressed with a method spreadsheets do not use: open the workbook in a spreadsheet and save it again",
         "它的压缩方式不是表格软件所用的：请用表格软件打开工作簿并重新保存"),
        ("its compressed bytes are damaged (cut short or changed when it was copied or downloaded?)", "其压缩数据已损坏（复制或下载时被截断或改动了？）"),
        ("its entry in the zip container is damaged", "它在 zip 容器中的条目已损坏"),
        ("the workbook part {p} is damaged (checksum mismatch): its bytes changed after the workbook was saved (damaged when it was copied or downloaded?)",
         "工作簿中的 {p} 已损坏（校验和不符）：保存之后其内容被改动了（复制或下载时损坏了？）"),
        ("the workbook part {p} unpacks to more than the limit of {x} bytes: split the enterprises over several workbooks",
         "工作簿中的 {p} 解压后超过上限 {x} 字节：请把企业分到几个工作簿中"),
        ("the workbook part {p} holds more than {x} XML elements (line {n}): split the enterprises over several workbooks",
         "工作簿中的 {p} 含有超过 {x} 个 XML 元素（第 {n} 行）：请把企业分到几个工作簿中"),
        ("the workbook part {p} nests elements more than {x} deep (line {n}); workbooks nest about a dozen",
         "工作簿中的 {p} 元素嵌套超过 {x} 层（第 {n} 行）；正常的工作簿只嵌套十几层"),
        ("the workbook part {p} holds a document type declaration (<!DOCTYPE>) at line {n}, which workbooks never have",
         "工作簿中的 {p} 第 {n} 行有文档类型声明（<!DOCTYPE>），正常的工作簿不会有"),
        ("the workbook part {p} is damaged: not well-formed XML at line {n}, column {x}",
         "工作簿中的 {p} 已损坏：第 {n} 行第 {x} 列处不是格式正确的 XML"),
        ("the workbook part {p} is damaged: not well-formed XML", "工作簿中的 {p} 已损坏：不是格式正确的 XML"),
        ("the workbook part {p} is not UTF-8 XML, as workbooks always are", "工作簿中的 {p} 不是 UTF-8 编码的 XML（正常的工作簿都是）"),
        ("the workbook part {p} is damaged: it ends before its elements are closed (cut short?)",
         "工作簿中的 {p} 已损坏：元素尚未闭合就结束了（文件被截断？）"),
        ("{n} bytes is more than the workbook limit of {x} bytes", "{n} 字节，超过工作簿上限 {x} 字节"),
        ("{n} bytes is more than the CSV limit of {x} bytes", "{n} 字节，超过 CSV 上限 {x} 字节"),
        ("the workbook has no sheet with enterprises (write one with `gaizao questions --industry ID --xlsx FILE`)", "工作簿中没有含企业的工作表（可用 `gaizao questions --industry ID --xlsx FILE` 生成）"),
        ("no such file or folder", "文件或文件夹不存在"),
        ("cannot be read (permission denied)", "无法读取（没有权限）"),
        ("cannot be read ({r})", "无法读取（{r}）"),
        ("cannot be read", "无法读取"),
        ("the workbook unpacks to {n} bytes, more than the limit of {x}", "工作簿解压后有 {n} 字节，超过上限 {x}"),
        ("{p}: error: {m}", "{p}：错误：{m}"),
        ("{p}: warning: {m}", "{p}：警告：{m}"),
        // After the two above: `{p}` would take `stdin: error` in `stdin: error: cannot be read (…)`.
        ("{p}: cannot be read ({r})", "{p}：无法读取（{r}）"),
        ("{p}: more than the limit of {x} bytes", "{p}：超过上限 {x} 字节"),
        // Located messages about an answers file (Core writes them in English; these are what enterprises read).
        ("missing required key `{k}` in {w}", "{w}缺少必填项 `{k}`"),
        ("a proposal gaizao wrote, not an answers file: left out", "这是 gaizao 生成的方案，不是答卷文件：已跳过"),
        ("a batch summary gaizao wrote, not answers: left out", "这是 gaizao 批量诊断生成的汇总，不是答卷：已跳过"),
        ("UTF-16 text (\"Unicode Text\" in Excel): save the file again from the spreadsheet as \"CSV UTF-8\" or \"CSV\"",
         "这是 UTF-16 文本（Excel 中的“Unicode 文本”）：请在电子表格中另存为“CSV UTF-8”或“CSV”"),
        ("a folder already read (a link back to it?): left out", "这个文件夹已经读过（是指回它的链接？）：已跳过"),
        ("a file already read (given twice?): left out", "这个文件已经读过（给了两次？）：已跳过"),
        ("this is a file gaizao wrote (`{s}`), not an answers file: give the answers it was made from",
         "这是 gaizao 生成的文件（`{s}`），不是答卷文件：请给出生成它所用的答卷"),
        ("unknown key `{k}` in {w} (did you mean `{s}`?)", "{w}中有未知的键 `{k}`（是否想写 `{s}`？）"),
        ("unknown key `{k}` in {w}", "{w}中有未知的键 `{k}`"),
        ("missing required answer `{q}` ({z} / {e})", "缺少必答题 `{q}`（{z}）"),
        ("answer to `{q}` is ignored: the question is not asked because `{c}` does not hold",
         "`{q}` 的答案不计入：条件 `{c}` 不成立，此题不问"),
        ("answer to `{q}` holds the control character {c} at character {n}; remove it (only tab and newline are allowed in text)",
         "`{q}` 的答案第 {n} 个字符是控制字符 {c}，请删除（文本中只允许制表符和换行）"),
        ("answer to `{q}`: each item must be an option id", "`{q}` 的答案：每一项都必须是选项"),
        ("answer to `{q}` must be a list of option ids such as [{e}], found {f}", "`{q}` 的答案必须是选项列表，例如 [{e}]，现在是 {f}"),
        ("{w} must be a list of option ids such as [{e}], found {f}", "{w}必须是选项列表，例如 [{e}]，现在是 {f}"),
        ("answer to `{q}` must be a list of option ids", "`{q}` 的答案必须是选项列表"),
        ("answer to `{q}`: {m}", "`{q}` 的答案：{m}"),
        // A value longer than 40 characters is quoted by its start and its length (`quotedValue`).
        ("`{v}` ({n} characters) is not an option of `{q}` (did you mean `{s}`?); options: {o}", "`{v}`（{n} 个字符）不是 `{q}` 的选项（是否想写 `{s}`？）；可选：{o}"),
        ("`{v}` ({n} characters) is not an option of `{q}`; options: {o}", "`{v}`（{n} 个字符）不是 `{q}` 的选项；可选：{o}"),
        ("`{v}` ({n} characters) is not an option (did you mean `{s}`?); options: {o}", "`{v}`（{n} 个字符）不是可选项（是否想写 `{s}`？）；可选：{o}"),
        ("`{v}` ({n} characters) is not an option; options: {o}", "`{v}`（{n} 个字符）不是可选项；可选：{o}"),
        ("unknown industry `{v}` ({n} characters) (did you mean `{s}`?); the catalog has: {o}", "未知行业 `{v}`（{n} 个字符；是否想写 `{s}`？）；目录中有：{o}"),
        ("unknown industry `{v}` ({n} characters); the catalog has: {o}", "未知行业 `{v}`（{n} 个字符）；目录中有：{o}"),
        ("unknown question `{q}` ({n} characters) for industry `{i}` (did you mean `{s}`?)", "行业 `{i}` 没有题目 `{q}`（{n} 个字符；是否想写 `{s}`？）"),
        ("unknown question `{q}` ({n} characters) for industry `{i}`", "行业 `{i}` 没有题目 `{q}`（{n} 个字符）"),
        ("`date` must be a real calendar date written YYYY-MM-DD, found `{d}` ({n} characters)", "`date` 必须是真实存在的日期，写作 YYYY-MM-DD，现在是 `{d}`（{n} 个字符）"),
        ("must be a number, found `{v}` ({n} characters)", "必须是数字，现在是 `{v}`（{n} 个字符）"),
        ("must be yes or no, found `{v}` ({n} characters)", "必须是“是”或“否”，现在是 `{v}`（{n} 个字符）"),
        ("`{v}` is not an option of `{q}` (did you mean `{s}`?); options: {o}", "`{v}` 不是 `{q}` 的选项（是否想写 `{s}`？）；可选：{o}"),
        ("`{v}` is not an option of `{q}`; options: {o}", "`{v}` 不是 `{q}` 的选项；可选：{o}"),
        ("`{v}` is not an option (did you mean `{s}`?); options: {o}", "`{v}` 不是可选项（是否想写 `{s}`？）；可选：{o}"),
        ("`{v}` is not an option; options: {o}", "`{v}` 不是可选项；可选：{o}"),
        ("`{v}` ({l}) means none of the options and cannot be chosen with others", "`{v}`（{l}）表示以上都没有，不能和其他选项同时选"),
        ("`{v}` is listed twice; it counts once", "`{v}` 重复列出，只计一次"),
        ("unknown industry `{v}` (did you mean `{s}`?); the catalog has: {o}", "未知行业 `{v}`（是否想写 `{s}`？）；目录中有：{o}"),
        ("unknown industry `{v}`; the catalog has: {o}", "未知行业 `{v}`；目录中有：{o}"),
        ("unknown question `{q}` for industry `{i}` (did you mean `{s}`?)", "行业 `{i}` 没有题目 `{q}`（是否想写 `{s}`？）"),
        ("unknown question `{q}` for industry `{i}`", "行业 `{i}` 没有题目 `{q}`"),
        ("`date` must be a real calendar date written YYYY-MM-DD, found `{d}`", "`date` 必须是真实存在的日期，写作 YYYY-MM-DD，现在是 `{d}`"),
        ("`date` `{d}` is out of range: a diagnosis date is between 1900-01-01 and 2200-12-31", "`date` `{d}` 超出范围：诊断日期须在 1900-01-01 至 2200-12-31 之间"),
        ("answer to `{q}` must be a number ({u}), found {f}", "`{q}` 的答案必须是数字（单位：{u}），现在是 {f}"),
        ("{w} must be a number ({u}), found {f}", "{w}必须是数字（单位：{u}），现在是 {f}"),
        ("answer to `{q}` must be a number, found {f}", "`{q}` 的答案必须是数字，现在是 {f}"),
        ("{w} must be a number, found {f}", "{w}必须是数字，现在是 {f}"),
        ("answer to `{q}` must be a text, found {f}", "`{q}` 的答案必须是文本，现在是 {f}"),
        ("{w} must be a text, found {f}", "{w}必须是文本，现在是 {f}"),
        ("answer to `{q}` must be a mapping, found {f}", "`{q}` 的答案必须是键值映射，现在是 {f}"),
        ("{w} must be a mapping, found {f}", "{w}必须是键值映射，现在是 {f}"),
        ("answer to `{q}` must be one option id, found {f}", "`{q}` 的答案必须是一个选项，现在是 {f}"),
        ("{w} must be one option id, found {f}", "{w}必须是一个选项，现在是 {f}"),
        ("answer to `{q}` must be true or false, found {f}", "`{q}` 的答案必须是 true 或 false，现在是 {f}"),
        ("{w} must be true or false, found {f}", "{w}必须是 true 或 false，现在是 {f}"),
        ("answer to `{q}` must be yes or no (true/false), found {f}", "`{q}` 的答案必须是“是”或“否”（true/false），现在是 {f}"),
        ("{w} must be yes or no (true/false), found {f}", "{w}必须是“是”或“否”（true/false），现在是 {f}"),
        ("answer to `{q}` is {n} characters long, more than {x}", "`{q}` 的答案有 {n} 个字符，超过上限 {x}"),
        ("answer to `{q}` is empty", "`{q}` 的答案是空的"),
        ("file is empty", "文件是空的"),
        ("file holds a NUL byte: not a text file", "文件含有 NUL 字节：不是文本文件"),
        ("file is {n} bytes, more than the limit of {x}", "文件有 {n} 字节，超过上限 {x}"),
        ("nesting deeper than the YAML parser's limit of {n} levels", "嵌套超过 YAML 解析器的上限 {n} 层"),
        ("nesting deeper than {n} levels", "嵌套超过 {n} 层"),
        ("document too large once aliases are expanded (more than {n} nodes)", "展开别名后文档过大（超过 {n} 个节点）"),
        ("YAML syntax: {h}", "YAML 语法错误：{h}"),
        ("a tab indents this line: YAML is indented with spaces only (replace the tab with spaces)", "这一行用了 Tab 缩进：YAML 只能用空格缩进（请把 Tab 换成空格）"),
        ("the control character {c} is not allowed in a YAML file: remove it", "YAML 文件中不能有控制字符 {c}：请删除它"),
        ("the character {c} is not allowed in a YAML file: remove it", "YAML 文件中不能有字符 {c}：请删除它"),
        ("{c} here is a line break to YAML, though editors show none: replace it with a space or a real line break",
         "此处的 {c} 在 YAML 中算作换行，但编辑器里看不出来：请换成空格或真正的换行"),
        // libyaml's own words, as `{h}` above: a context ("while parsing …") and a problem.
        ("while parsing a block mapping {m}", "解析块映射时：{m}"),
        ("while parsing a block collection {m}", "解析块列表时：{m}"),
        ("while parsing a flow sequence {m}", "解析方括号列表时：{m}"),
        ("while parsing a flow mapping {m}", "解析花括号映射时：{m}"),
        ("while parsing a flow node {m}", "解析方括号或花括号内的内容时：{m}"),
        ("while parsing a block node {m}", "解析块节点时：{m}"),
        ("while parsing a node {m}", "解析节点时：{m}"),
        ("while scanning a simple key {m}", "扫描键时：{m}"),
        ("while scanning a quoted scalar {m}", "扫描带引号的文本时：{m}"),
        ("while scanning a block scalar {m}", "扫描多行文本时：{m}"),
        ("while scanning a plain scalar {m}", "扫描文本时：{m}"),
        ("while scanning an alias {m}", "扫描别名时：{m}"),
        ("while scanning an anchor {m}", "扫描锚点时：{m}"),
        ("while scanning a tag {m}", "扫描标签时：{m}"),
        ("while scanning a directive {m}", "扫描指令时：{m}"),
        ("while scanning for the next token {m}", "扫描下一个记号时：{m}"),
        ("while parsing a block sequence {m}", "解析块列表时：{m}"),
        ("while parsing a tag {m}", "解析标签时：{m}"),
        ("while parsing a %TAG directive {m}", "解析 %TAG 指令时：{m}"),
        ("while parsing a quoted scalar {m}", "解析带引号的文本时：{m}"),
        ("while scanning a %YAML directive {m}", "扫描 %YAML 指令时：{m}"),
        ("while scanning a %TAG directive {m}", "扫描 %TAG 指令时：{m}"),
        ("while scanning a tag directive {m}", "扫描标签指令时：{m}"),
        // Yams's composer: a second document (`---`) in a file that holds one.
        ("expected a single document in the stream but found another document", "一个文件只能有一个 YAML 文档，这里却开始了另一个（`---`）"),
        ("found undefined alias", "引用了未定义的别名（`*名称` 之前没有 `&名称`）"),
        ("found invalid Unicode character escape code", "有无效的 Unicode 转义码（\\u 或 \\U 后的编号不是有效字符）"),
        ("found an indentation indicator equal to 0", "缩进指示符不能为 0"),
        ("did not find expected whitespace or line break", "找不到预期的空格或换行"),
        ("did not find expected comment or line break", "找不到预期的注释或换行"),
        ("did not find expected whitespace", "找不到预期的空格"),
        ("did not find expected '!'", "找不到预期的“!”"),
        ("did not find the expected '>'", "找不到预期的“>”"),
        ("did not find expected version number", "找不到预期的版本号"),
        ("did not find expected tag URI", "找不到预期的标签 URI"),
        ("did not find expected hexdecimal number", "找不到预期的十六进制数字"),
        ("did not find expected digit or '.' character", "找不到预期的数字或“.”"),
        ("did not find expected alphabetic or numeric character", "找不到预期的字母或数字"),
        ("did not find expected <stream-start>", "找不到预期的文件开始"),
        ("could not find expected directive name", "找不到预期的指令名"),
        ("mapping keys are not allowed in this context", "这里不能写键"),
        ("found unknown directive name", "有未知的指令名"),
        ("found unexpected non-alphabetical character", "有意外的非字母字符"),
        ("found unexpected document indicator", "有意外的文档标记（`---` 或 `...`）"),
        ("found extremely long version number", "版本号太长"),
        ("found duplicate %YAML directive", "%YAML 指令重复"),
        ("found duplicate %TAG directive", "%TAG 指令重复"),
        ("found an incorrect leading UTF-8 octet", "UTF-8 编码有误（首字节不对）"),
        ("found an incorrect trailing UTF-8 octet", "UTF-8 编码有误（后续字节不对）"),
        // The YAML reader's problems (`YAML reader: …`); a control character is found and named before these.
        ("YAML reader: {h}", "YAML 读取错误：{h}"),
        ("control characters are not allowed", "不能有控制字符"),
        ("invalid leading UTF-8 octet", "UTF-8 编码有误（首字节不对）"),
        ("invalid trailing UTF-8 octet", "UTF-8 编码有误（后续字节不对）"),
        ("incomplete UTF-8 octet sequence", "UTF-8 编码不完整"),
        ("invalid length of a UTF-8 sequence", "UTF-8 编码长度有误"),
        ("invalid Unicode character", "无效的 Unicode 字符"),
        ("input is too long", "输入太长"),
        ("input error", "读取出错"),
        // Last: `{m}` would otherwise take what the contexts above begin with.
        ("while parsing {m}", "解析时：{m}"),
        ("did not find expected key", "找不到预期的键"),
        ("did not find expected node content", "找不到预期的内容"),
        ("did not find expected ',' or ']'", "找不到预期的“,”或“]”"),
        ("did not find expected ',' or '}'", "找不到预期的“,”或“}”"),
        ("did not find expected '-' indicator", "找不到预期的“-”"),
        ("could not find expected ':'", "找不到预期的“:”"),
        ("found unexpected end of stream", "文件意外结束"),
        ("found unknown escape character", "有未知的转义字符"),
        ("found character that cannot start any token", "有一个字符不能出现在这里"),
        ("mapping values are not allowed in this context", "这里不能写“键: 值”"),
        ("block sequence entries are not allowed in this context", "这里不能写“- ”列表项"),
        ("found undefined tag handle", "有未定义的标签"),
        ("did not find expected <document start>", "找不到预期的文档开始"),
        ("found a tab character that violates indentation", "用了制表符缩进（请改用空格）"),
        ("found a tab character where an indentation space is expected", "用了制表符缩进（请改用空格）"),
        ("did not find URI escaped octet", "URI 转义不完整"),
        ("found unexpected ':'", "有多余的“:”"),
        ("found incompatible YAML document", "YAML 文档版本不兼容"),
        ("duplicate key {k} (first at {w})", "重复的键 {k}（首次出现于 {w}）"),
        ("unsupported answers format version: this gaizao reads `gaizao_answers: 1`", "不支持的答卷格式版本：本程序读取 `gaizao_answers: 1`"),
        // Catalog lint (Core writes them in English). Placeholders: `{w…}` is a noun phrase ("module `x`",
        // "`cost` of measure `y`") looked up in `phrases`; `{f}` a found value or kind; `{m}` a message; others are
        // ids, numbers and lists, kept as they are. A line whose phrase or message parts have no Chinese form stays
        // English whole: no line is half translated.
        ("{w} has the id of a module of industry `{i}`", "{w}与行业 `{i}` 的一个模块同名"),
        ("{w} has no cost for size band `{b}`", "{w}没有规模档 `{b}` 的费用"),
        ("{w} prices unknown size band `{b}` (bands: {l})", "{w}给未知的规模档 `{b}` 定了价（规模档：{l}）"),
        ("{w} changes no answer, so it can never help reach a level", "{w}不改变任何答案，无助于达到任何等级"),
        ("{w} lists no evidence (支撑材料) for the on-site rating", "{w}没有列出现场评定所需的支撑材料"),
        ("`outcome_answer` of KPI metric `{k}` names unknown question `{q}` (industry `{i}`)", "KPI 指标 `{k}` 的 `outcome_answer` 引用了未知题目 `{q}`（行业 `{i}`）"),
        ("`outcome_answer` of KPI metric `{k}`: single-choice question `{q}` has no option `{o}`", "KPI 指标 `{k}` 的 `outcome_answer`：单选题 `{q}` 没有选项 `{o}`"),
        ("`investment_share` names unknown question `{q}` (industry `{i}`)", "`investment_share` 引用了未知题目 `{q}`（行业 `{i}`）"),
        ("`investment_share` needs number question `{q}`, which is {kind}", "`investment_share` 需要数值题，而 `{q}` 是{kind}题"),
        ("rule `{i}` recommends standard module `{j}`: standard modules are always in unless `satisfied` or `upgrade`",
         "规则 `{i}` 推荐了标准模块 `{j}`：标准模块总会纳入，除非用 `satisfied` 或 `upgrade`"),
        ("rule `{i}` uses `{e}` on personalized module `{j}`: that applies to standard modules", "规则 `{i}` 对个性化模块 `{j}` 用了 `{e}`：它只适用于标准模块"),
        ("rule `{i}` names unknown module `{j}`", "规则 `{i}` 引用了未知模块 `{j}`"),
        ("risk rule `{i}` names unknown module `{j}` in `modules`", "风险规则 `{i}` 的 `modules` 引用了未知模块 `{j}`"),
        ("risk rule `{i}` names module `{j}` twice in `modules`", "风险规则 `{i}` 的 `modules` 重复列出了模块 `{j}`"),
        ("rule `{i}` has an empty `modules` list: name the modules whose rollout the risk is about, or leave `modules` out",
         "规则 `{i}` 的 `modules` 列表是空的：请列出该风险所涉及实施的模块，或去掉 `modules`"),
        ("rule `{i}` can never fire: no answers make `{c}` true", "规则 `{i}` 永远不会触发：没有任何答案能使 `{c}` 成立"),
        ("{w} can never be true: no answers make `{c}` true, so the text is offered only while its questions are unanswered",
         "{w}永远不会成立：没有任何答案能使 `{c}` 成立，因此这段文字只在相关题目未作答时才会出现"),
        ("{w} is never false: no answers make `{c}` false, so it leaves nothing out; drop the `when`",
         "{w}永远不会不成立：没有任何答案能使 `{c}` 不成立，因此不会去掉任何内容；请删掉这个 `when`"),
        ("{w} can never be true: no answers make `{c}` true, so the part is priced only while its questions are unanswered",
         "{w}永远不会成立：没有任何答案能使 `{c}` 成立，因此这一价格分项只在相关题目未作答时才计价"),
        ("{w} is never false: no answers make `{c}` false, so every enterprise pays it; add it to `base`",
         "{w}永远不会不成立：没有任何答案能使 `{c}` 不成立，因此每家企业都要支付；请把它并入 `base`"),
        ("price part {n} of the cost model of `{i}` (`{c}`) has no product of module `{j}` with the same `when`: a proposal would price it without listing it; give the module such a product",
         "模块 `{i}` 成本模型的第 {n} 个价格分项（`{c}`）在模块 `{j}` 的产品中找不到条件相同的一项：方案会计入其价格却不列出它；请为该模块加上这样的产品"),
        ("price part {n} of the cost model of `{i}` (`{c}`) has no product of module `{j}` in overlay `{o}` with the same `when`: a proposal would price it without listing it; give the module such a product",
         "总包商配置 `{o}` 中模块 `{i}` 成本模型的第 {n} 个价格分项（`{c}`）在模块 `{j}` 的产品中找不到条件相同的一项：方案会计入其价格却不列出它；请为该模块加上这样的产品"),
        ("every product of {w} has a `when`, and some answers rule them all out: the module would be offered without a product; give one product no `when`",
         "{w}的每个产品都带 `when`，而有些答案会把它们全部排除：该模块将不含任何产品；请让其中一个产品不带 `when`"),
        ("rule `{i}` has no effect: give one of {l}", "规则 `{i}` 没有效果：请给出 {l} 之一"),
        ("rule `{i}` has {n} effects ({l}): give exactly one", "规则 `{i}` 有 {n} 个效果（{l}）：只能给一个"),
        ("personalized module `{i}` is recommended by no rule: it can never be chosen", "没有规则推荐个性化模块 `{i}`：它永远不会被选中"),
        ("personalized module `{i}` can never be chosen: no rule recommending it can fire", "个性化模块 `{i}` 永远不会被选中：推荐它的规则都不会触发"),
        ("personalized module `{i}` can never be chosen: its rules weigh {n} together, below the threshold {t}",
         "个性化模块 `{i}` 永远不会被选中：其规则权重合计 {n}，低于阈值 {t}"),
        ("industry `{i}` declares shape {a} but has {b} modules (standard+personalized)", "行业 `{i}` 声明的结构为 {a}，实际模块为 {b}（标准+个性化）"),
        ("industry `{i}` has no file {p}", "行业 `{i}` 缺少文件 {p}"),
        ("industry file says id `{i}` but sits in folder `{j}`", "行业文件中的 id 是 `{i}`，但它位于文件夹 `{j}` 中"),
        ("module `{i}` raises unknown scene `{s}`", "模块 `{i}` 提升的场景 `{s}` 不存在"),
        ("module `{i}` refers to unknown module `{j}`", "模块 `{i}` 引用了未知模块 `{j}`"),
        ("module `{i}` refers to itself", "模块 `{i}` 引用了自身"),
        ("module `{i}` both requires and excludes `{j}`", "模块 `{i}` 既依赖又排斥 `{j}`"),
        ("module `{i}` names unknown KPI metric `{k}`", "模块 `{i}` 引用了未知 KPI 指标 `{k}`"),
        ("module `{i}` suggests no product", "模块 `{i}` 没有推荐产品"),
        ("module `{i}` raises no scene", "模块 `{i}` 没有提升任何场景"),
        ("module `{i}` has no entry in cost-model.yaml: it is priced by size band only, with no yearly fee",
         "模块 `{i}` 在 cost-model.yaml 中没有条目：只按规模档计价，没有年费"),
        ("subsidy tag `{t}` of module `{i}` is used by no policy", "模块 `{i}` 的补贴标签 `{t}` 没有被任何政策使用"),
        ("`brings` of {w} names unknown question `{q}`", "{w}的 `brings` 引用了未知题目 `{q}`"),
        ("`brings` of {w}: `{q}` has no option `{o}`", "{w}的 `brings`：`{q}` 没有选项 `{o}`"),
        ("`brings` of {w} cannot change {kind} question `{q}` this way (use `add` for multiple choice, `at_least` for numbers and single choice)",
         "{w}的 `brings` 不能这样改变{kind}题 `{q}`（多选题用 `add`，数值题和单选题用 `at_least`）"),
        ("`brings` of {w}: {m}", "{w}的 `brings`：{m}"),
        ("requires cycle: {l}", "依赖关系成环：{l}"),
        ("contradiction: `{a}` needs `{b}` through its requirements but excludes it", "矛盾：`{a}` 经由依赖需要 `{b}`，却又排斥它"),
        ("contradiction: `{a}` requires `{b}`, which excludes `{c}`", "矛盾：`{a}` 依赖 `{b}`，而 `{b}` 排斥 `{c}`"),
        ("contradiction: `{a}` needs both `{b}` and `{c}`, but `{x}` excludes `{y}`", "矛盾：`{a}` 同时需要 `{b}` 和 `{c}`，但 `{x}` 排斥 `{y}`"),
        ("question `{q}` asks the level of unknown scene `{s}`", "题目 `{q}` 询问的场景 `{s}` 不存在"),
        ("option `{o}` of question `{q}` names unknown industry `{i}`", "题目 `{q}` 的选项 `{o}` 引用了未知行业 `{i}`"),
        ("indicators of dimension `{d}` add up to {n} points, not its {x}", "维度 `{d}` 的各指标合计 {n} 分，不等于该维度的 {x} 分"),
        ("the scored dimensions add up to {n} points, not 100", "计分维度合计 {n} 分，不是 100 分"),
        ("indicator `{i}` is scored by unknown question `{q}` (it must be a common question)", "指标 `{i}` 由未知题目 `{q}` 计分（须为通用题目）"),
        ("indicator `{i}` reads number question `{q}` and needs `bands`", "指标 `{i}` 读取数值题 `{q}`，需要 `bands`"),
        ("`bands` of indicator `{i}` are ignored: `{q}` is a choice question", "指标 `{i}` 的 `bands` 不起作用：`{q}` 是选择题"),
        ("indicator `{i}` reads `{q}`, whose options carry no `points`", "指标 `{i}` 读取 `{q}`，但它的选项都没有 `points`"),
        ("indicator `{i}` can score at most {n} of its {x} points", "指标 `{i}` 最多只能得 {n} 分（满分 {x} 分）"),
        ("indicator `{i}` cannot be scored from level question `{q}`", "指标 `{i}` 不能由等级题 `{q}` 计分"),
        ("indicator `{i}` reads yes/no `{q}`, which has no `points_yes`", "指标 `{i}` 读取是非题 `{q}`，但该题没有 `points_yes`"),
        ("the level rule lists no level", "等级规则中没有列出任何等级"),
        ("indicator `{i}` lists no evidence (`items`)", "指标 `{i}` 没有列出支撑材料（`items`）"),
        ("level {n} asks for {a} scenes ({b} mandatory), more than the model has ({c}, {d} mandatory)",
         "等级 {n} 要求 {a} 个场景（其中必选 {b} 个），多于模型中的场景（{c} 个，必选 {d} 个）"),
        ("level {n} needs fewer points than level {x}", "等级 {n} 所需分数低于等级 {x}"),
        ("level {n} needs {a} points, more than the model's {b}: no enterprise can reach it", "等级 {n} 需要 {a} 分，超过评测模型的满分 {b} 分：任何企业都无法达到"),
        ("industry `{i}` has {a} modules and {b} measures: the planner handles at most {c} of them together; split the industry or merge modules",
         "行业 `{i}` 有 {a} 个模块和 {b} 项管理措施：方案规划最多同时处理 {c} 项；请拆分行业或合并模块"),
        ("{w} is out of range: a catalog number is at most 1,000,000,000 in magnitude, found {v}", "{w} 超出范围：目录中的数值绝对值不能超过 1,000,000,000，现在是 {v}"),
        ("`change` must lie between -1000 and 1000 (per cent or percentage points), found [{a}, {b}]", "`change` 须在 -1000 至 1000 之间（百分比或百分点），现在是 [{a}, {b}]"),
        ("`{k}` is out of range: at most {a} 万元, found {v}", "`{k}` 超出范围：最多 {a} 万元，现在是 {v}"),
        ("{w} reaches {a} 万元 at `max_units`, more than the limit of {b} 万元: check `per_unit` and `max_units`",
         "{w}在 `max_units` 时价格达到 {a} 万元，超过上限 {b} 万元：请检查 `per_unit` 和 `max_units`"),
        ("the level rule must list levels 1, 2, … in order, without gaps or repeats", "等级规则须按 1、2、… 的顺序列出各级，不能跳过或重复"),
        ("scene `{s}` must be asked by a `level` question with `scene: {t}`; `{q}` is not", "场景 `{s}` 须由带 `scene: {t}` 的 `level` 题询问；`{q}` 不是"),
        ("scene `{s}` is asked by unknown question `{q}`", "场景 `{s}` 由未知题目 `{q}` 询问"),
        ("scene `{s}` names unknown scene group `{g}`", "场景 `{s}` 引用了未知场景组 `{g}`"),
        ("{w} must describe exactly 4 levels, found {n}", "{w}必须恰好描述 4 个等级，现在是 {n} 个"),
        ("level {n} of scene `{s}` must list its evidence", "场景 `{s}` 第 {n} 级必须列出支撑材料"),
        ("a scene's evidence is keyed by level 1–4, found `{v}`", "场景的支撑材料须按等级 1–4 列出，现在是 `{v}`"),
        ("policy `{p}` has a rate of 0%", "政策 `{p}` 的比例为 0%"),
        ("number question `{q}` has no {b}: any figure is accepted as an answer; give the range a real answer can take",
         "数值题 `{q}` 未设 {b}：任何数值都会被当作答案接受；请给出真实答案可能的取值范围"),
        ("policy `{p}` applies to modules tagged `{t}`, but no module carries that tag", "政策 `{p}` 适用于带 `{t}` 标签的模块，但没有模块带此标签"),
        ("policy `{p}` is a rate on the project's investment but marked `one_off`: one-off rewards are not counted in the project's subsidy",
         "政策 `{p}` 按项目投资比例计算，却标为 `one_off`：一次性奖励不计入项目补贴"),
        ("policies.yaml must state its stacking assumption (`stacking.assumption`)", "policies.yaml 须写明叠加假设（`stacking.assumption`）"),
        ("catalog.yaml declares no size band", "catalog.yaml 没有声明规模档"),
        ("overlay `{o}` names unknown industry `{i}`", "总包商叠加 `{o}` 引用了未知行业 `{i}`"),
        ("overlay `{o}` overrides unknown module `{j}`", "总包商叠加 `{o}` 覆盖了未知模块 `{j}`"),
        ("unknown size band `{b}` in overlay cost (bands: {l})", "总包商叠加的费用中有未知规模档 `{b}`（规模档：{l}）"),
        ("cost driver `{d}` reads unknown question `{q}`", "成本驱动项 `{d}` 读取未知题目 `{q}`"),
        ("cost driver `{d}` reads question `{q}`, which is not a number", "成本驱动项 `{d}` 读取的题目 `{q}` 不是数值题"),
        ("cost model for unknown module `{i}`", "成本模型中有未知模块 `{i}`"),
        ("cost model of `{i}` names unknown driver `{d}`", "`{i}` 的成本模型引用了未知驱动项 `{d}`"),
        ("benefits.yaml: `energy_cost_questions` names unknown question `{q}`", "benefits.yaml：`energy_cost_questions` 引用了未知题目 `{q}`"),
        ("benefits.yaml prices unknown KPI metric `{k}` (catalog.yaml `kpi_metrics`)", "benefits.yaml 给未知 KPI 指标 `{k}` 定了价（见 catalog.yaml `kpi_metrics`）"),
        ("benefits.yaml: basis `{b}` of `{k}` needs coefficient `{c}`", "benefits.yaml：`{k}` 的计算基础 `{b}` 需要系数 `{c}`"),
        ("evidence.yaml: unknown indicator `{i}`", "evidence.yaml：未知指标 `{i}`"),
        ("evidence.yaml lists no supporting material for indicator `{i}`", "evidence.yaml 没有列出指标 `{i}` 的支撑材料"),
        ("evidence.yaml: unknown scene `{s}`", "evidence.yaml：未知场景 `{s}`"),
        ("evidence.yaml lists no supporting material for scene `{s}` level {n}", "evidence.yaml 没有列出场景 `{s}` 第 {n} 级的支撑材料"),
        ("file is not part of the catalog layout and is ignored", "此文件不属于目录数据的结构，已忽略"),
        ("missing catalog file {p}", "缺少目录数据文件 {p}"),
        ("duplicate {wk} id `{i}` in {w} (first at {w2})", "{w}中重复的{wk} id `{i}`（首次出现于 {w2}）"),
        ("duplicate {wk} id `{i}` (first at {w})", "重复的{wk} id `{i}`（首次出现于 {w}）"),
        ("duplicate {wk} id `{i}` in {w}", "{w}中重复的{wk} id `{i}`"),
        ("duplicate {wk} id `{i}`", "重复的{wk} id `{i}`"),
        // Catalog values.
        ("`{k}` must be one of {l}, found `{v}`", "`{k}` 必须是 {l} 之一，现在是 `{v}`"),
        ("`{k}` must be `{a}` or `{b}`, found `{v}`", "`{k}` 必须是 `{a}` 或 `{b}`，现在是 `{v}`"),
        ("`{k}` must be more than 0 and at most 100", "`{k}` 必须大于 0 且不超过 100"),
        ("`{k}` must be more than 0", "`{k}` 必须大于 0"),
        ("`{k}` must be greater than 0", "`{k}` 必须大于 0"),
        ("only the last band may omit `up_to`", "只有最后一档可以省略 `up_to`"),
        ("the last band must omit `up_to` so every value scores", "最后一档必须省略 `up_to`，使任何取值都能计分"),
        ("bands must rise: `up_to: {a}` after `up_to: {b}`", "分档必须递增：`up_to: {b}` 之后却是 `up_to: {a}`"),
        ("band scores {n} points, more than the indicator's {x}", "该档得 {n} 分，超过指标的 {x} 分"),
        ("`per_unit` needs a `driver` (what the module is priced per)", "`per_unit` 需要 `driver`（模块按什么计价）"),
        ("`min_units`/`max_units` must satisfy 0 ≤ min_units ≤ max_units", "`min_units`/`max_units` 必须满足 0 ≤ min_units ≤ max_units"),
        ("`{k}` must be a list [low, high] in 万元", "`{k}` 必须是以万元为单位的列表 [下限, 上限]"),
        ("`{k}` must hold non-negative numbers of 万元 with at most 4 decimals, found {f}", "`{k}` 必须是非负的万元数，最多 4 位小数，现在是 {f}"),
        ("`{k}` must be a non-negative number of 万元 with at most 4 decimals, found {f}", "`{k}` 必须是非负的万元数，最多 4 位小数，现在是 {f}"),
        ("`{k}` is reversed: low {a} > high {b} 万元", "`{k}` 上下限颠倒：下限 {a} > 上限 {b} 万元"),
        ("cost of size band `{b}` must be a list [low, high] in 万元", "规模档 `{b}` 的费用必须是以万元为单位的列表 [下限, 上限]"),
        ("cost must be a non-negative number of 万元 with at most 4 decimals, found {f}", "费用必须是非负的万元数，最多 4 位小数，现在是 {f}"),
        ("cost range of `{b}` is reversed: low {a} > high {c} 万元", "`{b}` 的费用区间上下限颠倒：下限 {a} > 上限 {c} 万元"),
        ("size band `{b}` needs a `when`: only the last band may omit it", "规模档 `{b}` 需要 `when`：只有最后一档可以省略"),
        ("size band `{b}` is priced as `{o}`, which is no size band with prices of its own (bands: {l})",
         "规模档 `{b}` 按 `{o}` 计价，但 `{o}` 不是有自己价格的规模档（可用：{l}）"),
        ("a metric with `outcome_answer` needs `better: higher|lower`", "带 `outcome_answer` 的指标需要 `better: higher|lower`"),
        ("`{k}` must be a whole percentage from {a} to {b}", "`{k}` 必须是 {a} 到 {b} 的整数百分比"),
        ("`{k}` must be a whole number of weeks from {a} to {b}", "`{k}` 必须是 {a} 到 {b} 之间的整数周数"),
        ("`{k}` must be a whole number from {a} to {b}, found {f}", "`{k}` 必须是 {a} 到 {b} 的整数，现在是 {f}"),
        ("`{k}` must be a whole number from {a} to {b}", "`{k}` 必须是 {a} 到 {b} 的整数"),
        ("`{k}` is a percentage between {a} and {b}", "`{k}` 是 {a} 到 {b} 之间的百分比"),
        ("`to` must be a scene level from 1 to 4", "`to` 必须是 1 到 4 的场景等级"),
        ("`change` must be [low, high]", "`change` 必须是 [下限, 上限]"),
        ("`weight` only counts for `recommend` rules", "`weight` 只对 `recommend` 规则起作用"),
        ("`must` only applies to `recommend` rules", "`must` 只适用于 `recommend` 规则"),
        ("`modules` only applies to `risk` rules", "`modules` 只适用于 `risk` 规则"),
        ("an item of `brings` needs `add: [options]` or `at_least: value`", "`brings` 的每一项需要 `add: [选项]` 或 `at_least: 取值`"),
        ("question id `{q}` must use `_`, not `-` (it is used in conditions)", "题目 id `{q}` 必须用 `_` 而不是 `-`（条件中会用到它）"),
        ("question id `{q}` is a word of the condition language", "题目 id `{q}` 是条件语言的保留字"),
        ("unknown question type `{t}` (did you mean `{s}`?); types: {l}", "未知题型 `{t}`（是否想写 `{s}`？）；可用题型：{l}"),
        ("unknown question type `{t}`; types: {l}", "未知题型 `{t}`；可用题型：{l}"),
        ("{w} has no `help`: explain it in plain language", "{w}没有 `help`：请用通俗的话说明"),
        ("{w} offers no options", "{w}没有选项"),
        ("`options` is ignored for {w}", "{w}的 `options` 不起作用"),
        ("`min` {a} is greater than `max` {b}", "`min` {a} 大于 `max` {b}"),
        ("a key must be a plain name, found {f}", "键必须是普通名称，现在是 {f}"),
        ("`{v}` is not a valid id: use lowercase ASCII letters, digits, `-` and `_`, starting with a letter",
         "`{v}` 不是有效的 id：只能用小写 ASCII 字母、数字、`-` 和 `_`，并以字母开头"),
        ("`{k}` must be a list, found {f}", "`{k}` 必须是列表，现在是 {f}"),
        ("{w} is empty", "{w}是空的"),
        ("missing Chinese (`zh`) text in {w}", "{w}缺少中文（`zh`）文本"),
        ("missing English (`en`) text in {w}", "{w}缺少英文（`en`）文本"),
        ("must be a whole number, found {n}", "必须是整数，现在是 {n}"),
        // A cell of a CSV file or workbook (`answer to `q`: {m}`).
        ("must be a number, found `{v}`: use a point for decimals: {s}", "必须是数字，现在是 `{v}`：小数请用小数点：{s}"),
        ("must be a number, found `{v}`: a comma or space may only separate groups of three digits (1,200 or 12,345,678)",
         "必须是数字，现在是 `{v}`：逗号或空格只能用来分隔每三位数字（如 1,200 或 12,345,678）"),
        ("must be a number, found `{v}`", "必须是数字，现在是 `{v}`"),
        // The hints an answers file's number error ends with (`AnswerDecoder.plainNumberHint`).
        ("{m}: use a point for decimals: {s}", "{m}：小数请用小数点：{s}"),
        ("{m}: an answers file takes plain numbers, without separators or units: {s}", "{m}：答卷文件只接受普通数字，不带分隔符或单位：{s}"),
        ("{m}: an answers file takes plain numbers, such as 1200 or 2.5", "{m}：答卷文件只接受普通数字，例如 1200 或 2.5"),
        ("must be yes or no, found `{v}`", "必须是“是”或“否”，现在是 `{v}`"),
        ("is {n} characters long, more than {x}", "有 {n} 个字符，超过上限 {x}"),
        ("{n} is below the minimum {x}", "{n} 低于最小值 {x}"),
        ("{n} is above the maximum {x}", "{n} 超过最大值 {x}"),
        ("cannot parse YAML: {r}", "无法解析 YAML：{r}"),
        ("the YAML tag `{t}` is not supported: write the value without a tag", "不支持 YAML 标签 `{t}`：请去掉标签直接写值"),
        ("the template holds the control character {c}: remove it (only tab and line breaks are text)", "模板中有控制字符 {c}：请删除（只有制表符和换行算文本）"),
        ("document too large once aliases are expanded", "展开别名后文档过大"),
        ("not valid UTF-8 text (save the file as UTF-8)", "不是有效的 UTF-8 文本（请另存为 UTF-8）"),
        ("not valid UTF-8 text: it is UTF-16 (\"Unicode\" in Notepad); save the file as UTF-8", "不是有效的 UTF-8 文本：这是 UTF-16（记事本中的“Unicode”）；请另存为 UTF-8"),
        ("not valid UTF-8 text: it reads as GBK/GB18030 (\"ANSI\" on Chinese Windows); save the file as UTF-8", "不是有效的 UTF-8 文本：这是 GBK/GB18030（中文 Windows 的“ANSI”）；请另存为 UTF-8"),
        // Conditions (`when`, `eligible_when`).
        ("condition does not parse: {m}", "条件无法解析：{m}"),
        ("condition longer than {n} characters", "条件超过 {n} 个字符"),
        ("unexpected {f} after the end of the condition", "条件结束后多出了{f}"),
        ("`{v}` is not a number", "`{v}` 不是数字"),
        ("unterminated string", "字符串没有结束引号"),
        ("use `{a}` instead of `{b}`", "请用 `{a}` 代替 `{b}`"),
        ("use `{a}` to compare", "比较请用 `{a}`"),
        ("unexpected character `{c}`", "意外的字符 `{c}`"),
        ("expected `{s}` to close `{t}`, found {f}", "缺少与 `{t}` 配对的 `{s}`，现在是{f}"),
        ("expected `{s}` to close the list, found {f}", "列表缺少结尾的 `{s}`，现在是{f}"),
        ("expected `{s}` {c}, found {f}", "此处应为 `{s}`，现在是{f}"),
        ("condition nested more than {n} levels deep", "条件嵌套超过 {n} 层"),
        ("comparisons cannot be chained: use `and`", "比较不能连写：请用 `and`"),
        ("expected a list `[…]` after `in`", "`in` 后面应是列表 `[…]`"),
        ("expected a value, found keyword `{k}`", "此处应是取值，现在是关键字 `{k}`"),
        ("expected a value, found {f}", "此处应是取值，现在是{f}"),
        ("unknown function `{k}` (known: {l})", "未知函数 `{k}`（可用：{l}）"),
        ("`{k}()` takes a question id, found {f}", "`{k}()` 的参数应是题目 id，现在是{f}"),
        ("a list holds numbers or strings, found {f}", "列表只能包含数字或字符串，现在是{f}"),
        ("a condition must be yes/no, but this is {f}", "条件的结果必须是是/否，这里却是{f}"),
        ("unknown question `{q}`", "未知题目 `{q}`"),
        ("`{k}` needs yes/no on both sides, found {f}", "`{k}` 两边都须是是/否，现在是{f}"),
        ("`{k}` needs yes/no, found {f}", "`{k}` 需要是/否，现在是{f}"),
        ("`{k}` needs a number, found {f}", "`{k}` 需要数字，现在是{f}"),
        ("`{k}` needs numbers, found {f}", "`{k}` 需要数字，现在是{f}"),
        ("`{k}` compares numbers, found {f}", "`{k}` 比较的是数字，现在是{f}"),
        ("`in` needs a single value; use `contains` for {f}", "`in` 需要单个值；{f}请用 `contains`"),
        ("`contains` needs a multiple-choice question, found {f}", "`contains` 需要多选题，现在是{f}"),
        ("`contains` needs an option id in quotes, found {f}", "`contains` 需要带引号的选项 id，现在是{f}"),
        ("`count()` needs a multiple-choice question, `{q}` is {kind}", "`count()` 需要多选题，`{q}` 是{kind}题"),
        ("cannot compare {f} with {f2}: their options differ", "无法比较{f}与{f2}：两者的选项不同"),
        ("cannot compare {f} with {f2}", "无法比较{f}与{f2}"),
        ("question `{q}` has no option {o} (did you mean {s}?); options: {l}", "题目 `{q}` 没有选项 {o}（是否想写 {s}？）；可选：{l}"),
        ("question `{q}` has no option {o}; options: {l}", "题目 `{q}` 没有选项 {o}；可选：{l}"),
        ("`{a}` is asked after `{b}`: a `when` may only read earlier questions", "`{a}` 在 `{b}` 之后才问：`when` 只能读取之前的题目"),
        ("the `when` of `{q}` refers to itself", "`{q}` 的 `when` 引用了自身"),
        // The exclusive "none of these" option of a multiple-choice question.
        ("`{v}` of `{q}` means none of the options and is never held in an answer; write `count({c}) == 0`",
         "`{q}` 的 `{v}` 表示一项都没有，答案中不会出现这个选项；请写 `count({c}) == 0`"),
        ("`{v}` of `{q}` means none of the options and cannot be added", "`{q}` 的 `{v}` 表示一项都没有，不能添加"),
        ("`exclusive` is for a multiple-choice question's \"none of these\" option", "`exclusive` 只用于多选题的“以上都没有”选项"),
        ("only one option may be `exclusive`", "只能有一个选项是 `exclusive`"),
        ("the exclusive \"none\" option scores zero, remove `points`", "互斥的“无”选项不计分，请删除 `points`"),
        // Templates.
        ("{{% CONTENT_TYPE: TEXT}} in an HTML template turns HTML escaping off: a value such as an enterprise named <script> would reach the page as markup (it is part of the HTML of {p}); remove the pragma",
         "HTML 模板中的 {{% CONTENT_TYPE: TEXT}} 会关闭 HTML 转义：名为 <script> 的企业之类的值会作为标记进入页面（此模板是 {p} 的 HTML 的一部分）；请删除这条指令"),
        ("{{% CONTENT_TYPE: TEXT}} in an HTML template turns HTML escaping off: a value such as an enterprise named <script> would reach the page as markup; remove the pragma",
         "HTML 模板中的 {{% CONTENT_TYPE: TEXT}} 会关闭 HTML 转义：名为 <script> 的企业之类的值会作为标记进入页面；请删除这条指令"),
        ("{g} does not HTML-escape its value: a value such as an enterprise named <script> would reach the page as markup (it is part of the HTML of {p}); write {q}",
         "{g} 不对值做 HTML 转义：名为 <script> 的企业之类的值会作为标记进入页面（此模板是 {p} 的 HTML 的一部分）；请写 {q}"),
        ("{g} does not HTML-escape its value: a value such as an enterprise named <script> would reach the page as markup; write {q}",
         "{g} 不对值做 HTML 转义：名为 <script> 的企业之类的值会作为标记进入页面；请写 {q}"),
        ("Markdown template without {{% CONTENT_TYPE: TEXT}}: its text would be HTML-escaped (\" as &quot;)",
         "Markdown 模板缺少 {{% CONTENT_TYPE: TEXT}}：其文字会按 HTML 转义（\" 变成 &quot;）"),
        ("blocks ({{$name}}) of template inheritance are not supported", "不支持模板继承的块（{{$name}}）"),
        ("dynamic partials ({{>*name}}) are not supported: name the partial", "不支持动态子模板（{{>*name}}）：请写出子模板名"),
        ("template inheritance ({{<name}}) is not supported: include partials with {{>name}}", "不支持模板继承（{{<name}}）：请用 {{>name}} 包含子模板"),
        ("transforms (name(value)) are not supported", "不支持变换（name(value)）"),
        ("template does not parse: {m}", "模板无法解析：{m}"),
        ("a section is never closed (missing {{/name}})", "有一个区块没有结束（缺少 {{/name}}）"),
        ("the closing tag does not match the open section", "结束标签与打开的区块不匹配"),
        ("partial `{p}` does not exist (expected {e}.mustache)", "子模板 `{p}` 不存在（应有 {e}.mustache）"),
        ("partials include each other in a cycle ({l}): rendering would never end", "子模板相互包含成环（{l}）：渲染永远不会结束"),
        ("template {t} includes partials more than {n} times in all (partials including partials): its output would explode",
         "模板 {t} 总共包含子模板超过 {n} 次（子模板又包含子模板）：输出会急剧膨胀"),
        ("template {t} nests sections and partials more than {n} deep in all: the renderer would overflow its stack",
         "模板 {t} 的区块和子模板总共嵌套超过 {n} 层：渲染器会栈溢出"),
        ("sections nested more than {n} deep", "区块嵌套超过 {n} 层"),
        ("missing required template {t}.mustache in {p}", "{p} 中缺少必需的模板 {t}.mustache"),
        ("missing template {t}.mustache in {p}: `gaizao compare` needs it (copy it from the shipped templates/)",
         "{p} 中缺少模板 {t}.mustache：`gaizao compare` 需要它（可从随附的 templates/ 复制）"),
        ("unknown fixed string `{k}`; see RenderStrings for the keys", "未知的固定文本 `{k}`；可用的键见 RenderStrings"),
        ("the templates in {p} cannot be compiled", "{p} 中的模板无法编译"),
        // A check's context before its message (`when` of rule `r`: …); last, so that every specific form wins.
        ("{w}: {m}", "{w}：{m}"),
    ]

    /// Noun phrases that messages are built from (`{w}`, `{f}`, `{wk}` parts): what a catalog check is about
    /// ("module `x`", "`cost` of measure `y`"), what it found ("a list"), a question kind. Same placeholders.
    static let phrases: [(en: String, zh: String)] = [
        // What separates a CSV file's columns.
        ("semicolons (;)", "分号（;）"),
        ("tabs", "Tab"),
        ("the answers file", "答卷文件"), ("an answers file", "答卷文件"),
        ("a scalar", "单个值"), ("a mapping", "键值映射"), ("a list", "列表"), ("an alias", "别名"),
        ("an object", "对象"), ("true or false", "true 或 false"), ("a value", "值"),
        ("a number", "数字"), ("yes/no", "是/否"), ("a text", "文本"), ("the string {v}", "字符串 {v}"), ("string {v}", "字符串 {v}"),
        ("number {v}", "数字 {v}"), ("end of condition", "条件结尾"),
        ("single-choice {v}", "单选题 {v}"), ("multiple-choice {v}", "多选题 {v}"),
        ("line {n}", "第 {n} 行"), ("column {n}", "第 {n} 列"),
        ("text", "文本"), ("single", "单选"), ("multi", "多选"), ("number", "数值"), ("yesno", "是非"), ("level", "等级"),
        ("text question {v}", "文本题 {v}"), ("single question {v}", "单选题 {v}"), ("multi question {v}", "多选题 {v}"),
        ("number question {v}", "数值题 {v}"), ("yesno question {v}", "是非题 {v}"), ("level question {v}", "等级题 {v}"),
        ("single-choice question {v}", "单选题 {v}"), ("multi-choice question {v}", "多选题 {v}"),
        ("module {v}", "模块 {v}"), ("measure {v}", "措施 {v}"), ("question {v}", "题目 {v}"), ("policy {v}", "政策 {v}"),
        ("rule {v}", "规则 {v}"), ("section {v}", "章节 {v}"), ("scene {v}", "场景 {v}"), ("scene group {v}", "场景组 {v}"),
        ("dimension {v}", "维度 {v}"), ("indicator {v}", "指标 {v}"), ("size band {v}", "规模档 {v}"), ("industry {v}", "行业 {v}"),
        ("overlay {v}", "总包商叠加 {v}"), ("KPI metric {v}", "KPI 指标 {v}"), ("cost driver {v}", "成本驱动项 {v}"),
        ("priced metric {v}", "计价指标 {v}"), ("option {v}", "选项 {v}"), ("coefficient {v}", "系数 {v}"),
        ("module", "模块"), ("a module", "模块"), ("measure", "措施"), ("a measure", "措施"), ("question", "题目"), ("a question", "题目"),
        ("policy", "政策"), ("a policy", "政策"), ("rule", "规则"), ("a rule", "规则"), ("section", "章节"), ("a section", "章节"),
        ("scene", "场景"), ("a scene", "场景"), ("scene group", "场景组"), ("a scene group", "场景组"), ("dimension", "维度"),
        ("a dimension", "维度"), ("indicator", "指标"), ("an indicator", "指标"), ("size band", "规模档"), ("a size band", "规模档"),
        ("industry", "行业"), ("overlay", "总包商叠加"), ("KPI metric", "KPI 指标"), ("a KPI metric", "KPI 指标"),
        ("KPI effect", "KPI 效果"), ("a KPI effect", "KPI 效果"), ("cost driver", "成本驱动项"), ("a cost driver", "成本驱动项"),
        ("priced metric", "计价指标"), ("a priced metric", "计价指标"), ("coefficient", "系数"), ("a coefficient", "系数"),
        ("band", "分档"), ("a band", "分档"), ("level rule", "等级规则"), ("a level rule", "等级规则"), ("option", "选项"),
        ("an option", "选项"), ("stacking", "叠加规则（stacking）"), ("questionnaire", "问卷"), ("a questionnaire file", "问卷文件"),
        ("module override", "模块覆盖项"), ("the override", "覆盖项"), ("indicator evidence", "指标支撑材料"),
        ("the cost model", "成本模型"), ("high change", "变化上限"), ("low change", "变化下限"),
        ("the override of module {v}", "模块 {v} 的覆盖项"), ("the cost model of {v} in overlay {o}", "总包商叠加 {o} 中 {v} 的成本模型"),
        ("the cost model of {v}", "{v} 的成本模型"), ("price part {n} of {w}", "{w}的第 {n} 个价格分项"), ("a price part of {v}", "{v} 的一个价格分项"),
        ("why {v} is not priced", "{v} 不计价的理由"), ("the evidence of indicator {v}", "指标 {v} 的支撑材料"),
        ("the evidence of scene {v}", "场景 {v} 的支撑材料"), ("evidence of scene {v} level {n}", "场景 {v} 第 {n} 级的支撑材料"),
        ("folder given with the flag", "选项给出的文件夹"), ("folder given with {o}", "{o} 给出的文件夹"),
        ("catalog folder given as the argument", "参数给出的目录数据文件夹"), ("folder named by {e}", "{e} 指定的文件夹"),
        ("the top level of {p}", "{p} 的顶层"), ("default of {w}", "{w}的默认值"),
        ("product {n} of {w}", "{w}的第 {n} 个产品"), ("summary part {n} of {w}", "{w}的第 {n} 个摘要分句"),
        ("a part of {v} of {w}", "{w}的 {v} 中的一项"), ("the override of module {v} in overlay {o}", "总包商叠加 {o} 中模块 {v} 的覆盖项"),
        ("option {v} of {w}", "{w}的选项 {v}"), ("level {n} of {w}", "{w}的第 {n} 级"), ("a product of {w}", "{w}的一个产品"),
        ("an item of {v} of {w}", "{w}的 {v} 中的一项"), ("an item of {v}", "{v} 中的一项"), ("{v} of {w}", "{w}的 {v}"),
        ("{v} (industry {i})", "{v}（行业 {i}）"),
    ]

    /// Help texts: the English as the commands declare it → Chinese.
    static let help: [(en: String, zh: String)] = [
        ("Exit codes: 0 ok, 1 the input is wrong, 2 usage error.", "退出码：0 成功，1 输入有误，2 用法错误。"),
        ("Show the version.", "显示版本。"),
        ("Show help information.", "显示帮助。"),
        ("Show subcommand help information.", "显示子命令的帮助。"),
        ("Answers file (YAML or JSON; - reads standard input).", "答卷文件（YAML 或 JSON；- 表示从标准输入读取）。"),
        ("Output folder (default: the current folder; `-` prints one format to standard output).", "输出文件夹（默认：当前文件夹；`-` 把一种格式打印到标准输出）。"),
        ("Formats, comma-separated: md, html, json, pdf (pdf needs a headless Chromium).", "输出格式，逗号分隔：md、html、json、pdf（pdf 需要无界面 Chromium）。"),
        ("Templates folder (default: $GAIZAO_TEMPLATES, else the shipped templates/).", "模板文件夹（默认：$GAIZAO_TEMPLATES，否则为随附的 templates/）。"),
        ("Contractor overlay id (its prices, durations, products).", "总包商叠加 id（其价格、工期、产品）。"),
        ("Target level: 1–4, none (the rules-only package) or auto (the default: level 2 below 2, else the next level up).",
         "目标等级：1–4、none（仅按规则选模块）或 auto（默认：低于二级时为二级，否则为高一级）。"),
        ("Budget in 10k CNY (万元), against the high estimate: the package that reaches the highest level, then points, at the least cost within it; must-haves are never dropped.",
         "预算（万元，与投资估算上限比较）：在预算内选等级最高、其次得分最高、再次投入最低的组合；必选模块不会删减。"),
        ("Budget in 万元 (against the high estimate): the package that reaches the highest level, then points, within it; must-haves are never dropped.",
         "预算（万元，与投资估算上限比较）：在预算内选等级最高、其次得分最高的组合；必选模块不会删减。"),
        ("Catalog folder (default: $GAIZAO_CATALOG, else the shipped catalogs/).", "目录数据文件夹（默认：$GAIZAO_CATALOG，否则为随附的 catalogs/）。"),
        ("Language of the output: zh (default) or en.", "输出文档的语言：zh（默认）或 en。"),
        ("Only this module id.", "只解释此模块 id。"),
        ("Contractor overlay id.", "总包商叠加 id。"),
        ("Budget in 10k CNY (万元).", "预算（万元）。"),
        ("Keys: ↑/↓ (j/k, number keys; digits typed together are one number) choose, Space ticks, Enter confirms, ←/Backspace/b goes back, s skips (an answer given stays), x clears an optional answer, ? explains and lists every key, Ctrl-C saves and stops, Ctrl-Z suspends (fg continues). Numbers may carry their unit (85人, 30%, 1.2亿). The answers are saved after every answer, and text left in a field is kept as a draft; run the same command again to continue. The last step asks the diagnosis date (default today, or a resumed file's own date when it is not earlier; 2026-12-06, 2026/12/06 or 2026年12月6日); the proposal is named after the company and that date. An answers file written or commented by hand is copied to FILE.bak before the wizard first rewrites it. When standard input is not a terminal, one answer per line is read (option numbers, comma-separated for several, y/n, numbers, text; an empty line keeps the answer, takes the default or skips). A proposal of the same name already in the output folder is kept: on a terminal you choose a new name (the default), to overwrite it, or to write nothing; otherwise the new one is written under the next free name (NAME-2, …). Exit codes: 0 proposal written (or, as chosen, not written), 1 input error or input ended early, 2 usage, 128+signal when stopped (130 for Ctrl-C/Ctrl-D).",
         "按键：↑/↓（j/k、数字键；连续输入的数字算一个序号）选择，空格勾选，回车确认，←/退格/b 返回上一题，s 跳过（已有的答案保留），x 清除选答题的答案，? 查看说明和全部按键，Ctrl-C 保存并退出，Ctrl-Z 暂停（fg 继续）。数字可带单位（85人、30%、1.2亿）。每答一题即保存，输入框中未确认的文字作为草稿保留；再次运行同一命令即可继续。最后一步询问诊断日期（默认今天；继续作答的文件自带的日期不早于今天时默认该日期；可写 2026-12-06、2026/12/06 或 2026年12月6日）；方案文件以企业名称和该日期命名。手写或带注释的答卷在向导第一次改写前备份为 文件.bak。标准输入不是终端时，每行读一个答案（选项编号，多选用逗号分隔，y/n，数字，文字；空行保留原答案、取默认值或跳过）。输出文件夹中已有同名方案时保留原方案：在终端中可选择另存为新文件名（默认）、覆盖或不写方案；否则新方案以下一个空闲的名称（名称-2，…）写出。退出码：0 已写出方案（或按选择未写），1 输入有误或输入提前结束，2 用法错误，被中断时为 128+信号（Ctrl-C/Ctrl-D 为 130）。"),
        ("Industry id (default: ask; a resumed file keeps its own).", "行业 id（默认：询问；继续作答的文件沿用其行业）。"),
        ("Answers file: created, or resumed when it exists.", "答卷文件：不存在则新建，存在则继续作答。"),
        ("Folder for the proposal (default: the current folder).", "方案输出文件夹（默认：当前文件夹）。"),
        ("Proposal formats, comma-separated: md, html, json, pdf.", "方案格式，逗号分隔：md、html、json、pdf。"),
        ("Reads the proposal JSON that `gaizao diagnose` writes and writes comparison.md and comparison.html (and comparison.json with --format json, see docs/comparison-schema.md). Columns are labelled with the contractor's name, else the file name; columns that would share a label are told apart by what differs (target level, budget, date), else by folder; the files' paths are listed in the report. With --mode auto, two proposals of one enterprise with different dates and the same contractor are compared before/after (unless their answers are the same and their budgets or targets differ: two drafts); anything else weighs them against each other: several contractors' offers, or options (one pricing with different targets or budgets, reference prices beside a contractor's), the report naming what differs. Proposals are comparable when they aim at the same target level and each reaches it within its own budget; the others are marked at the top and take no \"lowest\" or \"shortest\". Exit codes: 0 ok, 1 an input is wrong (malformed JSON, different enterprises, one file given twice), 2 usage.",
         "读取 `gaizao diagnose` 写出的方案 JSON，写出 comparison.md 和 comparison.html（--format json 另写 comparison.json，见 docs/comparison-schema.md）。各列以总包商名称为标题，没有则用文件名；标题相同的列按不同之处（目标等级、预算、诊断日期）区分，否则按所在文件夹区分；各文件的路径列在报告中。--mode auto 时，同一企业、诊断日期不同且总包商相同的两份方案按改造前后对比（答卷相同而预算或目标不同的，视为两稿方案，不按前后对比）；其余方案相互比较：多家总包商的报价，或方案比选（同一定价下目标或预算不同，参考价格与总包商报价并列），报告注明不同之处。瞄准同一目标等级并在各自预算内达到的方案才可比；其余方案在报告开头标出，不参与“最低”“最短”评比。退出码：0 成功，1 输入有误（JSON 格式错误、企业不同、同一文件给了两次），2 用法错误。"),
        ("Proposal JSON files written by `gaizao diagnose` (two or more).", "`gaizao diagnose` 写出的方案 JSON 文件（两份或以上）。"),
        ("Output folder; `-` prints one format to standard output.", "输出文件夹；`-` 把一种格式打印到标准输出。"),
        ("Formats, comma-separated: md, html, json, pdf (pdf needs a headless Chromium).", "输出格式，逗号分隔：md、html、json、pdf（pdf 需要无界面 Chromium）。"),
        ("Compare proposals of different enterprises (refused otherwise).", "比较不同企业的方案（否则拒绝）。"),
        ("How the proposals relate: auto decides by dates and contractors.", "方案之间的关系：auto 按日期和总包商判断。"),
        ("Language of the output.", "输出文档的语言。"),
        ("Inputs: answers files (YAML/JSON), folders of them, CSV files (one enterprise per row, question ids as columns; `gaizao questions --industry ID --csv` prints the header; several choices in one cell separated by `;`; UTF-8 or GB18030), xlsx workbooks (`gaizao questions --industry ID --xlsx FILE` writes one; every sheet with an ids row), or `-` for JSON Lines on standard input. Options may be given by id or by label. Writes DIR/NNNNN-NAME/ per enterprise, DIR/summary.csv, DIR/summary.xlsx, DIR/summary.html and, when a record failed, DIR/errors.csv with every error. Exit 1 if any enterprise failed; the others are still done. Result folders of an earlier batch in DIR are kept and this run numbers its folders after them (summary.csv, summary.xlsx, summary.html and errors.csv are replaced; files of those names that gaizao did not write, or that were edited since, are never replaced: the run is refused); one batch at a time writes into DIR (a second one is refused), and the batch's own files are never read as input, nor are proposal JSON files in an input folder (left out with a warning).",
         "输入：答卷文件（YAML/JSON）、存放答卷的文件夹、CSV 文件（每行一家企业，列为题目 id；`gaizao questions --industry ID --csv` 打印表头；一格多选用 `;` 分隔；UTF-8 或 GB18030）、xlsx 工作簿（`gaizao questions --industry ID --xlsx FILE` 生成；读取每个带 id 行的工作表），或 `-` 从标准输入读 JSON Lines。选项可填 id 或标签。每家企业写 DIR/NNNNN-名称/，另写 DIR/summary.csv、DIR/summary.xlsx、DIR/summary.html，有失败时另写列出全部错误的 DIR/errors.csv。有企业失败时退出码为 1，其余企业照常完成。DIR 中以前批次的结果文件夹会保留，本次编号接在其后（summary.csv、summary.xlsx、summary.html 和 errors.csv 会被替换；同名但不是 gaizao 写出、或写出后被修改过的文件不会被覆盖：此时拒绝运行）；同一时间只允许一个批次写入 DIR（第二个会被拒绝），批次自己写出的文件不会被当作输入读取，输入文件夹中的方案 JSON 也会跳过（并给出提示）。"),
        ("Each DIR is the output folder of a `gaizao batch` run (it holds summary.csv). Writes OUT/summary.csv, OUT/summary.xlsx, OUT/summary.html and, when a record failed, OUT/errors.csv over all of them, numbered in the order given. Exit 1 when a DIR holds no readable summary.csv, or when a row of one cannot be gaizao's (an edited summary.csv: a figure that is no number, a level outside 0-4, an amount below 0 or a range the wrong way round, an industry the catalog does not have, an enterprise listed twice): that row is merged as failed, its file, row and column named.",
         "每个 DIR 是一次 `gaizao batch` 的输出文件夹（内有 summary.csv）。合并写出 OUT/summary.csv、OUT/summary.xlsx、OUT/summary.html，有失败时另写 OUT/errors.csv，按给出的顺序编号。某个 DIR 中没有可读的 summary.csv，或其中某行不可能是 gaizao 写出的（summary.csv 被改过：数值不是数字、等级不在 0–4、金额小于 0 或区间上下限颠倒、行业不在目录中、同一企业列了两次）时退出码为 1：该行按失败合并，并指明文件、行和列。"),
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
         "每个问题报告为 path:line:col：错误|警告：说明（英文为 path:line:col: error|warning: message）。无问题退出码为 0，有错误（或 --strict 时有警告）为 1。"),
        ("Catalog folder (default: --catalog, $GAIZAO_CATALOG, else the shipped catalogs/).", "目录数据文件夹（默认：--catalog、$GAIZAO_CATALOG，否则为随附的 catalogs/）。"),
        ("Fail on warnings too.", "有警告也算失败。"),
        ("Templates folder to check as well (default: the shipped templates/ when linting the shipped catalog).", "一并检查的模板文件夹（默认：检查随附目录时为随附的 templates/）。"),
    ]

    typealias Compiled = (regex: NSRegularExpression, names: [String], zh: String)
    /// Compiled patterns, tried in table order.
    private static let compiledMessages: [Compiled] = messages.compactMap { compile($0, phrase: false) }
    private static let compiledPhrases: [Compiled] = phrases.compactMap { compile($0, phrase: true) }
    private static let helpTable: [String: String] = Dictionary(help.map { ($0.en, $0.zh) }, uniquingKeysWith: { a, _ in a })

    /// A placeholder between backticks in the pattern matches no backtick, so an id part cannot swallow the
    /// English around it. `{n}` and `{x}` are numbers; in a phrase, `{v}` is a quoted literal (`x` or "x").
    private static func compile(_ entry: (en: String, zh: String), phrase: Bool) -> Compiled? {
        var pattern = "^"
        var names: [String] = []
        var rest = Substring(entry.en)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              rest[rest.index(after: open)..<close].allSatisfy({ $0.isLetter || $0.isNumber }), open < close {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            let name = String(rest[rest.index(after: open)..<close])
            names.append(name)
            let after = rest[rest.index(after: close)...]
            let quoted = open > rest.startIndex && rest[rest.index(before: open)] == "`" && after.first == "`"
            if quoted {
                pattern += "([^`]*?)"  // may be empty: an empty id quoted (`question: ""`) is still a message
            } else if phrase && name == "v" {
                pattern += "(`[^`]*`|\"[^\"]*\")"
            } else if name == "n" || name == "x" {
                // A number: it cannot swallow the words around it. Beyond 1e15 `formatNumber` writes an exponent
                // (`1e+23`, from a typo in an answers file), which left the whole line English.
                pattern += "(-?[0-9][0-9.,]*(?:e[+-]?[0-9]+)?)"
            } else if name == "l" {
                pattern += "(.*?)"  // a list, which may be empty
            } else {
                pattern += "(.+?)"
            }
            rest = after
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return nil }
        return (regex, names, entry.zh)
    }

    /// One message in the message language: each line looked up in `messages`. A line with no complete Chinese
    /// form (a part that is a phrase or a message has none) stays English whole.
    static func localized(_ text: String, lang: Lang = CLILanguage.current) -> String {
        guard lang == .zh else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            translate(String(line), in: compiledMessages, depth: 0) ?? String(line)
        }.joined(separator: "\n")
    }

    /// Whether `localized` gives `line` a complete Chinese form (for tests).
    static func hasChinese(_ line: String) -> Bool { translate(line, in: compiledMessages, depth: 0) != nil }

    private static let didYouMean = try! NSRegularExpression(pattern: #"^(.+) \(did you mean (`[^`]*`)\?\)$"#, options: [.dotMatchesLineSeparators])

    private static func translate(_ line: String, in table: [Compiled], depth: Int) -> String? {
        guard depth < 6 else { return nil }
        if line.isEmpty { return line }
        let range = NSRange(line.startIndex..., in: line)
        entries: for entry in table {
            guard let match = entry.regex.firstMatch(in: line, range: range) else { continue }
            var out = entry.zh
            for (i, name) in entry.names.enumerated() {
                guard let r = Range(match.range(at: i + 1), in: line) else { continue }
                guard let value = resolve(String(line[r]), as: name, depth: depth) else { continue entries }
                out = out.replacingOccurrences(of: "{\(name)}", with: value)
            }
            return out
        }
        // A "did you mean" hint at the end of a message: the message translated, the hint after it.
        if table.count == compiledMessages.count, let match = didYouMean.firstMatch(in: line, range: range),
           let head = Range(match.range(at: 1), in: line), let hint = Range(match.range(at: 2), in: line),
           let translated = translate(String(line[head]), in: table, depth: depth + 1) {
            return translated + "（是否想写 \(line[hint])？）"
        }
        return nil
    }

    /// A part of a matched line: `{m}` a message (or phrase) that must translate; `{h}`, `{r}` a message
    /// translated when it can be (an operating system's reason, a library's text); `{w…}`, `{f…}`, `{kind}` a
    /// phrase that must translate unless it is only quoted values, numbers and file names; others as they are.
    private static func resolve(_ part: String, as name: String, depth: Int) -> String? {
        switch name {
        case "m":
            // A message the core already wrote in the message language (the budget below the must-haves) is kept.
            return translate(part, in: compiledMessages, depth: depth + 1) ?? translate(part, in: compiledPhrases, depth: depth + 1)
                ?? (isChinese(part) ? part : nil)
        case "h", "r":
            return translate(part, in: compiledMessages, depth: depth + 1) ?? part
        case "help":
            // An option's help as ArgumentParser repeats it under a usage error.
            return helpTable[part]
        case _ where name.hasPrefix("w") || name.hasPrefix("f") || name == "kind":
            return translate(part, in: compiledPhrases, depth: depth + 1) ?? (isLanguageNeutral(part) ? part : nil)
        default:
            return part
        }
    }

    /// Whether `text` is a message written in Chinese: it starts with a CJK ideograph (an English message that
    /// quotes a Chinese name starts with English words; product names such as WMS may stand inside a Chinese one).
    static func isChinese(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return (0x4E00..<0xA000).contains(first.value)
    }

    private static let quotedOrFile = try! NSRegularExpression(
        pattern: #"`[^`]*`|"[^"]*"|[A-Za-z0-9_./-]+\.(yaml|yml|json|mustache|csv|xlsx|md|html)(:[0-9]+)*"#)

    /// Quoted values, numbers, punctuation and file names only: the same in every language.
    static func isLanguageNeutral(_ text: String) -> Bool {
        let stripped = quotedOrFile.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        return !stripped.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
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
