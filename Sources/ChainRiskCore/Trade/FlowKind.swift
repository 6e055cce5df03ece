import Foundation

/// The direction and concept of a trade flow, as trade statistics distinguish them.
///
/// The letter works with imports *for own use* (re-exports excluded) and exports *of own make*; UN Comtrade and
/// BACI give total imports and exports. Keeping the concepts apart keeps concentration figures comparable.
public enum FlowKind: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case imports = "import"
    case importsForOwnUse = "import_own_use"
    case reImports = "re_import"
    case exports = "export"
    case exportsOfOwnMake = "export_own_make"
    case reExports = "re_export"

    /// True for the import concepts.
    public var isImport: Bool { self == .imports || self == .importsForOwnUse || self == .reImports }

    /// Parses the canonical token and common spellings: `import`, `M`, `Import`, `imports`, `export`, `X`,
    /// `re-export`, `RX`, `DX` (domestic exports = exports of own make), `RM`, `own_use` …
    public init?(token: String) {
        let key = token.trimmingASCIIWhitespace().lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        switch key {
        case "import", "imports", "m", "1": self = .imports
        case "import_own_use", "imports_own_use", "imports_for_own_use", "own_use": self = .importsForOwnUse
        case "re_import", "re_imports", "rm": self = .reImports
        case "export", "exports", "x", "2": self = .exports
        case "export_own_make", "exports_own_make", "exports_of_own_make", "domestic_export", "dx":
            self = .exportsOfOwnMake
        case "re_export", "re_exports", "rx": self = .reExports
        default: return nil
        }
    }
}
