import Foundation
import GaizaoTemplates
import Testing
@testable import GaizaoCLI
@testable import GaizaoCore

/// A proposal says what it is when it proposes little: nothing at all (already at a level, the next out of reach),
/// management measures only, or a target at or below today's level; and it claims for the package no measure the
/// package leaves out.
@Suite struct ProposalScopeTests {
    static func rendered(_ p: Proposal) -> [(lang: Lang, t: RenderStrings, md: String, html: String)] {
        [Lang.zh, .en].map { lang in
            (lang, RenderStrings(lang), RenderFixtures.renderer.markdown(p, lang: lang), RenderFixtures.renderer.html(p, lang: lang))
        }
    }

    /// The texts of a module project: a contract, a roadmap, subsidy applications, module acceptance, training
    /// before go-live, security "once machines are networked".
    static func projectTexts(_ t: RenderStrings) -> [String] {
        ["nextContract", "nextApply", "nextImplement", "nextPayment", "trainingIntro", "securityIntro", "accDeliveryAll", "riskSecurity", "prereqSite"].map { t[$0] }
    }

    /// The roadmap's and the acceptance table's headers, in Markdown and HTML.
    static func emptyTables(_ t: RenderStrings) -> (md: [String], html: [String]) {
        (["| \(t["phase"]) | \(t["weeks"]) | \(t["modules"]) |", "| \(t["module"]) | \(t["acceptanceItems"]) |"],
         ["<th scope=\"col\">\(t["phase"])</th>", "<th scope=\"col\">\(t["module"])</th><th scope=\"col\">\(t["acceptanceItems"])</th>"])
    }

    /// The money sections of a project — the subsidy table, a funding plan with bank credit and the bridge to
    /// pre-finance, the duties of running new systems, the benefit estimate's method — in both formats.
    static func moneySectionTexts(_ t: RenderStrings) -> [String] {
        [t["subsidyTable"], t["fundingIntro"], t["fundCredit"], t["opsDuties"], t["operationsIntro"], t["benefitsIntro"],
         t["noBenefits"], t["noYearlyFees"]]
    }

    /// home-appliance-advanced is at level 3 and level 4 is out of the catalog's reach: nothing is proposed. It once
    /// read like a contract ("签订改造合同", a roadmap table with headers and no rows, security "after the retrofit").
    @Test func anEmptyPackageSaysItIsNoProject() throws {
        let p = try ProposalTextAuditTests.proposal("home-appliance-advanced")
        try #require(p.totals.selectedModules == 0 && (p.totals.selectedMeasures ?? 0) == 0)
        let level = try #require(p.target?.level)
        try #require(p.target?.reached == false)
        for r in Self.rendered(p) {
            let f = RenderFormat.of(r.lang)
            for text in Self.projectTexts(r.t) {
                #expect(!r.md.contains(text) && !r.html.contains(text), "\(r.lang): \(text)")
            }
            let tables = Self.emptyTables(r.t)
            for header in tables.md { #expect(!r.md.contains(header), "\(r.lang): \(header)") }
            for header in tables.html { #expect(!r.html.contains(header), "\(r.lang): \(header)") }
            // It says what it is, what to do next and what the target lacks, and the target risk has its own answer.
            let plain = r.t.format("plainEmptyMissedFmt", ["now": f.levelInText(p.diagnosis.level), "level": f.levelInText(level)])
            #expect(r.md.contains(plain) && r.html.contains(HTMLEscape.escaped(plain)), "\(r.lang)")
            #expect(r.md.contains(r.t["acceptanceNone"]) && r.md.contains(r.t["orgIntroEmpty"]) && r.md.contains(r.t["securityIntroNoModules"]))
            #expect(r.md.contains(r.t.format("nextKeepFmt", ["now": f.levelInText(p.diagnosis.level)])), "\(r.lang)")
            #expect(r.md.contains(r.t.format("nextGapFmt", ["level": f.levelInText(level)])), "\(r.lang)")
            #expect(r.md.contains(r.t.format("riskTargetOutOfReachEmptyMit", ["level": f.levelInText(level), "after": f.levelInText(p.after.level)])), "\(r.lang)")
            #expect(!r.md.contains(r.t["riskCatalogMit"]), "\(r.lang)")
            // No money sections of a project: one sentence each says there is nothing to pay, fund, run or price.
            for text in Self.moneySectionTexts(r.t) {
                #expect(!r.md.contains(text) && !r.html.contains(HTMLEscape.escaped(text)), "\(r.lang): \(text)")
            }
            for key in ["budgetNothing", "noBenefitsEmpty", "fundingNothing", "operationsNothing"] {
                #expect(r.md.contains(r.t[key]) && r.html.contains(HTMLEscape.escaped(r.t[key])), "\(r.lang): \(key)")
            }
        }
    }

    /// home-appliance-midsize reaches its target with management measures alone: no module roadmap, acceptance
    /// table or training before go-live; the measures are the next steps.
    @Test func aMeasuresOnlyPackageSaysSo() throws {
        let p = try ProposalTextAuditTests.proposal("home-appliance-midsize")
        try #require(p.totals.selectedModules == 0 && (p.totals.selectedMeasures ?? 0) > 0)
        for r in Self.rendered(p) {
            for text in Self.projectTexts(r.t) {
                #expect(!r.md.contains(text) && !r.html.contains(text), "\(r.lang): \(text)")
            }
            let tables = Self.emptyTables(r.t)
            for header in tables.md { #expect(!r.md.contains(header), "\(r.lang): \(header)") }
            for header in tables.html { #expect(!r.html.contains(header), "\(r.lang): \(header)") }
            let n = String(p.totals.selectedMeasures ?? 0)
            #expect(r.md.contains(r.t.format("plainMeasuresOnlyFmt", ["n": n])) && r.html.contains(r.t.format("plainMeasuresOnlyFmt", ["n": n])), "\(r.lang)")
            #expect(r.md.contains(r.t["acceptanceMeasuresOnly"]) && r.md.contains(r.t["trainingIntroMeasures"]) && r.md.contains(r.t["nextRating"]), "\(r.lang)")
            let names = (p.measures ?? []).filter { $0.status == .include }.map { $0.name[r.lang] }
            for name in names { #expect(r.md.contains(name), "\(r.lang): \(name)") }
            // The measures' costs are tabulated; no subsidy applies to them, and nothing needs financing or running.
            #expect(r.md.contains(r.t["moduleOrMeasure"]), "\(r.lang)")
            for text in Self.moneySectionTexts(r.t) {
                #expect(!r.md.contains(text) && !r.html.contains(HTMLEscape.escaped(text)), "\(r.lang): \(text)")
            }
            let funding = r.t.format("fundingMeasuresOnlyFmt", ["amount": RenderFormat.of(r.lang).money(p.totals.investment)])
            for text in [r.t["subsidyMeasuresOnly"], r.t["noBenefitsNoModules"], r.t["operationsNothing"], funding] {
                #expect(r.md.contains(text) && r.html.contains(HTMLEscape.escaped(text)), "\(r.lang): \(text)")
            }
        }
    }

    /// A level reached already reads as reached, not as costing the must-haves ("一级 | 已达到 | 12.55–29.63 万元").
    @Test func aLevelReachedNowShowsNoPrice() throws {
        let p = try ProposalTextAuditTests.proposal("auto-parts-midsize")
        let step = try #require(p.ladder?.first { $0.reachedNow && !$0.modules.isEmpty })
        for r in Self.rendered(p) {
            let f = RenderFormat.of(r.lang)
            let row = try #require(r.md.split(separator: "\n").first { $0.hasPrefix("| \(f.level(step.level))") && $0.contains("| \(r.t["ladderNow"]) |") }, "\(r.lang)")
            #expect(row.contains("| \(r.t["ladderNow"]) | — | — | — | "), "\(r.lang): \(row)")
            #expect(row.contains(r.t.format("ladderReachedMustFmt", ["cost": f.money(step.investment)])), "\(r.lang): \(row)")
            #expect(r.html.contains("<td class=\"nowrap\">\(r.t["ladderNow"])</td><td class=\"num\">—</td><td class=\"num opt\">—</td><td class=\"num\">—</td>"), "\(r.lang)")
        }
    }

    /// A target below today's level is said to be below it, not "reached by the package".
    @Test func aTargetBelowTodaysLevelIsSaidToBe() throws {
        let p = try ProposalTextAuditTests.proposal("auto-parts-midsize", target: .level(1))
        try #require(p.diagnosis.level == 2 && p.target?.reached == true)
        for r in Self.rendered(p) {
            let f = RenderFormat.of(r.lang)
            let line = r.t.format("targetBelowNowFmt", ["level": f.levelInText(1), "why": r.t["targetWhyOption"], "now": f.levelInText(2), "after": f.levelInText(p.after.level)])
            #expect(r.md.contains("**\(line)**") && r.html.contains(HTMLEscape.escaped(line)), "\(r.lang)")
            #expect(!r.md.contains(r.t.format("targetReachedFmt", ["level": f.levelInText(1), "why": r.t["targetWhyOption"]])), "\(r.lang)")
        }
    }

    /// The CLI warns, in the user's language, when `--target-level` is below the enterprise's level; not otherwise.
    @Test func theCLIWarnsOfATargetBelowTodaysLevel() throws {
        let answers = RenderFixtures.root + "/examples/auto-parts-midsize.yaml"
        let out = TestScratch.url("scope")
        defer { try? FileManager.default.removeItem(at: out) }
        let en = try GaizaoBinary.run(["diagnose", answers, "--target-level", "1", "-o", out.path, "--format", "json", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stderr.contains("warning: --target-level 1 is below the enterprise's current level 2: the proposal only keeps that level"), "\(en.stderr)")
        let zh = try GaizaoBinary.run(["diagnose", answers, "--target-level", "1", "-o", out.path, "--format", "json", "--lang", "zh"])
        #expect(zh.status == 0)
        #expect(zh.stderr.contains("警告：--target-level 1 低于企业现有的 2 级：方案只保持现有等级"), "\(zh.stderr)")
        for level in ["2", "3"] {
            let quiet = try GaizaoBinary.run(["diagnose", answers, "--target-level", level, "-o", out.path, "--format", "json", "--lang", "en"])
            #expect(quiet.status == 0 && !quiet.stderr.contains("warning"), "\(quiet.stderr)")
        }
    }

    /// batch says once which enterprises a `--target-level` leaves below their level (not for those at or under
    /// it), and the wizard as diagnose does.
    @Test func batchAndWizardWarnOfATargetBelowTodaysLevel() throws {
        let dir = TestScratch.url("scope")
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["auto-parts-midsize", "auto-parts-small-workshop"] {  // levels 2 and 0
            try FileManager.default.copyItem(atPath: RenderFixtures.root + "/examples/\(name).yaml", toPath: inputs.appendingPathComponent(name + ".yaml").path)
        }
        let en = try GaizaoBinary.run(["batch", "in", "-o", "out1", "--format", "json", "--target-level", "1", "--lang", "en"], in: dir)
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stderr.contains("warning: --target-level 1 is below the current level of 1 of 2 enterprises (00001-"), "\(en.stderr)")
        let zh = try GaizaoBinary.run(["batch", "in", "-o", "out2", "--format", "json", "--target-level", "1", "--lang", "zh"], in: dir)
        #expect(zh.stderr.contains("警告：--target-level 1 低于 2 家中 1 家企业的现有等级（00001-"), "\(zh.stderr)")
        let quiet = try GaizaoBinary.run(["batch", "in", "-o", "out3", "--format", "json", "--target-level", "2", "--lang", "en"], in: dir)
        #expect(quiet.status == 0 && !quiet.stderr.contains("warning"), "\(quiet.stderr)")
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("auto-parts-midsize.yaml"), to: dir.appendingPathComponent("w.yaml"))
        let wizard = try GaizaoBinary.run(["wizard", "--answers", "w.yaml", "--target-level", "1", "-o", "out4", "--format", "json", "--lang", "en"], in: dir)
        #expect(wizard.status == 0, "\(wizard.stderr)")
        #expect(wizard.stderr.contains("warning: --target-level 1 is below the enterprise's current level 2"), "\(wizard.stderr)")
    }

    /// The organisation asked for a project manager "counted for talent building" while the measure that names one
    /// was only recommended next: neither its cost nor its points are in the package, and the text says so.
    @Test func theProjectLeadIsNotClaimedAsAMeasureThePackageLeavesOut() throws {
        let cases = [try ProposalTextAuditTests.proposal("auto-parts-small-workshop"),
                     try Engine(catalog: RenderFixtures.catalog).run(RenderFixtures.sheet("home-appliance-small-workshop"), contractor: "example-ha-contractor-b").proposal]
        var out = 0, inPackage = 0
        for p in cases {
            guard case .string("none")? = p.answers.first(where: { $0.question == "it_staff" })?.value else { Issue.record("it_staff is not none"); continue }
            let lead = try #require(p.measures?.first { $0.id == "m-digital-lead" })
            for r in Self.rendered(p) {
                #expect(!r.md.contains("并计入人才建设") && !r.md.contains("which also counts for talent building"), "\(r.lang)")
                let key = lead.status == .include ? "leadMeasureInFmt" : "leadMeasureOutFmt"
                let note = r.t.format(key, ["m": lead.name[r.lang]])
                #expect(r.md.contains(note), "\(r.lang): \(key)")
            }
            if lead.status == .include { inPackage += 1 } else { out += 1 }
        }
        // A package with modules takes the digital lead (catalog.yaml `retrofit_measures`): its cost and points count.
        #expect(inPackage == cases.count && out == 0)
        // A proposal without it (as older ones were written) says it is not counted.
        var p = cases[0]
        let k = try #require(p.measures?.firstIndex { $0.id == "m-digital-lead" })
        p.measures![k].status = .notChosen
        let md = RenderFixtures.renderer.markdown(p, lang: .zh)
        #expect(md.contains(RenderStrings(.zh).format("leadMeasureOutFmt", ["m": p.measures![k].name.zh])))
    }
}
