/// The sections a 数字化改造实施方案 needs beyond the package: targets (scenes and outcome KPIs), acceptance
/// criteria per module, project organisation and training, network and data security, and the risk matrix.
extension ViewModelBuilder {
    /// The printed page margins' texts (root key `print`), CSS-escaped: every character a hex escape, so the
    /// template's HTML escaping cannot touch them and no name can end the CSS string.
    func printPages() -> ViewNode {
        func css(_ text: String) -> String {
            text.unicodeScalars.map { "\\" + String($0.value, radix: 16) + " " }.joined()
        }
        return [
            "header": .v(css(s.format("titleFmt", ["name": p.enterprise.name]))),
            "subtitle": .v(css(s["docSubtitle"])),
            "pageBefore": .v(css(s["pageBefore"])),
            "pageMiddle": .v(css(s["pageMiddle"])),
            "pageAfter": .v(css(s["pageAfter"])),
        ]
    }

    /// An answer from the answers list, by question id.
    func answer(_ id: String) -> AnswerJSON? { p.answers.first { $0.question == id }?.value }

    func answerNumber(_ id: String) -> Double? { if case let .number(n)? = answer(id) { return n } else { return nil } }

    func answerList(_ id: String) -> [String]? { if case let .list(l)? = answer(id) { return l } else { return nil } }

    func targets() -> ViewNode {
        let nowLevels = Dictionary(p.diagnosis.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        let scenes: [ViewNode] = p.after.scenes.filter { $0.level > (nowLevels[$0.id] ?? 0) }.map { sc in
            ["name": .v(l(sc.name)), "mandatory": .v(sc.mandatory), "now": .v(f.sceneLevel(nowLevels[sc.id] ?? 0)),
             "target": .v(f.sceneLevel(sc.level)), "description": .v(sc.description.map(l) ?? "")]
        }
        var kpis: [ViewNode] = []
        for o in p.outcomes {
            guard let low = o.expectedLow, let high = o.expectedHigh else { continue }
            let baseline = o.baselineDisplay.map(l) ?? o.baseline.map(u) ?? s["notRecorded"]
            kpis.append(["metric": .v(l(o.name)), "baseline": .v(baseline), "change": .v(f.change(low: low, high: high, unit: l(o.unit))),
                         "target": .v(outcomeTarget(o.metric, low: low, high: high) ?? s["dash"])])
        }
        return ["intro": .v(s["targetsIntro"]), "scenes": .v(scenes), "hasScenes": .v(!scenes.isEmpty), "kpis": .v(kpis), "hasKpis": .v(!kpis.isEmpty)]
    }

    /// The outcome's target value from its baseline answer and the expected change (nil without a baseline).
    func outcomeTarget(_ metric: String, low: Double, high: Double) -> String? {
        func range(_ a: Double, _ b: Double, _ unit: String) -> String {
            let (x, y) = (min(a, b), max(a, b))
            return DecimalText.format(x, digits: 1) + s["rangeSeparator"] + DecimalText.format(y, digits: 1) + unit
        }
        switch metric {
        case "pass_rate":
            guard let b = answerNumber("baseline_pass_rate") else { return nil }
            return range(min(100, b + low), min(100, b + high), "%")
        case "energy_per_revenue":
            guard let b = answerNumber("baseline_energy_per_revenue") else { return nil }
            return range(b * (1 + low / 100), b * (1 + high / 100), "")
        case "cost_per_revenue":
            guard let b = answerNumber("baseline_cost_per_revenue") else { return nil }
            return range(b * (1 + low / 100), b * (1 + high / 100), "")
        case "revenue_per_employee":
            guard let r = answerNumber("annual_revenue"), let e = answerNumber("employees"), e > 0 else { return nil }
            let b = r / e
            if lang == .en {
                // CNY per employee, rounded to the hundred: the baseline reads the same way.
                func yuan(_ wan: Double) -> String { Money.grouped(Int((wan * 100).rounded()) * 100) }
                let (x, y) = (min(low, high), max(low, high))
                return "CNY " + yuan(b * (1 + x / 100)) + s["rangeSeparator"] + yuan(b * (1 + y / 100)) + " per employee"
            }
            return range(b * (1 + low / 100), b * (1 + high / 100), " 万元/人")
        default: return nil
        }
    }

    func acceptance() -> ViewNode {
        let rows: [ViewNode] = modules(where: { $0.status.isSelected }).map { i in
            let m = p.modules[i]
            var items: [String] = []
            // The evidence for each level is listed once, in appendix B.
            let scenes = m.raises.map { r in s.format("accSceneOnly", ["scene": l(r.sceneName), "level": f.sceneLevel(r.to)]) }
            if !scenes.isEmpty { items.append(s.format("accScenes", ["items": joined(scenes)])) }
            let kpis = p.kpis.filter { $0.module == m.id }.map { k in l(k.name) + " " + f.change(low: k.low, high: k.high, unit: l(k.unit)) }
            if !kpis.isEmpty { items.append(s.format("accKpis", ["items": joined(kpis)])) }
            return ["name": .v(l(m.name)), "items": .v(items.map { ["text": .v($0)] as ViewNode }),
                    "itemsText": .v(items.joined(separator: s["clauseSeparator"]))]
        }
        return ["intro": .v(s["acceptanceIntro"]), "modules": .v(rows)]
    }

    func organisation() -> ViewNode {
        let noLead: Bool
        if case let .string(staff)? = answer("it_staff") { noLead = staff == "none" } else { noLead = false }
        let roles: [(String, String)] = [
            ("roleSponsor", "roleSponsorDuty"), ("roleLead", noLead ? "roleLeadNone" : "roleLeadDuty"),
            ("roleContractor", "roleContractorDuty"), ("roleKeyUsers", "roleKeyUsersDuty"), ("roleSupervisor", "roleSupervisorDuty"),
        ]
        let training: [ViewNode] = p.phases.map { ph in
            let names = ph.modules.map(moduleName)
            return ["text": .v(s.format("trainingFmt", ["weeks": f.weeks(start: max(0, ph.endWeek - 2), end: ph.endWeek), "modules": joined(names)]))]
        }
        let talent = answerList("talent") ?? []
        return [
            "intro": .v(s["orgIntro"]),
            "trainingIntro": .v(s["trainingIntro"]),
            "roles": .v(roles.map { ["role": .v(s[$0.0]), "duty": .v(s[$0.1])] as ViewNode }),
            "training": .v(training + (talent.count < 5 ? [["text": .v(s["trainingTalent"])] as ViewNode] : [])),
        ]
    }

    func security() -> ViewNode {
        var now: [ViewNode] = [], plan: [ViewNode] = []
        for (question, area, noneKey) in [("network_security", "secNetworkArea", "secNetworkNone"), ("data_security", "secDataArea", "secDataNone")] {
            let chosen = Set((answerList(question) ?? []).filter { $0 != "none" })
            let options = indicatorOptions(question)
            let have = options.filter { chosen.contains($0.id) }.map(\.label)
            let missing = options.filter { !chosen.contains($0.id) }.map(\.label)
            now.append(["text": .v(have.isEmpty ? s[noneKey] : s.format("secHaveFmt", ["area": s[area], "items": joined(have)]))])
            if !missing.isEmpty { plan.append(["text": .v(s.format("secMissingFmt", ["area": s[area], "items": joined(missing)]))]) }
        }
        plan += ["secSegment", "secDengbao", "secBackup", "secCloud"].map { ["text": .v(s[$0])] as ViewNode }
        let cloud = modules(where: { m in
            m.status.isSelected && (m.summary.zh.containsText("云") || m.products.contains { $0.zh.containsText("云") || $0.en.containsText("SaaS") })
        }).map { l(p.modules[$0].name) }
        if !cloud.isEmpty { plan.append(["text": .v(s.format("secCloudModulesFmt", ["modules": joined(cloud)]))]) }
        return ["intro": .v(s["securityIntro"]), "now": .v(now), "plan": .v(plan)]
    }

    /// The options of a multi-select indicator's question as the proposal shows them (from the answer records'
    /// displays is not enough: the options not chosen are needed too), in the enterprise's language.
    func indicatorOptions(_ question: String) -> [(id: String, label: String)] {
        let labels: [String: (zh: String, en: String)] = [
            "policy": ("管理制度", "a written policy"), "products": ("安全产品或服务", "security products or services"),
            "risk_assessment": ("风险评估", "a risk assessment"),
            "controls": (question == "data_security" ? "数据台账并定期核查" : "边界访问控制与入侵、恶意代码检测",
                         question == "data_security" ? "a data register with regular checks" : "boundary access control with intrusion and malware detection"),
        ]
        return ["policy", "products", "risk_assessment", "controls"].map { id in (id, lang == .zh ? labels[id]!.zh : labels[id]!.en) }
    }

    /// Below this many points above the target level's pass mark, the risk matrix warns that the on-site rating
    /// may fall short (an estimate: one indicator marked down a band costs about this much).
    static let thinMarginPoints = 3.0

    /// Above this share of last year's revenue, the enterprise's net investment (high estimate) is flagged as a
    /// strain on its cash (an estimate, not a policy figure).
    static let affordablePercent = 10

    func riskMatrix() -> ViewNode {
        var rows: [ViewNode] = []
        func row(_ risk: String, _ likelihood: String, _ impact: String, _ mitigation: String) {
            rows.append(["risk": .v(risk), "likelihood": .v(s[likelihood]), "impact": .v(s[impact]), "mitigation": .v(mitigation)])
        }
        for r in p.risks { row(l(r.text), "medium", r.rule == nil ? "high" : "medium", s["riskCatalogMit"]) }
        // A target reached with almost no points to spare is lost by one indicator the on-site rater marks down.
        if let level = p.target?.level, p.target?.reached == true,
           let check = p.after.levelChecks.first(where: { $0.level == level }),
           check.points - check.pointsNeeded < Self.thinMarginPoints {
            row(s.format("riskThinMargin", ["n": String(level), "a": f.points(check.points), "b": f.points(check.pointsNeeded),
                                            "m": f.points(check.points - check.pointsNeeded)]),
                "high", "high", s["riskThinMarginMit"])
        }
        // A package that costs a large share of a year's revenue is a cash risk the owner must see.
        // (In floating point: an Int product of two large figures could overflow.)
        if let revenue = p.enterprise.annualRevenueYuan, revenue > 0 {
            let percent = (Double(p.totals.netCost.highYuan) / Double(revenue) * 100).rounded()
            if percent > Double(Self.affordablePercent) {
                row(s.format("riskAffordability", ["c": Money.wan(p.totals.netCost.highYuan), "r": Money.wan(revenue), "p": formatNumber(percent)]),
                    "medium", "high", s["riskAffordabilityMit"])
            }
        }
        row(s["riskData"], "high", "high", s["riskDataMit"])
        row(s["riskAdoption"], "medium", "high", s["riskAdoptionMit"])
        if p.modules.contains(where: { $0.status == .upgrade }) { row(s["riskIntegration"], "medium", "medium", s["riskIntegrationMit"]) }
        if (p.totals.subsidy.conditional?.highYuan ?? 0) > 0 { row(s["riskSubsidy"], "medium", "medium", s["riskSubsidyMit"]) }
        row(s["riskSecurity"], "low", "high", s["riskSecurityMit"])
        return ["rows": .v(rows)]
    }
}
