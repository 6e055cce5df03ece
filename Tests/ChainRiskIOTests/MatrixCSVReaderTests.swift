import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

@Suite("Matrix CSV input-output reader")
struct MatrixCSVReaderTests {
    static let wiod = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/wiod2013").path

    /// nld11: 11 regions × 35 industries; final demand 11 regions × 5 categories; NLD_c1 gross output 36,686 (file).
    @Test func readsTheElevenRegionTableWithItsSiblings() throws {
        let files = try InputOutputFiles.resolve(intermediatePath: Self.wiod + "/wiod2013_2011_nld11_Z.csv")
        #expect(files.finalDemand.path.hasSuffix("wiod2013_2011_nld11_Y.csv"))
        #expect(files.grossOutput?.path.hasSuffix("wiod2013_2011_nld11_x.csv") == true)
        let loaded = try InputOutputTableReader.read(files)
        let table = loaded.table
        #expect(table.sectorCount == 385)
        #expect(table.regions.count == 11)
        #expect(table.sectors[0] == IOSectorLabel(region: "NLD", sector: "c1"))
        #expect(table.grossOutput[0] == 36686)
        #expect(table.finalDemandColumns.count == 55)
        #expect(table.finalDemandColumns.contains(FinalDemandLabel(region: "EU_OTH", category: "CONS_h")))
        #expect(table.intermediate[0, 0] == 2113)
    }

    @Test func longFileNamesMapToTheirSiblings() {
        #expect(
            InputOutputFiles.sibling(of: "/d/wiod2013_2011_full_Z_long.csv.gz", role: "Y")
                == "/d/wiod2013_2011_full_Y_long.csv.gz")
        #expect(
            InputOutputFiles.sibling(of: "/d/wiod2013_2011_full_Z_long.csv.gz", role: "x")
                == "/d/wiod2013_2011_full_x.csv")
    }
}
