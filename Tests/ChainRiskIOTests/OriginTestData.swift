import ChainRiskCore
import ChainRiskIngest
import Foundation

/// Tables and expected values for the origin-of-inputs tests.
///
/// Expected values come from `scripts/expected/origins_expected.py` (numpy, `numpy.linalg.inv`), written to
/// `scripts/expected/origins_{nld11,full}_{sectors,categories}.csv` with full double precision.
enum OriginTestData {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let wiod = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/wiod2013").path
    static let expected = packageRoot.appendingPathComponent("scripts/expected").path

    private static let nld11Result = Result {
        try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: wiod + "/wiod2013_2011_nld11_Z.csv"))
            .table
    }
    private static let fullResult = Result {
        try InputOutputTableReader.read(
            InputOutputFiles.resolve(intermediatePath: wiod + "/wiod2013_2011_full_Z_long.csv.gz")
        ).table
    }

    /// The 11-region WIOD 2011 aggregate with NLD, read once per run.
    static func nld11() throws -> InputOutputTable { try nld11Result.get() }
    /// The full WIOD 2011 table (41 regions × 35 industries), read once per run.
    static func full() throws -> InputOutputTable { try fullResult.get() }
    /// The built-in grouping and export categories.
    static func bundledGrouping() throws -> (OriginGrouping, ExportCategories) {
        (
            try OriginGroupingFiles.groups(OriginGroupingFiles.bundledGroups()),
            try OriginGroupingFiles.categories(OriginGroupingFiles.bundledCategories())
        )
    }

    /// Rows of an expected-values CSV (plain, unquoted) as dictionaries by header name.
    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: expected + "/" + name, encoding: .utf8)
        let lines = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// A number of an expected row; NaN (so any comparison fails) when missing.
    static func number(_ row: [String: String], _ key: String) -> Double { row[key].flatMap(Double.init) ?? .nan }

    /// |actual − expected| ≤ tolerance · |expected| (or ≤ tolerance when expected is 0).
    static func close(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-9) -> Bool {
        abs(actual - expected) <= tolerance * max(abs(expected), 1e-300) || (expected == 0 && abs(actual) <= tolerance)
    }
}
