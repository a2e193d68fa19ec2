import Foundation
@testable import GaizaoCLI

/// Runs the real `gaizao` binary in a detached tmux pane (its own tmux server, so tests never touch the user's),
/// sends keys, captures the screen. The pane runs a small script that records `stty -g` before and after, the
/// wizard's pid and its exit code, then prints DONE.
final class TmuxSession {
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The `gaizao` executable built beside the test bundle.
    static let gaizaoPath: String? = {
        var candidates: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("gaizao").path)
        }
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("gaizao").path)
        }
        candidates.append(TestCatalog.root + "/.build/debug/gaizao")
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var available: Bool { tmuxPath != nil && gaizaoPath != nil }

    let dir: String
    private var sessions = 0
    /// The current pane's session. Each `start` opens a new one before closing the last: killing the only session
    /// makes the server exit, and a client connecting at that moment fails ("tmux new-session exited with 1").
    var session: String { "w\(sessions)" }

    init() throws {
        // The tmux socket lives in this folder too, so nothing is left behind.
        dir = TestScratch.path("e2e")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Starts `gaizao ARGS` in a new pane (the previous one, if any, is closed once the new one is open).
    func start(_ arguments: [String], width: Int = 100, height: Int = 32) throws {
        let previous = sessions > 0 ? session : nil
        sessions += 1
        for f in ["pid", "rc", "stty.before", "stty.after"] { try? FileManager.default.removeItem(atPath: dir + "/" + f) }
        let quoted = ([TmuxSession.gaizaoPath!] + arguments).map(ShellQuote.word).joined(separator: " ")
        let script = """
            cd \(ShellQuote.word(dir)) || exit 1
            stty -g > stty.before
            sh -c 'echo $$ > pid; exec "$0" "$@"' \(quoted)
            echo $? > rc
            stty -g > stty.after
            echo DONE
            exec sleep 600
            """
        try script.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "sh " + ShellQuote.word(dir + "/run.sh")])
        if let previous { _ = try? tmux(["kill-session", "-t", previous]) }
    }

    /// Starts an interactive shell with job control (bash, no start-up files, prompt `$ `) in a new pane, in the
    /// test's folder, for what needs a shell around the wizard: Ctrl-Z, `fg`. Commands are typed with `type`.
    func startShell(width: Int = 100, height: Int = 32) throws {
        let previous = sessions > 0 ? session : nil
        sessions += 1
        let command = "cd \(ShellQuote.word(dir)) && exec env PS1='$ ' bash --norc --noprofile -i"
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        if let previous { _ = try? tmux(["kill-session", "-t", previous]) }
    }

    /// Types a command line into the shell of `startShell` and presses Enter.
    func type(_ line: String) throws {
        try tmux(["send-keys", "-t", session, "-l", line])
        try tmux(["send-keys", "-t", session, "Enter"])
    }

    /// Pastes `text` as a terminal does (tmux turns each line feed into a carriage return, as the Enter key
    /// sends): `bracketed` wraps it in ESC[200~ … ESC[201~ when the program asked for bracketed paste (ESC[?2004h),
    /// as terminals do; without it the text arrives as if typed.
    func paste(_ text: String, bracketed: Bool) throws {
        try tmux(["set-buffer", "-b", "test-paste", text])
        try tmux(["paste-buffer", "-b", "test-paste", "-t", session] + (bracketed ? ["-p"] : []))
    }

    /// A tmux format of the pane (`#{alternate_on}`, `#{cursor_flag}`), as tmux sees the terminal's modes.
    func paneFormat(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", session, format])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends scripted events as tmux keys: printable runs literally, the rest by key name.
    func send(_ events: [TerminalEvent]) throws {
        var literal = ""
        var named: [String] = []
        func flush() throws {
            if !literal.isEmpty { try tmux(["send-keys", "-t", session, "-l", literal]); literal = "" }
            if !named.isEmpty { try tmux(["send-keys", "-t", session] + named); named = [] }
        }
        for event in events {
            guard case let .key(key) = event else { continue }
            let name: String?
            switch key {
            case .enter: name = "Enter"
            case .up: name = "Up"
            case .down: name = "Down"
            case .left: name = "Left"
            case .right: name = "Right"
            case .space: name = "Space"
            case .backspace: name = "BSpace"
            case .end: name = "End"
            case .home: name = "Home"
            case .ctrlC: name = "C-c"
            case .ctrlD: name = "C-d"
            case .ctrlU: name = "C-u"
            case let .char(c):
                if !named.isEmpty { try flush() }
                literal.append(c)
                continue
            default: name = nil
            }
            if let name {
                if !literal.isEmpty { try flush() }
                named.append(name)
            }
        }
        try flush()
    }

    func capture() -> String { (try? tmux(["capture-pane", "-p", "-t", session])) ?? "" }

    /// Waits until the screen shows `text`; returns the last capture either way.
    @discardableResult
    func wait(for text: String, timeout: Double = 45) -> (found: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = capture()
            if screen.contains(text) { return (true, screen) }
            usleep(50_000)
        }
        return (false, screen)
    }

    func file(_ name: String) -> String? { try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) }

    var pid: Int32? { file("pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }
    var exitCode: Int32? { file("rc").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } }

    /// Waits for the wizard's pid file (the process has started).
    func waitForPid(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let pid { return pid }
            usleep(20_000)
        }
        return nil
    }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        // Output through a file, not a pipe: the tmux server forked by the first command would hold a pipe open.
        let outPath = dir + "/.tmux-out-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env["LANG"] = "C.UTF-8"
        // The wizard's date step defaults to today: a fixed day keeps the file names and the answers file exact.
        env["GAIZAO_TODAY"] = "2026-12-02"
        env.removeValue(forKey: "TMUX")
        env.removeValue(forKey: "NO_COLOR")
        let status = Self.spawn([TmuxSession.tmuxPath!, "-S", dir + "/tmux.sock", "-f", "/dev/null"] + arguments,
                                environment: env.map { "\($0)=\($1)" },
                                stdout: ["capture-pane", "display-message"].contains(arguments.first ?? "") ? outPath : "/dev/null")
        guard status == 0 else { throw CLIError.input("tmux \(arguments.first ?? "") exited with \(status)") }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Runs a program and waits for it. Uses posix_spawn with an empty signal mask and default signal handling:
    /// test threads block signals, and a tmux server (and the wizard under it) must not inherit that.
    static func spawn(_ argv: [String], environment: [String], stdout: String, stdin: String = "/dev/null",
                      stderr: String = "/dev/null") -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH, SIGUSR1, SIGUSR2, SIGALRM] {
            sigaddset(&defaults, number)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
