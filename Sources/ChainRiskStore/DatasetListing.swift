public import ChainRiskCore
import Foundation

/// The stored datasets and the built-in ones: the JSON of `chainrisk datasets --format json` and of
/// `GET /api/v1/datasets`.
public struct DatasetListing: Encodable, Sendable {
    /// A dataset shipped with chainrisk, named with its files' SHA-256.
    public struct BuiltIn: Encodable, Sendable {
        public let name: String
        public let files: [LetterDataset.SourceFile]

        public init(name: String, files: [LetterDataset.SourceFile]) {
            self.name = name
            self.files = files
        }
    }

    public let datasets: [DatasetInfo]
    public let builtin: [BuiltIn]

    public init(datasets: [DatasetInfo], builtin: [BuiltIn]) {
        self.datasets = datasets
        self.builtin = builtin
    }

    /// Pretty JSON with sorted keys and a final newline.
    public func renderJSON() throws -> String {
        try Self.render(self)
    }

    /// Any encodable value as pretty JSON with sorted keys, unescaped slashes and a final newline.
    public static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
