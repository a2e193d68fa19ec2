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
    let c: ProposalComparison
    let lang: Lang
    let flavor: ProposalViewModel.Flavor
    let f: RenderFormat
    var s: RenderStrings { f.strings }
    var beforeAfter: Bool { c.mode == .beforeAfter }

    init(_ comparison: ProposalComparison, lang: Lang, flavor: ProposalViewModel.Flavor) {
        self.c = comparison
        self.lang = lang
        self.flavor = flavor
        self.f = RenderFormat.of(lang)
    }

    /// User text, made safe for the flavour (Markdown escaping; HTML escaping is Mustache's job).
    func u(_ text: String) -> String { flavor == .markdown ? MarkdownEscape.text(text) : text }

    /// A catalog text in the chosen language, made safe.
    func l(_ text: Localized) -> String { u(text[lang]) }

    func money(_ range: CostRange) -> String { f.money(Proposal.YuanRange(lowYuan: range.low, highYuan: range.high)) }

    func joined(_ items: [String]) -> String { items.joined(separator: s["listSeparator"]) }

    /// Sentences one after another: Chinese needs no space after `。`, English does.
    func sentences(_ items: [String]) -> String { items.joined(separator: lang == .zh ? "" : " ") }

    func moduleName(_ id: String) -> String {
        c.modules.first { $0.moduleID == id }.map { l($0.name) } ?? u(id)
    }

    /// The column headers every matrix repeats.
    func columnHeaders() -> [ViewNode] { c.columns.map { ["label": .v(u($0.label))] } }

    func build() -> ViewNode {
        let sections = sectionHeaders()
        let name = c.sameEnterprise ? c.enterprise : unique(c.columns.map(\.proposal.enterprise.name)).joined(separator: " / ")
        let root: ViewNode = [
            "t": .v(RenderStrings.value(lang)),
            "lang": .v(s["htmlLang"]),
            "title": .v(s.format(beforeAfter ? "cmpBeforeAfterTitleFmt" : "cmpTitleFmt", ["name": u(name)])),
            "isBeforeAfter": .v(beforeAfter),
            "isContractors": .v(!beforeAfter),
            "columns": .v(columnHeaders()),
            "header": .v(header(enterpriseName: u(name))),
            "summary": .v(summary()),
            "modules": .v(modules()),
            "scenes": .v(scenes()),
            "assumptions": .v(assumptions()),
            "sections": .v(MustacheValue.object(sections.map { (key: $0.key, value: $0.node.mustacheValue) })),
            "toc": .v(sections.map { $0.node }),
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
        keys += [("modules", "cmpSecModules"), ("scenes", "cmpSecScenes"), ("assumptions", "cmpSecAssumptions")]
        return keys.enumerated().map { i, pair in
            (pair.0, ["key": .v(pair.0), "id": .v("sec-" + pair.0), "number": .v(String(i + 1)), "title": .v(s[pair.1])])
        }
    }

    func contractorName(_ p: Proposal) -> String {
        p.contractor.name.map(l) ?? s["cmpNotGiven"] + s["openParen"] + s["cmpReferencePrices"] + s["closeParen"]
    }

    /// An example contractor whose name does not already say so gets an "example" mark.
    func needsExampleMark(_ p: Proposal) -> Bool {
        p.contractor.example && !(p.contractor.name?[lang].lowercased().contains(s["exampleLabel"].lowercased()) ?? false)
    }

    func header(enterpriseName: String) -> ViewNode {
        let first = c.columns[0].proposal
        let e = first.enterprise
        var facts: [ViewNode] = [
            ["label": .v(s["industry"]), "value": .v(l(e.industryName))],
            ["label": .v(s["sizeBand"]), "value": .v(joined(unique(c.columns.map { l($0.proposal.enterprise.sizeBandName) })))],
        ]
        if c.sameEnterprise, let code = e.creditCode { facts.append(["label": .v(s["creditCode"]), "value": .v(u(code))]) }
        facts.append(["label": .v(s["cmpMode"]), "value": .v(s[beforeAfter ? "cmpModeBeforeAfter" : "cmpModeContractors"])])
        facts.append(["label": .v(s["cmpProposalCount"]), "value": .v(String(c.columns.count))])
        let proposals: [ViewNode] = c.columns.map { col in
            let p = col.proposal
            return [
                "label": .v(u(col.label)),
                "contractor": .v(contractorName(p)),
                "isExample": .v(needsExampleMark(p)),
                "date": .v(p.date.map(u) ?? s["noDate"]),
                "catalog": .v(u("\(p.catalog.id) \(p.catalog.version)")),
                "answersHash": .v(u(String(p.answersHash.prefix(12)))),
                "source": .v(u(col.source)),
            ]
        }
        return [
            "eyebrow": .v(s[beforeAfter ? "cmpBeforeAfterEyebrow" : "cmpEyebrow"]),
            "docTitle": .v(s[beforeAfter ? "cmpBeforeAfterDocTitle" : "cmpDocTitle"]),
            "enterpriseName": .v(enterpriseName),
            "facts": .v(facts),
            "proposals": .v(proposals),
            "warnings": .v(c.warnings.map { ["text": .v(l($0))] as ViewNode }),
            "hasWarnings": .v(!c.warnings.isEmpty),
            "hasExample": .v(c.columns.contains { $0.proposal.contractor.example }),
            "comparability": .v(comparabilityNode()),
        ]
    }

    /// The verdict at the top of a contractors comparison: the rule, and each proposal that is not comparable
    /// with its reasons (before/after comparisons rank nothing and have no verdict).
    func comparabilityNode() -> ViewNode {
        let incomparable: [ViewNode] = c.columns.indices.filter { !c.comparability[$0].comparable }.map { i in
            ["title": .v(s.format("cmpNotComparableFmt", ["label": u(c.columns[i].label)])),
             "reasons": .v(c.comparability[i].reasons.map { ["text": .v(l($0.text))] as ViewNode }),
             "reasonsText": .v(c.comparability[i].reasons.map { l($0.text) }.joined(separator: s["clauseSeparator"]))]
        }
        let rule = s.format(c.commonTargetStated ? "cmpComparableRuleFmt" : "cmpComparableRuleReachedFmt",
                            ["level": f.level(c.commonTargetLevel)])
        return [
            "show": .v(!beforeAfter),
            "rule": .v(rule),
            "incomparable": .v(incomparable),
            "hasIncomparable": .v(!incomparable.isEmpty),
            "allComparable": .v(incomparable.isEmpty),
            "tooFewRanked": .v(!incomparable.isEmpty && c.rankedColumns.isEmpty),
        ]
    }

    /// The overview rows that say what each proposal aims at and what it gives up: comparability, target,
    /// budget, the modules dropped for the budget and the mandatory scenes left below level 2.
    func settingRows() -> [ViewNode] {
        func row(_ key: String, _ texts: [String], alerts: [Bool]) -> ViewNode {
            ["name": .v(s[key]), "isSetting": .v(true),
             "cells": .v(zip(texts, alerts).map { ["text": .v($0), "isBest": .v(false), "bestLabel": .v(""), "isAlert": .v($1)] as ViewNode })]
        }
        var rows: [ViewNode] = []
        if !beforeAfter {
            rows.append(row("cmpComparableTitle", c.comparability.map { s[$0.comparable ? "cmpComparable" : "cmpNotComparable"] },
                            alerts: c.comparability.map { !$0.comparable }))
        }
        rows.append(row("cmpTarget", c.columns.map(targetText), alerts: c.columns.map { $0.target.map { $0.level != nil && !$0.reached } ?? false }))
        let budgets = c.columns.map { col -> (String, Bool) in
            let p = col.proposal
            guard let budget = p.budgetYuan else { return (s["cmpNoBudget"], false) }
            let text = f.money(budget)
            return p.totals.investment.highYuan > budget ? (s.format("cmpOverBudgetFmt", ["budget": text]), true) : (text, false)
        }
        rows.append(row("cmpBudget", budgets.map(\.0), alerts: budgets.map(\.1)))
        rows.append(row("cmpDropped", c.droppedForBudget.map { ids in ids.isEmpty ? s["cmpNone"] : joined(ids.map(moduleName)) },
                        alerts: c.droppedForBudget.map { !$0.isEmpty }))
        let below = zip(c.columns, c.mandatoryBelowTwo).map { col, ids -> String in
            guard !ids.isEmpty else { return s["cmpNone"] }
            let names = ids.map { id in col.proposal.after.scenes.first { $0.id == id }.map { l($0.name) } ?? u(id) }
            return s["cmpBelowMark"] + " " + joined(names)
        }
        rows.append(row("cmpMandatoryBelow", below, alerts: c.mandatoryBelowTwo.map { !$0.isEmpty }))
        return rows
    }

    func targetText(_ col: ProposalComparison.Column) -> String {
        guard let target = col.target, let level = target.level else {
            return s["cmpTargetNotStated"]
        }
        let source = target.source == "option" ? s["cmpTargetOption"] : s["cmpTargetDefault"]
        let state = s[target.reached ? "cmpTargetReached" : "cmpTargetMissed"]
        return s.format("cmpTargetFmt", ["level": f.level(level), "source": source + s["listSeparator"] + state])
    }

    func summary() -> ViewNode {
        let rows = c.summary
        func cells(_ texts: [String], best: Set<Int> = [], bestLabel: String = "") -> [ViewNode] {
            texts.enumerated().map { i, text in ["text": .v(text), "isBest": .v(best.contains(i)), "bestLabel": .v(bestLabel), "isAlert": .v(false)] }
        }
        func row(_ key: String, _ texts: [String], best: Set<Int> = [], bestLabel: String = "") -> ViewNode {
            ["name": .v(s[key]), "cells": .v(cells(texts, best: best, bestLabel: bestLabel))]
        }
        let perPoint = rows.map { r in
            r.netCostPerPoint.map { range -> String in
                let value = range.low == range.high ? wanOrGrouped(range.low) : "\(wanOrGrouped(range.low))–\(wanOrGrouped(range.high))"
                return s.format("cmpPerPointFmt", ["v": value])
            } ?? s["cmpNoGain"]
        }
        let table: [ViewNode] = [
            row("cmpLevels", rows.map { s.format("cmpArrowFmt", ["a": f.level($0.levelNow), "b": f.level($0.levelAfter)]) },
                best: best(rows.map { $0.levelAfter }, lowerIsBetter: false), bestLabel: s["cmpHighest"]),
            row("cmpPoints", rows.map { s.format("cmpArrowFmt", ["a": f.points($0.pointsNow), "b": f.points($0.pointsAfter)]) },
                best: best(rows.map { Int(($0.pointsAfter * 1000).rounded()) }, lowerIsBetter: false), bestLabel: s["cmpHighest"]),
            row("cmpModuleCount", rows.map {
                s.format("modulesFmt", ["n": String($0.modules), "s": String($0.standardModules), "p": String($0.modules - $0.standardModules)])
            }),
            row("investment", rows.map { money($0.investment) }),
            row("subsidy", rows.map { money($0.subsidy) }),
            row("netCost", rows.map { money($0.netCost) },
                best: best(rows.map { [$0.netCost.high, $0.netCost.low] }, lowerIsBetter: true),
                bestLabel: s["cmpLowest"]),
            row("duration", rows.map { f.duration($0.weeks) }, best: best(rows.map(\.weeks), lowerIsBetter: true), bestLabel: s["cmpShortest"]),
            row("cmpPerPoint", perPoint, best: best(rows.map { $0.netCostPerPoint.map { [$0.high, $0.low] } }, lowerIsBetter: true), bestLabel: s["cmpLowest"]),
        ]
        let figures = table.map { row -> ViewNode in
            row["isSetting"] = false
            return row
        }
        return ["intro": .v(s["cmpSummaryIntro"]), "rows": .v(settingRows() + figures)]
    }

    /// `12.5` (万元) in Chinese, `125,000` (yuan) in English: a figure for a format that carries the unit.
    func wanOrGrouped(_ yuan: Int) -> String { lang == .zh ? Money.wan(yuan) : Money.grouped(yuan) }

    /// The columns holding the best value, in contractors mode and only when the values differ. Values are
    /// compared as keys (`[high, low]` for a range), element by element. A missing value (no point gained) is
    /// never best.
    /// Only comparable columns take part (`rankedColumns`): a proposal that aims lower, misses its target or
    /// exceeds its budget is cheaper or shorter for that reason, not because it is better.
    func best(_ values: [[Int]?], lowerIsBetter: Bool) -> Set<Int> {
        let ranked = c.rankedColumns.sorted()
        guard !beforeAfter, Set(ranked.map { values[$0] ?? [] }).count > 1 else { return [] }
        let present = ranked.compactMap { values[$0] }
        let better: ([Int], [Int]) -> Bool = { a, b in a.lexicographicallyPrecedes(b) }
        guard let target = lowerIsBetter ? present.min(by: better) : present.max(by: better) else { return [] }
        return Set(ranked.filter { values[$0] == target })
    }

    func best(_ values: [Int?], lowerIsBetter: Bool) -> Set<Int> { best(values.map { $0.map { [$0] } }, lowerIsBetter: lowerIsBetter) }
}
