@testable import GaizaoCore
import Yams

/// Everything the decoders can observe of a `Node` tree, one node per line: kind, exact string, style, tag as
/// built (before any resolution), mark and anchor. Two trees with equal dumps read the same everywhere.
enum NodeDump {
    static func of(_ node: Node) -> String {
        var out = ""
        walk(node, depth: 0, into: &out)
        return out
    }

    private static func walk(_ node: Node, depth: Int, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch node {
        case let .scalar(s):
            let scalars = s.string.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
            out += "\(indent)scalar \(s.string.debugDescription) [\(scalars)] style=\(s.style) tag=\(s.tag) at \(at(s.mark)) anchor=\(s.anchor.map { "\($0)" } ?? "none")\n"
        case let .mapping(m):
            out += "\(indent)mapping style=\(m.style) tag=\(m.tag) at \(at(m.mark)) anchor=\(m.anchor.map { "\($0)" } ?? "none") pairs=\(m.count)\n"
            for (k, v) in m {
                walk(k, depth: depth + 1, into: &out)
                walk(v, depth: depth + 2, into: &out)
            }
        case let .sequence(q):
            out += "\(indent)sequence style=\(q.style) tag=\(q.tag) at \(at(q.mark)) anchor=\(q.anchor.map { "\($0)" } ?? "none") count=\(q.count)\n"
            for v in q { walk(v, depth: depth + 1, into: &out) }
        case .alias:
            out += "\(indent)alias\n"
        }
    }

    private static func at(_ mark: Mark?) -> String {
        mark.map { "\($0.line):\($0.column)" } ?? "nil"
    }
}
