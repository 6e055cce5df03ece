import ChainRiskTestSupport
import Foundation
import Testing

/// Issue 12's acceptance runs against a real PostgreSQL server: the same rows as SQLite, idempotent and atomic imports,
/// nothing stored locally, and `serve` on the shared database.
@Suite(
    "chainrisk with --db postgresql://: the shared store",
    .enabled(
        if: TestPostgres.isAvailable,
        "needs PostgreSQL: CHAINRISK_TEST_POSTGRES_URL or the server binaries (initdb, pg_ctl, psql; scripts/setup.sh installs them)"
    ))
struct PostgresCommandTests {
    let comtrade =
        CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"

    /// The rows of `concentration --format json` (the provenance names the store and the import time, which differ).
    func rows(_ json: String) throws -> String {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(document["rows"] as? [Any])
        return String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(
        "the NL Comtrade file in SQLite and in PostgreSQL gives identical concentration rows; re-import adds nothing; a bad file changes nothing"
    )
    func sameRowsAsSQLite() throws {
        let url = try TestPostgres.freshDatabase()
        let runner = CLIRunner()
        let localBefore = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.packageRoot.path)
        let imported = try runner.run(["import", comtrade, "--name", "nl", "--db", url])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 10,631 flows"))
        let again = try runner.run(["import", comtrade, "--name", "nl", "--db", url])
        #expect(again.status == 0 && again.stdout.contains("already holds this file"))
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flows") == "10631")
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM datasets") == "1")
        let bad = try runner.file(
            "bad.csv",
            try String(contentsOfFile: comtrade, encoding: .utf8).split(separator: "\n").prefix(40).joined(
                separator: "\n") + "\nx,\"unclosed\n")
        let refused = try runner.run(["import", bad, "--name", "bad", "--db", url])
        #expect(refused.status == 65 && refused.stderr.contains("bad.csv:41:"), "\(refused.stderr)")
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flows") == "10631")
        #expect(try TestPostgres.psql(url, "SELECT string_agg(name, ',') FROM datasets") == "nl")
        #expect(try runner.run(["import", comtrade, "--name", "nl"]).status == 0)
        let fromPostgres = try runner.run(["concentration", "--dataset", "nl", "--format", "json", "--db", url])
        let fromSQLite = try runner.run(["concentration", "--dataset", "nl", "--format", "json"])
        #expect(fromPostgres.status == 0 && fromSQLite.status == 0)
        #expect(try rows(fromPostgres.stdout) == (try rows(fromSQLite.stdout)))
        let fromFile = try runner.run(["concentration", "--input", comtrade, "--format", "json"])
        #expect(try rows(fromPostgres.stdout) == (try rows(fromFile.stdout)), "stored and file results are identical")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: CLIRunner.packageRoot.path) == localBefore,
            "no local file or folder appears")
    }

    @Test(
        "an unknown URL scheme is a usage error (64); wrong credentials and a closed port exit 66 without showing the password"
    )
    func badLocations() throws {
        let runner = CLIRunner()
        let scheme = try runner.run(["datasets", "--db", "mysql://ana:topsecret@localhost/trade"])
        #expect(scheme.status == 64 && scheme.stderr.contains("not 'mysql'") && !scheme.stderr.contains("topsecret"))
        var wrong = try #require(URLComponents(string: try TestPostgres.freshDatabase()))
        wrong.password = "not-the-password"
        let refused = try runner.run(["datasets", "--db", try #require(wrong.string)])
        #expect(
            refused.status == 66 && refused.stderr.contains("password authentication failed")
                && !refused.stderr.contains("not-the-password"))
        wrong.port = 1
        let closed = try runner.run(["datasets", "--db", try #require(wrong.string)])
        #expect(closed.status == 66 && closed.stderr.contains("cannot connect to PostgreSQL"))
        #expect(
            !FileManager.default.fileExists(atPath: CLIRunner.packageRoot.appendingPathComponent("postgresql:").path))
    }

    @Test(
        "serve --db postgresql:// answers /api/v1/concentration from the shared database: 4401 in 2022, HHI 0.35421884085271105"
    )
    func serveFromPostgres() throws {
        let url = try TestPostgres.freshDatabase()
        #expect(try CLIRunner().run(["import", comtrade, "--name", "nl", "--db", url]).status == 0)
        let server = try ServedProcess(database: url)
        defer { server.stop() }
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = ["curl", "-sf", server.url + "/api/v1/concentration?dataset=nl&year=2022"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        #expect(curl.terminationStatus == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(document["rows"] as? [[String: Any]])
        let wood = try #require(rows.first { $0["product"] as? String == "4401" })
        // The figure of the file path (ConcentrationCommandTests), to 1e-12.
        #expect(abs((wood["hhi"] as? Double ?? 0) - 0.35421884085271105) < 1e-12)
        #expect(rows.count == 39)
    }
}
