import ChainRiskTestSupport
import Foundation
import Testing

/// A running server against changes another process makes to its store.
@Suite("serve follows the store: a dataset imported or removed by another process is seen on the next request")
struct ServeStoreGenerationTests {
    let comtrade =
        CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"

    /// The status and body of GET `url`.
    func get(_ url: String) throws -> (status: Int, body: String) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-s", "-w", "\n%{http_code}", url]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        let status = Int(text.split(separator: "\n").last ?? "") ?? 0
        return (status, String(text.dropLast(String(status).count + 1)))
    }

    func followsTheStore(database: String) throws {
        let cli = CLIRunner()
        let server = try ServedProcess(database: database)
        defer { server.stop() }
        let pages = ["/api/v1/concentration?dataset=tmpx&year=2022", "/products?dataset=tmpx"]
        // Asked before the dataset exists, so a cache could keep the old answers.
        #expect(try get(server.url + pages[0]).status == 404)
        #expect(!(try get(server.url + "/api/v1/datasets").body.contains("tmpx")))
        #expect(try cli.run(["import", comtrade, "--name", "tmpx", "--db", database]).status == 0)
        for page in pages { #expect(try get(server.url + page).status == 200, "\(page)") }
        #expect(try get(server.url + "/api/v1/datasets").body.contains("\"tmpx\""))
        #expect(try get(server.url + "/datasets").body.contains("tmpx"))
        #expect(try cli.run(["datasets", "remove", "tmpx", "--db", database]).status == 0)
        for page in pages {
            #expect(try get(server.url + page).status == 404, "\(page) still answers after the removal")
        }
        #expect(!(try get(server.url + "/api/v1/datasets").body.contains("tmpx")))
        #expect(!(try get(server.url + "/datasets").body.contains("tmpx")))
        #expect(!(try get(server.url + "/datasets?lang=nl").body.contains("tmpx")))
    }

    @Test("on SQLite")
    func sqlite() throws {
        let folder = NSTemporaryDirectory() + "chainrisk-generation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try followsTheStore(database: folder + "/store.sqlite")
    }

    @Test("on PostgreSQL", .enabled(if: TestPostgres.isAvailable, "needs PostgreSQL"))
    func postgres() throws {
        try followsTheStore(database: try TestPostgres.freshDatabase())
    }
}
