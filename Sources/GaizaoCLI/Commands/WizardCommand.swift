import ArgumentParser
import Foundation
import GaizaoCore

/// `gaizao wizard`: the interactive self-assessment, autosaved after every answer and resumable.
public struct WizardCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "交互式自评问卷，自动保存，可中断后继续 / Interactive self-assessment, autosaved and resumable.",
        discussion: """
            Keys: ↑/↓ (j/k, number keys; digits typed together are one number) choose, Space ticks, Enter confirms, \
            ←/Backspace/b goes back, s skips (an answer given stays), x clears an optional answer, ? explains and \
            lists every key, Ctrl-C saves and stops, Ctrl-Z suspends (fg continues). Numbers may carry their \
            unit (85人, 30%, 1.2亿). The answers are saved after every answer, and text left in a field is kept as a \
            draft; run the same command again to continue. \
            The last step asks the diagnosis date (default today, or a resumed file's own date when it is not earlier; \
            2026-12-06, 2026/12/06 or 2026年12月6日); \
            the proposal is named after the company and that date. An answers file written or commented by hand is \
            copied to FILE.bak before the wizard first rewrites it. \
            When standard input is not a terminal, one answer per line is read (option numbers, comma-separated for \
            several, y/n, numbers, text; an empty line keeps the answer, takes the default or skips). \
            A proposal of the same name already in the output folder is kept: on a terminal you choose a new name \
            (the default), to overwrite it, or to write nothing; otherwise the new one is written under the next free \
            name (NAME-2, …). \
            Exit codes: 0 proposal written (or, as chosen, not written), 1 input error or input ended early, 2 usage, 128+signal when stopped \
            (130 for Ctrl-C/Ctrl-D).
            """)

    @Option(name: .long, help: "Industry id (default: ask; a resumed file keeps its own).")
    public var industry: String?

    @Option(name: .long, help: "Answers file: created, or resumed when it exists.")
    public var answers: String = "gaizao-answers.yaml"

    @Option(name: [.short, .customLong("output")], help: "Folder for the proposal (default: the current folder).")
    public var output: String = "."

    @Option(name: .long, help: "Proposal formats, comma-separated: md, html, json, pdf.")
    public var format: String = OutputFormat.defaultList

    @OptionGroup var target: TargetLevelOption

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func validate() throws {
        _ = try OutputFormat.parseList(format)
        try OutputGuard.checkNamed([answers], "--answers")
        // `--answers new/` saved the answers as the file `new`, which the resume command (`--answers new/`) then
        // did not find (ENOTDIR) and started over, writing an empty file over them.
        if answers.hasSuffix("/") {
            throw ValidationError("--answers names the answers file, and `\(answers)` ends with `/` like a folder: give a file, such as --answers \(answers)answers.yaml")
        }
        try OutputGuard.checkFolder(output)
        // `-o` naming the answers file itself: the folder could never be made where the answers are saved.
        if output != "-", OutputGuard.same(OutputGuard.identity(output), OutputGuard.identity(answers)) {
            throw ValidationError("-o names the folder for the proposal, and `\(output)` is the answers file (--answers): give another folder, such as -o out")
        }
    }

    public func run() throws {
        let formats = try OutputFormat.parseList(format)
        let session = try CatalogSession.load(flag: global.catalog)
        let catalog = session.catalog
        var chosen: Industry?
        if let industry {
            try CatalogID.refuseBlank(industry, CLIMessages.blankIndustry(known: catalog.industries.map(\.id)))
            guard let found = catalog.industry(industry) else {
                throw CLIError.input("unknown industry `\(industry)`; the catalog has: \(catalog.industries.map(\.id).joined(separator: ", "))")
            }
            chosen = found
        }
        var resumed: AnswerSheet?
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: answers, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CLIError.input("\(answers): is a folder; give an answers file with --answers FILE") }
            let sheet = try AnswersLoader.load(answers, session: session, quietWarnings: true, partial: true)
            if let chosen, chosen.id != sheet.industry {
                throw CLIError.input("\(answers) holds answers for industry `\(sheet.industry)`, not `\(chosen.id)`; start a new file with --answers OTHER.yaml")
            }
            chosen = catalog.industry(sheet.industry)
            resumed = sheet
        }
        // Refused before any question is asked: the proposal would be written over the answers file. Checked once
        // the file has been read, so that a proposal given as the answers file is said to be one.
        if output != "-" {
            try OutputGuard.refuseOverwriting(inputs: [answers], with: ProposalWriter.paths(formats: formats, output: output, baseName: proposalBaseName))
        }
        // The proposal is written after the last answer: an output folder that cannot be made (a file of that name
        // is in the way, as `touch report; -o report`) is refused now, not once every question is answered.
        if output != "-", let why = OutputGuard.folderCannotBeMade(output) {
            throw CLIError.input("\(output): cannot create the output folder (\(why))")
        }
        // The answers are saved after every answer: a place they cannot be saved (a read-only folder, a file where
        // the folder should be) is refused before the first question, not found out once the answers typed are lost.
        do {
            try FileIO.checkWritable(answers)
        } catch {
            throw CLIError.input("cannot save the answers in \(answers), so no question is asked: \(error)")
        }
        // A resumed file's bytes: its drafts (unconfirmed input kept as comments) go back into their fields.
        let original = resumed == nil ? nil : (try? FileIO.readData(answers, display: answers)).map { Array($0) }
        var model = WizardModel(catalog: catalog, lang: global.lang, industry: chosen, resumed: resumed,
                                explicitKeys: Set(resumed?.locations.keys.map { $0 } ?? []),
                                drafts: original.map { WizardModel.drafts(inAnswersFile: String(decoding: $0, as: UTF8.self)) } ?? [:])
        model.today = Self.today()
        let path = answers
        var runner = WizardRunner(answersPath: answers) { text in try FileIO.writeAtomically(text, to: path) }
        // A file the wizard would not write as it stands (written or commented by hand, or answering hidden
        // questions) is copied aside, once, before the wizard first rewrites it: nothing in it is lost.
        if let original, original != Array(model.answersFileText().utf8) {
            runner.backup = { try Self.backUp(original, of: path) }
        }

        let saveError: String?
        if isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 {
            let terminal = try TTYTerminal(colour: Terminal.colourEnabled(fd: STDOUT_FILENO))
            var interactive = runner
            let ending = interactive.run(&model, on: terminal)
            terminal.close()
            saveError = interactive.saveError
            if let backup = interactive.backupPath {
                (ending == .finished ? Console.out : Console.err)(model.ui.backupMade(answers, backup: backup))
            }
            switch ending {
            case .finished: break
            case let .stopped(signal): throw stopped(model, saveError, exitCode: signal.map { 128 + $0 } ?? 130)
            case .closed: throw stopped(model, saveError, exitCode: 128 + SIGHUP)
            }
        } else {
            var lines = LineWizard(readLine: { Swift.readLine(strippingNewline: true) },
                                   output: { Console.writeOut(Data(ControlCharacters.visible($0).utf8)) }, runner: runner)
            let ending = lines.run(&model)
            saveError = lines.runner.saveError
            Console.out("")
            if ending == .endOfInput {
                Console.err(model.ui.notFinishedLineMode)
                throw stopped(model, saveError, exitCode: 1)
            }
        }
        if let saveError { throw CLIError.input(model.ui.saveFailed(saveError)) }
        try writeProposal(session: session, formats: formats, ui: model.ui,
                          interactive: isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0)
    }

    /// Copies the original answers file to `PATH.bak` (`PATH.2.bak`, … when that holds something else; a copy with
    /// the same bytes is reused) and returns the copy's path.
    static func backUp(_ original: [UInt8], of path: String) throws -> String {
        var n = 1
        while true {
            let candidate = path + (n == 1 ? ".bak" : ".\(n).bak")
            var st = stat()
            if lstat(candidate, &st) != 0 {
                try FileIO.writeAtomically(original, to: candidate)
                return candidate
            }
            if let existing = try? FileIO.readData(candidate, display: candidate), [UInt8](existing) == original { return candidate }
            n += 1
        }
    }

    /// Says where the answers are and how to continue; the exit code tells how the session ended.
    private func stopped(_ model: WizardModel, _ saveError: String?, exitCode: Int32) -> ExitCode {
        let p = model.progress(at: nil)
        if let saveError {
            Console.err(model.ui.saveFailed(saveError))
            return ExitCode(exitCode)
        }
        // The file is written once the industry is known: before that, "the answers are saved in FILE" was untrue.
        Console.err(model.industry != nil ? model.ui.stopped(answers, answered: p.answered, skipped: p.settled - p.answered, asked: p.asked) : model.ui.stoppedBeforeIndustry)
        // What was typed and not saved as an answer is said, with where it is kept and why.
        for draft in model.unsavedDrafts() {
            Console.err(model.ui.draftKept(draft.question.label[model.lang], text: ControlCharacters.visible(draft.text), why: draft.why, path: answers))
        }
        // Nothing saved before the industry is chosen: there is nothing to continue, only to start again.
        if model.industry != nil { Console.err(model.ui.resumeHint(resumeCommand())) }
        return ExitCode(exitCode)
    }

    /// The command that continues this session: the same answers file and every option given that changes what
    /// the wizard asks or writes, each word quoted for the shell, so that pasting it back loses nothing.
    func resumeCommand() -> String {
        var words = ["gaizao", "wizard", "--answers", answers]
        if let industry { words += ["--industry", industry] }
        if output != "." { words += ["-o", output] }
        switch target.value {
        case .automatic: break
        case .none: words += ["--target-level", "none"]
        case let .level(n): words += ["--target-level", "\(n)"]
        }
        if format != OutputFormat.defaultList { words += ["--format", format] }
        if let catalog = global.catalog { words += ["--catalog", catalog] }
        if global.lang == .en { words += ["--lang", "en"] }
        return words.map(ShellQuote.word).joined(separator: " ")
    }

    var proposalBaseName: String { SafeFileName.from(URL(fileURLWithPath: answers).deletingPathExtension().lastPathComponent) }

    /// The proposal exactly as `gaizao diagnose` writes it from the saved answers file.
    /// A proposal of the same name already in the output folder is never replaced unasked: on a terminal the
    /// user chooses (a new name, the default; overwrite; or write nothing), otherwise the new proposal takes the
    /// next free name and says so.
    private func writeProposal(session: CatalogSession, formats: [OutputFormat], ui: WizardStrings, interactive: Bool) throws {
        let sheet = try AnswersLoader.load(answers, session: session, quietWarnings: true)
        let result: Engine.Output
        do {
            result = try Engine(catalog: session.catalog, industries: [sheet.industry]).run(sheet, target: target.value)
        } catch {
            throw CLIError.input(error.description)
        }
        var base = Self.baseName(result.proposal, answersPath: answers)
        var userAgreed = false
        if output != "-" {
            let existing = Self.existingProposal(base, in: output)
            if !existing.isEmpty {
                let free = Self.freeBaseName(base, in: output)
                let choice = interactive ? Self.askAboutExisting(existing, free: free, ui: ui) : .newName
                switch choice {
                case .newName:
                    base = free
                    if !interactive { Console.out(ui.existingKept(existing, newName: free)) }
                case .overwrite:
                    userAgreed = true
                case let .cancel(exitCode):
                    Console.out(ui.proposalNotWritten(answers))
                    throw ExitCode(exitCode)
                }
            }
        }
        let writer = try ProposalWriter(lang: global.lang, templatesFlag: nil, formats: formats)
        let written = try writer.write(result.proposal, formats: formats, to: output, baseName: base, inputs: [answers], userAgreed: userAgreed)
        // As diagnose says it: a --target-level below today's level gives a proposal that only keeps the level.
        if let warning = DiagnoseCommand.targetWarning(result.proposal) { Console.err("warning: " + warning) }
        if output != "-" {
            Console.out(Summary.line(result.proposal, lang: global.lang))
            for path in written { Console.out("  " + path) }
            Console.out(ui.answersSaved(answers))
            let open = written.first { $0.hasSuffix(".html") } ?? written.first { $0.hasSuffix(".md") } ?? written.first { $0.hasSuffix(".pdf") }
            if let open { Console.out(ui.openHint(ShellQuote.word(open))) }
            if let json = written.first(where: { $0.hasSuffix(".json") }) { Console.out(ui.compareHint(ShellQuote.word(json))) }
        }
    }

    /// The proposal's file name: the company and the diagnosis date (so a later diagnosis in the same folder
    /// does not replace it), made safe; the answers file's name when the company is not named.
    static func baseName(_ p: Proposal, answersPath: String) -> String {
        let fallback = SafeFileName.from(URL(fileURLWithPath: answersPath).deletingPathExtension().lastPathComponent)
        let company = p.enterprise.name.trimmingCharacters(in: .whitespaces)
        guard !company.isEmpty else { return fallback }
        return SafeFileName.from(company + (p.date.map { "-" + $0 } ?? ""), fallback: fallback)
    }

    enum ExistingChoice: Equatable {
        case newName, overwrite
        /// Write nothing; the exit code (0 when chosen, 130 when the input ended).
        case cancel(Int32)
    }

    /// The files of a proposal named `base` already in `output`, in any format: the formats of one diagnosis are
    /// one set, so a new Markdown file must not stand beside an earlier JSON of the same name either.
    static func existingProposal(_ base: String, in output: String) -> [String] {
        OutputFormat.allCases.map { (output as NSString).appendingPathComponent("\(base).\($0.rawValue)") }.filter {
            var st = stat()
            return lstat($0, &st) == 0  // a dangling link counts: writing would replace it
        }
    }

    /// `base-2`, `base-3`, … the first that no file of any format in `output` has.
    static func freeBaseName(_ base: String, in output: String) -> String {
        var n = 2
        while !existingProposal("\(base)-\(n)", in: output).isEmpty { n += 1 }
        return "\(base)-\(n)"
    }

    /// Asks on the terminal (the wizard's screen is closed by now) what to do with an earlier proposal of the same
    /// name; Enter alone keeps it and writes the new one under `free`.
    static func askAboutExisting(_ existing: [String], free: String, ui: WizardStrings) -> ExistingChoice {
        Console.out("")
        Console.out(ui.existingFound(existing))
        for line in ui.existingChoices(newName: free) { Console.out("  " + line) }
        while true {
            Console.writeOut(Data(ui.existingPrompt.utf8))
            guard let line = Swift.readLine(strippingNewline: true) else { Console.out(""); return .cancel(130) }
            switch AnswerInput.normalizeDigits(line).trimmingCharacters(in: .whitespaces) {
            case "", "1": return .newName
            case "2": return .overwrite
            case "3": return .cancel(0)
            default: Console.out(ui.existingChooseAgain)
            }
        }
    }

    /// Today's date in the local time zone, YYYY-MM-DD (`GAIZAO_TODAY` overrides it, for reproducible runs).
    static func today() -> String {
        if let fixed = ProcessInfo.processInfo.environment["GAIZAO_TODAY"], AnswerDecoder.isISODate(fixed) { return fixed }
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}

/// Quotes a word for a POSIX shell when it needs it, so printed commands can be pasted back.
enum ShellQuote {
    static func word(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./:=@%+,".unicodeScalars.contains($0) }
        if safe && !text.isEmpty { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
