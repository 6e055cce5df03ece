public import Foundation

extension ClassificationHierarchy {
    /// A classification tree bundled with ChainRiskCore.
    public enum Resource: String, Sendable, CaseIterable {
        /// HS 2022: 97 chapters, 1,229 headings, 5,613 subheadings (`hs2022.csv`, sections from `hs_sections.csv`).
        case hs2022
        /// SITC rev. 4, sections to basic headings (`sitc4.csv`).
        case sitc4
        /// BEC rev. 4 (`bec4.csv`).
        case bec4

        public var classification: Classification {
            switch self {
            case .hs2022: .hs2022
            case .sitc4: .sitc4
            case .bec4: .bec4
            }
        }
    }

    /// HS 2022, read once on first use; stops the program if the bundled file is corrupt.
    public static let hs2022 = loadBundled("HS 2022") { try bundled(.hs2022) }
    /// SITC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let sitc4 = loadBundled("SITC rev. 4") { try bundled(.sitc4) }
    /// BEC rev. 4, read once on first use; stops the program if the bundled file is corrupt.
    public static let bec4 = loadBundled("BEC rev. 4") { try bundled(.bec4) }

    /// Reads a tree from the ChainRiskCore bundle.
    public static func bundled(_ resource: Resource) throws(ReferenceDataError) -> ClassificationHierarchy {
        try ClassificationHierarchy(resource, reading: nil)
    }

    /// Reads a tree from a directory holding the file in the bundled format (`code,parent,level,description`,
    /// plus `section` and `hs_sections.csv` for HS).
    public init(_ resource: Resource, directory: URL) throws(ReferenceDataError) {
        try self.init(resource, reading: directory)
    }

    private init(_ resource: Resource, reading directory: URL?) throws(ReferenceDataError) {
        let table = try ReferenceTable(named: resource.rawValue, in: directory)
        let hasSections = resource == .hs2022
        let column = try table.columns("code", "parent", "level", "description")
        let sectionColumn = hasSections ? try table.columns("section")[0] : nil
        var nodes: [String: Node] = [:]
        for record in table.records {
            let code = record.fields[column[0]]
            let parent = record.fields[column[1]]
            let section = sectionColumn.map { record.fields[$0] } ?? ""
            let node = Node(
                code: code, parent: parent.isEmpty ? nil : parent,
                level: try table.integer(record.fields[column[2]], column: "level", at: record),
                description: record.fields[column[3]], section: section.isEmpty ? nil : section
            )
            guard !code.isEmpty else { throw table.badValue("empty code", at: record) }
            guard nodes.updateValue(node, forKey: code) == nil else { throw table.duplicate(code, at: record) }
        }
        for record in table.records {
            guard let node = nodes[record.fields[column[0]]] else { continue }
            guard let parent = node.parent else {
                guard node.code == "TOTAL" else { throw table.badValue("only TOTAL may lack a parent", at: record) }
                continue
            }
            guard node.code != "TOTAL", let parentNode = nodes[parent], parentNode.level < node.level else {
                throw table.badValue("parent '\(parent)' of \(node.code) is unknown or not above it", at: record)
            }
        }
        let sectionNames = hasSections ? try Self.readSectionNames(directory) : [:]
        self.init(classification: resource.classification, nodes: nodes, sectionNames: sectionNames)
    }

    private static func readSectionNames(_ directory: URL?) throws(ReferenceDataError) -> [String: String] {
        let table = try ReferenceTable(named: "hs_sections", in: directory)
        let column = try table.columns("section", "name")
        var names: [String: String] = [:]
        for record in table.records {
            let section = record.fields[column[0]]
            guard names.updateValue(record.fields[column[1]], forKey: section) == nil else {
                throw table.duplicate(section, at: record)
            }
        }
        return names
    }
}

extension ClassificationHierarchy {
    /// The English description of a product from the bundled hierarchy of its classification (HS 2022 for HS and
    /// CN codes, by their first six digits, and the edition's own text for HS 1992–2017 codes where it differs;
    /// SITC rev. 4; BEC rev. 4), or nil where none is bundled or it lacks the code.
    public static func description(of product: ProductCode) -> String? {
        switch product.classification.family {
        case .hs, .cn:
            let code = String(product.code.prefix(6))
            if product.classification.family == .hs, let edition = product.classification.revision,
                let text = HSEditionNames.bundled.description(of: code, edition: edition)
            {
                return text
            }
            return hs2022.description(of: code)
        case .sitc: return sitc4.description(of: product.code)
        case .bec: return bec4.description(of: product.code)
        case .cpa, .national: return nil
        }
    }
}
