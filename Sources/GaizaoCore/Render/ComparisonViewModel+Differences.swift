/// The differences in assumptions (answers, contractor, catalog, budget, offers) and the before/after progress.
extension ComparisonViewModelBuilder {
    func answerValue(_ value: Localized?) -> String { value.map(localized) ?? strings["notAnswered"] }

    func assumptions() -> ViewNode {
        let answers: [ViewNode] = comparison.answerDifferences.map { d in
            ["question": .from(localized(d.label)), "values": .from(d.values.map { ["text": .from(answerValue($0))] as ViewNode })]
        }
        let ps = comparison.columns.map(\.proposal)
        func setting(_ key: String, differs: Bool, _ texts: [String], examples: [Bool] = []) -> ViewNode {
            let cells: [ViewNode] = texts.enumerated().map { i, text in
                ["text": .from(text), "isExample": .from(examples.indices.contains(i) && examples[i])]
            }
            return ["name": .from(strings[key]), "differs": .from(differs), "cells": .from(cells)]
        }
        let settings: [ViewNode] = [
            setting("contractor", differs: comparison.settings.overlays, ps.map(contractorName), examples: ps.map(needsExampleMark)),
            // Different content (even under one id and version): the hash's start tells the cells apart.
            setting("catalog", differs: comparison.settings.catalogs, ps.map(catalogText)),
            setting("cmpBudgetLimit", differs: comparison.settings.budgets, ps.map { $0.budgetYuan.map { format.money($0) } ?? strings["cmpNoBudget"] }),
            setting("date", differs: comparison.settings.dates, ps.map { $0.date.map(safe) ?? strings["noDate"] }),
        ]
        let offers: [ViewNode] = comparison.priceDifferences.map { d in
            let cells: [ViewNode] = d.costs.indices.map { i in
                guard let cost = d.costs[i], let weeks = d.weeks[i] else { return ["text": .from(strings["cmpNotInCatalog"]), "products": "", "hasProducts": false] }
                // Where products differ, each cell says how many it lists and which of them differ (a short list;
                // the full lists are in the proposals and in comparison.json).
                let others = d.costs.indices.filter { $0 != i && d.costs[$0] != nil }.map { d.products[$0] }
                return [
                    "text": .from(strings.format("cmpOfferFmt", ["cost": money(cost), "weeks": format.duration(weeks)])),
                    "products": .from(d.productsDiffer ? productsText(d.products[i], others: others) : ""),
                    "hasProducts": .from(d.productsDiffer),
                ]
            }
            // An offer for a module no proposal chooses is in no total: said, so its price does not read as a
            // difference between the packages.
            let chosen = comparison.modules.first { $0.moduleID == d.moduleID }?.cells.contains { $0?.status.isSelected ?? false } ?? false
            return ["name": .from(localized(d.name)), "chosenByNone": .from(!chosen), "cells": .from(cells)]
        }
        return [
            // Before/after lists the changed answers under progress, not here.
            "showAnswers": .from(!beforeAfter),
            "answers": .from(answers),
            "hasAnswers": .from(!answers.isEmpty),
            "sameAnswers": .from(sameAnswersText()),
            "settings": .from(settings),
            "offers": .from(offers),
            "hasOffers": .from(!offers.isEmpty),
        ]
    }

    /// One proposal's products for a module whose products differ between proposals: how many it lists and which
    /// of them some other proposal does not list (`产品 3 项，均非各方案共有：「甲」、「乙」等 3 项`), or that every
    /// proposal lists them and others list more.
    func productsText(_ products: [Localized], others: [[Localized]]) -> String {
        guard !products.isEmpty else { return strings["cmpProductsNoneListed"] }
        let differing = ProposalComparator.differingProducts(products, others: others)
        let n = String(products.count)
        let one = products.count == 1
        if differing.isEmpty { return one ? strings["cmpProductsOneShared"] : strings.format("cmpProductsAllSharedFmt", ["n": n]) }
        // Product names often hold a "、" of their own: in Chinese each is quoted so the list reads unambiguously.
        let list = shortList(differing.map { strings.format("cmpProductNameFmt", ["name": localized($0)]) }, shown: 2)
        return strings.format(one ? "cmpProductsOneDifferFmt" : differing.count == products.count ? "cmpProductsAllDifferFmt" : "cmpProductsSomeDifferFmt",
                              ["n": n, "k": String(differing.count), "list": list])
    }

    /// What to say when no answer differs. The answers hash also covers the diagnosis date and answers no
    /// proposal uses: when the hashes differ anyway, say why, so the hashes in the header do not contradict it.
    func sameAnswersText() -> String {
        guard comparison.answersHashesDiffer else { return strings["cmpAnswersSame"] }
        return strings[comparison.settings.dates ? "cmpAnswersSameDatesDiffer" : "cmpAnswersSameUnusedDiffer"]
    }

    func progress() -> ViewNode {
        let before = comparison.columns[0].proposal, after = comparison.columns[1].proposal
        let a = before.diagnosis, b = after.diagnosis
        let plannedBefore = before.modules.contains { $0.status.isSelected }
        let headlineKey = b.level > a.level ? "cmpHeadlineUpFmt" : b.level < a.level ? "cmpHeadlineDownFmt" : "cmpHeadlineSameFmt"
        // Points as shown: "from 34.55 to 34.55" would read as a change that is none.
        let pointsChange = format.points(a.points) == format.points(b.points)
            ? strings.format("cmpHeadlinePointsSameFmt", ["p": format.points(a.points)])
            : strings.format("cmpHeadlinePointsFmt", ["p1": format.points(a.points), "p2": format.points(b.points)])
        let scenes: [ViewNode] = comparison.scenes.filter { $0.now[0] != $0.now[1] }.map { row in
            [
                "name": .from(localized(row.name)),
                "mandatory": .from(row.mandatory),
                "change": .from(strings.format("cmpArrowFmt", ["a": format.sceneLevel(row.now[0]), "b": format.sceneLevel(row.now[1])])),
                "raised": .from(row.now[1] > row.now[0]),
            ]
        }
        let answers: [ViewNode] = comparison.answerDifferences.map { d in
            ["question": .from(localized(d.label)), "before": .from(answerValue(d.values[0])), "after": .from(answerValue(d.values[1]))]
        }
        // Each module with why the later diagnosis decides as it does (e.g. the scene level now reached).
        func names(_ ids: [String]) -> [ViewNode] {
            ids.map { id in
                let reasons = after.modules.first { $0.id == id }?.reasons.map { localized($0.text) } ?? []
                return ["name": .from(moduleName(id)), "reason": .from(Clauses.joinSentences(reasons, separator: strings["clauseSeparator"])), "hasReason": .from(!reasons.isEmpty)]
            }
        }
        return [
            "intro": .from(strings.format("cmpProgressIntroFmt", ["before": before.date.map(safe) ?? strings["noDate"], "after": after.date.map(safe) ?? strings["noDate"]])),
            "headline": .from(strings.format(headlineKey, ["a": format.levelInText(a.level), "b": format.levelInText(b.level), "points": pointsChange])),
            "levels": .from(strings.format("cmpArrowFmt", ["a": format.level(a.level), "b": format.level(b.level)])),
            "points": .from(strings.format("cmpArrowFmt", ["a": format.points(a.points), "b": format.points(b.points)])),
            "levelRaised": .from(b.level > a.level),
            "beforeLabel": .from(safe(comparison.columns[0].label)),
            "afterLabel": .from(safe(comparison.columns[1].label)),
            "scenes": .from(scenes),
            "hasScenes": .from(!scenes.isEmpty),
            "answers": .from(answers),
            "hasAnswers": .from(!answers.isEmpty),
            // When nothing was planned before, "none of the planned modules is in place" would suggest otherwise.
            "noneNowSatisfied": .from(strings[plannedBefore ? "cmpNoneNowSatisfied" : "cmpNothingPlannedBefore"]),
            "noneStillPlanned": .from(strings[plannedBefore ? "cmpNoneStillPlanned" : "cmpNothingPlannedBefore"]),
            "noneNewlyPlanned": .from(strings[after.modules.contains { $0.status.isSelected } ? "cmpNoneNewlyPlanned" : "cmpNothingPlannedNow"]),
            "nowSatisfied": .from(names(comparison.nowSatisfied)),
            "hasNowSatisfied": .from(!comparison.nowSatisfied.isEmpty),
            "noLongerPlanned": .from(names(comparison.noLongerPlanned)),
            "hasNoLongerPlanned": .from(!comparison.noLongerPlanned.isEmpty),
            "stillPlanned": .from(names(comparison.stillPlanned)),
            "hasStillPlanned": .from(!comparison.stillPlanned.isEmpty),
            "newlyPlanned": .from(names(comparison.newlyPlanned)),
            "hasNewlyPlanned": .from(!comparison.newlyPlanned.isEmpty),
        ]
    }
}
