import ChainRiskCore
import ChainRiskIO
public import ChainRiskIngest
public import ChainRiskReport

/// The rows of the exposure table.
public enum ExposureRows: String, CaseIterable, Sendable, Hashable {
    /// One row per industry of the reporter and supplier.
    case industry
    /// The reporter's industries summed into Table 3's export categories, weighted by gross output.
    case category
}

/// A request for `chainrisk exposure`: which table, reporter, supplier and rows.
public struct ExposureRequest: Sendable {
    public var table: LoadedInputOutputTable
    public var reporter: String
    /// One supplier region; nil lists every other region.
    public var supplier: String?
    public var rows: ExposureRows

    public init(
        table: LoadedInputOutputTable, reporter: String, supplier: String? = nil, rows: ExposureRows = .industry
    ) {
        (self.table, self.reporter, self.supplier, self.rows) = (table, reporter, supplier, rows)
    }
}

extension ExposureRequest {
    /// What `chainrisk exposure --help` says about the measures.
    public static let discussion = """
        From a multi-regional input-output table, for each industry c of the reporter and supplier country s: \
        direct = Σ A[i,c] over s's industries (inputs from s per unit of c's output); total = Σ (L − I)[i,c] \
        (through all tiers, L = (I − A)⁻¹); hidden = total − direct. Shares of all foreign inputs alongside. \
        The second table ranks the origins for the whole economy, industries weighted by gross output.

        Example:
          chainrisk exposure --mrio ../shared/data/wiod2013/wiod2013_2011_full_Z_long.csv.gz --reporter NLD \\
            --supplier CHN
        """
}

extension Workspace {
    /// Direct, total and hidden exposure of the reporter's industries (or export categories) to each supplier, and
    /// the largest origins for the whole economy.
    public func exposure(_ request: ExposureRequest) throws -> TableSet {
        let loaded = request.table
        let exposure: SupplierExposure
        do {
            exposure = try SupplierExposure(table: loaded.table, reporter: request.reporter)
        } catch {
            throw error.naming(table: loaded.files.intermediate.displayName)
        }
        var suppliers = Array(exposure.suppliers.indices)
        if let supplier = request.supplier {
            guard let k = exposure.suppliers.firstIndex(of: supplier) else {
                throw IOError.unknownRegion(supplier, known: exposure.suppliers)
            }
            suppliers = [k]
        }
        let groups = try exposureGroups(exposure, rows: request.rows)
        var rows: [[DataTable.Cell]] = []
        for group in groups {
            let (direct, total) = exposure.aggregate(industries: group.members)
            let (foreignDirect, foreignTotal) = (direct.reduce(0, +), total.reduce(0, +))
            for k in suppliers {
                let hidden = SupplierExposure.hidden(total: total[k], direct: direct[k])
                rows.append(
                    [
                        .text(group.code), .text(group.name), .text(exposure.suppliers[k]), Self.share(direct[k]),
                        Self.share(total[k]),
                        Self.share(hidden), Self.ratio(hidden, total[k]), Self.ratio(direct[k], foreignDirect),
                        Self.ratio(total[k], foreignTotal),
                    ])
            }
        }
        let title =
            "Exposure of \(request.reporter) to its suppliers: inputs per unit of output, direct (A) and through every tier (L − I)"
        let table = DataTable(title: title, columns: Self.exposureColumns(request.rows), rows: rows)
        let economy = exposure.aggregate(industries: Array(exposure.industries.indices))
        let order = exposure.suppliers.indices.sorted {
            economy.total[$0] != economy.total[$1] ? economy.total[$0] > economy.total[$1] : $0 < $1
        }
        let origins = DataTable(
            title: "Largest origins for all of \(request.reporter)'s industries (weighted by gross output)",
            columns: Array(Self.exposureColumns(request.rows).dropFirst(2).prefix(5)),
            rows: order.map { k in
                let hidden = SupplierExposure.hidden(total: economy.total[k], direct: economy.direct[k])
                return [
                    .text(exposure.suppliers[k]), Self.share(economy.direct[k]), Self.share(economy.total[k]),
                    Self.share(hidden), Self.ratio(hidden, economy.total[k]),
                ]
            })
        let settings = [
            "exposure_reporter": request.reporter, "exposure_rows": request.rows.rawValue,
            "exposure_supplier": request.supplier ?? "all",
            "exposure_rule":
                "direct = Σ A[i,c] over the supplier's industries i; total = Σ (L − I)[i,c]; hidden = total − direct",
        ]
        return TableSet(
            [("exposure", table), ("origins", origins)], provenance: loaded.provenance(settings: settings))
    }

    /// The industries (by index into `exposure.industries`) of each row: one each, or Table 3's export categories.
    private func exposureGroups(_ exposure: SupplierExposure, rows: ExposureRows) throws -> [(
        code: String, name: String, members: [Int]
    )] {
        let names = try simulationBundle().sectorNames
        switch rows {
        case .industry:
            return exposure.industries.enumerated().map { index, industry in
                (industry.sector, names[industry.sector] ?? "", [index])
            }
        case .category:
            let categories = try OriginGroupingFiles.categories(OriginGroupingFiles.bundledCategories())
            let resolved = categories.resolving(sectors: exposure.industries.map(\.sector))
            return resolved.categories.map { category in
                (
                    category.id, category.nameEN,
                    exposure.industries.indices.filter {
                        resolved.categoryOf[exposure.industries[$0].sector] == category.id
                    }
                )
            }
        }
    }

    private static func exposureColumns(_ rows: ExposureRows) -> [DataTable.Column] {
        [
            .init(rows == .industry ? "industry" : "category", title: rows == .industry ? "Industry" : "Category"),
            .init("name", title: "Name"),
            .init("supplier", title: "Supplier"),
            .init("direct", title: "Direct", alignment: .right), .init("total", title: "Total", alignment: .right),
            .init("hidden", title: "Hidden", alignment: .right),
            .init("hidden_share", title: "Hidden % of total", alignment: .right),
            .init("direct_foreign_share", title: "% of foreign, direct", alignment: .right),
            .init("total_foreign_share", title: "% of foreign, total", alignment: .right),
        ]
    }

    /// Inputs per unit of output, six decimals in tables, 12 significant digits in JSON and CSV (the same bytes on
    /// every machine).
    private static func share(_ value: Double) -> DataTable.Cell {
        .number(NumberFormat.stable(value), decimals: 6, grouping: false)
    }

    /// A percentage of `whole`, or empty where the whole is 0.
    private static func ratio(_ part: Double, _ whole: Double) -> DataTable.Cell {
        whole > 0 ? .number(NumberFormat.stable(part / whole * 100), decimals: 2, grouping: false) : .empty
    }
}
