/// The module matrix (one row per module, one cell per proposal, with each cell's reasons) and the scene matrix.
extension ComparisonViewModelBuilder {
    func statusLabel(_ status: ModuleDecision.Status) -> String { s.status(status) }

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
                    return ["isMissing": true, "statusLabel": .v(s["cmpNotInCatalog"]), "statusClass": "missing", "hasCost": false,
                            "cost": "", "duration": "", "reasons": .list([]), "hasReasons": false, "hasDetails": false, "products": "",
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
                        footnotes.append(["id": .v(footnote), "module": .v(l(row.name)), "text": .v(text)])
                    }
                }
                let selected = cell.status.isSelected
                let products = cell.products.map(l)
                return [
                    "isMissing": false,
                    "statusLabel": .v(statusLabel(cell.status)),
                    "statusClass": .v(cell.status.rawValue),
                    "hasCost": .v(selected),
                    "cost": .v(selected ? money(cell.cost) : ""),
                    "duration": .v(selected ? f.duration(cell.weeks) : ""),
                    "reasons": .v(cell.reasons.map { r -> ViewNode in
                        ["text": .v(l(r.text)), "rule": .v(r.rule.map { s.format("ruleFmt", ["rule": u($0)]) } ?? ""), "hasRule": .v(r.rule != nil)]
                    }),
                    "hasReasons": .v(!cell.reasons.isEmpty),
                    "hasDetails": .v(!cell.reasons.isEmpty || (selected && !products.isEmpty)),
                    "products": .v(joined(products)),
                    "hasProducts": .v(selected && !products.isEmpty),
                    "footnote": .v(footnote),
                    "hasFootnote": .v(!footnote.isEmpty),
                ]
            }
            return [
                "name": .v(l(row.name)),
                "kindLabel": .v(row.kind == "standard" ? s["kindStandard"] : s["kindPersonalized"]),
                "differs": .v(row.differs),
                "cells": .v(cells),
            ]
        }
        let differing = c.modules.filter(\.differs).count
        var intro = [differing > 0
            ? s.format("cmpModulesIntroFmt", ["n": String(c.modules.count), "d": String(differing)])
            : s.format("cmpModulesSame", ["n": String(c.modules.count)])]
        if differing > 0 { intro.append(s["cmpDiffersNote"]) }
        let reasonsNote = s[flavor == .markdown ? "cmpReasonsNote" : "cmpReasonsDetailsNote"]
        return ["intro": .v(sentences(intro)), "reasonsNote": .v(sentences(["", reasonsNote])), "rows": .v(rows),
                "footnotes": .v(footnotes), "hasFootnotes": .v(!footnotes.isEmpty)]
    }

    func scenes() -> ViewNode {
        // Proposals on the same answers share today's levels: one "now" column then says it once.
        let sharedNow = !beforeAfter && c.scenes.allSatisfy { Set($0.now).count == 1 }
        let groups = Dictionary((c.columns[0].proposal.sceneGroups ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows: [ViewNode] = c.scenes.map { row in
            let cells: [ViewNode] = row.after.indices.map { i in
                let now = row.now[i], after = row.after[i]
                let text = sharedNow ? f.sceneLevel(after) : s.format("cmpArrowFmt", ["a": f.sceneLevel(now), "b": f.sceneLevel(after)])
                return ["text": .v(text), "isBelow": .v(row.mandatoryBelowTwo[i]), "isRaised": .v(after > now)]
            }
            return [
                "name": .v(l(row.name)),
                "area": .v(groups[row.group].map(l) ?? u(row.group)),
                "mandatory": .v(row.mandatory),
                "differs": .v(row.differs),
                "now": .v(f.sceneLevel(row.now.first ?? 0)),
                "cells": .v(cells),
            ]
        }
        let totals: [ViewNode] = c.columns.indices.map { i in
            let atTwo = c.scenes.filter { $0.after[i] >= 2 }
            return ["text": .v(s.format("cmpCountOfFmt", ["n": String(atTwo.count), "m": String(atTwo.filter(\.mandatory).count)]))]
        }
        return [
            "intro": .v(s[beforeAfter ? "cmpBeforeAfterScenesIntro" : "cmpScenesIntro"]),
            "hasSharedNow": .v(sharedNow),
            "rows": .v(rows),
            "totals": .v(totals),
            "hasBelow": .v(c.scenes.contains { $0.mandatoryBelowTwo.contains(true) }),
        ]
    }
}
