import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao batch INPUT… -o DIR`: many enterprises in parallel; a folder each, summary.csv and summary.html.
public struct BatchCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "批量诊断 / Diagnose many enterprises in parallel.",
        discussion: """
        Inputs: answers files (YAML/JSON), folders of them, CSV files (one enterprise per row, question ids as columns; \
        `gaizao questions --industry ID --csv` prints the header; several choices in one cell separated by `;`; UTF-8 \
        or GB18030), xlsx workbooks (`gaizao questions --industry ID --xlsx FILE` writes one; every sheet with an ids \
        row), or `-` for JSON Lines on standard input. Options may be given by id or by label. Writes DIR/NNNNN-NAME/ \
        per enterprise, DIR/summary.csv, DIR/summary.xlsx, DIR/summary.html and, when a record failed, DIR/errors.csv \
        with every error. Exit 1 if any enterprise failed; the others are still done. Result folders of an earlier \
        batch in DIR are kept and this run numbers its folders after them (summary.csv, summary.xlsx, summary.html \
        and errors.csv are replaced; files of those names that gaizao did not write, or that were edited since, are \
        never replaced: the run is refused); one batch at a time writes into DIR (a second one is refused), and the \
        batch's own files are never read as input, nor are proposal JSON files in an input folder (left out with a \
        warning). An enterprise given twice (the same credit code, else the same company name) is diagnosed twice, \
        with a warning at the later one.
        """)

    @Argument(help: "Answers files, folders, CSV or xlsx files, or - for JSON Lines on stdin.")
    public var inputs: [String]

    @Option(name: [.short, .customLong("output")], help: "Output folder.")
    public var output: String

    @Option(name: .long, help: "Formats, comma-separated: md, html, json.")
    public var format: String = OutputFormat.defaultList

    @Option(name: .long, help: "Parallel jobs (default: the number of cores).")
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Contractor overlay id.")
    public var contractor: String?

    @Option(name: .long, help: "Templates folder (default: $GAIZAO_TEMPLATES, else the shipped templates/).")
    public var templates: String?

    @OptionGroup var target: TargetLevelOption

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        let formats = try OutputFormat.parseList(format)
        if formats.contains(.pdf) { throw ValidationError("batch writes md, html and json; print PDFs with `gaizao diagnose --format pdf`") }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
        if inputs.isEmpty { throw ValidationError("give at least one input") }
        try OutputGuard.checkNamed(inputs, "<inputs>")
        try OutputGuard.checkFolder(output)
    }

    public func run() async throws {
        let stopper = BatchStopper()
        stopper.install()
        let formats = try OutputFormat.parseList(format)
        let session = try CatalogSession.load(flag: global.catalog)
        let engine = Engine(catalog: session.catalog)
        if let contractor {
            try CatalogID.refuseBlank(contractor, CLIMessages.blankContractor(known: session.catalog.overlays.map(\.id)))
            guard let o = session.catalog.overlay(contractor) else {
                throw CLIError.input("unknown contractor overlay `\(contractor)`; the catalog has: \(session.catalog.overlays.map(\.id).joined(separator: ", "))")
            }
            _ = o
        }
        let writer = try ProposalWriter(lang: global.lang, templatesFlag: templates, formats: formats)
        let out = URL(fileURLWithPath: output).standardizedFileURL.path
        let summaryPaths = ["summary.csv", "summary.html", "errors.csv", "summary.xlsx"].map { (out as NSString).appendingPathComponent($0) }
        try OutputGuard.refuseOverwriting(inputs: inputs, with: summaryPaths)
        try SummaryFilesGuard.refuseForeignFiles(in: out)
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CLIError.input("\(FileIO.displayPath(out)): cannot create the output folder (\(FileIO.reason(error)))")
        }
        try BatchLock.acquire(out, display: FileIO.displayPath(out))
        // Result folders of earlier runs are kept; this run numbers after them, so no two share a number.
        let earlier = EarlierResults.scan(out)
        if earlier.count > 0 { Console.err(CLIMessages.earlierResults(FileIO.displayPath(out), count: earlier.count, first: earlier.highest + 1)) }
        let staging = try BatchStaging(outputDirectory: out)
        let spill = try AnswerSpill(folder: staging.scratch)
        let sceneOrder = session.catalog.maturity.scenes.map(\.id)
        let job = BatchJob(engine: engine, writer: writer, formats: formats, staging: staging, spill: spill, sceneOrder: sceneOrder,
                           contractor: contractor, target: target.value, firstNumber: earlier.highest + 1)
        let progress = ProgressBar()

        // Two passes, so that each proposal can show where its enterprise stands among the batch's peers (same
        // industry and size band): first every enterprise is decoded and diagnosed, its summary row kept in memory
        // and its decoded answers appended to a scratch file (`AnswerSpill`); then each one's answers are read
        // back, diagnosed again and planned (the engine is deterministic), rendered with its peer benchmark and
        // moved into place. Running the engine twice costs less than keeping each proposal's JSON (about 200 KB)
        // in scratch and decoding it back. Both passes run `jobs` workers that take the next record as soon as they
        // are free; memory holds the summary rows (a few hundred bytes each) and one proposal per worker.
        // The batch's own files (summary.csv when -o is an input folder) are never read as input.
        let feed = BatchFeed(BatchInputs(inputs, excluding: summaryPaths, stopRequested: { stopper.stopping }), stopper: stopper)
        let results = BatchResults(progress: progress)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, jobs) {
                group.addTask {
                    while let (index, record) = feed.next() {
                        results.add(job.diagnose(record, index: index))
                    }
                }
            }
        }
        progress.finish()
        if stopper.stopping { stopper.finishInterrupted(staging) }
        let diagnosed = results.takeRows()
        let peers = BatchPeers(diagnosed, sceneOrder: sceneOrder)
        // The queue holds the only copy of the rows: it replaces each with its final row in place.
        let publishing = BatchRowQueue(consume diagnosed, progress: ProgressBar())
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, jobs) {
                group.addTask {
                    var documents = DocumentBuffers()
                    while !stopper.stopping, let (position, row) = publishing.next() {
                        publishing.finished(position, job.publish(row, peers: peers.benchmark(row), documents: &documents))
                    }
                }
            }
        }
        publishing.progress.finish()
        if stopper.stopping { stopper.finishInterrupted(staging) }
        let rows = publishing.rows
        var totals = BatchTotals()
        for row in rows { totals.add(row) }
        // The workbook (its sheet compressed into the zip) is made on the other core while summary.csv, errors.csv
        // and summary.html are made on this one; the files are then written in the order they always were.
        let catalog = session.catalog
        async let summaryBook = Self.summaryWorkbook(rows, catalog: catalog, out: out)
        // summary.csv (about 380 bytes a row) is written and let go before the others are made.
        try SummaryFilesGuard.write(SummaryCSV.bytes(rows), name: "summary.csv", in: out)
        let errors = totals.failed > 0 ? ErrorsCSV.bytes(rows) : nil
        let html = BatchSummaryHTML.bytes(rows: rows, totals: totals, catalog: catalog, lang: global.lang,
                                          proposalFile: formats.contains(.html) ? "proposal.html" : formats.contains(.md) ? "proposal.md" : "proposal.json")
        try SummaryFilesGuard.write(try await summaryBook, name: "summary.xlsx", in: out)
        // errors.csv lists every error of this run; an earlier run's list would mislead, so a clean run removes it.
        if let errors {
            try SummaryFilesGuard.write(errors, name: "errors.csv", in: out)
        } else {
            SummaryFilesGuard.remove("errors.csv", in: out)
        }
        try SummaryFilesGuard.write(html, name: "summary.html", in: out)
        staging.removeAll()
        for row in rows where row.error != nil {
            for error in row.errors { Console.err(error.located) }
        }
        for warning in Self.repeatedEnterprises(rows) { Console.err(warning) }
        // An input without enterprises is a mistake when it leaves the batch empty (a header-only CSV would
        // otherwise "succeed" with 0 of 0); beside inputs that had some, it is worth a warning.
        let empty = feed.emptyInputs
        let nothingRead = rows.isEmpty && !stopper.stopping
        for input in empty { Console.err("\(input.origin): \(nothingRead ? "error" : "warning"): \(input.message)") }
        if let warning = Self.targetWarning(rows, target: target.value) { Console.err("warning: " + warning) }
        let files = totals.failed > 0 ? "summary.csv, summary.xlsx, summary.html, errors.csv" : "summary.csv, summary.xlsx, summary.html"
        let summary = global.lang == .zh
            ? "批量完成：\(totals.done) 家成功，\(totals.failed) 家失败；结果在 \(FileIO.displayPath(out))/（\(files)）"
            : "batch done: \(totals.done) ok, \(totals.failed) failed; results in \(FileIO.displayPath(out))/ (\(files))"
        Console.out(summary)
        if totals.failed > 0 || (nothingRead && !empty.isEmpty) { throw ExitCode(1) }
    }
}

extension BatchCommand {
    /// summary.xlsx as the bytes written.
    static func summaryWorkbook(_ rows: [BatchRow], catalog: Catalog, out: String) throws -> [UInt8] {
        do { return [UInt8](try SummaryWorkbook.make(rows: rows, catalog: catalog).data()) } catch {
            throw CLIError.input("\(FileIO.displayPath(out))/summary.xlsx: cannot write the workbook (\(error))")
        }
    }

    /// An enterprise diagnosed twice — a row repeated, the same credit code (else the same company name) in two
    /// inputs — is still diagnosed twice (both may be meant: two dates, two drafts), but counted twice in the
    /// summary: a warning at each later record.
    static func repeatedEnterprises(_ rows: [BatchRow]) -> [String] {
        var register = EnterpriseRegister<String>()
        var warnings: [String] = []
        for r in rows where r.error == nil {
            guard let match = register.add(name: r.enterprise, code: r.creditCode, at: r.origin) else { continue }
            warnings.append("\(r.origin): warning: the same enterprise as \(match.first) (\(match.basis.said)): it is diagnosed twice and counted twice in the summary; remove one of them unless both are meant")
        }
        return warnings
    }

    /// A target level the user set that some enterprises are above already: their proposals only keep the level
    /// they have (each proposal's headline says so); said once for the batch, naming the first few folders.
    static func targetWarning(_ rows: [BatchRow], target: TargetLevel) -> String? {
        guard case let .level(level) = target else { return nil }
        let above = rows.filter { $0.error == nil && $0.levelNow > level }
        guard !above.isEmpty else { return nil }
        let done = rows.count { $0.error == nil }
        var examples = above.prefix(3).map { $0.folder ?? $0.origin }.joined(separator: ", ")
        if above.count > 3 { examples += ", …" }
        return "--target-level \(level) is below the current level of \(above.count) of \(done) enterprises (\(examples)): "
            + "their proposals only keep that level; leave the option out to aim each one level higher"
    }
}

/// The work for one record: decode, diagnose, render, write into a staging folder, then move it into place.
struct BatchJob: Sendable {
    let engine: Engine
    let writer: ProposalWriter
    let formats: [OutputFormat]
    let staging: BatchStaging
    /// Where the first pass keeps each enterprise's answers for the second.
    let spill: AnswerSpill
    /// The maturity model's scene ids, one array shared by every row's scene levels.
    let sceneOrder: [String]
    let contractor: String?
    let target: TargetLevel
    /// The number of the first record's folder (after those of earlier runs in the output folder).
    var firstNumber = 1

    /// The first pass for one record: decode and diagnose it (no plan: the peer groups need only the diagnosis),
    /// keep its answers for the second pass, and return its summary row (the folder it will have, and where its
    /// answers were kept) or its errors.
    func diagnose(_ record: BatchRecord, index: Int) -> BatchRow {
        var row = BatchRow(index: index, origin: record.origin)
        do {
            let sheet = try decode(record)
            let standing: Engine.Standing
            do { standing = try engine.standing(sheet, contractor: contractor) } catch {
                throw BatchFailure(message: error.description, named: Self.named(sheet.answers))
            }
            let name = Self.folderPrefix(index + firstNumber - 1) + SafeFileName.from(standing.enterprise.name, fallback: record.fallbackName)
            row = BatchRow.from(standing, index: index, origin: record.origin, folder: name, sceneOrder: sceneOrder)
            row.answers = try spill.append(sheet)
        } catch {
            row.errors = Self.errors(error, record.origin)
            // Who the record names, when its answers read that far: the failed row shows the enterprise.
            if let named = (error as? BatchFailure)?.named { (row.enterprise, row.creditCode) = named }
        }
        if !row.errors.isEmpty { row.error = row.errors.map(\.located).joined(separator: "\n") }
        return row
    }

    /// The company name and credit code among `answers`, each when given (nil when neither is).
    static func named(_ answers: [String: AnswerValue]) -> (String?, String?)? {
        func text(_ id: String) -> String? {
            guard case let .text(t)? = answers[id] else { return nil }
            let trimmed = t.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        let name = text("company_name"), code = text(AnswerDecoder.creditCodeQuestion)
        return name == nil && code == nil ? nil : (name, code)
    }

    /// The company name and credit code cells of a spreadsheet row, as typed: a row that failed before its answers
    /// were read (an unknown industry), or whose name was refused (too long), still names its enterprise. A code
    /// Excel made a number is no code.
    static func named(_ cells: AnswerCells) -> (String?, String?)? {
        var answers: [String: AnswerValue] = [:]
        for cell in cells.cells where cell.questionID == "company_name"
            || cell.questionID == AnswerDecoder.creditCodeQuestion && !AnswerDecoder.isScientificNumber(cell.text.trimmingCharacters(in: .whitespaces)) {
            answers[cell.questionID] = answers[cell.questionID] ?? .text(cell.text)
        }
        return named(answers)
    }

    /// The second pass for one diagnosed enterprise: its proposal made with its peer benchmark, rendered into the
    /// worker's reused `documents`, written into a scratch folder and moved into place whole; its row completed
    /// with the plan's columns.
    func publish(_ diagnosed: BatchRow, peers: Proposal.PeerBenchmark?, documents: inout DocumentBuffers) -> BatchRow {
        guard diagnosed.error == nil, let name = diagnosed.folder, let place = diagnosed.answers else { return diagnosed }
        var row = diagnosed
        row.answers = nil
        do {
            let sheet = try spill.read(place)
            var p: Proposal
            do { p = try engine.run(sheet, contractor: contractor, target: target).proposal } catch { throw BatchFailure(message: error.description) }
            p.peers = peers
            row = BatchRow.from(p, index: diagnosed.index, origin: diagnosed.origin, folder: name, sceneOrder: sceneOrder)
            try writer.render(p, formats, into: &documents)
            let folder = try staging.begin(folder: name)
            do {
                for f in formats {
                    switch f {
                    case .md: try documents.withMarkdown { try folder.write("proposal.md", $0) }
                    case .html: try documents.withHTML { try folder.write("proposal.html", $0) }
                    case .json: try folder.write("proposal.json", p.jsonBytes())
                    case .pdf: break  // refused by `validate()`
                    }
                }
                try folder.publish()
            } catch {
                folder.discard()
                throw error
            }
        } catch {
            row = BatchRow(index: diagnosed.index, origin: diagnosed.origin)
            row.enterprise = diagnosed.enterprise
            row.creditCode = diagnosed.creditCode
            row.errors = Self.errors(error, diagnosed.origin)
            row.error = row.errors.map(\.located).joined(separator: "\n")
        }
        return row
    }

    static func errors(_ error: any Error, _ origin: String) -> [BatchError] {
        switch error {
        case let failure as BatchFailure: return failure.errors ?? [BatchError.whole(origin, failure.message)]
        // An answers file that could not be read says where itself (`x.yaml:1:3: error: …`, `x.yaml: 5000000 bytes
        // is more…`): printed after its origin it read `x.yaml: error: x.yaml:1:3: error: …`.
        case let CLIError.located(diagnostic): return BatchError.from([diagnostic], record: .file(path: origin))
        case let error as CLIError:
            let text = error.description
            return [BatchError.whole(origin, text.hasPrefix(origin + ": ") ? String(text.dropFirst(origin.count + 2)) : text)]
        default: return [BatchError.whole(origin, "\(error)")]
        }
    }

    /// `00042-`: the index zero-padded to five digits, as `%05d` would give it, without a format parser.
    static func folderPrefix(_ index: Int) -> String {
        let digits = String(index)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits + "-"
    }

    struct BatchFailure: Error {
        var message: String
        /// The located errors, when the record's answers did not decode.
        var errors: [BatchError]? = nil
        /// The company name and credit code the record gives, as far as it was read.
        var named: (String?, String?)? = nil
    }

    private func decode(_ record: BatchRecord) throws -> AnswerSheet {
        let result: AnswerDecoder.Result
        switch record {
        case let .broken(origin, message):
            throw BatchFailure(message: message, errors: [BatchError.whole(origin, message)])
        case let .file(path):
            let file = try FileIO.readText(path)
            result = AnswerDecoder.decode(file, catalog: engine.catalog)
        case let .csvRow(_, cells, _):
            result = AnswerDecoder.decode(cells, catalog: engine.catalog)
        case let .jsonLine(line, text):
            var r = AnswerDecoder.decode(SourceFile(path: "stdin", text: text), catalog: engine.catalog)
            var remapped = DiagnosticBag()
            for var d in r.diagnostics.all {
                if d.location != nil { d.location!.line = line }
                remapped.append(d)
            }
            r.diagnostics = remapped
            result = r
        }
        guard let sheet = result.sheet else {
            let errors = result.diagnostics.sorted.filter { $0.severity == .error }
            var named = result.read.flatMap { Self.named($0.answers) }
            if case let .csvRow(_, cells, _) = record, let typed = Self.named(cells) {
                named = (named?.0 ?? typed.0, named?.1 ?? typed.1)
            }
            throw BatchFailure(message: errors.map(\.description).joined(separator: "\n"), errors: BatchError.from(errors, record: record), named: named)
        }
        return sheet
    }
}

/// The peer groups of a batch — its diagnosed enterprises by industry and size band — and each one's benchmark.
struct BatchPeers: Sendable {
    private let groups: [String: PeerGroup]
    /// The batch's scene order, for making each member's levels without hashing every scene id.
    private let scenes: SceneLevels.Index

    init(_ rows: [BatchRow], sceneOrder: [String]) {
        // The rows of each group by position, then each group's members built and summed up one group at a time:
        // a member's scene levels are a dictionary, too large to build for a whole batch at once.
        let scenes = SceneLevels.Index(sceneOrder)
        var positions: [String: [Int]] = [:]
        for (i, r) in rows.enumerated() where r.error == nil { positions[Self.key(r), default: []].append(i) }
        groups = positions.mapValues { group in PeerGroup(members: group.map { Self.member(rows[$0], scenes) }, sceneOrder: sceneOrder) }
        self.scenes = scenes
    }

    static func key(_ r: BatchRow) -> String { "\(r.industry ?? "")|\(r.sizeBand ?? "")" }
    static func member(_ r: BatchRow) -> PeerGroup.Member {
        .init(points: r.pointsNow, level: r.levelNow, sceneLevels: r.sceneLevels.dictionary)
    }
    static func member(_ r: BatchRow, _ scenes: SceneLevels.Index) -> PeerGroup.Member {
        .init(points: r.pointsNow, level: r.levelNow, sceneLevels: r.sceneLevels.dictionary(scenes))
    }

    func benchmark(_ r: BatchRow) -> Proposal.PeerBenchmark? {
        guard r.error == nil else { return nil }
        return groups[Self.key(r)]?.benchmark(Self.member(r, scenes))
    }
}

/// The second pass's work list: the diagnosed rows handed to the workers one at a time, and their final rows.
final class BatchRowQueue: @unchecked Sendable {
    private let lock = NSLock()
    let progress: ProgressBar
    // Guarded by `lock`.
    private var final: [BatchRow]
    private var cursor = 0
    private var done = 0
    private var failed = 0
    private let total: Int

    init(_ rows: [BatchRow], progress: ProgressBar) {
        final = rows
        self.progress = progress
        total = rows.filter { $0.error == nil }.count
    }

    /// The next diagnosed row and its position, skipping failed ones (they are final as they are).
    func next() -> (Int, BatchRow)? {
        lock.lock()
        defer { lock.unlock() }
        while cursor < final.count, final[cursor].error != nil { cursor += 1 }
        guard cursor < final.count else { return nil }
        cursor += 1
        return (cursor - 1, final[cursor - 1])
    }

    func finished(_ position: Int, _ row: BatchRow) {
        lock.lock()
        defer { lock.unlock() }
        final[position] = row
        if row.error == nil { done += 1 } else { failed += 1 }
        progress.update(done: done + failed, failed: failed, total: total)
    }

    /// The rows in input order.
    var rows: [BatchRow] {
        lock.lock()
        defer { lock.unlock() }
        return final
    }
}
