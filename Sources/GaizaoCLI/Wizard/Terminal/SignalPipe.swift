#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals as bytes on a pipe (the self-pipe trick): the handler only does async-signal-safe work — put the
/// terminal settings back for a signal that ends the wizard, and write the signal number — and the wizard's poll
/// loop reads it as an event and does the rest (redraw, stop and continue, end).
enum SignalPipe {
    // The state its signal handler reads is in SignalHandlerState.swift.

    static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// SIGTSTP (`kill -TSTP`; Ctrl-Z comes as a key in raw mode) and SIGCONT: the loop gives the terminal back
    /// before stopping for real, and takes it again when continued.
    static let watched: [Int32] = stopping + [SIGWINCH, SIGTSTP, SIGCONT]

    /// Opens the pipe and installs the handlers.
    static func install() {
        if readFD < 0 {
            var fds: [Int32] = [-1, -1]
            guard pipe(&fds) == 0 else { return }
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            readFD = fds[0]
            writeFD = fds[1]
        }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in watched {
            _ = signal(number, handler)
            sigaddset(&unblock, number)
        }
        // A parent may have started us with these signals blocked (test runners do); we must receive them.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Handles `number` through the pipe again (after `suspend` reset SIGTSTP to stop for real).
    static func watch(_ number: Int32) {
        _ = signal(number, handler)
    }

    /// Default handling again: after the wizard, a signal stops gaizao as usual.
    static func uninstall() {
        for number in watched { _ = signal(number, SIG_DFL) }
    }

    /// Signals received since the last call, in order.
    static func drain() -> [Int32] {
        var out: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 16)
        while true {
            let n = read(readFD, &buffer, buffer.count)
            if n <= 0 { return out }
            out += buffer[0..<n].map { Int32($0) }
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { number in
        if (number == SIGINT || number == SIGTERM || number == SIGHUP) && SignalPipe.hasSaved != 0 {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, SignalPipe.saved)
        }
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(SignalPipe.writeFD, &byte, 1)
    }
}
