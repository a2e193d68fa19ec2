/// The appendices: the 支撑材料 checklist for the on-site rating and the details for reviewers (fingerprints,
/// rule ids, weights), which stay out of the enterprise's pages.
extension ViewModelBuilder {
    func evidenceAppendix() -> ViewNode {
        let entries = proposal.evidence ?? []
        func row(_ e: Proposal.EvidenceEntry) -> ViewNode {
            [
                "name": .from(localized(e.name)),
                "claimed": .from(e.level.map { format.sceneLevel($0) } ?? e.points.map { strings.format("pointsOnlyFmt", ["points": format.points($0)]) } ?? ""),
                "items": .from(joined(e.items)),
                "figures": .from(joined(e.figures)),
                "hasFigures": .from(!e.figures.isEmpty),
                "fromRetrofit": .from(e.fromRetrofit),
                "when": .from(e.fromRetrofit ? strings["fromRetrofit"] : strings["already"]),
            ]
        }
        let indicators = entries.filter { $0.kind == "indicator" }.map(row)
        let scenes = entries.filter { $0.kind == "scene" }.map(row)
        return ["intro": .from(strings["evidenceIntro"]), "indicators": .from(indicators), "scenes": .from(scenes),
                "hasIndicators": .from(!indicators.isEmpty), "hasScenes": .from(!scenes.isEmpty)]
    }

    func reviewer() -> ViewNode {
        let rows: [ViewNode] = proposal.modules.indices.map { i in
            let m = proposal.modules[i]
            let rules = m.reasons.compactMap { r in r.rule.map { rule in r.weight.map { "\(rule) (\(formatNumber($0)))" } ?? rule } }
            return ["name": .from(localized(m.name)), "id": .from(safe(m.id)), "statusLabel": .from(statusLabel(m.status)),
                    "score": .from(m.kind == "standard" ? strings["dash"] : formatNumber(m.score)),
                    "rules": .from(rules.isEmpty ? strings["dash"] : safe(rules.joined(separator: ", ")))]
        }
        let risks: [ViewNode] = proposal.risks.compactMap { r in r.rule.map { ["rule": .from(safe($0)), "text": .from(localized(r.text))] as ViewNode } }
        // What the tailored prices of the package's modules include: the reviewer checks a price against the plant.
        let priceParts: [ViewNode] = proposal.modules.filter { $0.status.isSelected }.compactMap { m in
            let parts = costParts(m)
            guard !parts.isEmpty else { return nil }
            return ["name": .from(localized(m.name)), "text": .from(joined(parts))]
        }
        return [
            "intro": .from(strings["reviewerIntro"]),
            "catalogHash": .from(safe(proposal.catalog.hash)),
            "answersHash": .from(safe(proposal.answersHash)),
            "generator": .from(safe(proposal.generator)),
            "catalog": .from(safe(proposal.catalog.id) + " " + safe(proposal.catalog.version)),
            "threshold": .from(thresholdNote()),
            "rows": .from(rows),
            "risks": .from(risks),
            "hasRisks": .from(!risks.isEmpty),
            "priceParts": .from(priceParts),
            "hasPriceParts": .from(!priceParts.isEmpty),
        ]
    }

    /// The inclusion threshold beside the rule weights: the proposal's own, else (in a proposal written before it
    /// carried one) as the engine stated it in a threshold reason.
    func thresholdNote() -> String {
        if let threshold = proposal.ruleThreshold {
            // With a target level the target chooses the package; the threshold still tells "recommended next" apart.
            return strings.format(proposal.target?.level == nil ? "thresholdFmt" : "thresholdTargetFmt", ["threshold": formatNumber(threshold)])
        }
        for m in proposal.modules {
            for r in m.reasons where r.kind == .threshold {
                if let range = r.text.en.range(of: "inclusion threshold ") {
                    return strings.format("thresholdFmt", ["threshold": safe(String(r.text.en[range.upperBound...]))])
                }
            }
        }
        return ""
    }
}
