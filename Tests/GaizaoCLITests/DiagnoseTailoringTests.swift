import Foundation
import Testing

/// `gaizao diagnose` as a consultant runs it: the proposal quotes only the hardware that fits the plant's processes.
@Suite struct DiagnoseTailoringTests {
    static let dieCasting = "压铸机工艺参数采集（每模存档）"
    static let furnace = "热处理炉温与碳势记录仪（CQI-9 批次记录）"
    static let tonnage = "冲床吨位监测仪"

    /// Diagnoses the shipped small workshop with `ap_processes` replaced; returns its Markdown and JSON.
    func diagnose(processes: String) throws -> (md: String, json: String) {
        let dir = DiagnoseCommandTests.tempDir()
        let original = try String(contentsOfFile: DiagnoseCommandTests.example("auto-parts-small-workshop.yaml"), encoding: .utf8)
        #expect(original.contains("  ap_processes: [stamping, welding]\n"))
        let answers = dir.appendingPathComponent("plant.yaml")
        try original.replacingOccurrences(of: "  ap_processes: [stamping, welding]\n", with: "  ap_processes: \(processes)\n")
            .write(to: answers, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try GaizaoBinary.run(["diagnose", answers.path, "-o", out.path, "--format", "md,json", "--target-level", "none"])
        #expect(r.status == 0, "\(r.stderr)")
        return (try String(contentsOf: out.appendingPathComponent("plant.md"), encoding: .utf8),
                try String(contentsOf: out.appendingPathComponent("plant.json"), encoding: .utf8))
    }

    @Test func aStampingOnlyPlantIsNotQuotedDieCastingOrHeatTreatment() throws {
        let (md, json) = try diagnose(processes: "[stamping]")
        #expect(md.contains(Self.tonnage) && json.contains(Self.tonnage))
        for text in [Self.dieCasting, Self.furnace, "压铸：", "热处理："] {
            #expect(!md.contains(text) && !json.contains(text), "\(text)")
        }
    }

    @Test func aPlantThatDieCastsAndHeatTreatsKeepsThem() throws {
        let (md, json) = try diagnose(processes: "[die_casting, heat_treatment]")
        for text in [Self.dieCasting, Self.furnace, "压铸：", "热处理："] {
            #expect(md.contains(text) && json.contains(text), "\(text)")
        }
        #expect(!md.contains(Self.tonnage) && !json.contains(Self.tonnage))
    }
}
