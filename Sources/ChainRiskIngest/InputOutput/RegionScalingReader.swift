public import ChainRiskCore
import Foundation

/// Reads what scales a country shock onto an aggregated table: the region map and the countries' gross output.
///
/// Region map: CSV `wiod_country,region` (first two columns: country, region), e.g.
/// `wiod2013_2011_nld11_region_map.csv`. Country output: CSV `country,industry,gross_output…`, e.g.
/// `wiod2013_2011_full_x.csv`. Beside `…_nld11_Z.csv` the map is found as `…_nld11_region_map.csv`, and the output as
/// the one `*_full_x.csv` in the same folder.
public enum RegionScalingReader {
    /// Reads both files into a `RegionScaling`.
    public static func read(regionMap: InputFile, countryOutput: InputFile) throws -> RegionScaling {
        var regions: [String: String] = [:]
        try SimulationResources.readRows(regionMap, columns: []) { _, reader in
            regions[reader.string(0)] = reader.string(1)
        }
        var output: [String: [String: Double]] = [:]
        try SimulationResources.readRows(countryOutput, columns: []) { _, reader in
            output[reader.string(0), default: [:]][reader.string(1)] = try reader.double(2, name: "gross output") ?? 0
        }
        let mapped = Set(regions.keys)
        if let missing = mapped.subtracting(output.keys).sorted().first {
            throw InputError(
                .badStructure,
                "country \(missing) of the region map has no gross output in \(countryOutput.displayName)",
                at: SourceLocation(file: regionMap.displayName, line: 1, column: 1))
        }
        return RegionScaling(
            regionOfCountry: regions, countryOutput: output,
            source: "\(regionMap.displayName) + \(countryOutput.displayName)")
    }

    /// The region map and country-output files beside an intermediate-flows file, when both exist.
    public static func siblings(of intermediatePath: String) -> (regionMap: String, countryOutput: String)? {
        let url = URL(fileURLWithPath: intermediatePath)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        guard let range = name.range(of: "_Z", options: .backwards) else { return nil }
        let map = folder + "/" + name[..<range.lowerBound] + "_region_map.csv"
        let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix("_full_x.csv")
        }.sorted()
        guard FileManager.default.fileExists(atPath: map), candidates.count == 1 else { return nil }
        return (map, folder + "/" + candidates[0])
    }
}
