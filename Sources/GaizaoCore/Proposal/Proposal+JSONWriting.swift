// The proposal written as JSON by hand, field by field. Every type here mirrors its synthesized `Encodable`
// conformance exactly: the same keys in declaration order, optionals left out when nil. A field added to a type
// must be added here too; `ProposalJSONWriterTests` compares both paths byte for byte and fails otherwise.

extension Proposal {
    /// Proposals are ~100–130 KB: one allocation up front instead of repeated doubling.
    static let jsonCapacity = 192 << 10

    /// The proposal as JSON bytes through `JSONWriter`; `jsonText()` is the public form.
    func writeJSON() -> String {
        var w = JSONWriter(capacity: Self.jsonCapacity)
        write(to: &w)
        return w.finish()
    }
}

/// Memory for writing proposals as JSON one after another, for a batch worker: every proposal is written into
/// the same buffer and its bytes lent straight to the file write. `jsonText()` allocates ~200 KB per proposal,
/// which the allocator hands back to the kernel when it is freed and the kernel zeroes again on the next one,
/// then copies the text into a String that is copied once more into the file's bytes.
public struct ProposalJSONBuffer: ~Copyable {
    private var writer = JSONWriter(capacity: Proposal.jsonCapacity)

    public init() {}

    /// Writes `proposal` (exactly the bytes of `jsonText()`, final newline included) over what the buffer held
    /// and lends them to `body`; they are valid during `body` only.
    public mutating func write<R>(_ proposal: Proposal, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        writer.removeAll()
        proposal.write(to: &writer)
        return try writer.endDocument(body)
    }
}

extension Localized: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("zh", zh)
        w.field("en", en)
        w.endObject()
    }
}

extension AnswerJSON: JSONWritable {
    func write(to w: inout JSONWriter) {
        switch self {
        case let .number(n): w.double(n)
        case let .string(s): w.string(s)
        // The Codable path wrote a list from a single-value container, which nests one level deeper than its
        // key: the golden files keep that indentation, so the writer reproduces it.
        case let .list(l): w.indented { $0.strings(l) }
        case let .bool(b): w.bool(b)
        }
    }
}

extension Proposal: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("schema", schema)
        w.field("generator", generator)
        w.fieldIfPresent("date", date)
        w.field("catalog", catalog)
        w.field("answersHash", answersHash)
        w.field("enterprise", enterprise)
        w.field("contractor", contractor)
        w.fieldIfPresent("budgetYuan", budgetYuan)
        w.fieldIfPresent("target", target)
        w.field("answers", answers)
        w.field("diagnosis", diagnosis)
        w.field("after", after)
        w.fieldIfPresent("afterExpected", afterExpected)
        w.field("modules", modules)
        w.fieldIfPresent("measures", measures)
        w.field("phases", phases)
        w.field("totals", totals)
        w.field("subsidies", subsidies)
        w.field("stackingAssumption", stackingAssumption)
        w.field("kpis", kpis)
        w.field("outcomes", outcomes)
        w.field("risks", risks)
        w.field("assumptions", assumptions)
        w.fieldIfPresent("ladder", ladder)
        w.fieldIfPresent("sceneGroups", sceneGroups)
        w.fieldIfPresent("benefits", benefits)
        w.fieldIfPresent("evidence", evidence)
        w.endObject()
    }
}

extension Proposal.SceneGroupEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("name", name)
        w.endObject()
    }
}

extension Proposal.CatalogRef: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("version", version)
        w.field("hash", hash)
        w.field("reference", reference)
        w.field("maturityModel", maturityModel)
        w.field("maturityConfirmed", maturityConfirmed)
        w.fieldIfPresent("maturityModelName", maturityModelName)
        w.endObject()
    }
}

extension Proposal.Enterprise: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("name", name)
        w.fieldIfPresent("creditCode", creditCode)
        w.fieldIfPresent("town", town)
        w.fieldIfPresent("employees", employees)
        w.fieldIfPresent("annualRevenueYuan", annualRevenueYuan)
        w.field("industry", industry)
        w.field("industryName", industryName)
        w.field("sizeBand", sizeBand)
        w.field("sizeBandName", sizeBandName)
        w.endObject()
    }
}

extension Proposal.Contractor: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.fieldIfPresent("overlay", overlay)
        w.fieldIfPresent("name", name)
        w.field("example", example)
        w.endObject()
    }
}

extension Proposal.AnswerRecord: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("question", question)
        w.field("label", label)
        w.field("value", value)
        w.field("display", display)
        w.endObject()
    }
}

extension Proposal.DiagnosisSummary: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("points", points)
        w.field("maxPoints", maxPoints)
        w.field("level", level)
        w.field("dimensions", dimensions)
        w.field("indicators", indicators)
        w.field("scenes", scenes)
        w.field("levelChecks", levelChecks)
        w.field("blockers", blockers)
        w.endObject()
    }
}

extension Proposal.DimensionEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("name", name)
        w.field("points", points)
        w.field("maxPoints", maxPoints)
        w.endObject()
    }
}

extension Proposal.IndicatorEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("dimension", dimension)
        w.field("name", name)
        w.fieldIfPresent("group", group)
        w.field("points", points)
        w.field("maxPoints", maxPoints)
        w.field("question", question)
        w.fieldIfPresent("answer", answer)
        w.field("confirmed", confirmed)
        w.endObject()
    }
}

extension Proposal.SceneEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("group", group)
        w.field("name", name)
        w.field("mandatory", mandatory)
        w.field("level", level)
        w.fieldIfPresent("description", description)
        w.endObject()
    }
}

extension Proposal.LevelCheckEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("level", level)
        w.field("met", met)
        w.field("points", points)
        w.field("pointsNeeded", pointsNeeded)
        w.field("scenesAtLevel", scenesAtLevel)
        w.field("scenesNeeded", scenesNeeded)
        w.field("mandatoryAtLevel", mandatoryAtLevel)
        w.field("mandatoryNeeded", mandatoryNeeded)
        w.endObject()
    }
}

extension Proposal.ModuleEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("kind", kind)
        w.field("name", name)
        w.field("summary", summary)
        w.field("status", status.rawValue)
        w.fieldIfPresent("role", role?.rawValue)
        w.field("score", score)
        w.field("reasons", reasons)
        w.field("requiredBy", requiredBy)
        w.field("raises", raises)
        w.field("cost", cost)
        w.field("referenceCost", referenceCost)
        w.field("costSource", costSource)
        w.field("durationWeeks", durationWeeks)
        w.fieldIfPresent("phase", phase)
        w.fieldIfPresent("startWeek", startWeek)
        w.fieldIfPresent("endWeek", endWeek)
        w.field("products", products)
        w.field("subsidyTags", subsidyTags)
        w.fieldIfPresent("yearlyFee", yearlyFee)
        w.fieldIfPresent("costBasis", costBasis)
        w.endObject()
    }
}

extension Proposal.ReasonEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", kind.rawValue)
        w.fieldIfPresent("rule", rule)
        w.fieldIfPresent("weight", weight)
        w.field("text", text)
        w.field("questions", questions)
        w.endObject()
    }
}

extension Proposal.RaiseEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("scene", scene)
        w.field("sceneName", sceneName)
        w.field("from", from)
        w.field("to", to)
        w.endObject()
    }
}

extension Proposal.YuanRange: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("lowYuan", lowYuan)
        w.field("highYuan", highYuan)
        w.endObject()
    }
}

extension Proposal.PhaseEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("index", index)
        w.field("modules", modules)
        w.field("startWeek", startWeek)
        w.field("endWeek", endWeek)
        w.endObject()
    }
}

extension Proposal.Totals: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("investment", investment)
        w.field("subsidy", subsidy)
        w.field("netCost", netCost)
        w.field("durationWeeks", durationWeeks)
        w.field("selectedModules", selectedModules)
        w.fieldIfPresent("selectedMeasures", selectedMeasures)
        w.fieldIfPresent("moduleInvestment", moduleInvestment)
        w.fieldIfPresent("workstreams", workstreams)
        w.fieldIfPresent("yearlyFees", yearlyFees)
        w.endObject()
    }
}

extension Proposal.SubsidyEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("policy", policy)
        w.field("name", name)
        w.field("kind", kind)
        w.field("ratePercent", ratePercent)
        w.fieldIfPresent("capYuan", capYuan)
        w.field("minInvestmentYuan", minInvestmentYuan)
        w.field("eligible", eligible)
        w.fieldIfPresent("tier", tier)
        w.field("applied", applied)
        w.field("reason", reason)
        w.field("base", base)
        w.field("amount", amount)
        w.field("condition", condition)
        w.field("source", source)
        w.field("confirmed", confirmed)
        w.field("questions", questions)
        w.endObject()
    }
}

extension Proposal.KPIEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("module", module)
        w.field("metric", metric)
        w.field("name", name)
        w.field("unit", unit)
        w.field("low", low)
        w.field("high", high)
        w.field("source", source)
        w.endObject()
    }
}

extension Proposal.OutcomeEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("metric", metric)
        w.field("name", name)
        w.field("unit", unit)
        w.fieldIfPresent("baseline", baseline)
        w.fieldIfPresent("baselineDisplay", baselineDisplay)
        w.fieldIfPresent("expectedLow", expectedLow)
        w.fieldIfPresent("expectedHigh", expectedHigh)
        w.endObject()
    }
}

extension Proposal.RiskEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.fieldIfPresent("rule", rule)
        w.field("text", text)
        w.field("questions", questions)
        w.endObject()
    }
}

extension Proposal.TargetEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.fieldIfPresent("level", level)
        w.field("source", source.rawValue)
        w.field("reached", reached)
        w.fieldIfPresent("missing", missing)
        w.endObject()
    }
}

extension Proposal.MeasureEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("name", name)
        w.field("summary", summary)
        w.field("status", status.rawValue)
        w.field("role", role.rawValue)
        w.field("reasons", reasons)
        w.field("cost", cost)
        w.field("referenceCost", referenceCost)
        w.field("costSource", costSource)
        w.field("durationWeeks", durationWeeks)
        w.fieldIfPresent("startWeek", startWeek)
        w.fieldIfPresent("endWeek", endWeek)
        w.field("evidence", evidence)
        w.endObject()
    }
}

extension Proposal.LadderEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("level", level)
        w.field("reachable", reachable)
        w.field("reachedNow", reachedNow)
        w.field("investment", investment)
        w.field("netCost", netCost)
        w.field("durationWeeks", durationWeeks)
        w.field("modules", modules)
        w.field("measures", measures)
        w.field("missing", missing)
        w.endObject()
    }
}
