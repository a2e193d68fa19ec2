/// What a proposal template sees: nested dictionaries of pre-formatted strings, booleans and lists — never
/// a domain type, so a renamed model field cannot silently empty a template, and never a raw `Double`.
///
/// Built directly from a `Proposal` for one language and one output flavour. In the Markdown flavour every
/// user or catalog text is already Markdown-escaped (the Markdown templates render with
/// `{{% CONTENT_TYPE: TEXT}}`); in the HTML flavour texts stay as they are and Mustache's `{{x}}` escapes them.
/// Built as `MustacheValue`s (dictionaries, not structs, so no reflection is needed to find a key). The keys
/// are documented in templates/README.md.
public struct ProposalViewModel {
    public enum Flavor: Sendable { case markdown, html }

    /// The built model; its root object is handed to the template.
    public let tree: ViewTree

    /// True when this HTML-flavour model also serves Markdown: none of its texts needed Markdown escaping, and
    /// the flavours differ in nothing else but the charts, which the Markdown templates do not read.
    public let servesMarkdown: Bool

    public init(_ proposal: Proposal, lang: Lang, flavor: Flavor) {
        let builder = ViewModelBuilder(proposal, lang: lang, flavor: flavor)
        tree = ViewTree.build { builder.build().mustacheValue }
        servesMarkdown = flavor == .markdown || !builder.markdownWouldDiffer
    }
}

/// Builds the view model, one section per method (split over `ProposalViewModel+*.swift`).
final class ViewModelBuilder {
    let p: Proposal
    let lang: Lang
    let flavor: ProposalViewModel.Flavor
    let f: RenderFormat
    var s: RenderStrings { f.strings }
    /// Module positions in `p.modules` by id (positions, not copies of the entries).
    let moduleIndex: [String: Int]

    /// Whether the module with this id is in the package. (Read in place: copying an entry retains its every
    /// string and array.)
    func isSelected(_ id: String) -> Bool { moduleIndex[id].map { p.modules[$0].status.isSelected } ?? false }

    /// The weeks of the module with this id, when it is scheduled.
    func scheduledWeeks(_ id: String) -> String {
        guard let i = moduleIndex[id], let start = p.modules[i].startWeek, let end = p.modules[i].endWeek else { return "" }
        return f.weeks(start: start, end: end)
    }

    init(_ proposal: Proposal, lang: Lang, flavor: ProposalViewModel.Flavor) {
        self.p = proposal
        self.lang = lang
        self.flavor = flavor
        self.f = RenderFormat.of(lang)
        self.moduleIndex = Dictionary(proposal.modules.indices.map { (proposal.modules[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Set in the HTML flavour when some text would read differently in the Markdown flavour.
    private(set) var markdownWouldDiffer = false

    /// User or catalog text, made safe for the flavour (Markdown escaping; HTML escaping is Mustache's job).
    /// This is the one place the flavours' texts differ: `markdownWouldDiffer` depends on it.
    func u(_ text: String) -> String {
        if flavor == .markdown { return MarkdownEscape.text(text) }
        // `needsEscaping` is a cheap, conservative test (a date or a hash starts with a digit); only an actual
        // change counts.
        if !markdownWouldDiffer, MarkdownEscape.needsEscaping(text), MarkdownEscape.text(text) != text { markdownWouldDiffer = true }
        return text
    }

    /// A catalog text in the proposal's language, made safe. A catalog text checked as the catalog loaded needs
    /// no scan here.
    func l(_ text: Localized) -> String { text.isMarkdownPlain(lang) ? text[lang] : u(text[lang]) }

    /// Positions in `p.modules` of the entries that pass `test`, in order.
    func modules(where test: (Proposal.ModuleEntry) -> Bool) -> [Int] { p.modules.indices.filter { test(p.modules[$0]) } }

    func moduleName(_ id: String) -> String { moduleIndex[id].map { l(p.modules[$0].name) } ?? u(id) }

    func joined(_ items: [String]) -> String { items.joined(separator: s["listSeparator"]) }

    func build() -> ViewNode {
        let sections = sectionHeaders()
        let root: ViewNode = [
            "t": .v(RenderStrings.value(lang)),
            "lang": .v(s["htmlLang"]),
            "title": .v(s.format("titleFmt", ["name": u(p.enterprise.name)])),
            "cover": .v(cover()),
            "summary": .v(summary()),
            "diagnosis": .v(diagnosis()),
            "peers": peersSection(),
            "target": .v(targetSection()),
            "package": .v(package()),
            "measures": .v(measuresSection()),
            "other": .v(otherModules()),
            "roadmap": .v(roadmap()),
            "budget": .v(budget()),
            "kpis": .v(kpis()),
            "risks": .v(risks()),
            "nextSteps": .v(nextSteps()),
            "assumptions": .v(assumptions()),
            "answers": .v(answers()),
            "money": .v(money()),
            "targets": .v(targets()),
            "acceptance": .v(acceptance()),
            "organisation": .v(organisation()),
            "security": .v(security()),
            "benefits": .v(benefitsSection()),
            "funding": .v(funding()),
            "operations": .v(operations()),
            "riskMatrix": .v(riskMatrix()),
            "evidence": .v(evidenceAppendix()),
            "reviewer": .v(reviewer()),
            "print": .v(printPages()),
            "sections": .object(sections.map { (key: $0.key, value: $0.node.mustacheValue) }),
            "toc": .v(sections.map { $0.node }),
        ]
        if flavor == .html { root["charts"] = charts().mustacheValue }
        return root
    }

    /// Section ids, numbers and titles, in reading order: the headings and the table of contents agree.
    func sectionHeaders() -> [(key: String, node: ViewNode)] {
        let keys = ["summary", "diagnosis", "targets", "target", "package", "measures", "other", "roadmap", "acceptance", "organisation",
                    "security", "budget", "benefits", "funding", "operations", "risks", "next", "assumptions"]
        let titles = ["secSummary", "secDiagnosis", "secTargets", "secTarget", "secPackage", "secMeasures", "secOther", "secRoadmap",
                      "secAcceptance", "secOrganisation", "secSecurity", "secBudget", "secBenefits", "secFunding", "secOperations",
                      "secRisks", "secNext", "secAssumptions"]
        // The expected KPI changes are read in 改造目标 (outcome targets) and 验收指标 (per module): no section of their own.
        // Appendices start on a new page under a title beginning 附录 / Appendix, unnumbered.
        let appendices = [("answers", "secAnswersAppendix"), ("evidence", "secEvidence"), ("reviewer", "secReviewer")]
        let body: [(key: String, node: ViewNode)] = zip(keys, titles).enumerated().map { i, pair in
            (pair.0, ["key": .v(pair.0), "id": .v("sec-" + pair.0), "number": .v(String(i + 1)), "title": .v(s[pair.1]),
                      "isAppendix": .v(false)])
        }
        return body + appendices.map { key, title in
            (key, ["key": .v(key), "id": .v("sec-" + key), "number": .v(""), "title": .v(s[title]), "isAppendix": .v(true)])
        }
    }

    func cover() -> ViewNode {
        let e = p.enterprise
        let standard = p.modules.count { $0.kind == "standard" }
        let personalized = p.modules.count - standard
        var facts: [ViewNode] = [
            ["label": .v(s["industry"]), "value": .v(l(e.industryName))],
            ["label": .v(s["sizeBand"]), "value": .v(l(e.sizeBandName))],
        ]
        if let town = e.town { facts.append(["label": .v(s["town"]), "value": .v(u(town))]) }
        if let code = e.creditCode { facts.append(["label": .v(s["creditCode"]), "value": .v(u(code))]) }
        if let n = e.employees { facts.append(["label": .v(s["employees"]), "value": .v(s.format("employeesFmt", ["n": String(n)]))]) }
        if let r = e.annualRevenueYuan { facts.append(["label": .v(s["revenue"]), "value": .v(f.money(r))]) }
        let contractor = p.contractor.name.map(l) ?? s["noContractor"]
        facts.append(["label": .v(s["contractor"]), "value": .v(contractor)])
        facts.append(["label": .v(s["date"]), "value": .v(p.date.map(u) ?? s["noDate"])])
        return [
            "enterpriseName": .v(u(e.name)),
            "facts": .v(facts),
            "contractorName": .v(contractor),
            "hasContractor": .v(p.contractor.name != nil),
            "contractorExample": .v(p.contractor.example),
            "date": .v(p.date.map(u) ?? s["noDate"]),
            "catalogId": .v(u(p.catalog.id)),
            "catalogVersion": .v(u(p.catalog.version)),
            "catalogReference": .v(p.catalog.reference),
            "referenceNote": .v(s.format("referenceNote", ["industry": l(e.industryName), "shape": "\(standard)+\(personalized)"])),
            "catalogHash": .v(u(p.catalog.hash)),
            "answersHash": .v(u(p.answersHash)),
            "generator": .v(u(p.generator)),
            "maturityModel": .v(maturityModelName()),
        ]
    }

    func summary() -> ViewNode {
        let t = p.totals
        let standard = p.modules.count { $0.kind == "standard" && $0.status.isSelected }
        let d = p.diagnosis, a = p.after
        let headlineKey = a.level > d.level ? "headlineUp" : "headlineSame"
        let reasons = strongestReasons()
        let node: ViewNode = [
            "levelNow": .v(f.level(d.level)),
            "levelAfter": .v(f.level(a.level)),
            "levelRaised": .v(a.level > d.level),
            "pointsNow": .v(s.format("pointsFmt", ["points": f.points(d.points), "max": f.points(d.maxPoints)])),
            "pointsAfter": .v(s.format("pointsFmt", ["points": f.points(a.points), "max": f.points(a.maxPoints)])),
            "headline": .v(s.format(headlineKey, ["now": f.level(d.level), "after": f.level(a.level),
                                               "p1": f.points(d.points), "p2": f.points(a.points)])),
            "investment": .v(f.money(t.investment)),
            "subsidy": .v(f.money(t.subsidy.range)),
            "netCost": .v(f.money(t.netCost)),
            "duration": .v(f.duration(t.durationWeeks)),
            "modules": .v(s.format("modulesFmt", ["n": String(t.selectedModules), "s": String(standard),
                                               "p": String(t.selectedModules - standard)])),
            "targetLine": .v(targetLine()),
            "measuresCount": .v(s.format("measuresCountFmt", ["n": String(t.selectedMeasures ?? 0)])),
            "hasMeasures": .v((t.selectedMeasures ?? 0) > 0),
            "reasons": .v(reasons),
            "hasReasons": .v(!reasons.isEmpty),
            "hasBudgetLimit": .v(p.budgetYuan != nil),
            "budgetNote": .v(p.budgetYuan.map { s.format("budgetLimitFmt", ["budget": f.money($0)]) } ?? ""),
        ]
        node["whyNotAfter"] = whyNotHigher(a, key: "whyNotAfterFmt").mustacheValue
        return node
    }

    /// The three strongest reasons for the package: the highest-weight rule reason of each chosen module,
    /// personalized modules first, then the standard modules' reasons when fewer than three remain.
    func strongestReasons() -> [ViewNode] {
        // Positions, not copies: an entry's copy retains its every string and array.
        struct Candidate { var personalized: Bool; var weight: Double; var score: Double; var order: Int; var reason: Int }
        var candidates: [Candidate] = []
        for order in p.modules.indices where p.modules[order].status.isSelected {
            let reasons = p.modules[order].reasons
            // The standard modules' reason is the same sentence for every enterprise: not a reason worth a headline.
            guard !reasons.isEmpty, reasons.contains(where: { $0.kind != .standard }) else { continue }
            // The first of the highest weight.
            var best = 0
            for k in reasons.indices.dropFirst() where (reasons[k].weight ?? 0) > (reasons[best].weight ?? 0) { best = k }
            candidates.append(Candidate(personalized: p.modules[order].kind == "personalized", weight: reasons[best].weight ?? 0,
                                        score: p.modules[order].score, order: order, reason: best))
        }
        candidates.sort { l, r in
            if l.personalized != r.personalized { return l.personalized }
            if l.weight != r.weight { return l.weight > r.weight }
            if l.score != r.score { return l.score > r.score }
            return l.order < r.order
        }
        var out: [ViewNode] = candidates.prefix(3).map { c in
            ["module": .v(l(p.modules[c.order].name)), "text": .v(l(p.modules[c.order].reasons[c.reason].text))]
        }
        // A package of few modules (or none: management measures alone can reach a target) is explained by what
        // its measures add.
        for m in p.measures ?? [] where out.count < 3 && m.status == .include {
            guard let gain = m.reasons.first(where: { $0.kind == .measure }) ?? m.reasons.first else { continue }
            out.append(["module": .v(l(m.name)), "text": .v(l(gain.text))])
        }
        return out
    }

    /// Why the level is not one higher: the failing conditions of the next level's rule.
    func whyNotHigher(_ d: Proposal.DiagnosisSummary, key: String) -> ViewNode {
        let top = d.level >= 4
        return [
            "title": .v(top ? s["topLevel"] : s.format(key, ["level": f.level(d.level + 1)])),
            "items": .v(d.blockers.map { ["text": .v(l($0))] as ViewNode }),
            "hasItems": .v(!d.blockers.isEmpty),
            "isTop": .v(top),
        ]
    }
}
