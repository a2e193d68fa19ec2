import GaizaoCore

/// Every sentence the wizard shows, Chinese first and English with `--lang en`.
struct WizardStrings {
    let lang: Lang

    private func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    var title: String { t("gaizao 数字化自评向导", "gaizao digital self-assessment") }
    var chooseIndustry: String { t("请选择企业所属行业：", "Choose the enterprise's industry:") }
    var required: String { t("（必答）", " (required)") }
    var yes: String { t("是", "Yes") }
    var no: String { t("否", "No") }
    var levelNone: String { t("未开展", "Not started") }
    var none: String { t("（都没有）", "(none)") }
    var unanswered: String { t("（未答）", "(no answer)") }
    var finishRow: String { t("完成，生成改造方案", "Finish and write the retrofit proposal") }
    var reviewTitle: String { t("复查答案：选中一题按 Enter 修改", "Review: select an answer and press Enter to change it") }
    var alreadyFirst: String { t("这已经是第一题。", "This is the first question.") }
    var requiredMissing: String { t("这是必答题，请先回答。", "This question is required; please answer it first.") }
    var chooseAtLeastOne: String { t("这是必答题，请至少选一项（空格勾选）。", "Required: tick at least one option (Space).") }
    var moreAbove: String { t("↑ 上面还有", "↑ more above") }
    var moreBelow: String { t("↓ 下面还有", "↓ more below") }
    var helpHeading: String { t("说明", "Help") }
    var notScored: String {
        t("本题不计入工信部评测分数，用于匹配改造模块和补助。", "Not scored in the MIIT evaluation; used to match modules and subsidies.")
    }

    func header(section: Int, sections: Int, sectionTitle: String, question: Int, questions: Int, percent: Int) -> String {
        t("第 \(section)/\(sections) 部分 \(sectionTitle)  第 \(question)/\(questions) 题  已完成 \(percent)%",
          "Part \(section)/\(sections) \(sectionTitle)  question \(question)/\(questions)  \(percent)% done")
    }

    /// The header in fewer cells, longest first: the view takes the first that fits, so the share done is never cut.
    func headerVariants(section: Int, sections: Int, sectionTitle: String, question: Int, questions: Int, percent: Int) -> [String] {
        [header(section: section, sections: sections, sectionTitle: sectionTitle, question: question, questions: questions, percent: percent),
         t("第 \(section)/\(sections) 部分  第 \(question)/\(questions) 题  已完成 \(percent)%",
           "Part \(section)/\(sections)  question \(question)/\(questions)  \(percent)% done"),
         t("\(section)/\(sections) 部分 · \(question)/\(questions) 题 · \(percent)%", "\(section)/\(sections) · \(question)/\(questions) · \(percent)%"),
         "\(percent)%"]
    }

    func level(_ level: Int) -> String {
        lang == .zh ? (level == 0 ? "未达一级" : "\(level)级") : (level == 0 ? "below level 1" : "level \(level)")
    }

    /// The live evaluation and how many asked questions have an answer (skipped ones are said apart: they are not
    /// answered). Longest first; the view takes the first that fits.
    func miitVariants(points: String, level: Int, answered: Int, skipped: Int, asked: Int) -> [String] {
        let skippedText = skipped > 0 ? t("，跳过 \(skipped)", ", \(skipped) skipped") : ""
        return [t("工信部评测（按目前答案）：\(points) 分，\(self.level(level))    已答 \(answered)/\(asked) 题\(skippedText)",
                  "MIIT evaluation so far: \(points) points, \(self.level(level))    answered \(answered)/\(asked)\(skippedText)"),
                t("评测：\(points) 分 \(self.level(level))  已答 \(answered)/\(asked)\(skippedText)",
                  "MIIT: \(points) pts, \(self.level(level))  answered \(answered)/\(asked)\(skippedText)"),
                t("\(points) 分 \(self.level(level))  已答 \(answered)/\(asked)", "\(points) pts \(self.level(level)) · \(answered)/\(asked)")]
    }

    func miitLine(points: String, level: Int, answered: Int, asked: Int) -> String {
        miitVariants(points: points, level: level, answered: answered, skipped: 0, asked: asked)[0]
    }

    /// The review's count: answered, and the asked questions still without an answer.
    func reviewCount(answered: Int, asked: Int) -> String {
        answered == asked ? t("已答 \(answered)/\(asked) 题", "\(answered)/\(asked) answered")
            : t("已答 \(answered)/\(asked) 题，\(asked - answered) 题未答", "\(answered)/\(asked) answered, \(asked - answered) without an answer")
    }

    func savedTo(_ path: String) -> String { t("每答一题自动保存到 \(path)", "Saved after every answer to \(path)") }
    func backupMade(_ path: String, backup: String) -> String {
        t("原答卷 \(path)（含注释和排版）已备份为 \(backup)；向导改写的答卷只含答案",
          "The original \(path), comments and layout included, is kept as \(backup); the wizard rewrites the file with the answers only")
    }
    func saveFailed(_ why: String) -> String { t("无法保存答卷：\(why)", "Cannot save the answers: \(why)") }

    func resumeHeading(path: String, answered: Int, skipped: Int, asked: Int) -> String {
        t("发现已保存的答卷 \(path)（\(answeredCount(answered, skipped: skipped, asked: asked))）。",
          "Found saved answers in \(path) (\(answeredCount(answered, skipped: skipped, asked: asked))).")
    }
    /// How many asked questions have an answer, skipped ones said apart as in the status line ("已答 3/59 题，跳过 2"):
    /// a skipped question is settled but not answered, and counting it as answered would promise what is not there.
    func answeredCount(_ answered: Int, skipped: Int, asked: Int) -> String {
        let skippedText = skipped > 0 ? t("，跳过 \(skipped)", ", \(skipped) skipped") : ""
        return t("已答 \(answered)/\(asked) 题\(skippedText)", "\(answered)/\(asked) answered\(skippedText)")
    }
    func resumeContinue(_ number: Int, _ label: String) -> String {
        t("从第一个未答的问题继续（第 \(number) 题：\(label)）", "Continue at the first unanswered question (\(number): \(label))")
    }
    var resumeFromStart: String { t("从第一题开始逐题查看（已填的答案保留）", "Go through from the first question (answers are kept)") }
    var resumeReview: String { t("复查全部答案", "Review all answers") }

    // Key hints, one line per screen kind.
    var keysChoice: String { t("↑↓ 选择  数字键 跳到选项  Enter 确定  ← 上一题  ? 说明",
                               "↑↓ move  digits jump  Enter confirm  ← back  ? help") }
    var keysYesNo: String { t("y 是  n 否  ↑↓ 选择  Enter 确定  ← 上一题  ? 说明",
                              "y yes  n no  ↑↓ move  Enter confirm  ← back  ? help") }
    var keysMulti: String { t("↑↓ 移动  空格 勾选/取消  Enter 确定  ← 上一题  ? 说明",
                              "↑↓ move  Space tick  Enter confirm  ← back  ? help") }
    /// A text field: `?` opens the help only while the field is empty (else it is typed).
    var keysText: String { t("输入后按 Enter  Ctrl-U 清空  ← 上一题  ? 说明（输入为空时）",
                             "Type, then Enter  Ctrl-U clear  ← back  ? help (when empty)") }
    /// A number field: `?` opens the help at any time.
    var keysNumber: String { t("输入后按 Enter  Ctrl-U 清空  ← 上一题  ? 说明",
                               "Type, then Enter  Ctrl-U clear  ← back  ? help") }
    /// `s` on a question without an answer: leave it unanswered.
    var keysSkip: String { t("s 跳过本题", "s skip") }
    /// On a question answered: `s` moves on and keeps the answer, `x` clears it (two groups of the legend).
    var keysSkipAnswered: String { t("s 保留答案，下一题  x 清除答案", "s keep the answer, next  x clear the answer") }
    var keysQuit: String { t("Ctrl-C 保存退出", "Ctrl-C save and quit") }
    var keysQuitMenu: String { t("Ctrl-C 退出", "Ctrl-C quit") }
    var keysMenu: String { t("↑↓ 选择  Enter 确定", "↑↓ move  Enter confirm") }
    var keysHelp: String { t("? 说明", "? help") }
    var keysMore: String { t("? 更多按键", "? more keys") }
    var keysHeading: String { t("按键", "Keys") }
    var keysReview: String { t("↑↓ 选择  Enter 修改所选/完成  ← 回到最后一题",
                               "↑↓ move  Enter change/finish  ← last question") }

    /// `exactLength`: a text of exactly that many characters (the credit code), said instead of a maximum.
    func inputHint(unit: String?, range: String?, integer: Bool, defaultText: String?, maxLength: Int?, exactLength: Int? = nil,
                   optional: Bool) -> String {
        var parts: [String] = []
        if let unit, !unit.isEmpty { parts.append(t("单位：\(unit)", "unit: \(unit)")) }
        if let range { parts.append(t("范围 \(range)", "range \(range)")) }
        if integer { parts.append(t("整数", "whole number")) }
        if let exactLength { parts.append(t("共 \(exactLength) 位", "exactly \(exactLength) characters")) }
        else if let maxLength { parts.append(t("最多 \(maxLength) 个字", "at most \(maxLength) characters")) }
        if let defaultText { parts.append(t("直接按 Enter 用默认值 \(defaultText)", "Enter alone takes the default \(defaultText)")) }
        else if optional { parts.append(t("不清楚可留空按 Enter 跳过", "leave empty and press Enter to skip")) }
        return parts.joined(separator: t("；", "; "))
    }

    func numberOutOfRange(_ range: String, integer: Bool) -> String {
        t("请输入 \(range) 之间的\(integer ? "整数" : "数")。", "Enter a \(integer ? "whole number" : "number") between \(range).")
    }
    var notANumber: String { t("请输入数字，例如 35 或 2.5。", "Enter a number such as 35 or 2.5.") }
    var wholeNumber: String { t("请输入整数。", "Enter a whole number.") }
    /// `2,5` typed for 2.5: said with the text as it should be.
    func decimalComma(_ suggested: String) -> String { t("小数请用小数点：\(suggested)。", "Use a point for decimals: \(suggested).") }
    var badGrouping: String {
        t("逗号或空格只能用来分隔每三位数字，例如 1,200 或 12,345,678。", "A comma or space may only separate groups of three digits, as in 1,200 or 12,345,678.")
    }
    func controlCharacter(_ name: String) -> String { t("不能含控制字符 \(name)。", "The control character \(name) is not allowed.") }
    func creditCodeProblem(_ problem: CreditCode.Problem) -> String {
        switch problem {
        case let .length(n):
            return t("统一社会信用代码应为 18 位（现在是 \(n) 位），请对照营业执照；不清楚可留空。",
                     "A unified social credit code has 18 characters (this has \(n)); check the business licence, or leave it empty.")
        case let .character(c, position):
            return t("第 \(position) 位“\(c)”不会出现在统一社会信用代码中（不用 I、O、Z、S、V），请核对。",
                     "Character \(position), “\(c)”, never appears in a credit code (I, O, Z, S, V are not used); please check.")
        case let .checkCharacter(expected):
            return t("校验位不对：按前 17 位，最后一位应为“\(expected)”，请核对是否抄错。",
                     "The check character is wrong: after the first 17 characters the last should be “\(expected)”; please check for a typo.")
        }
    }
    var pasteNotUsed: String {
        t("粘贴的文字没有用上：这一题请用 ↑↓ 或数字键选择。", "The pasted text was not used: choose with ↑↓ or the option's number.")
    }
    func tooLong(_ max: Int) -> String { t("最多 \(max) 个字。", "At most \(max) characters.") }

    // Help panel: what an answer means for the MIIT evaluation.
    func optionPoints(_ indicator: String, points: String, max: String) -> String {
        t("工信部评测「\(indicator)」：选此项得 \(points) 分（该项满分 \(max) 分）",
          "MIIT “\(indicator)”: this option scores \(points) (indicator maximum \(max))")
    }
    func optionNoPoints(_ indicator: String) -> String {
        t("工信部评测「\(indicator)」：此项不得分", "MIIT “\(indicator)”: this option scores nothing")
    }
    func yesPoints(_ indicator: String, points: String) -> String {
        t("工信部评测「\(indicator)」：答“是”得 \(points) 分", "MIIT “\(indicator)”: yes scores \(points)")
    }
    func bands(_ indicator: String, max: String) -> String {
        t("工信部评测「\(indicator)」（满分 \(max) 分）按数值分档：", "MIIT “\(indicator)” (maximum \(max)) scores by band:")
    }
    func band(upTo: String?, points: String) -> String {
        if let upTo { return t("不超过 \(upTo)：\(points) 分", "up to \(upTo): \(points)") }
        return t("更高：\(points) 分", "higher: \(points)")
    }
    func sceneLevel(_ scene: String, mandatory: Bool, level: Int) -> String {
        let kind = mandatory ? t("约束性场景", "mandatory scene") : t("指导性场景", "guidance scene")
        if level == 0 { return t("场景「\(scene)」（\(kind)）：0 表示还没达到一级。", "Scene “\(scene)” (\(kind)): 0 means not yet at level 1.") }
        return t("场景「\(scene)」（\(kind)）第 \(level) 级：", "Scene “\(scene)” (\(kind)) level \(level):")
    }
    func levelRule(level: Int, score: String, scenes: Int, mandatory: Int) -> String {
        t("企业评为\(self.level(level))需要：总分不低于 \(score) 分，且至少 \(scenes) 个场景达到\(level)级，其中约束性场景至少 \(mandatory) 个。",
          "The enterprise reaches \(self.level(level)) with at least \(score) points and \(scenes) scenes at level \(level) or above, \(mandatory) of them mandatory.")
    }

    // The date step.
    var dateStep: String { t("最后一步：诊断日期  已完成 100%", "Last step: the diagnosis date  100% done") }
    var dateQuestion: String { t("诊断日期（写入答卷和方案，以后对比改造前后时用）", "Diagnosis date (written to the answers and the proposal; used to compare before and after later)") }
    /// `earlier`: the answers' own, earlier date on a re-assessment (Enter then takes today, `today`).
    func dateHint(today: String?, earlier: String? = nil) -> String {
        guard let today else { return t("格式 YYYY-MM-DD，例如 2026-12-01", "Format YYYY-MM-DD, e.g. 2026-12-01") }
        if let earlier {
            return t("格式 YYYY-MM-DD；直接按 Enter 用 \(today)（今天，重新诊断）；答卷原来的诊断日期是 \(earlier)，沿用请输入它",
                     "Format YYYY-MM-DD; Enter alone takes \(today) (today: a new diagnosis); the answers were dated \(earlier): type it to keep it")
        }
        return t("格式 YYYY-MM-DD；直接按 Enter 用 \(today)", "Format YYYY-MM-DD; Enter alone takes \(today)")
    }
    var badDate: String {
        t("请按 YYYY-MM-DD 输入日期，例如 2026-12-01 或 2026年12月1日。", "Enter the date as YYYY-MM-DD, e.g. 2026-12-01 (or 2026/12/01).")
    }
    var keysDate: String { t("输入后按 Enter  ← 回到复查", "Type, then Enter  ← back to the review") }

    // After the wizard.
    func openHint(_ path: String) -> String { t("打开 \(path) 查看方案（可在浏览器中打印为 PDF）。", "Open \(path) to read the proposal (print it to PDF from the browser).") }
    func compareHint(_ json: String) -> String {
        t("以后再次诊断后，可对比改造前后：gaizao compare \(json) 下次的方案.json", "After a later diagnosis, compare before and after: gaizao compare \(json) LATER.json")
    }
    /// A draft left when stopping that was not saved as the answer: where it is kept, and why it is no answer.
    func draftKept(_ label: String, text: String, why: String, path: String) -> String {
        t("「\(label)」里输入的“\(text)”没有存为答案（\(why)），已作为草稿留在 \(path) 里，继续填写时放回输入框。",
          "“\(text)”, typed for “\(label)”, was not saved as the answer (\(why)); it is kept as a draft in \(path) and put back in its field when you continue.")
    }
    var draftNotConfirmed: String { t("未确认", "not confirmed") }
    var draftQuestionNotAsked: String { t("按现在的答案这一题不问", "the answers now do not ask this question") }
    func resumeHint(_ command: String) -> String { t("继续填写：\(command)", "To continue: \(command)") }
    /// Stopped before the industry was chosen: no answers file was written yet.
    var stoppedBeforeIndustry: String {
        t("已停止。尚未选择行业，没有保存任何答案。", "Stopped before the industry was chosen: nothing was saved.")
    }
    func stopped(_ path: String, answered: Int, skipped: Int, asked: Int) -> String {
        t("已停止。答卷已保存：\(path)（\(answeredCount(answered, skipped: skipped, asked: asked))）",
          "Stopped. The answers are saved in \(path) (\(answeredCount(answered, skipped: skipped, asked: asked)))")
    }
    // A proposal of the same name already written (an earlier diagnosis, often the "before" of a comparison).
    func existingFound(_ paths: [String]) -> String {
        t("已有同名方案（可能是上次诊断写的）：\(paths.joined(separator: "、"))",
          "A proposal of the same name is already there (perhaps an earlier diagnosis): \(paths.joined(separator: ", "))")
    }
    func existingChoices(newName: String) -> [String] {
        [t("1. 另存为 \(newName)，原方案保留（默认）", "1. Write the new one as \(newName) and keep the earlier one (default)"),
         t("2. 覆盖原方案", "2. Overwrite the earlier proposal"),
         t("3. 不写方案（答卷已保存）", "3. Write nothing (the answers are saved)")]
    }
    var existingPrompt: String { t("请选择 [1]：", "Choose [1]: ") }
    var existingChooseAgain: String { t("请输入 1、2 或 3（直接按 Enter 为 1）。", "Enter 1, 2 or 3 (Enter alone is 1).") }
    func existingKept(_ paths: [String], newName: String) -> String {
        t("已有同名方案（\(paths.joined(separator: "、"))），原方案保留；新方案另存为 \(newName)。",
          "A proposal of the same name is already there (\(paths.joined(separator: ", "))): it is kept, and the new one is written as \(newName).")
    }
    func proposalNotWritten(_ answers: String) -> String {
        t("未写方案，原方案保留。答卷已保存：\(answers)", "No proposal written; the earlier one is kept. The answers are saved in \(answers)")
    }
    func answersSaved(_ path: String) -> String { t("答卷：\(path)", "Answers: \(path)") }
    var notFinishedLineMode: String {
        t("输入已结束，问卷还没答完。", "The input ended before the questionnaire was finished.")
    }
}
