import Foundation
import GaizaoCLI
import GaizaoCore

// gaizao-bench: prints speed and memory figures; it is not a test and never fails on a number.
//   swift build -c release && .build/release/gaizao-bench [--quick]
// Medians over repeated runs; the machine is shared, so compare ratios, not absolutes.

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
func ms(_ t: Double) -> String { String(format: "%.1f ms", t * 1000) }

if CommandLine.arguments.contains("--help") || CommandLine.arguments.contains("-h") {
    print("""
    usage: gaizao-bench [--quick] [-n N] [--out DIR]     speed and memory figures (prints, never fails on a number)
           gaizao-bench --stage engine|json-bytes|md+html|md-model|decode [-n N]   one stage alone, for profilers
                        [--budget WAN] [--industry ID]   … planned within a budget (万元), for one industry's enterprises
           gaizao-bench --write-input N FILE             N synthetic enterprises as JSON Lines
           gaizao-bench --write-peer-input DIR [-n N]    the Python peer's inputs (bench/python-peer.py)
    Run from the checkout (or set GAIZAO_CATALOG and GAIZAO_TEMPLATES): it reads the shipped catalogs and templates.
    """)
    exit(0)
}
/// Ends the benchmark with a message instead of a crash when what it needs is missing (catalogs, templates, a
/// scratch folder).
func orExit<T>(_ what: String, _ body: () throws -> T) -> T {
    do { return try body() } catch {
        FileHandle.standardError.write(Data("gaizao-bench: \(what): \(error)\n".utf8))
        exit(1)
    }
}
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gaizao-bench: \(message)\n".utf8))
    exit(1)
}

let quick = CommandLine.arguments.contains("--quick")
// `--write-input N FILE`: only write N synthetic enterprises as JSON Lines (for profiling `gaizao batch - `), then stop.
if let i = CommandLine.arguments.firstIndex(of: "--write-input"), i + 2 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[i + 1]) {
    let files = orExit("the catalogs") { try FileIO.catalogFiles(at: try ResourceLocator.catalog(flag: nil).path, displayPrefix: "catalogs") }
    guard let catalog = CatalogLoader.load(files, thorough: false).catalog else { fail("the catalogs do not load (run gaizao lint)") }
    orExit("writing \(CommandLine.arguments[i + 2])") {
        try syntheticInput(count: count, catalog: catalog).write(toFile: CommandLine.arguments[i + 2], atomically: true, encoding: .utf8)
    }
    exit(0)
}

func syntheticInput(count: Int, catalog: Catalog) -> String {
    var text = ""
    for i in 0..<count {
        text += SyntheticAnswers.sheet(for: catalog.industries[i % catalog.industries.count], catalog: catalog, seed: UInt64(100_000 + i)).jsonLine() + "\n"
    }
    return text
}
let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
let gaizao = exe.appendingPathComponent("gaizao").path
print("gaizao-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")

// 1. Catalog load.
let catalogDir = orExit("the catalogs") { try ResourceLocator.catalog(flag: nil).path }
let files = orExit("the catalogs") { try FileIO.catalogFiles(at: catalogDir, displayPrefix: "catalogs") }
var loadTimes: [Double] = [], parseTimes: [Double] = [], twoCoreLoadTimes: [Double] = [], focusedLoadTimes: [Double] = []
var loadedCatalog: Catalog?
for _ in 0..<7 {
    var t0 = now()
    var bag = DiagnosticBag()
    for f in files.files.values { _ = YAMLDocument.parseForBenchmark(f, into: &bag) }
    parseTimes.append(now() - t0)
    t0 = now()
    loadedCatalog = CatalogLoader.load(files, thorough: false).catalog
    loadTimes.append(now() - t0)
    t0 = now()
    _ = CatalogLoader.load(files, thorough: false, runner: ThreadJobRunner())
    twoCoreLoadTimes.append(now() - t0)
    t0 = now()
    _ = CatalogLoader.load(files, thorough: false, runner: ThreadJobRunner(), focus: "auto-parts")
    focusedLoadTimes.append(now() - t0)
}
guard let catalog = loadedCatalog else { fail("the catalogs do not load (run gaizao lint)") }
print("catalog load (parse + build + check): median \(ms(median(loadTimes))) on one core, \(ms(median(twoCoreLoadTimes))) on all cores, \(ms(median(focusedLoadTimes))) on all cores for one industry as diagnose does; YAML parsing alone \(ms(median(parseTimes)))")

// 2. The engine in process, one core.
let n = CommandLine.arguments.firstIndex(of: "-n").map { i in
    guard i + 1 < CommandLine.arguments.count, let n = Int(CommandLine.arguments[i + 1]), n > 0 else { fail("-n needs a positive count") }
    return n
} ?? (quick ? 300 : 2000)
/// `--industry ID`: synthetic enterprises of that industry only (e.g. the one `bench/big-catalog.py` enlarges).
let industries = CommandLine.arguments.firstIndex(of: "--industry").map { i -> [Industry] in
    guard i + 1 < CommandLine.arguments.count, let industry = catalog.industries.first(where: { $0.id == CommandLine.arguments[i + 1] })
    else { fail("--industry needs one of: \(catalog.industries.map(\.id).joined(separator: ", "))") }
    return [industry]
} ?? catalog.industries
let sheets = (0..<n).map { i in SyntheticAnswers.sheet(for: industries[i % industries.count], catalog: catalog, seed: UInt64(i + 1)) }
/// `--budget WAN`: `--stage` plans every enterprise within this budget (万元), as `gaizao diagnose --budget` does.
let stageBudgetYuan = CommandLine.arguments.firstIndex(of: "--budget").map { i -> Int in
    guard i + 1 < CommandLine.arguments.count, let wan = Double(CommandLine.arguments[i + 1]), wan > 0, wan < 1_000_000 else {
        fail("--budget needs a positive number of 万元")
    }
    return Int((wan * 10_000).rounded())
}
let engine = Engine(catalog: catalog)
let templatesDir = orExit("the templates") { try ResourceLocator.templates(flag: nil).path }
var templateFiles: [String: SourceFile] = [:]
for name in orExit("the templates", { try FileManager.default.subpathsOfDirectory(atPath: templatesDir) }) where name.hasSuffix(".mustache") {
    templateFiles[name] = orExit("the templates") { try FileIO.readText(templatesDir + "/" + name) }
}
var templateLoads: [Double] = []
for _ in 0..<5 { let t0 = now(); _ = ProposalRenderer.load(templateFiles, folder: templatesDir, thorough: false); templateLoads.append(now() - t0) }
print("template load (compile, as diagnose does): median \(ms(median(templateLoads)))")
guard let renderer = ProposalRenderer.load(templateFiles, folder: templatesDir).renderer else { fail("the templates do not load (run gaizao lint)") }
// `--write-peer-input DIR`: for each of the `-n` synthetic enterprises, what a Python peer of the pipeline reads
// and renders (bench/python-peer.py): the answers line, both view models as JSON, and gaizao's own three outputs.
if let i = CommandLine.arguments.firstIndex(of: "--write-peer-input"), i + 1 < CommandLine.arguments.count {
    orExit("writing the peer input") { try PeerInput.write(to: CommandLine.arguments[i + 1], sheets: sheets, engine: engine, renderer: renderer) }
    exit(0)
}
if let i = CommandLine.arguments.firstIndex(of: "--stage"), i + 1 < CommandLine.arguments.count {
    orExit("--stage") {
        try StageMode.run(CommandLine.arguments[i + 1], sheets: sheets, engine: engine, renderer: renderer, budgetYuan: stageBudgetYuan)
    }
    exit(0)
}
var engineRates: [Double] = [], fullRates: [Double] = []
var stage = (engine: 0.0, json: 0.0, documents: 0.0)
for round in 0..<5 {
    var t0 = now()
    for s in sheets { _ = orExit("a synthetic enterprise") { try engine.run(s) } }
    engineRates.append(Double(n) / (now() - t0))
    t0 = now()
    var bytes = 0
    var buffers = DocumentBuffers()
    for s in sheets {
        let a = now()
        let p = orExit("a synthetic enterprise") { try engine.run(s) }.proposal
        let b = now()
        let json = p.jsonBytes()
        let c = now()
        renderer.render(p, lang: .zh, markdown: true, html: true, into: &buffers)
        let d = now()
        bytes += json.count + buffers.markdown.count + buffers.html.count
        if round == 0 { stage.engine += b - a; stage.json += c - b; stage.documents += d - c }
    }
    fullRates.append(Double(n) / (now() - t0))
    precondition(bytes > 0)
}
func us(_ t: Double) -> String { String(format: "%.0f µs", t / Double(n) * 1e6) }
print("one core, in memory: diagnose+plan+proposal \(Int(median(engineRates)))/s (\(String(format: "%.0f", 1e6 / median(engineRates))) µs each); with md+html+json \(Int(median(fullRates)))/s")
print("  per proposal: engine \(us(stage.engine)), json \(us(stage.json)), md and html \(us(stage.documents)) (one view model serves both when no text needs Markdown escaping)")

// 3. All cores: the computation alone (in memory), then the file system alone with the same bytes.
// Everything written by the benchmark stays until its end: on ext4 without a journal, creating files right after
// deleting many costs several times more (the allocator skips recently deleted inodes), which would measure the
// previous run's clean-up instead of this one.
let scratchRoot = CommandLine.arguments.firstIndex(of: "--out").map { i in
    guard i + 1 < CommandLine.arguments.count else { fail("--out needs a folder") }
    return CommandLine.arguments[i + 1]
}
    ?? FileManager.default.temporaryDirectory.path
let benchRoot = scratchRoot + "/gaizao-bench-\(UUID().uuidString)"
orExit("the scratch folder") { try FileManager.default.createDirectory(atPath: benchRoot, withIntermediateDirectories: true) }
defer { try? FileManager.default.removeItem(atPath: benchRoot) }
// One `gaizao diagnose` from process start, measured before the batches: their gigabytes of dirty pages are
// written back for many seconds afterwards and would slow every process started meanwhile.
let out = benchRoot + "/one"
let example = URL(fileURLWithPath: catalogDir).deletingLastPathComponent().appendingPathComponent("examples/auto-parts-midsize.yaml").path
var starts: [Double] = []
for _ in 0..<(quick ? 9 : 25) {
    guard let t = ProcessTimer.seconds([gaizao, "diagnose", example, "-o", out]) else { print("gaizao diagnose failed!"); break }
    starts.append(t)
}
print("one gaizao diagnose (md+html+json) from process start to exit: median \(ms(median(starts))) of \(starts.count)")

var parallelRates: [Double] = []
var sizes: [Int] = []
for _ in 0..<3 {
    let r = orExit("the in-memory run") { try Throughput.inMemory(sheets: sheets, engine: engine, renderer: renderer) }
    parallelRates.append(r.rate)
    sizes = r.sizes
}
print("all \(ProcessInfo.processInfo.activeProcessorCount) cores, in memory: \(Int(median(parallelRates))) proposals/s (md+html+json; mean sizes md \(sizes[0] / 1024) KB, html \(sizes[1] / 1024) KB, json \(sizes[2] / 1024) KB)")
let floorCount = quick ? 1000 : 5000
sync()
let floor = Throughput.fileSystemFloor(count: floorCount, sizes: sizes, root: benchRoot + "/floor")
print("all cores, file system only (\(floorCount) folders of the same three files under \(scratchRoot)): \(Int(floor)) folders/s")

// 4. The real `gaizao batch` on synthetic enterprises (JSON Lines on stdin), all cores, files written.
/// Runs a command under /usr/bin/time: wall seconds and peak RSS of the child as the kernel saw them.
/// Wall seconds, peak RSS and the child's user and system CPU seconds.
func timed(_ arguments: [String], stdin: URL? = nil) throws -> (seconds: Double, peakMB: Double, user: Double, system: Double, ok: Bool) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    p.arguments = ["-f", "%e %M %U %S"] + arguments
    if let stdin { p.standardInput = try FileHandle(forReadingFrom: stdin) }
    p.standardOutput = FileHandle.nullDevice
    let err = Pipe()
    p.standardError = err
    try p.run()
    let data = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    let parts = last.split(separator: " ").compactMap { Double($0) }
    guard parts.count == 4 else { return (0, 0, 0, 0, false) }
    return (parts[0], parts[1] / 1024, parts[2], parts[3], p.terminationStatus == 0)
}

func runBatch(count: Int, catalog: Catalog, output: String? = nil) throws -> (seconds: Double, peakMB: Double, user: Double, system: Double, ok: Bool) {
    let dir = URL(fileURLWithPath: benchRoot).appendingPathComponent("batch-\(count)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let input = dir.appendingPathComponent("input.jsonl")
    try syntheticInput(count: count, catalog: catalog).write(to: input, atomically: true, encoding: .utf8)
    return try timed([gaizao, "batch", "-", "-o", output ?? dir.appendingPathComponent("out").path], stdin: input)
}

func report(_ label: String, _ count: Int, _ r: (seconds: Double, peakMB: Double, user: Double, system: Double, ok: Bool)) {
    print("\(label), \(count) enterprises (md+html+json written): \(String(format: "%.1f", r.seconds)) s, \(Int(Double(count) / r.seconds)) proposals/s, peak RSS \(String(format: "%.0f", r.peakMB)) MB; CPU per proposal \(String(format: "%.0f", r.user / Double(count) * 1e6)) µs user + \(String(format: "%.0f", r.system / Double(count) * 1e6)) µs system\(r.ok ? "" : " (exit non-zero!)")")
}

for count in quick ? [300] : [1000, 10_000] {
    sync()  // start each run with the previous one's writes on disk
    report("gaizao batch", count, orExit("gaizao batch") { try runBatch(count: count, catalog: catalog) })
}

// 5. The same batch into memory (tmpfs), when the machine has one: the computation and the system calls without
// the disk's state (ext4 without a journal creates files several times slower for minutes after a large delete,
// such as the previous benchmark's clean-up). Removed at once: deleting on tmpfs leaves nothing behind.
let memoryRoot = "/dev/shm"
if !quick, access(memoryRoot, W_OK) == 0 {
    let output = memoryRoot + "/gaizao-bench-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: output) }
    report("gaizao batch into \(memoryRoot) (tmpfs)", 10_000, orExit("gaizao batch") { try runBatch(count: 10_000, catalog: catalog, output: output) })
}
