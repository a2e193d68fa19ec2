/// The sections a 数字化改造实施方案 needs beyond the package: targets (scenes and outcome KPIs), acceptance
/// criteria per module, project organisation and training, network and data security, and the risk matrix.
extension ViewModelBuilder {
    /// The printed page margins' texts (root key `print`), CSS-escaped (`RenderFormat.cssString`); the fixed
    /// ones are escaped once per language.
    func printPages() -> ViewNode {
        [
            "header": .from(RenderFormat.cssString(strings.format("titleFmt", ["name": proposal.enterprise.name]))),
            "subtitle": format.printTexts.subtitle,
            "pageBefore": format.printTexts.pageBefore,
            "pageMiddle": format.printTexts.pageMiddle,
            "pageAfter": format.printTexts.pageAfter,
        ]
    }

    /// An answer from the answers list, by question id.
    func answer(_ id: String) -> AnswerJSON? { proposal.answers.first { $0.question == id }?.value }

    func answerNumber(_ id: String) -> Double? { if case let .number(n)? = answer(id) { return n } else { return nil } }

    func answerList(_ id: String) -> [String]? { if case let .list(items)? = answer(id) { return items } else { return nil } }

    func targets() -> ViewNode {
        let nowLevels = Dictionary(proposal.diagnosis.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        let scenes: [ViewNode] = proposal.after.scenes.filter { $0.level > (nowLevels[$0.id] ?? 0) }.map { sc in
            ["name": .from(localized(sc.name)), "mandatory": .from(sc.mandatory), "now": .from(format.sceneLevel(nowLevels[sc.id] ?? 0)),
             "target": .from(format.sceneLevel(sc.level)), "description": .from(sc.description.map(localized) ?? "")]
        }
        var kpis: [ViewNode] = []
        for o in proposal.outcomes {
            guard let low = o.expectedLow, let high = o.expectedHigh else { continue }
            let baseline = o.baselineDisplay.map(localized) ?? o.baseline.map(safe) ?? strings["notRecorded"]
            kpis.append(["metric": .from(localized(o.name)), "baseline": .from(baseline), "change": .from(format.change(low: low, high: high, unit: localized(o.unit))),
                         "target": .from(outcomeTarget(o.metric, low: low, high: high).map { target in
                             o.baselineUnit.map { target + " " + localized($0) } ?? target } ?? strings["dash"])])
        }
        // An outcome several modules move has a range no single module's KPI shows (`+5% 至 +15.36%` beside MES's
        // +5–12%): the intro says how the modules' ranges were combined (`ProposalBuilder.combined`).
        let shown = Set(proposal.outcomes.filter { $0.expectedLow != nil }.map(\.metric))
        let combined = Dictionary(grouping: proposal.kpis.filter { shown.contains($0.metric) }, by: \.metric).values.contains { $0.count > 1 }
        let intro = strings["targetsIntro"] + (combined ? strings["targetsCombinedNote"] : "")
        return ["intro": .from(intro), "scenes": .from(scenes), "hasScenes": .from(!scenes.isEmpty), "kpis": .from(kpis), "hasKpis": .from(!kpis.isEmpty)]
    }

    /// The outcome's target value from its baseline answer and the expected change (nil without a baseline, and
    /// for a relative change of a zero baseline: a plant with no revenue has no revenue per employee to raise by
    /// 1–3%, and "0 至 0 万元/人" is no target).
    func outcomeTarget(_ metric: String, low: Double, high: Double) -> String? {
        func range(_ a: Double, _ b: Double, _ unit: String) -> String {
            let (x, y) = (min(a, b), max(a, b))
            return DecimalText.format(x, digits: 1) + strings["rangeSeparator"] + DecimalText.format(y, digits: 1) + unit
        }
        switch metric {
        case "pass_rate":
            guard let b = answerNumber("baseline_pass_rate") else { return nil }
            return range(min(100, b + low), min(100, b + high), "%")
        case "energy_per_revenue":
            guard let b = answerNumber("baseline_energy_per_revenue"), b > 0 else { return nil }
            return range(b * (1 + low / 100), b * (1 + high / 100), "")
        case "cost_per_revenue":
            guard let b = answerNumber("baseline_cost_per_revenue"), b > 0 else { return nil }
            return range(b * (1 + low / 100), b * (1 + high / 100), "")
        case "revenue_per_employee":
            guard let r = answerNumber("annual_revenue"), let e = answerNumber("employees"), e > 0 else { return nil }
            let b = r / e
            guard b > 0 else { return nil }
            // In the baseline's unit and precision (`Money.perEmployee`), so a small figure never reads 0.
            func figure(_ change: Double) -> String { Money.perEmployeeFigure(b * (1 + change / 100), scale: b, lang: lang) }
            let (x, y) = (min(low, high), max(low, high))
            return (lang == .en ? "CNY " : "") + figure(x) + strings["rangeSeparator"] + figure(y) + Money.perEmployeeUnit(scale: b, lang: lang)
        default: return nil
        }
    }

    func acceptance() -> ViewNode {
        let rows: [ViewNode] = selectedModules().map { i in
            let m = proposal.modules[i]
            var items: [String] = []
            // The evidence for each level is listed once, in appendix B.
            // Only the scenes the module takes above today's level: a level already held is no criterion.
            let scenes = m.raises.filter { $0.to > $0.from }
                .map { r in strings.format("accSceneOnly", ["scene": localized(r.sceneName), "level": format.sceneLevel(r.to)]) }
            // A module is accepted on what a rater can check (scene levels) or on its delivery; its KPI estimates
            // follow as indicators to track, never as the condition (markets and orders move them too).
            items.append(scenes.isEmpty ? strings["accDelivered"] : strings.format("accScenes", ["items": joined(scenes)]))
            let kpis = proposal.kpis.filter { $0.module == m.id }.map { k in localized(k.name) + " " + format.change(low: k.low, high: k.high, unit: localized(k.unit)) }
            if !kpis.isEmpty { items.append(strings.format("accKpis", ["items": joined(kpis)])) }
            return ["name": .from(localized(m.name)), "items": .from(items.map { ["text": .from($0)] as ViewNode }),
                    "itemsText": .from(items.joined(separator: strings["clauseSeparator"]))]
        }
        // No module, no delivery to accept: one line says so (and where the measures are checked), no empty table.
        let none = isEmptyPackage ? strings["acceptanceNone"] : strings["acceptanceMeasuresOnly"]
        return ["intro": .from(rows.isEmpty ? none : strings["acceptanceIntro"]), "modules": .from(rows), "hasModules": .from(!rows.isEmpty)]
    }

    func organisation() -> ViewNode {
        let noLead: Bool
        if case let .string(staff)? = answer("it_staff") { noLead = staff == "none" } else { noLead = false }
        // Nothing to do, no project team; measures only, the enterprise's own people; modules, the full project.
        if isEmptyPackage {
            return ["intro": .from(strings["orgIntroEmpty"]), "trainingIntro": .from(""), "roles": .from([ViewNode]()), "hasRoles": .from(false),
                    "training": .from([ViewNode]()), "hasTraining": .from(false)]
        }
        let leadDuty = noLead ? strings.format(hasModules ? "roleLeadNoneFmt" : "roleLeadNoneMeasuresFmt", ["note": leadMeasureNote()])
            : strings[hasModules ? "roleLeadDuty" : "roleLeadMeasuresDuty"]
        let roles: [(String, String)] = hasModules ? [
            ("roleSponsor", strings["roleSponsorDuty"]), ("roleLead", leadDuty),
            ("roleContractor", strings["roleContractorDuty"]), ("roleKeyUsers", strings["roleKeyUsersDuty"]), ("roleSupervisor", strings["roleSupervisorDuty"]),
        ] : [("roleSponsor", strings["roleSponsorMeasuresDuty"]), ("roleLead", leadDuty)]
        // Each batch of modules (those going live in the same week, their end week) is trained in the two weeks
        // before it goes live, up to that week and not before week 1; batches in the order they go live.
        var batches: [(end: Int, modules: [Int])] = []
        for i in scheduledModules() {
            let end = proposal.modules[i].endWeek!
            if let k = batches.firstIndex(where: { $0.end == end }) { batches[k].modules.append(i) } else { batches.append((end, [i])) }
        }
        let training: [ViewNode] = batches.sorted { $0.end < $1.end }.map { batch in
            let names = batch.modules.map { localized(proposal.modules[$0].name) }
            return ["text": .from(strings.format("trainingFmt", ["weeks": format.weeks(start: max(0, batch.end - 2), end: batch.end), "modules": joined(names)]))]
        }
        // The talent rules still missing (the answer's options), not those the enterprise has: an advanced plant with
        // a post, training and pay rules was told to "set up" all of them.
        let talent = answerList("talent") ?? []
        let talentItems = [("post", "talentPost"), ("training", "talentTraining"), ("performance", "talentPerformance"), ("development", "talentDevelopment")]
        let missingTalent = talentItems.filter { !talent.contains($0.0) }
        let talentLine: [ViewNode] = missingTalent.isEmpty ? []
            : [["text": .from(missingTalent.count == talentItems.count ? strings["trainingTalent"]
                                : strings.format("trainingTalentFmt", ["items": joined(missingTalent.map { strings[$0.1] })]))]]
        return [
            "intro": .from(strings[hasModules ? "orgIntro" : "orgIntroMeasures"]),
            "trainingIntro": .from(strings[hasModules ? "trainingIntro" : "trainingIntroMeasures"]),
            "roles": .from(roles.map { ["role": .from(strings[$0.0]), "duty": .from($0.1)] as ViewNode }),
            "hasRoles": .from(true),
            "training": .from(training + talentLine),
            "hasTraining": .from(true),
        ]
    }

    /// The measure that names a digital lead (it brings the talent indicator's `staff`), by its reference-catalog
    /// id, as the organisation reads the `it_staff` and `talent` answers by theirs.
    static let digitalLeadMeasure = "m-digital-lead"

    /// Whether naming the project lead the organisation asks for is a measure of the package (its cost and points
    /// counted) or not: the text must not claim points the package does not count.
    func leadMeasureNote() -> String {
        guard let m = (proposal.measures ?? []).first(where: { $0.id == Self.digitalLeadMeasure }) else { return "" }
        switch m.status {
        case .include: return strings.format("leadMeasureInFmt", ["m": localized(m.name)])
        case .satisfied: return ""
        default: return strings.format("leadMeasureOutFmt", ["m": localized(m.name)])
        }
    }

    func security() -> ViewNode {
        var now: [ViewNode] = [], plan: [ViewNode] = []
        for (question, area, noneKey) in [("network_security", "secNetworkArea", "secNetworkNone"), ("data_security", "secDataArea", "secDataNone")] {
            let chosen = Set((answerList(question) ?? []).filter { $0 != "none" })
            let options = indicatorOptions(question)
            let have = options.filter { chosen.contains($0.id) }.map(\.label)
            let missing = options.filter { !chosen.contains($0.id) }.map(\.label)
            now.append(["text": .from(have.isEmpty ? strings[noneKey] : strings.format("secHaveFmt", ["area": strings[area], "items": joined(have)]))])
            if !missing.isEmpty { plan.append(["text": .from(strings.format("secMissingFmt", ["area": strings[area], "items": joined(missing)]))]) }
        }
        plan += ["secSegment", "secDengbao", "secBackup", "secCloud"].map { ["text": .from(strings[$0])] as ViewNode }
        let cloud = modules(where: { i in
            proposal.modules[i].status.isSelected
                && (proposal.modules[i].summary.zh.containsText("云")
                    || proposal.modules[i].products.contains { $0.zh.containsText("云") || $0.en.containsText("SaaS") })
        }).map { localized(proposal.modules[$0].name) }
        if !cloud.isEmpty { plan.append(["text": .from(strings.format("secCloudModulesFmt", ["modules": joined(cloud)]))]) }
        // Without a module nothing new is networked: the measures are advice on what is in place, not this plan's.
        return ["intro": .from(strings[hasModules ? "securityIntro" : "securityIntroNoModules"]), "now": .from(now), "plan": .from(plan),
                "planTitle": .from(strings[hasModules ? "securityPlan" : "securityAdvice"])]
    }

    /// The options of a multi-select indicator's question as the proposal shows them (from the answer records'
    /// displays is not enough: the options not chosen are needed too), in the enterprise's language.
    func indicatorOptions(_ question: String) -> [(id: String, label: String)] {
        let labels: [String: (zh: String, en: String)] = [
            "policy": ("管理制度", "a written policy"), "products": ("安全产品或服务", "security products or services"),
            "risk_assessment": ("风险评估", "a risk assessment"),
            "controls": (question == "data_security" ? "数据台账并定期核查" : "边界访问控制及入侵和恶意代码检测",
                         question == "data_security" ? "a data register with regular checks" : "boundary access control with intrusion and malware detection"),
        ]
        return ["policy", "products", "risk_assessment", "controls"].map { id in (id, lang == .zh ? labels[id]!.zh : labels[id]!.en) }
    }

    /// Below this many points above the target level's pass mark, the risk matrix warns that the on-site rating
    /// may fall short (an estimate: one indicator marked down a band costs about this much). The planner's.
    static let thinMarginPoints = Planner.thinMarginPoints

    /// Above this share of last year's revenue, the enterprise's net investment (high estimate) is flagged as a
    /// strain on its cash (an estimate, not a policy figure).
    static let affordablePercent = 10

    func riskMatrix() -> ViewNode {
        var rows: [ViewNode] = []
        func row(_ risk: String, _ likelihood: String, _ impact: String, _ mitigation: String) {
            rows.append(["risk": .from(risk), "likelihood": .from(strings[likelihood]), "impact": .from(strings[impact]), "mitigation": .from(mitigation)])
        }
        // A catalog risk comes with its rule's advice; the generic line is for a risk without one.
        for r in proposal.risks {
            // A target the package misses is no chance but the plan's own outcome: its likelihood is high.
            let missed = r.rule == nil && r.text.zh.hasPrefix(Planner.targetMissedRiskLead)
            row(cellText(localized(r.text)), missed ? "high" : "medium", r.rule == nil ? "high" : "medium", r.mitigation.map(localized) ?? builtInMitigation(r))
        }
        // A target reached with almost no points to spare is lost by one indicator the on-site rater marks down.
        if let level = proposal.target?.level, thinMargin(level) != nil,
           let check = proposal.after.levelChecks.first(where: { $0.level == level }) {
            row(strings.format(check.points > check.pointsNeeded ? "riskThinMargin" : "riskThinMarginExact", ["n": String(level), "a": format.points(check.points), "b": format.points(check.pointsNeeded),
                                            "m": format.points(check.points - check.pointsNeeded)]),
                "high", "high", strings["riskThinMarginMit"])
        }
        // A package that costs a large share of a year's revenue is a cash risk the owner must see.
        // (In floating point: an Int product of two large figures could overflow.)
        if let revenue = proposal.enterprise.annualRevenueYuan, revenue > 0 {
            let percent = (Double(proposal.totals.netCost.highYuan) / Double(revenue) * 100).rounded()
            if percent > Double(Self.affordablePercent) {
                row(strings.format("riskAffordability", ["c": format.money(proposal.totals.netCost.highYuan), "r": format.money(revenue), "p": formatNumber(percent)]),
                    "medium", "high", strings["riskAffordabilityMit"])
            }
        }
        // The risks of a system going live, where the package has one.
        if proposal.totals.selectedModules > 0 {
            row(strings["riskData"], "high", "high", strings["riskDataMit"])
            row(strings["riskAdoption"], "medium", "high", strings["riskAdoptionMit"])
        }
        if proposal.modules.contains(where: { $0.status == .upgrade }) { row(strings["riskIntegration"], "medium", "medium", strings["riskIntegrationMit"]) }
        if (proposal.totals.subsidy.conditional?.highYuan ?? 0) > 0 { row(strings["riskSubsidy"], "medium", "medium", strings["riskSubsidyMit"]) }
        if hasModules { row(strings["riskSecurity"], "low", "high", strings["riskSecurityMit"]) }
        else { row(strings["riskSecurityNow"], "low", "high", strings["riskSecurityNowMit"]) }
        return ["rows": .from(rows)]
    }

    /// What to do about a risk without the catalog's advice: the planner's built-in risks each get their own (a
    /// target out of reach is not met by "setting out the response in the contract"), any other the generic line.
    func builtInMitigation(_ r: Proposal.RiskEntry) -> String {
        guard r.rule == nil else { return strings["riskCatalogMit"] }
        let args: KeyValuePairs<String, String> = ["level": format.levelInText(proposal.target?.level ?? 0), "after": format.levelInText(proposal.after.level)]
        if r.text.zh.hasPrefix(Planner.targetMissedRiskLead) {
            return strings.format(targetMissedForBudget ? "riskTargetOverBudgetMit" : isEmptyPackage ? "riskTargetOutOfReachEmptyMit" : "riskTargetOutOfReachMit", args)
        }
        if r.text.zh.hasPrefix(Planner.belowPassRiskLead) { return strings["riskBelowPassMit"] }
        return strings["riskCatalogMit"]
    }
}
