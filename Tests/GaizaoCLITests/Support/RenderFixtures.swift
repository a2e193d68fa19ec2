import Foundation
@testable import GaizaoCLI
import GaizaoCore

/// The shipped catalog, templates and examples, loaded once for the rendering tests.
enum RenderFixtures {
    /// The package root: this file is Tests/GaizaoCLITests/Support/RenderFixtures.swift.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static let catalog: Catalog = {
        let files = try! FileIO.catalogFiles(at: root + "/catalogs", displayPrefix: "catalogs")
        return CatalogLoader.load(files).catalog!
    }()

    static let templateFiles: [String: SourceFile] = try! FileIO.templateFiles(at: root + "/templates", displayPrefix: "templates")

    static let renderer: ProposalRenderer = ProposalRenderer.load(templateFiles, folder: "templates").renderer!

    /// The shipped examples by name (file name without `.yaml`), sorted.
    static let examples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/examples")) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }()

    static func sheet(_ example: String) throws -> AnswerSheet {
        let file = try FileIO.readText(root + "/examples/\(example).yaml", display: "examples/\(example).yaml")
        guard let sheet = AnswerDecoder.decode(file, catalog: catalog).sheet else { throw CLIError.input("\(example): answers do not decode") }
        return sheet
    }

    static func proposal(_ example: String, contractor: String? = nil) throws -> Proposal {
        try Engine(catalog: catalog).run(sheet(example), contractor: contractor).proposal
    }

    /// A proposal whose enterprise-provided texts are replaced by `hostile`.
    static func hostileProposal(_ hostile: String, base example: String = "auto-parts-midsize") throws -> Proposal {
        var sheet = try sheet(example)
        sheet.answers["company_name"] = .text(hostile)
        sheet.answers["town"] = .text(hostile)
        sheet.answers["main_products"] = .text(hostile)
        sheet.answers["credit_code"] = .text(hostile)
        return try Engine(catalog: catalog).run(sheet).proposal
    }
}
