import GaizaoCore

/// The `?` panel: the question's plain-language help and what the highlighted answer means for the MIIT
/// evaluation (option points, number bands, the scene level description and the level rule).
enum WizardHelp {
    /// Paragraphs to wrap; `focused` is the highlighted choice, if the question is a list.
    static func paragraphs(for q: Question, focused: WizardChoice?, catalog: Catalog, lang: Lang) -> [String] {
        let ui = WizardStrings(lang: lang)
        var out: [String] = []
        if !q.help[lang].isEmpty { out.append(q.help[lang]) }
        let indicator = catalog.maturity.dimensions.lazy.flatMap(\.indicators).first { $0.questionID == q.id }
        switch q.kind {
        case .level:
            out += levelParagraphs(q, focused: focused, catalog: catalog, ui: ui)
        case .single, .multi:
            if let o = focused?.option {
                if let help = o.help?[lang], !help.isEmpty { out.append("「\(o.label[lang])」\(help)") }
                if let indicator {
                    let points = o.points ?? 0
                    out.append(points > 0
                        ? ui.optionPoints(indicator.name[lang], points: formatNumber(points), max: formatNumber(indicator.points))
                        : ui.optionNoPoints(indicator.name[lang]))
                }
            }
            if indicator != nil, q.options.contains(where: { ($0.points ?? 0) > 0 }) {
                let list = q.options.enumerated().map { "\($0 + 1)→\(formatNumber($1.points ?? 0))" }
                out.append((lang == .zh ? "各选项得分：" : "Points by option: ") + list.joined(separator: "  "))
            }
            if indicator == nil { out.append(ui.notScored) }
        case .number:
            if let indicator, !indicator.bands.isEmpty {
                let unit = q.unit?[lang]
                let bands = indicator.bands.map {
                    ui.band(upTo: $0.upTo.map { AnswerDisplay.withUnit(formatNumber($0), unit) }, points: formatNumber($0.points))
                }
                out.append(ui.bands(indicator.name[lang], max: formatNumber(indicator.points)) + " " + bands.joined(separator: lang == .zh ? "；" : "; "))
            } else {
                out.append(ui.notScored)
            }
        case .yesno:
            if let indicator { out.append(ui.yesPoints(indicator.name[lang], points: formatNumber(q.pointsYes ?? 0))) } else { out.append(ui.notScored) }
        case .text:
            out.append(ui.notScored)
        }
        return out
    }

    private static func levelParagraphs(_ q: Question, focused: WizardChoice?, catalog: Catalog, ui: WizardStrings) -> [String] {
        guard let scene = q.scene.flatMap({ catalog.maturity.scene($0) }) else { return [] }
        let level = focused.flatMap { if case let .number(n) = $0.value { return Int(n) } else { return nil } } ?? 0
        var out = [ui.sceneLevel(scene.name[ui.lang], mandatory: scene.mandatory, level: level)]
        if level > 0, scene.levels.indices.contains(level - 1) { out[0] += scene.levels[level - 1][ui.lang] }
        if let rule = catalog.maturity.levels.first(where: { $0.level == max(level, 1) }) {
            out.append(ui.levelRule(level: rule.level, score: formatNumber(rule.minScore), scenes: rule.minScenes, mandatory: rule.minMandatory))
        }
        return out
    }
}
