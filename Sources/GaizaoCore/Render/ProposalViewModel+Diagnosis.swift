/// The diagnosis section: points by dimension and indicator, the 16 scenes now and after, the level rule.
extension ViewModelBuilder {
    func diagnosis() -> ViewNode {
        let now = p.diagnosis, after = p.after
        let afterDimensions = Dictionary(after.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dimensions: [ViewNode] = now.dimensions.map { d in
            [
                "name": l(d.name),
                "now": f.points(d.points),
                "after": f.points(afterDimensions[d.id]?.points ?? d.points),
                "max": f.points(d.maxPoints),
            ]
        }
        let indicatorGroups: [ViewNode] = now.dimensions.map { d in
            let rows: [ViewNode] = now.indicators.filter { $0.dimension == d.id }.map { i in
                [
                    "name": l(i.name),
                    "group": i.group.map(l) ?? "",
                    "answer": i.answer.map(l) ?? s["notAnswered"],
                    "points": s.format("pointsOfFmt", ["points": f.points(i.points), "max": f.points(i.maxPoints)]),
                    "unconfirmed": !i.confirmed,
                ]
            }
            return [
                "name": l(d.name),
                "points": s.format("pointsOfFmt", ["points": f.points(d.points), "max": f.points(d.maxPoints)]),
                "rows": rows,
            ]
        }
        return [
            "intro": s.format("diagnosisIntro", ["model": maturityModelName()]),
            "dimensions": dimensions,
            "totalNow": f.points(now.points),
            "totalAfter": f.points(after.points),
            "totalMax": f.points(now.maxPoints),
            "indicatorGroups": indicatorGroups,
            "scenes": scenes(),
            "levelRule": levelRule(now),
            "whyNotNow": whyNotHigher(now, key: "whyNotNowFmt"),
            "whyNotAfter": whyNotHigher(after, key: "whyNotAfterFmt"),
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
                "name": l(scene.name),
                "area": sceneGroupName(scene.group),
                "mandatory": scene.mandatory,
                "now": f.sceneLevel(scene.level),
                "after": f.sceneLevel(after),
                "raised": after > scene.level,
                "current": scene.description.map(l) ?? s["dash"],
            ]
        }
    }

    func levelRule(_ d: Proposal.DiagnosisSummary) -> [ViewNode] {
        d.levelChecks.map { c in
            [
                "level": f.level(c.level),
                "points": s.format("haveNeedFmt", ["have": f.points(c.points), "need": f.points(c.pointsNeeded)]),
                "scenes": s.format("haveNeedFmt", ["have": String(c.scenesAtLevel), "need": String(c.scenesNeeded)]),
                "mandatory": s.format("haveNeedFmt", ["have": String(c.mandatoryAtLevel), "need": String(c.mandatoryNeeded)]),
                "met": c.met,
                "metLabel": c.met ? s["met"] : s["notMet"],
            ]
        }
    }
}
