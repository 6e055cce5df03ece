import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest

/// The real files in `../shared/data` and the expected values made from them by
/// `scripts/expected/concentration_expected.py` (in `Fixtures/`, see `scripts/expected/README.md`).
enum RealTradeData {
    /// The package root, derived from this file's path (`<root>/Tests/ChainRiskAnalysisTests/…`).
    static let packageRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `../shared/data` relative to the package root.
    static let sharedData = packageRoot + "/../shared/data"

    /// NL imports by partner, 39 HS codes (HS2 48, 49; HS4; HS6 4706xx, 9403xx, 940610), 2018–2022, USD.
    static let netherlandsImports = comtrade("nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
    /// The same products for all 27 EU importers.
    static let euImports = comtrade("eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz")
    /// World exports by exporter and HS4 heading, 2017 (OEC, via the economiccomplexity package).
    static let worldExports = InputFile(
        path: sharedData + "/world_exports_oec/world_exports_by_country_hs4_2017.csv",
        displayName: "world_exports_by_country_hs4_2017.csv")

    /// The options that read the world-export file: exporter → reporter, HS4 heading → product, value in USD.
    static let worldExportOptions = ReadOptions(
        columnMap: ["reporter": "reporter_iso", "product": "product_code", "value": "export_value_usd"],
        flow: .exports, year: 2017, classification: Classification(token: "HS4"))

    /// The NL file's flows, read once for all tests (`ComtradeReader`).
    static let netherlandsFlows = Result { try flows(of: netherlandsImports) }
    /// The world-export file's flows, read once for all tests (`MappedCSVReader` with `worldExportOptions`).
    static let worldExportFlows = Result {
        try flows(of: worldExports, reader: MappedCSVReader(), options: worldExportOptions)
    }

    static func comtrade(_ name: String) -> InputFile {
        InputFile(path: sharedData + "/comtrade_comtradr/" + name, displayName: name)
    }

    /// Every flow of `file` read with `reader`, with the reader's summary.
    static func flows(
        of file: InputFile, reader: any TradeReader = ComtradeReader(), options: ReadOptions = ReadOptions()
    ) throws -> (summary: ReadSummary, flows: [TradeFlow]) {
        var flows: [TradeFlow] = []
        let summary = try reader.read(file, options: options) { flow, _ in flows.append(flow) }
        return (summary, flows)
    }

    /// The records of a fixture CSV (plain or `.gz`): one dictionary column → cell per line after the header.
    ///
    /// Fixtures are written by the script without quoting (codes and numbers only), so a comma always separates;
    /// a line with another number of fields than the header throws.
    static func fixture(_ name: String) throws -> [[String: String]] {
        var source = try InputFile(path: packageRoot + "/Tests/ChainRiskAnalysisTests/Fixtures/" + name).open()
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return try lines.dropFirst().map { fields in
            let record = Dictionary(uniqueKeysWithValues: zip(header, fields))
            guard fields.count == header.count else {
                throw RealDataFixtureError(column: "\(fields.count) of \(header.count) fields", record: record)
            }
            return record
        }
    }
}
