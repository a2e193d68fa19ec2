import ArgumentParser
import GaizaoCore

/// Options every command shares.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Catalog folder (default: $GAIZAO_CATALOG, else the shipped catalogs/).")
    public var catalog: String?

    @Option(name: .long, help: "Language of the output: zh (default) or en.")
    public var lang: Lang = .zh

    public init() {}
}

extension Lang: ExpressibleByArgument {}
