import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao questions [--industry ID] [--template | --csv]`: the questionnaire, an answers template, or the CSV header.
public struct QuestionsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "打印问卷或答卷模板 / Print the questionnaire, an answers template or the batch CSV header.")

    @Option(name: .long, help: "Industry id (default: all industries, listed).")
    public var industry: String?

    @Flag(name: .long, help: "Print a commented answers file to fill in.")
    public var template = false

    @Flag(name: .long, help: "Print the CSV header for `gaizao batch` (question ids as columns).")
    public var csv = false

    @Option(name: .long, help: "Write a questionnaire workbook (.xlsx) for `gaizao batch`: one row per enterprise, drop-down lists.")
    public var xlsx: String?

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        if [template, csv, xlsx != nil].filter({ $0 }).count > 1 { throw ValidationError("choose one of --template, --csv and --xlsx") }
        if (template || csv) && industry == nil { throw ValidationError("--template and --csv need --industry ID") }
        if xlsx != nil && industry == nil { throw ValidationError("--xlsx needs --industry ID") }
        // A workbook is a file to open in a spreadsheet: never written to standard output or under another extension.
        if let xlsx, !xlsx.lowercased().hasSuffix(".xlsx") {
            throw ValidationError("--xlsx names the workbook file to write, ending in .xlsx (such as --xlsx 问卷.xlsx), found `\(xlsx)`")
        }
    }

    public func run() throws {
        let session = try CatalogSession.load(flag: global.catalog)
        let catalog = session.catalog
        let industries: [Industry]
        if let industry {
            try CatalogID.refuseBlank(industry, CLIMessages.blankIndustry(known: catalog.industries.map(\.id)))
            guard let found = catalog.industry(industry) else {
                throw CLIError.input("unknown industry `\(industry)`; the catalog has: \(catalog.industries.map(\.id).joined(separator: ", "))")
            }
            industries = [found]
        } else {
            industries = catalog.industries
        }
        if let xlsx, let ind = industries.first {
            // A workbook of that name may already hold enterprises' answers: never written over.
            if FileManager.default.fileExists(atPath: xlsx) {
                throw CLIError.input("\(FileIO.displayPath(xlsx)): already exists and may hold filled answers; nothing was written (choose another file name, or delete it first)")
            }
            let q = catalog.questionnaire(for: ind).offered(to: ind.id)
            let bytes: Data
            do { bytes = try QuestionnaireWorkbook.make(q, industry: ind, catalog: catalog).data() } catch {
                throw CLIError.input("\(xlsx): cannot write the workbook (\(error))")
            }
            try FileIO.writeAtomically([UInt8](bytes), to: xlsx)
            Console.err("questionnaire workbook written: \(FileIO.displayPath(xlsx)) (\(q.ordered.count) questions)")
            return
        }
        for ind in industries {
            let q = catalog.questionnaire(for: ind).offered(to: ind.id)
            if csv {
                Console.out((["industry", "date"] + q.ordered.map(\.id)).joined(separator: ","))
            } else if template {
                Console.out(QuestionnaireText.template(q, industry: ind, catalog: catalog, lang: global.lang))
            } else {
                Console.out(QuestionnaireText.listing(q, industry: ind, catalog: catalog, lang: global.lang))
            }
        }
    }
}

/// Text forms of a questionnaire.
enum QuestionnaireText {
    static func typeLabel(_ q: Question, _ lang: Lang) -> String {
        let zh: String, en: String
        switch q.kind {
        case .text: zh = "文字"; en = "text"
        case .single: zh = "单选"; en = "single choice"
        case .multi: zh = "多选"; en = "multiple choice"
        case .number:
            let range = [q.min.map { formatNumber($0) }, q.max.map { formatNumber($0) }].compactMap { $0 }.joined(separator: "–")
            let unit = q.unit?[lang] ?? ""
            zh = "数字" + (range.isEmpty ? "" : " \(range)") + (unit.isEmpty ? "" : " \(unit)")
            en = "number" + (range.isEmpty ? "" : " \(range)") + (unit.isEmpty ? "" : " \(unit)")
        case .yesno: zh = "是/否"; en = "yes/no"
        case .level: zh = "场景等级 0–4"; en = "scene level 0–4"
        }
        return lang == .zh ? zh : en
    }

    static func levelOptions(_ q: Question, _ catalog: Catalog) -> [(String, Localized)] {
        guard let scene = q.scene.flatMap(catalog.maturity.scene) else { return [] }
        return [("0", Localized(zh: "未开展", en: "not started"))] + scene.levels.enumerated().map { (String($0.offset + 1), $0.element) }
    }

    static func listing(_ q: Questionnaire, industry: Industry, catalog: Catalog, lang: Lang) -> String {
        var out = "# \(industry.name[lang]) (\(industry.id)) — \(q.ordered.count) " + (lang == .zh ? "题" : "questions") + "\n"
        for section in q.sections {
            out += "\n## \(section.title[lang])\n"
            for question in section.questions {
                let req = question.required ? (lang == .zh ? "（必答）" : " (required)") : ""
                out += "\n\(question.id): \(question.label[lang])\(req) [\(typeLabel(question, lang))]\n"
                if !question.help[lang].isEmpty { out += "  \(question.help[lang])\n" }
                if let when = question.when { out += "  when: \(when.source.text)\n" }
                for o in question.options {
                    let pts = o.points.map { " (\(formatNumber($0)) " + (lang == .zh ? "分)" : "pts)") } ?? ""
                    out += "  - \(o.id): \(o.label[lang])\(pts)\n"
                }
                for (id, text) in levelOptions(question, catalog) { out += "  - \(id): \(text[lang])\n" }
            }
        }
        return out
    }

    static func template(_ q: Questionnaire, industry: Industry, catalog: Catalog, lang: Lang) -> String {
        var out = """
        # gaizao answers file — \(industry.name.zh) / \(industry.name.en)
        # Fill in the answers after the colons; leave a question empty if it does not apply.
        # 在冒号后填写答案；不适用的题目留空。Check with: gaizao diagnose THIS_FILE
        gaizao_answers: 1
        industry: \(industry.id)
        # date: 2026-01-31
        answers:

        """
        for section in q.sections {
            out += "\n  # ── \(section.title.zh) / \(section.title.en) ──\n"
            for question in section.questions {
                out += "\n  # \(question.label.zh) / \(question.label.en) [\(typeLabel(question, .zh)) / \(typeLabel(question, .en))]"
                out += question.required ? " 必答 required\n" : "\n"
                for line in wrap(question.help[lang], 100) { out += "  #   \(line)\n" }
                if let when = question.when { out += "  #   (only when / 仅当: \(when.source.text))\n" }
                for o in question.options { out += "  #   \(o.id): \(o.label.zh) / \(o.label.en)\n" }
                for (id, text) in levelOptions(question, catalog) { out += "  #   \(id): \(text[lang])\n" }
                let example: String
                switch question.kind {
                // A question with an explicit "none of these" stays blank (not answered) until the enterprise writes
                // `[none]` or its options; `[]` would already answer "none".
                case .multi: example = question.exclusiveOption == nil ? " []" : ""
                default: example = ""
                }
                out += "  \(question.id):\(example)\n"
            }
        }
        return out
    }

    static func wrap(_ text: String, _ width: Int) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if DisplayWidth.of(current) >= width && (ch == " " || ch == "，" || ch == "。" || ch == "；" || DisplayWidth.of(String(ch)) == 2) {
                lines.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty {
            // A lone closing punctuation mark stays on the line before it.
            if rest.count <= 2, let last = lines.popLast() { lines.append(last + rest) } else { lines.append(rest) }
        }
        return lines
    }
}
