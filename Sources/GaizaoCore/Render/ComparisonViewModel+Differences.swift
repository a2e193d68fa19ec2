/// The differences in assumptions (answers, contractor, catalog, budget, offers) and the before/after progress.
extension ComparisonViewModelBuilder {
    func answerValue(_ value: Localized?) -> String { value.map(l) ?? s["notAnswered"] }

    func assumptions() -> ViewNode {
        let answers: [ViewNode] = c.answerDifferences.map { d in
            ["question": .v(l(d.label)), "values": .v(d.values.map { ["text": .v(answerValue($0))] as ViewNode })]
        }
        let ps = c.columns.map(\.proposal)
        func setting(_ key: String, differs: Bool, _ texts: [String], examples: [Bool] = []) -> ViewNode {
            let cells: [ViewNode] = texts.enumerated().map { i, text in
                ["text": .v(text), "isExample": .v(examples.indices.contains(i) && examples[i])]
            }
            return ["name": .v(s[key]), "differs": .v(differs), "cells": .v(cells)]
        }
        let settings: [ViewNode] = [
            setting("contractor", differs: c.settings.overlays, ps.map(contractorName), examples: ps.map(needsExampleMark)),
            setting("catalog", differs: c.settings.catalogs, ps.map { u("\($0.catalog.id) \($0.catalog.version)") }),
            setting("cmpBudgetLimit", differs: c.settings.budgets, ps.map { $0.budgetYuan.map { f.money($0) } ?? s["cmpNoBudget"] }),
            setting("date", differs: c.settings.dates, ps.map { $0.date.map(u) ?? s["noDate"] }),
        ]
        let offers: [ViewNode] = c.priceDifferences.map { d in
            let cells: [ViewNode] = d.costs.indices.map { i in
                guard let cost = d.costs[i], let weeks = d.weeks[i] else { return ["text": .v(s["cmpNotInCatalog"]), "products": "", "hasProducts": false] }
                let products = d.products[i].map(l)
                return [
                    "text": .v(s.format("cmpOfferFmt", ["cost": money(cost), "weeks": f.duration(weeks)])),
                    "products": .v(joined(products)),
                    "hasProducts": .v(d.productsDiffer && !products.isEmpty),
                ]
            }
            return ["name": .v(l(d.name)), "cells": .v(cells)]
        }
        return [
            // Before/after lists the changed answers under progress, not here.
            "showAnswers": .v(!beforeAfter),
            "answers": .v(answers),
            "hasAnswers": .v(!answers.isEmpty),
            "settings": .v(settings),
            "offers": .v(offers),
            "hasOffers": .v(!offers.isEmpty),
        ]
    }

    func progress() -> ViewNode {
        let before = c.columns[0].proposal, after = c.columns[1].proposal
        let a = before.diagnosis, b = after.diagnosis
        let headlineKey = b.level > a.level ? "cmpHeadlineUpFmt" : b.level < a.level ? "cmpHeadlineDownFmt" : "cmpHeadlineSameFmt"
        let scenes: [ViewNode] = c.scenes.filter { $0.now[0] != $0.now[1] }.map { row in
            [
                "name": .v(l(row.name)),
                "mandatory": .v(row.mandatory),
                "change": .v(s.format("cmpArrowFmt", ["a": f.sceneLevel(row.now[0]), "b": f.sceneLevel(row.now[1])])),
                "raised": .v(row.now[1] > row.now[0]),
            ]
        }
        let answers: [ViewNode] = c.answerDifferences.map { d in
            ["question": .v(l(d.label)), "before": .v(answerValue(d.values[0])), "after": .v(answerValue(d.values[1]))]
        }
        // Each module with why the later diagnosis decides as it does (e.g. the scene level now reached).
        func names(_ ids: [String]) -> [ViewNode] {
            ids.map { id in
                let reasons = after.modules.first { $0.id == id }?.reasons.map { l($0.text) } ?? []
                return ["name": .v(moduleName(id)), "reason": .v(Clauses.join(reasons, separator: s["clauseSeparator"])), "hasReason": .v(!reasons.isEmpty)]
            }
        }
        return [
            "intro": .v(s.format("cmpProgressIntroFmt", ["before": before.date.map(u) ?? s["noDate"], "after": after.date.map(u) ?? s["noDate"]])),
            "headline": .v(s.format(headlineKey, ["a": f.level(a.level), "b": f.level(b.level), "p1": f.points(a.points), "p2": f.points(b.points)])),
            "levels": .v(s.format("cmpArrowFmt", ["a": f.level(a.level), "b": f.level(b.level)])),
            "points": .v(s.format("cmpArrowFmt", ["a": f.points(a.points), "b": f.points(b.points)])),
            "levelRaised": .v(b.level > a.level),
            "beforeLabel": .v(u(c.columns[0].label)),
            "afterLabel": .v(u(c.columns[1].label)),
            "scenes": .v(scenes),
            "hasScenes": .v(!scenes.isEmpty),
            "answers": .v(answers),
            "hasAnswers": .v(!answers.isEmpty),
            "nowSatisfied": .v(names(c.nowSatisfied)),
            "hasNowSatisfied": .v(!c.nowSatisfied.isEmpty),
            "noLongerPlanned": .v(names(c.noLongerPlanned)),
            "hasNoLongerPlanned": .v(!c.noLongerPlanned.isEmpty),
            "stillPlanned": .v(names(c.stillPlanned)),
            "hasStillPlanned": .v(!c.stillPlanned.isEmpty),
            "newlyPlanned": .v(names(c.newlyPlanned)),
            "hasNewlyPlanned": .v(!c.newlyPlanned.isEmpty),
        ]
    }
}
