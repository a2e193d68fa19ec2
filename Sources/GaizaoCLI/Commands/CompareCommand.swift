import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao compare A.json B.json [C.json …]`: proposals for one enterprise side by side, for expert review
/// (several contractors) or to see progress (the same enterprise before and after a retrofit).
public struct CompareCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "并列比较同一企业的多份改造方案 / Compare proposals for one enterprise side by side.",
        discussion: """
            Reads the proposal JSON that `gaizao diagnose` writes and writes comparison.md and comparison.html \
            (and comparison.json with --format json, see docs/comparison-schema.md). \
            Columns are labelled with the contractor's name, else the file name; columns that would share a label \
            are told apart by what differs (target level, budget, date), else by folder; the files' paths are listed \
            in the report. With --mode auto, two proposals of \
            one enterprise with different dates and the same contractor are compared before/after (unless their \
            answers are the same and their budgets or targets differ: two drafts); anything else \
            weighs them against each other: several contractors' offers, or options (one pricing with different \
            targets or budgets, reference prices beside a contractor's), the report naming what differs. Proposals are comparable when they aim at the same target level and each \
            reaches it within its own budget; the others are marked at the top and take no "lowest" or "shortest". Exit codes: 0 ok, 1 an input is wrong (malformed JSON, different enterprises, one file given twice), 2 usage.
            """)

    /// How the proposals relate.
    public enum Mode: String, ExpressibleByArgument, CaseIterable, Sendable {
        case auto, contractors
        case beforeAfter = "before-after"

        var comparisonMode: ProposalComparison.Mode? {
            switch self {
            case .auto: return nil
            case .contractors: return .contractors
            case .beforeAfter: return .beforeAfter
            }
        }
    }

    @Argument(help: "Proposal JSON files written by `gaizao diagnose` (two or more).")
    public var proposals: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Output folder; `-` prints one format to standard output.")
    public var output: String = "."

    @Option(name: .long, help: "Formats, comma-separated: md, html, json, pdf (pdf needs a headless Chromium).")
    public var format: String = "md,html"

    @Flag(name: .long, help: "Compare proposals of different enterprises (refused otherwise).")
    public var allowDifferent = false

    @Option(name: .long, help: "How the proposals relate: auto decides by dates and contractors.")
    public var mode: Mode = .auto

    @Option(name: .long, help: "Templates folder (default: $GAIZAO_TEMPLATES, else the shipped templates/).")
    public var templates: String?

    @Option(name: .long, help: "Language of the output.")
    public var lang: Lang = .zh

    public init() {}

    static func formats(_ text: String) throws -> [OutputFormat] { try OutputFormat.parseList(text) }

    public func validate() throws {
        guard proposals.count >= 2 else {
            throw ValidationError("compare needs at least two proposal JSON files (given \(proposals.count))")
        }
        if mode == .beforeAfter && proposals.count != 2 {
            throw ValidationError("--mode before-after compares exactly two proposals (given \(proposals.count))")
        }
        _ = try Self.formats(format)
        try OutputGuard.checkNamed(proposals, "<proposals>")
        try OutputGuard.checkNamed([templates], "--templates")
        try OutputGuard.checkFolder(output)
    }

    public func run() throws {
        let formats = try Self.formats(format)
        if output != "-" {
            try OutputGuard.refuseOverwriting(inputs: proposals, with: formats.map { (output as NSString).appendingPathComponent("\(ComparisonWriter.baseName).\($0.rawValue)") })
        }
        let inputs = try Self.read(proposals)
        let labels = ComparisonLabels.make(inputs.map { input in
            let url = URL(fileURLWithPath: input.path).standardizedFileURL
            return ComparisonLabels.Input(stem: input.stem, folder: url.deletingLastPathComponent().lastPathComponent,
                                          proposal: input.proposal, target: input.target)
        }, lang: lang)
        let comparison: ProposalComparison
        do {
            comparison = try ProposalComparator.compare(
                zip(labels, inputs).map { (label: $0, source: $1.path, proposal: $1.proposal) },
                mode: mode.comparisonMode, allowDifferent: allowDifferent, targets: inputs.map(\.target))
        } catch {
            throw CLIError.input(error.description)
        }
        var writer = try ComparisonWriter(lang: lang, templatesFlag: templates, formats: formats)
        writer.inputOrder = inputs.map(\.path)
        let written = try writer.write(comparison, formats: formats, to: output, inputs: proposals)
        if output != "-" {
            Console.out(ComparisonSummary.line(comparison, lang: lang))
            for path in written { Console.out("  " + path) }
        }
    }

    /// Reads every file and reports every unreadable, malformed or foreign one (`error: path: message`) before
    /// giving up, so one run shows all the problems.
    static func read(_ paths: [String]) throws -> [(path: String, stem: String, proposal: Proposal, target: StatedTarget?)] {
        var out: [(path: String, stem: String, proposal: Proposal, target: StatedTarget?)] = []
        var failed = false
        // The same file given twice (or under two names: a link, `./a.json` and `a.json`) would be one proposal
        // shown as two and ranked against itself.
        let identities = paths.map(OutputGuard.identity)
        for j in paths.indices {
            guard identities[j].inode != nil,
                  let i = paths.indices.first(where: { $0 < j && OutputGuard.same(identities[$0], identities[j]) }) else { continue }
            Console.err("error: \(paths[j]): the same file as \(paths[i]), given twice: give each proposal once")
            failed = true
        }
        for path in paths {
            do {
                let read = try ProposalReader.readStated(try FileIO.readText(path))
                out.append((path, URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, read.proposal, read.target))
            } catch let error as ProposalReader.Failure {
                Console.err("error: \(error.description)")
                failed = true
            } catch let error as CLIError {
                Console.err(error.isLocated ? error.description : "error: \(error.description)")
                failed = true
            }
        }
        if failed { throw CLIError.reported }
        return out
    }
}

extension CLIError {
    /// Located diagnostics print their own `path:line:col: error:` prefix.
    var isLocated: Bool { if case .located = self { return true } else { return false } }
}

/// The one-line summary printed after a comparison is written. Counts of nothing are said in words ("答卷相同",
/// "the earlier proposal chose no modules"), never as "0 planned module(s)".
enum ComparisonSummary {
    static func line(_ c: ProposalComparison, lang: Lang) -> String {
        func lv(_ l: Int) -> String { lang == .zh ? (l == 0 ? "未达一级" : "\(l)级") : (l == 0 ? "below level 1" : "level \(l)") }
        let count = EnglishCount.count
        let differing = c.modules.filter(\.differs).count
        let measures = c.measures.filter(\.differs).count
        let answers = c.answerDifferences.count
        // Offers of modules some proposal chooses weigh in a total; the others are catalog prices only.
        let chosen = Set(c.columns.flatMap { $0.proposal.modules.filter(\.status.isSelected).map(\.id) })
        let offers = c.priceDifferences.filter { chosen.contains($0.moduleID) }.count
        let unchosenOffers = c.priceDifferences.count - offers
        let incomparable = c.comparability.filter { !$0.comparable }.count
        let name = c.enterpriseNames.joined(separator: " / ")
        switch (c.mode, lang) {
        case (.beforeAfter, _):
            let a = c.columns[0].proposal, b = c.columns[1].proposal
            let planned = a.modules.filter(\.status.isSelected).count, done = c.nowSatisfied.count
            if lang == .zh {
                let plans = planned == 0 ? "先前的方案未选模块" : done == 0 ? "先前计划的 \(planned) 个模块尚无一个已具备" : "先前计划的 \(planned) 个模块中 \(done) 个已具备"
                return "\(name)：改造前后对比（\(a.date ?? "?") → \(b.date ?? "?")）：\(formatNumber(a.diagnosis.points))分 \(lv(a.diagnosis.level)) → "
                    + "\(formatNumber(b.diagnosis.points))分 \(lv(b.diagnosis.level))；\(plans)，\(answers == 0 ? "答卷没有变化" : "\(answers) 项答卷变化")"
            }
            let plans = planned == 0 ? "the earlier proposal chose no modules"
                : done == 0 ? (planned == 1 ? "the module planned then is not in place yet" : "none of the \(planned) modules planned then is in place yet")
                : "\(done) of the \(count(planned, "module", "modules")) planned then now in place"
            return "\(name): before and after (\(a.date ?? "?") → \(b.date ?? "?")): \(formatNumber(a.diagnosis.points)) pts \(lv(a.diagnosis.level)) → "
                + "\(formatNumber(b.diagnosis.points)) pts \(lv(b.diagnosis.level)); \(plans), "
                + (answers == 0 ? "no answer changed" : "\(count(answers, "answer", "answers")) changed")
        case (.contractors, .zh):
            let decided = [differing > 0 ? "\(differing) 个模块" : nil, measures > 0 ? "\(measures) 项管理措施" : nil].compactMap { $0 }
            return "\(name)：比较 \(c.columns.count) 份方案：" + (decided.isEmpty ? "模块和管理措施结论相同" : decided.joined(separator: "、") + "结论不同")
                + "，" + (answers == 0 ? "答卷相同" : "\(answers) 项答卷不同")
                + "，" + (offers == 0 ? "所选模块的报价、工期和产品相同" : "\(offers) 个所选模块的报价、工期或产品不同")
                + (unchosenOffers > 0 ? "（另有 \(unchosenOffers) 个各方案均未选的模块报价不同，不计入投入）" : "")
                + (incomparable > 0 ? "；\(incomparable) 份方案不可比（理由见报告开头）" : "")
        case (.contractors, .en):
            let decided = [differing > 0 ? count(differing, "module", "modules") : nil, measures > 0 ? count(measures, "measure", "measures") : nil].compactMap { $0 }
            return "\(name): \(c.columns.count) proposals compared: "
                + (decided.isEmpty ? "the same decisions on every module and measure" : "decisions differ for " + decided.joined(separator: " and "))
                + ", " + (answers == 0 ? "the same answers" : answers == 1 ? "1 answer differs" : "\(answers) answers differ")
                + ", " + (offers == 0 ? "the same offers for the chosen modules" : offers == 1 ? "1 chosen module's offer differs in price, duration or products"
                          : "\(offers) chosen modules' offers differ in price, duration or products")
                + (unchosenOffers > 0 ? " (\(unchosenOffers) more for modules no proposal chooses, in no investment)" : "")
                + (incomparable > 0 ? "; \(incomparable) not comparable (reasons at the top of the report)" : "")
        }
    }
}
