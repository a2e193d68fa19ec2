/// The appendices: the 支撑材料 checklist for the on-site rating and the details for reviewers (fingerprints,
/// rule ids, weights), which stay out of the enterprise's pages.
extension ViewModelBuilder {
    func evidenceAppendix() -> ViewNode {
        let entries = p.evidence ?? []
        func row(_ e: Proposal.EvidenceEntry) -> ViewNode {
            [
                "name": .v(l(e.name)),
                "claimed": .v(e.level.map(f.sceneLevel) ?? e.points.map { s.format("pointsOnlyFmt", ["points": f.points($0)]) } ?? ""),
                "items": .v(joined(e.items.map(l))),
                "figures": .v(joined(e.figures.map(l))),
                "hasFigures": .v(!e.figures.isEmpty),
                "fromRetrofit": .v(e.fromRetrofit),
                "when": .v(e.fromRetrofit ? s["fromRetrofit"] : s["already"]),
            ]
        }
        let indicators = entries.filter { $0.kind == "indicator" }.map(row)
        let scenes = entries.filter { $0.kind == "scene" }.map(row)
        return ["intro": .v(s["evidenceIntro"]), "indicators": .v(indicators), "scenes": .v(scenes),
                "hasIndicators": .v(!indicators.isEmpty), "hasScenes": .v(!scenes.isEmpty)]
    }

    func reviewer() -> ViewNode {
        let rows: [ViewNode] = p.modules.indices.map { i in
            let m = p.modules[i]
            let rules = m.reasons.compactMap { r in r.rule.map { rule in r.weight.map { "\(rule) (\(formatNumber($0)))" } ?? rule } }
            return ["name": .v(l(m.name)), "id": .v(u(m.id)), "statusLabel": .v(statusLabel(m.status)),
                    "score": .v(m.kind == "standard" ? s["dash"] : formatNumber(m.score)),
                    "rules": .v(rules.isEmpty ? s["dash"] : u(rules.joined(separator: ", ")))]
        }
        let risks: [ViewNode] = p.risks.compactMap { r in r.rule.map { ["rule": .v(u($0)), "text": .v(l(r.text))] as ViewNode } }
        return [
            "intro": .v(s["reviewerIntro"]),
            "catalogHash": .v(u(p.catalog.hash)),
            "answersHash": .v(u(p.answersHash)),
            "generator": .v(u(p.generator)),
            "catalog": .v(u(p.catalog.id) + " " + u(p.catalog.version)),
            "threshold": .v(thresholdNote()),
            "rows": .v(rows),
            "risks": .v(risks),
            "hasRisks": .v(!risks.isEmpty),
        ]
    }

    /// The inclusion threshold as the engine stated it in a threshold reason (the proposal carries no other copy).
    func thresholdNote() -> String {
        for m in p.modules {
            for r in m.reasons where r.kind == .threshold {
                if let range = r.text.en.range(of: "inclusion threshold ") {
                    return s.format("thresholdFmt", ["threshold": u(String(r.text.en[range.upperBound...]))])
                }
            }
        }
        return ""
    }
}
