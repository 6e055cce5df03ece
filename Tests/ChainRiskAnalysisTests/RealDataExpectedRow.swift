import ChainRiskAnalysis
import ChainRiskCore

/// One row of a concentration fixture: what Python computed for one (reporter, year, product).
struct RealDataExpectedRow {
    let reporter: String
    let year: Int
    let product: String
    let totalValue: Double
    let supplierValue: Double
    let unallocatedValue: Double
    let suppliers: Int
    let hhi: Double?
    let topSupplier: String?
    let topValue: Double?
    let topShare: Double?
    let cr3: Double?
    let extraEUShare: Double?
    let extraEUHHI: Double?
    let concentrationClass: ConcentrationClass?

    /// The key the comparison matches rows on, e.g. `NLD 2022 4403`.
    var key: String { "\(reporter) \(year) \(product)" }

    /// A row from a fixture record. The world fixture has no reporter, year, supplier, unallocated or extra-EU
    /// columns: they default to `W00`, 2017, the total, 0 and nil. Throws for a missing or unreadable number.
    init(_ record: [String: String]) throws {
        func optional(_ column: String) throws -> Double? {
            let text = record[column] ?? ""
            if text.isEmpty { return nil }
            guard let value = Double(text) else { throw RealDataFixtureError(column: column, record: record) }
            return value
        }
        func required(_ column: String) throws -> Double {
            guard let value = try optional(column) else { throw RealDataFixtureError(column: column, record: record) }
            return value
        }
        guard let product = record["product"], let suppliers = record["suppliers"].flatMap({ Int($0) }) else {
            throw RealDataFixtureError(column: "product, suppliers", record: record)
        }
        reporter = record["reporter"] ?? "W00"
        year = record["year"].flatMap { Int($0) } ?? 2017
        self.product = product
        totalValue = try required("total_value")
        supplierValue = try optional("supplier_value") ?? totalValue
        unallocatedValue = try optional("unallocated_value") ?? 0
        self.suppliers = suppliers
        hhi = try optional("hhi")
        topSupplier = record["top_supplier"].flatMap { $0.isEmpty ? nil : $0 }
        topValue = try optional("top_value")
        topShare = try optional("top_share")
        cr3 = try optional("cr3")
        extraEUShare = try optional("extra_eu_share")
        extraEUHHI = try optional("extra_eu_hhi")
        let classText = record["class"] ?? ""
        concentrationClass = ConcentrationClass(rawValue: classText)
        if !classText.isEmpty && concentrationClass == nil {
            throw RealDataFixtureError(column: "class", record: record)
        }
    }

    /// The rows of a fixture, in file order.
    static func rows(_ fixture: String) throws -> [RealDataExpectedRow] {
        try RealTradeData.fixture(fixture).map(RealDataExpectedRow.init)
    }
}

/// A fixture record the tests cannot read.
struct RealDataFixtureError: Error, CustomStringConvertible {
    let column: String
    let record: [String: String]
    var description: String {
        "fixture column '\(column)' missing or unreadable in \(record.sorted { $0.key < $1.key })"
    }
}
