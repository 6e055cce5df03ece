/// Values in different currencies or units that an analysis would add or compare: refused, never summed as they are.
///
/// Bad data (`FailureClass.badData`): exit code 65 on the CLI, 422 `mixed_units` from the server.
public struct MixedUnits: Error, Sendable, CustomStringConvertible {
    /// The units met, sorted.
    public let units: [String]
    /// What would have mixed them.
    public let analysis: String

    public init(units: [String], analysis: String) {
        (self.units, self.analysis) = (units, analysis)
    }

    public var description: String {
        "the data mixes units (\(units.joined(separator: " and "))): \(analysis) would add them as they are; select one unit's data (e.g. one dataset or one reporter) or convert the values first"
    }
}
