import GaizaoCore

/// Errors the CLI reports with a clear message and exit code 1 (input) or 2 (usage).
public enum CLIError: Error, CustomStringConvertible {
    case input(String)
    case usage(String)
    /// A problem at a place in a file, printed in the clickable `path:line:col: error: message` form.
    case located(Diagnostic)
    /// Diagnostics were already printed; exit 1.
    case reported

    public var description: String {
        switch self {
        case let .input(m), let .usage(m): return m
        case let .located(d): return d.description
        case .reported: return ""
        }
    }
}
