// The hand-written JSON of the types in Proposal+Money.swift; like Proposal+JSONWriting.swift, each mirrors its
// synthesized `Encodable` conformance exactly (keys in declaration order, nil optionals left out).

extension Proposal.SubsidyTotals: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("lowYuan", lowYuan)
        w.field("highYuan", highYuan)
        w.fieldIfPresent("certain", certain)
        w.fieldIfPresent("conditional", conditional)
        w.fieldIfPresent("oneOff", oneOff)
        w.fieldIfPresent("effectiveRatePercent", effectiveRatePercent)
        w.endObject()
    }
}

extension Proposal.PercentRange: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("low", low)
        w.field("high", high)
        w.endObject()
    }
}

extension Proposal.OptionalRange: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.fieldIfPresent("low", low)
        w.fieldIfPresent("high", high)
        w.endObject()
    }
}

extension Proposal.Benefits: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("estimate", estimate)
        w.field("modules", modules)
        w.field("annualSaving", annualSaving)
        w.field("yearlyFees", yearlyFees)
        w.fieldIfPresent("paybackYears", paybackYears)
        w.fieldIfPresent("roi3YearPercent", roi3YearPercent)
        w.field("inputs", inputs)
        w.field("notMonetised", notMonetised)
        w.endObject()
    }
}

extension Proposal.ModuleBenefit: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("module", module)
        w.field("annualSaving", annualSaving)
        w.field("lines", lines)
        w.endObject()
    }
}

extension Proposal.BenefitLine: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("metric", metric)
        w.field("annualSaving", annualSaving)
        w.field("basis", basis)
        w.endObject()
    }
}

extension Proposal.BenefitInput: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", id)
        w.field("name", name)
        w.field("value", value)
        w.field("source", source)
        w.endObject()
    }
}

extension Proposal.EvidenceEntry: JSONWritable {
    func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("kind", kind)
        w.field("id", id)
        w.field("name", name)
        w.fieldIfPresent("level", level)
        w.fieldIfPresent("points", points)
        w.field("fromRetrofit", fromRetrofit)
        w.field("items", items)
        w.field("figures", figures)
        w.endObject()
    }
}
