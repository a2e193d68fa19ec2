enum MaturityChecks {
    static func run(_ catalog: Catalog, _ bag: inout DiagnosticBag) {
        let model = catalog.maturity
        let common = Questionnaire(sections: catalog.commonSections)
        CatalogChecks.duplicates(model.dimensions, id: \.id, loc: \.location, what: "dimension", &bag)
        let indicators = model.dimensions.flatMap(\.indicators)
        CatalogChecks.duplicates(indicators, id: \.id, loc: \.location, what: "indicator", &bag)
        for d in model.dimensions {
            let sum = d.indicators.reduce(0) { $0 + $1.points }
            if abs(sum - d.points) > 1e-9 {
                bag.error("indicators of dimension `\(d.id)` add up to \(formatNumber(sum)) points, not its \(formatNumber(d.points))", at: d.location)
            }
        }
        if abs(model.totalPoints - 100) > 1e-9 {
            bag.warning("the scored dimensions add up to \(formatNumber(model.totalPoints)) points, not 100", at: model.dimensions.first?.location)
        }
        for i in indicators {
            guard let q = common[i.questionID] else {
                bag.error("indicator `\(i.id)` is scored by unknown question `\(i.questionID)` (it must be a common question)", at: i.questionLocation)
                continue
            }
            switch q.kind {
            case .number:
                if i.bands.isEmpty { bag.error("indicator `\(i.id)` reads number question `\(q.id)` and needs `bands`", at: i.location) }
            case .single, .multi:
                if !i.bands.isEmpty { bag.warning("`bands` of indicator `\(i.id)` are ignored: `\(q.id)` is a choice question", at: i.location) }
                if q.options.allSatisfy({ $0.points == nil }) {
                    bag.warning("indicator `\(i.id)` reads `\(q.id)`, whose options carry no `points`", at: i.questionLocation)
                }
                let reachable = q.kind == .multi
                    ? q.options.reduce(0) { $0 + ($1.points ?? 0) }
                    : q.options.map { $0.points ?? 0 }.max() ?? 0
                if reachable + 1e-9 < i.points {
                    bag.warning("indicator `\(i.id)` can score at most \(formatNumber(reachable)) of its \(formatNumber(i.points)) points", at: i.location)
                }
            case .yesno:
                if q.pointsYes == nil { bag.warning("indicator `\(i.id)` reads yes/no `\(q.id)`, which has no `points_yes`", at: i.questionLocation) }
            case .text, .level:
                bag.error("indicator `\(i.id)` cannot be scored from \(q.kind.rawValue) question `\(q.id)`", at: i.questionLocation)
            }
        }
        CatalogChecks.duplicates(model.scenes, id: \.id, loc: \.location, what: "scene", &bag)
        let groups = model.sceneGroups.map(\.id)
        for s in model.scenes {
            if !groups.contains(s.group) { bag.error("scene `\(s.id)` names unknown scene group `\(s.group)`", at: s.location) }
            guard let q = common[s.questionID] else {
                bag.error("scene `\(s.id)` is asked by unknown question `\(s.questionID)`", at: s.location)
                continue
            }
            if q.kind != .level || q.scene != s.id {
                bag.error("scene `\(s.id)` must be asked by a `level` question with `scene: \(s.id)`; `\(q.id)` is not", at: s.location)
            }
        }
        let mandatory = model.scenes.filter(\.mandatory).count
        var previous: LevelRule?
        for rule in model.levels {
            if rule.minScenes > model.scenes.count || rule.minMandatory > mandatory || rule.minMandatory > rule.minScenes {
                bag.error("level \(rule.level) asks for \(rule.minScenes) scenes (\(rule.minMandatory) mandatory), more than the model has (\(model.scenes.count), \(mandatory) mandatory)", at: rule.location)
            }
            if rule.minScore > model.totalPoints + 1e-9 {
                bag.warning("level \(rule.level) needs \(formatNumber(rule.minScore)) points, more than the model's \(formatNumber(model.totalPoints)): no enterprise can reach it", at: rule.location)
            }
            if let p = previous, rule.minScore < p.minScore {
                bag.warning("level \(rule.level) needs fewer points than level \(p.level)", at: rule.location)
            }
            previous = rule
        }
        // `levels` is sorted by level: the first rule out of step is a gap or a repeat.
        if let stray = model.levels.enumerated().first(where: { $0.element.level != $0.offset + 1 }) {
            bag.error("the level rule must list levels 1, 2, … in order, without gaps or repeats", at: stray.element.location)
        } else if model.levels.isEmpty {
            bag.error("the level rule lists no level", at: nil)
        }
    }
}
