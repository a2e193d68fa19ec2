#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The one place with global mutable state: what the C signal handlers of the wizard (`SignalPipe`) and the batch
// (`BatchStopper`) read and write. A signal handler can reach nothing but globals, and may only do async-signal-
// safe work, so this state cannot be an actor or sit behind a lock.
//
// Invariant that makes the `nonisolated(unsafe)` sound: each variable is written either before its handler is
// installed (the pipe's descriptors, the saved terminal settings) or only from the handler as one store of a
// `sig_atomic_t`/`Int32` (the batch's stop flag), and read with single loads elsewhere.

extension SignalPipe {
    /// The self-pipe's ends; set once by `install()` before any handler runs.
    nonisolated(unsafe) static var readFD: Int32 = -1
    nonisolated(unsafe) static var writeFD: Int32 = -1
    /// The terminal settings to put back when a stopping signal arrives; valid when `hasSaved` is 1.
    nonisolated(unsafe) static let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) static var hasSaved: Int32 = 0
    /// 1 while the wizard's screen (alternate screen, bracketed paste, hidden cursor) is on, for the exit handler to
    /// leave it.
    nonisolated(unsafe) static var screenEntered: Int32 = 0
}

/// The signal that stopped the batch (0: none yet): set by the batch's handler, read by its loop.
nonisolated(unsafe) var batchStopSignal: sig_atomic_t = 0
