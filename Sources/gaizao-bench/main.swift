import Foundation
import GaizaoCLI
import GaizaoCore

// gaizao-bench: prints speed and memory figures (never a pass/fail test). Run it in release mode:
//   swift run -c release gaizao-bench [N]
// Figures are medians over repeated runs; the machine is shared, so compare ratios, not absolutes.

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
}

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

let args = CommandLine.arguments.dropFirst()
let n = args.first.flatMap(Int.init) ?? 1000

let catalogDir = try ResourceLocator.catalog(flag: nil).path
var loadTimes: [Double] = []
var catalog: Catalog!
for _ in 0..<5 {
    let t0 = now()
    let files = try FileIO.catalogFiles(at: catalogDir, displayPrefix: "catalogs")
    let result = CatalogLoader.load(files)
    loadTimes.append(now() - t0)
    catalog = result.catalog
}
do {
    let files = try FileIO.catalogFiles(at: catalogDir, displayPrefix: "catalogs")
    var parseTimes: [Double] = []
    for _ in 0..<5 {
        let t0 = now()
        var bag = DiagnosticBag()
        for f in files.files.values { _ = YAMLDocument.parseForBenchmark(f, into: &bag) }
        parseTimes.append(now() - t0)
    }
    let allText = files.files.values.map(\.text).joined()
    var hashTimes: [Double] = []
    for _ in 0..<5 { let t0 = now(); _ = SHA256.hex(allText); hashTimes.append(now() - t0) }
    print("  of which SHA-256 of \(allText.utf8.count / 1024) KiB: median \(String(format: "%.1f", median(hashTimes) * 1000)) ms")
    print("  of which YAML parsing alone: median \(String(format: "%.1f", median(parseTimes) * 1000)) ms")
}
print("catalog load (read + parse + check): median \(String(format: "%.1f", median(loadTimes) * 1000)) ms over 5 runs")

let engine = Engine(catalog: catalog)
let sheets = (0..<n).map { i -> AnswerSheet in
    let industry = catalog.industries[i % catalog.industries.count]
    return SyntheticAnswers.sheet(for: industry, catalog: catalog, seed: UInt64(i + 1))
}

var diagnoseRates: [Double] = []
var jsonRates: [Double] = []
for _ in 0..<5 {
    var t0 = now()
    var modules = 0
    for s in sheets { modules += try engine.run(s).plan.selected.count }
    diagnoseRates.append(Double(n) / (now() - t0))
    t0 = now()
    var bytes = 0
    for s in sheets { bytes += try engine.run(s).proposal.jsonText().utf8.count }
    jsonRates.append(Double(n) / (now() - t0))
    precondition(modules > 0 && bytes > 0)
}
// Where the time goes, stage by stage (one pass).
do {
    var tDiag = 0.0, tPlan = 0.0, tBuild = 0.0
    for s in sheets {
        let industry = catalog.industry(s.industry)!
        let q = catalog.questionnaire(for: industry)
        var t0 = now()
        let answers = AnswerValidator.effectiveAnswers(s, q)
        let d = Diagnoser(catalog: catalog).diagnose(industry: industry, answers: answers, questionnaire: q)
        tDiag += now() - t0
        t0 = now()
        let plan = Planner(catalog: catalog, industry: industry).plan(d)
        tPlan += now() - t0
        t0 = now()
        _ = ProposalBuilder(catalog: catalog, industry: industry).build(sheet: s, answersHash: Engine.hash(s), diagnosis: d, plan: plan, overlay: nil)
        tBuild += now() - t0
    }
    func us(_ t: Double) -> String { String(format: "%.0f µs", t / Double(n) * 1e6) }
    print("stages per enterprise: answers+diagnosis \(us(tDiag)), plan \(us(tPlan)), proposal value \(us(tBuild))")
}
let perDiagnose = 1_000_000 / median(diagnoseRates)
print("diagnose + plan + proposal value: median \(Int(median(diagnoseRates))) per second (\(String(format: "%.0f", perDiagnose)) µs each), N=\(n), 1 core")
print("… plus JSON text: median \(Int(median(jsonRates))) per second, 1 core")
print("peak RSS: \(String(format: "%.1f", peakRSSMegabytes())) MB")
