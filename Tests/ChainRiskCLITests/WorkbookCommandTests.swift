import Foundation
import Testing

/// `--format xlsx`: workbooks that openpyxl (what analysts' Python reads Excel with) opens, with the JSON's numbers.
@Suite("--format xlsx: workbooks read back with openpyxl")
struct WorkbookCommandTests {
    /// The first Python that imports openpyxl: the system one (Debian's python3-openpyxl, which scripts/setup.sh
    /// installs) or the one on PATH.
    static let python: [String] = {
        for candidate in [["/usr/bin/python3"], ["/usr/bin/env", "python3"]]
        where FileManager.default.isExecutableFile(atPath: candidate[0]) {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: candidate[0])
            probe.arguments = Array(candidate.dropFirst()) + ["-c", "import openpyxl"]
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            probe.waitUntilExit()
            if probe.terminationStatus == 0 { return candidate }
        }
        return ["/usr/bin/env", "python3"]
    }()

    /// Runs a Python script with openpyxl on `path`; its standard output parsed as JSON.
    static func openpyxl(_ script: String, _ path: String) throws -> Any {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python[0])
        process.arguments = Array(Self.python.dropFirst()) + ["-c", script, path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0, "openpyxl failed (scripts/setup.sh installs python3-openpyxl): \(errors)")
        return try JSONSerialization.jsonObject(with: data)
    }

    /// Sheet names, and per sheet the header, the rows and whether the header row is frozen.
    static let dump = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({"sheets": wb.sheetnames, "content": {ws.title: {"frozen": ws.freeze_panes,
            "rows": [[c.value for c in row] for row in ws.iter_rows()]} for ws in wb.worksheets}}))
        """

    static func temporary(_ name: String) -> String {
        NSTemporaryDirectory() + "chainrisk-xlsx-\(UUID().uuidString)-\(name)"
    }

    @Test(
        "report --format xlsx: Tables 1, 2, 4 and 5, policy options and provenance as sheets, numbers as numbers, header frozen"
    )
    func report() throws {
        let path = Self.temporary("report.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cli = CLIRunner()
        let run = try cli.run(["report", "--format", "xlsx", "--output", path])
        #expect(run.status == 0 && run.stderr.contains("chainrisk: wrote \(path)"), "\(run.stderr)")
        let book = try #require(try Self.openpyxl(Self.dump, path) as? [String: Any])
        let sheets = try #require(book["sheets"] as? [String])
        #expect(sheets.count >= 4)
        for name in ["Table 1", "Table 2", "Table 4", "Table 5", "Policy options", "Provenance"] {
            #expect(sheets.contains(name), "\(sheets)")
        }
        let content = try #require(book["content"] as? [String: [String: Any]])
        let table4 = try #require(content["Table 4"]?["rows"] as? [[Any]])
        #expect(content["Table 4"]?["frozen"] as? String == "A2")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run(["report", "--format", "json"]).stdout.utf8))
                as? [String: Any])
        let published = try #require(
            json["table4_largest_products"] as? [[String: Any]] ?? json["table4"] as? [[String: Any]],
            "\(json.keys.sorted())")
        #expect(table4.count == published.count + 1)
        let numbers = table4.dropFirst().flatMap { $0 }.filter { $0 is NSNumber }
        #expect(numbers.count >= published.count * 2, "Table 4 keeps its figures as numbers")
    }

    @Test("concentration --format xlsx: one data row per JSON row, HHI cells numbers equal to the JSON's")
    func concentration() throws {
        let path = Self.temporary("concentration.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cli = CLIRunner()
        let arguments = ["concentration", "--input", ImportCommandTests.comtradeNL, "--year", "2022"]
        let run = try cli.run(arguments + ["--format", "xlsx", "--output", path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run(arguments + ["--format", "json"]).stdout.utf8))
                as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let book = try #require(try Self.openpyxl(Self.dump, path) as? [String: Any])
        let sheet = try #require((book["content"] as? [String: [String: Any]])?["Concentration"]?["rows"] as? [[Any]])
        #expect(sheet.count == rows.count + 1 && rows.count > 20)
        let header = sheet[0].map { $0 as? String ?? "" }
        let hhi = try #require(header.firstIndex(of: "HHI"))
        let product = try #require(header.firstIndex(of: "Product"))
        for (row, expected) in zip(sheet.dropFirst(), rows) {
            #expect(row[product] as? String == expected["product"] as? String)
            if let value = expected["hhi"] as? Double { #expect((row[hhi] as? NSNumber)?.doubleValue == value) }
        }
        let withoutOutput = try cli.run(arguments + ["--format", "xlsx"])
        #expect(withoutOutput.status == 64 && withoutOutput.stderr.contains("--output"))
    }

    @Test("sectors, options and io multipliers write workbooks too; the same tables give the same bytes")
    func tableCommands() throws {
        let cli = CLIRunner()
        for arguments in [
            ["sectors"], ["options"],
            ["io", "multipliers", "--mrio", "\(CLIRunner.sharedData)/wiod2013/wiod2013_2011_nld11_Z.csv"],
        ] {
            let first = Self.temporary("a.xlsx")
            let second = Self.temporary("b.xlsx")
            defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
            #expect(try cli.run(arguments + ["--format", "xlsx", "--output", first]).status == 0)
            #expect(try cli.run(arguments + ["--format", "xlsx", "--output", second]).status == 0)
            #expect(
                FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second),
                "\(arguments)")
            let book = try #require(try Self.openpyxl(Self.dump, first) as? [String: Any])
            #expect((book["sheets"] as? [String])?.last == "Provenance", "\(arguments)")
        }
    }

    @Test(
        "a report computed for another reporter (EU27 Comtrade, DEU) names its sheets Table 4 and Table 5 too, with the JSON's rows"
    )
    func computedReport() throws {
        let cli = CLIRunner()
        let eu27 =
            CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"
        #expect(try cli.run(["import", eu27, "--name", "eu27"]).status == 0)
        let path = Self.temporary("deu.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let arguments = ["report", "--imports", "eu27", "--reporter", "DEU"]
        #expect(try cli.run(arguments + ["--format", "xlsx", "--output", path]).status == 0)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run(arguments + ["--format", "json"]).stdout.utf8))
                as? [String: Any])
        let book = try #require(try Self.openpyxl(Self.dump, path) as? [String: Any])
        let content = try #require(book["content"] as? [String: [String: Any]])
        let table4 = try #require(content["Table 4"]?["rows"] as? [[Any]])
        #expect(table4.count == ((json["table4"] as? [Any])?.count ?? -1) + 1 && table4.count > 5)
        #expect(content["Table 5"] != nil)
    }
}
