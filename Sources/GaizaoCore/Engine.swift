import Foundation

/// The pipeline in one value: answers → diagnosis → plan → proposal, for one loaded catalog.
/// Build it once and reuse it: each run is pure, synchronous and deterministic.
public struct Engine: Sendable {
    public let catalog: Catalog
    /// Each industry of the catalog prepared once (slots, compiled conditions, lookup tables), in catalog order;
    /// nil for one left out at `init`, prepared again at each run instead.
    let prepared: [PreparedIndustry?]

    /// - Parameter industries: the industries runs will be for (nil: all); a command that diagnoses one
    ///   enterprise prepares only its industry.
    public init(catalog: Catalog, industries: Set<String>? = nil) {
        self.catalog = catalog
        prepared = catalog.industries.map { industry in
            industries.map { $0.contains(industry.id) } ?? true ? PreparedIndustry(catalog: catalog, industry: industry) : nil
        }
    }

    private func prepared(_ index: Int) -> PreparedIndustry {
        prepared[index] ?? PreparedIndustry(catalog: catalog, industry: catalog.industries[index])
    }

    public struct Output: Sendable {
        public var diagnosis: Diagnosis
        public var plan: Plan
        public var proposal: Proposal
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unknownIndustry(String)
        case unknownOverlay(String, available: [String])
        case overlayForOtherIndustry(String, industry: String)
        /// The budget cannot hold the must-have modules (rules-only, `target: .none`: the standard modules).
        case budgetBelowMustHaves(Localized)

        public var description: String {
            switch self {
            case let .unknownIndustry(id): return "unknown industry `\(id)`"
            case let .unknownOverlay(id, available):
                return "unknown contractor overlay `\(id)`; the catalog has: \(available.isEmpty ? "none" : available.joined(separator: ", "))"
            case let .overlayForOtherIndustry(id, industry): return "contractor overlay `\(id)` is for industry `\(industry)`"
            case let .budgetBelowMustHaves(text): return text.en
            }
        }
    }

    public func overlay(_ id: String?, industry: String) throws(Failure) -> Overlay? {
        guard let id else { return nil }
        guard let o = catalog.overlay(id) else { throw .unknownOverlay(id, available: catalog.overlays.map(\.id)) }
        guard o.industry == industry else { throw .overlayForOtherIndustry(id, industry: o.industry) }
        return o
    }

    /// Where an enterprise stands before any plan: who it is and its diagnosis, as the proposal would show them.
    /// The batch's first pass needs no more (its peer groups), so it does not plan.
    public struct Standing: Sendable {
        public var enterprise: Proposal.Enterprise
        /// MIIT points now.
        public var points: Double
        public var level: Int
        /// Each scene's id and level now, in the maturity model's order.
        public var scenes: [(id: String, level: Int)]
    }

    /// The diagnosis half of `run`: the same checks (industry, overlay) and the same figures as the proposal's.
    public func standing(_ sheet: AnswerSheet, contractor: String? = nil) throws(Failure) -> Standing {
        guard let index = catalog.industries.firstIndex(where: { $0.id == sheet.industry }) else { throw .unknownIndustry(sheet.industry) }
        let prepared = prepared(index)
        _ = try overlay(contractor, industry: prepared.industry.id)
        let diagnosis = prepared.diagnosis.diagnose(industryID: prepared.industry.id,
                                                    answers: prepared.effectiveAnswers(prepared.slotted(sheet.answers).values))
        let scenes = catalog.maturity.scenes
        return Standing(enterprise: ProposalBuilder(prepared).enterprise(diagnosis), points: Double(diagnosis.total) / 1000,
                        level: diagnosis.level, scenes: zip(scenes, diagnosis.scenes).map { ($0.id, $1.level) })
    }

    public func run(_ sheet: AnswerSheet, budgetYuan: Int? = nil, contractor: String? = nil, target: TargetLevel = .automatic) throws(Failure) -> Output {
        let output = try unchecked(sheet, budgetYuan: budgetYuan, contractor: contractor, target: target)
        if let shortfall = output.plan.budgetShortfall { throw .budgetBelowMustHaves(shortfall) }
        return output
    }

    /// `run` without refusing a budget below what cannot be dropped: the proposal then exceeds its budget. The
    /// tests make such files with it, as earlier versions wrote them (a rules-only package over its budget), for
    /// `compare`, which must still mark them.
    func unchecked(_ sheet: AnswerSheet, budgetYuan: Int? = nil, contractor: String? = nil, target: TargetLevel = .automatic) throws(Failure) -> Output {
        guard let index = catalog.industries.firstIndex(where: { $0.id == sheet.industry }) else { throw .unknownIndustry(sheet.industry) }
        let prepared = prepared(index)
        let industry = prepared.industry
        let overlay = try overlay(contractor, industry: industry.id)
        // The sheet's ids are hashed once, here; everything after reads answers by slot.
        let (raw, complete) = prepared.slotted(sheet.answers)
        let answers = prepared.effectiveAnswers(raw)
        let diagnosis = prepared.diagnosis.diagnose(industryID: industry.id, answers: answers)
        let plan = Planner(prepared).plan(diagnosis, options: PlanOptions(budgetYuan: budgetYuan, overlay: overlay, target: target))
        let hash = complete ? prepared.answersHash(sheet, raw: raw) : Self.hash(sheet)
        let proposal = ProposalBuilder(prepared).build(sheet: sheet, answersHash: hash, diagnosis: diagnosis, plan: plan, overlay: overlay)
        return Output(diagnosis: diagnosis, plan: plan, proposal: proposal)
    }
}

extension Proposal {
    /// The proposal as JSON: keys in schema order, two-space indent, newline at the end; byte-identical for
    /// equal input.
    public func jsonText() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// The UTF-8 bytes of `jsonText()`.
    public func jsonBytes() -> [UInt8] {
        do {
            // A proposal's JSON is about 160–215 KB (the synthetic batch and the shipped examples): reserved once,
            // so that it is never copied into a larger buffer while it is written.
            return try PrettyJSONEncoder.encodeBytes(self, capacity: 256 << 10)
        } catch {
            // The encoder throws nothing and the proposal's conformances are synthesized.
            preconditionFailure("encoding a proposal cannot fail: \(error)")
        }
    }

    public static func decode(json: String) throws -> Proposal {
        try JSONDecoder().decode(Proposal.self, from: Data(json.utf8))
    }
}
