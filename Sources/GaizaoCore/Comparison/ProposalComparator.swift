/// Builds a `ProposalComparison` from decoded proposals. Pure and deterministic (column order as given, except
/// that before/after puts the earlier date first).
public enum ProposalComparator {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case tooFew
        /// Per input: its source (file) and the enterprise as the proposal names it.
        case differentEnterprises([(source: String, enterprise: String)])
        case differentIndustries([String])
        case beforeAfterNeedsTwo(Int)

        public var description: String {
            switch self {
            case .tooFew: return "compare needs at least two proposals"
            case let .differentEnterprises(inputs):
                let list = inputs.map { "\($0.source): \($0.enterprise)" }.joined(separator: "; ")
                return "the proposals are for different enterprises (\(list)); use --allow-different to compare anyway"
            case let .differentIndustries(ids):
                return "the proposals are for different industries (\(ids.joined(separator: ", "))): they cannot be compared module by module"
            case let .beforeAfterNeedsTwo(n):
                return "before/after compares exactly two proposals of one enterprise (given \(n))"
            }
        }
    }

    /// The enterprise identity of one proposal on its own: the credit code when given, else the name.
    public static func identity(_ p: Proposal) -> String {
        if let code = creditCode(p) { return "code:" + code }
        return "name:" + enterpriseName(p)
    }

    /// The credit code (统一社会信用代码) a proposal gives, trimmed and upper-cased; nil when it gives none.
    static func creditCode(_ p: Proposal) -> String? {
        guard let code = p.enterprise.creditCode?.trimmingCharacters(in: .whitespaces).uppercased(), !code.isEmpty else { return nil }
        return code
    }

    static func enterpriseName(_ p: Proposal) -> String { p.enterprise.name.trimmingCharacters(in: .whitespaces) }

    /// Per proposal, which enterprise it is for, as a careful reviewer reads the inputs together:
    /// - a credit code decides: two different codes are two enterprises, even under one name, and one code under
    ///   two names is one enterprise (warned by `identityWarnings`);
    /// - a proposal without a code is the enterprise of the same name that has one, when exactly one code goes
    ///   with that name among the inputs (warned: the code is missing there); with no code for that name, or
    ///   several, the name alone is its identity, so it is not silently joined to one of two enterprises.
    public static func identities(_ proposals: [Proposal]) -> [String] {
        var codesByName: [String: Set<String>] = [:]
        for p in proposals {
            if let code = creditCode(p) { codesByName[enterpriseName(p), default: []].insert(code) }
        }
        return proposals.map { p in
            if creditCode(p) == nil, let codes = codesByName[enterpriseName(p)], codes.count == 1, let code = codes.first {
                return "code:" + code
            }
            return identity(p)
        }
    }

    /// Compares `inputs` (label, source file, proposal). Without `mode`, two proposals of one enterprise with
    /// different dates and the same contractor are a before/after comparison, unless their answers are the same
    /// and their budget or target differ (two drafts); anything else compares contractors (or options).
    /// `targets`, when given, holds each input's stated target (nil: not stated), in input order.
    public static func compare(_ inputs: [(label: String, source: String, proposal: Proposal)], mode requested: ProposalComparison.Mode? = nil,
                               allowDifferent: Bool = false, targets: [StatedTarget?] = []) throws(Failure) -> ProposalComparison {
        guard inputs.count >= 2 else { throw .tooFew }
        let proposals = inputs.map(\.proposal)
        let identities = identities(proposals)
        let same = Set(identities).count == 1
        if !same && !allowDifferent {
            // One name for different enterprises (different credit codes): the codes tell them apart.
            let names = proposals.map(enterpriseName)
            let withCodes = Set(names).count < Set(identities).count
            throw .differentEnterprises(inputs.map { input in
                let e = input.proposal.enterprise
                let code = e.creditCode?.trimmingCharacters(in: .whitespaces) ?? ""
                return (input.source, withCodes && !code.isEmpty ? "\(e.name) (\(code))" : e.name)
            })
        }
        let industries = Array(Set(proposals.map(\.enterprise.industry))).sorted()
        if industries.count > 1 { throw .differentIndustries(industries) }

        let dates = proposals.map { $0.date ?? "" }
        let overlays = Set(proposals.map { $0.contractor.overlay ?? "" })
        // Two drafts of one diagnosis (the same answers, dated apart, planned with another budget or target: say two
        // budgets on consecutive days) are options to weigh, not a before and an after. The same answers under the
        // same settings a while later are a follow-up in which nothing changed: still before and after.
        let answersChanged = !answerDifferences(proposals).isEmpty
        let sameSettings = Set(proposals.map(\.budgetYuan)).count == 1 && Set(proposals.map { $0.target?.level }).count == 1
        let followUp = proposals.count == 2 && same && dates[0] != dates[1] && overlays.count == 1 && (answersChanged || sameSettings)
        let mode = requested ?? (followUp ? .beforeAfter : .contractors)
        if mode == .beforeAfter && inputs.count != 2 { throw .beforeAfterNeedsTwo(inputs.count) }
        var columns = inputs.enumerated().map { i, input in
            ProposalComparison.Column(label: input.label, source: input.source, proposal: input.proposal,
                                      target: i < targets.count ? targets[i] : nil)
        }
        if mode == .beforeAfter, (columns[1].proposal.date ?? "") < (columns[0].proposal.date ?? "") {
            columns.swapAt(0, 1)
        }
        let ordered = columns.map(\.proposal)
        let common = commonTarget(columns)
        var settings = settingDifferences(ordered)
        settings.targets = Set(columns.map { $0.target.map { "\($0.level ?? 0)" } ?? "-" }).count > 1
        let answers = answerDifferences(ordered)
        let subsidyAnswers = answers.filter(\.subsidyQuestion).map(\.label)
        let plans = mode == .beforeAfter ? plannedChanges(before: ordered[0], after: ordered[1]) : (nowSatisfied: [], stillPlanned: [], noLongerPlanned: [], newlyPlanned: [])
        var comparison = ProposalComparison(
            mode: mode, columns: columns, enterprise: ordered[0].enterprise.name, sameEnterprise: same,
            warnings: warnings(ordered, labels: columns.map(\.label), mode: mode, same: same, settings: settings, answers: answers),
            summary: zip(columns, ordered).map { summaryRow($0.label, $1) },
            modules: moduleRows(ordered), scenes: sceneRows(ordered, mode: mode),
            answerDifferences: answers, priceDifferences: priceDifferences(ordered), settings: settings,
            nowSatisfied: plans.nowSatisfied, stillPlanned: plans.stillPlanned, noLongerPlanned: plans.noLongerPlanned,
            newlyPlanned: plans.newlyPlanned,
            commonTargetLevel: common.level, commonTargetStated: common.stated,
            comparability: comparability(columns, mode: mode, common: common, subsidyAnswers: subsidyAnswers),
            droppedForBudget: ordered.map(droppedForBudget), mandatoryBelowTwo: ordered.map(mandatoryBelowTwo))
        comparison.measures = measureRows(ordered)
        comparison.measuresDroppedForBudget = ordered.map(measuresDroppedForBudget)
        comparison.productDifferences = productDifferences(ordered)
        comparison.productsDiffer = comparison.productDifferences.map { $0.map(\.moduleID) }
        comparison.answersHashesDiffer = Set(ordered.map(\.answersHash)).count > 1
        comparison.warnings = identityWarnings(columns) + comparison.warnings
        return comparison
    }

    static func settingDifferences(_ ps: [Proposal]) -> ProposalComparison.SettingDifferences {
        func differ<T: Hashable>(_ key: (Proposal) -> T) -> Bool { Set(ps.map(key)).count > 1 }
        return .init(overlays: differ { $0.contractor.overlay ?? "" }, budgets: differ { $0.budgetYuan ?? -1 },
                     catalogs: differ { "\($0.catalog.id) \($0.catalog.version) \($0.catalog.hash)" }, dates: differ { $0.date ?? "" })
    }

    /// `answers`: the answers the proposals rest on that differ (`answerDifferences`). The answers hash is not
    /// the test: it also covers the diagnosis date and answers a proposal does not use, so proposals made from the
    /// same answers on different days have different hashes.
    /// `labels`: the columns' labels, in the order of `ordered`.
    static func warnings(_ ordered: [Proposal], labels: [String], mode: ProposalComparison.Mode, same: Bool,
                         settings: ProposalComparison.SettingDifferences, answers: [ProposalComparison.AnswerDifference]) -> [Localized] {
        var warnings: [Localized] = []
        let versions = Set(ordered.map { "\($0.catalog.id) \($0.catalog.version)" })
        if versions.count > 1 {
            warnings.append(Localized(zh: "各方案所用目录版本不同：\(versions.sorted().joined(separator: "、"))，比较时请注意",
                                      en: "the proposals use different catalog versions: \(versions.sorted().joined(separator: ", "))"))
        } else if Set(ordered.map(\.catalog.hash)).count > 1 {
            // One version, other content (a price or a rule edited in place): which proposal rests on which.
            let which = zip(labels, ordered).map { "\($0) #\($1.catalog.hash.prefix(12))" }
            warnings.append(Localized(
                zh: "各方案所用目录内容不同（版本号相同但哈希不同：\(which.joined(separator: "、"))）：价格、规则或补助可能因目录而异，并非同一基准的比较",
                en: "the proposals use catalogs with the same version but different content (hashes differ: \(which.joined(separator: ", "))): prices, rules or subsidies may differ because of the catalog, so this is not a like-for-like comparison"))
        }
        if !same {
            warnings.append(Localized(zh: "各方案对应的企业不同（已按 --allow-different 继续比较）", en: "the proposals are for different enterprises (compared because of --allow-different)"))
        }
        if mode == .contractors && !answers.isEmpty {
            // Named here, where the reviewer reads first: a difference in cost may come from an answer, not an offer.
            let questions = questionList(answers.map(\.label))
            warnings.append(Localized(
                zh: "各方案依据的企业答卷不同（\(questions.zh)），见“假设差异”：费用、补助和等级的差异可能来自答卷，而非报价",
                en: "the proposals rest on different answers (\(questions.en)): see the differences in assumptions; differences in cost, subsidy and level may come from the answers, not from the offers"))
        }
        if mode == .beforeAfter && settings.overlays {
            warnings.append(Localized(zh: "前后两份方案的总包商不同：费用差异不全是改造进展带来的",
                                      en: "the two proposals have different contractors: not every cost difference comes from progress"))
        }
        if mode == .beforeAfter && !settings.dates {
            warnings.append(Localized(zh: "前后两份方案的诊断日期相同", en: "the two proposals have the same diagnosis date"))
        }
        return warnings
    }

    /// What the reviewer must check about the inputs themselves, before anything else:
    /// - one credit code (统一社会信用代码) under different enterprise names: the same enterprise, or a wrong
    ///   code or name in one of the proposals;
    /// - the very same proposal in two files (a copy handed in twice, or the same file under two names);
    /// - a proposal without a credit code taken as the enterprise of the same name that has one (`identities`).
    static func identityWarnings(_ columns: [ProposalComparison.Column]) -> [Localized] {
        var warnings: [Localized] = []
        let identities = identities(columns.map(\.proposal))
        // One warning per enterprise that a proposal without a code was joined to by its name.
        let joinedByName = columns.indices.filter { creditCode(columns[$0].proposal) == nil && identities[$0].hasPrefix("code:") }
        for id in unique(joinedByName.map { identities[$0] }) {
            let indices = joinedByName.filter { identities[$0] == id }
            let code = String(id.dropFirst("code:".count))
            let name = columns[indices[0]].proposal.enterprise.name
            let files = indices.map { columns[$0].source }
            let one = files.count == 1
            warnings.append(Localized(
                zh: "\(files.joined(separator: "、")) 未注明统一社会信用代码，按企业名称“\(name)”视为统一社会信用代码 \(code) 的同一企业；请核实\(one ? "该方案" : "这些方案")确为此企业所做",
                en: "\(files.joined(separator: ", ")) \(one ? "gives" : "give") no credit code: taken by the name \(name) as the enterprise with credit code \(code); check that \(one ? "it was" : "they were") made for this enterprise"))
        }
        var codes: [String] = []
        var byCode: [String: [Int]] = [:]
        for (i, col) in columns.enumerated() {
            guard let code = col.proposal.enterprise.creditCode?.trimmingCharacters(in: .whitespaces).uppercased(), !code.isEmpty else { continue }
            if byCode[code] == nil { codes.append(code) }
            byCode[code, default: []].append(i)
        }
        for code in codes {
            let indices = byCode[code] ?? []
            let names = indices.map { columns[$0].proposal.enterprise.name.trimmingCharacters(in: .whitespaces) }
            guard Set(names).count > 1 else { continue }
            let zh = indices.map { "\(columns[$0].proposal.enterprise.name)（\(columns[$0].source)）" }.joined(separator: "、")
            let en = indices.map { "\(columns[$0].proposal.enterprise.name) (\(columns[$0].source))" }.joined(separator: ", ")
            warnings.append(Localized(
                zh: "统一社会信用代码相同（\(code)），企业名称却不同：\(zh)；请核实是否为同一企业，或某份方案的代码或名称有误",
                en: "the same credit code (\(code)) under different enterprise names: \(en); check that they are one enterprise, or which proposal has a wrong code or name"))
        }
        for j in columns.indices {
            guard let i = columns.indices.first(where: { $0 < j && columns[$0].proposal == columns[j].proposal }) else { continue }
            warnings.append(Localized(
                zh: "\(columns[j].source) 与 \(columns[i].source) 是完全相同的方案（同一份方案给了两次？）：两列并非两份独立的方案",
                en: "\(columns[j].source) is the very same proposal as \(columns[i].source) (one proposal given twice?): the two columns are not two separate proposals"))
        }
        return warnings
    }

    /// Question labels for a sentence: the first three, then how many in all (`甲、乙、丙等 5 项` / `A; B; C and 2
    /// more`). English labels are joined by semicolons: a label may hold a comma of its own.
    static func questionList(_ labels: [Localized]) -> Localized {
        let shown = Array(labels.prefix(3))
        let zh = shown.map(\.zh).joined(separator: "、"), en = shown.map(\.en).joined(separator: "; ")
        guard labels.count > shown.count else { return Localized(zh: zh, en: en) }
        return Localized(zh: "\(zh)等 \(labels.count) 项", en: "\(en) and \(labels.count - shown.count) more")
    }

    /// The items in their first order, each once.
    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Modules planned before and now satisfied, still planned, dropped for another reason, or planned only now.
    static func plannedChanges(before: Proposal, after: Proposal)
        -> (nowSatisfied: [String], stillPlanned: [String], noLongerPlanned: [String], newlyPlanned: [String]) {
        let later = Dictionary(after.modules.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        let plannedBefore = before.modules.filter(\.status.isSelected).map(\.id)
        let nowSatisfied = plannedBefore.filter { later[$0] == .satisfied }
        let stillPlanned = plannedBefore.filter { later[$0]?.isSelected ?? false }
        let noLongerPlanned = plannedBefore.filter { id in later[id].map { $0 == .notChosen || $0 == .excluded } ?? false }
        let newlyPlanned = after.modules.filter { m in m.status.isSelected && !plannedBefore.contains(m.id) }.map(\.id)
        return (nowSatisfied, stillPlanned, noLongerPlanned, newlyPlanned)
    }
}
