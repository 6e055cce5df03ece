/// A problem with the store itself or a request to it (not with an input file's content).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The category of problem, stable for tests and exit codes.
    public enum Code: String, Sendable, Hashable {
        /// A dataset of that name does not exist.
        case unknownDataset = "unknown_dataset"
        /// A dataset of that name exists with other content.
        case datasetExists = "dataset_exists"
        /// The database cannot be opened or used (a broken file, a failed statement).
        case unavailable
        /// The database server cannot be reached, or refuses the credentials.
        case unreachable
        /// The database was written by a newer chainrisk.
        case newerSchema = "newer_schema"
        /// `--db` names a kind of database chainrisk does not know (`mysql://…`) or is malformed.
        case badLocation = "bad_location"
        /// The same file was given twice in one import.
        case duplicateFile = "duplicate_file"
        /// The store's rows differ from what its imports recorded (`chainrisk datasets --check`).
        case inconsistent
        /// A new dataset's name breaks `DatasetName`'s rule.
        case badName = "bad_name"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
