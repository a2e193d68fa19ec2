import ArgumentParser
import Foundation
import GaizaoCore

/// The `gaizao` command: SME digital-retrofit configurator.
public struct GaizaoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gaizao",
        abstract: "中小企业数字化改造方案配置工具 / SME digital-retrofit package configurator.",
        discussion: "Exit codes: 0 ok, 1 the input is wrong, 2 usage error.",
        version: "0.1.0",
        subcommands: [DiagnoseCommand.self, ExplainCommand.self, WizardCommand.self, CompareCommand.self, BatchCommand.self,
                      SummaryCommand.self, QuestionsCommand.self, LintCommand.self])

    public init() {}

    /// Parses and runs; maps every outcome to gaizao's exit codes (0 ok, 1 input, 2 usage), never a trace.
    public static func run(arguments given: [String]) async -> Int32 {
        // Over a file size limit (`ulimit -f`) a write fails with EFBIG and is reported, instead of the signal
        // killing the process halfway through an output set.
        signal(SIGXFSZ, SIG_IGN)
        CLILanguage.current = CLILanguage.resolve(arguments: given, environment: ProcessInfo.processInfo.environment)
        let arguments = CommandLineFixes.negativeValues(given)
        if let command = HelpPrinter.target(arguments) {
            Console.out(HelpPrinter.text(for: command, lang: CLILanguage.current, width: HelpPrinter.width()))
            return 0
        }
        if let message = CommandLineFixes.unknownCommand(arguments) {
            Console.err(message)
            return 2
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as CLIError {
            switch error {
            case .reported: return 1
            case let .input(message): Console.err("error: \(message)"); return 1
            case let .usage(message): Console.err("error: \(message)"); return 2
            case let .located(diagnostic): Console.err(diagnostic.description); return 1
            }
        } catch let error as CocoaError {
            // A file-system failure that escaped a command's own handling: say it plainly, never a raw NSError.
            Console.err("error: \(error.userInfo[NSFilePathErrorKey] as? String ?? "file"): \(FileIO.reason(error))")
            return 1
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.out(fullMessage(for: error))
                return 0
            }
            if let exit = error as? ExitCode { return exit.rawValue }
            Console.err(fullMessage(for: error))
            return code == .validationFailure ? 2 : (code.rawValue == 1 ? 1 : 2)
        }
    }
}
