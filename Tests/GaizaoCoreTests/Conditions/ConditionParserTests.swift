import Testing
@testable import GaizaoCore

@Suite struct ConditionParserTests {
    func parse(_ text: String) throws -> String { try ConditionParser.parse(text).sexpr }

    /// The syntax error of `text` as (message, 0-based offset).
    func error(_ text: String) -> ConditionSyntaxError? {
        do {
            _ = try ConditionParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("not a and b", "(and (not a) b)"),
        ("not a or not b", "(or (not a) (not b))"),
        ("not not a", "(not (not a))"),
        ("not x == 1", "(not (== x 1))"),
        ("(a or b) and c", "(and (or a b) c)"),
        ("1 + 2 * 3 == 7", "(== (+ 1 (* 2 3)) 7)"),
        ("(1 + 2) * 3 >= 9", "(>= (* (+ 1 2) 3) 9)"),
        ("a - b - c > 0", "(> (- (- a b) c) 0)"),
        ("a / b / 2 < 1", "(< (/ (/ a b) 2) 1)"),
        ("-x * 2 <= -1", "(<= (* (neg x) 2) (neg 1))"),
        ("x != .5", "(!= x 0.5)"),
        ("size in [\"small\", 'large']", "(in size [\"small\" \"large\"])"),
        ("x in []", "(in x [])"),
        ("processes contains \"stamping\" and count(processes) >= 2", "(and (contains processes \"stamping\") (>= (count processes) 2))"),
        ("answered(x) or x == true", "(or (answered x) (== x true))"),
        ("name == \"say \\\"hi\\\"\"", "(== name \"say \"hi\"\")"),
        ("  a\tand\nb  ", "(and a b)"),
        ("Employees_2 > 1", "(> Employees_2 1)"),
    ])
    func precedenceAndAssociativity(_ text: String, _ expected: String) throws {
        #expect(try parse(text) == expected)
    }

    @Test func nodesCarryTheOffsetOfTheirOperator() throws {
        let e = try ConditionParser.parse("a and b == 1")
        #expect(e.offset == 2)
        guard case let .and(left, right) = e.kind else { Issue.record("not an `and`: \(e.sexpr)"); return }
        #expect(left.offset == 0)
        #expect(right.offset == 8)
        guard case let .compare(_, b, one) = right.kind else { Issue.record("not a comparison"); return }
        #expect((b.offset, one.offset) == (6, 11))
    }

    @Test func offsetsCountUnicodeScalarsNotBytes() throws {
        let e = try ConditionParser.parse("name == \"车间\" and oem")
        guard case let .and(_, oem) = e.kind else { Issue.record("not an `and`"); return }
        #expect(oem.offset == 17)
        #expect(error("name == \"车间\" and ==")?.offset == 17)
    }

    @Test(arguments: [
        ("", "expected a value, found end of condition", 0),
        ("a ==", "expected a value, found end of condition", 4),
        ("a = 1", "use `==` to compare", 2),
        ("a => 1", "use `>=` to compare", 2),
        ("a =< 1", "use `<=` to compare", 2),
        ("a && b", "use `and` instead of `&&`", 2),
        ("a || b", "use `or` instead of `||`", 2),
        ("!a", "use `not` instead of `!`", 0),
        ("a < b < c", "comparisons cannot be chained: use `and`", 6),
        ("x == \"abc", "unterminated string", 5),
        ("1.2.3 > x", "`1.2.3` is not a number", 0),
        ("foo(x)", "unknown function `foo` (known: count, answered)", 0),
        ("count(\"x\") > 1", "`count()` takes a question id, found string \"x\"", 6),
        ("count(x > 1", "expected `)` to close `count(`, found `>`", 8),
        ("(a or b", "expected `)` to close `(`, found end of condition", 7),
        ("x in \"a\"", "expected a list `[…]` after `in`", 5),
        ("x in [a]", "a list holds numbers or strings, found `a`", 6),
        ("x in [1, 2", "expected `]` to close the list, found end of condition", 10),
        ("a and or b", "expected a value, found keyword `or`", 6),
        ("a b", "unexpected `b` after the end of the condition", 2),
        ("a @ b", "unexpected character `@`", 2),
        ("车间 == 1", "unexpected character `车`", 0),
        (")", "expected a value, found `)`", 0),
    ])
    func syntaxErrorsAreLocated(_ text: String, _ message: String, _ offset: Int) {
        #expect(error(text) == ConditionSyntaxError(message: message, offset: offset))
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(error(deep)?.message == "condition nested more than 64 levels deep")
        #expect(error(String(repeating: "not ", count: 100) + "a")?.message == "condition nested more than 64 levels deep")
        #expect(error(String(repeating: "-", count: 100) + "1 > 0")?.message == "condition nested more than 64 levels deep")
    }

    @Test func longConditionIsRefused() {
        let long = Array(repeating: "a", count: 1001).joined(separator: " or ")
        #expect(error(long) == ConditionSyntaxError(message: "condition longer than 2000 characters", offset: 0))
    }
}
