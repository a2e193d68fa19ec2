/// The 支撑材料 checklist: for every indicator that scores and every scene level the projected diagnosis claims,
/// the material an on-site rater asks for (evidence.yaml).
extension ProposalBuilder {
    func evidenceChecklist(now: Diagnosis, after: Diagnosis) -> [Proposal.EvidenceEntry]? {
        let ev = catalog.evidence
        guard !ev.indicators.isEmpty || !ev.scenes.isEmpty else { return nil }
        let model = catalog.maturity
        var entries: [Proposal.EvidenceEntry] = []
        let nowPoints = Dictionary(now.indicators.map { ($0.id, $0.points) }, uniquingKeysWith: { a, _ in a })
        let indicators = model.dimensions.flatMap(\.indicators)
        for s in after.indicators where s.points > 0 {
            guard let i = indicators.first(where: { $0.id == s.id }), let e = ev.indicators[s.id] else { continue }
            let name = i.group.map { Localized(zh: "\($0.zh)·\(i.name.zh)", en: "\($0.en): \(i.name.en)") } ?? i.name
            entries.append(.init(kind: "indicator", id: s.id, name: name, points: Double(s.points) / 1000,
                                 fromRetrofit: s.points > (nowPoints[s.id] ?? 0), items: e.items, figures: e.figures))
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
