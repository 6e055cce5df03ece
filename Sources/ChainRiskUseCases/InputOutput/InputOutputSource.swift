import ChainRiskCore
public import ChainRiskIngest
import Foundation

/// Where an input-output table is read from: its intermediate-flows file, with final demand and gross output found
/// beside it by name or given, the layout and the balance tolerance of its findings.
public struct InputOutputSource: Sendable, Hashable {
    public var intermediate: String
    public var finalDemand: String?
    public var grossOutput: String?
    /// Nil: detected from the intermediate-flows file.
    public var layout: InputOutputLayout?
    /// The region code given to the sectors of a national table.
    public var nationalRegion: String?
    /// Relative row or column imbalance above which a sector is reported as a finding.
    public var balanceTolerance: Double

    public init(
        intermediate: String, finalDemand: String? = nil, grossOutput: String? = nil, layout: InputOutputLayout? = nil,
        nationalRegion: String? = nil, balanceTolerance: Double = 0.01
    ) {
        self.intermediate = intermediate
        self.finalDemand = finalDemand
        self.grossOutput = grossOutput
        self.layout = layout
        self.nationalRegion = nationalRegion
        self.balanceTolerance = balanceTolerance
    }

    /// Reads the table with its findings and file digests.
    public func load() throws -> LoadedInputOutputTable {
        let files = try InputOutputFiles.resolve(
            intermediatePath: intermediate, finalDemandPath: finalDemand, grossOutputPath: grossOutput)
        return try InputOutputTableReader.read(
            files,
            options: InputOutputReadOptions(layout: layout, region: nationalRegion, balanceTolerance: balanceTolerance))
    }
}
