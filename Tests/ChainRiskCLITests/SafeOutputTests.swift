import Foundation
import Testing

/// Outputs that other programs open: spreadsheets, Markdown renderers, terminals, device nodes.
@Suite(
    "safe outputs: CSV formulas neutralised, Markdown escaped, one dataset name rule, --output only to regular files")
struct SafeOutputTests {
    /// The CSV's fields, quoted fields unquoted (RFC 4180).
    func fields(_ csv: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previous: Character = " "
        for character in csv {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," || character == "\n" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return fields
    }

    /// Fields a spreadsheet would run: beginning with =, +, -, @ and not a plain number.
    func formulas(_ csv: String) -> [String] {
        fields(csv).filter { field in
            guard let first = field.first, "=+-@".contains(first), field.count > 1 else { return false }
            return Double(field) == nil
        }
    }

    @Test("concentration, events and io multipliers write no cell a spreadsheet would evaluate; --raw-csv keeps them")
    func formulaCells() throws {
        let cli = CLIRunner()
        let trade = try cli.file(
            "inject.csv",
            """
            year,reporter,partner,product,flow,value,classification,unit,quantity,status
            2018,NLD,AUT,4401,import,100,HS2017,USD,,reported
            2018,NLD,BEL,=1+2,import,50,HS2017,USD,,reported
            2018,NLD,@SUM(A1),4402,import,50,HS2017,USD,,reported

            """)
        let events = try cli.file(
            "events.csv",
            """
            id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks
            101,=HYPERLINK("http://x"),-2+3,idiosyncratic,2022-06,NL;BE,120,3

            """)
        let zFile = try cli.file(
            "inj_Z.csv", "row,NLD_=1+2,NLD_@SUM(A1),DEU_-2+3\nNLD_=1+2,10,1,2\nNLD_@SUM(A1),1,10,2\nDEU_-2+3,1,1,10\n")
        try "row,NLD_FD,DEU_FD\nNLD_=1+2,50,5\nNLD_@SUM(A1),50,5\nDEU_-2+3,5,50\n"
            .write(toFile: zFile.replacingOccurrences(of: "_Z.csv", with: "_Y.csv"), atomically: true, encoding: .utf8)
        let commands: [([String], String)] = [
            (["concentration", "--input", trade, "--format", "csv"], "=1+2"),
            (["events", "--file", events, "--format", "csv"], "=HYPERLINK(\"http://x\")"),
            (["io", "multipliers", "--mrio", zFile, "--format", "csv"], "@SUM(A1)"),
        ]
        for (arguments, raw) in commands {
            let safe = try cli.run(arguments)
            #expect(safe.status == 0, "\(arguments): \(safe.stderr)")
            #expect(formulas(safe.stdout).isEmpty, "\(arguments): \(formulas(safe.stdout))")
            #expect(fields(safe.stdout).contains("'" + raw), "\(arguments): \(safe.stdout)")
            let kept = try cli.run(arguments + ["--raw-csv"])
            #expect(kept.status == 0)
            #expect(fields(kept.stdout).contains(raw), "\(arguments) --raw-csv: \(kept.stdout)")
        }
    }

    @Test("Markdown shows HTML from the inputs as text")
    func markdownEscapesHTML() throws {
        let cli = CLIRunner()
        let events = try cli.file(
            "events.csv",
            """
            id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks
            101,<script>alert(1)</script>,<img src=x onerror=alert(1)>,idiosyncratic,2022-06,NL;BE,120,3

            """)
        for language in ["en", "nl"] {
            let result = try cli.run([
                "events", "--file", events, "--format", "markdown", "--by", "year", "--lang", language,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let listed = try cli.run(["events", "--file", events, "--format", "markdown", "--lang", language])
            for text in [result.stdout, listed.stdout] {
                #expect(!text.contains("<script>") && !text.contains("<img"), "\(text)")
            }
            #expect(
                listed.stdout.contains(
                    language == "en" ? "&lt;script>alert(1)&lt;/script>" : "&lt;img src=x onerror=alert(1)>"),
                "\(listed.stdout)")
        }
    }

    @Test(
        "a new dataset's name follows the API's rule on the CLI too",
        arguments: ["", "a\nfake row", "\u{1B}[31mred", String(repeating: "n", count: 10_000), "_under", "spa ce"])
    func datasetNames(name: String) throws {
        let cli = CLIRunner()
        let good = BadInputCorpus.baseline
        let refused = try cli.run(["import", good, "--name", name])
        #expect(refused.status == 64, "\(refused.stderr)")
        #expect(refused.stderr.contains("is not allowed"), "\(refused.stderr)")
        let listing = try cli.run(["datasets", "--format", "json"])
        #expect(!listing.stdout.contains("fake row") && !listing.stdout.contains("\u{1B}"))
    }

    @Test(
        "a file name that is no dataset name gives a valid default name; a name stored before the rule is still read and removed"
    )
    func derivedName() throws {
        let cli = CLIRunner()
        let text = try String(contentsOfFile: BadInputCorpus.baseline, encoding: .utf8)
        let path = try cli.file("my data (2).csv", text)
        let result = try cli.run(["import", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dataset 'my_data__2_'"), "\(result.stdout)")
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "sqlite3", cli.database, "UPDATE datasets SET name = 'old name (2)' WHERE name = 'my_data__2_'",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0)
        let read = try cli.run(["concentration", "--dataset", "old name (2)", "--format", "csv"])
        #expect(read.status == 0, "\(read.stderr)")
        let removed = try cli.run(["datasets", "remove", "old name (2)"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!(try cli.run(["datasets"])).stdout.contains("old name"))
    }

    @Test("--output onto a device node, pipe or folder is refused and the node is left as it was")
    func outputOnlyToRegularFiles() throws {
        let cli = CLIRunner()
        let folder = NSTemporaryDirectory() + "chainrisk-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pipe = folder + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        for target in ["/dev/full", "/dev/null", pipe, folder] {
            for arguments in [
                ["report", "--format", "html", "--output", target], ["events", "--format", "xlsx", "--output", target],
            ] {
                let result = try cli.run(arguments)
                #expect(result.status == 64, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains("not a regular file"), "\(result.stderr)")
            }
        }
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        #expect(lstat(pipe, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        // A regular file and a new path are written.
        let written = try cli.run(["report", "--format", "html", "--output", folder + "/report.html"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/report.html"))
    }
}
