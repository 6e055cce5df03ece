import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

/// One synthetic 3-region × 3-industry system written in every layout (scripts/expected/mrio_layouts.py) reads to the
/// same Z, Y and x, whatever the file: ICIO 2023 with China split into CN1/CN2, FIGARO matrix and flat file, an
/// EXIOBASE 3 folder (coefficients and x) and Eora26's headerless files.
@Suite("input-output layouts: ICIO, FIGARO, EXIOBASE 3, Eora26 read to one table")
struct InputOutputLayoutTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mrio_layouts").path

    struct Reference: Decodable {
        let regions: [String]
        let industries: [String]
        let flows: [[Double]]
        let finalDemand: [[Double]]
        let x: [Double]
        let valueAdded: [Double]

        enum CodingKeys: String, CodingKey {
            case regions, industries, x
            case flows = "Z"
            case finalDemand = "Y"
            case valueAdded = "value_added"
        }
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(
            Reference.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/reference.json")))
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(b), 1) }

    @Test(
        "each layout: detected, the same Z, Y and x to 1e-12, regions as ISO3, its unit",
        arguments: [
            ("ICIO2023_2020.csv", InputOutputLayout.icio, "million USD", ["A01_02", "C26", "G46"]),
            ("matrix_eu-ic-io_ind-by-ind_25ed_2020.csv", .figaro, "million EUR", ["A01", "C26", "G46"]),
            ("flatfile_eu-ic-io_ind-by-ind_25ed_2020.csv", .figaroFlat, "million EUR", ["A01", "C26", "G46"]),
            ("IOT_2020_ixi", .exiobase, "million EUR", ["A01", "C26", "G46"]),
            ("IOT_2020_ixi.zip", .exiobase, "million EUR", ["A01", "C26", "G46"]),
            ("eora26/Eora26_2020_bp_T.txt", .eora26, "thousand USD", ["A01", "C26", "G46"]),
        ])
    func sameTable(path: String, layout: InputOutputLayout, unit: String, codes: [String]) throws {
        let reference = try Self.reference()
        let files = try InputOutputFiles.resolve(intermediatePath: Self.folder + "/" + path)
        #expect(try InputOutputLayout.detect(files.intermediate) == layout)
        let loaded = try InputOutputTableReader.read(files)
        let table = loaded.table
        #expect(loaded.layout == layout)
        #expect(table.unit == unit)
        #expect(table.sectors.map(\.region) == reference.regions.flatMap { Array(repeating: $0, count: 3) })
        #expect(table.sectors.map(\.sector) == Array([codes, codes, codes].joined()))
        for i in 0..<9 {
            #expect(Self.close(table.grossOutput[i], reference.x[i]), "x[\(i)] \(table.grossOutput[i])")
            for j in 0..<9 {
                #expect(Self.close(table.intermediate[i, j], reference.flows[i][j]), "Z[\(i),\(j)]")
            }
            #expect(table.finalDemand.columns == 6)
            for k in 0..<6 { #expect(Self.close(table.finalDemand[i, k], reference.finalDemand[i][k]), "Y[\(i),\(k)]") }
        }
        #expect(table.finalDemandColumns.map(\.region) == ["CHN", "CHN", "DEU", "DEU", "NLD", "NLD"])
        // Value added where the layout carries it: every column balances, so no imbalance finding.
        if let added = loaded.reportedValueAdded {
            for j in 0..<9 { #expect(Self.close(added[j], reference.valueAdded[j]), "va[\(j)]") }
        }
        #expect(loaded.findings.counts[.imbalance] == nil, "\(loaded.findings.examples.prefix(3))")
    }

    @Test("the notes say what changed: ICIO's CN1/CN2 folded into CHN, FIGARO's CN/DE/NL read as ISO3")
    func notes() throws {
        let icio = try InputOutputTableReader.read(
            InputOutputFiles.resolve(intermediatePath: Self.folder + "/ICIO2023_2020.csv"))
        #expect(icio.findings.examples.contains { $0.message.hasPrefix("CN1 and CN2 folded into CHN") })
        let figaro = try InputOutputTableReader.read(
            InputOutputFiles.resolve(intermediatePath: Self.folder + "/matrix_eu-ic-io_ind-by-ind_25ed_2020.csv"))
        #expect(figaro.findings.examples.contains { $0.message.contains("(CN → CHN, DE → DEU, NL → NLD)") })
        #expect(figaro.findings.problems == nil, "notes are not problems for --strict")
    }

    @Test("a zip archive: members listed, a file that is no zip or lacks the table named with exit-66/65 errors")
    func zipArchives() throws {
        let archive = try ZipArchive(path: Self.folder + "/IOT_2020_ixi.zip")
        #expect(
            archive.members.map(\.name) == [
                "IOT_2020_ixi/A.txt", "IOT_2020_ixi/Y.txt", "IOT_2020_ixi/unit.txt", "IOT_2020_ixi/x.txt",
            ])
        // Inflated bytes equal the unzipped folder's file.
        var source = try InputFile(zip: archive.path, member: "IOT_2020_ixi/Y.txt").open()
        var inflated: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 333)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            inflated += buffer[0..<count]
        }
        let plain = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/IOT_2020_ixi/Y.txt"))
        #expect(inflated == Array(plain))
        let notZip = #expect(throws: InputError.self) { try ZipArchive(path: Self.folder + "/reference.json") }
        #expect(notZip?.message.contains("no end-of-central-directory record") == true)
        let missing = #expect(throws: InputError.self) {
            try InputOutputFiles.resolve(intermediatePath: Self.folder + "/IOT_2020_ixi.zip:IOT_2020_ixi/Z.txt")
        }
        #expect(missing?.code == .missingFile)
    }
}
