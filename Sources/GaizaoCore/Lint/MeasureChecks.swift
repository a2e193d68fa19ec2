/// Management measures (common measures.yaml and an industry's own) and the manifest's planning settings that
/// read the questionnaire: `retrofit_brings` and `investment_share`.
enum MeasureChecks {
    static func run(_ catalog: Catalog, _ industry: Industry, _ questionnaire: Questionnaire, _ bag: inout DiagnosticBag) {
        CatalogChecks.duplicates(industry.measures, id: \.id, loc: \.location, what: "measure", scope: " in industry `\(industry.id)`", &bag)
        let moduleIDs = Set(industry.modules.map(\.id))
        let measureIDs = Set(industry.measures.map(\.id))
        let bands = catalog.manifest.pricedBandIDs
        for m in industry.measures {
            let owner = "measure `\(m.id)`"
            if moduleIDs.contains(m.id) { bag.error("\(owner) has the id of a module of industry `\(industry.id)`", at: m.location) }
            for band in bands where m.cost[band] == nil { bag.error("\(owner) has no cost for size band `\(band)`", at: m.location) }
            for band in m.cost.keys.sorted() where !bands.contains(band) {
                bag.error("\(owner) prices unknown size band `\(band)` (bands: \(bands.joined(separator: ", ")))", at: m.location)
            }
            if !m.yearlyCost.isEmpty {
                for band in bands where m.yearlyCost[band] == nil { bag.error("\(owner) has no `yearly_cost` for size band `\(band)`", at: m.location) }
                for band in m.yearlyCost.keys.sorted() where !bands.contains(band) {
                    bag.error("\(owner) prices unknown size band `\(band)` in `yearly_cost` (bands: \(bands.joined(separator: ", ")))", at: m.location)
                }
            }
            if m.brings.isEmpty { bag.warning("\(owner) changes no answer, so it can never help reach a level", at: m.location) }
            for b in m.brings { ModuleChecks.checkBrings(b, of: owner, questionnaire, &bag) }
            if m.evidence.isEmpty { bag.warning("\(owner) lists no evidence (支撑材料) for the on-site rating", at: m.location) }
            for ref in m.requires {
                if ref.text == m.id {
                    bag.error("\(owner) requires itself", at: ref.location)
                } else if !measureIDs.contains(ref.text) {
                    let hint = closest(ref.text, among: industry.measures.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
                    bag.error("\(owner) requires unknown measure `\(ref.text)` (industry `\(industry.id)`)\(hint)", at: ref.location)
                }
            }
        }
        checkCycles(industry, &bag)
        for ref in catalog.manifest.retrofitMeasures where !measureIDs.contains(ref.text) {
            let hint = closest(ref.text, among: industry.measures.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
            bag.error("`retrofit_measures` names unknown measure `\(ref.text)` (industry `\(industry.id)`)\(hint)", at: ref.location)
        }
        for b in catalog.manifest.retrofitBrings {
            ModuleChecks.checkBrings(b, of: "`retrofit_brings` (industry `\(industry.id)`)", questionnaire, &bag)
        }
        for metric in catalog.manifest.kpiMetrics {
            guard let answer = metric.outcomeAnswer else { continue }
            guard let q = questionnaire[answer.questionID] else {
                bag.error("`outcome_answer` of KPI metric `\(metric.id)` names unknown question `\(answer.questionID)` (industry `\(industry.id)`)", at: answer.location)
                continue
            }
            if q.kind != .single || q.option(answer.optionID) == nil {
                bag.error("`outcome_answer` of KPI metric `\(metric.id)`: single-choice question `\(q.id)` has no option `\(answer.optionID)`", at: answer.location)
            }
        }
        if let share = catalog.manifest.investmentShare {
            for id in [share.questionID, share.revenueQuestionID] {
                guard let q = questionnaire[id] else {
                    bag.error("`investment_share` names unknown question `\(id)` (industry `\(industry.id)`)", at: share.location)
                    continue
                }
                if q.kind != .number {
                    bag.error("`investment_share` needs number question `\(id)`, which is \(q.kind.rawValue)", at: share.location)
                }
            }
        }
    }

    /// Measures that (transitively) require themselves can never all be taken.
    static func checkCycles(_ industry: Industry, _ bag: inout DiagnosticBag) {
        var byID: [String: Measure] = [:]
        for m in industry.measures where byID[m.id] == nil { byID[m.id] = m }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ id: String, _ path: [String]) {
            guard let m = byID[id], state[id] != 2 else { return }
            if state[id] == 1 {
                let cycle = Array(path.drop { $0 != id }) + [id]
                if reported.insert(Set(cycle).sorted().joined(separator: ",")).inserted {
                    bag.error("measure requires cycle: \(cycle.joined(separator: " → "))",
                              at: m.requires.first { cycle.contains($0.text) }?.location ?? m.location)
                }
                return
            }
            state[id] = 1
            for r in m.requiredIDs where r != id { visit(r, path + [id]) }
            state[id] = 2
        }
        for m in industry.measures { visit(m.id, []) }
    }
}
