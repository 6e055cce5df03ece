public import ChainRiskCore

/// Reads the inputs of a re-ranking: scores per source value chain and the mapping of chains onto sectors.
///
/// Scores: CSV `chain,pandemic,cyber_attack,geophysical,extreme_heat,flood,trade_dispute` (any subset of the factor
/// columns). Mapping: CSV `chain,sector[,weight]`, where `sector` is a sector id (`chemicals`) or its English or Dutch
/// name. Errors name file, line and column.
public enum SourceRankingFiles {
    /// The scores by factor and chain.
    public static func scores(_ file: InputFile) throws -> [RiskFactor: [String: Double]] {
        let csv = CSVReader(source: try file.open(), file: file.displayName)
        let header = try csv.readHeader().map { $0.lowercased() }
        guard let chainColumn = header.firstIndex(of: "chain") else {
            throw InputError(
                .missingColumn, "expected a 'chain' column; the header has: \(header.joined(separator: ", "))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        let factors = header.enumerated().compactMap { index, name in RiskFactor(rawValue: name).map { (index, $0) } }
        guard !factors.isEmpty else {
            throw InputError(
                .missingColumn,
                "expected risk-factor columns (\(RiskFactor.allCases.map(\.rawValue).joined(separator: ", ")))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var scores: [RiskFactor: [String: Double]] = [:]
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            let chain = csv.string(chainColumn).trimmingASCIIWhitespace()
            for (index, factor) in factors {
                if let value = try csv.double(index, name: factor.rawValue) {
                    scores[factor, default: [:]][chain] = value
                }
            }
        }
        return scores
    }

    /// One source chain mapped onto a sector, with a weight.
    public struct ChainLink: Sendable, Hashable {
        public let chain: String
        public let sector: Sector
        public let weight: Double
    }

    /// The links from chains to `sectors`; an unknown sector is an error at its line and column.
    public static func links(_ file: InputFile, sectors: [Sector]) throws -> [ChainLink] {
        let csv = CSVReader(source: try file.open(), file: file.displayName)
        let header = try csv.readHeader().map { $0.lowercased() }
        guard let chainColumn = header.firstIndex(of: "chain"), let sectorColumn = header.firstIndex(of: "sector")
        else {
            throw InputError(
                .missingColumn,
                "expected columns chain,sector[,weight]; the header has: \(header.joined(separator: ", "))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        let weightColumn = header.firstIndex(of: "weight")
        var byName: [String: Sector] = [:]
        for sector in sectors {
            for key in [sector.id, sector.nameEN.lowercased(), sector.nameNL.lowercased()] { byName[key] = sector }
        }
        var links: [ChainLink] = []
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            let text = csv.string(sectorColumn).trimmingASCIIWhitespace()
            guard let sector = byName[text.lowercased()] ?? byName[Sector.slug(text)] else {
                throw InputError(
                    .badValue,
                    "unknown sector '\(text)'; use a sector id such as \(sectors.first?.id ?? "chemicals") or its name",
                    at: csv.location(sectorColumn))
            }
            let weight = try weightColumn.flatMap { try csv.double($0, name: "weight") } ?? 1
            links.append(
                ChainLink(chain: csv.string(chainColumn).trimmingASCIIWhitespace(), sector: sector, weight: weight))
        }
        return links
    }
}
