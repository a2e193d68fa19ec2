/// Geometry of the inline SVG charts (HTML only): the 16 scenes now and after, points by dimension, and the
/// Gantt roadmap. Coordinates are computed here and handed over as strings, so the templates only place them.
/// Each chart comes in two layouts: `wide` (labels beside the bars; desktop and print) and `narrow` (labels
/// above the bars; phones), so its text stays readable at 390 px without shrinking to a few pixels.
extension ViewModelBuilder {
    enum ChartLayout: String { case wide, narrow }

    static func chartWidth(_ layout: ChartLayout) -> Double { layout == .wide ? 560 : 360 }

    func charts() -> ViewNode {
        [
            "scenes": .v(chartPair(title: s["chartScenesTitle"], sceneBars())),
            "dimensions": .v(chartPair(title: s["chartDimensionsTitle"], dimensionBars())),
            "gantt": .v(chartPair(title: s["chartGanttTitle"]) { ganttChart($0) }),
        ]
    }

    /// The rows (texts and values) of a paired-bar chart, made once for both layouts.
    struct BarChart {
        var rows: [BarRow]
        var id: String, title: String, desc: String
        var gridLevels: Int?
    }

    func chartPair(title: String, _ chart: BarChart) -> ViewNode {
        chartPair(title: title) { pairedBars(chart.rows, layout: $0, id: chart.id, title: chart.title, desc: chart.desc, gridLevels: chart.gridLevels) }
    }

    func chartPair(title: String, _ make: (ChartLayout) -> ViewNode) -> ViewNode {
        let wide = make(.wide)
        let hasRows = wide.bool("hasRows")
        return ["title": .v(title), "wide": .v(wide), "narrow": .v(make(.narrow)), "hasRows": .v(hasRows)]
    }

    /// An SVG coordinate: at most one decimal.
    func n(_ x: Double) -> MustacheValue { .decimal(x, digits: 1) }

    /// A label cut to `cells` terminal cells (CJK counts two) with an ellipsis: SVG text does not wrap.
    func fit(_ text: String, cells: Int) -> String {
        guard DisplayWidth.of(text) > cells else { return text }
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

    /// Paired horizontal bars (now, after) per row. `gridLevels` draws a shared 0…n axis (scenes); otherwise
    /// each bar runs against its own row's maximum on a light track and shows its value (dimensions).
    func pairedBars(_ rows: [BarRow], layout: ChartLayout, id: String, title: String, desc: String, gridLevels: Int?) -> ViewNode {
        let width = Self.chartWidth(layout)
        let showValues = gridLevels == nil
        let valueRoom = showValues ? 44.0 : 14.0
        var labelWidth = 0.0, labelCells = Int((width - 8) / Self.cellWidth)
        if layout == .wide {
            let longest = rows.map { DisplayWidth.of($0.label) }.max() ?? 0
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
            grid = (0...levels).map { level in
                let x = x0 + Double(level) * (x1 - x0) / Double(levels)
                return ["x": .v(n(x)), "y1": .v(n(top - 4)), "y2": .v(n(height - 4)), "labelY": .v(n(top - 10)), "label": .v(f.sceneLevel(level))]
            }
        }
        let nodes: [ViewNode] = rows.enumerated().map { i, row in
            let y = top + Double(i) * rowHeight
            // Wide: the label sits left of the bars; narrow: on its own line above them.
            let barTop = layout == .wide ? y + 4 : y + 18
            let scale = row.max > 0 ? (x1 - x0) / row.max : 0
            let nowY = barTop, afterY = barTop + barHeight + (showValues ? 2 : 1)
            return [
                "label": .v(fit(row.label, cells: labelCells)),
                "labelX": .v(n(layout == .wide ? x0 - 8 : 0)),
                "labelY": .v(n(layout == .wide ? barTop + barHeight + 4 : y + 13)),
                "anchor": .v(layout == .wide ? "end" : "start"),
                "barX": .v(n(x0)), "trackWidth": .v(n(x1 - x0)), "hasTrack": .v(showValues),
                "nowY": .v(n(nowY)), "nowWidth": .v(n(max(row.now * scale, 2))),
                "afterY": .v(n(afterY)), "afterWidth": .v(n(max(row.after * scale, 2))),
                "barHeight": .v(n(barHeight)),
                "hasValues": .v(showValues), "valueX": .v(n(x1 + 6)),
                "nowValueY": .v(n(nowY + barHeight - 2)), "afterValueY": .v(n(afterY + barHeight - 2)),
                "nowValue": .v(row.nowText), "afterValue": .v(row.afterText),
                "summary": .v(row.summary),
            ]
        }
        return [
            "layout": .v(layout.rawValue),
            "titleId": .v("chart-\(id)-\(layout.rawValue)-title"), "descId": .v("chart-\(id)-\(layout.rawValue)-desc"),
            "title": .v(title), "desc": .v(desc),
            "width": .v(n(width)), "height": .v(n(height)),
            "legend": .v([
                ["x": "0", "y": "0", "textX": "18", "textY": "10", "label": .v(s["now"]), "cls": "bar-now"] as ViewNode,
                ["x": "90", "y": "0", "textX": "108", "textY": "10", "label": .v(s["after"]), "cls": "bar-after"],
            ]),
            "grid": .v(grid), "rows": .v(nodes), "hasRows": .v(!nodes.isEmpty),
        ]
    }

    func sceneBars() -> BarChart {
        let afterLevels = Dictionary(p.after.scenes.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a })
        var raised = 0
        let rows = p.diagnosis.scenes.map { scene -> BarRow in
            let after = afterLevels[scene.id] ?? scene.level
            if after > scene.level { raised += 1 }
            return BarRow(label: l(scene.name) + (scene.mandatory ? " ★" : ""), now: Double(scene.level), after: Double(after), max: 4,
                          nowText: f.sceneLevel(scene.level), afterText: f.sceneLevel(after),
                          summary: "\(l(scene.name)): \(f.sceneLevel(scene.level)) → \(f.sceneLevel(after))")
        }
        return BarChart(rows: rows, id: "scenes", title: s["chartScenesTitle"],
                        desc: s.format("chartScenesDescFmt", ["n": String(rows.count), "raised": String(raised)]), gridLevels: 4)
    }

    func dimensionBars() -> BarChart {
        let afterByID = Dictionary(p.after.dimensions.map { ($0.id, $0.points) }, uniquingKeysWith: { a, _ in a })
        let rows = p.diagnosis.dimensions.map { d -> BarRow in
            let after = afterByID[d.id] ?? d.points
            return BarRow(label: l(d.name) + s["openParen"] + f.points(d.maxPoints) + s["closeParen"], now: d.points, after: after,
                          max: d.maxPoints, nowText: f.points(d.points), afterText: f.points(after),
                          summary: "\(l(d.name)): \(f.points(d.points)) → \(f.points(after))")
        }
        return BarChart(rows: rows, id: "dimensions", title: s["chartDimensionsTitle"],
                        desc: s.format("chartDimensionsDescFmt", ["p1": f.points(p.diagnosis.points), "p2": f.points(p.after.points),
                                                                   "max": f.points(p.diagnosis.maxPoints)]), gridLevels: nil)
    }

    func ganttChart(_ layout: ChartLayout) -> ViewNode {
        let width = Self.chartWidth(layout)
        let modules = scheduledModules()
        let weeks = max(p.totals.durationWeeks, modules.compactMap { $0.endWeek }.max() ?? 0, 1)
        let x0 = 8.0, x1 = width - 12, scale = (x1 - x0) / Double(weeks)
        let top = 30.0, rowHeight = 34.0
        let bottom = top + Double(modules.count) * rowHeight
        let step = weeks <= 16 ? 2 : weeks <= 40 ? 4 : 8
        let ticks: [ViewNode] = stride(from: 0, through: weeks, by: layout == .wide ? step : step * 2).map { w in
            ["x": .v(n(x0 + Double(w) * scale)), "label": .v(String(w)), "y1": .v(n(top - 6)), "y2": .v(n(bottom))]
        }
        let rows: [ViewNode] = modules.enumerated().map { i, m in
            let y = top + Double(i) * rowHeight
            let start = x0 + Double(m.startWeek!) * scale, end = x0 + Double(m.endWeek!) * scale
            let anchorEnd = start > width / 2
            // Room for the label from the bar's start rightwards, or from its end leftwards. A cell of 12-unit
            // text is 6 units for CJK and up to 7 for Latin letters: count 7 so English labels fit too.
            let room = anchorEnd ? end - 4 : width - start - 4
            let weeksText = " · " + f.weeks(start: m.startWeek!, end: m.endWeek!)
            let label = fit(l(m.name), cells: max(Int(room / 7) - DisplayWidth.of(weeksText), 8)) + weeksText
            return [
                "label": .v(label),
                "labelX": .v(n(anchorEnd ? end : start)), "labelY": .v(n(y + 12)), "anchor": .v(anchorEnd ? "end" : "start"),
                "barX": .v(n(start)), "barY": .v(n(y + 16)), "barWidth": .v(n(max(end - start, 2))), "barHeight": "12",
                "phaseClass": .v("phase-\(((m.phase ?? 1) - 1) % 5 + 1)"),
            ]
        }
        let perRow = layout == .wide ? 3 : 2, itemWidth = width / Double(perRow)
        let legend: [ViewNode] = p.phases.enumerated().map { i, phase in
            let x = Double(i % perRow) * itemWidth, y = bottom + 12 + Double(i / perRow) * 20
            return [
                "x": .v(n(x)), "y": .v(n(y)), "textX": .v(n(x + 16)), "textY": .v(n(y + 10)),
                "label": .v(s.format("phaseFmt", ["n": String(phase.index)]) + " " + f.weeks(start: phase.startWeek, end: phase.endWeek)),
                "phaseClass": .v("phase-\((phase.index - 1) % 5 + 1)"),
            ]
        }
        let legendRows = (p.phases.count + perRow - 1) / perRow
        return [
            "layout": .v(layout.rawValue),
            "titleId": .v("chart-gantt-\(layout.rawValue)-title"), "descId": .v("chart-gantt-\(layout.rawValue)-desc"),
            "title": .v(s["chartGanttTitle"]),
            "desc": .v(s.format("roadmapIntroFmt", ["n": String(modules.count), "p": String(p.phases.count), "w": String(p.totals.durationWeeks)])),
            "width": .v(n(width)), "height": .v(n(bottom + 12 + Double(legendRows) * 20)),
            "axisLabel": .v(s["weekAxis"]), "axisLabelX": .v(n(x1)), "axisLabelY": "10",
            "ticks": .v(ticks), "tickLabelY": .v(n(top - 10)),
            "rows": .v(rows),
            "legend": .v(legend),
            "hasRows": .v(!rows.isEmpty),
        ]
    }
}
