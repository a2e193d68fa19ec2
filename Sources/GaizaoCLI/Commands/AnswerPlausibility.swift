import GaizaoCore

/// Answers and options that are valid but unlikely to be meant, said as warnings before the proposal is
/// written (the proposal is still written: the figures may be right). Messages in English; CLIText has them in
/// Chinese.
enum AnswerPlausibility {
    static func warnings(_ sheet: AnswerSheet, budgetWan: Double?) -> [String] {
        func number(_ id: String) -> Double? {
            if case let .number(n)? = sheet.answers[id] { return n }
            return nil
        }
        var out: [String] = []
        let revenue = number("annual_revenue"), employees = number("employees")
        // A revenue of 0 makes the enterprise micro by the size standard, whatever its head count.
        if let revenue, let employees, revenue == 0, employees >= 20 {
            out.append("the annual revenue is 0 万元 with \(formatNumber(employees)) employees: the enterprise is sized micro by its revenue; check `annual_revenue` (in 万元)")
        }
        // A budget above the year's revenue is most often yuan typed where 万元 is meant.
        if let budgetWan, let revenue, revenue > 0, budgetWan > revenue {
            out.append("--budget \(formatNumber(budgetWan)) 万元 is more than the annual revenue of \(formatNumber(revenue)) 万元; --budget is in 万元 (10,000 CNY), not yuan")
        }
        return out
    }
}
