public import ChainRiskCore

/// A column of the measured Table 2 that sectors are ranked on, in place of McKinsey's Dutch sensitivity ranks.
///
/// Higher is more exposed on every factor, so rank 1 is the most exposed sector, as in the letter's Table 2.
public enum MeasuredFactor: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    /// Foreign inputs through every tier over all inputs (`MeasuredSectorExposure.Row.foreignInputShare`).
    case foreignInputs = "foreign_inputs"
    /// Herfindahl index of the foreign origins (`originHHI`).
    case originConcentration = "origin_concentration"
    /// The part of the largest origin's exposure reached through third countries (`largestOriginHiddenShare`).
    case hiddenExposure = "hidden_exposure"
    /// Share of output sold abroad (`exportDependence`).
    case exportDependence = "export_dependence"

    public var nameEN: String {
        switch self {
        case .foreignInputs: "Foreign inputs"
        case .originConcentration: "Origin concentration"
        case .hiddenExposure: "Hidden exposure"
        case .exportDependence: "Export dependence"
        }
    }

    public var nameNL: String {
        switch self {
        case .foreignInputs: "Buitenlandse inputs"
        case .originConcentration: "Concentratie van herkomst"
        case .hiddenExposure: "Verborgen blootstelling"
        case .exportDependence: "Afhankelijkheid van export"
        }
    }

    /// How measured figures become bands, for the report's provenance.
    public static let bandRuleEN =
        "each measured column ranked over the reporter's measured sectors (1 = highest figure, equal figures share a rank) and banded as the letter's Table 2, scaled to the number of sectors measured: the top 5/17 orange, the next 5/17 yellow, the rest green (for 17 sectors ranks 1–5, 6–10, 11+); priority = importance tier × band"

    /// The row's figure on this factor.
    public func value(of row: MeasuredSectorExposure.Row) -> Double {
        switch self {
        case .foreignInputs: row.foreignInputShare
        case .originConcentration: row.originHHI
        case .hiddenExposure: row.largestOriginHiddenShare
        case .exportDependence: row.exportDependence
        }
    }
}

/// A sector's rank on one measured factor among the reporter's measured sectors, with its colour band.
public struct MeasuredRank: Sendable, Hashable {
    public let factor: MeasuredFactor
    /// 1 = most exposed; equal figures share a rank (1, 2, 2, 4).
    public let rank: Int
    public let band: RiskBand
    /// The figure ranked (a share or an HHI, 0–1).
    public let value: Double
    /// How many sectors were ranked.
    public let count: Int
}

extension MeasuredSectorExposure {
    /// Every row's ranks per factor, keyed by sector id: competition ranks (1 + the number of sectors with a larger
    /// figure), banded by `bands`, by default the letter's bands scaled to the rows (`scaledBands(count:)`).
    ///
    /// Sectors sharing a table industry (WIOD's c9) have equal figures and so share a rank.
    public func ranks(bands: RiskBandScheme? = nil) -> [String: [MeasuredRank]] {
        let bands = bands ?? Self.scaledBands(count: rows.count)
        var result: [String: [MeasuredRank]] = [:]
        for factor in MeasuredFactor.allCases {
            // Rounded as printed, so kernels that differ in the last bits give the same ranks and figures.
            let values = rows.map { NumberFormat.stable(factor.value(of: $0)) }
            for (row, value) in zip(rows, values) {
                let rank = 1 + values.filter { $0 > value }.count
                guard let band = bands.band(rank: rank) else { continue }
                result[row.sectorID, default: []].append(
                    MeasuredRank(factor: factor, rank: rank, band: band, value: value, count: rows.count))
            }
        }
        return result
    }
}

extension MeasuredSectorExposure {
    /// The letter's bands (ranks 1–5 of 17 orange, 6–10 yellow) scaled to `count` sectors, so a table that
    /// measures fewer sectors does not colour nearly all of them orange: orange up to round(5·n/17), at least 1;
    /// yellow up to round(10·n/17), at least one rank above orange.
    public static func scaledBands(count: Int) -> RiskBandScheme {
        let letter = RiskBandScheme.letter
        let sectors = 17.0  // the sectors of the letter's Table 2
        let orange = max(1, Int((Double(count * letter.orangeUpTo) / sectors).rounded()))
        let yellow = max(orange + 1, Int((Double(count * letter.yellowUpTo) / sectors).rounded()))
        return RiskBandScheme(orangeUpTo: orange, yellowUpTo: yellow) ?? letter
    }
}
