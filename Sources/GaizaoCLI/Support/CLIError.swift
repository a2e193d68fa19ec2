/// Errors the CLI reports with a clear message and exit code 1 (input) or 2 (usage).
public enum CLIError: Error, CustomStringConvertible {
    case input(String)
    case usage(String)
    /// Diagnostics were already printed; exit 1.
    case reported

    public var description: String {
        switch self {
        case let .input(m), let .usage(m): return m
        case .reported: return ""
        }
    }
}
