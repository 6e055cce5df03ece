import Foundation
import Testing

/// `scenario --compare` and `--demand`: the models against the direct loss, on the nld11 table, with the static
/// parts from the numpy hypothetical extraction (`scripts/expected/static_supply_shock.py`).
@Suite("chainrisk scenario --compare and --demand")
struct ScenarioCompareTests {
    let nld11 = CLIRunner.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"

    /// The numpy world sum of `measure` for `shock` on the nld11 table.
    func numpy(_ shock: String, _ measure: String) throws -> Double {
        let text = try String(
            contentsOfFile: CLIRunner.packageRoot.path
                + "/Tests/ChainRiskSimulationTests/Fixtures/static_shocks_wiod.csv", encoding: .utf8)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("nld11,\(shock),\(measure),") })
        return try #require(Double(row.split(separator: ",")[3]))
    }

    func close(_ actual: Double?, _ expected: Double) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= 1e-9 * abs(expected)
    }

    @Test("--compare: every model's row against the direct loss; static worlds ≥ direct and equal to numpy")
    func compare() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "CHN:0.5:8", "--compare", "--days", "60", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(document["models"] as? [[String: Any]])
        #expect(rows.compactMap { $0["model"] as? String } == ["leontief", "ghosh", "iim", "ario"])
        let direct = try numpy("CHN:0.5:8", "supply_direct")
        let upstream = try numpy("CHN:0.5:8", "supply_upstream")
        let downstream = try numpy("CHN:0.5:8", "supply_downstream")
        for row in rows.prefix(3) {
            #expect(close(row["direct_loss"] as? Double, direct))
            let world = try #require(row["world_output_lost"] as? Double)
            #expect(world >= direct)
            let expected = row["model"] as? String == "ghosh" ? direct + downstream : direct + upstream
            #expect(close(world, expected), "\(row)")
        }
        let ario = try #require(rows.last)
        #expect(ario["upstream_loss"] is NSNull && ario["downstream_loss"] is NSNull)
        let settings = try #require((document["provenance"] as? [String: Any])?["settings"] as? [String: Any])
        #expect(settings["model"] as? String == "compare: leontief, ghosh, iim, ario")
        #expect(settings["shock_kind"] as? String == "supply")
    }

    @Test("--demand keeps Leontief's meaning (lost final demand), named as such; Ghosh and ARIO refuse it")
    func demand() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "TWN:c14:0.5:8", "--model", "leontief", "--demand", "--format",
            "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let totals = try #require(document["totals"] as? [[String: Any]])
        let value = { (key: String) in totals.first { $0["key"] as? String == key }?["value"] as? Double }
        #expect(close(value("direct_output_lost"), try numpy("TWN:c14:0.5:8", "demand_direct")))
        #expect(close(value("upstream_output_lost"), try numpy("TWN:c14:0.5:8", "demand_upstream")))
        #expect(value("downstream_output_lost") == 0)
        let notes = try #require(document["notes"] as? [String])
        #expect(notes.first?.hasPrefix("demand shock: final buyers forgo") == true)
        let trade = try CLIRunner().run([
            "scenario", "--model", "direct", "--shock", "CHN:0.5:8", "--compare", "--input",
            CLIRunner.sharedData
                + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv",
        ])
        #expect(trade.status == 64 && trade.stderr.contains("--compare sets the table models side by side"))
        for model in ["ghosh", "ario"] {
            let refused = try CLIRunner().run([
                "scenario", "--mrio", nld11, "--shock", "TWN:c14:0.5:8", "--model", model, "--demand",
            ])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("--demand (lost final demand) needs a demand-driven static model"))
        }
    }

    @Test("every ARIO result carries its band: central inside, width stated, the assumption that moves it named")
    func dynamicBand() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "CHN:0.5:8", "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let band = try #require(document["band"] as? [[String: Any]])
        #expect(band.compactMap { $0["key"] as? String } == ["world_output_lost", "reporter_output_lost"])
        let totals = try #require(document["totals"] as? [[String: Any]])
        for row in band {
            let (low, central, high) = (
                row["low"] as? Double ?? .nan, row["central"] as? Double ?? .nan, row["high"] as? Double ?? .nan
            )
            #expect(low <= central && central <= high && low < high)
            #expect(abs((row["width"] as? Double ?? 0) - (high - low)) <= 1e-9 * high)
            let total = totals.first { $0["key"] as? String == row["key"] as? String }?["value"] as? Double
            #expect(total == central)
            #expect(
                ["stock days", "switching share", "production function"].contains(row["moved_most_by"] as? String))
        }
        let runs = try #require(document["band_runs"] as? [[String: Any]])
        #expect(runs.count == 6)
        #expect(
            runs.compactMap { $0["parameter"] as? String } == [
                "none", "stock days", "stock days", "switching share", "switching share", "production function",
            ])
        let notes = try #require(document["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("range: NLD loses ") && $0.contains("moves it most") })
        let without = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "CHN:0.5:8", "--no-band", "--format", "json",
        ])
        let bare = try #require(try JSONSerialization.jsonObject(with: Data(without.stdout.utf8)) as? [String: Any])
        #expect(bare["band"] == nil && bare["totals"] != nil)
    }

    @Test("a static result's band: the direct loss alone, the model, both directions (numpy's parts)")
    func staticBand() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "TWN:c14:0.5:8", "--model", "leontief", "--format", "json",
        ])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let band = try #require(document["band"] as? [[String: Any]])
        let world = try #require(band.first { $0["key"] as? String == "world_output_lost" })
        let direct = try numpy("TWN:c14:0.5:8", "supply_direct")
        let upstream = try numpy("TWN:c14:0.5:8", "supply_upstream")
        let downstream = try numpy("TWN:c14:0.5:8", "supply_downstream")
        #expect(close(world["low"] as? Double, direct))
        #expect(close(world["central"] as? Double, direct + upstream))
        #expect(close(world["high"] as? Double, direct + upstream + downstream))
        #expect(world["moved_most_by"] as? String == "propagation")
    }

    @Test("the band's runs are the runs a user would make: stock days x 0.5 equals --inventory-days with halved days")
    func bandRunsReproduce() throws {
        let csv = try String(
            contentsOfFile: CLIRunner.packageRoot.path
                + "/Sources/ChainRiskIngest/BuiltIn/simulation/inventory_days_wiod35.csv", encoding: .utf8)
        let halved = csv.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",")
            return "\(cells[0])=\((Double(cells[2]) ?? 0) * 0.5)"
        }.joined(separator: ",")
        let reporter = { (arguments: [String]) throws -> [String: Any] in
            let result = try CLIRunner().run(
                ["scenario", "--mrio", self.nld11, "--shock", "DEU:c12:0.3:4", "--format", "json"] + arguments)
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let banded = try reporter([])
        let runs = try #require(banded["band_runs"] as? [[String: Any]])
        let half = try #require(
            runs.first { $0["parameter"] as? String == "stock days" && $0["setting"] as? String == "x 0.5" })
        let direct = try reporter(["--inventory-days", halved, "--no-band"])
        let totals = try #require(direct["totals"] as? [[String: Any]])
        let own = totals.first { $0["key"] as? String == "reporter_output_lost" }?["value"] as? Double
        #expect(own != nil && own == half["reporter_output_lost"] as? Double)
        let switched = try reporter(["--substitution", "0", "--no-band"])
        let zero = try #require(
            runs.first { $0["parameter"] as? String == "switching share" && $0["setting"] as? String == "0.0" })
        let switchedTotals = try #require(switched["totals"] as? [[String: Any]])
        #expect(
            switchedTotals.first { $0["key"] as? String == "world_output_lost" }?["value"] as? Double
                == zero["world_output_lost"] as? Double)
    }
}
