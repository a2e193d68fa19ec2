import Yams

extension CatalogReader {
    static func sections(_ map: YMap, _ ctx: LoadContext) -> [QuestionSection]? {
        map.checkKeys(["sections"], in: "a questionnaire file")
        guard let items = map.list("sections", in: "questionnaire") else {
            map.missing("sections", in: "a questionnaire file")
            return nil
        }
        var sections: [QuestionSection] = []
        for node in items {
            guard let m = YMap(node, ctx, what: "a section") else { continue }
            m.checkKeys(["id", "title", "questions"], in: "section")
            guard let sid = m.id(in: "section") else { continue }
            let title = m.localized("title", in: "section `\(sid)`")
            let questions = (m.list("questions", in: "section") ?? []).compactMap { question($0, ctx) }
            if m["questions"] == nil { m.missing("questions", in: "section `\(sid)`") }
            if let title { sections.append(QuestionSection(id: sid, title: title, questions: questions, location: ctx.loc(node))) }
        }
        return sections
    }

    static func question(_ node: Node, _ ctx: LoadContext) -> Question? {
        guard let m = YMap(node, ctx, what: "a question") else { return nil }
        m.checkKeys(["id", "type", "label", "help", "required", "unit", "min", "max", "integer", "max_length", "options",
                     "scene", "points_yes", "when", "default"], in: "question")
        guard let qid = m.id(in: "question") else { return nil }
        if qid.contains("-") { ctx.error("question id `\(qid)` must use `_`, not `-` (it is used in conditions)", m["id"]!) }
        if ["and", "or", "not", "in", "contains", "true", "false", "count", "answered"].contains(qid) {
            ctx.error("question id `\(qid)` is a word of the condition language", m["id"]!)
        }
        let qw = "question `\(qid)`"
        let typeText = m.string("type", required: true, in: qw)
        let kind = typeText.flatMap(Question.Kind.init(rawValue:))
        if let typeText, kind == nil {
            let all = Question.Kind.allCases.map(\.rawValue)
            let hint = closest(typeText, among: all).map { " (did you mean `\($0)`?)" } ?? ""
            ctx.error("unknown question type `\(typeText)`\(hint); types: \(all.joined(separator: ", "))", m["type"]!)
        }
        let label = m.localized("label", in: qw)
        let help = m.localized("help", required: false, optionalText: true, in: qw)
        if m["help"] == nil { ctx.warning("\(qw) has no `help`: explain it in plain language", node) }
        var options: [QuestionOption] = []
        for onode in m.list("options", in: qw) ?? [] {
            guard let om = YMap(onode, ctx, what: "an option") else { continue }
            om.checkKeys(["id", "label", "help", "points", "industries", "exclusive", "requires"], in: "option")
            guard let oid = om.id(in: "option"), let olabel = om.localized("label", in: "option `\(oid)` of \(qw)") else { continue }
            options.append(QuestionOption(id: oid, label: olabel, help: om.localized("help", required: false, optionalText: true, in: "option `\(oid)`"),
                                  points: om.number("points", in: "option"), location: ctx.loc(onode),
                                  industries: om["industries"] == nil ? nil : om.idList("industries", in: "option `\(oid)`"),
                                  exclusive: om["exclusive"] == nil ? false : om.bool("exclusive", in: "option `\(oid)`") ?? false,
                                  requires: om.idList("requires", in: "option `\(oid)`")))
            if options.last?.exclusive == true {
                if kind != nil && kind != .multi {
                    ctx.error("option `\(oid)` of \(qw): `exclusive` is for a multiple-choice question's \"none of these\" option", om.keyNode("exclusive")!)
                } else if options.dropLast().contains(where: \.exclusive) {
                    ctx.error("option `\(oid)` of \(qw): only one option may be `exclusive`", om.keyNode("exclusive")!)
                } else if let p = options.last?.points, p != 0 {
                    ctx.error("option `\(oid)` of \(qw): the exclusive \"none\" option scores zero, remove `points`", om.keyNode("points")!)
                }
            }
        }
        if let kind {
            switch kind {
            case .single, .multi:
                if m["options"] == nil { m.missing("options", in: "\(kind.rawValue)-choice \(qw)") }
                else if options.isEmpty { ctx.error("\(qw) offers no options", m["options"]!) }
            default:
                if m["options"] != nil { ctx.warning("`options` is ignored for \(kind.rawValue) \(qw)", m.keyNode("options")!) }
            }
            if kind == .level && m["scene"] == nil { m.missing("scene", in: "level \(qw)") }
        }
        let minV = m.number("min", in: qw), maxV = m.number("max", in: qw)
        if let minV, let maxV, minV > maxV { ctx.error("`min` \(formatNumber(minV)) is greater than `max` \(formatNumber(maxV))", m["min"]!) }
        let maxLength = m.integer("max_length", in: qw, range: 1...100_000) ?? 200
        let when = condition(m.located("when", in: qw), ctx)
        var question = Question(
            id: qid, kind: kind ?? .text, label: label ?? .empty, help: help ?? .empty,
            required: m.bool("required", in: qw) ?? false,
            unit: m.localized("unit", required: false, in: qw), min: minV, max: maxV,
            integer: m.bool("integer", in: qw) ?? false, maxLength: max(1, maxLength), options: options,
            scene: m.string("scene", in: qw), pointsYes: m.number("points_yes", in: qw), when: when,
            defaultValue: nil, location: ctx.loc(node))
        if kind == .level {
            question.min = 0
            question.max = 4
            question.integer = true
        }
        if let d = m["default"], kind != nil {
            let sub = LoadContext(file: ctx.file, positions: ctx.positions)
            question.defaultValue = AnswerDecoder.value(d, for: question, sub)
            for diag in sub.bag.all { ctx.bag.append(Diagnostic(diag.severity, "default of \(qw): \(diag.message)", at: diag.location)) }
        }
        guard kind != nil, label != nil else { return nil }
        return question
    }

    static func industryHeader(_ map: YMap, _ ctx: LoadContext) -> Industry? {
        let what = "industry.yaml"
        map.checkKeys(["id", "name", "shape", "threshold", "source"], in: what)
        guard let id = map.id(in: what), let name = map.localized("name", in: "industry `\(id)`") else { return nil }
        var shape = (standard: -1, personalized: -1)
        if let s = map["shape"], let sm = YMap(s, ctx, what: "`shape`") {
            sm.checkKeys(["standard", "personalized"], in: "shape")
            let standard = sm.integer("standard", required: true, in: "shape", range: 0...1000)
            let personalized = sm.integer("personalized", required: true, in: "shape", range: 0...1000)
            if let standard, let personalized { shape = (standard, personalized) }
        } else if map["shape"] == nil {
            map.missing("shape", in: what)
        }
        let threshold = map.number("threshold", required: true, in: what) ?? 1
        if threshold <= 0 { ctx.error("`threshold` must be greater than 0", map["threshold"]!) }
        return Industry(id: id, name: name, shape: shape, threshold: threshold,
                        source: map.localized("source", required: false, in: what), sections: [], modules: [], rules: [],
                        location: ctx.loc(map.node), shapeLocation: map["shape"].map(ctx.loc))
    }
}
