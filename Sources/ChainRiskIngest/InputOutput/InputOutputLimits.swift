public import ChainRiskCore
public import Foundation

/// The largest input-output table chainrisk reads, checked before any matrix of it is allocated.
///
/// A long-CSV file lists only non-zero cells, so one megabyte can name 50,000 sectors whose dense matrices need
/// 20 GB each; the reader stops at the cap (or when the estimate exceeds the machine's memory) with the place that
/// passed it, instead of being killed by the system.
public enum InputOutputLimits {
    /// Sectors (region × industry rows) of the largest table: GLORIA's 164 regions × 120 sectors (19,680) fit,
    /// EXIOBASE 3 has 9,800, OECD ICIO about 3,500, WIOD 2,464.
    public static let maximumSectors = 20_000

    /// Bytes the analyses of an `sectors`-sector table hold at once, at most: Z, A, the LU factors of I − A and one
    /// work matrix, 8 bytes a cell.
    public static func estimatedBytes(sectors: Int) -> Double {
        4 * Double(sectors) * Double(sectors) * 8
    }

    /// Throws `badStructure` at `location` when `sectors` passes `maximumSectors` or its estimate passes `memory`
    /// (the machine's physical memory by default).
    public static func require(
        sectors: Int, at location: @autoclosure () -> SourceLocation,
        memory: Double = Double(ProcessInfo.processInfo.physicalMemory)
    ) throws(InputError) {
        let estimate = estimatedBytes(sectors: sectors)
        if sectors > maximumSectors {
            throw InputError(
                .badStructure,
                "the table names more than \(NumberFormat.integer(maximumSectors)) sectors, the most chainrisk reads "
                    + "(\(gigabytes(estimatedBytes(sectors: maximumSectors))) GB for its matrices; README: \"Limits\")",
                at: location())
        }
        if estimate > memory {
            throw InputError(
                .badStructure,
                "a table of \(NumberFormat.integer(sectors)) sectors needs about \(gigabytes(estimate)) GB for its matrices; "
                    + "this machine has \(gigabytes(memory)) GB", at: location())
        }
    }

    private static func gigabytes(_ bytes: Double) -> String {
        String(Int((bytes / 1e9).rounded(.up)))
    }
}
