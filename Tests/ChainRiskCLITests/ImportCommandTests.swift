import Foundation
import Testing

@Suite("chainrisk import and datasets, end to end")
struct ImportCommandTests {
    static let comtradeNL =
        CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"

    @Test("the Comtrade NL file stores 10,631 flows with its SHA-256 and value total; a second import adds nothing")
    func comtradeImportIsIdempotent() throws {
        let cli = CLIRunner()
        let first = try cli.run(["import", Self.comtradeNL])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("imported 10,631 flows"))

        let listing = try cli.run(["datasets", "--format", "json"])
        #expect(listing.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])
        let datasets = try #require(json["datasets"] as? [[String: Any]])
        #expect(datasets.count == 1)
        let dataset = try #require(datasets.first)
        #expect(dataset["name"] as? String == "nld_imports_by_partner_hs_wood_paper_furniture_2018_2022")
        #expect(dataset["row_count"] as? Int == 10_631)
        let files = try #require(dataset["files"] as? [[String: Any]])
        // sha256sum of the shared file.
        #expect(files.first?["sha256"] as? String == "b81396845349d370e636872f6b21af78a07d68a2296e349b788d49d7a27a5efd")
        // python3: math.fsum(float(r['primaryValue_usd']) for r in csv.DictReader(open(f))) = 86976764538.87
        let totals = try #require(dataset["value_totals"] as? [String: Double])
        let usd = try #require(totals["USD"])
        #expect(abs(usd - 86_976_764_538.87) / 86_976_764_538.87 < 1e-12)

        let second = try cli.run(["import", Self.comtradeNL])
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing imported"))
        let again = try cli.run(["datasets", "--format", "json"])
        #expect(again.stdout == listing.stdout)
    }

    @Test(
        "malformed files exit 65 with file:line:column and leave the database unchanged",
        arguments: [
            (
                "bad-number.csv",
                "year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,12.5\n2019,NLD,BEL,4401,import,1O0\n",
                ":3:"
            ),
            (
                "bad-columns.csv",
                "year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,12.5\n2019,NLD,BEL,4401,import\n",
                ":3:"
            ),
            (
                "bad-quote.csv",
                "year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,12.5\n2019,NLD,\"BEL,4401,import,3\n",
                ":3:10"
            ),
        ])
    func malformed(name: String, text: String, location: String) throws {
        let cli = CLIRunner()
        let good = try cli.file("good.csv", "year,reporter,partner,product,flow,value\n2019,NLD,DEU,4401,import,1\n")
        #expect(try cli.run(["import", good]).status == 0)
        let before = try cli.run(["datasets", "--format", "json"]).stdout
        let path = try cli.file(name, text)
        let result = try cli.run(["import", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(name + location), "\(result.stderr)")
        #expect(try cli.run(["datasets", "--format", "json"]).stdout == before)
    }

    @Test("a Latin-1 file is refused as an unknown encoding with its location")
    func latin1() throws {
        let cli = CLIRunner()
        let bytes =
            Data(
                "year,reporter,partner,product,flow,value,note\n2019,NLD,DEU,4401,import,1,ok\n2019,NLD,CUW,4401,import,2,Cura"
                    .utf8) + Data([0xE7, 0x61, 0x6F, 0x0A])
        let path = try cli.file("latin1.csv", bytes)
        let result = try cli.run(["import", path, "--format", "canonical"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("latin1.csv:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("UTF-8"))
        #expect(try cli.run(["datasets", "--format", "json"]).stdout.contains("\"datasets\" : [\n\n  ]"))
    }

    @Test("a missing file exits 66, an unknown dataset 66, a bad option 64")
    func exitCodes() throws {
        let cli = CLIRunner()
        #expect(try cli.run(["import", "/nonexistent/file.csv"]).status == 66)
        #expect(try cli.run(["datasets", "remove", "nope"]).status == 66)
        #expect(try cli.run(["import", Self.comtradeNL, "--format", "nonsense"]).status == 64)
        #expect(try cli.run(["report", "--format", "csv"]).status == 64)
        #expect(try cli.run(["--frobnicate"]).status == 64)
    }

    @Test(
        "a gzip file cut in the middle is refused at the line where it stops (exit 65), never imported in part, also with --strict"
    )
    func truncatedGzip() throws {
        let runner = CLIRunner()
        let source =
            CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-c", source]
        let output = Pipe()
        gzip.standardOutput = output
        try gzip.run()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        let whole = try runner.file("whole.csv.gz", compressed)
        let cut = try runner.file("cut.csv.gz", compressed.prefix(compressed.count / 2))
        for strict in [[], ["--strict"]] {
            let refused = try runner.run(["import", cut, "--name", "cut"] + strict)
            #expect(refused.status == 65, "\(refused.stdout)")
            #expect(
                refused.stderr.contains("cut.csv.gz:") && refused.stderr.contains("the file is cut off"),
                "\(refused.stderr)")
        }
        #expect(try runner.run(["datasets", "--format", "json"]).stdout.contains("\"cut\"") == false)
        let analysed = try runner.run(["concentration", "--input", cut])
        #expect(analysed.status == 65 && analysed.stderr.contains("the file is cut off"))
        let imported = try runner.run(["import", whole, "--name", "whole"])
        #expect(imported.status == 0 && imported.stdout.contains("imported 10,631 flows"), "\(imported.stderr)")
    }

    @Test(
        "a directory given as input is missing input (66); a file with a header and no rows is bad data (65) and stores nothing"
    )
    func directoryAndHeaderOnly() throws {
        let runner = CLIRunner()
        let folder = NSTemporaryDirectory() + "chainrisk-dir-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for arguments in [["import", folder, "--name", "d"], ["concentration", "--input", folder]] {
            let result = try runner.run(arguments)
            #expect(result.status == 66 && result.stderr.contains("is a directory, not a file"), "\(result.stderr)")
        }
        let header = try runner.file("header.csv", "t,i,j,k,v,q\n")
        let empty = try runner.run(["import", header, "--name", "empty", "--format", "baci"])
        #expect(
            empty.status == 65 && empty.stderr.contains("header.csv:2:1:") && empty.stderr.contains("no data rows"),
            "\(empty.stderr)")
        #expect(try runner.run(["datasets", "--format", "json"]).stdout.contains("\"empty\"") == false)
    }

    @Test(
        "three imports into one database at once all succeed: a writer waits for the other instead of failing with 'database is locked'"
    )
    func concurrentImports() throws {
        let database = NSTemporaryDirectory() + "chainrisk-concurrent-\(UUID().uuidString)/store.sqlite"
        let years = [2017, 2018, 2019]
        nonisolated(unsafe) var statuses = [Int32](repeating: -1, count: years.count)
        nonisolated(unsafe) var errors = [String](repeating: "", count: years.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: years.count) { index in
            let file = CLIRunner.sharedData + "/baci_sample/BACI_HS92_Y\(years[index])_V202501_sample0.1pct.csv"
            let result = try? CLIRunner().run(["import", file, "--name", "y\(years[index])", "--db", database])
            lock.withLock {
                statuses[index] = result?.status ?? -1
                errors[index] = result?.stderr ?? "did not run"
            }
        }
        #expect(statuses == [0, 0, 0], "\(errors)")
        let listed = try CLIRunner().run(["datasets", "--format", "json", "--db", database])
        #expect(years.allSatisfy { listed.stdout.contains("\"y\($0)\"") })
    }
}
