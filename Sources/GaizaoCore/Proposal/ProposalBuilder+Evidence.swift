/// The 支撑材料 checklist: for every indicator that scores and every scene level the projected diagnosis claims,
/// the material an on-site rater asks for (evidence.yaml).
extension ProposalBuilder {
    func evidenceChecklist(now: Diagnosis, after: Diagnosis) -> [Proposal.EvidenceEntry]? {
        let ev = catalog.evidence
        guard !ev.indicators.isEmpty || !ev.scenes.isEmpty else { return nil }
        let model = catalog.maturity
        var entries: [Proposal.EvidenceEntry] = []
        // The diagnoser's indicators are the prepared ones in order; a diagnosis from elsewhere is matched by id.
        let inOrder = after.indicators.count == tables.indicatorIDs.count && now.indicators.count == after.indicators.count
        var nowPoints: [String: MilliPoints]?
        for (k, s) in after.indicators.enumerated() where s.points > 0 {
            let name: Localized, before: MilliPoints
            let evidence: EvidenceCatalog.IndicatorEvidence?
            if inOrder && tables.indicatorIDs[k] == s.id && now.indicators[k].id == s.id {
                (name, evidence, before) = (tables.indicatorEvidenceNames[k], tables.indicatorEvidence[k], now.indicators[k].points)
            } else {
                guard let i = tables.indicatorsByID[s.id] else { continue }
                if nowPoints == nil { nowPoints = Dictionary(now.indicators.map { ($0.id, $0.points) }, uniquingKeysWith: { a, _ in a }) }
                (name, evidence, before) = (ProposalTables.evidenceName(i), ev.indicators[s.id], nowPoints?[s.id] ?? 0)
            }
            guard let e = evidence else { continue }
            entries.append(.init(kind: "indicator", id: s.id, name: name, points: Double(s.points) / 1000,
                                 fromRetrofit: s.points > before, items: e.items, figures: e.figures))
        }
        let nowLevels = Dictionary(now.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        for s in after.scenes where s.level >= 1 {
            guard let scene = model.scene(s.id), let items = ev.scenes[s.id]?[s.level] else { continue }
            entries.append(.init(kind: "scene", id: s.id, name: scene.name, level: s.level,
                                 fromRetrofit: s.level > (nowLevels[s.id] ?? 0), items: items, figures: []))
        }
        return entries
    }
}
