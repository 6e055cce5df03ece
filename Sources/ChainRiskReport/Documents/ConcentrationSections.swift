public import ChainRiskAnalysis
import ChainRiskCore

/// A table with the key it has in JSON output, for the optional sections of `chainrisk concentration`.
public struct NamedTable: Sendable, Hashable {
    public let key: String
    public let table: DataTable

    public init(key: String, table: DataTable) {
        self.key = key
        self.table = table
    }
}

/// Builders of the optional sections: trends, EU dependency criteria, GeoDep persistence, risk-weighted concentration.
public enum ConcentrationSections {
    private static func year(_ value: Int) -> DataTable.Cell { .integer(value, text: String(value)) }
    private static func optional(_ value: Double?, _ decimals: Int) -> DataTable.Cell {
        value.map { .number($0, decimals: decimals) } ?? .empty
    }

    /// HHI per year, change and persistence per (reporter, flow, product).
    public static func trends(_ trends: [ConcentrationTrend]) -> NamedTable {
        let years = Set(trends.flatMap { $0.points.map(\.year) }).sorted()
        let columns =
            [
                DataTable.Column("reporter", title: "Reporter"), DataTable.Column("flow", title: "Flow"),
                DataTable.Column("product", title: "Product"),
            ]
            + years.map { DataTable.Column("hhi_\($0)", title: "HHI \($0)", alignment: .right) }
            + [
                DataTable.Column("change", title: "Change", alignment: .right),
                DataTable.Column("change_per_year", title: "Per year", alignment: .right),
                DataTable.Column("persistence", title: "Persistence"),
            ]
        let rows: [[DataTable.Cell]] = trends.map { trend in
            let byYear = Dictionary(trend.points.map { ($0.year, $0.hhi) }, uniquingKeysWith: { first, _ in first })
            return [.text(trend.reporter.rawValue), .text(trend.flow.rawValue), .text(trend.product.code)]
                + years.map { optional(byYear[$0] ?? nil, 3) }
                + [optional(trend.change, 3), optional(trend.changePerYear, 4), .text(trend.persistence)]
        }
        return NamedTable(
            key: "trends", table: DataTable(title: "Concentration over the years", columns: columns, rows: rows))
    }

    /// The European Commission's 2021 dependency criteria per EU reporter, year and product.
    public static func euDependency(_ results: [DependencyCriteria.EUDependency]) -> NamedTable {
        NamedTable(
            key: "ec2021_dependency",
            table: DataTable(
                title: "EU strategic dependency criteria (SWD(2021) 352)",
                columns: [
                    DataTable.Column("reporter", title: "Reporter"),
                    DataTable.Column("year", title: "Year", alignment: .right),
                    DataTable.Column("product", title: "Product"),
                    DataTable.Column("extra_eu_hhi", title: "Extra-EU HHI", alignment: .right),
                    DataTable.Column("extra_eu_share", title: "Extra-EU share", alignment: .right),
                    DataTable.Column("import_export_ratio", title: "Imports/exports", alignment: .right),
                    DataTable.Column("dependent", title: "Dependent"), DataTable.Column("basis", title: "Basis"),
                    DataTable.Column("explanation", title: "Why"),
                ],
                rows: results.map { result in
                    [
                        .text(result.reporter.rawValue), year(result.year), .text(result.product.code),
                        optional(result.concentration.value, 3), optional(result.extraEUShare.value, 3),
                        optional(result.importExportRatio?.value, 2), .text(result.isDependent ? "yes" : "no"),
                        .text(result.basis.rawValue),
                        .text(
                            ([result.concentration, result.extraEUShare] + (result.importExportRatio.map { [$0] } ?? []))
                                .map(\.explanation).joined(separator: "; ")),
                    ]
                }
            ))
    }

    /// CEPII GeoDep verdicts: flagged years and persistence per reporter and product.
    public static func geoDep(_ results: [DependencyCriteria.GeoDepDependency]) -> NamedTable {
        NamedTable(
            key: "geodep",
            table: DataTable(
                title: "CEPII GeoDep criteria (import HHI > 0.4, world-export HHI > 0.4, imports/exports > 1)",
                columns: [
                    DataTable.Column("reporter", title: "Reporter"), DataTable.Column("product", title: "Product"),
                    DataTable.Column("years", title: "Years"), DataTable.Column("flagged_years", title: "Flagged"),
                    DataTable.Column("persistent", title: "Persistent"), DataTable.Column("rule", title: "Rule"),
                ],
                rows: results.map { result in
                    [
                        .text(result.reporter.rawValue), .text(result.product.code),
                        .text(result.years.map { String($0.year) }.joined(separator: " ")),
                        .text(result.flaggedYears.map(String.init).joined(separator: " ")),
                        .text(result.isPersistent ? "yes" : "no"), .text(result.rule),
                    ]
                }
            ))
    }

    /// Supplier-risk-weighted concentration per row.
    public static func riskWeighted(_ rows: [RiskWeightedConcentration.Row], formula: String, scoreName: String)
        -> NamedTable
    {
        NamedTable(
            key: "risk_weighted",
            table: DataTable(
                title: "Risk-weighted concentration (\(scoreName)): \(formula)",
                columns: [
                    DataTable.Column("reporter", title: "Reporter"),
                    DataTable.Column("year", title: "Year", alignment: .right),
                    DataTable.Column("product", title: "Product"),
                    DataTable.Column("hhi", title: "HHI", alignment: .right),
                    DataTable.Column("supply_risk_index", title: "Risk-weighted HHI", alignment: .right),
                    DataTable.Column("risk_weighted_share", title: "Risk-weighted share", alignment: .right),
                    DataTable.Column("unscored_share", title: "Unscored share", alignment: .right),
                    DataTable.Column("unscored_suppliers", title: "Unscored suppliers"),
                ],
                rows: rows.map { row in
                    [
                        .text(row.reporter.rawValue), year(row.year), .text(row.product.code),
                        optional(row.measure.hhi, 3),
                        optional(row.measure.supplyRiskIndex, 3), optional(row.measure.riskWeightedShare, 3),
                        .number(row.measure.unscoredShare, decimals: 3),
                        .text(row.measure.unscoredSuppliers.map(\.rawValue).joined(separator: " ")),
                    ]
                }
            ))
    }
}
