import Testing
@testable import GaizaoCore

/// A risk rule with `modules:` warns only about work the package buys; an excluded module reads as excluded.
@Suite struct RiskScopeTests {
    /// Every shipped example, with a target (the default) and rules-only: a fired risk rule is listed exactly when it
    /// is general or one of its modules is in the package (included or upgraded).
    @Test(arguments: Shipped.exampleNames, [TargetLevel.automatic, .none])
    func aRiskAboutModulesNeedsOneOfThemInThePackage(_ name: String, _ target: TargetLevel) throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example(name), target: target)
        let industry = try #require(Shipped.catalog.industries.first { $0.id == out.diagnosis.industryID })
        let fired = Planner(catalog: Shipped.catalog, industry: industry).firedRules(out.diagnosis.answers).map(\.rule)
        let listed = out.plan.risks.compactMap(\.ruleID)
        var expected: [String] = []
        for rule in fired {
            guard case .risk = rule.effect else { continue }
            let inPackage = rule.moduleScope.contains { out.plan.decision($0)?.status.isSelected == true }
            if rule.moduleScope.isEmpty || inPackage { expected.append(rule.id) }
        }
        // In rule order, ahead of the engine's own risks.
        #expect(listed == expected, "\(name)")
        #expect(out.plan.risks.prefix(listed.count).allSatisfy { $0.ruleID != nil })
        #expect(out.proposal.risks.compactMap(\.rule) == expected)
    }

    /// home-appliance-midsize buys no module: its answers fire the paper-instructions and outsourced-service risks,
    /// which are about the workstation and after-sales modules, so the proposal does not list them.
    @Test func aPackageWithoutModulesListsNoRolloutRisk() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("home-appliance-midsize.yaml"))
        #expect(out.plan.selected.isEmpty)
        let industry = try #require(Shipped.catalog.industries.first { $0.id == "home-appliance" })
        let fired = Set(Planner(catalog: Shipped.catalog, industry: industry).firedRules(out.diagnosis.answers).map(\.rule.id))
        #expect(fired.isSuperset(of: ["ha-r-risk-paper-sops", "ha-r-risk-outsourced-service"]))
        let ids = out.proposal.risks.compactMap(\.rule)
        #expect(!ids.contains("ha-r-risk-paper-sops") && !ids.contains("ha-r-risk-outsourced-service"))
        for lang in [Lang.zh, .en] {
            let md = Shipped.renderer.markdown(out.proposal, lang: lang)
            #expect(!md.contains(lang == .zh ? "可能拖慢工位管理上线" : "may delay workstation go-live"))
            #expect(!md.contains(lang == .zh ? "售后委托外部网点" : "After-sales is outsourced"))
        }
        // The rules-only package holds the workstation module: there the risk is listed.
        let rulesOnly = try Engine(catalog: Shipped.catalog).run(Shipped.example("home-appliance-midsize.yaml"), target: .none)
        let workstation = try #require(rulesOnly.plan.decision("ha-s-workstation"))
        #expect(rulesOnly.proposal.risks.contains { $0.rule == "ha-r-risk-paper-sops" } == workstation.status.isSelected)
    }

    /// The shipped catalog scopes the risks about a module's rollout; the general ones stay general.
    @Test func shippedRolloutRisksNameTheirModules() throws {
        let rules = Shipped.catalog.industries.flatMap(\.rules)
        func scope(_ id: String) -> [String]? { rules.first { $0.id == id }?.moduleScope }
        #expect(scope("ha-r-risk-paper-sops") == ["ha-s-workstation"])
        #expect(scope("ha-r-risk-outsourced-service") == ["ha-p-sales-service"])
        #expect(scope("ha-r-risk-many-workstations") == ["ha-s-workstation"])
        #expect(scope("ap-r-risk-mould-backlog") == ["ap-p-mould"])
        #expect(scope("ap-r-risk-edi-no-it") == ["ap-p-edi"])
        #expect(scope("ap-r-risk-ai-no-data") == ["ap-p-ai"])
        for general in ["ap-r-risk-no-it", "ha-r-risk-no-it", "ap-r-risk-no-security", "ha-r-risk-no-security"] {
            #expect(scope(general) == [], "\(general)")
        }
    }

    /// auto-parts-advanced rules tooling monitoring out (moulds are managed in a system) while other rules
    /// recommend it: the table says why it is out first, and labels the recommending reasons as what would otherwise
    /// recommend it; the JSON's reasons carry the rules' effects.
    @Test func anExcludedModuleReadsAsExcluded() throws {
        let out = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-advanced.yaml"))
        let mould = try #require(out.proposal.modules.first { $0.id == "ap-p-mould" })
        #expect(mould.status == .excluded)
        let excluding = mould.reasons.filter { $0.effect == .exclude }
        let recommending = mould.reasons.filter { $0.effect == .recommend }
        #expect(!excluding.isEmpty && !recommending.isEmpty)
        #expect(mould.reasons.allSatisfy { $0.kind != .rule || $0.effect != nil })
        for lang in [Lang.zh, .en] {
            let md = Shipped.renderer.markdown(out.proposal, lang: lang)
            let row = try #require(md.split(separator: "\n").first { $0.hasPrefix("| " + mould.name[lang] + " |") }.map(String.init))
            let label = lang == .zh ? "（若未排除，推荐理由：" : "(Reasons that would otherwise recommend it: "
            let labelAt = try #require(row.range(of: label), "\(row)")
            for r in excluding {
                let at = try #require(row.range(of: Clauses.trimmedEnding(r.text[lang])), "\(row)")
                #expect(at.upperBound <= labelAt.lowerBound)
            }
            for r in recommending {
                let at = try #require(row.range(of: Clauses.trimmedEnding(r.text[lang])), "\(row)")
                #expect(at.lowerBound >= labelAt.upperBound)
            }
            let html = Shipped.renderer.html(out.proposal, lang: lang)
            #expect(html.contains("<li>" + label))
        }
        // The rules-only package says the same.
        let rulesOnly = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-advanced.yaml"), target: .none)
        let md = Shipped.renderer.markdown(rulesOnly.proposal, lang: .zh)
        #expect(md.contains("（若未排除，推荐理由："))
    }

    /// A proposal written before reasons carried their effect keeps its reasons as they were.
    @Test func reasonsWithoutEffectsAreShownAsBefore() throws {
        var proposal = try Engine(catalog: Shipped.catalog).run(Shipped.example("auto-parts-advanced.yaml")).proposal
        for i in proposal.modules.indices { for k in proposal.modules[i].reasons.indices { proposal.modules[i].reasons[k].effect = nil } }
        let md = Shipped.renderer.markdown(proposal, lang: .zh)
        #expect(!md.contains("若未排除"))
    }
}
