import ChainRiskCore
public import ChainRiskIngest

/// A request to import files as one dataset.
public struct ImportRequest: Sendable {
    /// One input file and the reader for its format.
    public struct Source: Sendable {
        public var file: InputFile
        public var reader: any TradeReader
        /// When the file was fetched from its source (ISO 8601 UTC), for a file that is a fetched response named by
        /// its URL; nil for a file given by the user.
        public var retrievedAt: String?

        public init(file: InputFile, reader: any TradeReader, retrievedAt: String? = nil) {
            self.file = file
            self.reader = reader
            self.retrievedAt = retrievedAt
        }
    }

    public var name: String
    public var sources: [Source]
    public var options: ReadOptions
    /// Turn every finding into an error: nothing is stored when any file has a finding.
    public var strict: Bool
    /// Replace a dataset of the same name that holds other files.
    public var replace: Bool

    public init(
        name: String, sources: [Source], options: ReadOptions = ReadOptions(), strict: Bool = false,
        replace: Bool = false
    ) {
        self.name = name
        self.sources = sources
        self.options = options
        self.strict = strict
        self.replace = replace
    }
}

/// Called now and then during an import with the flows stored so far and the file being read.
public typealias ImportProgress = (_ flowsStored: Int, _ file: InputFile) -> Void
