public import ChainRiskCore

/// Reads a country-risk score file: CSV `iso3,score` with scores in [0, 1] (governance, hazard exposure …).
public enum RiskScoreFile {
    /// The scores by country; throws `InputError` with file:line:column for a bad code or a score outside [0, 1].
    public static func read(_ file: InputFile) throws -> [CountryCode: Double] {
        let csv = CSVReader(source: try file.open(), file: file.displayName)
        let header = try csv.readHeader().map { $0.lowercased() }
        guard let codeColumn = header.firstIndex(where: { $0 == "iso3" || $0 == "country" }),
            let scoreColumn = header.firstIndex(of: "score")
        else {
            throw InputError(
                .missingColumn, "expected columns iso3,score; the header has: \(header.joined(separator: ", "))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var scores: [CountryCode: Double] = [:]
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            guard let code = CountryCode(rawValue: csv.string(codeColumn)) else {
                throw InputError(.badValue, "expected an ISO3 country code", at: csv.location(codeColumn))
            }
            guard let score = try csv.double(scoreColumn, name: "score"), (0...1).contains(score) else {
                throw InputError(.badValue, "expected a score between 0 and 1", at: csv.location(scoreColumn))
            }
            scores[code] = score
        }
        return scores
    }
}
