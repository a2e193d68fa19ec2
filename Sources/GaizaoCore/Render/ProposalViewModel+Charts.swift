/// Geometry of the inline SVG charts (HTML only): the 16 scenes now and after, points by dimension, and the
/// Gantt roadmap. Coordinates are computed here and handed over as strings, so the templates only place them.
/// Each chart comes in two layouts: `wide` (labels beside the bars; desktop and print) and `narrow` (labels
/// above the bars; phones), so its text stays readable at 390 px without shrinking to a few pixels.
extension ViewModelBuilder {
    enum ChartLayout: String { case wide, narrow }

    static func chartWidth(_ layout: ChartLayout) -> Double { layout == .wide ? 560 : 360 }

    /// The id of a chart's title or description element: `chart-scenes-wide-title`.
    static func chartElementID(_ chart: String, _ layout: ChartLayout, _ part: String) -> String {
        "chart-\(chart)-\(layout.rawValue)-\(part)"
    }

    func charts() -> ViewNode {
        [
            "scenes": .from(chartPair(title: strings["chartScenesTitle"], sceneBars())),
            "dimensions": .from(chartPair(title: strings["chartDimensionsTitle"], dimensionBars())),
            "gantt": .from(ganttPair()),
        ]
    }

    /// The rows (texts and values) of a paired-bar chart, made once for both layouts.
    struct BarChart {
        var rows: [BarRow]
        var id: String, title: String, desc: String
        var gridLevels: Int?
    }

    /// Both layouts of a paired-bar chart. What does not depend on the layout (row texts, a label that fits
    /// both) is made once and both layouts' rows hold it.
    func chartPair(title: String, _ chart: BarChart) -> ViewNode {
        let texts = chart.rows.map { row in
            BarTexts(label: MustacheValue.string(row.label), summary: MustacheValue.string(row.summary), now: MustacheValue.string(row.nowText), after: MustacheValue.string(row.afterText),
                     labelWidth: DisplayWidth.of(row.label))
        }
        let wide = pairedBars(chart, texts, layout: .wide)
        return ["title": .from(title), "wide": .from(wide), "narrow": .from(pairedBars(chart, texts, layout: .narrow)), "hasRows": .from(!chart.rows.isEmpty)]
    }

    /// An SVG coordinate: at most one decimal.
    func n(_ x: Double) -> MustacheValue { .decimal(x, digits: 1) }

    /// A label cut to `cells` terminal cells (CJK counts two) with an ellipsis, SVG text not wrapping; nil when it
    /// fits as it is (`width`: its width, if known).
    func cut(_ text: String, cells: Int, width: Int? = nil) -> String? {
        guard (width ?? DisplayWidth.of(text)) > cells else { return nil }
        var out = "", width = 0
        for ch in text {
            let w = ch.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
            if width + w > cells - 1 { break }
            out.append(ch)
            width += w
        }
        return out + "…"
    }

    /// Width of one terminal cell of 13-unit text: a CJK character (two cells) is 13 units wide.
    static let cellWidth = 6.7

    struct BarRow {
        var label: String
        var now: Double
        var after: Double
        var max: Double
        var nowText: String
        var afterText: String
        var summary: String
    }

    /// A bar row's texts, shared by both layouts (`label` uncut), and the label's width in cells.
    struct BarTexts {
        var label, summary, now, after: MustacheValue
        var labelWidth: Int
    }

    /// Paired horizontal bars (now, after) per row. `gridLevels` draws a shared 0…n axis (scenes); otherwise
    /// each bar runs against its own row's maximum on a light track and shows its value (dimensions).
    func pairedBars(_ chart: BarChart, _ texts: [BarTexts], layout: ChartLayout) -> ViewNode {
        let rows = chart.rows, gridLevels = chart.gridLevels
        let width = Self.chartWidth(layout)
        let showValues = gridLevels == nil
        let valueRoom = showValues ? 44.0 : 14.0
        var labelWidth = 0.0, labelCells = Int((width - 8) / Self.cellWidth)
        if layout == .wide {
            let longest = texts.map(\.labelWidth).max() ?? 0
            labelWidth = min(max(Double(longest) * Self.cellWidth + 14, 90), 210)
            labelCells = Int((labelWidth - 14) / Self.cellWidth)
        }
        // Narrow: a little room left of level 0 so its centred tick label is not cut.
        let x0 = layout == .wide ? labelWidth : (gridLevels == nil ? 0 : 12), x1 = width - valueRoom
        let top = gridLevels == nil ? 24.0 : 46.0
        let rowHeight = layout == .wide ? (showValues ? 44.0 : 28.0) : (showValues ? 56.0 : 44.0)
        let barHeight = showValues ? 13.0 : 9.0
        let height = top + Double(rows.count) * rowHeight + 6
        var grid: [ViewNode] = []
        if let levels = gridLevels {
            let y1 = n(top - 4), y2 = n(height - 4), labelY = n(top - 10)
            grid = (0...levels).map { level in
                let x = x0 + Double(level) * (x1 - x0) / Double(levels)
                return ["x": .from(n(x)), "y1": .from(y1), "y2": .from(y2), "labelY": .from(labelY), "label": .from(format.sceneLevel(level))]
            }
        }
        // The same in every row of this layout.
        let labelX = n(layout == .wide ? x0 - 8 : 0), anchor = MustacheValue.string(layout == .wide ? "end" : "start")
        let barX = n(x0), trackWidth = n(x1 - x0), barHeightValue = n(barHeight), valueX = n(x1 + 6)
        let nodes: [ViewNode] = rows.indices.map { i in
            let row = rows[i]
            let y = top + Double(i) * rowHeight
            // Wide: the label sits left of the bars; narrow: on its own line above them.
            let barTop = layout == .wide ? y + 4 : y + 18
            let scale = row.max > 0 ? (x1 - x0) / row.max : 0
            let nowY = barTop, afterY = barTop + barHeight + (showValues ? 2 : 1)
            return [
                "label": cut(row.label, cells: labelCells, width: texts[i].labelWidth).map { MustacheValue.string($0) } ?? texts[i].label,
                "labelX": labelX,
                "labelY": n(layout == .wide ? barTop + barHeight + 4 : y + 13),
                "anchor": anchor,
                "barX": barX, "trackWidth": trackWidth, "hasTrack": .from(showValues),
                "nowY": n(nowY), "nowWidth": n(max(row.now * scale, 2)),
                "afterY": n(afterY), "afterWidth": n(max(row.after * scale, 2)),
                "barHeight": barHeightValue,
                "hasValues": .from(showValues), "valueX": valueX,
                "nowValueY": n(nowY + barHeight - 2), "afterValueY": n(afterY + barHeight - 2),
                "nowValue": texts[i].now, "afterValue": texts[i].after,
                "summary": texts[i].summary,
            ]
        }
        let id = chart.id
        return [
            "layout": .from(layout.rawValue),
            "titleId": .from(Self.chartElementID(id, layout, "title")), "descId": .from(Self.chartElementID(id, layout, "desc")),
            "title": .from(chart.title), "desc": .from(chart.desc),
            "width": .from(n(width)), "height": .from(n(height)),
            "legend": ChartLegends.of(lang).nowAndAfter,
            "grid": .from(grid), "rows": .from(nodes), "hasRows": .from(!nodes.isEmpty),
        ]
    }

    func sceneBars() -> BarChart {
        let afterLevels = Dictionary(proposal.after.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        var raised = 0
        let rows = proposal.diagnosis.scenes.map { scene -> BarRow in
            let after = afterLevels[scene.id] ?? scene.level
            if after > scene.level { raised += 1 }
            return BarRow(label: localized(scene.name) + (scene.mandatory ? " ★" : ""), now: Double(scene.level), after: Double(after), max: 4,
                          nowText: format.sceneLevel(scene.level), afterText: format.sceneLevel(after),
                          summary: "\(localized(scene.name)): \(format.sceneLevel(scene.level)) → \(format.sceneLevel(after))")
        }
        return BarChart(rows: rows, id: "scenes", title: strings["chartScenesTitle"],
                        desc: strings.format("chartScenesDescFmt", ["n": String(rows.count), "raised": String(raised)]), gridLevels: 4)
    }

    func dimensionBars() -> BarChart {
        let afterByID = Dictionary(proposal.after.dimensions.map { ($0.id, $0.points) }, uniquingKeysWith: { a, _ in a })
        let rows = proposal.diagnosis.dimensions.map { d -> BarRow in
            let after = afterByID[d.id] ?? d.points
            return BarRow(label: localized(d.name) + strings["openParen"] + format.points(d.maxPoints) + strings["closeParen"], now: d.points, after: after,
                          max: d.maxPoints, nowText: format.points(d.points), afterText: format.points(after),
                          summary: "\(localized(d.name)): \(format.points(d.points)) → \(format.points(after))")
        }
        return BarChart(rows: rows, id: "dimensions", title: strings["chartDimensionsTitle"],
                        desc: strings.format(format.points(proposal.diagnosis.points) == format.points(proposal.after.points) ? "chartDimensionsDescFlatFmt" : "chartDimensionsDescFmt", ["p1": format.points(proposal.diagnosis.points), "p2": format.points(proposal.after.points),
                                                                   "max": format.points(proposal.diagnosis.maxPoints)]), gridLevels: nil)
    }

    /// A scheduled module's row of the Gantt chart, as far as it does not depend on the layout.
    struct GanttRow {
        var name: String
        var weeks: String
        /// The widths of `name` and `weeks` in cells.
        var nameWidth: Int, weeksWidth: Int
        var start: Int, end: Int
        var labelY, barY, phaseClass: MustacheValue
    }

    /// Both layouts of the roadmap's Gantt chart; what does not depend on the layout is made once.
    func ganttPair() -> ViewNode {
        let top = 30.0, rowHeight = 34.0
        let phaseClasses = (1...5).map { MustacheValue.string("phase-\($0)") }
        // Phase k is coloured as phase (k - 1) % 5 + 1 (phases count from 1; any other number keeps the formula).
        func phaseClass(_ k: Int) -> MustacheValue {
            let c = (k - 1) % 5 + 1
            return (1...5).contains(c) ? phaseClasses[c - 1] : MustacheValue.string("phase-\(c)")
        }
        let rows = scheduledModules().enumerated().map { i, index in
            let m = proposal.modules[index]
            let y = top + Double(i) * rowHeight
            let name = localized(m.name), weeks = " · " + format.weeks(start: m.startWeek!, end: m.endWeek!)
            return GanttRow(name: name, weeks: weeks, nameWidth: DisplayWidth.of(name), weeksWidth: DisplayWidth.of(weeks),
                            start: m.startWeek!, end: m.endWeek!,
                            labelY: MustacheValue.decimal(y + 12, digits: 1), barY: MustacheValue.decimal(y + 16, digits: 1),
                            phaseClass: phaseClass(m.phase ?? 1))
        }
        let legend = proposal.phases.map { phase in
            (label: MustacheValue.string(strings.format("phaseFmt", ["n": String(phase.index)]) + " " + format.weeks(start: phase.startWeek, end: phase.endWeek)),
             phaseClass: phaseClass(phase.index))
        }
        let desc = MustacheValue.string(roadmapIntro())
        let layouts = [ChartLayout.wide, .narrow].map { ganttChart($0, rows, legend: legend, desc: desc) }
        return ["title": .from(strings["chartGanttTitle"]), "wide": .from(layouts[0]), "narrow": .from(layouts[1]), "hasRows": .from(!rows.isEmpty)]
    }

    func ganttChart(_ layout: ChartLayout, _ modules: [GanttRow], legend phases: [(label: MustacheValue, phaseClass: MustacheValue)],
                     desc: MustacheValue) -> ViewNode {
        let width = Self.chartWidth(layout)
        let weeks = max(proposal.totals.durationWeeks, modules.map { $0.end }.max() ?? 0, 1)
        let x0 = 8.0, x1 = width - 12, scale = (x1 - x0) / Double(weeks)
        let top = 30.0, rowHeight = 34.0
        let bottom = top + Double(modules.count) * rowHeight
        let step = weeks <= 16 ? 2 : weeks <= 40 ? 4 : 8
        let tickY1 = n(top - 6), tickY2 = n(bottom)
        let ticks: [ViewNode] = stride(from: 0, through: weeks, by: layout == .wide ? step : step * 2).map { w in
            ["x": n(x0 + Double(w) * scale), "label": .from(String(w)), "y1": tickY1, "y2": tickY2]
        }
        let anchors = (start: MustacheValue.string("start"), end: MustacheValue.string("end")), barHeight = MustacheValue.string("12")
        let rows: [ViewNode] = modules.map { m in
            let start = x0 + Double(m.start) * scale, end = x0 + Double(m.end) * scale
            let anchorEnd = start > width / 2
            // Room for the label from the bar's start rightwards, or from its end leftwards. A cell of 12-unit
            // text is 6 units for CJK and up to 7 for Latin letters: count 7 so English labels fit too.
            let room = anchorEnd ? end - 4 : width - start - 4
            let label = (cut(m.name, cells: max(Int(room / 7) - m.weeksWidth, 8), width: m.nameWidth) ?? m.name) + m.weeks
            return [
                "label": .from(label),
                "labelX": n(anchorEnd ? end : start), "labelY": m.labelY, "anchor": anchorEnd ? anchors.end : anchors.start,
                "barX": n(start), "barY": m.barY, "barWidth": n(max(end - start, 2)), "barHeight": barHeight,
                "phaseClass": m.phaseClass,
            ]
        }
        let perRow = layout == .wide ? 3 : 2, itemWidth = width / Double(perRow)
        let legend: [ViewNode] = phases.indices.map { i in
            let x = Double(i % perRow) * itemWidth, y = bottom + 12 + Double(i / perRow) * 20
            return [
                "x": n(x), "y": n(y), "textX": n(x + 16), "textY": n(y + 10),
                "label": phases[i].label,
                "phaseClass": phases[i].phaseClass,
            ]
        }
        let legendRows = (phases.count + perRow - 1) / perRow
        return [
            "layout": .from(layout.rawValue),
            "titleId": .from(Self.chartElementID("gantt", layout, "title")), "descId": .from(Self.chartElementID("gantt", layout, "desc")),
            "title": .from(strings["chartGanttTitle"]),
            "desc": desc,
            "width": n(width), "height": n(bottom + 12 + Double(legendRows) * 20),
            "axisLabel": .from(strings["weekAxis"]), "axisLabelX": n(x1), "axisLabelY": "10",
            "ticks": .from(ticks), "tickLabelY": n(top - 10),
            "rows": .from(rows),
            "legend": .from(legend),
            "hasRows": .from(!rows.isEmpty),
        ]
    }
}

/// The now/after legend of the paired-bar charts in one language: the same in every chart of every proposal, so
/// made once per language and shared.
struct ChartLegends: Sendable {
    let nowAndAfter: MustacheValue

    static func of(_ lang: Lang) -> ChartLegends { lang == .zh ? zh : en }
    private static let zh = ChartLegends(RenderFormat.of(.zh).strings)
    private static let en = ChartLegends(RenderFormat.of(.en).strings)

    init(_ strings: RenderStrings) {
        let items: [ViewNode] = [
            ["x": "0", "y": "0", "textX": "18", "textY": "10", "label": .from(strings["now"]), "cls": "bar-now"],
            ["x": "90", "y": "0", "textX": "108", "textY": "10", "label": .from(strings["after"]), "cls": "bar-after"],
        ]
        nowAndAfter = items.mustacheValue
    }
}
