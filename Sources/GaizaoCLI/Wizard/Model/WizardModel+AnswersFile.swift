import GaizaoCore

extension WizardModel {
    /// The answers file as it stands (docs/catalog-format.md "Answers files"): the effective answers in
    /// questionnaire order, `~` for an asked question deliberately left unanswered. Answers to hidden questions
    /// are not written: the file is always what `gaizao diagnose` would count.
    func answersFileText() -> String {
        var out = """
            # gaizao 自评答卷：由 gaizao wizard 每答一题自动保存；可以继续用 gaizao wizard --answers 本文件 填写，
            # 也可以直接用 gaizao diagnose 本文件 生成方案。
            # Self-assessment answers saved by `gaizao wizard` after every answer; continue with
            # `gaizao wizard --answers FILE` or run `gaizao diagnose FILE`.
            gaizao_answers: 1
            industry: \(industry?.id ?? "")

            """
        if let date { out += "date: \(date)\n" }
        let effective = effectiveAnswers
        let asked = Set(askedIndices)
        var body = ""
        var position = 0
        for section in questionnaire.sections {
            var lines = ""
            for (offset, q) in section.questions.enumerated() where asked.contains(position + offset) {
                if case .options([])? = effective[q.id], let none = q.exclusiveOption {
                    lines += "  \(q.id): [\(Self.plainID(none.id))]\n"  // answered "none of these", said so
                } else if let value = effective[q.id] {
                    lines += "  \(q.id): \(Self.yaml(value))\n"
                } else if skipped.contains(q.id) {
                    lines += "  \(q.id): ~\n"
                }
            }
            position += section.questions.count
            if !lines.isEmpty { body += "  # --- \(section.title.zh) / \(section.title.en)\n" + lines }
        }
        out += body.isEmpty ? "answers: {}\n" : "answers:\n" + body
        // Unconfirmed input, as comments: no reader takes them for answers, and a resumed wizard puts them back.
        let draftLines = questionnaire.ordered.compactMap { q in drafts[q.id].map { "\(Self.draftPrefix)\(q.id): \(Self.quoted($0))\n" } }
        if !draftLines.isEmpty {
            out += "\n# 未确认的输入：不是答案，gaizao wizard 继续填写时放回输入框。\n"
            out += "# Unconfirmed input: not answers; gaizao wizard puts it back in its field.\n"
            out += draftLines.joined()
        }
        return out
    }

    static let draftPrefix = "# draft "

    /// The drafts an answers file carries (`# draft ID: "TEXT"` lines, as `answersFileText` writes them).
    static func drafts(inAnswersFile text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix(draftPrefix) {
            let rest = line.dropFirst(draftPrefix.count)
            guard let colon = rest.range(of: ": ") else { continue }
            let id = String(rest[..<colon.lowerBound])
            if let value = unquoted(rest[colon.upperBound...]) { out[id] = value }
        }
        return out
    }

    /// The text of a YAML double-quoted scalar as `quoted` writes it (nil when it is not one).
    static func unquoted(_ text: Substring) -> String? {
        var scalars = text.unicodeScalars[...]
        guard scalars.popFirst() == "\"" else { return nil }
        var out = String.UnicodeScalarView()
        while let s = scalars.popFirst() {
            switch s {
            case "\"": return String(out)
            case "\\":
                switch scalars.popFirst() {
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars.prefix(4)))
                    guard hex.count == 4, let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { return nil }
                    out.append(u)
                    scalars = scalars.dropFirst(4)
                default: return nil
                }
            default: out.append(s)
            }
        }
        return nil
    }

    /// One answer as a YAML value: text always double-quoted, option ids bare unless YAML would read them as
    /// something else, numbers exactly as typed.
    static func yaml(_ value: AnswerValue) -> String {
        switch value {
        case let .text(t): return quoted(t)
        case let .number(n): return formatNumber(n, maxFractionDigits: 10)
        case let .bool(b): return b ? "true" : "false"
        case let .option(id): return plainID(id)
        case let .options(ids): return "[" + ids.map(plainID).joined(separator: ", ") + "]"
        }
    }

    private static func plainID(_ id: String) -> String {
        let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        let safe = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        return safe && !id.isEmpty && !reserved.contains(id) && !("0"..."9").contains(id.unicodeScalars.first!) ? id : quoted(id)
    }

    /// A YAML double-quoted scalar: backslash, quote, control and line-break characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 || s.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(s.value, radix: 16).count) + String(s.value, radix: 16)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
