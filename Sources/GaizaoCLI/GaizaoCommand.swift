import ArgumentParser
import GaizaoCore

public struct GaizaoCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "gaizao")
    public init() {}
    public func run() async throws { print(GaizaoCoreVersion.string) }
}
