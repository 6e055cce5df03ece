import Foundation
import Testing

/// Issue 26's dynamic checks: no day-0 jump, the switch-back named where it happens, and one verdict from the
/// simulation in every table.
@Suite("chainrisk scenario: no day-0 artefacts, one verdict from the simulation")
struct ScenarioArtefactTests {
    let nld11 = CLIRunner.sharedData + "/wiod2013/wiod2013_2011_nld11_Z.csv"

    @Test("CHN −50 % for 8 weeks: no Dutch sector above 101 % of baseline on days 0–2, and none jumps on day 0")
    func noDayZeroJump() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "CHN:0.5:8", "--series", "--days", "3", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        let day = try #require(header.firstIndex(of: "day"))
        let level = try #require(header.firstIndex(of: "level"))
        var levels: [Int: [Double]] = [:]
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            levels[Int(cells[day]) ?? -1, default: []].append(Double(cells[level]) ?? .nan)
        }
        #expect(levels.keys.sorted() == [0, 1, 2])
        #expect(levels.values.allSatisfy { $0.count == 35 && $0.allSatisfy { $0 <= 1.01 } })
        // Day 0: switched orders find no headroom yet (it opens as 1.25 − 0.25·e^(−t/60)).
        #expect(levels[0]?.allSatisfy { $0 <= 1 + 1e-9 } == true)
    }

    @Test("every verdict, in both tables, agrees with the simulated shortage days; the switch-back is named")
    func verdictFromSimulation() throws {
        for shock in ["CHN:0.5:8", "TWN:c14:0.5:8", "DEU:c12:0.3:4"] {
            let result = try CLIRunner().run([
                "scenario", "--mrio", nld11, "--shock", shock, "--format", "json",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let sectors = try #require(document["sectors"] as? [[String: Any]])
            let mitigation = try #require(document["mitigation"] as? [[String: Any]])
            let shortage = Dictionary(
                uniqueKeysWithValues: sectors.map { ($0["sector"] as? String ?? "", $0["shortage_days"] as? Int ?? -1) }
            )
            for row in sectors {
                let yes = (row["stocks_bridge"] as? String) == "yes"
                #expect(yes == (row["shortage_days"] as? Int == 0), "\(shock) \(row)")
            }
            for row in mitigation {
                let days = row["shortage_days"] as? Int
                #expect(days == shortage[row["sector"] as? String ?? ""])
                let verdict = row["stocks_bridge"] as? String ?? ""
                #expect(verdict.hasPrefix(days == 0 ? "yes" : "no"), "\(shock) \(row)")
            }
            if shock == "CHN:0.5:8" {
                let notes = try #require(document["notes"] as? [String])
                #expect(notes.contains { $0.hasPrefix("finding: ") && $0.contains("This is the switch-back") })
            }
        }
    }

    @Test("a static run has no simulation: its verdict is marked as the estimate")
    func staticVerdictIsEstimate() throws {
        let result = try CLIRunner().run([
            "scenario", "--mrio", nld11, "--shock", "CHN:0.5:8", "--model", "leontief", "--format", "json",
        ])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let mitigation = try #require(document["mitigation"] as? [[String: Any]])
        #expect(!mitigation.isEmpty)
        #expect(mitigation.allSatisfy { ($0["stocks_bridge"] as? String ?? "").contains("(estimate)") })
        #expect(mitigation.allSatisfy { $0["shortage_days"] is NSNull })
    }
}
