import Foundation
import Testing

/// `--format` and `--output` as `--help` states them: every value listed works, on standard output and into a file.
@Suite("every --format value a command's --help lists works, on standard output and with --output")
struct FormatMatrixTests {
    static let nld11 = CLIRunner.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"
    static let comtrade =
        CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
    static let world = CLIRunner.sharedData + "/world_exports_oec/world_exports_by_country_hs4_2017.csv"

    static let commands: [[String]] = [
        ["report"], ["sectors"], ["events"], ["options"],
        ["concentration", "--input", comtrade, "--year", "2022", "--top", "5"],
        [
            "world-market", "--input", world, "--input-format", "csv", "--map",
            "reporter=reporter_iso,product=product_code,value=export_value_usd",
            "--file-flow", "export", "--file-year", "2017", "--classification", "HS4", "--product", "44",
        ],
        ["origins", "--mrio", nld11], ["io", "multipliers", "--mrio", nld11, "--top", "3"],
        ["io", "validate", "--mrio", nld11],
        ["scenario", "--mrio", nld11, "--shock", "DEU:c14:0.5:8", "--model", "iim"],
    ]

    /// The values `--help` lists for `--format`: its entry under OPTIONS, up to the next option.
    static func formats(_ help: String) -> [String] {
        let lines = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("--format <format>") }) else { return [] }
        let entry = ([lines[start]] + lines[(start + 1)...].prefix { !$0.hasPrefix("-") }).joined(separator: " ")
        guard let values = entry.range(of: "(values: ") else { return [] }
        let list = entry[values.upperBound...].prefix { $0 != ";" && $0 != ")" }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test(
        "each listed format: exit 0 with output on standard output (a file for xlsx), and the same bytes through --output",
        arguments: commands)
    func formatsWork(command: [String]) throws {
        let cli = CLIRunner()
        let help = try cli.run(command.prefix { !$0.hasPrefix("--") } + ["--help"])
        let listed = Self.formats(help.stdout)
        #expect(listed.count >= 2, "\(command): --help lists no formats: \(help.stdout)")
        let folder = NSTemporaryDirectory() + "chainrisk-formats-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for format in listed {
            let file = folder + "/out.\(format)"
            let written = try cli.run(command + ["--format", format, "--output", file])
            #expect(written.status == 0, "\(command) --format \(format) --output: \(written.stderr.prefix(300))")
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            #expect(size > 0, "\(command) --format \(format) wrote nothing to --output")
            #expect(written.stdout.isEmpty, "\(command) --format \(format) --output also printed")
            guard format != "xlsx" else { continue }
            let printed = try cli.run(command + ["--format", format])
            #expect(
                printed.status == 0 && !printed.stdout.isEmpty,
                "\(command) --format \(format): \(printed.stderr.prefix(300))")
            #expect(
                Data(printed.stdout.utf8) == FileManager.default.contents(atPath: file),
                "\(command) --format \(format): --output differs from standard output")
        }
    }
}
