import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport
import Foundation

extension Workspace {
    /// Merges regions and/or sectors with concordances and writes `folder/name_Z.csv`, `_Y.csv` and `_x.csv`;
    /// returns what was done, one line per file with its SHA-256.
    public func aggregateTable(
        _ source: InputOutputSource, regions: String?, sectors: String?, folder: String, name: String
    ) throws -> String {
        guard regions != nil || sectors != nil else { throw RequestError("regions", "give --regions and/or --sectors") }
        guard !name.isEmpty, !name.contains("/") else {
            throw RequestError("name", "--name must be a plain file-name prefix")
        }
        let loaded = try source.load()
        let table = loaded.table
        let regionMap = try regions.map {
            try ConcordanceFileReader.read(InputFile(path: $0), knownCodes: Set(table.sectors.map(\.region)))
        }
        let sectorMap = try sectors.map {
            try ConcordanceFileReader.read(InputFile(path: $0), knownCodes: Set(table.sectors.map(\.sector)))
        }
        let aggregated = try table.aggregated(regions: regionMap, sectors: sectorMap)
        let files = MatrixCSVWriter.tableFiles(aggregated)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RequestError("output", "cannot create \(folder): \(error.localizedDescription)")
        }
        var report =
            "aggregated \(table.sectorCount) sectors (\(table.regions.count) regions) into \(aggregated.sectorCount) (\(aggregated.regions.count) regions)\n"
        for (suffix, bytes) in [("Z", files.intermediate), ("Y", files.finalDemand), ("x", files.grossOutput)] {
            let path = folder + "/" + name + "_" + suffix + ".csv"
            try Self.write(bytes, to: path)
            report += "wrote \(path) sha256 \(FileDigest.sha256(bytes: bytes))\n"
        }
        return report
    }

    /// Writes `bytes` to `path` (`OutputFile`: a regular file or a new path); a `RequestError` naming the path when
    /// it cannot.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try OutputFile.write(Data(bytes), to: path)
    }
}
