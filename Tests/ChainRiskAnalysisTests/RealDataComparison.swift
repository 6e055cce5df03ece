import ChainRiskAnalysis
import ChainRiskCore

/// Computed concentration rows checked field by field against the expected rows of a fixture.
///
/// Tolerances: HHI, top share, CR3, extra-EU share and extra-EU HHI (all 0–1) to 1e-9 absolute; total, supplier,
/// unallocated and top-supplier values to 1e-9 relative (of the expected value, of the total for unallocated);
/// suppliers, top supplier and class exactly; a value absent on one side must be absent on the other.
struct RealDataComparison: CustomStringConvertible {
    static let shareTolerance = 1e-9
    static let valueTolerance = 1e-9

    /// Rows found on both sides and compared.
    private(set) var compared = 0
    /// Keys (`NLD 2022 4403`) expected but not computed.
    private(set) var missing: [String] = []
    /// Keys computed but not expected.
    private(set) var unexpected: [String] = []
    /// One line per field outside its tolerance or different.
    private(set) var mismatches: [String] = []
    /// The largest absolute difference seen on a 0–1 quantity.
    private(set) var largestShareDifference = 0.0
    /// The largest relative difference seen on a value.
    private(set) var largestValueDifference = 0.0

    init(actual: [ImportConcentration], expected: [RealDataExpectedRow]) {
        let computed = Dictionary(
            actual.map { ("\($0.reporter.rawValue) \($0.year) \($0.product.code)", $0) },
            uniquingKeysWith: { first, _ in first })
        let expectedKeys = Set(expected.map(\.key))
        unexpected = computed.keys.filter { !expectedKeys.contains($0) }.sorted()
        for row in expected {
            guard let result = computed[row.key] else {
                missing.append(row.key)
                continue
            }
            compare(result, row)
        }
    }

    /// True when every expected row was computed, nothing else was, and every field agreed.
    var agrees: Bool { missing.isEmpty && unexpected.isEmpty && mismatches.isEmpty }

    /// The counts and the first problems, short enough for a failure message.
    var description: String {
        "compared \(compared); missing \(missing.prefix(5)); unexpected \(unexpected.prefix(5)); "
            + "mismatches (\(mismatches.count)) \(mismatches.prefix(10)); largest differences: share "
            + "\(largestShareDifference), value \(largestValueDifference)"
    }

    private mutating func compare(_ result: ImportConcentration, _ row: RealDataExpectedRow) {
        compared += 1
        value("total", result.totalValue, row.totalValue, row)
        value("supplier value", result.supplierValue, row.supplierValue, row)
        value("unallocated", result.unallocatedValue, row.unallocatedValue, row, scale: row.totalValue)
        if let expected = row.topValue, let actual = result.topSupplierValue {
            value("top value", actual, expected, row)
        } else if (row.topValue == nil) != (result.topSupplierValue == nil) {
            mismatches.append(
                "\(row.key) top value \(String(describing: result.topSupplierValue)) ≠ \(String(describing: row.topValue))"
            )
        }
        share("HHI", result.hhi, row.hhi, row)
        share("top share", result.topSupplierShare, row.topShare, row)
        share("CR3", result.cr3, row.cr3, row)
        share("extra-EU share", result.extraEUShare, row.extraEUShare, row)
        share("extra-EU HHI", result.extraEUHHI, row.extraEUHHI, row)
        if result.suppliers != row.suppliers {
            mismatches.append("\(row.key) suppliers \(result.suppliers) ≠ \(row.suppliers)")
        }
        if result.topSupplier?.rawValue != row.topSupplier {
            mismatches.append(
                "\(row.key) top \(String(describing: result.topSupplier)) ≠ \(String(describing: row.topSupplier))")
        }
        if result.concentrationClass != row.concentrationClass {
            mismatches.append(
                "\(row.key) class \(String(describing: result.concentrationClass)) ≠ \(String(describing: row.concentrationClass))"
            )
        }
    }

    private mutating func value(
        _ name: String, _ actual: Double, _ expected: Double, _ row: RealDataExpectedRow, scale: Double? = nil
    ) {
        let difference = abs(actual - expected) / max(abs(scale ?? expected), 1)
        largestValueDifference = max(largestValueDifference, difference)
        if !(difference <= Self.valueTolerance) { mismatches.append("\(row.key) \(name) \(actual) ≠ \(expected)") }
    }

    private mutating func share(_ name: String, _ actual: Double?, _ expected: Double?, _ row: RealDataExpectedRow) {
        guard let actual, let expected else {
            if (actual == nil) != (expected == nil) {
                mismatches.append("\(row.key) \(name) \(String(describing: actual)) ≠ \(String(describing: expected))")
            }
            return
        }
        let difference = abs(actual - expected)
        largestShareDifference = max(largestShareDifference, difference)
        if !(difference <= Self.shareTolerance) { mismatches.append("\(row.key) \(name) \(actual) ≠ \(expected)") }
    }
}
