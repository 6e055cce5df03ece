import Foundation
import Testing

@Suite("chainrisk scenario, end to end")
struct ScenarioCommandTests {
    let nld11 = CLIRunner.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("--event 2 --model ario: the Taiwan earthquake scaled into ASIAPAC_OTH, Dutch sectors ranked, stocks judged")
    func earthquakeARIO() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--event", "2", "--model", "ario", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let sectors = try #require(document["sectors"] as? [[String: Any]])
        #expect(sectors.count == 35)
        #expect(
            sectors.allSatisfy {
                $0["region"] as? String == "NLD" && ["yes", "no"].contains($0["stocks_bridge"] as? String)
            })
        let losses = sectors.compactMap { $0["output_lost"] as? Double }
        #expect(losses == losses.sorted(by: >))
        #expect((losses.first ?? 0) > 0)
        // TWN's share of ASIAPAC_OTH c14 output: x(TWN,c14) / Σ x(AUS, IDN, IND, JPN, KOR, TWN; c14) from
        // wiod2013_2011_full_x.csv and the nld11 region map (python3 csv sums) = 0.14407836596737028.
        let scaling = try #require(document["shock_scaling"] as? [[String: Any]])
        let c14 = try #require(scaling.first { $0["sector"] as? String == "c14" })
        #expect(c14["region"] as? String == "ASIAPAC_OTH")
        #expect(abs((c14["output_share_pct"] as? Double ?? 0) - 14.407836596737028) < 1e-9)
        #expect(abs((c14["effective_loss_pct"] as? Double ?? 0) - 0.2 * 14.407836596737028) < 1e-9)
        let settings = try #require((document["provenance"] as? [String: Any])?["settings"] as? [String: Any])
        #expect(settings["model"] as? String == "ario")
        #expect(settings["scenario_source"] as? String == "event 2")
        #expect((document["mitigation"] as? [Any])?.count == 35)
    }

    @Test(
        "inventory days beyond ten years are refused with the limit, not turned into infinite stocks and NaN rows",
        arguments: ["1e308", "c14=1e308", "3651"])
    func inventoryDaysBounded(days: String) throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "DEU:c14:0.5:8", "--inventory-days", days,
        ])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("at most 3650"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("the same run gives the same bytes")
    func deterministic() throws {
        let arguments = ["scenario", "--mrio", nld11, "--shock", "TWN:c14:0.5:8", "--model", "iim", "--format", "json"]
        let first = try CLIRunner().run(arguments)
        let second = try CLIRunner().run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
    }

    @Test("--series --format csv prints one row per day and Dutch sector")
    func series() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "CHN:c14:0.3:2", "--days", "20", "--series", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(
            lines.first
                == "day,region,sector,production,baseline,level,unmet_final_demand,inventory_cover_days,limiting_input,capacity_loss"
        )
        #expect(lines.count == 1 + 20 * 35)
    }

    @Test("--model direct: import value at risk from Comtrade flows, 9401 from CHN and IDN in 2021")
    func direct() throws {
        let file =
            CLIRunner.sharedData + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        let result = try CLIRunner().run([
            "scenario", "--model", "direct", "--input", file, "--shock", "CHN+IDN:0.5:13", "--year", "2021", "--format",
            "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let products = try #require(try json(result.stdout)["products"] as? [[String: Any]])
        let seats = try #require(products.first)
        #expect(seats["product"] as? String == "9401")
        #expect(seats["sector"] as? String == "c16")
        // python3: Σ primaryValue_usd of 2021 rows with cmdCode 9401 and partner CHN or IDN = 1000083606.794;
        // × 0.5 × 13/52 = 125010450.84925.
        #expect(abs((seats["value_at_risk"] as? Double ?? 0) - 125_010_450.84925) < 1e-3)
    }

    @Test(
        "bad shocks, unknown events and missing tables are usage errors (64); a bad scenario file is bad data (65) at file:line:column"
    )
    func errors() throws {
        let cli = CLIRunner()
        let badShock = try cli.run(["scenario", "--mrio", nld11, "--shock", "TWN:2:5"])
        #expect(badShock.status == 64)
        #expect(badShock.stderr.contains("between 0 and 1"))
        let noEvent = try cli.run(["scenario", "--mrio", nld11, "--event", "99"])
        #expect(noEvent.status == 64)
        let noTable = try cli.run(["scenario", "--event", "2", "--model", "leontief"])
        #expect(noTable.status == 64)
        let file = try cli.file("bad.json", "{\"shocks\": [\n {\"regions\": [\"TWN\"], \"loss\": 0.5, \"weeks\": -1}]}")
        let badFile = try cli.run(["scenario", "--mrio", nld11, "--file", file, "--model", "leontief"])
        #expect(badFile.status == 65)
        #expect(badFile.stderr.contains("bad.json:2:45"), "\(badFile.stderr)")
    }
}
