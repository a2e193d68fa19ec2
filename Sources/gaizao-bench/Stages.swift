import Foundation
import GaizaoCore

/// `gaizao-bench --stage NAME [-n N]`: runs one stage alone over N synthetic proposals, for `perf record` and
/// for comparing a change: it prints the least CPU time of seven rounds (interference only ever adds time).
enum StageMode {
    static let names = ["decode", "engine", "json", "json-bytes", "md", "html", "md+html", "md-model", "html-model"]

    /// `budgetYuan`: each proposal planned within this budget; enterprises whose must-haves exceed it are left out.
    static func run(_ stage: String, sheets: [AnswerSheet], engine: Engine, renderer: ProposalRenderer, budgetYuan: Int? = nil) throws {
        guard names.contains(stage) else {
            print("unknown stage `\(stage)`; stages: \(names.joined(separator: ", "))")
            exit(2)
        }
        let sheets = budgetYuan == nil ? sheets : sheets.filter { (try? engine.run($0, budgetYuan: budgetYuan)) != nil }
        let proposals = try sheets.map { try engine.run($0, budgetYuan: budgetYuan).proposal }
        let lines = sheets.map { SourceFile(path: "stdin", text: $0.jsonLine()) }
        var units = 0, best = Double.infinity
        for _ in 0..<7 {
            let t0 = threadCPU()
            units += try round(stage, sheets: sheets, lines: lines, proposals: proposals, engine: engine, renderer: renderer,
                               budgetYuan: budgetYuan)
            best = min(best, threadCPU() - t0)
        }
        let budget = budgetYuan.map { ", budget \(Money.wan($0)) 万元" } ?? ""
        let unproven = budgetYuan == nil ? "" : ", \(proposals.filter { p in p.risks.contains { $0.text.en.contains("not proven optimal") } }.count) not proven optimal"
        print("\(stage): \(String(format: "%.0f", best / Double(max(sheets.count, 1)) * 1e6)) µs CPU each (least of 7 rounds over \(sheets.count)\(budget)\(unproven); \(units) units)")
    }

    @inline(never)
    static func round(_ stage: String, sheets: [AnswerSheet], lines: [SourceFile], proposals: [Proposal], engine: Engine,
                      renderer: ProposalRenderer, budgetYuan: Int?) throws -> Int {
        var units = 0
        var buffers = DocumentBuffers()
        for (k, p) in proposals.enumerated() {
            switch stage {
            case "decode": units += AnswerDecoder.decode(lines[k], catalog: engine.catalog).sheet?.answers.count ?? 0
            case "engine": units += try engine.run(sheets[k], budgetYuan: budgetYuan).proposal.modules.count
            case "json": units += p.jsonText().utf8.count
            case "json-bytes": units += p.jsonBytes().count
            case "md": units += renderer.markdown(p, lang: .zh).utf8.count
            case "html": units += renderer.html(p, lang: .zh).utf8.count
            case "md+html":
                // As a batch worker renders: into buffers reused from one proposal to the next.
                renderer.render(p, lang: .zh, markdown: true, html: true, into: &buffers)
                units += buffers.markdown.count + buffers.html.count
            case "md-model": units += ProposalViewModel(p, lang: .zh, flavor: .markdown).servesMarkdown ? 1 : 0
            default: units += ProposalViewModel(p, lang: .zh, flavor: .html).servesMarkdown ? 1 : 0
            }
        }
        return units
    }

    /// CPU seconds used by this thread.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
