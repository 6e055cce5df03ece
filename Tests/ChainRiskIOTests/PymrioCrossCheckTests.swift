import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import Testing

/// pymrio's test system read from its own text files, against pymrio 0.7.0's `calc_all()` (figures from
/// `scripts/derive_io_expectations.py`, section "pymrio 0.7.0 test MRIO"; pymrio's packaged files are
/// byte-identical to ../shared/data/pymrio_testmrio/mrio_data).
@Suite("pymrio cross-check")
struct PymrioCrossCheckTests {
    static func loaded() throws -> LoadedInputOutputTable {
        try InputOutputTableReader.read(
            InputOutputFiles.resolve(intermediatePath: IOTestData.pymrio + "/trade_flows_Z.txt"))
    }

    @Test func readsTheTextLayout() throws {
        let loaded = try Self.loaded()
        #expect(loaded.layout == .pymrioText)
        #expect(loaded.files.finalDemand.path.hasSuffix("finald_demand_Y.txt"))
        #expect(loaded.files.valueAdded?.path.hasSuffix("factor_input.txt") == true)
        let table = loaded.table
        #expect(table.sectorCount == 48)
        #expect(table.regions == ["reg1", "reg2", "reg3", "reg4", "reg5", "reg6"])
        #expect(table.sectors[2] == IOSectorLabel(region: "reg1", sector: "manufactoring"))
        #expect(table.finalDemandColumns.count == 42)
        #expect(table.finalDemandColumns[6] == FinalDemandLabel(region: "reg1", category: "Export"))
        #expect(table.unit == "Mill USD")
        #expect(table.intermediate[0, 0] == 23697.221)
        #expect(loaded.reportedValueAdded?[0] == 111490.88)
    }

    @Test func coefficientsInverseAndOutputMatchPymrio() throws {
        let table = try Self.loaded().table
        let position = Dictionary(uniqueKeysWithValues: table.sectors.enumerated().map { ($1, $0) })
        func at(_ region: String, _ sector: String) throws -> Int {
            try #require(position[IOSectorLabel(region: region, sector: sector)])
        }
        #expect(IOTestData.close(table.grossOutput[try at("reg1", "manufactoring")], 263914953.50160095))
        #expect(IOTestData.close(table.grossOutput[try at("reg4", "trade")], 54880119.99720093))
        #expect(IOTestData.close(table.grossOutput.reduce(0, +), 3324005349.3050327))
        let a = table.technicalCoefficients()
        #expect(IOTestData.close(a[try at("reg1", "food"), try at("reg1", "food")], 0.09908754486806391))
        #expect(IOTestData.close(a[try at("reg2", "mining"), try at("reg3", "manufactoring")], 1.1201348479286507e-06))
        let inverse = try InputOutputAccounts(table: table).leontiefInverse()
        #expect(IOTestData.close(inverse[try at("reg1", "food"), try at("reg1", "food")], 1.1101020720270822))
        #expect(IOTestData.close(inverse[try at("reg6", "other"), try at("reg2", "trade")], 1.751191025836986e-05))
    }
}
