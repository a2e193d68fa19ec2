/// A package as the planner works on it: the modules (indices into `industry.modules`) and the measures (indices
/// into `industry.measures`) it holds, and what it costs.
struct Package: Sendable, Hashable {
    var modules: [Int]
    var measures: [Int]
    var investment: CostRange

    static let empty = Package(modules: [], measures: [], investment: .zero)
}

/// The two projections of a package.
enum ProjectionKind: Sendable {
    /// Outcome answers stay as they are: what can be promised. The target must be reached under this one.
    case conservative
    /// The modules' KPI changes are realised: outcome answers improve where every estimate of a module agrees.
    case expected
}

extension Planner {
    /// The diagnosis after the package: scenes raised and `brings` applied for its modules, its measures' `brings`,
    /// the retrofit's own changes (when it has a module), and its investment counted towards the funding
    /// indicator. This is the definition `PackageModel` (the search's fast evaluator) must agree with.
    func project(_ diagnosis: Diagnosis, _ package: Package, _ kind: ProjectionKind) -> Diagnosis {
        var answers = diagnosis.slotAnswers.using(prepared.slots)
        Self.apply(package, to: &answers.values, tables: tables, kind: kind, kpis: kind == .expected ? kpiLines(package.modules) : [])
        return prepared.diagnosis.diagnose(industryID: industry.id, answers: answers)
    }

    static func apply(_ package: Package, to values: inout [AnswerValue?], tables: PlanTables, kind: ProjectionKind, kpis: [KPILine]) {
        for i in package.modules {
            let m = tables.modules[i]
            for r in m.raises {
                let now: Double
                if case let .number(n)? = values[r.slot] { now = n } else { now = 0 }
                values[r.slot] = .number(max(now, Double(r.level)))
            }
            for b in m.brings { apply(b, to: &values) }
        }
        for k in package.measures {
            for b in tables.measures[k].brings { apply(b, to: &values) }
        }
        if !package.modules.isEmpty {
            for b in tables.retrofitBrings { apply(b, to: &values) }
        }
        if let share = tables.investmentShare,
           let projected = fundingShare(values[share.slot], revenue: values[share.revenueSlot], years: share.years,
                                        investmentYuan: kind == .conservative ? package.investment.low : midpoint(package.investment)) {
            values[share.slot] = .number(projected)
        }
        if kind == .expected {
            for outcome in tables.outcomes where improves(outcome, kpis) { values[outcome.slot] = .option(outcome.option) }
        }
    }

    /// The funding share after the package (nil when it does not change: no investment, no revenue).
    /// The package's spending joins the window of `years` years: share + 100 × investment / (years × revenue).
    static func fundingShare(_ current: AnswerValue?, revenue: AnswerValue?, years: Int, investmentYuan: Int) -> Double? {
        fundingShare(number(current), revenueWan: number(revenue), years: years, investmentYuan: investmentYuan)
    }

    /// `fundingShare` of the answers' numbers (nil: not a number): the package search tracks answers as numbers.
    static func fundingShare(_ current: Double?, revenueWan: Double?, years: Int, investmentYuan: Int) -> Double? {
        guard investmentYuan > 0, let revenueWan, revenueWan > 0, revenueWan.isFinite, years > 0 else { return nil }
        var base = 0.0
        if let n = current, n.isFinite { base = n }
        let share = base + 100 * (Double(investmentYuan) / 10_000) / (Double(years) * revenueWan)
        return share.isFinite ? share : nil
    }

    /// The number an answer holds, if it is one.
    static func number(_ value: AnswerValue?) -> Double? {
        if case let .number(n)? = value { return n }
        return nil
    }

    static func midpoint(_ c: CostRange) -> Int { c.low / 2 + c.high / 2 + (c.low % 2 + c.high % 2) / 2 }

    /// Whether some module's estimate for the outcome's metric is an improvement even at its least favourable end.
    static func improves(_ outcome: PlanTables.PreparedOutcome, _ kpis: [KPILine]) -> Bool {
        kpis.contains { k in
            k.metric == outcome.metric && (outcome.better == .higher ? k.low > 0 : k.high < 0)
        }
    }

    func kpiLines(_ modules: [Int]) -> [KPILine] {
        var lines: [KPILine] = []
        for i in modules {
            for k in industry.modules[i].kpis {
                lines.append(KPILine(moduleID: industry.modules[i].id, metric: k.metric, low: k.low, high: k.high, source: k.source))
            }
        }
        return lines
    }

    static func apply(_ b: PlanTables.PreparedChange, to answers: inout [AnswerValue?]) {
        switch b {
        case let .add(slot, optionIDs, firstOfID, adding):
            // The question's options, in their order, that are chosen now or added.
            var chosen = adding
            if case let .options(current)? = answers[slot] {
                for id in current {
                    if let j = optionIDs.firstIndex(of: id) { chosen[j] = true }
                }
            }
            var result: [String] = []
            result.reserveCapacity(optionIDs.count)
            for j in optionIDs.indices where chosen[j] || chosen[firstOfID[j]] { result.append(optionIDs[j]) }
            answers[slot] = .options(result)
        case let .atLeastNumber(slot, n):
            if case let .number(now)? = answers[slot], now >= n { return }
            answers[slot] = .number(n)
        case let .atLeastOption(slot, optionIDs, target, option):
            if case let .option(now)? = answers[slot], let i = optionIDs.firstIndex(of: now), i >= target { return }
            answers[slot] = .option(option)
        }
    }
}
