import Yams

extension CatalogReader {
    static func manifest(_ map: YMap, _ ctx: LoadContext) -> CatalogManifest? {
        let what = "catalog.yaml"
        map.checkKeys(["id", "version", "name", "reference", "industries", "size_bands", "kpi_metrics", "upgrade_cost_percent",
                       "workstreams", "retrofit_brings", "retrofit_measures", "investment_share"], in: what)
        let id = map.id(in: what)
        let version = map.string("version", required: true, in: what)
        let name = map.localized("name", in: what)
        let reference = map.bool("reference", in: what) ?? false
        let industries = map.idList("industries", in: what)
        // An industry id names its folder (`industries/ID/`): one that is not an id (`Bad Id`, `../x`) is an error
        // here, not an industry quietly left unread.
        for ref in industries where !YValue.isValidID(ref.text) {
            ctx.bag.error("`\(ref.text)` is not a valid id: use lowercase ASCII letters, digits, `-` and `_`, starting with a letter", at: ref.location)
        }
        if map["industries"] == nil { map.missing("industries", in: what) }
        var bands: [SizeBand] = []
        if let items = map.list("size_bands", in: what) {
            for (i, node) in items.enumerated() {
                guard let m = YMap(node, ctx, what: "a size band") else { continue }
                m.checkKeys(["id", "name", "when", "priced_as"], in: "size band")
                guard let bid = m.id(in: "size band"), let bname = m.localized("name", in: "size band `\(bid)`") else { continue }
                let when = condition(m.located("when", in: "size band"), ctx)
                if when == nil && m["when"] == nil && i < items.count - 1 {
                    ctx.error("size band `\(bid)` needs a `when`: only the last band may omit it", node)
                }
                let pricedAs = m.string("priced_as", in: "size band `\(bid)`")
                bands.append(SizeBand(id: bid, name: bname, when: when, pricedAs: pricedAs, location: ctx.loc(node)))
            }
        } else {
            map.missing("size_bands", in: what)
        }
        var metrics: [KPIMetric] = []
        for node in map.list("kpi_metrics", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a KPI metric") else { continue }
            m.checkKeys(["id", "name", "unit", "outcome", "better", "outcome_answer"], in: "KPI metric")
            guard let mid = m.id(in: "KPI metric"), let mname = m.localized("name", in: "KPI metric `\(mid)`"),
                  let unit = m.localized("unit", in: "KPI metric `\(mid)`") else { continue }
            var metric = KPIMetric(id: mid, name: mname, unit: unit, outcome: m.bool("outcome", in: "KPI metric") ?? false)
            if let b = m.string("better", in: "KPI metric `\(mid)`") {
                if let better = KPIMetric.Better(rawValue: b) { metric.better = better } else {
                    ctx.error("`better` must be `higher` or `lower`, found `\(b)`", m["better"]!)
                }
            }
            if let node = m["outcome_answer"], let am = YMap(node, ctx, what: "`outcome_answer`") {
                am.checkKeys(["question", "option"], in: "outcome_answer")
                if let q = am.string("question", required: true, in: "outcome_answer"), let o = am.string("option", required: true, in: "outcome_answer") {
                    metric.outcomeAnswer = KPIMetric.OutcomeAnswer(questionID: q, optionID: o, location: ctx.loc(node))
                }
                if metric.better == nil { ctx.error("a metric with `outcome_answer` needs `better: higher|lower`", node) }
            }
            metrics.append(metric)
        }
        var upgradePercent = 50
        if let u = map.number("upgrade_cost_percent", in: what) {
            if u < 0 || u > 100 || u != u.rounded() {
                ctx.error("`upgrade_cost_percent` must be a whole percentage from 0 to 100", map["upgrade_cost_percent"]!)
            } else {
                upgradePercent = Int(u)
            }
        }
        var share: InvestmentShare?
        if let node = map["investment_share"], let sm = YMap(node, ctx, what: "`investment_share`") {
            sm.checkKeys(["question", "revenue", "years"], in: "investment_share")
            let years = sm.number("years", required: true, in: "investment_share") ?? 0
            if let y = sm["years"], years < 1 || years > 10 || years != years.rounded() {
                ctx.error("`years` must be a whole number from 1 to 10", y)
            }
            if let q = sm.string("question", required: true, in: "investment_share"),
               let r = sm.string("revenue", required: true, in: "investment_share"), years >= 1 && years <= 10 && years == years.rounded() {
                share = InvestmentShare(questionID: q, revenueQuestionID: r, years: Int(years), location: ctx.loc(node))
            }
        }
        guard let id, let version, let name else { return nil }
        var manifest = CatalogManifest(id: id, version: version, name: name, reference: reference, industryIDs: industries,
                                       sizeBands: bands, kpiMetrics: metrics, upgradeCostPercent: upgradePercent)
        manifest.workstreams = workstreams(map, ctx) ?? 2
        manifest.retrofitBrings = brings(map.list("retrofit_brings", in: what), ctx)
        manifest.retrofitMeasures = map.idList("retrofit_measures", in: what)
        manifest.investmentShare = share
        return manifest
    }

    static func policySet(_ map: YMap, _ ctx: LoadContext) -> PolicySet? {
        let what = "policies.yaml"
        map.checkKeys(["stacking", "policies"], in: what)
        var assumption = Localized.empty
        if let s = map["stacking"], let sm = YMap(s, ctx, what: "stacking") {
            sm.checkKeys(["assumption"], in: "stacking")
            assumption = sm.localized("assumption", in: "stacking") ?? .empty
        } else if map["stacking"] == nil {
            map.missing("stacking", in: what)
        }
        var policies: [Policy] = []
        for node in map.list("policies", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a policy") else { continue }
            m.checkKeys(["id", "name", "kind", "rate", "cap", "min_investment", "amount", "base", "eligible_when", "group",
                         "condition", "source", "confirmed", "conditional_when", "one_off", "counts_first_year_fees"], in: "policy")
            guard let pid = m.id(in: "policy") else { continue }
            let pw = "policy `\(pid)`"
            let name = m.localized("name", in: pw)
            let kindText = m.string("kind", required: true, in: pw)
            let kind = kindText.flatMap(Policy.Kind.init(rawValue:))
            if let kindText, kind == nil { ctx.error("`kind` must be `rate` or `fixed`, found `\(kindText)`", m["kind"]!) }
            let rate = m.number("rate", in: pw) ?? 0
            if kind == .rate && m["rate"] == nil { m.missing("rate", in: pw) }
            if rate < 0 || rate > 100 { ctx.error("`rate` is a percentage between 0 and 100", m["rate"]!) }
            let cap = wan(m, "cap", ctx)
            let minInvestment = wan(m, "min_investment", ctx) ?? 0
            let amount = wan(m, "amount", ctx) ?? 0
            if kind == .fixed && m["amount"] == nil { m.missing("amount", in: pw) }
            var base = Policy.Base.package
            if let b = m.string("base", in: pw), b != "package" { base = .tag(b) }
            let eligible = condition(m.located("eligible_when", in: pw), ctx)
            let conditional = condition(m.located("conditional_when", in: pw), ctx)
            let group = m.string("group", in: pw) ?? pid
            let cond = m.localized("condition", in: pw) ?? .empty
            let source = m.localized("source", in: pw) ?? .empty
            guard let name, let kind else { continue }
            policies.append(Policy(
                id: pid, name: name, kind: kind, ratePercent: rate, capYuan: cap, minInvestmentYuan: minInvestment,
                amountYuan: amount, base: base, eligibleWhen: eligible, conditionalWhen: conditional,
                oneOff: m.bool("one_off", in: pw) ?? (kind == .fixed),
                countsFirstYearFees: m.bool("counts_first_year_fees", in: pw) ?? false, group: group, condition: cond, source: source,
                confirmed: m.bool("confirmed", in: pw) ?? false, location: ctx.loc(node)))
        }
        if map["policies"] == nil { map.missing("policies", in: what) }
        return PolicySet(stackingAssumption: assumption, policies: policies)
    }

    /// `workstreams`: how many modules a contractor builds at once, 1 to 20.
    static func workstreams(_ m: YMap, _ ctx: LoadContext) -> Int? {
        guard let n = m.number("workstreams", in: "workstreams") else { return nil }
        guard n >= 1 && n <= 20 && n == n.rounded() else {
            ctx.error("`workstreams` must be a whole number from 1 to 20", m["workstreams"]!)
            return nil
        }
        return Int(n)
    }

    static func wan(_ m: YMap, _ key: String, _ ctx: LoadContext) -> Int? {
        guard let node = m[key] else { return nil }
        guard case let .scalar(s) = node, s.style == .plain, let y = Money.yuan(fromWan: s.string), y >= 0 else {
            ctx.error("`\(key)` must be a non-negative number of 万元 with at most 4 decimals, found \(YValue.describe(node))", node)
            return nil
        }
        return y
    }

    static func overlay(_ map: YMap, _ ctx: LoadContext) -> Overlay? {
        let what = "overlay"
        map.checkKeys(["id", "industry", "example", "name", "modules", "workstreams"], in: what)
        guard let id = map.id(in: what) else { return nil }
        let industry = map.string("industry", required: true, in: what)
        let name = map.localized("name", in: "overlay `\(id)`")
        var modules: [String: ModuleOverride] = [:]
        if let node = map["modules"], let mm = YMap(node, ctx, what: "`modules` of overlay `\(id)`") {
            for entry in mm.entries {
                guard let m = YMap(entry.value, ctx, what: "the override of module `\(entry.key)`") else { continue }
                m.checkKeys(["cost", "cost_source", "duration_weeks", "products", "cost_model"], in: "module override")
                var o = ModuleOverride(location: ctx.loc(entry.keyNode))
                if let c = m["cost_model"] { o.costModel = costEntry(entry.key, c, ctx) }
                if let c = m["cost"] { o.cost = costTable(c, ctx, what: "`cost`") }
                o.costSource = m.string("cost_source", in: "module override")
                if let d = m.number("duration_weeks", in: "module override") {
                    if d < 1 || d > 260 || d != d.rounded() {
                        ctx.error("`duration_weeks` must be a whole number of weeks from 1 to 260", m["duration_weeks"]!)
                    } else {
                        o.durationWeeks = Int(d)
                    }
                }
                if m["products"] != nil { o.products = products(m.list("products", in: "module override"), ctx, what: "the override") }
                modules[entry.key] = o
            }
        }
        guard let industry, let name else { return nil }
        return Overlay(id: id, industry: industry, example: map.bool("example", in: what) ?? false, name: name,
                       modules: modules, workstreams: workstreams(map, ctx), location: ctx.loc(map.node),
                       industryLocation: map["industry"].map(ctx.loc))
    }
}
