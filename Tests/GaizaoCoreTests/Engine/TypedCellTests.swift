import Testing
@testable import GaizaoCore

/// Spreadsheet cells are typed by people: numbers with their unit and lists with Chinese commas are read as the
/// wizard reads them; a missing required answer is reported at its own empty cell.
@Suite struct TypedCellTests {
    let industry = Shipped.catalog.industry("home-appliance")!
    var questionnaire: Questionnaire { Shipped.catalog.questionnaire(for: industry) }

    func number(_ text: String, _ id: String) -> Double? {
        guard case let .success(.number(n)) = AnswerDecoder.value(text: text, for: questionnaire[id]!) else { return nil }
        return n
    }

    @Test func numbersMayCarryTheirUnit() {
        #expect(number("85人", "employees") == 85)
        #expect(number("1,200", "employees") == 1200)
        #expect(number("８５", "employees") == 85)                 // full-width digits
        #expect(number("1.2亿", "annual_revenue") == 12_000)      // 万元
        #expect(number("3500万", "annual_revenue") == 3_500)
        #expect(number("3500万元", "annual_revenue") == 3_500)
        #expect(number("900", "annual_revenue") == 900)
        #expect(number("很多", "employees") == nil)
        #expect(number("85公斤", "employees") == nil)             // another unit is not this question's
        // Out of range after the unit is applied: still a located range problem, not a silent clamp.
        guard case let .failure(problem) = AnswerDecoder.value(text: "-3人", for: questionnaire["employees"]!) else {
            Issue.record("a negative head count must fail")
            return
        }
        #expect(problem.message.contains("below the minimum"))
    }

    func problem(_ text: String, _ id: String) -> String? {
        guard case let .failure(problem) = AnswerDecoder.value(text: text, for: questionnaire[id]!) else { return nil }
        return problem.message
    }

    /// Every comma and space was dropped from a typed number: `1,2,3` read as 123, `2 5` as 25, the decimal comma
    /// `2,5` as 25 and `1,2亿` as 120000 万元. Only well-formed thousands grouping is read now.
    @Test func onlyThousandsGroupingIsRead() {
        #expect(number("12,345,678", "annual_revenue") == nil)        // read, then above the maximum
        #expect(problem("12,345,678", "annual_revenue")?.contains("above the maximum") == true)
        #expect(number("1,200", "employees") == 1200)
        #expect(number("1 200", "employees") == 1200)
        #expect(number("1，200", "employees") == 1200)                // full-width comma
        #expect(number("1,200.5", "annual_revenue") == 1200.5)
        #expect(number("1,200万", "annual_revenue") == 1200)
        #expect(number("85 人", "employees") == 85)
        #expect(number("-1,200", "employees") == nil)                 // read, then below the minimum
        let grouping = ": a comma or space may only separate groups of three digits (1,200 or 12,345,678)"
        for bad in ["1,2,3", "2 5", "1,2000", "12,34,567", "1,200 300", "1,,200", "1,200.5,0", "1.2 3", "0 400", "1,200，300"] {
            #expect(problem(bad, "employees") == "must be a number, found `\(bad)`" + grouping, "\(bad)")
        }
        for (bad, id, suggested) in [("2,5", "employees", "2.5"), ("0,4", "employees", "0.4"), ("0,400", "employees", "0.400"),
                                     ("1,2亿", "annual_revenue", "1.2亿"), ("12，5", "employees", "12.5"), ("1234,5", "employees", "1234.5")] {
            #expect(problem(bad, id) == "must be a number, found `\(bad)`: use a point for decimals: \(suggested)", "\(bad)")
        }
        #expect(problem("abc, def", "employees") == "must be a number, found `abc, def`")
    }

    /// An answers file takes plain numbers only, as before; a number typed as in a cell or the wizard is refused
    /// there with the plain number it stands for, and a decimal comma is called one, as in a cell.
    @Test func anAnswersFileNamesThePlainNumberToWrite() {
        func employeesError(_ value: String) -> String? {
            let text = "industry: home-appliance\nanswers:\n  employees: \(value)\n  annual_revenue: 900\n"
            let result = AnswerDecoder.decode(SourceFile(path: "a.yaml", text: text), catalog: Shipped.catalog)
            return result.diagnostics.errors.first { $0.message.contains("`employees`") }?.message
        }
        let head = "answer to `employees` must be a number (人), found "
        #expect(employeesError("1,200") == head + "`1,200`: an answers file takes plain numbers, without separators or units: 1200")
        #expect(employeesError("85人") == head + "`85人`: an answers file takes plain numbers, without separators or units: 85")
        #expect(employeesError("2,5") == head + "`2,5`: use a point for decimals: 2.5")
        #expect(employeesError("1,2,3") == head + "`1,2,3`: an answers file takes plain numbers, such as 1200 or 2.5")
        #expect(employeesError("many") == head + "`many`")
        #expect(employeesError("1200") == nil)
    }

    @Test func scenesLevelsStayPlainNumbers() throws {
        let level = try #require(questionnaire.sections.flatMap(\.questions).first { $0.kind == .level })
        #expect(number("2", level.id) == 2)
        #expect(number("2人", level.id) == nil)
    }

    @Test func listsMayBeTypedWithChineseCommas() throws {
        let q = try #require(questionnaire["data_collection"])
        let ids = { (text: String) -> [String]? in
            guard case let .success(.options(o)) = AnswerDecoder.value(text: text, for: q) else { return nil }
            return o
        }
        #expect(ids("产品设计；工艺设计") == ["product_design", "process_design"])
        #expect(ids("产品设计、工艺设计") == ["product_design", "process_design"])
        #expect(ids("产品设计, 工艺设计") == ["product_design", "process_design"])
        #expect(ids("产品设计，工艺设计；质量管理") == ["product_design", "process_design", "quality"])
        // A piece that is no option fails with that piece named.
        guard case let .failure(problem) = AnswerDecoder.value(text: "产品设计、画图", for: q) else {
            Issue.record("an unknown piece must fail")
            return
        }
        #expect(problem.message.contains("`画图`"), "\(problem.message)")
    }

    /// A label that itself holds `、` is matched whole before any splitting.
    @Test func aLabelWithAListCommaIsReadWhole() throws {
        let q = try #require(questionnaire["ha_product_category"])
        let option = try #require(q.options.first { $0.label.zh.contains("、") })
        #expect(try AnswerDecoder.value(text: option.label.zh, for: q).get() == .option(option.id))
    }

    @Test func aMissingRequiredAnswerIsReportedAtItsEmptyCell() {
        let at = { (column: Int) in SourceLocation(file: "book.xlsx[问卷]", line: 3, column: column) }
        let cells = [
            AnswerCells.Cell(questionID: "employees", text: "40", location: at(6)),
            AnswerCells.Cell(questionID: "annual_revenue", text: "900", location: at(7)),
            AnswerCells.Cell(questionID: "ha_product_category", text: "", location: at(48)),
        ]
        let record = AnswerCells(industry: "home-appliance", industryLocation: at(1), date: nil, cells: cells, location: at(1))
        let result = AnswerDecoder.decode(record, catalog: Shipped.catalog)
        let missing = result.diagnostics.errors.first { $0.message.contains("`ha_product_category`") }
        #expect(missing?.location == at(48))
        // A question without a cell in the row is still reported at the row's start.
        let brand = result.diagnostics.errors.first { $0.message.contains("`ha_brand_role`") }
        #expect(brand?.location == at(1))
    }
}

/// Dates typed as Excel on Chinese Windows shows them are read as the ISO date.
@Suite struct TypedDateTests {
    @Test func excelStyleDatesAreRead() {
        #expect(TypedDate.iso("2026/11/20") == "2026-11-20")
        #expect(TypedDate.iso("2026/1/5") == "2026-01-05")
        #expect(TypedDate.iso("2026.11.20") == "2026-11-20")
        #expect(TypedDate.iso("2026年11月20日") == "2026-11-20")
        #expect(TypedDate.iso("２０２６年１月５日") == "2026-01-05")
        #expect(TypedDate.iso("20261120") == nil)
        #expect(TypedDate.iso("11/20/2026") == nil)          // month first: ambiguous, refused
        #expect(TypedDate.iso("2026/11/20/1") == nil)
        #expect(TypedDate.iso("2026/十一/20") == nil)
    }

    func decodeDate(_ text: String) -> (date: String?, errors: [String]) {
        let at = SourceLocation(file: "f.csv", line: 2, column: 2)
        let cells = [AnswerCells.Cell(questionID: "employees", text: "40", location: nil)]
        var record = AnswerCells(industry: "home-appliance", industryLocation: nil, date: text, cells: cells, location: nil)
        record.dateLocation = at
        let result = AnswerDecoder.decode(record, catalog: Shipped.catalog)
        let dateErrors = result.diagnostics.errors.filter { $0.message.contains("date") }
        #expect(dateErrors.allSatisfy { $0.location == at })
        return (result.sheet?.date, dateErrors.map(\.message))
    }

    @Test func aCellDateIsNormalisedOrLocated() {
        #expect(decodeDate("2026/11/20").errors.isEmpty)
        #expect(decodeDate("2026/2/30").errors.count == 1)      // no such day
        let early = decodeDate("0001/01/01").errors
        #expect(early == ["`date` `0001/01/01` is out of range: a diagnosis date is between 1900-01-01 and 2200-12-31"], "\(early)")
    }

    /// A value far longer than any option or industry (a paste gone wrong, a forged file) is quoted by its start
    /// and its length, and gets no "did you mean" search over all its characters (3 MB took 11 s).
    @Test func aHugeUnknownValueIsQuotedShortAndAnsweredAtOnce() throws {
        let questionnaire = Shipped.catalog.questionnaire(for: Shipped.catalog.industry("auto-parts")!)
        let huge = String(repeating: "y", count: 1_000_000)
        let started = ContinuousClock.now
        let option = questionnaire["it_staff"]!.unknownOptionMessage(huge)
        let industry = Shipped.catalog.unknownIndustryMessage(huge)
        guard case let .failure(number) = AnswerDecoder.value(text: huge, for: questionnaire["employees"]!) else {
            Issue.record("a text is no number")
            return
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        let quoted = "`" + String(repeating: "y", count: 40) + "…` (1000000 characters)"
        #expect(option.hasPrefix(quoted + " is not an option of `it_staff`; options: "), "\(option.prefix(200))")
        #expect(industry.hasPrefix("unknown industry " + quoted + "; the catalog has: "), "\(industry.prefix(200))")
        #expect(number.message == "must be a number, found " + quoted)
        for message in [option, industry] { #expect(message.utf8.count < 2_000) }
        // Short values are quoted whole, and a near one still gets its hint.
        #expect(quotedValue("auto-part") == "`auto-part`")
        #expect(Shipped.catalog.unknownIndustryMessage("auto-part").hasPrefix("unknown industry `auto-part` (did you mean `auto-parts`?)"))
        #expect(closest(String(repeating: "x", count: 100_000), among: ["xx", "xxx"]) == nil)
        #expect(closest("scene_lvel", among: ["scene_level", "scene"]) == "scene_level")
    }
}
