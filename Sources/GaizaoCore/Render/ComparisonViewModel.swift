/// What a comparison template sees: nested dictionaries of pre-formatted strings, booleans and lists, built from
/// a `ProposalComparison` for one language and one output flavour, like `ProposalViewModel` (the same escaping
/// rules: Markdown-escaped texts in the Markdown flavour, raw texts that Mustache escapes in HTML). The keys are
/// documented in templates/README.md.
public struct ComparisonViewModel {
    /// The built model; its root object is handed to the template.
    public let tree: ViewTree

    public init(_ comparison: ProposalComparison, lang: Lang, flavor: ProposalViewModel.Flavor) {
        let builder = ComparisonViewModelBuilder(comparison, lang: lang, flavor: flavor)
        tree = ViewTree.build { builder.build().mustacheValue }
    }
}

/// Builds the comparison view model, one section per method (split over `ComparisonViewModel+*.swift`).
struct ComparisonViewModelBuilder {
    let comparison: ProposalComparison
    let lang: Lang
    let flavor: ProposalViewModel.Flavor
    let format: RenderFormat
    var strings: RenderStrings { format.strings }
    var beforeAfter: Bool { comparison.mode == .beforeAfter }

    init(_ comparison: ProposalComparison, lang: Lang, flavor: ProposalViewModel.Flavor) {
        self.comparison = comparison
        self.lang = lang
        self.flavor = flavor
        self.format = RenderFormat.of(lang)
    }

    /// User text, made safe for the flavour (Markdown escaping; HTML escaping is Mustache's job).
    func safe(_ text: String) -> String { flavor == .markdown ? MarkdownEscape.text(text) : text }

    /// A catalog text in the chosen language, made safe.
    func localized(_ text: Localized) -> String { safe(text[lang]) }

    func money(_ range: CostRange) -> String { format.money(Proposal.YuanRange(lowYuan: range.low, highYuan: range.high)) }

    func joined(_ items: [String]) -> String { items.joined(separator: strings["listSeparator"]) }

    /// The first `shown` items, then how many there are in all (`甲、乙 等 5 项` / `A, B and 3 more`); all of
    /// them when there are no more than `shown`.
    func shortList(_ items: [String], shown: Int) -> String {
        guard items.count > shown else { return joined(items) }
        return strings.format("cmpListMoreFmt", ["list": joined(Array(items.prefix(shown))), "n": String(items.count),
                                                 "more": String(items.count - shown)])
    }

    /// Sentences one after another: Chinese needs no space after `。`, English does.
    func sentences(_ items: [String]) -> String { items.joined(separator: lang == .zh ? "" : " ") }

    func moduleName(_ id: String) -> String {
        comparison.modules.first { $0.moduleID == id }.map { localized($0.name) } ?? safe(id)
    }

    func measureName(_ id: String) -> String {
        comparison.measures.first { $0.measureID == id }.map { localized($0.name) } ?? safe(id)
    }

    /// The column headers every matrix repeats.
    func columnHeaders() -> [ViewNode] { comparison.columns.map { ["label": .from(safe($0.label))] } }

    func build() -> ViewNode {
        let sections = sectionHeaders()
        let name = comparison.sameEnterprise ? comparison.enterprise : comparison.enterpriseNames.joined(separator: " / ")
        var root: ViewNode = [
            "t": .from(RenderStrings.value(lang)),
            "lang": .from(strings["htmlLang"]),
            "title": .from(strings.format(beforeAfter ? "cmpBeforeAfterTitleFmt" : "cmpTitleFmt", ["name": safe(name)])),
            "isBeforeAfter": .from(beforeAfter),
            "isContractors": .from(!beforeAfter),
            "columns": .from(columnHeaders()),
            "header": .from(header(enterpriseName: safe(name))),
            "summary": .from(summary()),
            "modules": .from(modules()),
            "measures": .from(measures()),
            "scenes": .from(scenes()),
            "assumptions": .from(assumptions()),
            "sections": .from(MustacheValue.object(sections.map { (key: $0.key, value: $0.node.mustacheValue) })),
            "toc": .from(sections.map { $0.node }),
        ]
        if beforeAfter { root["progress"] = progress().mustacheValue }
        return root
    }

    func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    /// Section ids, numbers and titles in reading order; before/after adds the progress section second.
    func sectionHeaders() -> [(key: String, node: ViewNode)] {
        var keys = [("summary", "cmpSecSummary")]
        if beforeAfter { keys.append(("progress", "cmpSecProgress")) }
        keys += [("modules", "cmpSecModules"), ("measures", "cmpSecMeasures"), ("scenes", "cmpSecScenes"), ("assumptions", "cmpSecAssumptions")]
        return keys.enumerated().map { i, pair in
            (pair.0, ["key": .from(pair.0), "id": .from("sec-" + pair.0), "number": .from(String(i + 1)), "title": .from(strings[pair.1])])
        }
    }

    func contractorName(_ p: Proposal) -> String {
        p.contractor.name.map(localized) ?? strings["cmpNotGiven"] + strings["openParen"] + strings["cmpReferencePrices"] + strings["closeParen"]
    }

    /// An example contractor whose name does not already say so gets an "example" mark.
    func needsExampleMark(_ p: Proposal) -> Bool {
        p.contractor.example && !(p.contractor.name?[lang].lowercased().contains(strings["exampleLabel"].lowercased()) ?? false)
    }

    func header(enterpriseName: String) -> ViewNode {
        let first = comparison.columns[0].proposal
        let e = first.enterprise
        var facts: [ViewNode] = [["label": .from(strings["industry"]), "value": .from(localized(e.industryName))]]
        if comparison.sameEnterprise {
            facts.append(["label": .from(strings["sizeBand"]), "value": .from(joined(unique(comparison.columns.map { localized($0.proposal.enterprise.sizeBandName) })))])
            // The code as any proposal gives it: the first may be one that leaves it out (warned).
            if let code = comparison.columns.lazy.compactMap({ $0.proposal.enterprise.creditCode }).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                facts.append(["label": .from(strings["creditCode"]), "value": .from(safe(code))])
            }
        } else {
            facts += enterpriseFacts()
        }
        facts.append(["label": .from(strings["cmpMode"]), "value": .from(modeText())])
        facts.append(["label": .from(strings["cmpProposalCount"]), "value": .from(String(comparison.columns.count))])
        let proposals: [ViewNode] = comparison.columns.map { col in
            let p = col.proposal
            return [
                "label": .from(safe(col.label)),
                "contractor": .from(contractorName(p)),
                "isExample": .from(needsExampleMark(p)),
                "date": .from(p.date.map(safe) ?? strings["noDate"]),
                "catalog": .from(catalogText(p)),
                "answersHash": .from(safe(String(p.answersHash.prefix(12)))),
                "source": .from(safe(col.source)),
            ]
        }
        let eyebrow = beforeAfter ? "cmpBeforeAfterEyebrow" : (comparison.sameEnterprise ? "cmpEyebrow" : "cmpDifferentEyebrow")
        return [
            "eyebrow": .from(strings[eyebrow]),
            "docTitle": .from(strings[beforeAfter ? "cmpBeforeAfterDocTitle" : "cmpDocTitle"]),
            "enterpriseName": .from(enterpriseName),
            "facts": .from(facts),
            "proposals": .from(proposals),
            "warnings": .from(comparison.warnings.map { ["text": .from(localized($0))] as ViewNode }),
            "hasWarnings": .from(!comparison.warnings.isEmpty),
            "hasExample": .from(comparison.columns.contains { $0.proposal.contractor.example }),
            "comparability": .from(comparabilityNode()),
        ]
    }

    /// The catalog a proposal rests on: its id and version, and the start of its content hash when the proposals'
    /// hashes differ (the same version edited in place is another catalog), so each column names its own.
    func catalogText(_ p: Proposal) -> String {
        let hashesDiffer = Set(comparison.columns.map(\.proposal.catalog.hash)).count > 1
        return safe("\(p.catalog.id) \(p.catalog.version)" + (hashesDiffer ? " #" + String(p.catalog.hash.prefix(12)) : ""))
    }

    /// What is compared: before and after, different enterprises, several contractors' rival offers, or options
    /// (one pricing with different targets or budgets, reference prices beside a contractor), naming what differs.
    func modeText() -> String {
        if beforeAfter { return strings["cmpModeBeforeAfter"] }
        if !comparison.sameEnterprise { return strings["cmpModeDifferent"] }
        if comparison.severalContractors { return strings["cmpModeContractors"] }
        let keys = ["pricing": "cmpDiffersPricing", "catalog": "cmpDiffersCatalog", "answers": "cmpDiffersAnswers",
                    "target": "cmpDiffersTarget", "budget": "cmpDiffersBudget"]
        let what = comparison.differsIn.compactMap { keys[$0].map { strings[$0] } }
        return what.isEmpty ? strings["cmpModeOptionsSame"] : strings.format("cmpModeOptionsFmt", ["what": what.joined(separator: strings["cmpDiffersSeparator"])])
    }

    /// Proposals of different enterprises (`--allow-different`): one fact per enterprise, in column order, with
    /// its size band, its credit code and the proposals made for it, so nothing reads as if it were one enterprise.
    func enterpriseFacts() -> [ViewNode] {
        var order: [String] = []
        var columnsOf: [String: [Int]] = [:]
        let identities = ProposalComparator.identities(comparison.columns.map(\.proposal))
        for (i, id) in identities.enumerated() {
            if columnsOf[id] == nil { order.append(id) }
            columnsOf[id, default: []].append(i)
        }
        return order.enumerated().map { n, id in
            let indices = columnsOf[id] ?? []
            let e = comparison.columns[indices[0]].proposal.enterprise
            let labels = joined(indices.map { safe(comparison.columns[$0].label) })
            let code = e.creditCode?.trimmingCharacters(in: .whitespaces) ?? ""
            let value = strings.format(code.isEmpty ? "cmpEnterpriseFactFmt" : "cmpEnterpriseFactCodeFmt",
                                       ["name": safe(e.name), "size": localized(e.sizeBandName), "code": safe(code), "labels": labels])
            return ["label": .from(strings.format("cmpEnterpriseNFmt", ["n": String(n + 1)])), "value": .from(value)]
        }
    }

    /// The verdict at the top of a contractors comparison: the rule, and each proposal that is not comparable
    /// with its reasons (before/after comparisons rank nothing and have no verdict).
    func comparabilityNode() -> ViewNode {
        let incomparable: [ViewNode] = comparison.columns.indices.filter { !comparison.comparability[$0].comparable }.map { i in
            ["title": .from(strings.format("cmpNotComparableFmt", ["label": safe(comparison.columns[i].label)])),
             "reasons": .from(comparison.comparability[i].reasons.map { ["text": .from(localized($0.text))] as ViewNode }),
             "reasonsText": .from(comparison.comparability[i].reasons.map { localized($0.text) }.joined(separator: strings["clauseSeparator"]))]
        }
        // No stated target: all rules-only packages (they have none), or some state nothing (older proposals).
        let ruleKey = comparison.commonTargetStated ? "cmpComparableRuleFmt"
            : comparison.columns.allSatisfy { $0.target?.isNone == true } ? "cmpComparableRuleNoTargetFmt" : "cmpComparableRuleReachedFmt"
        let rule = strings.format(ruleKey, ["level": format.levelInText(comparison.commonTargetLevel)])
        return [
            "show": .from(!beforeAfter),
            "rule": .from(rule),
            "incomparable": .from(incomparable),
            "hasIncomparable": .from(!incomparable.isEmpty),
            "allComparable": .from(incomparable.isEmpty),
            "tooFewRanked": .from(!incomparable.isEmpty && comparison.rankedColumns.isEmpty),
        ]
    }

    /// The overview rows that say what each proposal aims at and what it gives up: comparability, target,
    /// budget, the modules dropped for the budget and the mandatory scenes left below level 2.
    func settingRows() -> [ViewNode] {
        func row(_ key: String, _ texts: [String], alerts: [Bool]) -> ViewNode {
            ["name": .from(strings[key]), "isSetting": .from(true),
             "cells": .from(zip(texts, alerts).map { ["text": .from($0), "isBest": .from(false), "bestLabel": .from(""), "isAlert": .from($1)] as ViewNode })]
        }
        var rows: [ViewNode] = []
        if !beforeAfter {
            rows.append(row("cmpComparableTitle", comparison.comparability.map { strings[$0.comparable ? "cmpComparable" : "cmpNotComparable"] },
                            alerts: comparison.comparability.map { !$0.comparable }))
        }
        // Reference prices beside a contractor's, or several contractors: which pricing each column rests on.
        if comparison.settings.overlays {
            rows.append(row("cmpPricing", comparison.columns.map { contractorName($0.proposal) }, alerts: comparison.columns.map { _ in false }))
        }
        rows.append(row("cmpTarget", comparison.columns.map(targetText), alerts: comparison.columns.map { $0.target.map { $0.level != nil && !$0.reached } ?? false }))
        let budgets = comparison.columns.map { col -> (String, Bool) in
            let p = col.proposal
            guard let budget = p.budgetYuan else { return (strings["cmpNoBudget"], false) }
            let text = format.money(budget)
            return p.totals.investment.highYuan > budget ? (strings.format("cmpOverBudgetFmt", ["budget": text]), true) : (text, false)
        }
        rows.append(row("cmpBudget", budgets.map(\.0), alerts: budgets.map(\.1)))
        rows.append(row("cmpDropped", comparison.droppedForBudget.map { ids in ids.isEmpty ? strings["cmpNone"] : joined(ids.map(moduleName)) },
                        alerts: comparison.droppedForBudget.map { !$0.isEmpty }))
        // Measures are part of every investment: those the budget cut are listed beside the modules (a row of its
        // own, shown when some proposal dropped one).
        let droppedMeasures = comparison.measuresDroppedForBudget
        if droppedMeasures.contains(where: { !$0.isEmpty }) {
            rows.append(row("cmpDroppedMeasures", droppedMeasures.map { ids in ids.isEmpty ? strings["cmpNone"] : joined(ids.map(measureName)) },
                            alerts: droppedMeasures.map { !$0.isEmpty }))
        }
        let below = zip(comparison.columns, comparison.mandatoryBelowTwo).map { col, ids -> String in
            guard !ids.isEmpty else { return strings["cmpNone"] }
            let names = ids.map { id in col.proposal.after.scenes.first { $0.id == id }.map { localized($0.name) } ?? safe(id) }
            return strings["cmpBelowMark"] + " " + joined(names)
        }
        rows.append(row("cmpMandatoryBelow", below, alerts: comparison.mandatoryBelowTwo.map { !$0.isEmpty }))
        // One module id, different products: the scope bought may differ, so a lower price may buy less.
        let scope = comparison.productsDiffer
        if scope.contains(where: { !$0.isEmpty }) {
            // A few module names and how many in all: the products themselves are under the offers that differ.
            rows.append(row("cmpProductsDiffer", scope.map { ids in ids.isEmpty ? strings["cmpNone"] : strings["cmpBelowMark"] + " " + shortList(ids.map(moduleName), shown: 3) },
                            alerts: scope.map { !$0.isEmpty }))
        }
        return rows
    }

    func targetText(_ col: ProposalComparison.Column) -> String {
        guard let target = col.target, let level = target.level else {
            return strings[col.target?.isNone == true ? "cmpTargetNone" : "cmpTargetNotStated"]
        }
        let source = target.source == "option" ? strings["cmpTargetOption"] : strings["cmpTargetDefault"]
        let state = strings[target.reached ? "cmpTargetReached" : "cmpTargetMissed"]
        return strings.format("cmpTargetFmt", ["level": format.level(level), "source": source + strings["listSeparator"] + state])
    }

    func summary() -> ViewNode {
        let rows = comparison.summary
        // A "lowest" or "shortest" won with modules whose products differ from another proposal's says so beside
        // the badge: the lower figure may buy a different scope.
        let scopeDiffers = comparison.columns.indices.map { $0 < comparison.productsDiffer.count && !comparison.productsDiffer[$0].isEmpty }
        func cells(_ texts: [String], best: Set<Int> = [], bestLabel: String = "") -> [ViewNode] {
            texts.enumerated().map { i, text in
                let label = scopeDiffers[i] ? strings.format("cmpBestScopeFmt", ["label": bestLabel]) : bestLabel
                return ["text": .from(text), "isBest": .from(best.contains(i)), "bestLabel": .from(label), "isAlert": .from(false)]
            }
        }
        func row(_ key: String, _ texts: [String], best: Set<Int> = [], bestLabel: String = "") -> ViewNode {
            ["name": .from(strings[key]), "cells": .from(cells(texts, best: best, bestLabel: bestLabel))]
        }
        // A "lowest" won on net cost goes to no offer that is dearer over three years (`netCostBadgeAllowed`).
        func netCostBest(_ values: [[Int]?]) -> Set<Int> { best(values, lowerIsBetter: true).filter(comparison.netCostBadgeAllowed) }
        let perPoint = rows.map { r in
            r.netCostPerPoint.map { range -> String in
                let value = range.low == range.high ? wanOrGrouped(range.low) : "\(wanOrGrouped(range.low))–\(wanOrGrouped(range.high))"
                return strings.format("cmpPerPointFmt", ["v": value])
            } ?? strings["cmpNoGain"]
        }
        let perLevel = rows.map { r in
            r.netCostPerLevel.map { range -> String in
                let value = range.low == range.high ? wanOrGrouped(range.low) : "\(wanOrGrouped(range.low))–\(wanOrGrouped(range.high))"
                return strings.format("cmpPerLevelFmt", ["v": value])
            } ?? strings["cmpNoLevelGain"]
        }
        let table: [ViewNode] = [
            row("cmpLevels", rows.map { strings.format("cmpArrowFmt", ["a": format.level($0.levelNow), "b": format.level($0.levelAfter)]) },
                best: best(rows.map { $0.levelAfter }, lowerIsBetter: false), bestLabel: strings["cmpHighest"]),
            row("cmpPoints", rows.map { strings.format("cmpArrowFmt", ["a": format.points($0.pointsNow), "b": format.points($0.pointsAfter)]) },
                best: best(rows.map { Int(($0.pointsAfter * 1000).rounded()) }, lowerIsBetter: false), bestLabel: strings["cmpHighest"]),
            row("cmpModuleCount", rows.map {
                $0.modules == 0 ? strings["cmpNoModules"]
                    : strings.format("modulesFmt", ["n": String($0.modules), "s": String($0.standardModules), "p": String($0.modules - $0.standardModules)])
            }),
            row("cmpMeasureCount", rows.map { r in
                r.measures == 0 ? strings["cmpNone"] : strings.format("cmpMeasuresFmt", ["n": String(r.measures), "cost": money(r.measureCost)])
            }),
            row("investment", rows.map { r in
                r.measures == 0 ? money(r.investment)
                    : strings.format("cmpInvestmentPartsFmt", ["total": money(r.investment), "modules": money(r.moduleCost), "measures": money(r.measureCost)])
            }),
            row("subsidy", rows.map(subsidyText)),
            // When the yearly fees differ, an offer cheaper to build may be dearer to own: "lowest" goes by the
            // three-year cost of ownership (`rankByThreeYearCost`).
            row("netCost", rows.map { money($0.netCost) }, best: netCostBest(rows.map { [$0.netCost.high, $0.netCost.low] }),
                bestLabel: strings["cmpLowest"]),
            row("yearlyFees", rows.map { $0.yearlyFees.map(money) ?? strings["cmpFeesNotStated"] }),
            row("cmpThreeYearCost", rows.map { $0.threeYearCost.map(money) ?? strings["cmpThreeYearNone"] },
                best: comparison.threeYearCostRanked ? best(rows.map { $0.threeYearCost.map { [$0.high, $0.low] } }, lowerIsBetter: true) : [],
                bestLabel: strings["cmpLowest"]),
            row("duration", rows.map { format.duration($0.weeks) }, best: best(rows.map(\.weeks), lowerIsBetter: true), bestLabel: strings["cmpShortest"]),
            // Ranked per level, not per point: points beyond a level's threshold do not change the level, and a
            // package that buys more of them would win "lowest per point" while costing more.
            row("cmpPerLevel", perLevel, best: netCostBest(rows.map { $0.netCostPerLevel.map { [$0.high, $0.low] } }), bestLabel: strings["cmpLowest"]),
            row("cmpPerPoint", perPoint),
        ]
        let figures = table.map { row -> ViewNode in
            var row = row
            row["isSetting"] = false
            return row
        }
        let note = rankNote()
        return ["intro": .from(strings["cmpSummaryIntro"]), "rows": .from(settingRows() + figures),
                "rankNote": .from(note), "hasRankNote": .from(!note.isEmpty)]
    }

    /// What "lowest" is awarded on, when the yearly fees make it other than it seems: on the three-year cost of
    /// ownership (the fees differ), naming the offers cheaper to build but dearer to own; or on the net cost alone
    /// (some proposal states no fees). Empty otherwise, and when nothing is ranked.
    func rankNote() -> String {
        guard !beforeAfter, !comparison.rankedColumns.isEmpty else { return "" }
        if comparison.rankByThreeYearCost {
            let withheld = comparison.netCostBadgesWithheld
            guard !withheld.isEmpty else { return strings["cmpRankThreeYear"] }
            return strings.format("cmpRankThreeYearWithheldFmt", ["labels": joined(withheld.map { safe(comparison.columns[$0].label) }),
                                                                  "n": String(withheld.count)])
        }
        let unstated = comparison.rankedColumns.sorted().filter { comparison.summary[$0].yearlyFees == nil }
        guard !unstated.isEmpty else { return "" }
        return strings.format("cmpRankFeesUnstatedFmt", ["labels": joined(unstated.map { safe(comparison.columns[$0].label) }),
                                                         "n": String(unstated.count)])
    }

    /// The qualified subsidy (what the net cost deducts), with the conditional and one-off amounts beside it as
    /// the proposals show them, so a proposal whose subsidy is all pending does not read as having none.
    func subsidyText(_ r: ProposalComparison.SummaryRow) -> String {
        var extras: [String] = []
        if r.subsidyConditional.high > 0 { extras.append(strings.format("cmpSubsidyPendingFmt", ["amount": money(r.subsidyConditional)])) }
        if r.subsidyOneOff.high > 0 { extras.append(strings.format("cmpSubsidyOneOffFmt", ["amount": money(r.subsidyOneOff)])) }
        guard !extras.isEmpty else { return money(r.subsidy) }
        return strings.format("cmpSubsidyExtrasFmt", ["certain": money(r.subsidy), "extras": extras.joined(separator: strings["clauseSeparator"])])
    }

    /// `12.5` (万元) in Chinese, `125,000` (yuan) in English: a figure for a format that carries the unit.
    func wanOrGrouped(_ yuan: Int) -> String { lang == .zh ? Money.wan(yuan) : Money.grouped(yuan) }

    /// The columns holding the best value, in contractors mode and only when the values differ. Values are
    /// compared as keys (`[high, low]` for a range), element by element. A missing value (no point gained) is
    /// never best.
    /// Only comparable columns take part (`rankedColumns`): a proposal that aims lower, misses its target or
    /// exceeds its budget is cheaper or shorter for that reason, not because it is better.
    func best(_ values: [[Int]?], lowerIsBetter: Bool) -> Set<Int> {
        let ranked = comparison.rankedColumns.sorted()
        guard !beforeAfter, Set(ranked.map { values[$0] ?? [] }).count > 1 else { return [] }
        let present = ranked.compactMap { values[$0] }
        let better: ([Int], [Int]) -> Bool = { a, b in a.lexicographicallyPrecedes(b) }
        guard let target = lowerIsBetter ? present.min(by: better) : present.max(by: better) else { return [] }
        return Set(ranked.filter { values[$0] == target })
    }

    func best(_ values: [Int?], lowerIsBetter: Bool) -> Set<Int> { best(values.map { $0.map { [$0] } }, lowerIsBetter: lowerIsBetter) }
}
