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
    let proposal: Proposal
    let lang: Lang
    let flavor: ProposalViewModel.Flavor
    let format: RenderFormat
    var strings: RenderStrings { format.strings }
    /// Module positions in `proposal.modules` by id (positions, not copies of the entries).
    let moduleIndex: [String: Int]

    /// Whether the module with this id is in the package. (Read in place: copying an entry retains its every
    /// string and array.)
    func isSelected(_ id: String) -> Bool { moduleIndex[id].map { proposal.modules[$0].status.isSelected } ?? false }

    /// The weeks of the module with this id, when it is scheduled.
    func scheduledWeeks(_ id: String) -> String {
        guard let i = moduleIndex[id], let start = proposal.modules[i].startWeek, let end = proposal.modules[i].endWeek else { return "" }
        return format.weeks(start: start, end: end)
    }

    init(_ proposal: Proposal, lang: Lang, flavor: ProposalViewModel.Flavor) {
        self.proposal = proposal
        self.lang = lang
        self.flavor = flavor
        self.format = RenderFormat.of(lang)
        self.moduleIndex = Dictionary(proposal.modules.indices.map { (proposal.modules[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The package holds modules: a project to contract, deliver, train for and accept.
    var hasModules: Bool { proposal.totals.selectedModules > 0 }

    /// The management measures in the package.
    var measureCount: Int { proposal.totals.selectedMeasures ?? 0 }

    /// The package holds nothing at all: no module and no measure (already at the target, or nothing reaches it).
    var isEmptyPackage: Bool { !hasModules && measureCount == 0 }

    /// The target is missed for the budget: the ladder has a package that reaches it.
    var targetMissedForBudget: Bool {
        guard let target = proposal.target, let level = target.level, !target.reached, proposal.budgetYuan != nil else { return false }
        return (proposal.ladder ?? []).contains { $0.level == level && $0.reachable }
    }

    /// Set in the HTML flavour when some text would read differently in the Markdown flavour.
    private(set) var markdownWouldDiffer = false

    /// User or catalog text, made safe for the flavour (Markdown escaping; HTML escaping is Mustache's job).
    /// This is the one place the flavours' texts differ: `markdownWouldDiffer` depends on it.
    func safe(_ text: String) -> String {
        if flavor == .markdown { return MarkdownEscape.text(text) }
        // `needsEscaping` is a cheap, conservative test (a date or a hash starts with a digit); only an actual
        // change counts.
        if !markdownWouldDiffer, MarkdownEscape.needsEscaping(text), MarkdownEscape.text(text) != text { markdownWouldDiffer = true }
        return text
    }

    /// A catalog text in the proposal's language, made safe. A catalog text checked as the catalog loaded needs
    /// no scan here.
    func localized(_ text: Localized) -> String { text.isMarkdownPlain(lang) ? text[lang] : safe(text[lang]) }

    /// Positions in `proposal.modules` of the entries that pass `test`, in order. `test` is given an entry's position
    /// and reads the fields it needs in place: handing it the entry copied the entry whole (retaining its every
    /// string and array).
    func modules(where test: (Int) -> Bool) -> [Int] { proposal.modules.indices.filter(test) }

    /// Positions in `proposal.modules` of the entries in the package, in order.
    func selectedModules() -> [Int] { modules(where: { proposal.modules[$0].status.isSelected }) }

    func moduleName(_ id: String) -> String { moduleIndex[id].map { localized(proposal.modules[$0].name) } ?? safe(id) }

    /// The items as one list in the text (`A、B、C` / `A, B, C`). Made in one buffer of the exact size; no item or one
    /// item needs no new string at all. (The standard library's `joined(separator:)` grows its result as it goes.)
    func joined(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default:
            let separator = strings["listSeparator"]
            var capacity = separator.utf8.count * (items.count - 1)
            for item in items { capacity += item.utf8.count }
            var out = ""
            out.reserveCapacity(capacity)
            out += items[0]
            for item in items.dropFirst() {
                out += separator
                out += item
            }
            return out
        }
    }

    /// Catalog texts in the proposal's language as one list in the text, as `joined(_:)` of their `localized` texts
    /// (none or one needs no list made).
    func joined(_ texts: [Localized]) -> String {
        switch texts.count {
        case 0: return ""
        case 1: return localized(texts[0])
        default: return joined(texts.map(localized))
        }
    }

    /// A text that the engine writes to follow a colon (`the schedule takes 28 weeks, …`) standing on its own, as
    /// a table cell or a list item: in English with a capital, as the catalog's texts beside it start.
    func cellText(_ text: String) -> String {
        guard lang == .en, let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    func build() -> ViewNode {
        let sections = ProposalSections.of(lang)
        var root: ViewNode = [
            "t": .from(RenderStrings.value(lang)),
            "lang": .from(strings["htmlLang"]),
            "title": .from(strings.format("titleFmt", ["name": safe(proposal.enterprise.name)])),
            "cover": .from(cover()),
            "summary": .from(summary()),
            "diagnosis": .from(diagnosis()),
            "peers": peersSection(),
            "target": .from(targetSection()),
            "package": .from(package()),
            "measures": .from(measuresSection()),
            "other": .from(otherModules()),
            "roadmap": .from(roadmap()),
            "budget": .from(budget()),
            "kpis": .from(kpis()),
            "risks": .from(risks()),
            "nextSteps": .from(nextSteps()),
            "assumptions": .from(assumptions()),
            "answers": .from(answers()),
            "money": .from(money()),
            "targets": .from(targets()),
            "acceptance": .from(acceptance()),
            "organisation": .from(organisation()),
            "security": .from(security()),
            "benefits": .from(benefitsSection()),
            "funding": .from(funding()),
            "operations": .from(operations()),
            "riskMatrix": .from(riskMatrix()),
            "evidence": .from(evidenceAppendix()),
            "reviewer": .from(reviewer()),
            "print": .from(printPages()),
            "sections": sections.byKey,
            "toc": sections.inOrder,
        ]
        if flavor == .html { root["charts"] = charts().mustacheValue }
        return root
    }

    func cover() -> ViewNode {
        let e = proposal.enterprise
        let standard = proposal.modules.count { $0.kind == "standard" }
        let personalized = proposal.modules.count - standard
        var facts: [ViewNode] = [
            ["label": .from(strings["industry"]), "value": .from(localized(e.industryName))],
            ["label": .from(strings["sizeBand"]), "value": .from(localized(e.sizeBandName))],
        ]
        if let town = e.town { facts.append(["label": .from(strings["town"]), "value": .from(safe(town))]) }
        if let code = e.creditCode { facts.append(["label": .from(strings["creditCode"]), "value": .from(safe(code))]) }
        if let n = e.employees { facts.append(["label": .from(strings["employees"]), "value": .from(strings.format("employeesFmt", ["n": String(n)]))]) }
        if let r = e.annualRevenueYuan { facts.append(["label": .from(strings["revenue"]), "value": .from(format.money(r))]) }
        let contractor = proposal.contractor.name.map(localized) ?? strings["noContractor"]
        facts.append(["label": .from(strings["contractor"]), "value": .from(contractor)])
        facts.append(["label": .from(strings["date"]), "value": .from(proposal.date.map(safe) ?? strings["noDate"])])
        return [
            "enterpriseName": .from(safe(e.name)),
            "facts": .from(facts),
            "contractorName": .from(contractor),
            "hasContractor": .from(proposal.contractor.name != nil),
            "contractorExample": .from(proposal.contractor.example),
            "date": .from(proposal.date.map(safe) ?? strings["noDate"]),
            "catalogId": .from(safe(proposal.catalog.id)),
            "catalogVersion": .from(safe(proposal.catalog.version)),
            "catalogReference": .from(proposal.catalog.reference),
            "referenceNote": .from(strings.format("referenceNote", ["industry": localized(e.industryName), "shape": "\(standard)+\(personalized)"])),
            "catalogHash": .from(safe(proposal.catalog.hash)),
            "answersHash": .from(safe(proposal.answersHash)),
            "generator": .from(safe(proposal.generator)),
            "maturityModel": .from(maturityModelName()),
        ]
    }

    func summary() -> ViewNode {
        let t = proposal.totals
        let standard = proposal.modules.count { $0.kind == "standard" && $0.status.isSelected }
        let d = proposal.diagnosis, a = proposal.after
        // Points that do not move are said to stay, not to "rise from 77.025 to 77.025".
        let samePoints = format.points(d.points) == format.points(a.points)
        let headlineKey = isEmptyPackage ? "headlineEmpty" : (a.level > d.level ? "headlineUp" : "headlineSame") + (samePoints ? "Flat" : "")
        let plain = plainNote()
        let reasons = strongestReasons()
        let unanswered = unansweredNote()
        var node: ViewNode = [
            "levelNow": .from(format.level(d.level)),
            "levelAfter": .from(format.level(a.level)),
            "levelRaised": .from(a.level > d.level),
            "pointsNow": .from(strings.format("pointsFmt", ["points": format.points(d.points), "max": format.points(d.maxPoints)])),
            "pointsAfter": .from(strings.format("pointsFmt", ["points": format.points(a.points), "max": format.points(a.maxPoints)])),
            "headline": .from(strings.format(headlineKey, ["now": format.levelInText(d.level), "after": format.levelInText(a.level),
                                               "p1": format.points(d.points), "p2": format.points(a.points)])),
            "investment": .from(format.money(t.investment)),
            "subsidy": .from(format.money(t.subsidy.range)),
            "netCost": .from(format.money(t.netCost) + netCostNote(t.netCost)),
            "duration": .from(format.duration(t.durationWeeks)),
            // No module: "无", not "0 个（标准 0 + 个性化 0）".
            "modules": .from(t.selectedModules == 0 ? strings["modulesNone"] : strings.format("modulesFmt", ["n": String(t.selectedModules), "s": String(standard),
                                               "p": String(t.selectedModules - standard)])),
            "targetLine": .from(targetLine()),
            "plainNote": .from(plain),
            "hasPlainNote": .from(!plain.isEmpty),
            "unansweredNote": .from(unanswered),
            "hasUnansweredNote": .from(!unanswered.isEmpty),
            "measuresCount": .from(strings.format("measuresCountFmt", ["n": String(t.selectedMeasures ?? 0)])),
            "hasMeasures": .from((t.selectedMeasures ?? 0) > 0),
            "reasons": .from(reasons),
            "hasReasons": .from(!reasons.isEmpty),
            "hasBudgetLimit": .from(proposal.budgetYuan != nil),
            "budgetNote": .from(budgetNote()),
        ]
        // With nothing in the package there is no "after the retrofit": the blockers are today's.
        node["whyNotAfter"] = whyNotHigher(a, key: isEmptyPackage ? "whyNotNowFmt" : "whyNotAfterFmt").mustacheValue
        return node
    }

    /// Scored questions left unanswered count 0 points or level 0: said beside the headline, strongly when they are
    /// many (five or more, or a fifth of the scored questions), since the diagnosis then rests on gaps, not answers.
    func unansweredNote() -> String {
        let (n, total) = proposal.diagnosis.unansweredScoredQuestions
        guard n > 0 else { return "" }
        return strings.format(proposal.diagnosis.restsOnGaps ? "unansweredManyFmt" : "unansweredFewFmt", ["n": String(n), "total": String(total)])
    }

    /// What the package is when it is no retrofit project: nothing at all, or management measures only (empty for a
    /// package with modules).
    func plainNote() -> String {
        if hasModules { return "" }
        if measureCount > 0 { return strings.format("plainMeasuresOnlyFmt", ["n": String(measureCount)]) }
        guard let target = proposal.target, let level = target.level else { return strings["plainEmptyRules"] }
        let key = target.reached ? "plainEmptyReachedFmt" : targetMissedForBudget ? "plainEmptyOverBudgetFmt" : "plainEmptyMissedFmt"
        return strings.format(key, ["level": format.levelInText(level), "now": format.levelInText(proposal.diagnosis.level)])
    }

    /// The three strongest reasons for the package: the highest-weight rule reason of each chosen module,
    /// personalized modules first, then the standard modules' reasons when fewer than three remain.
    func strongestReasons() -> [ViewNode] {
        // Positions, not copies: an entry's copy retains its every string and array.
        struct Candidate { var personalized: Bool; var weight: Double; var score: Double; var order: Int; var reason: Int }
        var candidates: [Candidate] = []
        for order in proposal.modules.indices where proposal.modules[order].status.isSelected {
            let reasons = proposal.modules[order].reasons
            // The standard modules' reason is the same sentence for every enterprise: not a reason worth a headline.
            guard !reasons.isEmpty, reasons.contains(where: { $0.kind != .standard }) else { continue }
            // A standard module that lifts no scene here (its scenes are at its levels already) is in the package for
            // another reason (a module needs it, the target does): its standard sentence ("相关场景现状已达到本模块的
            // 等级") would read as a reason not to buy it, so it is not the headline.
            let liftsNothing = !proposal.modules[order].raises.contains { $0.to > $0.from }
            let eligible = reasons.indices.filter { !(liftsNothing && reasons[$0].kind == .standard) }
            guard var best = eligible.first else { continue }
            // The first of the highest weight.
            for k in eligible.dropFirst() where (reasons[k].weight ?? 0) > (reasons[best].weight ?? 0) { best = k }
            candidates.append(Candidate(personalized: proposal.modules[order].kind == "personalized", weight: reasons[best].weight ?? 0,
                                        score: proposal.modules[order].score, order: order, reason: best))
        }
        candidates.sort { l, r in
            if l.personalized != r.personalized { return l.personalized }
            if l.weight != r.weight { return l.weight > r.weight }
            if l.score != r.score { return l.score > r.score }
            return l.order < r.order
        }
        var out: [ViewNode] = candidates.prefix(3).map { c in
            ["module": .from(localized(proposal.modules[c.order].name)), "text": .from(localized(proposal.modules[c.order].reasons[c.reason].text))]
        }
        // A package of few modules (or none: management measures alone can reach a target) is explained by what
        // its measures add.
        for m in proposal.measures ?? [] where out.count < 3 && m.status == .include {
            guard let gain = m.reasons.first(where: { $0.kind == .measure }) ?? m.reasons.first else { continue }
            out.append(["module": .from(localized(m.name)), "text": .from(localized(gain.text))])
        }
        return out
    }

    /// Why the level is not one higher: the failing conditions of the next level's rule.
    func whyNotHigher(_ d: Proposal.DiagnosisSummary, key: String) -> ViewNode {
        let top = d.level >= 4
        return [
            "title": .from(top ? strings["topLevel"] : strings.format(key, ["level": format.levelInText(d.level + 1)])),
            "items": .from(d.blockers.map { ["text": .from(localized($0))] as ViewNode }),
            "hasItems": .from(!d.blockers.isEmpty),
            "isTop": .from(top),
        ]
    }
}

/// A proposal's section headers (ids, numbers and titles) in one language: the same for every proposal, so
/// made once per language and shared by every view model (root keys `sections`, by key, and `toc`, in order).
struct ProposalSections: Sendable {
    /// An object of the headers by section key.
    let byKey: MustacheValue
    /// The headers in reading order: the headings and the table of contents agree.
    let inOrder: MustacheValue

    static func of(_ lang: Lang) -> ProposalSections { lang == .zh ? zh : en }
    private static let zh = ProposalSections(RenderFormat.of(.zh).strings)
    private static let en = ProposalSections(RenderFormat.of(.en).strings)

    init(_ strings: RenderStrings) {
        let keys = ["summary", "diagnosis", "targets", "target", "package", "measures", "other", "roadmap", "acceptance", "organisation",
                    "security", "budget", "benefits", "funding", "operations", "risks", "next", "assumptions"]
        let titles = ["secSummary", "secDiagnosis", "secTargets", "secTarget", "secPackage", "secMeasures", "secOther", "secRoadmap",
                      "secAcceptance", "secOrganisation", "secSecurity", "secBudget", "secBenefits", "secFunding", "secOperations",
                      "secRisks", "secNext", "secAssumptions"]
        // The expected KPI changes are read in 改造目标 (outcome targets) and 验收指标 (per module): no section of their own.
        // Appendices start on a new page under a title beginning 附录 / Appendix, unnumbered.
        let appendices = [("answers", "secAnswersAppendix"), ("evidence", "secEvidence"), ("reviewer", "secReviewer")]
        let body: [(key: String, node: ViewNode)] = zip(keys, titles).enumerated().map { i, pair in
            (pair.0, ["key": .from(pair.0), "id": .from("sec-" + pair.0), "number": .from(String(i + 1)), "title": .from(strings[pair.1]),
                      "isAppendix": .from(false)])
        }
        let headers = body + appendices.map { key, title in
            (key, ["key": .from(key), "id": .from("sec-" + key), "number": .from(""), "title": .from(strings[title]), "isAppendix": .from(true)])
        }
        byKey = .object(headers.map { (key: $0.key, value: $0.node.mustacheValue) })
        inOrder = .from(headers.map { $0.node })
    }
}
