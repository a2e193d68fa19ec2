/// A key press, decoded from the bytes a terminal sends.
enum Key: Equatable, Sendable {
    case up, down, left, right, home, end, pageUp, pageDown, delete
    case enter, tab, space, backspace, escape
    case ctrlC, ctrlD, ctrlU
    /// Byte 0x1A: raw mode turns off the terminal's own Ctrl-Z, so the terminal layer suspends the wizard itself.
    case ctrlZ
    /// A printable character (any script).
    case char(Character)
    /// Text the terminal marked as pasted (bracketed paste, `ESC[200~ … ESC[201~`), as sent: never read as keys.
    case paste(String)
    /// A sequence or control byte the wizard does not use.
    case unknown
}

/// What the wizard's terminal reports: keys, size changes, and the end of the session from outside.
enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// Several keys from one read of the terminal, an Enter among them: typed ahead, or a paste from a terminal
    /// that does not mark pastes (see `WizardModel.handle(keysInOneRead:)`).
    case keysInOneRead([Key])
    case resized
    /// SIGINT, SIGTERM or SIGHUP arrived (SIGTSTP and SIGCONT are handled by the terminal layer itself).
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
