import Foundation

/// Reads proposal JSON written by `gaizao diagnose`, with clear errors for malformed or foreign files.
public enum ProposalReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The proposal schemas this gaizao reads: the one it writes and the first, whose proposals state no target.
    public static let readableSchemas: [String] = Proposal.readableSchemas

    public static func read(_ file: SourceFile) throws(Failure) -> Proposal { try readStated(file).proposal }

    /// The proposal and the target it states (`target`; nil when the field is absent or null).
    public static func readStated(_ file: SourceFile) throws(Failure) -> (proposal: Proposal, target: StatedTarget?) {
        let data = Data(file.text.utf8)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Failure(path: file.path, message: "not valid JSON (\(Self.jsonProblem(error)))")
        }
        guard let dict = object as? [String: Any] else {
            throw Failure(path: file.path, message: "not a gaizao proposal: the JSON is not an object")
        }
        guard let schema = dict["schema"] as? String else {
            throw Failure(path: file.path, message: "not a gaizao proposal: no `schema` field (expected \"\(Proposal.schemaID)\")")
        }
        guard readableSchemas.contains(schema) else {
            let known = readableSchemas.map { "\"\($0)\"" }.joined(separator: ", ")
            throw Failure(path: file.path, message: "unsupported schema \"\(schema)\"; this gaizao reads \(known)")
        }
        if let problem = ProposalValidation.controlCharacterProblem(in: dict) {
            throw Failure(path: file.path, message: "not a valid \(schema) proposal: \(problem)")
        }
        do {
            let proposal = try JSONDecoder().decode(Proposal.self, from: data)
            let problems = ProposalValidation.problems(proposal)
            if let first = problems.first {
                let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
                throw Failure(path: file.path, message: "not a valid \(schema) proposal: \(first)\(more)")
            }
            let target = proposal.target.map { StatedTarget(level: $0.level, source: $0.source.rawValue, reached: $0.reached) }
            if let level = target?.level, !(1...4).contains(level) {
                throw Failure(path: file.path, message: "not a valid proposal: `target.level` is \(level) (expected 1–4 or null)")
            }
            return (proposal, target)
        } catch let failure as Failure {
            throw failure
        } catch let error as DecodingError {
            throw Failure(path: file.path, message: "not a valid \(schema) proposal: \(describe(error))")
        } catch {
            throw Failure(path: file.path, message: "cannot be read as a proposal")
        }
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return "missing key `\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)`"
        case let .typeMismatch(type, context):
            return "wrong type at `\(path(context.codingPath))` (expected \(type))"
        case let .valueNotFound(type, context):
            return "missing value at `\(path(context.codingPath))` (expected \(type))"
        case let .dataCorrupted(context):
            return "invalid value at `\(path(context.codingPath))`"
        @unknown default:
            return "invalid content"
        }
    }

    static func jsonProblem(_ error: Error) -> String {
        let text = "\(error)"
        if let range = text.range(of: "line \\d+", options: .regularExpression) { return "near \(text[range])" }
        return "syntax error"
    }
}
