public import ChainRiskCore
import Foundation

/// The simulation's bundled reference tables (`BuiltIn/simulation`, see its SOURCES.md).
public enum SimulationResources {
    /// HS 6-digit → ISIC Rev.3 division → WIOD sector (insongkim/concordance).
    public static func productSectorMap() throws -> ProductSectorMap {
        let (file, digest) = try resource("hs6_wiod35.csv")
        var map: [String: (division: String, sector: String)] = [:]
        try readRows(file, columns: ["hs6", "isic3_division", "wiod_sector"]) { fields, _ in
            map[fields[0]] = (fields[1], fields[2])
        }
        return ProductSectorMap(sectorOfHS6: map, source: "simulation/hs6_wiod35.csv sha256 \(digest)")
    }

    /// Days of inputs held per WIOD sector (Pichler et al.'s desired stock, mapped from NACE 64), with the file digest.
    public static func inventoryDays() throws -> (days: [String: Double], source: String) {
        let (file, digest) = try resource("inventory_days_wiod35.csv")
        var days: [String: Double] = [:]
        try readRows(file, columns: ["wiod_sector", "nace64_sources", "days"]) { fields, reader in
            days[fields[0]] = try reader.double(2, name: "days") ?? 0
        }
        return (days, "simulation/inventory_days_wiod35.csv sha256 \(digest)")
    }

    static func resource(_ name: String) throws -> (InputFile, String) {
        guard
            let url = Bundle.module.url(forResource: "simulation/" + name, withExtension: nil, subdirectory: "BuiltIn")
        else {
            throw InputError(
                .missingFile, "the simulation resource \(name) is missing from the installation (BuiltIn/simulation)",
                at: nil)
        }
        return (InputFile(path: url.path, displayName: "simulation/" + name), try FileDigest.sha256(path: url.path).hex)
    }

    /// Calls `body` with the fields of every row, after checking the header names `columns`.
    static func readRows(_ file: InputFile, columns: [String], _ body: ([String], CSVReader) throws -> Void) throws {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try reader.readHeader()
        guard Array(header.prefix(columns.count)) == columns else {
            throw InputError(
                .missingColumn,
                "expected columns \(columns.joined(separator: ",")), found \(header.joined(separator: ","))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            try body((0..<columns.count).map { reader.string($0) }, reader)
        }
    }
}

extension SimulationResources {
    /// Names of the WIOD 2013 industries by code (`c14` → `Electrical and optical equipment`; in Dutch
    /// `Elektrische en optische apparatuur`).
    public static func sectorNames(dutch: Bool = false) throws -> [String: String] {
        let (file, _) = try resource("wiod35_industries.csv")
        var names: [String: String] = [:]
        try readRows(file, columns: ["industry_code", "nace_rev1_1", "industry_name", "industry_name_nl"]) {
            fields, _ in
            names[fields[0]] = fields[dutch ? 3 : 2]
        }
        return names
    }
}

extension SimulationResources {
    /// IHS Markit's input criticality (Pichler et al. 2022) aggregated to WIOD 2013 sectors: weight per input sector
    /// and using sector (1 critical, 0.5 important, 0 not), with the file digest.
    public static func criticalityRatings() throws -> (weights: [String: [String: Double]], source: String) {
        let (file, digest) = try resource("criticality_wiod35.csv")
        var weights: [String: [String: Double]] = [:]
        try readRows(file, columns: ["input_sector", "user_sector", "weight"]) { fields, reader in
            guard let weight = try reader.double(2, name: "weight"), (0...1).contains(weight) else {
                throw InputError(.badValue, "weight must be a number from 0 to 1", at: reader.location(2))
            }
            weights[fields[0], default: [:]][fields[1]] = weight
        }
        return (
            weights, "IHS Markit ratings via Pichler et al. (2022), simulation/criticality_wiod35.csv sha256 \(digest)"
        )
    }
}
