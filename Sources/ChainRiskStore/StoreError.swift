/// A problem with the store itself or a request to it (not with an input file's content).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The category of problem, stable for tests and exit codes.
    public enum Code: String, Sendable, Hashable {
        /// A dataset of that name does not exist.
        case unknownDataset = "unknown_dataset"
        /// A dataset of that name exists with other content.
        case datasetExists = "dataset_exists"
        /// The database file cannot be opened or has a newer schema.
        case unavailable
        /// The same file was given twice in one import.
        case duplicateFile = "duplicate_file"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
