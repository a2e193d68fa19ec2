import Foundation

/// Finds the catalog and template folders: the flag, then the environment variable, then the copy shipped
/// beside the executable or in the source checkout it was built from. Says which one it used.
public struct ResourceLocation: Sendable {
    public enum Origin: String, Sendable { case flag, environment, shipped }
    public var path: String
    public var origin: Origin
    /// How the folder was given when `origin` is `.flag`: the option (`--templates`) or `argument`.
    public var given = "flag"

    public var describe: String {
        switch origin {
        case .flag: return "\(path) (\(given))"
        case .environment: return "\(path) (environment)"
        case .shipped: return "\(path) (shipped)"
        }
    }
}

public enum ResourceLocator {
    /// - Parameter argument: the folder given as a command's argument (`gaizao lint DIR`), which comes before
    ///   `flag` (`--catalog`).
    public static func catalog(flag: String?, argument: String? = nil) throws -> ResourceLocation {
        try OutputGuard.checkNamed([argument], "<directory>")
        if let argument {
            return ResourceLocation(path: try existingDirectory(argument, what: "catalog folder given as the argument"), origin: .flag, given: "argument")
        }
        return try locate(flag: flag, option: "--catalog", env: "GAIZAO_CATALOG", folder: "catalogs", marker: "catalog.yaml")
    }

    public static func templates(flag: String?) throws -> ResourceLocation {
        try locate(flag: flag, option: "--templates", env: "GAIZAO_TEMPLATES", folder: "templates", marker: "proposal.md.mustache")
    }

    public static func examples() -> String? {
        shippedRoots().map { $0 + "/examples" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    static func locate(flag: String?, option: String, env: String, folder: String, marker: String) throws -> ResourceLocation {
        try OutputGuard.checkNamed([flag], option)
        if let flag {
            return ResourceLocation(path: try existingDirectory(flag, what: "folder given with \(option)"), origin: .flag, given: option)
        }
        if let value = ProcessInfo.processInfo.environment[env], !value.isEmpty {
            return ResourceLocation(path: try existingDirectory(value, what: "folder named by \(env)"), origin: .environment)
        }
        for root in shippedRoots() {
            let candidate = root + "/" + folder
            if FileManager.default.fileExists(atPath: candidate + "/" + marker) {
                return ResourceLocation(path: candidate, origin: .shipped)
            }
        }
        throw CLIError.input("cannot find the shipped \(folder)/ folder; give it with \(option) DIR or \(env)=DIR")
    }

    private static func existingDirectory(_ path: String, what: String) throws -> String {
        var isDir: ObjCBool = false
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir) else {
            throw CLIError.input("\(what) does not exist: \(path)")
        }
        guard isDir.boolValue else { throw CLIError.input("\(what) is a file, not a folder: \(path)") }
        return absolute
    }

    /// Ancestors of the executable (`.build/debug/gaizao` → the checkout), then the checkout this file was
    /// compiled in; so `gaizao` works from any working directory.
    static func shippedRoots() -> [String] {
        var roots: [String] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        if let real = Bundle.main.executableURL?.resolvingSymlinksInPath() { dir = real.deletingLastPathComponent() }
        for _ in 0..<6 {
            roots.append(dir.path)
            roots.append(dir.appendingPathComponent("share/gaizao").path)
            dir = dir.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        roots.append(source.path)
        return roots
    }
}
