/// The diagnosis section: points by dimension and indicator, the 16 scenes now and after, the level rule.
extension ViewModelBuilder {
    func diagnosis() -> ViewNode {
        let now = p.diagnosis, after = p.after
        let afterDimensions = Dictionary(after.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dimensions: [ViewNode] = now.dimensions.map { d in
            [
                "name": .v(l(d.name)),
                "now": .v(f.points(d.points)),
                "after": .v(f.points(afterDimensions[d.id]?.points ?? d.points)),
                "max": .v(f.points(d.maxPoints)),
            ]
        }
        let indicatorGroups: [ViewNode] = now.dimensions.map { d in
            let rows: [ViewNode] = now.indicators.filter { $0.dimension == d.id }.map { i in
                [
                    "name": .v(l(i.name)),
                    "group": .v(i.group.map(l) ?? ""),
                    "answer": .v(i.answer.map(l) ?? s["notAnswered"]),
                    "points": .v(s.format("pointsOfFmt", ["points": f.points(i.points), "max": f.points(i.maxPoints)])),
                    "unconfirmed": .v(!i.confirmed),
                ]
            }
            return [
                "name": .v(l(d.name)),
                "points": .v(s.format("pointsOfFmt", ["points": f.points(d.points), "max": f.points(d.maxPoints)])),
                "rows": .v(rows),
            ]
        }
        return [
            "intro": .v(s.format("diagnosisIntro", ["model": maturityModelName()])),
            "dimensions": .v(dimensions),
            "totalNow": .v(f.points(now.points)),
            "totalAfter": .v(f.points(after.points)),
            "totalMax": .v(f.points(now.maxPoints)),
            "indicatorGroups": .v(indicatorGroups),
            "scenes": .v(scenes()),
            "levelRule": .v(levelRule(now)),
            "whyNotNow": .v(whyNotHigher(now, key: "whyNotNowFmt")),
            "whyNotAfter": .v(whyNotHigher(after, key: "whyNotAfterFmt")),
        ]
    }

    /// The evaluation's name as the reader knows it; its id for proposals that do not carry the name.
    func maturityModelName() -> String { p.catalog.maturityModelName.map(l) ?? u(p.catalog.maturityModel) }

    func sceneGroupName(_ id: String) -> String {
        p.sceneGroups?.first { $0.id == id }.map { l($0.name) } ?? u(id)
    }

    func scenes() -> [ViewNode] {
        let afterLevels = Dictionary(p.after.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        return p.diagnosis.scenes.map { scene in
            let after = afterLevels[scene.id] ?? scene.level
            return [
                "name": .v(l(scene.name)),
                "area": .v(sceneGroupName(scene.group)),
                "mandatory": .v(scene.mandatory),
                "now": .v(f.sceneLevel(scene.level)),
                "after": .v(f.sceneLevel(after)),
                "raised": .v(after > scene.level),
                "current": .v(scene.description.map(l) ?? s["dash"]),
            ]
        }
    }

    func levelRule(_ d: Proposal.DiagnosisSummary) -> [ViewNode] {
        d.levelChecks.map { c in
            [
                "level": .v(f.level(c.level)),
                "points": .v(s.format("haveNeedFmt", ["have": f.points(c.points), "need": f.points(c.pointsNeeded)])),
                "scenes": .v(s.format("haveNeedFmt", ["have": String(c.scenesAtLevel), "need": String(c.scenesNeeded)])),
                "mandatory": .v(s.format("haveNeedFmt", ["have": String(c.mandatoryAtLevel), "need": String(c.mandatoryNeeded)])),
                "met": .v(c.met),
                "metLabel": .v(c.met ? s["met"] : s["notMet"]),
            ]
        }
    }
}
