import Yams

/// Readers of benefits.yaml and evidence.yaml.
extension CatalogReader {
    static func benefitModel(_ map: YMap, _ ctx: LoadContext) -> BenefitModel? {
        let what = "benefits.yaml"
        map.checkKeys(["energy_cost_questions", "coefficients", "metrics", "not_priced"], in: what)
        let energy = map.idList("energy_cost_questions", in: what).map(\.text)
        var coefficients: [BenefitModel.Coefficient] = []
        for node in map.list("coefficients", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a coefficient") else { continue }
            m.checkKeys(["id", "value", "name", "unit", "source"], in: "coefficient")
            guard let id = m.id(in: "coefficient") else { continue }
            let cw = "coefficient `\(id)`"
            guard let value = m.number("value", required: true, in: cw), let name = m.localized("name", in: cw),
                  let unit = m.localized("unit", in: cw), let source = m.localized("source", in: cw) else { continue }
            coefficients.append(.init(id: id, value: value, name: name, unit: unit, source: source))
        }
        var metrics: [BenefitModel.MetricRule] = []
        for node in map.list("metrics", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a priced metric") else { continue }
            m.checkKeys(["metric", "basis", "better", "share_percent"], in: "priced metric")
            guard let metric = m.string("metric", required: true, in: "priced metric") else { continue }
            let mw = "priced metric `\(metric)`"
            let basisText = m.string("basis", required: true, in: mw)
            let basis = basisText.flatMap(BenefitModel.Basis.init(rawValue:))
            if let basisText, basis == nil {
                ctx.error("`basis` must be one of \(BenefitModel.Basis.allCases.map(\.rawValue).joined(separator: ", ")), found `\(basisText)`", m["basis"]!)
            }
            let better = m.string("better", required: true, in: mw)
            if let better, better != "lower" && better != "higher" {
                ctx.error("`better` must be `lower` or `higher`, found `\(better)`", m["better"]!)
            }
            let share = m.number("share_percent", required: true, in: mw)
            if let share, share <= 0 || share > 100 { ctx.error("`share_percent` must be more than 0 and at most 100", m["share_percent"]!) }
            guard let basis, let better, let share else { continue }
            metrics.append(.init(metric: metric, basis: basis, lowerIsBetter: better == "lower", sharePercent: share, location: ctx.loc(node)))
        }
        var notPriced: [String: Localized] = [:]
        if let node = map["not_priced"], let mm = YMap(node, ctx, what: "`not_priced`") {
            for e in mm.entries {
                if let text = YValue.localized(e.value, ctx, what: "why `\(e.key)` is not priced", optionalText: false) { notPriced[e.key] = text }
            }
        }
        return BenefitModel(energyCostQuestions: energy, coefficients: coefficients, metrics: metrics, notPriced: notPriced)
    }

    static func evidenceCatalog(_ map: YMap, _ ctx: LoadContext) -> EvidenceCatalog? {
        let what = "evidence.yaml"
        map.checkKeys(["indicators", "scenes"], in: what)
        var indicators: [String: EvidenceCatalog.IndicatorEvidence] = [:]
        if let node = map["indicators"], let mm = YMap(node, ctx, what: "`indicators` of evidence.yaml") {
            for e in mm.entries {
                guard let m = YMap(e.value, ctx, what: "the evidence of indicator `\(e.key)`") else { continue }
                m.checkKeys(["items", "figures"], in: "indicator evidence")
                let items = localizedList(m, "items", ctx, what: "indicator `\(e.key)`")
                if items.isEmpty { ctx.error("indicator `\(e.key)` lists no evidence (`items`)", e.value) }
                indicators[e.key] = .init(items: items, figures: localizedList(m, "figures", ctx, what: "indicator `\(e.key)`"),
                                          location: ctx.loc(e.keyNode))
            }
        }
        var scenes: [String: [Int: [Localized]]] = [:]
        var locations: [String: SourceLocation] = [:]
        if let node = map["scenes"], let mm = YMap(node, ctx, what: "`scenes` of evidence.yaml") {
            for e in mm.entries {
                guard let m = YMap(e.value, ctx, what: "the evidence of scene `\(e.key)`") else { continue }
                locations[e.key] = ctx.loc(e.keyNode)
                var levels: [Int: [Localized]] = [:]
                for level in m.entries {
                    guard let n = Int(level.key), (1...4).contains(n) else {
                        ctx.error("a scene's evidence is keyed by level 1–4, found `\(level.key)`", level.keyNode)
                        continue
                    }
                    guard case let .sequence(seq) = level.value, !seq.isEmpty else {
                        ctx.error("level \(n) of scene `\(e.key)` must list its evidence", level.value)
                        continue
                    }
                    levels[n] = seq.compactMap { YValue.localized($0, ctx, what: "evidence of scene `\(e.key)` level \(n)", optionalText: false) }
                }
                scenes[e.key] = levels
            }
        }
        return EvidenceCatalog(indicators: indicators, scenes: scenes, sceneLocations: locations)
    }

    private static func localizedList(_ m: YMap, _ key: String, _ ctx: LoadContext, what: String) -> [Localized] {
        (m.list(key, in: what) ?? []).compactMap { YValue.localized($0, ctx, what: "`\(key)` of \(what)", optionalText: false) }
    }
}
