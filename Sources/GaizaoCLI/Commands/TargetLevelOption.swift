import ArgumentParser
import GaizaoCore

/// `--target-level 1|2|3|4|none` (also `auto`, the default): the level the package must reach.
struct TargetLevelOption: ParsableArguments {
    @Option(name: .customLong("target-level"),
            help: "Target level: 1–4, none (the rules-only package) or auto (the default: level 2 below 2, else the next level up).")
    var targetLevel: TargetLevelArgument = .init(.automatic)

    var value: TargetLevel { targetLevel.value }
}

struct TargetLevelArgument: ExpressibleByArgument, Sendable {
    let value: TargetLevel

    init(_ value: TargetLevel) { self.value = value }

    init?(argument: String) {
        switch argument.lowercased() {
        case "auto", "default": value = .automatic
        case "none": value = .none
        case "1", "2", "3", "4": value = .level(Int(argument)!)
        default: return nil
        }
    }

    var defaultValueDescription: String { "auto" }
    static var allValueStrings: [String] { ["1", "2", "3", "4", "none", "auto"] }
}

extension Engine.Failure {
    /// The message in the language of gaizao's messages (`CLILanguage`) where the engine has one.
    func message(_ lang: Lang) -> String {
        if case let .budgetBelowMustHaves(text) = self { return text[lang] }
        return description
    }
}
