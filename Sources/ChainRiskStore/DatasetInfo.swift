public import ChainRiskCore

/// A stored dataset's provenance: where its numbers came from, when, and what the readers found.
public struct DatasetInfo: Hashable, Sendable, Codable {
    /// One file of a dataset, identified by its SHA-256.
    public struct File: Hashable, Sendable, Codable {
        public var path: String
        public var sha256: String
        public var sizeBytes: Int
        public var sourceFormat: String
        public var records: Int
        public var flows: Int
        /// When a fetched response was retrieved from its source (its `path` is then the request URL); nil for a
        /// file the user gave.
        public var retrievedAt: String?

        public init(
            path: String, sha256: String, sizeBytes: Int, sourceFormat: String, records: Int, flows: Int,
            retrievedAt: String? = nil
        ) {
            self.path = path
            self.sha256 = sha256
            self.sizeBytes = sizeBytes
            self.sourceFormat = sourceFormat
            self.records = records
            self.flows = flows
            self.retrievedAt = retrievedAt
        }

        enum CodingKeys: String, CodingKey {
            case path, sha256, records, flows
            case sizeBytes = "size_bytes"
            case sourceFormat = "source_format"
            case retrievedAt = "retrieved_at"
        }
    }

    public var name: String
    public var sourceFormat: String
    /// ISO 8601 UTC time of the import.
    public var importedAt: String
    public var chainriskVersion: String
    public var rowCount: Int
    /// Sum of values per unit token (e.g. `USD`, `kUSD`, `mEUR`), reported and provisional values only.
    public var valueTotals: [String: Double]
    /// Count of findings per kind.
    public var findingCounts: [String: Int]
    /// The first findings of each kind, with file, line and column.
    public var findingExamples: [Finding]
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case name, files
        case sourceFormat = "source_format"
        case importedAt = "imported_at"
        case chainriskVersion = "chainrisk_version"
        case rowCount = "row_count"
        case valueTotals = "value_totals"
        case findingCounts = "finding_counts"
        case findingExamples = "finding_examples"
    }
}

/// What an import did.
public enum ImportOutcome: Hashable, Sendable {
    /// The files were read and stored as a new dataset.
    case imported(DatasetInfo)
    /// A dataset of that name already holds exactly these files (same SHA-256); nothing was written.
    case alreadyImported(DatasetInfo)
}
