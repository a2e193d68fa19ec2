/// Builds a `ProposalComparison` from decoded proposals. Pure and deterministic (column order as given).
public enum ProposalComparator {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case tooFew
        case differentEnterprises([String])
        case differentIndustries([String])

        public var description: String {
            switch self {
            case .tooFew: return "compare needs at least two proposals"
            case let .differentEnterprises(names):
                return "the proposals are for different enterprises (\(names.joined(separator: " / "))); use --allow-different to compare anyway"
            case let .differentIndustries(ids): return "the proposals are for different industries (\(ids.joined(separator: ", "))): they cannot be compared module by module"
            }
        }
    }

    /// The enterprise identity: the credit code when given, else the name.
    public static func identity(_ p: Proposal) -> String {
        if let code = p.enterprise.creditCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty { return "code:" + code.uppercased() }
        return "name:" + p.enterprise.name.trimmingCharacters(in: .whitespaces)
    }

    public static func compare(_ inputs: [(label: String, source: String, proposal: Proposal)], mode requested: ProposalComparison.Mode? = nil,
                               allowDifferent: Bool = false) throws(Failure) -> ProposalComparison {
        guard inputs.count >= 2 else { throw .tooFew }
        let proposals = inputs.map(\.proposal)
        let identities = Set(proposals.map(identity))
        let same = identities.count == 1
        if !same && !allowDifferent { throw .differentEnterprises(proposals.map(\.enterprise.name)) }
        let industries = Array(Set(proposals.map(\.enterprise.industry))).sorted()
        if industries.count > 1 { throw .differentIndustries(industries) }

        let dates = proposals.map { $0.date ?? "" }
        let overlays = Set(proposals.map { $0.contractor.overlay ?? "" })
        let mode = requested ?? (proposals.count == 2 && same && dates[0] != dates[1] && overlays.count == 1 ? .beforeAfter : .contractors)
        var columns = inputs.map { ProposalComparison.Column(label: $0.label, source: $0.source, proposal: $0.proposal) }
        if mode == .beforeAfter {
            // Earlier date first.
            columns.sort { ($0.proposal.date ?? "") < ($1.proposal.date ?? "") }
        }
        let ordered = columns.map(\.proposal)

        var warnings: [Localized] = []
        let versions = Set(ordered.map { "\($0.catalog.id) \($0.catalog.version)" })
        if versions.count > 1 {
            warnings.append(Localized(zh: "各方案所用目录版本不同：\(versions.sorted().joined(separator: "、"))，比较时请注意",
                                      en: "the proposals use different catalog versions: \(versions.sorted().joined(separator: ", "))"))
        } else if Set(ordered.map(\.catalog.hash)).count > 1 {
            warnings.append(Localized(zh: "各方案所用目录内容不同（版本号相同但哈希不同）", en: "the proposals use catalogs with the same version but different content (hashes differ)"))
        }
        if !same {
            warnings.append(Localized(zh: "各方案对应的企业不同（已按 --allow-different 继续比较）", en: "the proposals are for different enterprises (compared because of --allow-different)"))
        }
        if mode == .contractors && Set(ordered.map(\.answersHash)).count > 1 {
            warnings.append(Localized(zh: "各方案依据的企业答卷不同，见“假设差异”", en: "the proposals rest on different answers: see the differences in assumptions"))
        }

        let summary = ordered.enumerated().map { i, p -> ProposalComparison.SummaryRow in
            let gained = p.after.points - p.diagnosis.points
            let net = p.totals.netCost.highYuan
            return .init(label: columns[i].label, levelNow: p.diagnosis.level, levelAfter: p.after.level, pointsNow: p.diagnosis.points,
                         pointsAfter: p.after.points, modules: p.totals.selectedModules,
                         investment: CostRange(low: p.totals.investment.lowYuan, high: p.totals.investment.highYuan),
                         subsidy: CostRange(low: p.totals.subsidy.lowYuan, high: p.totals.subsidy.highYuan),
                         netCost: CostRange(low: p.totals.netCost.lowYuan, high: p.totals.netCost.highYuan), weeks: p.totals.durationWeeks,
                         netCostPerPointYuan: gained > 0.0005 ? Int((Double(net) / gained).rounded()) : nil)
        }

        var moduleOrder: [String] = []
        var moduleInfo: [String: Proposal.ModuleEntry] = [:]
        for p in ordered { for m in p.modules where moduleInfo[m.id] == nil { moduleOrder.append(m.id); moduleInfo[m.id] = m } }
        let modules = moduleOrder.map { id -> ProposalComparison.ModuleRow in
            let cells = ordered.map { p -> ProposalComparison.ModuleCell? in
                guard let m = p.modules.first(where: { $0.id == id }) else { return nil }
                return .init(status: m.status, reasons: m.reasons.map(\.text), cost: CostRange(low: m.cost.lowYuan, high: m.cost.highYuan))
            }
            let info = moduleInfo[id]!
            return .init(moduleID: id, name: info.name, kind: info.kind, cells: cells, differs: Set(cells.map { $0?.status.rawValue ?? "-" }).count > 1)
        }

        let sceneOrder = ordered[0].diagnosis.scenes
        let scenes = sceneOrder.map { s -> ProposalComparison.SceneRow in
            let now = ordered.map { p in p.diagnosis.scenes.first { $0.id == s.id }?.level ?? 0 }
            let after = ordered.map { p in p.after.scenes.first { $0.id == s.id }?.level ?? 0 }
            return .init(sceneID: s.id, name: s.name, mandatory: s.mandatory, now: now, after: after,
                         mandatoryBelowTwo: after.map { s.mandatory && $0 < 2 }, differs: Set(after).count > 1 || (mode == .beforeAfter && Set(now).count > 1))
        }

        var questionOrder: [String] = []
        var labels: [String: Localized] = [:]
        for p in ordered { for a in p.answers where labels[a.question] == nil { questionOrder.append(a.question); labels[a.question] = a.label } }
        let answerDifferences = questionOrder.compactMap { q -> ProposalComparison.AnswerDifference? in
            let values = ordered.map { p in p.answers.first { $0.question == q } }
            let raw = Set(values.map { $0.map { "\($0.value)" } ?? "∅" })
            guard raw.count > 1 else { return nil }
            return .init(questionID: q, label: labels[q]!, values: values.map { $0?.display })
        }
        let priceDifferences = moduleOrder.compactMap { id -> ProposalComparison.PriceDifference? in
            let costs = ordered.map { p in p.modules.first { $0.id == id }.map { CostRange(low: $0.referenceCost.lowYuan, high: $0.referenceCost.highYuan) } }
            guard Set(costs.map { $0.map { "\($0.low)-\($0.high)" } ?? "-" }).count > 1 else { return nil }
            return .init(moduleID: id, name: moduleInfo[id]!.name, costs: costs)
        }
        var nowSatisfied: [String] = []
        if mode == .beforeAfter {
            let before = ordered[0], after = ordered[1]
            for m in before.modules where m.status == .include || m.status == .upgrade {
                if after.modules.first(where: { $0.id == m.id })?.status == .satisfied { nowSatisfied.append(m.id) }
            }
        }
        return ProposalComparison(
            mode: mode, columns: columns, enterprise: ordered[0].enterprise.name, sameEnterprise: same, warnings: warnings,
            summary: summary, modules: modules, scenes: scenes, answerDifferences: answerDifferences,
            priceDifferences: priceDifferences, nowSatisfied: nowSatisfied)
    }
}
