import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

@testable import ChainRiskSimulation

/// The static models' supply and demand shocks on the real WIOD 2011 tables against an independent numpy
/// hypothetical extraction (`python3 scripts/expected/static_supply_shock.py` writes Fixtures/static_shocks_wiod.csv).
@Suite("Static shocks on WIOD 2011: hypothetical extraction against numpy")
struct StaticShockWIODTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let wiod = root.deletingLastPathComponent().path + "/shared/data/wiod2013/wiod2013_2011_"
    static let shocks = [
        ("TWN:c14:0.5:8", Shock(regions: ["TWN"], sectors: ["c14"], capacityLoss: 0.5, durationWeeks: 8)),
        ("CHN:0.5:8", Shock(regions: ["CHN"], sectors: [], capacityLoss: 0.5, durationWeeks: 8)),
        ("DEU:c12:0.3:4", Shock(regions: ["DEU"], sectors: ["c12"], capacityLoss: 0.3, durationWeeks: 4)),
    ]

    /// measure → (world sum, NLD c1…c35), per table and shock.
    static func expected() throws -> [String: (world: Double, reporter: [Double])] {
        let text = try String(
            contentsOfFile: root.path + "/Tests/ChainRiskSimulationTests/Fixtures/static_shocks_wiod.csv",
            encoding: .utf8)
        var rows: [String: (Double, [Double])] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let numbers = cells.dropFirst(3).compactMap(Double.init)
            rows[cells[0] + " " + cells[1] + " " + cells[2]] = (numbers[0], Array(numbers.dropFirst()))
        }
        return rows
    }

    func close(_ actual: Double, _ expected: Double, scale: Double) -> Bool {
        abs(actual - expected) <= 1e-9 * max(abs(expected), scale)
    }

    @Test(
        "every part, world and Dutch industries, equals numpy to 1e-9; world loss ≥ direct loss",
        arguments: ["nld11", "full"])
    func againstNumpy(table name: String) throws {
        let intermediate = Self.wiod + (name == "nld11" ? "nld11_Z.csv" : "full_Z_long.csv.gz")
        let table = try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: intermediate)).table
        let scaling = try RegionScalingReader.read(
            regionMap: InputFile(path: Self.wiod + "nld11_region_map.csv"),
            countryOutput: InputFile(path: Self.wiod + "full_x.csv"))
        let expected = try Self.expected()
        let reporter = table.indices(ofRegion: "NLD")
        #expect(reporter.count == 35)
        for (spec, shock) in Self.shocks {
            let plan = ShockPlanner(sectors: table.sectors, scaling: name == "nld11" ? scaling : .none).plan(
                Scenario(name: spec, source: "test", shocks: [shock]))
            var runs: [(String, StaticPropagation.Result)] = []
            for model in StaticPropagation.Model.allCases {
                runs.append(("supply", try StaticPropagation.run(model, table: table, plan: plan)))
            }
            runs.append(("demand", try StaticPropagation.run(.leontief, table: table, plan: plan, kind: .demand)))
            runs.append(("demand", try StaticPropagation.run(.iim, table: table, plan: plan, kind: .demand)))
            for (kind, result) in runs {
                let parts = [
                    ("direct", result.directLoss), ("upstream", result.upstreamLoss),
                    ("downstream", result.downstreamLoss),
                ]
                for (part, values) in parts {
                    let carried =
                        part == "direct" || (part == "upstream" && result.model != .ghosh)
                        || (part == "downstream" && result.model == .ghosh)
                    let key = "\(name) \(spec) \(kind)_\(part)"
                    guard carried, let (world, industries) = expected[key] else {
                        #expect(values.allSatisfy { $0 == 0 }, "\(key) \(result.model) should be 0")
                        continue
                    }
                    #expect(close(values.reduce(0, +), world, scale: 1), "\(key) \(result.model) world")
                    for (i, industry) in reporter.enumerated() {
                        #expect(
                            close(values[industry], industries[i], scale: 1e-6 * world),
                            "\(key) \(result.model) NLD \(table.sectors[industry].sector)")
                    }
                }
                let direct = result.directLoss.reduce(0, +)
                #expect(direct > 0 && result.outputLoss.reduce(0, +) >= direct)
            }
        }
    }
}
