import Foundation
import Testing

/// `chainrisk concentration --input BACI…` takes the columnar path; `CHAINRISK_GENERAL_PATH=1` forces the general
/// one. Both must print the same bytes, and a malformed file must fail the same way.
@Suite("chainrisk concentration on BACI files: columnar and general paths agree")
struct ConcentrationColumnarTests {
    static let samples = (2017...2023).flatMap {
        ["--input", CLIRunner.sharedData + "/baci_sample/BACI_HS92_Y\($0)_V202501_sample0.1pct.csv"]
    }

    /// Runs `arguments` on both paths and expects success and identical output.
    static func expectSameOutput(_ arguments: [String]) throws {
        let cli = CLIRunner()
        let columnar = try cli.run(["concentration"] + arguments)
        let general = try cli.run(["concentration"] + arguments, environment: ["CHAINRISK_GENERAL_PATH": "1"])
        #expect(columnar.status == 0, "\(columnar.stderr)")
        #expect(general.status == 0, "\(general.stderr)")
        #expect(!columnar.stdout.isEmpty)
        #expect(columnar.stdout == general.stdout)
        #expect(columnar.stderr == general.stderr)
    }

    @Test(
        "the seven real BACI sample years: same bytes for every supported option",
        arguments: [
            ["--format", "csv"],
            ["--format", "csv", "--level", "4", "--top", "5"],
            ["--format", "csv", "--level", "2", "--thresholds", "us2023", "--class", "high"],
            [
                "--format", "csv", "--reporter", "NLD", "--reporter", "DEU", "--year", "2019", "--year", "2022",
                "--product", "8",
            ],
            ["--format", "csv", "--min-value", "1.5", "--thresholds", "0.3"],
            ["--format", "json", "--reporter", "FRA", "--level", "4"],
            ["--format", "table", "--top", "3", "--lang", "nl"],
            ["--format", "markdown", "--class", "somewhat", "--level", "2"],
        ])
    func samples(options: [String]) throws {
        try Self.expectSameOutput(Self.samples + options)
    }

    @Test(
        "the seven sample years stored as one dataset: the store's columns give the same bytes as its rows and as the files"
    )
    func storedDataset() throws {
        let cli = CLIRunner()
        let files = stride(from: 1, to: Self.samples.count, by: 2).map { Self.samples[$0] }
        let imported = try cli.run(["import"] + files + ["--name", "baci"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // --trend takes the rows the dashboard and the report read (`datasetConcentration`), also columnar now.
        for options in [
            ["--format", "csv", "--year", "all"],
            ["--format", "json", "--reporter", "DEU", "--level", "4", "--top", "5"],
            ["--format", "csv", "--level", "2", "--thresholds", "us2023", "--class", "high"],
            ["--format", "csv", "--trend", "--level", "4"],
            ["--format", "csv", "--trend", "--product", "84", "--reporter", "FRA"],
        ] {
            let columnar = try cli.run(["concentration", "--dataset", "baci"] + options)
            let general = try cli.run(
                ["concentration", "--dataset", "baci"] + options, environment: ["CHAINRISK_GENERAL_PATH": "1"])
            #expect(columnar.status == 0 && !columnar.stdout.isEmpty, "\(columnar.stderr)")
            #expect(columnar.stdout == general.stdout, "\(options)")
            if options.first == "--format", options[1] == "csv" {
                let file = try cli.run(["concentration"] + Self.samples + options)
                #expect(columnar.stdout == file.stdout, "\(options)")
            }
        }
    }

    @Test(
        "a generated BACI year (CHAINRISK_BENCH_FILE, e.g. the benchmark's 1M-row file): same CSV bytes",
        .enabled(if: ProcessInfo.processInfo.environment["CHAINRISK_BENCH_FILE"] != nil),
        .timeLimit(.minutes(30))
    )
    func benchmarkFile() throws {
        let path = try #require(ProcessInfo.processInfo.environment["CHAINRISK_BENCH_FILE"])
        try Self.expectSameOutput(["--input", path, "--format", "csv"])
    }

    @Test("a malformed line: exit 65 with its file, line and column, on both paths")
    func malformedLine() throws {
        let cli = CLIRunner()
        var text = "t,i,j,k,v,q\n"
        let badLine = 4321
        for line in 2...5000 {
            text +=
                line == badLine
                ? "2021,4,8,10119,1.2.3,1\n" : "2021,\(4 + line % 700),\(8 + line % 5),\(100_000 + line % 9000),1.5,\n"
        }
        let path = try cli.file("BACI_HS92_Y2021_bad.csv", text)
        for environment in [[:], ["CHAINRISK_GENERAL_PATH": "1"]] {
            let result = try cli.run(["concentration", "--input", path, "--format", "csv"], environment: environment)
            #expect(result.status == 65)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr == "chainrisk: \(path):\(badLine):16: expected a number in column 'v', found '1.2.3'\n")
        }
    }

    /// Every option of `concentration`, by what the columnar path does with it. A new option must be added to
    /// `ColumnarConcentrationRun.supports` (Sources/ChainRiskUseCases/ColumnarConcentrationRun.swift) — implemented there, or sending
    /// the command to the general path — and then here; otherwise the columnar path would silently ignore it.
    static let columnarOptions: Set<String> = [
        "input", "input-format", "classification", "reporter", "year", "product", "flow", "level", "thresholds",
        "class",
        "min-value", "top", "format", "lang", "db", "output", "raw-csv",
    ]
    static let generalOnlyOptions: Set<String> = [
        "dataset", "map", "file-flow", "file-year", "file-reporter", "unit", "relevant-only", "sensitivity", "drill",
        "world-dataset", "world-input", "trend", "criteria", "risk-scores", "strict", "hs-version",
    ]

    @Test("every option of concentration is known to the columnar path's eligibility check")
    func optionsAreClassified() throws {
        let result = try CLIRunner().run(["concentration", "--experimental-dump-help"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let command = try #require(json["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        let names = Set(
            arguments.compactMap { argument in
                (argument["names"] as? [[String: Any]])?.first { $0["kind"] as? String == "long" }?["name"] as? String
            }
        ).subtracting(["help", "version"])
        #expect(names == Self.columnarOptions.union(Self.generalOnlyOptions))
    }
}
