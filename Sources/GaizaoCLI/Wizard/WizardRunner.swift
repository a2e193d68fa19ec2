import GaizaoCore

/// A terminal the wizard runs on: the real TTY, or a scripted fake in tests.
protocol WizardTerminal: AnyObject {
    var size: TerminalSize { get }
    /// Blocks until the next key, resize, signal or hang-up.
    func nextEvent() -> TerminalEvent
    func draw(_ lines: [ScreenLine])
}

/// How a wizard session ended.
enum WizardEnding: Equatable {
    case finished
    /// Ctrl-C or Ctrl-D (signal nil), or SIGINT/SIGTERM/SIGHUP.
    case stopped(signal: Int32?)
    /// The terminal went away.
    case closed
}

/// The interactive loop: draw, read an event, apply it, autosave when the answers changed.
struct WizardRunner {
    var answersPath: String
    /// Writes the answers file (atomically, in the CLI).
    var save: (String) throws -> Void
    /// The reason the last save failed, shown on screen until a save succeeds.
    private(set) var saveError: String?
    private var savedRevision = 0
    /// Run once, before the first save of the session, to keep what that save would lose (the CLI copies a
    /// hand-written answers file, comments and all, aside); returns the copy's path, or nil when none was needed.
    /// When it fails nothing is saved, so the file is never rewritten without its copy.
    var backup: (() throws -> String?)?
    /// Where the original answers file was copied, once it was; said on screen.
    private(set) var backupPath: String?

    init(answersPath: String, save: @escaping (String) throws -> Void) {
        self.answersPath = answersPath
        self.save = save
    }

    mutating func run(_ model: inout WizardModel, on terminal: WizardTerminal) -> WizardEnding {
        start(model, on: terminal)
        while true {
            // After digits in a list, a short pause ends the number (1, pause, 3 is 1 then 3; 1 3 is 13).
            (terminal as? TTYTerminal)?.idleAfter = model.digitsPending ? 700 : nil
            if let ending = step(terminal.nextEvent(), &model, on: terminal) { return ending }
        }
    }

    /// Saves a new file at once and draws the first screen.
    mutating func start(_ model: WizardModel, on terminal: WizardTerminal) {
        saveIfNeeded(model)
        draw(model, on: terminal)
    }

    /// Applies one event, autosaves, redraws; returns how the session ended, or nil while it goes on.
    mutating func step(_ event: TerminalEvent, _ model: inout WizardModel, on terminal: WizardTerminal) -> WizardEnding? {
        switch event {
        case .key, .keysInOneRead:
            if case let .key(key) = event { model.handle(key) }
            if case let .keysInOneRead(keys) = event { model.handle(keysInOneRead: keys) }
            saveIfNeeded(model)
            if model.screen == .finished { return .finished }
            if model.screen == .quit { return .stopped(signal: nil) }
        case .resized:
            break
        case .idle:
            model.digitsTimedOut()
        case let .signal(number):
            model.quit()
            saveIfNeeded(model)
            return .stopped(signal: number)
        case .closed:
            model.quit()
            saveIfNeeded(model)
            return .closed
        }
        draw(model, on: terminal)
        return nil
    }

    private func draw(_ model: WizardModel, on terminal: WizardTerminal) {
        var view = WizardView(model: model, size: terminal.size, answersPath: answersPath)
        view.saveError = saveError
        view.backupPath = backupPath
        terminal.draw(view.lines())
    }

    mutating func saveIfNeeded(_ model: WizardModel) {
        guard model.revision != savedRevision, model.industry != nil else { return }
        do {
            if let backup {
                backupPath = try backup()
                self.backup = nil
            }
            try save(model.answersFileText())
            savedRevision = model.revision
            saveError = nil
        } catch {
            saveError = "\(error)"
        }
    }
}
