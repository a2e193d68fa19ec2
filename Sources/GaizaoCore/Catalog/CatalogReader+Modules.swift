import Yams

extension CatalogReader {
    /// An industry's modules.yaml: its modules and, beside them, measures of its own.
    struct ModuleFile {
        var modules: [Module]
        var measures: [Measure]
    }

    static func moduleFile(_ map: YMap, _ ctx: LoadContext) -> ModuleFile? {
        map.checkKeys(["modules", "measures"], in: "modules.yaml")
        guard let items = map.list("modules", in: "modules.yaml") else {
            map.missing("modules", in: "modules.yaml")
            return nil
        }
        return ModuleFile(modules: items.compactMap { module($0, ctx) },
                          measures: (map.list("measures", in: "modules.yaml") ?? []).compactMap { measure($0, ctx) })
    }

    /// The catalog's common measures.yaml: management measures for every industry.
    static func commonMeasures(_ map: YMap, _ ctx: LoadContext) -> [Measure]? {
        map.checkKeys(["measures"], in: "measures.yaml")
        guard let items = map.list("measures", in: "measures.yaml") else {
            map.missing("measures", in: "measures.yaml")
            return nil
        }
        return items.compactMap { measure($0, ctx) }
    }

    static func measure(_ node: Node, _ ctx: LoadContext) -> Measure? {
        guard let m = YMap(node, ctx, what: "a measure") else { return nil }
        m.checkKeys(["id", "name", "summary", "cost", "yearly_cost", "cost_source", "duration_weeks", "brings", "evidence", "requires"], in: "measure")
        guard let id = m.id(in: "measure") else { return nil }
        let mw = "measure `\(id)`"
        let name = m.localized("name", in: mw)
        let summary = m.localized("summary", optionalText: true, in: mw)
        var cost: [String: CostRange] = [:]
        if let c = m["cost"] { cost = costTable(c, ctx, what: "`cost` of \(mw)") ?? [:] } else { m.missing("cost", in: mw) }
        let yearly = m["yearly_cost"].flatMap { costTable($0, ctx, what: "`yearly_cost` of \(mw)") } ?? [:]
        let costSource = m.string("cost_source", required: true, in: mw) ?? ""
        let duration = durationWeeks(m, ctx, in: mw)
        if m["brings"] == nil { m.missing("brings", in: mw) }
        let evidence = (m.list("evidence", in: mw) ?? []).compactMap {
            YValue.localized($0, ctx, what: "an item of `evidence` of \(mw)", optionalText: false)
        }
        if m["evidence"] == nil { m.missing("evidence", in: mw) }
        guard let name else { return nil }
        return Measure(id: id, name: name, summary: summary ?? .empty, cost: cost, yearlyCost: yearly, costSource: costSource, durationWeeks: duration,
                       brings: brings(m.list("brings", in: mw), ctx), evidence: evidence, requires: m.idList("requires", in: mw),
                       location: ctx.loc(node))
    }

    /// `duration_weeks`: a whole number of weeks from 1 to 260 (0 when missing or wrong, which is reported).
    static func durationWeeks(_ m: YMap, _ ctx: LoadContext, in what: String) -> Int {
        guard let d = m.number("duration_weeks", required: true, in: what) else { return 0 }
        guard d >= 1 && d <= 260 && d == d.rounded() else {
            ctx.error("`duration_weeks` must be a whole number of weeks from 1 to 260", m["duration_weeks"]!)
            return 0
        }
        return Int(d)
    }

    /// A `brings` list: answer changes a delivered module or a completed measure makes.
    static func brings(_ nodes: [Node]?, _ ctx: LoadContext) -> [AnswerChange] {
        var brings: [AnswerChange] = []
        for b in nodes ?? [] {
            guard let bm = YMap(b, ctx, what: "an item of `brings`") else { continue }
            bm.checkKeys(["question", "add", "at_least"], in: "brings")
            guard let q = bm.string("question", required: true, in: "brings") else { continue }
            if bm["add"] != nil {
                brings.append(AnswerChange(questionID: q, change: .add(bm.idList("add", in: "brings").map(\.text)), location: ctx.loc(b)))
            } else if let v = bm["at_least"], case let .scalar(s) = v {
                if s.style == .plain, let n = YValue.parseNumber(s.string) {
                    brings.append(AnswerChange(questionID: q, change: .atLeastNumber(n), location: ctx.loc(b)))
                } else {
                    brings.append(AnswerChange(questionID: q, change: .atLeastOption(s.string), location: ctx.loc(b)))
                }
            } else {
                ctx.error("an item of `brings` needs `add: [options]` or `at_least: value`", b)
            }
        }
        return brings
    }

    static func module(_ node: Node, _ ctx: LoadContext) -> Module? {
        guard let m = YMap(node, ctx, what: "a module") else { return nil }
        m.checkKeys(["id", "kind", "name", "summary", "raises", "requires", "excludes", "cost", "cost_source",
                     "duration_weeks", "products", "kpis", "subsidy_tags", "brings", "summary_parts"], in: "module")
        guard let id = m.id(in: "module") else { return nil }
        let mw = "module `\(id)`"
        let kindText = m.string("kind", required: true, in: mw)
        let kind = kindText.flatMap(Module.Kind.init(rawValue:))
        if let kindText, kind == nil { ctx.error("`kind` must be `standard` or `personalized`, found `\(kindText)`", m["kind"]!) }
        let name = m.localized("name", in: mw)
        let summary = m.localized("summary", optionalText: true, in: mw)
        // Sentences appended to the summary for the enterprises they fit: each needs its `when`.
        let summaryParts = (m.list("summary_parts", in: mw) ?? []).compactMap {
            tailoredText($0, ctx, what: "a part of `summary_parts` of \(mw)", optionalText: true, whenRequired: true)
        }
        var raises: [SceneTarget] = []
        for r in m.list("raises", in: mw) ?? [] {
            guard let rm = YMap(r, ctx, what: "an item of `raises`") else { continue }
            rm.checkKeys(["scene", "to"], in: "raises")
            guard let scene = rm.string("scene", required: true, in: "raises"), let to = rm.number("to", required: true, in: "raises") else { continue }
            if to < 1 || to > 4 || to != to.rounded() { ctx.error("`to` must be a scene level from 1 to 4", rm["to"]!) }
            raises.append(SceneTarget(scene: scene, level: Int(max(0, min(4, to))), location: ctx.loc(r)))
        }
        if m["raises"] == nil { m.missing("raises", in: mw) }
        var cost: [String: CostRange] = [:]
        if let c = m["cost"] { cost = costTable(c, ctx, what: "`cost` of \(mw)") ?? [:] } else { m.missing("cost", in: mw) }
        let costSource = m.string("cost_source", required: true, in: mw) ?? ""
        let duration = durationWeeks(m, ctx, in: mw)
        if m["products"] == nil { m.missing("products", in: mw) }
        var kpis: [KPIEffect] = []
        for k in m.list("kpis", in: mw) ?? [] {
            guard let km = YMap(k, ctx, what: "a KPI effect") else { continue }
            km.checkKeys(["metric", "change", "source"], in: "KPI effect")
            guard let metric = km.string("metric", required: true, in: "KPI effect"),
                  let source = km.string("source", required: true, in: "KPI effect") else { continue }
            guard let change = km["change"], case let .sequence(seq) = change, seq.count == 2 else {
                if let change = km["change"] { ctx.error("`change` must be [low, high]", change) } else { km.missing("change", in: "KPI effect") }
                continue
            }
            // Each bound reports its own problem (not a number, out of range).
            let bounds = (YValue.number(seq[0], ctx, what: "low change"), YValue.number(seq[1], ctx, what: "high change"))
            guard let low = bounds.0, let high = bounds.1 else { continue }
            // A change is in per cent or percentage points: beyond ±1,000 it is a typing error, and a saving priced
            // from it would be meaningless.
            guard abs(low) <= 1_000, abs(high) <= 1_000 else {
                ctx.error("`change` must lie between -1000 and 1000 (per cent or percentage points), found [\(formatNumber(low)), \(formatNumber(high))]", change)
                continue
            }
            kpis.append(KPIEffect(metric: metric, low: min(low, high), high: max(low, high), source: source, location: ctx.loc(k)))
        }
        if m["kpis"] == nil { m.missing("kpis", in: mw) }
        let tags = m.idList("subsidy_tags", in: mw).map(\.text)
        guard let kind, let name else { return nil }
        return Module(
            id: id, kind: kind, name: name, summary: summary ?? .empty, summaryParts: summaryParts, raises: raises,
            requires: m.idList("requires", in: mw), excludes: m.idList("excludes", in: mw), cost: cost,
            costSource: costSource, durationWeeks: duration,
            products: products(m.list("products", in: mw), ctx, what: mw), kpis: kpis, subsidyTags: tags, brings: brings(m.list("brings", in: mw), ctx),
            location: ctx.loc(node))
    }

    static func rules(_ map: YMap, _ ctx: LoadContext) -> [Rule]? {
        map.checkKeys(["rules"], in: "rules.yaml")
        guard let items = map.list("rules", in: "rules.yaml") else {
            map.missing("rules", in: "rules.yaml")
            return nil
        }
        return items.compactMap { rule($0, ctx) }
    }

    static let effectKeys = ["recommend", "exclude", "upgrade", "satisfied", "risk"]

    static func rule(_ node: Node, _ ctx: LoadContext) -> Rule? {
        guard let m = YMap(node, ctx, what: "a rule") else { return nil }
        m.checkKeys(["id", "when", "weight", "must", "reason", "modules"] + effectKeys, in: "rule")
        guard let id = m.id(in: "rule") else { return nil }
        let rw = "rule `\(id)`"
        let when = condition(m.located("when", required: true, in: rw), ctx)
        let present = effectKeys.filter { m[$0] != nil }
        guard present.count == 1, let key = present.first else {
            ctx.error(present.isEmpty
                ? "\(rw) has no effect: give one of \(effectKeys.map { "`\($0)`" }.joined(separator: ", "))"
                : "\(rw) has \(present.count) effects (\(present.joined(separator: ", "))): give exactly one", node)
            return nil
        }
        let effect: Rule.Effect?
        if key == "risk" {
            effect = m.localized("risk", in: rw).map(Rule.Effect.risk)
        } else {
            let target = m.string(key, in: rw)
            effect = target.map { t in
                switch key {
                case "recommend": return .recommend(t)
                case "exclude": return .exclude(t)
                case "upgrade": return .upgrade(t)
                default: return .satisfied(t)
                }
            }
        }
        let weight = m.number("weight", in: rw) ?? 1
        if m["weight"] != nil && key != "recommend" { ctx.warning("`weight` only counts for `recommend` rules", m.keyNode("weight")!) }
        if weight <= 0 { ctx.error("`weight` must be greater than 0", m["weight"]!) }
        let must = m.bool("must", in: rw) ?? false
        if must && key != "recommend" { ctx.error("`must` only applies to `recommend` rules", m.keyNode("must")!) }
        let reason = m.localized("reason", in: rw)
        // A risk's scope: the modules whose rollout it is about (their ids are checked by lint, against the industry).
        var modules: [LocatedText] = []
        if let list = m["modules"] {
            if key != "risk" {
                ctx.error("`modules` only applies to `risk` rules", m.keyNode("modules")!)
            } else if case let .sequence(items) = list, items.isEmpty {
                ctx.error("rule `\(id)` has an empty `modules` list: name the modules whose rollout the risk is about, or leave `modules` out", list)
            } else {
                modules = m.idList("modules", in: rw)
            }
        }
        guard let when, let effect, let reason else { return nil }
        return Rule(id: id, when: when, effect: effect, weight: weight, must: must && key == "recommend", reason: reason,
                    location: ctx.loc(node), effectLocation: m[key].map(ctx.loc), modules: modules)
    }
}
