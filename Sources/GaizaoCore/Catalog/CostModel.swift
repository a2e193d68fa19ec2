/// How module prices scale with the enterprise (`cost-model.yaml`): a driver question per module (machines,
/// users, lines, stations, moulds, revenue), a base plus a per-unit price, yearly fees apart from the one-off cost,
/// and the share of a new build an upgrade costs. Modules without an entry, or whose driver is unanswered, keep
/// their size-band cost (modules.yaml). An entry may add price parts, each priced in only for the enterprises its
/// `when` fits (the press-tonnage monitors of a plant that stamps).
public struct CostModel: Sendable {
    public struct Driver: Sendable, Hashable {
        public var id: String
        public var questionID: String
        /// Units = answer × share ÷ 100 ÷ unit size (e.g. users = 30% of employees; revenue in 亿元).
        public var sharePercent: Double
        public var unitSize: Double
        public var name: Localized
        public var unit: Localized
        public var location: SourceLocation?
    }

    /// One module's price. Amounts are exact yuan.
    public struct Entry: Sendable, Hashable {
        public var moduleID: String
        public var driverID: String?
        public let base: CostRange
        public let perUnit: CostRange
        public var minUnits: Double
        public var maxUnits: Double
        public var yearly: CostRange
        public var upgradePercent: Int?
        public var location: SourceLocation?
        /// Where `driver:` names the driver (lint points there).
        public var driverLocation: SourceLocation?
        /// What is priced only where it applies, on top of `base` (which is then the part every enterprise pays).
        public var parts: [Part] = []
        /// The pricing basis's words for the entry's driver, set once per catalog by `CostModel.init`.
        var wording: Wording?

        public init(moduleID: String, driverID: String?, base: CostRange, perUnit: CostRange, minUnits: Double, maxUnits: Double,
                    yearly: CostRange, upgradePercent: Int?, location: SourceLocation?, driverLocation: SourceLocation?) {
            self.moduleID = moduleID
            self.driverID = driverID
            self.base = base
            self.perUnit = perUnit
            self.minUnits = minUnits
            self.maxUnits = maxUnits
            self.yearly = yearly
            self.upgradePercent = upgradePercent
            self.location = location
            self.driverLocation = driverLocation
        }
    }

    /// A part of a module's price tied to a condition: a fixed amount (exact yuan) for the hardware or work only
    /// some plants need, named in the price basis. What grows with the enterprise stays in the entry's `per_unit`.
    public struct Part: Sendable, Hashable {
        public var name: Localized
        public var when: Condition
        public let base: CostRange
        public var location: SourceLocation?
        /// `base` as a price basis writes it (`costText`), made once with the part: every proposal quoting the part
        /// would otherwise format the same figures again.
        let baseText: Localized

        public init(name: Localized, when: Condition, base: CostRange, location: SourceLocation? = nil) {
            self.name = name
            self.when = when
            self.base = base
            self.location = location
            baseText = Self.costText(base)
        }

        /// A part's cost in a price basis: `0.4–0.8` (万元) and `4,000–8,000` (after "CNY").
        static func costText(_ cost: CostRange) -> Localized {
            Localized(zh: Money.wanRange(cost.low, cost.high), en: Money.groupedRange(cost.low, cost.high))
        }
    }

    /// A part priced in for one enterprise.
    public struct PricedPart: Sendable, Hashable {
        public var name: Localized
        public var cost: CostRange
        /// The part's condition is unknown (its questions unanswered or hidden): priced in, as an unanswered
        /// question keeps a product, and the basis says so.
        public var unanswered: Bool
        /// The part's `baseText` and the cost it was made for: used while `cost` still is that cost.
        private let preparedCost: CostRange
        private let preparedText: Localized

        init(_ part: Part, unanswered: Bool) {
            name = part.name
            cost = part.base
            self.unanswered = unanswered
            preparedCost = part.base
            preparedText = part.baseText
        }

        /// `cost` as the price basis writes it (`Part.costText`).
        var costText: Localized { cost == preparedCost ? preparedText : Part.costText(cost) }

        // Equal by what the part says; the prepared text is only a copy of what `cost` gives.
        public static func == (a: PricedPart, b: PricedPart) -> Bool {
            a.name == b.name && a.cost == b.cost && a.unanswered == b.unanswered
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(cost)
            hasher.combine(unanswered)
        }
    }

    /// The words of a scaled price's basis around its number of units: "按{driver} " + units + " {unit}计价：基础
    /// … 万元 + 每{unit} … 万元", and what is added when the enterprise's units fall outside the priced range.
    /// A shared object of constants: an entry and every price made from it hold one reference to the words, not a
    /// copy of their dozen strings. Equal and hashed by its texts, like a value.
    final class Wording: Sendable, Hashable {
        /// What the words were made from besides the entry's fixed prices: they are used only while these match.
        let driver: Driver
        let minUnits: Double, maxUnits: Double
        let zhHead: String, zhTail: String, enHead: String, enTail: String
        let zhClamped: String, enClamped: String

        init(_ entry: Entry, _ d: Driver) {
            let base = Money.wan(entry.base.low) + "–" + Money.wan(entry.base.high)
            let perUnit = Money.wan(entry.perUnit.low) + "–" + Money.wan(entry.perUnit.high)
            driver = d
            minUnits = entry.minUnits
            maxUnits = entry.maxUnits
            zhHead = "按\(d.name.zh) "
            zhTail = " \(d.unit.zh)计价：基础 \(base) 万元 + 每\(d.unit.zh) \(perUnit) 万元"
            // English money as the rest of the English document writes it (CNY 20,000), and the driver's name
            // before the count: a name carrying its own parenthesis is not nested in another.
            enHead = "priced by \(d.name.en), "
            enTail = " \(d.unit.en): base CNY \(Money.groupedRange(entry.base.low, entry.base.high)) + CNY \(Money.groupedRange(entry.perUnit.low, entry.perUnit.high)) each"
            zhClamped = "（按计价范围 \(formatNumber(entry.minUnits))–\(formatNumber(entry.maxUnits)) 取值）"
            enClamped = " (kept within the priced range \(formatNumber(entry.minUnits))–\(formatNumber(entry.maxUnits)))"
        }

        static func == (a: Wording, b: Wording) -> Bool {
            a === b || (a.driver == b.driver && a.minUnits == b.minUnits && a.maxUnits == b.maxUnits
                && a.zhHead == b.zhHead && a.zhTail == b.zhTail && a.enHead == b.enHead && a.enTail == b.enTail
                && a.zhClamped == b.zhClamped && a.enClamped == b.enClamped)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(driver)
            hasher.combine(minUnits)
            hasher.combine(maxUnits)
            hasher.combine(zhHead)
            hasher.combine(zhTail)
            hasher.combine(enHead)
            hasher.combine(enTail)
            hasher.combine(zhClamped)
            hasher.combine(enClamped)
        }

        /// Whether these words are `entry`'s for driver `d` (an entry is a value: a copy's range can be changed).
        func fits(_ entry: Entry, _ d: Driver) -> Bool {
            driver == d && minUnits == entry.minUnits && maxUnits == entry.maxUnits
        }

        func text(units: String, clamped: Bool) -> Localized {
            func joined(_ head: String, _ tail: String, _ end: String) -> String {
                // Starts as the head, so the room reserved is filled from the head's bytes: one append less.
                var out = head
                out.reserveCapacity(head.utf8.count + units.utf8.count + tail.utf8.count + end.utf8.count)
                out += units
                out += tail
                if !end.isEmpty { out += end }  // most prices are not clamped: no call for an empty text
                return out
            }
            return Localized(zh: joined(zhHead, zhTail, clamped ? zhClamped : ""), en: joined(enHead, enTail, clamped ? enClamped : ""))
        }
    }

    /// A module priced for one enterprise.
    public struct Price: Sendable, Hashable {
        /// One-off cost of a new build (the verified investment).
        public var oneOff: CostRange
        /// Fees per year after delivery (not investment).
        public var yearly: CostRange
        /// Share of `oneOff` an upgrade costs.
        public var upgradePercent: Int?
        /// The entry's parts priced in (included in `oneOff`), in the entry's order.
        public var parts: [PricedPart] = []
        /// How the price was derived, as figures; `basis` words it only when a proposal shows it (the planner
        /// prices every candidate module and needs none of the words).
        var derivation: Derivation

        enum Derivation: Sendable, Hashable {
            case fixed
            /// `units` of the entry's driver, worded by `wording`; `clamped` when the answer's own units fell outside
            /// the entry's priced range and were kept within it.
            case scaled(wording: Wording, units: Double, clamped: Bool)
        }

        /// How the price was derived, for the proposal: the formula, then the parts priced in ("；含：冲床吨位监测仪
        /// 0.4–0.8 万元").
        public var basis: Localized? {
            let formula: Localized
            switch derivation {
            case .fixed:
                formula = Localized(zh: "固定价格（不随规模变化）", en: "fixed price (does not scale)")
            case let .scaled(wording, units, clamped):
                formula = wording.text(units: formatNumber(units, maxFractionDigits: 2), clamped: clamped)
            }
            guard !parts.isEmpty else { return formula }
            // Appended in place onto the formula, each part's figures as prepared with the catalog's part.
            var zh = formula.zh, en = formula.en
            zh += "；含："
            en += "; including "
            for (n, p) in parts.enumerated() {
                if n > 0 {
                    zh += "、"
                    en += ", "
                }
                let cost = p.costText
                zh += p.name.zh
                zh += " "
                zh += cost.zh
                zh += " 万元"
                if p.unanswered { zh += "（相关问题未答，暂计入）" }
                en += p.name.en
                en += " CNY "
                en += cost.en
                if p.unanswered { en += " (priced in until its question is answered)" }
            }
            return Localized(zh: zh, en: en)
        }
    }

    public private(set) var drivers: [Driver]
    public private(set) var entries: [Entry]
    private var entryIndex: [String: Int] = [:]
    private var driverIndex: [String: Int] = [:]

    public static let empty = CostModel(drivers: [], entries: [])

    public init(drivers: [Driver], entries: [Entry]) {
        self.drivers = drivers
        self.entries = entries
        for (i, e) in entries.enumerated() where entryIndex[e.moduleID] == nil { entryIndex[e.moduleID] = i }
        for (i, d) in drivers.enumerated() where driverIndex[d.id] == nil { driverIndex[d.id] = i }
        for i in self.entries.indices {
            if let d = self.entries[i].driverID.flatMap(driver) { self.entries[i].wording = Wording(self.entries[i], d) }
        }
    }

    public func entry(_ moduleID: String) -> Entry? { entryIndex[moduleID].map { entries[$0] } }
    /// `entry(moduleID)?.yearly`, without copying the entry.
    func yearlyFee(_ moduleID: String) -> CostRange? { entryIndex[moduleID].map { entries[$0].yearly } }
    public func driver(_ id: String) -> Driver? { driverIndex[id].map { drivers[$0] } }

    /// The price of `entry` for an enterprise whose answers `answer` returns; nil when its driver's question is
    /// unanswered (the caller then falls back to the size-band cost, which prices the whole module).
    ///
    /// A part is priced in unless its `when` is definitely false, as a product with a `when` is offered (Kleene
    /// logic, `TailoredText.isOffered`): a plant that has not said which processes it runs is quoted every part,
    /// like every product, and the basis marks each such part as priced in for lack of an answer, so the price
    /// matches the products listed and neither silently charges for nor silently leaves out what may be needed.
    public func price(_ entry: Entry, answer: (String) -> AnswerValue?) -> Price? {
        price(entry, answer: answer, partTruth: { ConditionEvaluator.evaluate(entry.parts[$0].when, answer) })
    }

    /// `price(entry, answer:)`, `partTruth(j)` being the truth of part `j`'s condition for the same answers (a
    /// caller with the conditions compiled to answer slots reads them there).
    func price(_ entry: Entry, answer: (String) -> AnswerValue?, partTruth: (Int) -> Truth) -> Price? {
        var price: Price
        if let driverID = entry.driverID {
            // The driver read where it stands (a copy retains all its texts).
            guard let k = driverIndex[driverID], let n = Self.driverAnswer(drivers[k], answer) else { return nil }
            let (units, raw) = Self.units(entry, drivers[k], n)
            // A contractor's own entry, or a changed copy of an entry, is worded here.
            let wording = entry.wording.flatMap { $0.fits(entry, drivers[k]) ? $0 : nil } ?? Wording(entry, drivers[k])
            price = Price(oneOff: Self.scaledCost(entry, units: units), yearly: entry.yearly, upgradePercent: entry.upgradePercent,
                          derivation: .scaled(wording: wording, units: units, clamped: raw < entry.minUnits || raw > entry.maxUnits))
        } else {
            price = Price(oneOff: entry.base, yearly: entry.yearly, upgradePercent: entry.upgradePercent, derivation: .fixed)
        }
        for (j, part) in entry.parts.enumerated() {
            let truth = partTruth(j)
            guard truth != .no else { continue }
            price.oneOff.low += part.base.low
            price.oneOff.high += part.base.high
            price.parts.append(PricedPart(part, unanswered: truth == .unknown))
        }
        return price
    }

    /// The price of a module, `override` being a contractor overlay's own cost-model entry for it.
    public func price(of moduleID: String, override: Entry? = nil, answer: (String) -> AnswerValue?) -> Price? {
        guard let e = override ?? entry(moduleID) else { return nil }
        return price(e, answer: answer)
    }

    /// The one-off cost and upgrade share of `price(of:override:answer:)`, without the derivation and the parts
    /// a proposal shows: the planner prices every module and reads only these (a `Price` holds a copy of its
    /// entry and driver, all their texts).
    func oneOffPrice(of moduleID: String, override: Entry? = nil,
                     answer: (String) -> AnswerValue?) -> (oneOff: CostRange, upgradePercent: Int?)? {
        oneOffPrice(of: moduleID, override: override, answer: answer,
                    partTruth: { ConditionEvaluator.evaluate(entries[$0].parts[$1].when, answer) })
    }

    /// `oneOffPrice(of:override:answer:)`, `partTruth(e, j)` being the truth of the condition of part `j` of
    /// `entries[e]` for the same answers (a caller with the conditions compiled to answer slots reads them there);
    /// an override's parts are evaluated here.
    func oneOffPrice(of moduleID: String, override: Entry?, answer: (String) -> AnswerValue?,
                     partTruth: (_ entry: Int, _ part: Int) -> Truth) -> (oneOff: CostRange, upgradePercent: Int?)? {
        if let override {
            return oneOffPrice(override, answer: answer, partTruth: { ConditionEvaluator.evaluate(override.parts[$0].when, answer) })
        }
        guard let index = entryIndex[moduleID] else { return nil }
        return oneOffPrice(entries[index], answer: answer, partTruth: { partTruth(index, $0) })
    }

    /// A part is priced in unless its condition is definitely false: the one rule of `price` and `oneOffPrice`,
    /// which must agree.
    private func oneOffPrice(_ entry: Entry, answer: (String) -> AnswerValue?,
                             partTruth: (Int) -> Truth) -> (oneOff: CostRange, upgradePercent: Int?)? {
        var oneOff = entry.base
        if let driverID = entry.driverID {
            guard let k = driverIndex[driverID], let n = Self.driverAnswer(drivers[k], answer) else { return nil }
            oneOff = Self.scaledCost(entry, units: Self.units(entry, drivers[k], n).units)
        }
        for (j, part) in entry.parts.enumerated() where partTruth(j) != .no {
            oneOff.low += part.base.low
            oneOff.high += part.base.high
        }
        return (oneOff, entry.upgradePercent)
    }

    /// The position of `moduleID`'s entry in `entries`.
    func entryPosition(_ moduleID: String) -> Int? { entryIndex[moduleID] }

    /// The answer to driver `d`'s question when it is a finite number of at least 0 (else the driver is unanswered).
    private static func driverAnswer(_ d: Driver, _ answer: (String) -> AnswerValue?) -> Double? {
        guard case let .number(n)? = answer(d.questionID), n.isFinite, n >= 0 else { return nil }
        return n
    }

    /// The units that the answer `n` to driver `d` stands for (`raw`), and those kept within `entry`'s priced range.
    private static func units(_ entry: Entry, _ d: Driver, _ n: Double) -> (units: Double, raw: Double) {
        let raw = n * d.sharePercent / 100 / d.unitSize
        return (min(max(raw, entry.minUnits), entry.maxUnits), raw)
    }

    /// `entry`'s one-off cost for `units` units, before its parts.
    private static func scaledCost(_ entry: Entry, units: Double) -> CostRange {
        func scaled(_ perUnit: Int) -> Int { Money.yuan(clamping: Double(perUnit) * units) }
        return CostRange(low: entry.base.low + scaled(entry.perUnit.low), high: entry.base.high + scaled(entry.perUnit.high))
    }
}
