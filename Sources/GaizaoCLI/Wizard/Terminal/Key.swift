/// A key press, decoded from the bytes a terminal sends.
enum Key: Equatable, Sendable {
    case up, down, left, right, home, end, pageUp, pageDown, delete
    case enter, tab, space, backspace, escape
    case ctrlC, ctrlD, ctrlU
    /// A printable character (any script).
    case char(Character)
    /// A sequence or control byte the wizard does not use.
    case unknown
}

/// What the wizard's terminal reports: keys, size changes, and the end of the session from outside.
enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
    /// The terminal went away (end of input, hang-up).
    case closed
    /// No key for a moment after digits were typed (asked for with `TTYTerminal.idleAfter`): the number is complete.
    case idle
}

struct TerminalSize: Equatable, Sendable {
    var width: Int
    var height: Int
}
