import Foundation
import GaizaoCore
@testable import GaizaoCLI

/// The shipped reference catalog, loaded once.
enum TestCatalog {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path

    static let catalog: Catalog = {
        let files = try! FileIO.catalogFiles(at: root + "/catalogs", displayPrefix: "catalogs")
        return CatalogLoader.load(files).catalog!
    }()

    static var autoParts: Industry { catalog.industry("auto-parts")! }
}

/// A terminal that replays scripted events and keeps every screen drawn, as plain text.
final class FakeTerminal: WizardTerminal {
    var events: [TerminalEvent]
    var size: TerminalSize
    private(set) var screens: [[ScreenLine]] = []

    init(_ events: [TerminalEvent] = [], size: TerminalSize = TerminalSize(width: 80, height: 30)) {
        self.events = events
        self.size = size
    }

    /// When the script runs out the terminal closes.
    func nextEvent() -> TerminalEvent { events.isEmpty ? .closed : events.removeFirst() }
    func draw(_ lines: [ScreenLine]) { screens.append(lines) }

    var lastScreen: String { screens.last.map { $0.map(\.text).joined(separator: "\n") } ?? "" }
}

/// Builds key scripts: `keys(.enter, "85", .enter)`; a string types its characters.
func keys(_ items: Any...) -> [TerminalEvent] {
    var out: [TerminalEvent] = []
    for item in items {
        switch item {
        case let k as Key: out.append(.key(k))
        case let s as String: out += s.map { $0 == " " ? .key(.space) : .key(.char($0)) }
        case let e as TerminalEvent: out.append(e)
        case let list as [TerminalEvent]: out += list
        default: fatalError("unsupported script item \(item)")
        }
    }
    return out
}

/// A wizard session over the fake terminal with an in-memory answers file.
struct WizardHarness {
    var model: WizardModel
    var terminal = FakeTerminal()
    var runner: WizardRunner
    let store: Store
    private var started = false

    final class Store: @unchecked Sendable {
        var saves: [String] = []
        var failing = false
    }

    init(industry: Industry? = TestCatalog.autoParts, resumeText: String? = nil, lang: Lang = .zh,
         size: TerminalSize = TerminalSize(width: 80, height: 30)) {
        var sheet: AnswerSheet?
        if let resumeText {
            let result = AnswerDecoder.decode(SourceFile(path: "answers.yaml", text: resumeText), catalog: TestCatalog.catalog, partial: true)
            precondition(result.sheet != nil, "\(result.diagnostics.sorted)")
            sheet = result.sheet
        }
        model = WizardModel(catalog: TestCatalog.catalog, lang: lang, industry: sheet.flatMap { TestCatalog.catalog.industry($0.industry) } ?? industry,
                            resumed: sheet, explicitKeys: Set(sheet?.locations.keys.map { $0 } ?? []),
                            drafts: resumeText.map(WizardModel.drafts(inAnswersFile:)) ?? [:])
        terminal.size = size
        let store = Store()
        self.store = store
        runner = WizardRunner(answersPath: "answers.yaml") { text in
            if store.failing { throw CLIError.input("disk full") }
            store.saves.append(text)
        }
    }

    /// Feeds the scripted events; returns how the session ended, or nil when the script ran out first.
    @discardableResult
    mutating func run(_ events: [TerminalEvent]) -> WizardEnding? {
        if !started {
            runner.start(model, on: terminal)
            started = true
        }
        for event in events {
            if let ending = runner.step(event, &model, on: terminal) { return ending }
        }
        return nil
    }

    /// Feeds `script` one event at a time until question `id` is on screen; returns the events not used.
    @discardableResult
    mutating func run(_ script: [TerminalEvent], until id: String) -> [TerminalEvent] {
        var rest = script[...]
        while currentID != id, let next = rest.popFirst() { run([next]) }
        precondition(currentID == id, "the script never reached \(id)")
        return Array(rest)
    }

    var screen: String { terminal.lastScreen }
    var saved: String { store.saves.last ?? "" }

    var currentID: String? { model.currentQuestion?.id }

    /// The last saved file decoded again, as `gaizao diagnose` would read it.
    func decodedSave(partial: Bool = false) -> AnswerDecoder.Result {
        AnswerDecoder.decode(SourceFile(path: "answers.yaml", text: saved), catalog: TestCatalog.catalog, partial: partial)
    }
}

/// Keys that answer the whole auto-parts questionnaire from the first question: an OEM supplier that stamps
/// parts, so every conditional question is asked (64 questions). Defaults (the first option, empty fields) elsewhere.
let fullAutoPartsScript: [TerminalEvent] = keys(
    "慈溪测试汽配厂", Key.enter, Key.enter, Key.enter, "85", Key.enter, "3000", Key.enter, Key.enter,
    "1", Key.enter, Key.down, Key.enter,                               // main_customers: automaker; it_staff: part_time
    Key.enter, "n", "y",                                                // policy
    "12", Key.enter, "35", Key.enter, "15", Key.enter, Key.enter, Key.down, Key.down, Key.enter, Key.enter, Key.enter,  // foundation
    Key.enter, Key.enter, Key.enter, "1.5", Key.enter,                  // management
    Key.enter, Key.enter, Key.enter, Key.enter, Key.enter, Key.enter, Key.enter,  // outcomes
    "2", Key.enter, [TerminalEvent](repeating: .key(.enter), count: 15),          // scenes: product design at level 2, others 0
    "85", Key.enter, "y", "n", Key.enter, Key.enter, Key.enter, Key.enter,        // auto-parts profile
    "2", Key.enter, "50", Key.enter, Key.enter, "200", Key.enter,                 // processes: stamping; moulds
    [TerminalEvent](repeating: .key(.enter), count: 8))

/// The answers file `fullAutoPartsScript` produces.
let fullAutoPartsExpected = """
    gaizao_answers: 1
    industry: auto-parts
    answers:
      # --- 企业概况 / Enterprise profile
      company_name: "慈溪测试汽配厂"
      credit_code: ~
      town: ~
      employees: 85
      annual_revenue: 3000
      main_products: ~
      main_customers: [automaker]
      it_staff: part_time
      # --- 政策资格 / Policy eligibility
      pilot_status: none
      ningbo_sample: false
      plans_ai_model: true
      # --- 数字化基础 / Digital foundation
      network: [workshop_control, app_network]
      equipment_digital_rate: 35
      equipment_network_rate: 15
      data_collection: [none]
      info_systems: two_plus
      network_security: [none]
      data_security: [none]
      # --- 数字化管理 / Digital management
      planning: none
      mechanisms: [none]
      talent: [none]
      digital_investment_share: 1.5
      # --- 数字化成效 / Digital outcomes
      energy_trend: down
      quality_trend: up
      productivity_trend: up
      cost_trend: down
      baseline_pass_rate: ~
      baseline_energy_per_revenue: ~
      baseline_cost_per_revenue: ~
      # --- 数字化经营（16个业务场景现状） / Digital operations (current level of 16 business scenes)
      scene_product_design: 2
      scene_process_design: 0
      scene_marketing: 0
      scene_after_sales: 0
      scene_planning: 0
      scene_production_control: 0
      scene_quality: 0
      scene_equipment: 0
      scene_safety: 0
      scene_energy: 0
      scene_procurement: 0
      scene_warehousing: 0
      scene_finance: 0
      scene_hr: 0
      scene_collaboration: 0
      scene_decision_support: 0
      # --- 汽配客户与质量体系 / Auto-parts customers and quality system
      ap_oe_share: 85
      ap_oem_edi: true
      ap_customer_portal: false
      ap_traceability_demand: none
      ap_iatf16949: none
      ap_delivery_issues: rare
      ap_design_role: build_to_print
      # --- 汽配生产与现场 / Auto-parts production and shop floor
      ap_processes: [stamping]
      ap_mould_count: 50
      ap_mould_managed: none
      ap_part_numbers: 200
      ap_changeovers_per_day: ~
      ap_spc_practice: none
      ap_first_article: none
      ap_visual_inspectors: ~
      ap_scrap_rate: ~
      ap_energy_equipment: [none]
      ap_power_cost: ~
      ap_hazards: [none]

    """

/// The answers file without its comment header (the first lines starting with `#`).
/// The answers file without its leading comments and its date line (the date step writes one, see `dated`).
func body(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }
        .filter { !$0.hasPrefix("date: ") }.joined(separator: "\n")
}
