import GaizaoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal: raw mode on standard input, a full-screen alternate buffer on standard output with bracketed
/// paste on, keys via `KeyDecoder`, SIGWINCH/SIGINT/SIGTERM/SIGHUP/SIGTSTP/SIGCONT via `SignalPipe`. `close()`
/// (also run at exit, and by the signal handler for the settings) puts everything back; Ctrl-Z and SIGTSTP give
/// the terminal back before the process stops, and it is taken again (and the screen redrawn) when it continues.
final class TTYTerminal: WizardTerminal {
    /// Entering the wizard's screen: the alternate screen, bracketed paste on (a paste arrives marked, so its line
    /// breaks are not read as Enter), the cursor hidden, the screen cleared.
    static let enterScreen = "\u{1B}[?1049h\u{1B}[?2004h\u{1B}[?25l\u{1B}[H\u{1B}[2J"
    /// Leaving it: colours off, bracketed paste off, the cursor shown, the main screen back.
    static let leaveScreen = "\u{1B}[0m\u{1B}[?2004l\u{1B}[?25h\u{1B}[?1049l"

    private var decoder = KeyDecoder()
    private var queue: [TerminalEvent] = []
    private let colour: Bool
    private var open = false

    /// Enters raw mode; fails when standard input is not a terminal.
    init(colour: Bool) throws {
        self.colour = colour
        guard tcgetattr(STDIN_FILENO, SignalPipe.saved) == 0 else { throw CLIError.input("standard input is not a terminal") }
        SignalPipe.hasSaved = 1
        SignalPipe.install()
        // Whatever way the process exits, the terminal is left as it was found.
        atexit { TTYTerminal.restoreSettings() }
        open = true
        takeTerminal()
    }

    /// Raw mode and the wizard's screen. Input typed before (while stopped, say) is discarded: keys typed at the
    /// shell's prompt must not answer a question.
    private func takeTerminal() {
        var raw = SignalPipe.saved.pointee
        cfmakeraw(&raw)  // also clears OPOST: every line below ends with "\r\n"
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        if SignalPipe.screenEntered == 0 {
            SignalPipe.screenEntered = 1
            emit(Self.enterScreen)
        }
    }

    /// Ctrl-Z or SIGTSTP: gives the terminal back (main screen, cursor, settings, bracketed paste off), then stops
    /// the process for real (the default action of SIGTSTP, raised again); once continued (`fg`), takes the
    /// terminal again and has the screen redrawn.
    private func suspend() {
        Self.restoreSettings()
        _ = signal(SIGTSTP, SIG_DFL)
        _ = raise(SIGTSTP)
        // Continued: the shell may have changed the settings meanwhile; those are the ones to put back at the end.
        SignalPipe.watch(SIGTSTP)
        if tcgetattr(STDIN_FILENO, SignalPipe.saved) == 0 { SignalPipe.hasSaved = 1 }
        takeTerminal()
        queue.append(.resized)
    }

    /// SIGCONT: continued after any stop (also SIGSTOP, which cannot be caught): raw mode and the wizard's screen
    /// again, in case whoever had the terminal changed them, and a redraw.
    private func continued() {
        guard SignalPipe.hasSaved != 0 else { return }
        takeTerminal()
        queue.append(.resized)
    }

    /// Leaves the alternate screen (bracketed paste off, cursor shown), restores the settings and the default
    /// signal handling.
    func close() {
        guard open else { return }
        open = false
        Self.restoreSettings()
        SignalPipe.uninstall()
    }

    /// Puts the terminal back as it was found: leaves the wizard's screen (once) and restores the saved settings.
    static func restoreSettings() {
        if SignalPipe.screenEntered != 0 {
            SignalPipe.screenEntered = 0
            let bytes = Array(leaveScreen.utf8)
            _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
        guard SignalPipe.hasSaved != 0 else { return }
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, SignalPipe.saved)
        SignalPipe.hasSaved = 0
    }

    var size: TerminalSize {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 {
            return TerminalSize(width: Int(ws.ws_col), height: Int(ws.ws_row))
        }
        return TerminalSize(width: 80, height: 24)
    }

    /// When set, `nextEvent` returns `.idle` after this many milliseconds without input (once).
    var idleAfter: Int32?

    func nextEvent() -> TerminalEvent {
        while true {
            let event = nextQueuedEvent()
            // Ctrl-Z is the terminal's business, not the wizard's; keys before it have been handled already.
            if event == .key(.ctrlZ) {
                suspend()
                continue
            }
            return event
        }
    }

    private func nextQueuedEvent() -> TerminalEvent {
        var buffer = [UInt8](repeating: 0, count: 256)
        while queue.isEmpty {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: SignalPipe.readFD, events: Int16(POLLIN), revents: 0)]
            // A lone ESC waits briefly for the rest of an arrow-key sequence; a paste, for its end marker.
            let ready = poll(&fds, 2, decoder.isInPaste ? 1000 : decoder.hasPending ? 40 : (idleAfter ?? -1))
            if ready < 0 {
                if errno == EINTR { continue }
                return .closed
            }
            if ready == 0 {
                if !decoder.hasPending, idleAfter != nil {
                    idleAfter = nil
                    return .idle
                }
                queue += decoder.flush().map(TerminalEvent.key)
                continue
            }
            if fds[1].revents != 0 {
                for number in SignalPipe.drain() {
                    switch number {
                    case SIGWINCH: queue.append(.resized)
                    case SIGTSTP: suspend()
                    case SIGCONT: continued()
                    default: return .signal(number)
                    }
                }
            }
            if fds[0].revents != 0 {
                let n = read(STDIN_FILENO, &buffer, buffer.count)
                if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                if n <= 0 { return .closed }
                let keys = decoder.feed(buffer[0..<n])
                // Keys that came together with an Enter go to the model together, for it to tell a paste the
                // terminal did not mark from keys typed ahead.
                if keys.count > 1 && keys.contains(.enter) && !keys.contains(.ctrlZ) {
                    queue.append(.keysInOneRead(keys))
                } else {
                    queue += keys.map(TerminalEvent.key)
                }
            }
        }
        return queue.removeFirst()
    }

    /// Redraws the whole screen from the top, each row cleared first, without scrolling past the last row.
    func draw(_ lines: [ScreenLine]) {
        let height = size.height
        var out = "\u{1B}[H"
        for row in 0..<height {
            out += "\u{1B}[2K"
            if row < lines.count { out += styled(lines[row]) }
            if row < height - 1 { out += "\r\n" }
        }
        emit(out)
    }

    private func styled(_ line: ScreenLine) -> String {
        // Texts come from answers files and catalogs: their control characters are shown, never obeyed.
        let text = ControlCharacters.visible(line.text, keepingLineBreaks: false)
        guard colour, !text.isEmpty else { return text }
        let code: String
        switch line.style {
        case .plain: return text
        case .title: code = "1"
        case .dim: code = "2"
        case .cursor: code = "1;36"
        case .section: code = "1;33"
        case .error: code = "1;31"
        case .accent: code = "32"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Writes everything, retrying short writes; errors (a closed terminal) are ignored.
    private func emit(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
