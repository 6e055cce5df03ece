import ChainRiskCore

/// Column positions by header name, for readers that address fields by name.
public struct HeaderIndex: Sendable {
    public let names: [String]
    private let positions: [String: Int]
    private let file: String

    /// Indexes `names`; lookups are case-insensitive.
    public init(_ names: [String], file: String) {
        self.names = names
        self.file = file
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = index
        }
        self.positions = positions
    }

    /// The position of the first of `candidates` present, or nil.
    public func position(of candidates: String...) -> Int? {
        candidates.lazy.compactMap { positions[$0.lowercased()] }.first
    }

    /// The position of `name`; throws `missingColumn` listing the header when absent.
    public func require(_ name: String) throws -> Int {
        guard let index = positions[name.lowercased()] else {
            throw InputError(.missingColumn, "missing column '\(name)'; the header has: \(names.joined(separator: ", "))", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return index
    }
}
