import Yams

extension CatalogReader {
    static func maturityModel(_ map: YMap, _ ctx: LoadContext) -> MaturityModel? {
        let what = "maturity-model.yaml"
        map.checkKeys(["id", "name", "source", "confirmed", "note", "dimensions", "scene_groups", "scenes", "levels"], in: what)
        let id = map.id(in: what)
        let name = map.localized("name", in: what)
        var dimensions: [Dimension] = []
        for node in map.list("dimensions", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a dimension") else { continue }
            m.checkKeys(["id", "name", "points", "indicators"], in: "dimension")
            guard let did = m.id(in: "dimension") else { continue }
            let dname = m.localized("name", in: "dimension `\(did)`")
            let points = m.number("points", required: true, in: "dimension `\(did)`")
            var indicators: [Indicator] = []
            for inode in m.list("indicators", in: "dimension") ?? [] {
                if let i = indicator(inode, ctx) { indicators.append(i) }
            }
            if let dname, let points {
                dimensions.append(Dimension(id: did, name: dname, points: points, indicators: indicators, location: ctx.loc(node)))
            }
        }
        if map["dimensions"] == nil { map.missing("dimensions", in: what) }
        var groups: [SceneGroup] = []
        for node in map.list("scene_groups", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a scene group") else { continue }
            m.checkKeys(["id", "name"], in: "scene group")
            if let gid = m.id(in: "scene group"), let gname = m.localized("name", in: "scene group `\(gid)`") {
                groups.append(SceneGroup(id: gid, name: gname))
            }
        }
        var scenes: [Scene] = []
        for node in map.list("scenes", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a scene") else { continue }
            m.checkKeys(["id", "group", "name", "mandatory", "question", "levels"], in: "scene")
            guard let sid = m.id(in: "scene") else { continue }
            let sw = "scene `\(sid)`"
            let group = m.string("group", required: true, in: sw)
            let sname = m.localized("name", in: sw)
            let question = m.string("question", required: true, in: sw)
            var levels: [Localized] = []
            if let items = m.list("levels", in: sw) {
                if items.count != 4 { ctx.error("\(sw) must describe exactly 4 levels, found \(items.count)", m["levels"]!) }
                levels = items.enumerated().compactMap { YValue.localized($1, ctx, what: "level \($0 + 1) of \(sw)", optionalText: false) }
            } else {
                m.missing("levels", in: sw)
            }
            guard let group, let sname, let question else { continue }
            scenes.append(Scene(id: sid, group: group, name: sname, mandatory: m.bool("mandatory", in: sw) ?? false,
                                questionID: question, levels: levels, location: ctx.loc(node)))
        }
        if map["scenes"] == nil { map.missing("scenes", in: what) }
        var levels: [LevelRule] = []
        for node in map.list("levels", in: what) ?? [] {
            guard let m = YMap(node, ctx, what: "a level rule") else { continue }
            m.checkKeys(["level", "min_score", "min_scenes", "min_mandatory"], in: "level rule")
            guard let level = m.integer("level", required: true, in: "level rule", range: 1...4),
                  let score = m.number("min_score", required: true, in: "level rule"),
                  let count = m.integer("min_scenes", required: true, in: "level rule", range: 0...1000),
                  let mandatory = m.integer("min_mandatory", required: true, in: "level rule", range: 0...1000) else { continue }
            levels.append(LevelRule(level: level, minScore: score, minScenes: count, minMandatory: mandatory,
                                    location: ctx.loc(node)))
        }
        if map["levels"] == nil { map.missing("levels", in: what) }
        guard let id, let name else { return nil }
        return MaturityModel(
            id: id, name: name, source: map.localized("source", required: false, in: what),
            confirmed: map.bool("confirmed", in: what) ?? false, note: map.localized("note", required: false, in: what),
            dimensions: dimensions, sceneGroups: groups, scenes: scenes, levels: levels.sorted { $0.level < $1.level })
    }

    private static func indicator(_ node: Node, _ ctx: LoadContext) -> Indicator? {
        guard let m = YMap(node, ctx, what: "an indicator") else { return nil }
        m.checkKeys(["id", "name", "group", "points", "question", "bands", "confirmed"], in: "indicator")
        guard let iid = m.id(in: "indicator") else { return nil }
        let iw = "indicator `\(iid)`"
        let name = m.localized("name", in: iw)
        let points = m.number("points", required: true, in: iw)
        let question = m.string("question", required: true, in: iw)
        var bands: [ScoreBand] = []
        if let items = m.list("bands", in: iw) {
            for (i, b) in items.enumerated() {
                guard let bm = YMap(b, ctx, what: "a band") else { continue }
                bm.checkKeys(["up_to", "points"], in: "band")
                let upTo = bm.number("up_to", in: "band")
                if upTo == nil && i < items.count - 1 { ctx.error("only the last band may omit `up_to`", b) }
                if upTo != nil && i == items.count - 1 { ctx.error("the last band must omit `up_to` so every value scores", b) }
                if let upTo, let prev = bands.last?.upTo, upTo <= prev {
                    ctx.error("bands must rise: `up_to: \(formatNumber(upTo))` after `up_to: \(formatNumber(prev))`", b)
                }
                if let p = bm.number("points", required: true, in: "band") {
                    if let points, p > points { ctx.error("band scores \(formatNumber(p)) points, more than the indicator's \(formatNumber(points))", b) }
                    bands.append(ScoreBand(upTo: upTo, points: p))
                }
            }
        }
        guard let name, let points, let question else { return nil }
        return Indicator(id: iid, name: name, group: m.localized("group", required: false, in: iw), points: points,
                         questionID: question, bands: bands, confirmed: m.bool("confirmed", in: iw) ?? true,
                         location: ctx.loc(node), questionLocation: m["question"].map(ctx.loc))
    }
}
