import Foundation
import Testing

/// Issue 11's acceptance runs: with the default production function and supplier switching, a temporary shock on China
/// recovers and the tables agree with themselves; BoARIO's setting (leontief, no switching) is said to be a collapse.
@Suite("chainrisk scenario: defaults an economist would sign")
struct ScenarioDefaultsTests {
    let nld11 = CLIRunner.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"

    func run(_ extra: [String]) throws -> [String: Any] {
        let result = try CLIRunner().run(["scenario", "--mrio", nld11, "--model", "ario", "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func totals(_ document: [String: Any]) throws -> [String: Double] {
        let rows = try #require(document["totals"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: rows.compactMap { row in
                (row["key"] as? String).map { ($0, row["value"] as? Double ?? .nan) }
            })
    }

    @Test(
        "CHN −50 % for 8 weeks: world loss ≤ 3 × the direct loss, Dutch troughs ≥ 80 %, losses and gains apart, one verdict"
    )
    func chinaEightWeeks() throws {
        let document = try run(["--shock", "CHN:0.5:8"])
        let totals = try totals(document)
        // 0.5 × China's output × 56 / 365: China's daily output (row totals of Z and Y in the nld11 CSVs, python3 csv
        // sums) is 61,013.15342465754 million USD, so the direct loss is 1,708,368.2958904111.
        #expect(abs((totals["direct_output_lost"] ?? 0) - 1_708_368.2958904111) < 1e-6)
        let world = try #require(totals["world_output_lost"])
        #expect(world >= (totals["direct_output_lost"] ?? 0) && world <= 3 * (totals["direct_output_lost"] ?? 0))
        #expect(abs((totals["world_loss_multiple"] ?? 0) - world / (totals["direct_output_lost"] ?? 1)) < 1e-12)
        let sectors = try #require(document["sectors"] as? [[String: Any]])
        #expect(sectors.count == 35)
        for row in sectors {
            let lost = row["output_lost"] as? Double ?? -1
            let gained = row["output_gained"] as? Double ?? -1
            #expect(lost >= 0 && gained >= 0)
            #expect((row["value_added_lost"] as? Double ?? .infinity) <= lost)
            #expect((row["trough_level_pct"] as? Double ?? 0) >= 80)
            #expect((row["days_below_99pct"] as? Int ?? 999) <= 300)
        }
        let mitigation = try #require(document["mitigation"] as? [[String: Any]])
        let verdicts = Dictionary(
            uniqueKeysWithValues: mitigation.map {
                ($0["sector"] as? String ?? "", ($0["stocks_bridge"] as? String ?? "").hasPrefix("yes"))
            })
        #expect(
            sectors.allSatisfy { verdicts[$0["sector"] as? String ?? ""] == ($0["stocks_bridge"] as? String == "yes") })
        #expect(mitigation.allSatisfy { ($0["time_to_survive_days"] as? Double ?? .infinity) <= 365 })
        let settings = try #require((document["provenance"] as? [String: Any])?["settings"] as? [String: String])
        #expect(settings["production_function"]?.hasPrefix("partial: ") == true)
        #expect(settings["substitution"]?.hasPrefix("buyers switch 50 %") == true)
        let notes = try #require(document["notes"] as? [String])
        #expect(notes.first?.hasPrefix("model: partial production function, substitution share 50 %") == true)
        #expect(!notes.contains { $0.hasPrefix("finding: collapse") })
    }

    @Test("two 70 % shocks on China lose exactly what one 100 % shock loses (losses combine to at most 100 %)")
    func combinedShocks() throws {
        let twice = try totals(try run(["--shock", "CHN:0.7:8", "--shock", "CHN:0.7:8"]))
        let once = try totals(try run(["--shock", "CHN:1:8"]))
        #expect(twice["world_output_lost"] == once["world_output_lost"])
        #expect(twice["direct_output_lost"] == once["direct_output_lost"])
    }

    @Test(
        "BoARIO's setting (leontief, no switching) on the same shock is reported as a collapse regime, not a forecast")
    func leontiefCollapse() throws {
        let document = try run(["--shock", "CHN:0.5:8", "--production", "leontief", "--substitution", "0"])
        let totals = try totals(document)
        #expect((totals["world_loss_multiple"] ?? 0) > 3)
        let notes = try #require(document["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("finding: collapse regime.") })
        #expect(notes.contains { $0.hasPrefix("finding: output lost worldwide is") })
        let sectors = try #require(document["sectors"] as? [[String: Any]])
        #expect(
            sectors.allSatisfy {
                ($0["output_lost"] as? Double ?? -1) >= 0
                    && ($0["value_added_lost"] as? Double ?? .infinity) <= ($0["output_lost"] as? Double ?? 0)
            })
    }

    @Test(
        "shocks that would do nothing or cannot be simulated are usage errors (64) naming the field",
        arguments: [
            (["--shock", "ZZZ:0.5:8"], "unknown region 'ZZZ'"),
            (["--shock", "TWN:c14:0.5:1e300"], "the weeks '1e300'"),
            (["--shock", "TWN:c14:1.5:8"], "the loss '1.5'"),
            (["--shock", "TWN:c14:0.5:-3"], "the weeks '-3'"),
            (["--shock", "TWN:c14:0.5:0"], "the weeks '0'"),
            (["--shock", "TWN:c99:0.5:8"], "unknown sector 'c99'"),
            (["--shock", "TWN:hs9999:0.5:8"], "product '9999'"),
            (["--shock", "CHN:0.5:8", "--start-day", "365"], "beyond the 365 simulated days"),
            (["--shock", "CHN:0.5:8", "--substitution", "1.5"], "--substitution must be a number from 0 to 1"),
        ])
    func refused(_ arguments: [String], _ message: String) throws {
        let result = try CLIRunner().run(["scenario", "--mrio", nld11, "--model", "ario"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("a reporter the table lacks is bad data (65) on the command line, as over HTTP (422 unknown_region)")
    func unknownReporter() throws {
        let result = try CLIRunner().run(["scenario", "--mrio", nld11, "--event", "2", "--reporter", "XYZ"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("unknown region 'XYZ'; the table has NLD, DEU"), "\(result.stderr)")
    }
}
