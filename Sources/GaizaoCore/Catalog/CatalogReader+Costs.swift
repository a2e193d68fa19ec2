import Yams

/// Readers of cost-model.yaml (and the `cost_model` of an overlay's module override).
extension CatalogReader {
    static func costModel(_ map: YMap, _ ctx: LoadContext) -> CostModel? {
        let what = "cost-model.yaml"
        map.checkKeys(["drivers", "modules"], in: what)
        var drivers: [CostModel.Driver] = []
        for node in map.list("drivers", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a cost driver") else { continue }
            m.checkKeys(["id", "question", "share_percent", "unit_size", "name", "unit"], in: "cost driver")
            guard let id = m.id(in: "cost driver") else { continue }
            let dw = "cost driver `\(id)`"
            let question = m.string("question", required: true, in: dw)
            let share = m.number("share_percent", in: dw) ?? 100
            if share <= 0 || share > 100 { ctx.error("`share_percent` must be more than 0 and at most 100", m["share_percent"]!) }
            let unitSize = m.number("unit_size", in: dw) ?? 1
            if unitSize <= 0 { ctx.error("`unit_size` must be more than 0", m["unit_size"]!) }
            guard let question, let name = m.localized("name", in: dw), let unit = m.localized("unit", in: dw) else { continue }
            drivers.append(.init(id: id, questionID: question, sharePercent: share, unitSize: unitSize, name: name, unit: unit,
                                 location: ctx.loc(node)))
        }
        var entries: [CostModel.Entry] = []
        if let node = map["modules"], let mm = YMap(node, ctx, what: "`modules` of cost-model.yaml") {
            for e in mm.entries {
                if var entry = costEntry(e.key, e.value, ctx) {
                    entry.location = ctx.loc(e.keyNode)
                    entries.append(entry)
                }
            }
        } else if map["modules"] == nil {
            map.missing("modules", in: what)
        }
        return CostModel(drivers: drivers, entries: entries)
    }

    /// One module's cost-model entry.
    static func costEntry(_ moduleID: String, _ node: Node, _ ctx: LoadContext) -> CostModel.Entry? {
        let what = "the cost model of `\(moduleID)`"
        guard let m = YMap(node, ctx, what: what) else { return nil }
        m.checkKeys(["driver", "base", "per_unit", "min_units", "max_units", "yearly", "upgrade_percent", "parts"], in: what)
        let driver = m.string("driver", in: what)
        guard let base = wanRange(m, "base", ctx, required: true) else { return nil }
        let perUnit = wanRange(m, "per_unit", ctx) ?? .zero
        if driver != nil && m["per_unit"] == nil { m.missing("per_unit", in: what) }
        if driver == nil && m["per_unit"] != nil {
            ctx.error("`per_unit` needs a `driver` (what the module is priced per)", m["per_unit"]!)
        }
        let minUnits = m.number("min_units", in: what) ?? 0
        let maxUnits = m.number("max_units", in: what) ?? 1_000_000
        if minUnits < 0 || maxUnits < minUnits {
            ctx.error("`min_units`/`max_units` must satisfy 0 ≤ min_units ≤ max_units", m["min_units"] ?? m["max_units"] ?? node)
        }
        let parts = (m.list("parts", in: what) ?? []).compactMap { costPart($0, ctx, of: moduleID) }
        // The price at the most units, every part priced in, must stay a figure money can be: at most 10¹² yuan
        // (a hundred million 万元), so that a package's sums stay exact.
        let highest = Double(base.high) + parts.reduce(0) { $0 + Double($1.base.high) } + Double(perUnit.high) * max(minUnits, maxUnits)
        if highest > Self.maxPriceYuan {
            ctx.error("\(what) reaches \(Money.wan(Int(min(highest, 9e18)))) 万元 at `max_units`, more than the limit of \(Money.wan(Int(Self.maxPriceYuan))) 万元: check `per_unit` and `max_units`", m["max_units"] ?? m["per_unit"] ?? node)
        }
        let upgrade = m.integer("upgrade_percent", in: what, range: 0...100)
        var entry = CostModel.Entry(
            moduleID: moduleID, driverID: driver, base: base, perUnit: perUnit, minUnits: minUnits, maxUnits: max(minUnits, maxUnits),
            yearly: wanRange(m, "yearly", ctx) ?? .zero, upgradePercent: upgrade, location: ctx.loc(node),
            driverLocation: m["driver"].map(ctx.loc))
        entry.parts = parts
        return entry
    }

    /// One of `parts:` — `{name: {zh, en}, when: condition, base: [low, high]}`: priced in where `when` is not false.
    static func costPart(_ node: Node, _ ctx: LoadContext, of moduleID: String) -> CostModel.Part? {
        let what = "a price part of `\(moduleID)`"
        guard let m = YMap(node, ctx, what: what) else { return nil }
        m.checkKeys(["name", "when", "base"], in: what)
        let name = m.localized("name", in: what)
        // A `when` that does not parse is reported; the part is then left out rather than priced for everyone.
        let when = condition(m.located("when", required: true, in: what), ctx)
        let base = wanRange(m, "base", ctx, required: true)
        guard let name, let when, let base else { return nil }
        return CostModel.Part(name: name, when: when, base: base, location: ctx.loc(node))
    }

    /// The most a module's price may reach, in yuan (10¹²).
    static let maxPriceYuan = 1e12
    /// The most one figure of a cost model may be, in yuan: 10¹⁰ (a million 万元).
    static let maxFigureYuan = 10_000_000_000

    /// A `[low, high]` range of 万元 as exact yuan.
    static func wanRange(_ m: YMap, _ key: String, _ ctx: LoadContext, required: Bool = false) -> CostRange? {
        guard let node = m[key] else {
            if required { m.missing(key, in: "the cost model") }
            return nil
        }
        guard case let .sequence(seq) = node, seq.count == 2 else {
            ctx.error("`\(key)` must be a list [low, high] in 万元", node)
            return nil
        }
        let bounds = seq.map { n -> Int? in
            guard case let .scalar(s) = n, s.style == .plain, let y = Money.yuan(fromWan: s.string), y >= 0 else {
                ctx.error("`\(key)` must hold non-negative numbers of 万元 with at most 4 decimals, found \(YValue.describe(n))", n)
                return nil
            }
            guard y <= maxFigureYuan else {
                ctx.error("`\(key)` is out of range: at most \(Money.wan(maxFigureYuan)) 万元, found \(YValue.describe(n))", n)
                return nil
            }
            return y
        }
        guard let low = bounds[0], let high = bounds[1] else { return nil }
        if low > high {
            ctx.error("`\(key)` is reversed: low \(Money.wan(low)) > high \(Money.wan(high)) 万元", node)
            return nil
        }
        return CostRange(low: low, high: high)
    }
}
