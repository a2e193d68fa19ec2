/// The module matrix (one row per module, one cell per proposal, with each cell's reasons) and the scene matrix.
extension ComparisonViewModelBuilder {
    func statusLabel(_ status: ModuleDecision.Status) -> String {
        switch status {
        case .include: return s["statusInclude"]
        case .upgrade: return s["statusUpgrade"]
        case .satisfied: return s["statusSatisfied"]
        case .notChosen: return s["statusNotChosen"]
        case .excluded: return s["statusExcluded"]
        }
    }

    func reasonText(_ r: Proposal.ReasonEntry) -> String {
        l(r.text) + (r.rule.map { s["openParen"] + s.format("ruleFmt", ["rule": u($0)]) + s["closeParen"] } ?? "")
    }

    func modules() -> ViewNode {
        // Markdown has no <details>: a cell points to a numbered note with its reasons. Cells with the same
        // reasons share a note, so proposals that agree do not repeat them.
        var footnoteIDs: [String: String] = [:]
        var footnotes: [ViewNode] = []
        let rows: [ViewNode] = c.modules.map { row in
            let cells: [ViewNode] = row.cells.map { cell in
                guard let cell else {
                    return ["isMissing": true, "statusLabel": s["cmpNotInCatalog"], "statusClass": "missing", "hasCost": false,
                            "cost": "", "duration": "", "reasons": [ViewNode](), "hasReasons": false, "hasDetails": false, "products": "",
                            "hasProducts": false, "footnote": "", "hasFootnote": false]
                }
                let reasonLines = cell.reasons.map(reasonText)
                var footnote = ""
                if !reasonLines.isEmpty {
                    let text = Clauses.join(reasonLines, separator: s["clauseSeparator"])
                    let key = row.moduleID + "\u{0}" + text
                    if let id = footnoteIDs[key] {
                        footnote = id
                    } else {
                        footnote = "r\(footnotes.count + 1)"
                        footnoteIDs[key] = footnote
                        footnotes.append(["id": footnote, "module": l(row.name), "text": text])
                    }
                }
                let selected = cell.status.isSelected
                let products = cell.products.map(l)
                return [
                    "isMissing": false,
                    "statusLabel": statusLabel(cell.status),
                    "statusClass": cell.status.rawValue,
                    "hasCost": selected,
                    "cost": selected ? money(cell.cost) : "",
                    "duration": selected ? f.duration(cell.weeks) : "",
                    "reasons": cell.reasons.map { r -> ViewNode in
                        ["text": l(r.text), "rule": r.rule.map { s.format("ruleFmt", ["rule": u($0)]) } ?? "", "hasRule": r.rule != nil]
                    },
                    "hasReasons": !cell.reasons.isEmpty,
                    "hasDetails": !cell.reasons.isEmpty || (selected && !products.isEmpty),
                    "products": joined(products),
                    "hasProducts": selected && !products.isEmpty,
                    "footnote": footnote,
                    "hasFootnote": !footnote.isEmpty,
                ]
            }
            return [
                "name": l(row.name),
                "kindLabel": row.kind == "standard" ? s["kindStandard"] : s["kindPersonalized"],
                "differs": row.differs,
                "cells": cells,
            ]
        }
        let differing = c.modules.filter(\.differs).count
        var intro = [differing > 0
            ? s.format("cmpModulesIntroFmt", ["n": String(c.modules.count), "d": String(differing)])
            : s.format("cmpModulesSame", ["n": String(c.modules.count)])]
        if differing > 0 { intro.append(s["cmpDiffersNote"]) }
        let reasonsNote = s[flavor == .markdown ? "cmpReasonsNote" : "cmpReasonsDetailsNote"]
        return ["intro": sentences(intro), "reasonsNote": sentences(["", reasonsNote]), "rows": rows, "footnotes": footnotes, "hasFootnotes": !footnotes.isEmpty]
    }

    func scenes() -> ViewNode {
        // Proposals on the same answers share today's levels: one "now" column then says it once.
        let sharedNow = !beforeAfter && c.scenes.allSatisfy { Set($0.now).count == 1 }
        let groups = Dictionary((c.columns[0].proposal.sceneGroups ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows: [ViewNode] = c.scenes.map { row in
            let cells: [ViewNode] = row.after.indices.map { i in
                let now = row.now[i], after = row.after[i]
                let text = sharedNow ? f.sceneLevel(after) : s.format("cmpArrowFmt", ["a": f.sceneLevel(now), "b": f.sceneLevel(after)])
                return ["text": text, "isBelow": row.mandatoryBelowTwo[i], "isRaised": after > now]
            }
            return [
                "name": l(row.name),
                "area": groups[row.group].map(l) ?? u(row.group),
                "mandatory": row.mandatory,
                "differs": row.differs,
                "now": f.sceneLevel(row.now.first ?? 0),
                "cells": cells,
            ]
        }
        let totals: [ViewNode] = c.columns.indices.map { i in
            let atTwo = c.scenes.filter { $0.after[i] >= 2 }
            return ["text": s.format("cmpCountOfFmt", ["n": String(atTwo.count), "m": String(atTwo.filter(\.mandatory).count)])]
        }
        return [
            "intro": s[beforeAfter ? "cmpBeforeAfterScenesIntro" : "cmpScenesIntro"],
            "hasSharedNow": sharedNow,
            "rows": rows,
            "totals": totals,
            "hasBelow": c.scenes.contains { $0.mandatoryBelowTwo.contains(true) },
        ]
    }
}
