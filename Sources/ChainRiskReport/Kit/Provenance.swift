public import ChainRiskCore

/// Where a report's numbers came from: datasets with their file hashes, thresholds, and the chainrisk version.
///
/// No clock time unless asked for, so the same inputs give the same bytes.
public struct Provenance: Sendable, Hashable {
    /// One input: a stored dataset, a file read directly, or a built-in dataset.
    public struct Input: Sendable, Hashable {
        public var name: String
        /// `dataset`, `file` or `builtin`.
        public var kind: String
        public var files: [(path: String, sha256: String)]
        /// The store's import time for a dataset (provenance of the data, not of the report).
        public var importedAt: String?

        public init(name: String, kind: String, files: [(path: String, sha256: String)], importedAt: String? = nil) {
            self.name = name
            self.kind = kind
            self.files = files
            self.importedAt = importedAt
        }

        public static func == (lhs: Input, rhs: Input) -> Bool {
            lhs.name == rhs.name && lhs.kind == rhs.kind && lhs.importedAt == rhs.importedAt
                && lhs.files.map(\.path) == rhs.files.map(\.path) && lhs.files.map(\.sha256) == rhs.files.map(\.sha256)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(kind)
            for file in files { hasher.combine(file.sha256) }
        }
    }

    public var inputs: [Input]
    /// Named settings that shaped the result (thresholds preset and rule, level, filters).
    public var settings: [String: String]
    public var version: String
    /// Generation time, only when the user asks for it (`--timestamp`).
    public var generatedAt: String?

    public init(
        inputs: [Input], settings: [String: String], version: String = ChainRiskVersion.current,
        generatedAt: String? = nil
    ) {
        self.inputs = inputs
        self.settings = settings
        self.version = version
        self.generatedAt = generatedAt
    }

    /// The JSON form, keys sorted on rendering.
    public var json: JSONValue {
        var object: [String: JSONValue] = [
            "inputs": .array(
                inputs.map { input in
                    var members: [String: JSONValue] = [
                        "name": .string(input.name), "kind": .string(input.kind),
                        "files": .array(
                            input.files.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
                    ]
                    if let importedAt = input.importedAt { members["imported_at"] = .string(importedAt) }
                    return .object(members)
                }),
            "settings": .object(settings.mapValues { .string($0) }),
            "chainrisk_version": .string(version),
        ]
        if let generatedAt { object["generated_at"] = .string(generatedAt) }
        return .object(object)
    }

    /// Lines for text and Markdown footers.
    /// The same as `lines`, nested: each input with its files under it, then the settings and the version.
    public var outline: [(item: String, children: [String])] {
        var items: [(item: String, children: [String])] = inputs.map { input in
            (
                "\(input.kind) \(input.name)" + (input.importedAt.map { " (imported \($0))" } ?? ""),
                input.files.map { "\($0.path) sha256 \($0.sha256)" }
            )
        }
        items += settings.keys.sorted().map { ("\($0): \(settings[$0] ?? "")", []) }
        items.append(("chainrisk \(version)" + (generatedAt.map { ", generated \($0)" } ?? ""), []))
        return items
    }

    public var lines: [String] {
        var lines: [String] = []
        for input in inputs {
            lines.append("\(input.kind) \(input.name)" + (input.importedAt.map { " (imported \($0))" } ?? ""))
            for file in input.files { lines.append("  \(file.path) sha256 \(file.sha256)") }
        }
        for key in settings.keys.sorted() { lines.append("\(key): \(settings[key] ?? "")") }
        lines.append("chainrisk \(version)" + (generatedAt.map { ", generated \($0)" } ?? ""))
        return lines
    }
}
