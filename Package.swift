// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gaizao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gaizao", targets: ["gaizao"]),
        .library(name: "GaizaoCore", targets: ["GaizaoCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // xlsx workbooks (issue 17): the zip container (their XML parts are streamed through Foundation's XMLParser).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The Mustache template engine: a compiled tree-walking renderer over plain values, byte-identical to
        // swift-mustache for the subset gaizao supports. Knows nothing of catalogs, proposals or view models.
        .target(name: "GaizaoTemplates"),
        // Pure domain: catalogs, conditions, diagnosis, plan, rendering. No files, no terminal, no clock.
        // swift-mustache: the template checks' messages for text that is not Mustache, and the reference
        // renderer the tests hold the compiled one to.
        .target(
            name: "GaizaoCore",
            dependencies: [
                "GaizaoTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Commands, file I/O, the terminal wizard, batch parallelism.
        .target(
            name: "GaizaoCLI",
            dependencies: [
                "GaizaoCore",
                "GaizaoTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The release binary is best built with `swift build -c release --static-swift-stdlib` (README): the
        // runtime and Foundation linked in, so it runs without a Swift toolchain and starts faster.
        .executableTarget(name: "gaizao", dependencies: ["GaizaoCLI"]),
        .executableTarget(name: "gaizao-bench", dependencies: ["GaizaoCore", "GaizaoCLI"]),
        // The template engine against swift-mustache: edge cases and a differential fuzz over generated templates.
        .testTarget(name: "GaizaoTemplatesTests",
                    dependencies: ["GaizaoTemplates", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "GaizaoCoreTests", dependencies: ["GaizaoCore", "GaizaoTemplates"], exclude: ["Golden"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GaizaoCLITests", dependencies: ["GaizaoCLI", "GaizaoCore", "GaizaoTemplates"], exclude: ["Golden", "Fixtures"]),
    ]
)
