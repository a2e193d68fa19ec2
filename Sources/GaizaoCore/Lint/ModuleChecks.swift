enum ModuleChecks {
    static func run(_ catalog: Catalog, _ industry: Industry, _ bag: inout DiagnosticBag) {
        let modules = industry.modules
        CatalogChecks.duplicates(modules, id: \.id, loc: \.location, what: "module", &bag)
        let standard = industry.standardModules.count, personalized = industry.personalizedModules.count
        if industry.shape.standard >= 0 && (standard != industry.shape.standard || personalized != industry.shape.personalized) {
            bag.error("industry `\(industry.id)` declares shape \(industry.shape.standard)+\(industry.shape.personalized) but has \(standard)+\(personalized) modules (standard+personalized)",
                      at: industry.shapeLocation)
        }
        // The planner searches packages as sets of at most `PackageModel.capacity` items (modules and measures);
        // beyond that it would leave items out and could call a reachable target unreachable.
        let items = modules.count + industry.measures.count
        if items > PackageModel.capacity {
            let first = modules.count > PackageModel.capacity ? modules[PackageModel.capacity].location
                : industry.measures[PackageModel.capacity - modules.count].location
            bag.error("industry `\(industry.id)` has \(modules.count) modules and \(industry.measures.count) measures: the planner handles at most \(PackageModel.capacity) of them together; split the industry or merge modules", at: first ?? industry.location)
        }
        let ids = modules.map(\.id)
        let bands = catalog.manifest.pricedBandIDs
        let tags = Set(catalog.policies.policies.compactMap { p -> String? in if case let .tag(t) = p.base { return t } else { return nil } })
        for m in modules {
            for r in m.raises where catalog.maturity.scene(r.scene) == nil {
                let hint = closest(r.scene, among: catalog.maturity.scenes.map(\.id)).map { " (did you mean `\($0)`?)" } ?? ""
                bag.error("module `\(m.id)` raises unknown scene `\(r.scene)`\(hint)", at: r.location)
            }
            for ref in m.requires + m.excludes where !ids.contains(ref.text) {
                let hint = closest(ref.text, among: ids).map { " (did you mean `\($0)`?)" } ?? ""
                bag.error("module `\(m.id)` refers to unknown module `\(ref.text)`\(hint)", at: ref.location)
            }
            for ref in m.requires + m.excludes where ref.text == m.id {
                bag.error("module `\(m.id)` refers to itself", at: ref.location)
            }
            for ref in m.requires where m.excludedIDs.contains(ref.text) {
                bag.error("module `\(m.id)` both requires and excludes `\(ref.text)`", at: ref.location)
            }
            for band in bands where m.cost[band] == nil {
                bag.error("module `\(m.id)` has no cost for size band `\(band)`", at: m.location)
            }
            for band in m.cost.keys.sorted() where !bands.contains(band) {
                bag.error("module `\(m.id)` prices unknown size band `\(band)` (bands: \(bands.joined(separator: ", ")))", at: m.location)
            }
            for k in m.kpis where catalog.manifest.metric(k.metric) == nil {
                bag.error("module `\(m.id)` names unknown KPI metric `\(k.metric)`", at: k.location)
            }
            for tag in m.subsidyTags where !tags.contains(tag) {
                bag.warning("subsidy tag `\(tag)` of module `\(m.id)` is used by no policy", at: m.location)
            }
            for b in m.brings { checkBrings(b, of: "module `\(m.id)`", catalog.questionnaire(for: industry), &bag) }
            if m.products.isEmpty { bag.warning("module `\(m.id)` suggests no product", at: m.location) }
            if m.raises.isEmpty { bag.warning("module `\(m.id)` raises no scene", at: m.location) }
        }
        checkCycles(industry, &bag)
        checkContradictions(industry, &bag)
    }

    /// One answer change of `owner` ("module `x`", "measure `y`"): the question exists and the change fits its type.
    static func checkBrings(_ b: AnswerChange, of owner: String, _ questionnaire: Questionnaire, _ bag: inout DiagnosticBag) {
        guard let q = questionnaire[b.questionID] else {
            bag.error("`brings` of \(owner) names unknown question `\(b.questionID)`", at: b.location)
            return
        }
        switch (b.change, q.kind) {
        case let (.add(options), .multi):
            for o in options where q.option(o)?.exclusive == true {
                bag.error("`brings` of \(owner): `\(o)` of `\(q.id)` means none of the options and cannot be added", at: b.location)
            }
            for o in options where q.option(o) == nil {
                bag.error("`brings` of \(owner): `\(q.id)` has no option `\(o)`", at: b.location)
            }
            // The answer must stay valid whatever it held: an option that needs others is added with them.
            if let unmet = q.unmetRequirement(Set(options)) {
                bag.error("`brings` of \(owner): \(q.unmetRequirementMessage(unmet)); add them too", at: b.location)
            }
        case let (.atLeastNumber(n), .number), let (.atLeastNumber(n), .level):
            if let problem = AnswerDecoder.numberProblem(n, q) { bag.error("`brings` of \(owner): \(problem)", at: b.location) }
        case let (.atLeastOption(o), .single):
            if q.option(o) == nil { bag.error("`brings` of \(owner): `\(q.id)` has no option `\(o)`", at: b.location) }
        default:
            bag.error("`brings` of \(owner) cannot change \(q.kind.rawValue) question `\(q.id)` this way (use `add` for multiple choice, `at_least` for numbers and single choice)", at: b.location)
        }
    }

    /// A module that (transitively) requires itself can never be scheduled.
    static func checkCycles(_ industry: Industry, _ bag: inout DiagnosticBag) {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ id: String, _ path: [String]) {
            guard let m = industry.module(id) else { return }
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(path.drop { $0 != id }) + [id]
                let key = Set(cycle).sorted().joined(separator: ",")
                if reported.insert(key).inserted {
                    bag.error("requires cycle: \(cycle.joined(separator: " → "))", at: m.requires.first { cycle.contains($0.text) }?.location ?? m.location)
                }
                return
            }
            state[id] = 1
            for r in m.requiredIDs { visit(r, path + [id]) }
            state[id] = 2
        }
        for m in industry.modules { visit(m.id, []) }
    }

    /// A module whose requirements (direct or through others) cannot all be chosen together: A requires B
    /// while B excludes A, A excludes something it needs, or two modules A needs exclude each other.
    static func checkContradictions(_ industry: Industry, _ bag: inout DiagnosticBag) {
        for a in industry.modules {
            let needed = closure(of: a.id, industry)
            let at = a.requires.first?.location ?? a.location
            for x in needed.sorted() {
                guard let mx = industry.module(x) else { continue }
                for y in mx.excludedIDs where y != x && needed.contains(y) {
                    if x == a.id {
                        // Direct `requires` + `excludes` of the same module is reported where the module is read.
                        guard !a.requiredIDs.contains(y), let ex = a.excludes.first(where: { $0.text == y }) else { continue }
                        bag.error("contradiction: `\(a.id)` needs `\(y)` through its requirements but excludes it", at: ex.location)
                    } else if y == a.id {
                        bag.error("contradiction: `\(a.id)` requires `\(x)`, which excludes `\(a.id)`", at: at)
                    } else {
                        bag.error("contradiction: `\(a.id)` needs both `\(x)` and `\(y)`, but `\(x)` excludes `\(y)`", at: at)
                    }
                }
            }
        }
    }

    /// Every module `id` needs, itself included.
    static func closure(of id: String, _ industry: Industry) -> Set<String> {
        var seen: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for r in industry.module(next)?.requiredIDs ?? [] where seen.insert(r).inserted { stack.append(r) }
        }
        return seen
    }
}
