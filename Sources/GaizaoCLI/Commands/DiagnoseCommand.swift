import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao diagnose ANSWERS`: diagnosis and tailored proposal for one enterprise.
public struct DiagnoseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "诊断一家企业并生成改造方案 / Diagnose one enterprise and write its retrofit proposal.")

    @Argument(help: "Answers file (YAML or JSON; - reads standard input).")
    public var answers: String

    @Option(name: [.short, .customLong("output")], help: "Output folder (default: the current folder; `-` prints one format to standard output).")
    public var output: String = "."

    @Option(name: .long, help: "Formats, comma-separated: md, html, json, pdf (pdf needs a headless Chromium).")
    public var format: String = OutputFormat.defaultList

    @Option(name: .long, help: "Templates folder (default: $GAIZAO_TEMPLATES, else the shipped templates/).")
    public var templates: String?

    @Option(name: .long, help: "Contractor overlay id (its prices, durations, products).")
    public var contractor: String?

    @Option(name: .long, help: "Budget in 10k CNY (万元), against the high estimate: the package that reaches the highest level, then points, at the least cost within it; must-haves are never dropped.")
    public var budget: BudgetWan?

    @Option(name: .long, help: "A batch's summary.csv (or its output folder): show where the enterprise stands among its peers there (its rows checked as `gaizao summary` checks them).")
    public var peers: String?

    @OptionGroup var target: TargetLevelOption

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        _ = try OutputFormat.parseList(format)
        if let budget { try Self.checkBudget(budget.value) }
        try OutputGuard.checkNamed([answers], "<answers>")
        try OutputGuard.checkNamed([peers], "--peers")
        try OutputGuard.checkNamed([templates], "--templates")
        try OutputGuard.checkFolder(output)
    }

    /// The budget in 万元: positive, and below a million 万元 (10¹⁰ yuan), as exact yuan can hold.
    static func checkBudget(_ budget: Double) throws {
        guard budget.isFinite, budget > 0 else { throw ValidationError("--budget must be a positive number of 万元, found \(formatNumber(budget))") }
        guard budget < 1_000_000 else {
            throw ValidationError("--budget \(formatNumber(budget)) 万元 is out of range: it must be less than 1000000 万元 (100 亿元)")
        }
    }

    /// A target the user asked for below the level the enterprise has already: accepted, but said (the proposal
    /// only keeps that level).
    static func targetWarning(_ p: Proposal) -> String? {
        guard let target = p.target, target.source == .option, let level = target.level, level < p.diagnosis.level else { return nil }
        return "--target-level \(level) is below the enterprise's current level \(p.diagnosis.level): the proposal only keeps that level; leave the option out to aim one level higher"
    }

    public func run() throws {
        let formats = try OutputFormat.parseList(format)
        // The templates are read and compiled on another core while the catalog loads (a few ms of the ~40 ms
        // from process start); their messages are still printed after the catalog's and the answers'.
        let templatesFlag = templates
        let preparedTemplates = ProposalWriter.needsTemplates(formats) ? Background { TemplateSession.prepare(flag: templatesFlag) } : nil
        // Only the enterprise's industry of the catalog is read (a fifth less YAML to parse).
        let answersFile = try FileIO.readAnswers(answers)
        let session = try CatalogSession.load(flag: global.catalog, focus: AnswerDecoder.industryID(of: answersFile))
        try CatalogID.refuseBlank(contractor, CLIMessages.blankContractor(known: session.catalog.overlays.map(\.id)))
        let sheet = try AnswersLoader.load(answersFile, session: session)
        let peerRows = try peers.map { try PeerSummary.rows($0, catalog: session.catalog) }
        let engine = Engine(catalog: session.catalog, industries: [sheet.industry])
        let budgetYuan = budget?.yuan
        for warning in AnswerPlausibility.warnings(sheet, budgetWan: budget?.value) { Console.err("warning: " + warning) }
        let result: Engine.Output
        do {
            result = try engine.run(sheet, budgetYuan: budgetYuan, contractor: contractor, target: target.value)
        } catch {
            throw CLIError.input(error.message(CLILanguage.current))
        }
        var proposal = result.proposal
        if let warning = Self.targetWarning(proposal) { Console.err("warning: " + warning) }
        if proposal.diagnosis.restsOnGaps {
            let (unanswered, scored) = proposal.diagnosis.unansweredScoredQuestions
            Console.err("warning: \(unanswered) of \(scored) scored questions are unanswered and count as 0 points: the diagnosis and the package rest on those gaps (the proposal says so)")
        }
        if let peerRows {
            // The proposal shows its standing among the summary's enterprises of the same industry and size band
            // (itself, by name or by credit code, not among them).
            let sceneOrder = session.catalog.maturity.scenes.map(\.id)
            let row = BatchRow.from(proposal, index: 0, origin: answersFile.path, folder: "", sceneOrder: sceneOrder)
            let code = EnterpriseRegister<Int>.code(row.creditCode)
            let same = peerRows.filter {
                $0.error == nil && $0.industry == row.industry && $0.sizeBand == row.sizeBand && $0.enterprise != row.enterprise
                    && (code == nil || EnterpriseRegister<Int>.code($0.creditCode) != code)
            }
            proposal.peers = .make(BatchPeers.member(row), peers: same.map(BatchPeers.member), sceneOrder: sceneOrder)
        }
        let base = answers == "-" ? "stdin" : SafeFileName.from(URL(fileURLWithPath: answers).deletingPathExtension().lastPathComponent)
        let writer = try ProposalWriter(lang: global.lang, prepared: preparedTemplates?.value())
        let written = try writer.write(proposal, formats: formats, to: output, baseName: base, inputs: [answers])
        if output != "-" {
            let p = result.proposal
            Console.out(Summary.line(p, lang: global.lang))
            for path in written { Console.out("  " + path) }
        }
        if let benchmark = proposal.peers {
            // Peers are the batch's own enterprises: nothing leaves the machine.
            let scenes = session.catalog.maturity.scenes
            let line = PeerStanding(benchmark)?
                .text(sceneNames: Dictionary(scenes.map { ($0.id, $0.name[global.lang]) }, uniquingKeysWith: { a, _ in a }), lang: global.lang)
                ?? (global.lang == .zh ? "同行对标：该汇总中同行业、同规模的企业不足 2 家" : "peers: fewer than 2 enterprises of the same industry and size band in that summary")
            if output == "-" { Console.err(line) } else { Console.out(line) }
        }
    }
}

/// The one-line summary printed after a proposal is written.
enum Summary {
    /// `text` on one line: a name typed with a line break or a tab (the answers allow both in text) would otherwise
    /// break the summary line in two, or shift what follows.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r\n" }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
    }

    static func line(_ p: Proposal, lang: Lang) -> String {
        let name = oneLine(p.enterprise.name)
        let levelNow = p.diagnosis.level, levelAfter = p.after.level
        func lv(_ l: Int) -> String { lang == .zh ? (l == 0 ? "未达一级" : "\(l)级") : (l == 0 ? "below level 1" : "level \(l)") }
        let t = p.totals
        let measures = t.selectedMeasures ?? 0
        var target = ""
        if let level = p.target?.level, let reached = p.target?.reached {
            target = lang == .zh ? "（目标\(lv(level))，\(reached ? "可达到" : "达不到")）" : " (target \(lv(level)): \(reached ? "reached" : "not reached"))"
        }
        // A package with nothing in it says so rather than "0 modules, 0 weeks".
        if t.selectedModules == 0 && measures == 0 {
            switch lang {
            case .zh: return "\(name)：\(formatNumber(p.diagnosis.points))分 \(lv(levelNow))\(target)；本方案不含模块或管理措施"
            case .en: return "\(name): \(formatNumber(p.diagnosis.points)) pts \(lv(levelNow))\(target); the package holds no module or measure"
            }
        }
        switch lang {
        case .zh:
            return "\(name)：\(formatNumber(p.diagnosis.points))分 \(lv(levelNow)) → \(formatNumber(p.after.points))分 \(lv(levelAfter))\(target)；"
                + [t.selectedModules > 0 ? "\(t.selectedModules)个模块" : nil, measures > 0 ? "\(measures)项管理措施" : nil].compactMap { $0 }.joined(separator: "、")
                + "，投入 \(Money.wanRange(t.investment.lowYuan, t.investment.highYuan)) 万元，"
                + "补助 \(Money.wanRange(t.subsidy.lowYuan, t.subsidy.highYuan)) 万元，工期 \(t.durationWeeks) 周"
        case .en:
            let count = { (n: Int, noun: String) in EnglishCount.count(n, noun) }
            return "\(name): \(formatNumber(p.diagnosis.points)) pts \(lv(levelNow)) → \(formatNumber(p.after.points)) pts \(lv(levelAfter))\(target); "
                + [t.selectedModules > 0 ? count(t.selectedModules, "module") : nil, measures > 0 ? count(measures, "measure") : nil].compactMap { $0 }.joined(separator: ", ")
                + ", investment CNY \(Money.groupedRange(t.investment.lowYuan, t.investment.highYuan)), "
                + "subsidy CNY \(Money.groupedRange(t.subsidy.lowYuan, t.subsidy.highYuan)), \(count(t.durationWeeks, "week"))"
        }
    }
}

/// `--budget` as typed: decimal digits with an optional fraction (`120`, `85.5`; a leading `-` reaches the range
/// check). `Double(_:)` would also take `0x10`, `1e2`, `inf` and `nan`, which no one means as 万元.
public struct BudgetWan: ExpressibleByArgument, Sendable {
    public let value: Double

    public init?(argument: String) {
        let body = argument.hasPrefix("-") ? argument.dropFirst() : Substring(argument)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double(argument) else { return nil }
        self.value = value
    }

    /// The budget in exact yuan (at most four decimals of 万元 count).
    var yuan: Int? { Money.yuan(fromWan: formatNumber(value)) }
}
