import ChainRiskTestSupport
import Foundation
import Testing

/// Every chart the HTML report draws — bars, scatter, heatmap, timeline — keeps its labels apart and inside, for the
/// letter, for Germany (Comtrade extract) and for Japan (BACI, HS 1992 names), in English and Dutch.
@Suite("charts of the HTML report: no overlapping or clipped labels")
struct ChartLayoutTests {
    @Test("built-in, DEU and JPN reports, English and Dutch")
    func reports() throws {
        let cli = CLIRunner()
        let eu27 =
            CLIRunner.sharedData + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"
        let baci = CLIRunner.sharedData + "/baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv"
        #expect(try cli.run(["import", eu27, "--name", "eu27"]).status == 0)
        #expect(try cli.run(["import", baci, "--name", "baci"]).status == 0)
        for arguments in [
            ["report"], ["report", "--imports", "eu27", "--reporter", "DEU"],
            ["report", "--imports", "baci", "--reporter", "JPN"],
        ] {
            for language in ["en", "nl"] {
                let result = try cli.run(arguments + ["--format", "html", "--lang", language])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                let charts = ChartLabelCheck.charts(result.stdout)
                #expect(charts.count >= 3, "\(arguments) \(language): \(charts.map(\.title))")
                let problems = ChartLabelCheck.problems(result.stdout)
                #expect(problems.isEmpty, "\(arguments) \(language): \(problems.prefix(12))")
            }
        }
    }
}
