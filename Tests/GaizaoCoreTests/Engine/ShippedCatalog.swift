import Foundation
@testable import GaizaoCore
import Testing

/// The repository's shipped catalogs and examples, loaded once for all engine tests.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped catalog's YAML files, keyed by their path relative to `catalogs/`.
    static let files: CatalogFiles = {
        let dir = root.appendingPathComponent("catalogs").path
        var files: [String: SourceFile] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".yaml") else { continue }
            let text = try! String(contentsOfFile: dir + "/" + rel, encoding: .utf8)
            files[rel] = SourceFile(path: "catalogs/" + rel, text: text)
        }
        return CatalogFiles(files: files)
    }()

    static let catalog: Catalog = {
        let result = CatalogLoader.load(files)
        guard let catalog = result.catalog else { fatalError("shipped catalog does not load: \(result.diagnostics.errors)") }
        return catalog
    }()

    /// The shipped templates, keyed by their path relative to `templates/`.
    static let templateFiles: [String: SourceFile] = {
        let dir = root.appendingPathComponent("templates").path
        var files: [String: SourceFile] = [:]
        let e = FileManager.default.enumerator(atPath: dir)!
        while let rel = e.nextObject() as? String {
            guard rel.hasSuffix(".mustache") else { continue }
            files[rel] = SourceFile(path: rel, text: try! String(contentsOfFile: dir + "/" + rel, encoding: .utf8))
        }
        return files
    }()

    static let renderer: ProposalRenderer = {
        guard let renderer = ProposalRenderer.load(templateFiles, folder: "templates").renderer else { fatalError("shipped templates do not load") }
        return renderer
    }()

    static var exampleNames: [String] {
        let dir = root.appendingPathComponent("examples").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func exampleFile(_ name: String) -> SourceFile {
        let path = root.appendingPathComponent("examples/" + name).path
        return SourceFile(path: "examples/" + name, text: try! String(contentsOfFile: path, encoding: .utf8))
    }

    static func example(_ name: String) -> AnswerSheet {
        let result = AnswerDecoder.decode(exampleFile(name), catalog: catalog)
        guard let sheet = result.sheet else { fatalError("example \(name) does not load: \(result.diagnostics.all)") }
        return sheet
    }
}
