/// The module matrix (one row per module, one cell per proposal, with each cell's reasons) and the scene matrix.
extension ComparisonViewModelBuilder {
    func statusLabel(_ status: ModuleDecision.Status) -> String { strings.status(status) }

    func reasonText(_ r: Proposal.ReasonEntry) -> String {
        let text = localized(r.text)
        guard let rule = r.rule.map({ strings["openParen"] + strings.format("ruleFmt", ["rule": safe($0)]) + strings["closeParen"] }) else { return text }
        // English puts the note inside its sentence: "…is made (rule x).", not "…is made. (rule x)".
        if lang == .en, text.hasSuffix(".") { return text.dropLast() + rule + "." }
        return text + rule
    }

    func modules() -> ViewNode {
        // Markdown has no <details>: a cell points to a numbered note with its reasons. Cells with the same
        // reasons share a note, so proposals that agree do not repeat them.
        var footnoteIDs: [String: String] = [:]
        var footnotes: [ViewNode] = []
        let rows: [ViewNode] = comparison.modules.map { row in
            let cells: [ViewNode] = row.cells.map { cell in
                guard let cell else {
                    return ["isMissing": true, "statusLabel": .from(strings["cmpNotInCatalog"]), "statusClass": "missing", "hasCost": false,
                            "cost": "", "duration": "", "reasons": .list([]), "hasReasons": false, "hasDetails": false, "products": "",
                            "hasProducts": false, "footnote": "", "hasFootnote": false]
                }
                let reasonLines = cell.reasons.map(reasonText)
                var footnote = ""
                if !reasonLines.isEmpty {
                    let text = Clauses.joinSentences(reasonLines, separator: strings["clauseSeparator"])
                    let key = row.moduleID + "\u{0}" + text
                    if let id = footnoteIDs[key] {
                        footnote = id
                    } else {
                        footnote = "r\(footnotes.count + 1)"
                        footnoteIDs[key] = footnote
                        footnotes.append(["id": .from(footnote), "module": .from(localized(row.name)), "text": .from(text)])
                    }
                }
                let selected = cell.status.isSelected
                let products = cell.products.map(localized)
                return [
                    "isMissing": false,
                    "statusLabel": .from(statusLabel(cell.status)),
                    "statusClass": .from(cell.status.rawValue),
                    "hasCost": .from(selected),
                    "cost": .from(selected ? money(cell.cost) : ""),
                    "duration": .from(selected ? format.duration(cell.weeks) : ""),
                    "reasons": .from(cell.reasons.map { r -> ViewNode in
                        ["text": .from(localized(r.text)), "rule": .from(r.rule.map { strings.format("ruleFmt", ["rule": safe($0)]) } ?? ""), "hasRule": .from(r.rule != nil)]
                    }),
                    "hasReasons": .from(!cell.reasons.isEmpty),
                    "hasDetails": .from(!cell.reasons.isEmpty || (selected && !products.isEmpty)),
                    "products": .from(joined(products)),
                    "hasProducts": .from(selected && !products.isEmpty),
                    "footnote": .from(footnote),
                    "hasFootnote": .from(!footnote.isEmpty),
                ]
            }
            return [
                "name": .from(localized(row.name)),
                "kindLabel": .from(row.kind == "standard" ? strings["kindStandard"] : strings["kindPersonalized"]),
                "differs": .from(row.differs),
                "cells": .from(cells),
            ]
        }
        let differing = comparison.modules.filter(\.differs).count
        var intro = [differing > 0
            ? strings.format("cmpModulesIntroFmt", ["n": String(comparison.modules.count), "d": String(differing)])
            : strings.format("cmpModulesSame", ["n": String(comparison.modules.count)])]
        if differing > 0 { intro.append(strings["cmpDiffersNote"]) }
        let reasonsNote = strings[flavor == .markdown ? "cmpReasonsNote" : "cmpReasonsDetailsNote"]
        return ["intro": .from(sentences(intro)), "reasonsNote": .from(sentences(["", reasonsNote])), "rows": .from(rows),
                "footnotes": .from(footnotes), "hasFootnotes": .from(!footnotes.isEmpty)]
    }

    /// The management measures, one row each: in the package or not, and the cost there. Measures are the
    /// enterprise's own work, part of every investment (not of the subsidy base).
    func measures() -> ViewNode {
        let rows: [ViewNode] = comparison.measures.map { row in
            let cells: [ViewNode] = row.cells.map { cell in
                guard let cell else {
                    return ["isMissing": true, "statusLabel": .from(strings["cmpMeasureNotListed"]), "statusClass": "missing", "hasCost": false,
                            "cost": "", "duration": ""]
                }
                let included = cell.status == .include
                return [
                    "isMissing": false,
                    "statusLabel": .from(strings[included ? "cmpMeasureIncluded" : cell.status == .satisfied ? "statusSatisfied" : "statusNotChosen"]),
                    "statusClass": .from(cell.status.rawValue),
                    "hasCost": .from(included),
                    "cost": .from(included ? money(cell.cost) : ""),
                    "duration": .from(included ? format.duration(cell.weeks) : ""),
                ]
            }
            return ["name": .from(localized(row.name)), "differs": .from(row.differs), "cells": .from(cells)]
        }
        let differing = comparison.measures.filter(\.differs).count
        let intro = comparison.measures.isEmpty ? strings["cmpMeasuresNone"]
            : differing > 0 ? strings.format("cmpMeasuresIntroFmt", ["n": String(comparison.measures.count), "d": String(differing)])
            : strings.format("cmpMeasuresSameFmt", ["n": String(comparison.measures.count)])
        return ["intro": .from(intro), "rows": .from(rows), "hasRows": .from(!rows.isEmpty)]
    }

    func scenes() -> ViewNode {
        // Proposals on the same answers share today's levels: one "now" column then says it once.
        let sharedNow = !beforeAfter && comparison.scenes.allSatisfy { Set($0.now).count == 1 }
        let groups = Dictionary((comparison.columns[0].proposal.sceneGroups ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows: [ViewNode] = comparison.scenes.map { row in
            let cells: [ViewNode] = row.after.indices.map { i in
                let now = row.now[i], after = row.after[i]
                let text = sharedNow ? format.sceneLevel(after) : strings.format("cmpArrowFmt", ["a": format.sceneLevel(now), "b": format.sceneLevel(after)])
                return ["text": .from(text), "isBelow": .from(row.mandatoryBelowTwo[i]), "isRaised": .from(after > now)]
            }
            return [
                "name": .from(localized(row.name)),
                "area": .from(groups[row.group].map(localized) ?? safe(row.group)),
                "mandatory": .from(row.mandatory),
                "differs": .from(row.differs),
                "now": .from(format.sceneLevel(row.now.first ?? 0)),
                "cells": .from(cells),
            ]
        }
        let totals: [ViewNode] = comparison.columns.indices.map { i in
            let atTwo = comparison.scenes.filter { $0.after[i] >= 2 }
            return ["text": .from(strings.format("cmpCountOfFmt", ["n": String(atTwo.count), "m": String(atTwo.filter(\.mandatory).count)]))]
        }
        return [
            "intro": .from(strings[beforeAfter ? "cmpBeforeAfterScenesIntro" : "cmpScenesIntro"]),
            "hasSharedNow": .from(sharedNow),
            "rows": .from(rows),
            "totals": .from(totals),
            "hasBelow": .from(comparison.scenes.contains { $0.mandatoryBelowTwo.contains(true) }),
        ]
    }
}
