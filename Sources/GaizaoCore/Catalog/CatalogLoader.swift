import Yams

/// The catalog files handed over by the CLI, keyed by their path relative to the catalog root
/// (`catalog.yaml`, `industries/auto-parts/rules.yaml`, …). `SourceFile.path` is what diagnostics print.
public struct CatalogFiles: Sendable {
    public var files: [String: SourceFile]
    /// The catalog folder as the user should read it, for problems that have no file (a missing file); nil
    /// when the files do not come from a folder.
    public var folder: String?

    public init(files: [String: SourceFile], folder: String? = nil) {
        self.files = files
        self.folder = folder
    }

    public subscript(relative: String) -> SourceFile? { files[relative] }
}

/// Loads and validates a catalog: parse every file, then run every check. A catalog is returned only
/// when there is no error; warnings come back either way.
public enum CatalogLoader {
    public struct Result: Sendable {
        public var catalog: Catalog?
        public var diagnostics: DiagnosticBag
        /// Per industry: standard and personalized modules, questions, rules (for lint's summary line).
        public var summary: [IndustrySummary]
    }

    public struct IndustrySummary: Sendable, Hashable {
        public var id: String
        public var standard: Int
        public var personalized: Int
        public var questions: Int
        public var rules: Int
    }

    /// - Parameter thorough: run every lint check (the default); commands that only use the catalog pass
    ///   false to skip searches that can only find warnings.
    /// - Parameter runner: runs the independent reading jobs (a file, or an industry's files); the default runs
    ///   them one after the other, the CLI spreads them over the cores.
    /// - Parameter focus: the id of the one industry a command needs (a `diagnose` of one enterprise). When the
    ///   manifest lists it, only that industry's files are read and checked, besides every shared file, and the
    ///   catalog holds that industry only, with every overlay (unchecked where its industry was left out, so a
    ///   `--contractor` of another industry still gets its own message). Any other text (a name, a typo) reads
    ///   every industry, so that the answers' error lists them all. The catalog's hash is always over every file.
    public static func load(_ files: CatalogFiles, limits: YAMLLimits = .standard, thorough: Bool = true,
                            runner: some JobRunner = SequentialJobRunner(), focus: String? = nil) -> Result {
        var bag = DiagnosticBag()
        var reader = CatalogReader(files: files, limits: limits)
        let raw = reader.readAll(runner: runner, focus: focus)
        bag.append(contentsOf: reader.bag)
        guard let raw else { return Result(catalog: nil, diagnostics: bag, summary: []) }
        var catalog = Catalog(
            manifest: raw.manifest, maturity: raw.maturity, policies: raw.policies, commonSections: raw.common,
            industries: raw.industries, overlays: raw.overlays, hash: hash(files))
        catalog.costModel = raw.costModel
        catalog.benefitModel = raw.benefitModel
        catalog.evidence = raw.evidence
        // A file that could not be read at all leaves the catalog without its modules, rules or questions:
        // cross-file checks would then report a cascade of false problems, so they wait until it reads.
        if reader.unreadableFiles.isEmpty {
            bag.append(contentsOf: CatalogChecks.run(catalog, thorough: thorough, leftOut: raw.leftOut))
        }
        let summary = catalog.industries.map { ind in
            IndustrySummary(
                id: ind.id, standard: ind.standardModules.count, personalized: ind.personalizedModules.count,
                questions: catalog.questionnaire(for: ind).ordered.count, rules: ind.rules.count)
        }
        return Result(catalog: bag.hasErrors ? nil : catalog, diagnostics: bag, summary: summary)
    }

    static func hash(_ files: CatalogFiles) -> String {
        var text = ""
        for key in files.files.keys.sorted() {
            text += key + "\n" + (files.files[key]?.text ?? "") + "\n\u{1}"
        }
        return SHA256Text.hex(text)
    }
}

/// Reads the catalog files into model values, reporting format problems (types, unknown keys,
/// missing fields, condition syntax). Cross-file checks live in `CatalogChecks`.
struct CatalogReader {
    let files: CatalogFiles
    let limits: YAMLLimits
    var bag = DiagnosticBag()
    /// Files that were missing, did not parse or whose top level could not be read.
    var unreadableFiles: [String] = []

    struct Raw {
        var manifest: CatalogManifest
        var maturity: MaturityModel
        var policies: PolicySet
        var common: [QuestionSection]
        var industries: [Industry]
        var overlays: [Overlay]
        var costModel: CostModel = .empty
        var benefitModel: BenefitModel = .empty
        var evidence: EvidenceCatalog = .empty
        /// Industries of the manifest not read, because of a focus on another.
        var leftOut: Set<String> = []
    }

    /// One reading job's result: the model of one file, or of one industry's files.
    enum Part: Sendable {
        case maturity(MaturityModel?)
        case policies(PolicySet?)
        case questionnaire([QuestionSection]?)
        case measures([Measure]?)
        /// An overlay and its path (overlays keep the order of their paths).
        case overlay(String, Overlay?)
        case costModel(CostModel?)
        case benefitModel(BenefitModel?)
        case evidence(EvidenceCatalog?)
        /// The industry at this position of the manifest, with its own measures only.
        case industry(Int, Industry?)
    }

    /// Reads the manifest, then every other file in independent jobs (each file is parsed and read by one job;
    /// an industry's four files by one), the largest first so that the runner's cores finish together, then
    /// merges their models and diagnostics.
    mutating func readAll(runner: some JobRunner, focus: String? = nil) -> Raw? {
        guard let manifest = read("catalog.yaml", Self.manifest) else { return nil }
        let focused = manifest.industryIDs.contains { $0.text == focus } ? focus : nil
        var jobs: [(bytes: Int, run: @Sendable (inout CatalogReader) -> Part)] = []
        let sizes = files.files.mapValues { $0.text.utf8.count }
        func add(_ paths: [String], _ run: @escaping @Sendable (inout CatalogReader) -> Part) {
            jobs.append((paths.reduce(0) { $0 + (sizes[$1] ?? 0) }, run))
        }
        add(["maturity-model.yaml"]) { .maturity($0.read("maturity-model.yaml", Self.maturityModel)) }
        add(["policies.yaml"]) { .policies($0.read("policies.yaml", Self.policySet)) }
        add(["questionnaire.yaml"]) { .questionnaire($0.read("questionnaire.yaml", Self.sections)) }
        add(["measures.yaml"]) { .measures($0.read("measures.yaml", Self.commonMeasures, optional: true)) }
        for key in files.files.keys.sorted() where key.hasPrefix("overlays/") && (key.hasSuffix(".yaml") || key.hasSuffix(".yml")) {
            add([key]) { .overlay(key, $0.read(key, Self.overlay)) }
        }
        add(["cost-model.yaml"]) { .costModel($0.read("cost-model.yaml", Self.costModel, optional: true)) }
        add(["benefits.yaml"]) { .benefitModel($0.read("benefits.yaml", Self.benefitModel, optional: true)) }
        add(["evidence.yaml"]) { .evidence($0.read("evidence.yaml", Self.evidenceCatalog, optional: true)) }
        for (n, ref) in manifest.industryIDs.enumerated() where YValue.isValidID(ref.text) && (focused == nil || ref.text == focused) {
            let dir = "industries/\(ref.text)/"
            guard files[dir + "industry.yaml"] != nil else {
                bag.error("industry `\(ref.text)` has no file \(dir)industry.yaml", at: ref.location)
                unreadableFiles.append(dir + "industry.yaml")
                continue
            }
            add(["industry.yaml", "questions.yaml", "modules.yaml", "rules.yaml"].map { dir + $0 }) { .industry(n, $0.readIndustry(ref)) }
        }
        jobs.sort { $0.bytes > $1.bytes }
        let (allFiles, yamlLimits, work) = (files, limits, jobs.map(\.run))
        let done = runner.map(work.count) { k -> (Part, DiagnosticBag, [String]) in
            var reader = CatalogReader(files: allFiles, limits: yamlLimits)
            let part = work[k](&reader)
            return (part, reader.bag, reader.unreadableFiles)
        }
        var maturity: MaturityModel?, policies: PolicySet?, common: [QuestionSection]?, commonMeasures: [Measure] = []
        var overlays: [(String, Overlay)] = [], costModel = CostModel.empty, benefitModel = BenefitModel.empty
        var evidence = EvidenceCatalog.empty
        var industries: [(Int, Industry)] = []
        for (part, partBag, unreadable) in done {
            bag.append(contentsOf: partBag)
            unreadableFiles += unreadable
            switch part {
            case let .maturity(m): maturity = m
            case let .policies(p): policies = p
            case let .questionnaire(q): common = q
            case let .measures(m): commonMeasures = m ?? []
            case let .overlay(key, o): if let o { overlays.append((key, o)) }
            case let .costModel(c): costModel = c ?? .empty
            case let .benefitModel(b): benefitModel = b ?? .empty
            case let .evidence(e): evidence = e ?? .empty
            case let .industry(n, i): if let i { industries.append((n, i)) }
            }
        }
        for key in files.files.keys.sorted() where !isKnown(key, manifest) {
            bag.warning("file is not part of the catalog layout and is ignored", at: SourceLocation(file: files[key]!.path, line: 1, column: 1))
        }
        guard let maturity, let policies, let common else { return nil }
        // In the manifest's order; measures every industry offers come first, then the industry's own.
        let ordered = industries.sorted { $0.0 < $1.0 }.map { _, industry -> Industry in
            var industry = industry
            industry.measures = commonMeasures + industry.measures
            return industry
        }
        var raw = Raw(manifest: manifest, maturity: maturity, policies: policies, common: common, industries: ordered,
                      overlays: overlays.sorted { $0.0 < $1.0 }.map(\.1))
        raw.costModel = costModel
        raw.benefitModel = benefitModel
        raw.evidence = evidence
        if let focused { raw.leftOut = Set(manifest.industryIDs.map(\.text)).subtracting([focused]) }
        return raw
    }

    /// One industry's files: its header, questions, modules (with its own measures) and rules.
    private mutating func readIndustry(_ ref: LocatedText) -> Industry? {
        let dir = "industries/\(ref.text)/"
        guard var industry = read(dir + "industry.yaml", Self.industryHeader) else { return nil }
        if industry.id != ref.text {
            bag.error("industry file says id `\(industry.id)` but sits in folder `\(ref.text)`", at: industry.location)
        }
        industry.sections = read(dir + "questions.yaml", Self.sections, optional: true) ?? []
        let moduleFile = read(dir + "modules.yaml", Self.moduleFile)
        industry.modules = moduleFile?.modules ?? []
        industry.measures = moduleFile?.measures ?? []
        industry.rules = read(dir + "rules.yaml", Self.rules) ?? []
        return industry
    }

    private func isKnown(_ key: String, _ manifest: CatalogManifest) -> Bool {
        if ["catalog.yaml", "maturity-model.yaml", "policies.yaml", "questionnaire.yaml", "measures.yaml", "cost-model.yaml",
            "benefits.yaml", "evidence.yaml"].contains(key) { return true }
        if key.hasPrefix("overlays/") { return true }
        for ind in manifest.industryIDs {
            for f in ["industry.yaml", "questions.yaml", "modules.yaml", "rules.yaml"] where key == "industries/\(ind.text)/\(f)" {
                return true
            }
        }
        return !(key.hasSuffix(".yaml") || key.hasSuffix(".yml"))
    }

    mutating func read<T>(_ relative: String, _ body: (YMap, LoadContext) -> T?, optional: Bool = false) -> T? {
        guard let file = files[relative] else {
            if !optional {
                bag.error("missing catalog file \(relative)" + (files.folder.map { " in \($0)" } ?? ""), at: nil)
                unreadableFiles.append(relative)
            }
            return nil
        }
        guard let root = YAMLDocument.parse(file, limits: limits, into: &bag) else {
            unreadableFiles.append(relative)
            return nil
        }
        let ctx = LoadContext(file)
        defer { bag.append(contentsOf: ctx.bag) }
        guard let map = YMap(root, ctx, what: "the top level of \(relative)"), let value = body(map, ctx) else {
            unreadableFiles.append(relative)
            return nil
        }
        return value
    }

    // MARK: shared pieces

    static func condition(_ text: LocatedText?, _ ctx: LoadContext) -> Condition? {
        guard let text else { return nil }
        do {
            let expr = try ConditionParser.parse(text.text)
            return Condition(source: text, expr: expr)
        } catch {
            ctx.bag.error("condition does not parse: \(error.message)", at: text.location.map { offset($0, by: error.offset) })
            return nil
        }
    }

    /// A location `scalars` columns further along the same line.
    static func offset(_ loc: SourceLocation, by scalars: Int) -> SourceLocation {
        var l = loc
        l.column += scalars
        return l
    }

    static func costTable(_ node: Node, _ ctx: LoadContext, what: String) -> [String: CostRange]? {
        guard let map = YMap(node, ctx, what: what) else { return nil }
        var table: [String: CostRange] = [:]
        for entry in map.entries {
            // An invalid range still counts as given, so lint does not add "no cost for size band …"; the
            // error already keeps this catalog from being used.
            table[entry.key] = CostRange(low: 0, high: 0)
            guard case let .sequence(seq) = entry.value, seq.count == 2 else {
                ctx.error("cost of size band `\(entry.key)` must be a list [low, high] in 万元", entry.value)
                continue
            }
            let bounds = seq.map { n -> Int? in
                guard case let .scalar(s) = n, s.style == .plain, let y = Money.yuan(fromWan: s.string), y >= 0 else {
                    ctx.error("cost must be a non-negative number of 万元 with at most 4 decimals, found \(YValue.describe(n))", n)
                    return nil
                }
                return y
            }
            guard let low = bounds[0], let high = bounds[1] else { continue }
            if low > high {
                ctx.error("cost range of `\(entry.key)` is reversed: low \(Money.wan(low)) > high \(Money.wan(high)) 万元", entry.value)
            }
            table[entry.key] = CostRange(low: low, high: high)
        }
        return table
    }

    static func products(_ nodes: [Node]?, _ ctx: LoadContext, what: String) -> [TailoredText] {
        (nodes ?? []).compactMap { tailoredText($0, ctx, what: "a product of \(what)", optionalText: false, whenRequired: false) }
    }

    /// `{zh: …, en: …, when: condition}`: a product or a summary part offered only where `when` is not false.
    static func tailoredText(_ node: Node, _ ctx: LoadContext, what: String, optionalText: Bool, whenRequired: Bool) -> TailoredText? {
        guard let map = YMap(node, ctx, what: what) else { return nil }
        let text = YValue.localized(map, what: what, optionalText: optionalText, alsoAllowed: ["when"])
        let source = map.located("when", required: whenRequired, in: what)
        let when = condition(source, ctx)
        // A `when` that does not parse is reported; the text is dropped rather than offered to everyone.
        if source != nil && when == nil { return nil }
        return TailoredText(text, when: when, location: ctx.loc(node))
    }
}
