import Foundation
import GaizaoCore

/// Finds, reads and parses the proposal templates a command uses (`--templates`, `$GAIZAO_TEMPLATES`, else the
/// shipped templates/), printing located diagnostics; fails with exit 1 when a template has an error.
struct TemplateSession {
    var location: ResourceLocation
    var renderer: ProposalRenderer

    static func load(flag: String?) throws -> TemplateSession {
        try prepare(flag: flag).finish()
    }

    /// Finds, reads and compiles the templates without printing anything, so it can run on another thread
    /// while the catalog loads; `finish()` then reports exactly what `load` would, in the same place.
    static func prepare(flag: String?) -> Prepared {
        Prepared(Result {
            let location = try ResourceLocator.templates(flag: flag)
            let files = try FileIO.templateFiles(at: location.path, displayPrefix: FileIO.displayPath(location.path))
            // Lint checks templates thoroughly; a command only needs them to compile.
            let result = ProposalRenderer.load(files, folder: FileIO.displayPath(location.path), thorough: false)
            return (location, files, result)
        })
    }

    struct Prepared: Sendable {
        let loaded: Result<(ResourceLocation, [String: SourceFile], ProposalRenderer.LoadResult), Error>

        init(_ loaded: Result<(ResourceLocation, [String: SourceFile], ProposalRenderer.LoadResult), Error>) {
            self.loaded = loaded
        }

        func finish() throws -> TemplateSession {
            let (location, files, result) = try loaded.get()
            try TemplateSession.report(result.diagnostics, in: files, at: location, failed: result.renderer == nil)
            return TemplateSession(location: location, renderer: result.renderer!)
        }
    }

    /// Prints the templates' located diagnostics; when they failed to load, says so and stops (exit 1).
    static func report(_ diagnostics: [Diagnostic], in files: [String: SourceFile], at location: ResourceLocation, failed: Bool) throws {
        var printer = DiagnosticPrinter()
        for f in files.values { printer.add(f) }
        printer.print(diagnostics)
        if failed {
            Console.err("the templates at \(location.describe) have errors; nothing was written")
            throw CLIError.reported
        }
    }
}

/// Work started on another thread now and collected later (`value()` waits for it).
final class Background<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    func value() -> T {
        done.wait()
        done.signal()  // later calls return at once
        return result!
    }
}

extension FileIO {
    /// Every `*.mustache` file below `root`, keyed by its path relative to `root`.
    static func templateFiles(at root: String, displayPrefix: String) throws -> [String: SourceFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw CLIError.input("\(root): cannot list the folder")
        }
        var files: [String: SourceFile] = [:]
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            if files.count >= 500 { throw CLIError.input("\(root): more than 500 templates; is this a templates folder?") }
            let display = displayPrefix.isEmpty || displayPrefix == "." ? relative : displayPrefix + "/" + relative
            files[relative] = try readText(root + "/" + relative, display: display)
        }
        return files
    }
}

/// Runs jobs on every core: each worker takes the next job not yet started (so the longest, given first, start
/// first and the cores finish close together); the calling thread is one of the workers.
public struct ThreadJobRunner: JobRunner {
    public init() {}

    public func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return (0..<count).map(body) }
        let shared = JobResults<T>(count: count)
        let work: @Sendable () -> Void = {
            while let k = shared.nextJob() { shared.set(k, body(k)) }
        }
        let others = (1..<workers).map { _ in Background(work) }
        work()
        for other in others { other.value() }
        return shared.results()
    }
}

/// The next job to start and the results so far, shared by a runner's workers.
private final class JobResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var next = 0
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextJob() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func set(_ k: Int, _ value: T) {
        lock.lock()
        defer { lock.unlock() }
        slots[k] = value
    }

    /// Every job's result, once all have run.
    func results() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
