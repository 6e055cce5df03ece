import ChainRiskCore

/// Which imports Table 4 ranks: imports for own use (the letter's basis, its footnote 18: re-exports excluded) or
/// total imports.
public enum ImportBasis: String, Sendable, CaseIterable, Hashable {
    case ownUse = "own-use"
    case total

    /// How the basis was met for one report: the data's own series, computed from re-exports, or total imports.
    public enum Method: String, Sendable, Hashable {
        /// The data has an imports-for-own-use series (CBS).
        case ownUseSeries = "own_use_series"
        /// Imports − re-exports per product, the re-exports attributed to suppliers pro rata to their import shares.
        case ownUseProRata = "own_use_pro_rata"
        /// Total imports, as asked (`--basis total`).
        case total
        /// Total imports because the data has no re-exports: own use cannot be computed.
        case totalWithoutReExports = "total_no_re_exports"

        /// The sentence a report states under Table 4.
        public var textEN: String {
            switch self {
            case .ownUseSeries: "Table 4 ranks imports for own use, the data's own series (re-exports excluded)."
            case .ownUseProRata:
                "Table 4 ranks imports for own use: imports minus re-exports per product, the re-exports attributed to suppliers pro rata to their import shares (supplier shares and HHI are therefore those of total imports)."
            case .total: "Table 4 ranks total imports, re-exports included (--basis total)."
            case .totalWithoutReExports:
                "Table 4 ranks total imports, re-exports included: the data holds no re-exports, so imports for own use (the letter's basis) cannot be computed; products traded through the country may rank higher than their use there."
            }
        }

        public var textNL: String {
            switch self {
            case .ownUseSeries:
                "Tabel 4 rangschikt invoer voor eigen gebruik, de eigen reeks van de data (wederuitvoer uitgesloten)."
            case .ownUseProRata:
                "Tabel 4 rangschikt invoer voor eigen gebruik: invoer min wederuitvoer per product, de wederuitvoer naar rato van de invoeraandelen aan leveranciers toegerekend (aandelen en HHI zijn dus die van de totale invoer)."
            case .total: "Tabel 4 rangschikt de totale invoer, wederuitvoer inbegrepen (--basis total)."
            case .totalWithoutReExports:
                "Tabel 4 rangschikt de totale invoer, wederuitvoer inbegrepen: de data bevat geen wederuitvoer, dus invoer voor eigen gebruik (de basis van de brief) kan niet worden berekend; doorgevoerde producten kunnen hoger staan dan hun gebruik hier."
            }
        }
    }

    /// Imports for own use per product from `imports` and `reExports` rows (same reporters and years): each
    /// product's values scaled by 1 − re-exports / imports, so every supplier carries the re-exports in proportion
    /// to its share (shares, HHI and CR3 unchanged). A product re-exported beyond its imports has no own use (0) and
    /// is named in the findings.
    public static func ownUse(imports: [ImportConcentration], reExports: [ImportConcentration]) -> (
        rows: [ImportConcentration], findings: [String]
    ) {
        var reExported: [String: Double] = [:]
        for row in reExports where !row.flow.isImport {
            reExported["\(row.reporter.rawValue) \(row.year) \(row.product.code)", default: 0] += row.totalValue
        }
        var findings: [String] = []
        let rows = imports.map { row -> ImportConcentration in
            let key = "\(row.reporter.rawValue) \(row.year) \(row.product.code)"
            let out = reExported[key] ?? 0
            var own = row
            own.flow = .importsForOwnUse
            guard out > 0, row.totalValue > 0 else { return own }
            if out > row.totalValue {
                findings.append(
                    "\(row.product.code) \(row.year): re-exports \(NumberFormat.integer(Int(out.rounded()))) exceed imports \(NumberFormat.integer(Int(row.totalValue.rounded()))); own use taken as 0"
                )
            }
            let factor = max(0, 1 - out / row.totalValue)
            own.totalValue *= factor
            own.supplierValue *= factor
            own.unallocatedValue *= factor
            own.topSupplierValue = row.topSupplierValue.map { $0 * factor }
            return own
        }
        return (rows, findings)
    }
}
