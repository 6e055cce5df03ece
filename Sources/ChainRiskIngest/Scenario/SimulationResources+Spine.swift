public import ChainRiskCore

extension SimulationResources {
    /// The NACE 64 industry spine: IHS Markit ratings, Belgian 2015 flows as weights and desired inventory days,
    /// for tables coded in NACE Rev. 2 / ISIC Rev. 4 (read once per call; three small bundled files).
    public static func industrySpine() throws -> IndustrySpine {
        let (ratingsFile, ratingsDigest) = try resource("nace64_criticality.csv")
        let (flowsFile, _) = try resource("nace64_flows_be2015.csv")
        let (daysFile, _) = try resource("nace64_inventory_days.csv")
        let ratings = try square(ratingsFile)
        let flows = try square(flowsFile)
        guard ratings.codes == flows.codes else {
            throw InputError(
                .badStructure, "the NACE 64 ratings and flows list different industries",
                at: SourceLocation(file: flowsFile.displayName, line: 1, column: 1))
        }
        var days: [String: Double] = [:]
        try readRows(daysFile, columns: ["economic_activity"]) { fields, reader in
            guard let value = try reader.double(1, name: "Desired stock (days)"), value > 0 else {
                throw InputError(.badValue, "desired stock must be a positive number of days", at: reader.location(1))
            }
            days[fields[0]] = value
        }
        let stockDays = try ratings.codes.map { code in
            guard let value = days[code] else {
                throw InputError(
                    .badStructure, "no desired stock for \(code)",
                    at: SourceLocation(file: daysFile.displayName, line: 1, column: 1))
            }
            return value
        }
        return IndustrySpine(
            codes: ratings.codes, ratings: ratings.values, flows: flows.values, stockDays: stockDays,
            source:
                "IHS Markit ratings and desired stock of Pichler et al. (2022) on NACE 64, carried to the table's industries by NACE division, weighted by Belgium's 2015 flows (simulation/nace64_criticality.csv sha256 \(ratingsDigest))"
        )
    }

    /// A square matrix CSV with an empty corner and NACE 64 codes as row and column labels.
    private static func square(_ file: InputFile) throws -> (codes: [String], values: [[Double]]) {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try reader.readHeader()
        let codes = Array(header.dropFirst())
        var values: [[Double]] = []
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            guard reader.string(0) == codes[values.count] else {
                throw InputError(
                    .badStructure, "row \(reader.string(0)) where \(codes[values.count]) was expected",
                    at: reader.location(0))
            }
            values.append(try (1..<header.count).map { try reader.double($0, name: header[$0]) ?? 0 })
        }
        guard values.count == codes.count else {
            throw InputError(
                .badStructure, "\(values.count) rows for \(codes.count) columns",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        return (codes, values)
    }
}
