/// The diagnosis section: points by dimension and indicator, the 16 scenes now and after, the level rule.
extension ViewModelBuilder {
    func diagnosis() -> ViewNode {
        let now = proposal.diagnosis, after = proposal.after
        let afterDimensions = Dictionary(after.dimensions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let dimensions: [ViewNode] = now.dimensions.map { d in
            [
                "name": .from(localized(d.name)),
                "now": .from(format.points(d.points)),
                "after": .from(format.points(afterDimensions[d.id]?.points ?? d.points)),
                "max": .from(format.points(d.maxPoints)),
            ]
        }
        let indicatorGroups: [ViewNode] = now.dimensions.map { d in
            let rows: [ViewNode] = now.indicators.filter { $0.dimension == d.id }.map { i in
                [
                    "name": .from(localized(i.name)),
                    "group": .from(i.group.map(localized) ?? ""),
                    "answer": .from(i.answer.map(localized) ?? strings["notAnswered"]),
                    "points": .from(strings.format("pointsOfFmt", ["points": format.points(i.points), "max": format.points(i.maxPoints)])),
                    "unconfirmed": .from(!i.confirmed),
                ]
            }
            return [
                "name": .from(localized(d.name)),
                "points": .from(strings.format("pointsOfFmt", ["points": format.points(d.points), "max": format.points(d.maxPoints)])),
                "rows": .from(rows),
            ]
        }
        return [
            "intro": .from(strings.format("diagnosisIntro", ["model": maturityModelName()])),
            "dimensions": .from(dimensions),
            "totalNow": .from(format.points(now.points)),
            "totalAfter": .from(format.points(after.points)),
            "totalMax": .from(format.points(now.maxPoints)),
            "indicatorGroups": .from(indicatorGroups),
            "scenes": .from(scenes()),
            "levelRule": .from(levelRule(now)),
            "whyNotNow": .from(whyNotHigher(now, key: "whyNotNowFmt")),
            "whyNotAfter": .from(whyNotHigher(after, key: "whyNotAfterFmt")),
        ]
    }

    /// The evaluation's name as the reader knows it; its id for proposals that do not carry the name.
    func maturityModelName() -> String { proposal.catalog.maturityModelName.map(localized) ?? safe(proposal.catalog.maturityModel) }

    func sceneGroupName(_ id: String) -> String {
        proposal.sceneGroups?.first { $0.id == id }.map { localized($0.name) } ?? safe(id)
    }

    func scenes() -> [ViewNode] {
        let afterLevels = Dictionary(proposal.after.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        return proposal.diagnosis.scenes.map { scene in
            let after = afterLevels[scene.id] ?? scene.level
            return [
                "name": .from(localized(scene.name)),
                "area": .from(sceneGroupName(scene.group)),
                "mandatory": .from(scene.mandatory),
                "now": .from(scene.unanswered == true ? strings["notAnswered"] : format.sceneLevel(scene.level)),
                "after": .from(format.sceneLevel(after)),
                "raised": .from(after > scene.level),
                "current": .from(scene.description.map(localized) ?? strings["dash"]),
            ]
        }
    }

    func levelRule(_ d: Proposal.DiagnosisSummary) -> [ViewNode] {
        d.levelChecks.map { c in
            [
                "level": .from(format.level(c.level)),
                "points": .from(strings.format("haveNeedFmt", ["have": format.points(c.points), "need": format.points(c.pointsNeeded)])),
                "scenes": .from(strings.format("haveNeedFmt", ["have": String(c.scenesAtLevel), "need": String(c.scenesNeeded)])),
                "mandatory": .from(strings.format("haveNeedFmt", ["have": String(c.mandatoryAtLevel), "need": String(c.mandatoryNeeded)])),
                "met": .from(c.met),
                "metLabel": .from(c.met ? strings["met"] : strings["notMet"]),
            ]
        }
    }
}
