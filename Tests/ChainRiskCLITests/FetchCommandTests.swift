import Foundation
import Testing

/// `chainrisk fetch` against a loopback stand-in for UN Comtrade and CBS StatLine that serves the real samples; no
/// test reaches the internet.
@Suite("chainrisk fetch: UN Comtrade and CBS StatLine through a loopback stand-in")
struct FetchCommandTests {
    let runner = CLIRunner()
    let cache = NSTemporaryDirectory() + "chainrisk-fetch-cache-\(UUID().uuidString)"
    let comtradeFile =
        CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"

    /// The 39 products of the NL sample.
    static let products: [String] = {
        let text =
            (try? String(
                contentsOfFile: CLIRunner.sharedData + "/comtrade_comtradr/products_in_extract.csv", encoding: .utf8))
            ?? ""
        return text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    }()

    func environment(_ server: SourceStandIn, key: String? = SourceStandIn.key) -> [String: String] {
        var environment = [
            "CHAINRISK_COMTRADE_URL": server.base, "CHAINRISK_CBS_URL": server.base, "CHAINRISK_CACHE": cache,
        ]
        environment["COMTRADE_API_KEY"] = key ?? ""
        return environment
    }

    /// Runs the CLI on a thread of its own, so that the stand-in's handlers keep Swift's cooperative threads.
    func run(_ arguments: [String], environment: [String: String]) async throws -> CLIRunner.Result {
        let runner = runner
        return try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runner.run(arguments, environment: environment) }) }.start()
        }
    }

    /// The rows of `concentration --format json`, as sorted JSON.
    func rows(_ json: String) throws -> String {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(document["rows"] as? [Any])
        return String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(
        "NLD 2022, 39 products, a 1,000-record cap and one 429: all 2,327 flows stored, 4401's HHI as from the file, and again no request"
    )
    func comtradeDoneWhen() async throws {
        let server = SourceStandIn(cap: 1_000)
        try await server.start()
        defer { server.stop() }
        #expect(Self.products.count == 39)
        let arguments =
            [
                "fetch", "comtrade", "--reporter", "NLD", "--year", "2022", "--name", "ct", "--max-records", "1000",
                "--interval", "0",
            ]
            + Self.products.flatMap { ["--product", $0] }
        let fetched = try await run(arguments, environment: environment(server))
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(fetched.stdout.contains("imported 2,327 flows"), "\(fetched.stdout)")
        // One 429, one answer of 1,000 (the cap: split), then the parts.
        let requests = server.comtradeRequestCount
        #expect(requests >= 4)

        let concentration = try runner.run([
            "concentration", "--dataset", "ct", "--product", "4401", "--year", "2022", "--format", "json",
        ])
        #expect(concentration.status == 0, "\(concentration.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(concentration.stdout.utf8)) as? [String: Any])
        let wood = try #require((document["rows"] as? [[String: Any]])?.first { $0["product"] as? String == "4401" })
        #expect(abs((wood["hhi"] as? Double ?? 0) - 0.35421884085271105) < 1e-12)
        // Every 2022 row as from the file itself.
        let fromFetch = try runner.run(["concentration", "--dataset", "ct", "--year", "2022", "--format", "json"])
        let fromFile = try runner.run(["concentration", "--input", comtradeFile, "--year", "2022", "--format", "json"])
        #expect(try rows(fromFetch.stdout) == (try rows(fromFile.stdout)))

        // Provenance: each answer by its URL (no key), its SHA-256 and when it came.
        let listing = try runner.run(["datasets", "--format", "json"])
        #expect(listing.stdout.contains("reporterCode=528") && listing.stdout.contains("retrieved_at"))
        #expect(!listing.stdout.contains(SourceStandIn.key))

        let again = try await run(arguments, environment: environment(server))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stdout.contains("nothing imported") && again.stdout.contains("0 request(s) sent"), "\(again.stdout)")
        #expect(server.comtradeRequestCount == requests, "the same fetch again made a request")

        let info = try runner.run(["fetch", "--cache-info"], environment: environment(server))
        #expect(info.status == 0 && info.stdout.contains("reporterCode=528"))
        let refreshed = try await run(arguments + ["--refresh"], environment: environment(server))
        #expect(refreshed.status == 0 && server.comtradeRequestCount > requests)
    }

    @Test(
        "Germany 2021 from the EU27 extract (reporter code 276): 1,909 flows, the same concentration rows as the file")
    func anotherReporter() async throws {
        let server = SourceStandIn(cap: 1_000, records: SourceStandIn.eu27)
        try await server.start()
        defer { server.stop() }
        let fetched = try await run(
            [
                "fetch", "comtrade", "--reporter", "DEU", "--year", "2021", "--max-records", "1000", "--interval", "0",
                "--product", Self.products.joined(separator: ","),
            ],
            environment: environment(server))
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(
            fetched.stdout.contains("imported 1,909 flows") && fetched.stdout.contains("comtrade-DEU-2021"),
            "\(fetched.stdout)")
        let eu27 =
            CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"
        let fromFetch = try runner.run(["concentration", "--dataset", "comtrade-DEU-2021", "--format", "json"])
        let fromFile = try runner.run([
            "concentration", "--input", eu27, "--reporter", "DEU", "--year", "2021", "--format", "json",
        ])
        #expect(fromFetch.status == 0 && fromFile.status == 0, "\(fromFetch.stderr) \(fromFile.stderr)")
        #expect(try rows(fromFetch.stdout) == (try rows(fromFile.stdout)))
        #expect(
            (try JSONSerialization.jsonObject(with: Data(try rows(fromFetch.stdout).utf8)) as? [Any])?.count ?? 0 >= 30)
    }

    @Test(
        "fetch --hs-version HS2022: 4401 reported in HS2017 (2021) and HS2022 (2022) is stored as one HS2022 series, same totals"
    )
    func hsVersion() async throws {
        let server = SourceStandIn(classified: true)
        try await server.start()
        defer { server.stop() }
        let base = [
            "fetch", "comtrade", "--reporter", "NLD", "--year", "2021", "--year", "2022", "--product", "4401",
            "--interval", "0",
        ]
        #expect(try await run(base + ["--name", "reported"], environment: environment(server)).status == 0)
        let bridged = try await run(
            base + ["--name", "bridged", "--hs-version", "HS2022"], environment: environment(server))
        #expect(bridged.status == 0, "\(bridged.stderr)")
        let arguments = ["concentration", "--year", "all", "--format", "json"]
        let reported = try rows(try runner.run(arguments + ["--dataset", "reported"]).stdout)
        let converted = try rows(try runner.run(arguments + ["--dataset", "bridged"]).stdout)
        let parsed = { (text: String) in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []
        }
        #expect(parsed(reported).map { $0["classification"] as? String } == ["HS2017", "HS2022"])
        #expect(parsed(converted).map { $0["classification"] as? String } == ["HS2022", "HS2022"])
        #expect(
            parsed(reported).map { $0["total_value"] as? Double }
                == parsed(converted).map { $0["total_value"] as? Double })
        #expect(parsed(converted).map { $0["hhi"] as? Double } == parsed(reported).map { $0["hhi"] as? Double })
    }

    @Test("no key: exit 64 naming COMTRADE_API_KEY before any request; a refused key: exit 66 and nothing stored")
    func keys() async throws {
        let server = SourceStandIn()
        try await server.start()
        defer { server.stop() }
        let arguments = [
            "fetch", "comtrade", "--reporter", "NLD", "--year", "2022", "--product", "4401", "--interval", "0",
        ]
        let missing = try await run(arguments, environment: environment(server, key: nil))
        #expect(missing.status == 64 && missing.stderr.contains("COMTRADE_API_KEY"))
        #expect(server.comtradeRequestCount == 0)
        let refused = try await run(arguments, environment: environment(server, key: "wrong-key"))
        #expect(refused.status == 66 && refused.stderr.contains("HTTP 401"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("wrong-key"))
        #expect(try runner.run(["datasets", "--format", "json"]).stdout.contains("comtrade-NLD") == false)
        let unknown = try await run(
            ["fetch", "comtrade", "--reporter", "XYZ", "--year", "2022"], environment: environment(server))
        #expect(unknown.status == 64 && unknown.stderr.contains("XYZ"))
    }

    @Test("an answer at the cap for one product, one partner and one year cannot be split: exit 65, nothing stored")
    func truncatedAnswer() async throws {
        let server = SourceStandIn(cap: 1)
        try await server.start()
        defer { server.stop() }
        let result = try await run(
            [
                "fetch", "comtrade", "--reporter", "NLD", "--year", "2022", "--product", "4401", "--partner", "DEU",
                "--max-records", "1", "--interval", "0",
            ],
            environment: environment(server))
        #expect(result.status == 65 && result.stderr.contains("truncated"), "\(result.stderr)")
        #expect(try runner.run(["datasets", "--format", "json"]).stdout.contains("comtrade-NLD") == false)
    }

    @Test(
        "CBS 85427NED in pages of 50: the same flows as importing the excerpt file, no paged-feed finding, and again no request"
    )
    func cbsPaged() async throws {
        let server = SourceStandIn(pageSize: 50)
        try await server.start()
        defer { server.stop() }
        let fetched = try await run(["fetch", "cbs", "85427NED", "--interval", "0"], environment: environment(server))
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(server.cbsRequestCount == 3)
        #expect(
            fetched.stdout.contains("from 3 answer(s)") && !fetched.stdout.contains("skipped_row"), "\(fetched.stdout)")
        let excerpt = CLIRunner.sharedData + "/cbs/85427NED_TypedDataSet_excerpt.json"
        #expect(try runner.run(["import", excerpt, "--name", "file"]).status == 0)
        let listing = try #require(
            try JSONSerialization.jsonObject(with: Data(try runner.run(["datasets", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let datasets = try #require(listing["datasets"] as? [[String: Any]])
        let fetchedInfo = try #require(datasets.first { $0["name"] as? String == "cbs-85427NED" })
        let fileInfo = try #require(datasets.first { $0["name"] as? String == "file" })
        #expect(
            fetchedInfo["row_count"] as? Int == fileInfo["row_count"] as? Int
                && (fileInfo["row_count"] as? Int ?? 0) > 400)
        #expect((fetchedInfo["value_totals"] as? [String: Double]) == (fileInfo["value_totals"] as? [String: Double]))
        let arguments = ["concentration", "--format", "json", "--flow", "import"]
        let fromFetch = try runner.run(arguments + ["--dataset", "cbs-85427NED"])
        let fromFile = try runner.run(arguments + ["--dataset", "file"])
        #expect(fromFetch.status == 0, "\(fromFetch.stderr)")
        #expect(try rows(fromFetch.stdout) == (try rows(fromFile.stdout)))
        let again = try await run(["fetch", "cbs", "85427NED", "--interval", "0"], environment: environment(server))
        #expect(again.status == 0 && server.cbsRequestCount == 3 && again.stdout.contains("nothing imported"))
    }

    @Test(
        "a Comtrade 302 to another port: exit 66 naming the target, the key never sent there, nothing stored or cached")
    func comtradeRedirectElsewhere() async throws {
        let server = SourceStandIn()
        let other = SourceStandIn()
        try await server.start()
        try await other.start()
        defer {
            server.stop()
            other.stop()
        }
        let target = other.base + "/data/v1/get/C/A/HS?reporterCode=528&period=2022&flowCode=M&cmdCode=4401"
        server.comtradeRedirect = target
        let result = try await run(
            ["fetch", "comtrade", "--reporter", "NLD", "--year", "2022", "--product", "4401", "--interval", "0"],
            environment: environment(server))
        #expect(result.status == 66 && result.stderr.contains(target), "\(result.status) \(result.stderr)")
        #expect(other.comtradeRequestCount == 0, "the key went to \(other.base)")
        #expect(try runner.run(["datasets", "--format", "json"]).stdout.contains("comtrade-NLD") == false)
        let info = try runner.run(["fetch", "--cache-info"], environment: environment(server))
        #expect(info.stdout.contains("0 responses"), "\(info.stdout)")
    }

    @Test("a CBS next-page link to another port or a unix socket: exit 66 naming it, never asked, nothing stored")
    func cbsNextLinkElsewhere() async throws {
        let other = SourceStandIn()
        try await other.start()
        defer { other.stop() }
        for link in [
            other.base + "/85427NED/TypedDataSet?$skip=50",
            "http+unix://%2Fvar%2Frun%2Fdocker.sock/85427NED/TypedDataSet",
        ] {
            let server = SourceStandIn(pageSize: 50)
            server.cbsNextLink = link
            try await server.start()
            defer { server.stop() }
            let result = try await run(
                ["fetch", "cbs", "85427NED", "--interval", "0"], environment: environment(server))
            #expect(result.status == 66 && result.stderr.contains(link), "\(result.status) \(result.stderr)")
            #expect(server.cbsRequestCount == 1)
            #expect(try runner.run(["datasets", "--format", "json"]).stdout.contains("cbs-85427NED") == false)
        }
        #expect(other.cbsRequestCount == 0)
    }

    @Test(
        "--max-pages 2 on a table of 3 pages: exit 65 naming the cap and the option; --help states the cap, deadline and timeout"
    )
    func pageCap() async throws {
        let server = SourceStandIn(pageSize: 50)
        try await server.start()
        defer { server.stop() }
        let result = try await run(
            ["fetch", "cbs", "85427NED", "--interval", "0", "--max-pages", "2"], environment: environment(server))
        #expect(
            result.status == 65 && result.stderr.contains("more than 2 pages") && result.stderr.contains("--max-pages"),
            "\(result.stderr)")
        #expect(server.cbsRequestCount == 2)
        let help = try runner.run(["fetch", "cbs", "--help"])
        for words in ["--max-pages", "500 for CBS", "--timeout", "--connect-timeout"] {
            #expect(help.stdout.contains(words), "\(words) missing from: \(help.stdout)")
        }
        let bad = try await run(["fetch", "cbs", "85427NED", "--timeout", "0"], environment: environment(server))
        #expect(bad.status == 64 && bad.stderr.contains("--timeout"), "\(bad.stderr)")
    }
}
