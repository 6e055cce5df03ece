public import Foundation

extension HSEditionBridge {
    /// The bundled bridge (`hs2017_hs2022.csv`, `hs2017_hs2022_unmatched.csv`), read once on first use; stops the
    /// program if a bundled file is corrupt.
    public static let shared = loadBundled("HS 2017 ↔ HS 2022 bridge") { try bundled() }

    /// Reads the bridge from the ChainRiskCore bundle.
    public static func bundled() throws(ReferenceDataError) -> HSEditionBridge {
        try HSEditionBridge(reading: nil)
    }

    /// Reads the bridge from a directory holding `hs2017_hs2022.csv` (`source,target`) and
    /// `hs2017_hs2022_unmatched.csv` (`source`) in the bundled format.
    public init(directory: URL) throws(ReferenceDataError) {
        try self.init(reading: directory)
    }

    /// The name of the file listing the HS 2017 subheadings the correspondence lacks.
    static let unmatchedResource = "hs2017_hs2022_unmatched"

    private init(reading directory: URL?) throws(ReferenceDataError) {
        let correspondence: Correspondence
        if let directory {
            correspondence = try Correspondence(.hs2017HS2022, directory: directory)
        } else {
            correspondence = try Correspondence.bundled(.hs2017HS2022)
        }
        let table = try ReferenceTable(named: Self.unmatchedResource, in: directory)
        let column = try table.columns("source")[0]
        var unmatched: Set<String> = []
        for record in table.records {
            let code = record.fields[column]
            guard code.utf8.count == 6, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else {
                throw table.badValue("'\(code)' is not a 6-digit HS 2017 subheading", at: record)
            }
            guard correspondence.targets(of: code).isEmpty else {
                throw table.badValue("\(code) is in \(Correspondence.Resource.hs2017HS2022.rawValue).csv", at: record)
            }
            guard unmatched.insert(code).inserted else { throw table.duplicate(code, at: record) }
        }
        guard let bridge = HSEditionBridge(correspondence: correspondence, unmatchedHS2017: unmatched) else {
            throw ReferenceDataError(
                .badValue, resource: table.resource, "the correspondence does not go from HS 2017 to HS 2022")
        }
        self = bridge
    }
}
