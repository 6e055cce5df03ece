public import Foundation

extension Correspondence {
    /// A correspondence bundled with ChainRiskCore (insongkim/concordance tables, UN Statistics Division origin).
    public enum Resource: String, Sendable, CaseIterable {
        /// HS 2022 subheading → SITC rev. 4 basic heading (`hs2022_sitc4.csv`).
        case hs2022SITC4 = "hs2022_sitc4"
        /// HS 2017 subheading → SITC rev. 4 basic heading (`hs2017_sitc4.csv`).
        case hs2017SITC4 = "hs2017_sitc4"
        /// HS 2022 subheading → BEC rev. 4 three-digit category (`hs2022_bec4.csv`).
        case hs2022BEC4 = "hs2022_bec4"
        /// HS 2017 subheading → BEC rev. 4 three-digit category (`hs2017_bec4.csv`).
        case hs2017BEC4 = "hs2017_bec4"
        /// SITC rev. 4 basic heading → BEC rev. 4 three-digit category (`sitc4_bec4.csv`).
        case sitc4BEC4 = "sitc4_bec4"
        /// HS 2017 subheading → HS 2022 subheading (`hs2017_hs2022.csv`); `HSEditionBridge` reads it both ways.
        case hs2017HS2022 = "hs2017_hs2022"

        public var source: Classification {
            switch self {
            case .hs2022SITC4, .hs2022BEC4: .hs2022
            case .hs2017SITC4, .hs2017BEC4, .hs2017HS2022: .hs2017
            case .sitc4BEC4: .sitc4
            }
        }

        public var target: Classification {
            switch self {
            case .hs2022SITC4, .hs2017SITC4: .sitc4
            case .hs2022BEC4, .hs2017BEC4, .sitc4BEC4: .bec4
            case .hs2017HS2022: .hs2022
            }
        }
    }

    /// HS 2022 → SITC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let hs2022ToSITC4 = loadBundled("HS 2022 → SITC4") { try bundled(.hs2022SITC4) }
    /// HS 2017 → SITC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let hs2017ToSITC4 = loadBundled("HS 2017 → SITC4") { try bundled(.hs2017SITC4) }
    /// HS 2022 → BEC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let hs2022ToBEC4 = loadBundled("HS 2022 → BEC4") { try bundled(.hs2022BEC4) }
    /// HS 2017 → BEC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let hs2017ToBEC4 = loadBundled("HS 2017 → BEC4") { try bundled(.hs2017BEC4) }
    /// SITC rev. 4 → BEC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let sitc4ToBEC4 = loadBundled("SITC4 → BEC4") { try bundled(.sitc4BEC4) }
    /// HS 2017 → HS 2022 at six digits, read once on first use; stops the program if the bundled file is corrupt.
    public static let hs2017ToHS2022 = loadBundled("HS 2017 → HS 2022") { try bundled(.hs2017HS2022) }

    /// The bundled HS → BEC rev. 4 table for an HS vintage: HS 2022 or HS 2017; `nil` for other vintages.
    public static func hsToBEC4(vintage: Classification) -> Correspondence? {
        switch vintage {
        case .hs2022: hs2022ToBEC4
        case .hs2017: hs2017ToBEC4
        default: nil
        }
    }

    /// Reads a correspondence from the ChainRiskCore bundle.
    public static func bundled(_ resource: Resource) throws(ReferenceDataError) -> Correspondence {
        try Correspondence(resource, reading: nil)
    }

    /// Reads a correspondence from a directory holding the file in the bundled format (`source,target`).
    public init(_ resource: Resource, directory: URL) throws(ReferenceDataError) {
        try self.init(resource, reading: directory)
    }

    private init(_ resource: Resource, reading directory: URL?) throws(ReferenceDataError) {
        let table = try ReferenceTable(named: resource.rawValue, in: directory)
        let column = try table.columns("source", "target")
        var pairs: [(String, String)] = []
        pairs.reserveCapacity(table.records.count)
        for record in table.records {
            let pair = (record.fields[column[0]], record.fields[column[1]])
            guard !pair.0.isEmpty, !pair.1.isEmpty else { throw table.badValue("empty code", at: record) }
            pairs.append(pair)
        }
        self.init(source: resource.source, target: resource.target, pairs: pairs)
    }
}
