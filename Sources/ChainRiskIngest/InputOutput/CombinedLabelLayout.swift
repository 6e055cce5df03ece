import ChainRiskCore

/// Reads one-file tables whose rows and columns carry `REGION_CODE` labels: OECD ICIO (editions 2016–2023) and
/// Eurostat FIGARO's matrix CSV.
///
/// A label splits at its first underscore only (ICIO 2023's `AUS_A01_02` is region AUS, industry `A01_02`). An
/// industry is a label that is both a row and a column; other columns are final demand (`AUS_HFCE`, ICIO 2016's
/// `HFCE_AUS`, FIGARO's `DE_P3_S13`, a region-less `DISC`) unless they are totals; other rows are primary inputs
/// (taxes less subsidies, value added) unless they are output totals.
enum CombinedLabelLayout {
    /// The family of a combined-label table: how its regions read and what its unit is.
    enum Family {
        case icio
        case figaro

        var unit: String { self == .icio ? "million USD" : "million EUR" }
        var name: String { self == .icio ? "OECD ICIO" : "FIGARO" }
    }

    /// ICIO's split regions, folded into their country: China and Mexico by processing and non-processing exporters.
    static let icioFolds = ["CN1": "CHN", "CN2": "CHN", "MX1": "MEX", "MX2": "MEX"]
    /// Column and row labels that hold totals, not flows.
    static let totals: Set<String> = ["TOTAL", "OUT", "OUTPUT"]

    static func read(_ files: InputOutputFiles, family: Family) throws -> TableParts {
        let matrix = try MatrixCSVLayout.readMatrixCSV(files.intermediate)
        var findings = matrix.findings
        var regionNames = RegionNames(family: family)
        let rowSet = Set(matrix.rowLabels)
        let columnSet = Set(matrix.columnLabels)
        func industry(_ label: String) -> IOSectorLabel? {
            guard rowSet.contains(label), columnSet.contains(label), let cut = label.firstIndex(of: "_") else {
                return nil
            }
            let region = regionNames.region(String(label[..<cut]))
            return IOSectorLabel(region: region, sector: String(label[label.index(after: cut)...]))
        }
        var table = TableAccumulator(sectors: matrix.columnLabels.compactMap(industry))
        guard !table.sectors.isEmpty else {
            throw InputError(
                .badStructure,
                "no industry found: expected labels REGION_CODE (e.g. AUS_C26) that are both a row and a column",
                at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        }
        let regions = Set(table.sectors.map(\.region))
        enum Role {
            case industry(Int)
            case finalDemand(Int)
            case primary
            case ignored
        }
        let columnRoles: [Role] = matrix.columnLabels.map { label in
            if let sector = industry(label), let index = table.index(of: sector) { return .industry(index) }
            if totals.contains(label.uppercased()) { return .ignored }
            return .finalDemand(table.finalDemandColumn(regionNames.finalDemand(label, regions: regions)))
        }
        let rowRoles: [Role] = matrix.rowLabels.map { label in
            if let sector = industry(label), let index = table.index(of: sector) { return .industry(index) }
            let last = label.split(separator: "_").last.map(String.init) ?? label
            return totals.contains(label.uppercased()) || totals.contains(last.uppercased()) ? .ignored : .primary
        }
        let rows = matrix.rowLabels.count
        for (j, column) in columnRoles.enumerated() {
            for (i, row) in rowRoles.enumerated() {
                let value = matrix.values[j * rows + i]
                guard value != 0 else { continue }
                switch (row, column) {
                case (.industry(let from), .industry(let to)): table.addFlow(from: from, to: to, value)
                case (.industry(let from), .finalDemand(let to)): table.addFinalDemand(from: from, to: to, value)
                case (.primary, .industry(let to)): table.addPrimaryInput(to: to, value)
                default: break
                }
            }
        }
        for note in regionNames.notes { findings.record(Finding(.mappedCode, note)) }
        return table.parts(unit: family.unit, findings: findings)
    }
}

/// How a table family's region codes become chainrisk's: ICIO's split China and Mexico folded, FIGARO's two-letter
/// Eurostat codes made ISO 3166 alpha-3 (`DE` → `DEU`, `EL` → `GRC`), each change remembered as a note.
struct RegionNames {
    let family: CombinedLabelLayout.Family
    private var folded: [String: Set<String>] = [:]
    private var converted: [String: String] = [:]

    init(family: CombinedLabelLayout.Family) { self.family = family }

    /// Eurostat codes that differ from ISO 3166 alpha-2.
    static let eurostat = ["EL": "GR", "UK": "GB"]

    mutating func region(_ code: String) -> String {
        switch family {
        case .icio:
            guard let country = CombinedLabelLayout.icioFolds[code] else { return code }
            folded[country, default: []].insert(code)
            return country
        case .figaro:
            guard code.count == 2, let iso3 = CountryTable.shared.code(iso2: Self.eurostat[code] ?? code) else {
                return code
            }
            converted[code] = iso3.rawValue
            return iso3.rawValue
        }
    }

    /// A final-demand label as region and category: `AUS_HFCE`, `DE_P3_S13` (region first), ICIO 2016's
    /// `HFCE_AUS` (region last), or a region-less column such as `DISC`.
    mutating func finalDemand(_ label: String, regions: Set<String>) -> FinalDemandLabel {
        if let cut = label.firstIndex(of: "_") {
            let first = region(String(label[..<cut]))
            if regions.contains(first) {
                return FinalDemandLabel(region: first, category: String(label[label.index(after: cut)...]))
            }
        }
        if let cut = label.lastIndex(of: "_") {
            let last = region(String(label[label.index(after: cut)...]))
            if regions.contains(last) { return FinalDemandLabel(region: last, category: String(label[..<cut])) }
        }
        return FinalDemandLabel(region: "", category: label)
    }

    /// One sentence per change made to the file's region codes.
    var notes: [String] {
        let folds = folded.keys.sorted().map { country in
            "\(folded[country, default: []].sorted().joined(separator: " and ")) folded into \(country): \(family.name) splits the country's exporters into processing and other; the table here has the country whole"
        }
        let codes =
            converted.isEmpty
            ? []
            : [
                "\(family.name)'s two-letter region codes read as ISO 3166 alpha-3 (\(converted.keys.sorted().prefix(6).map { "\($0) → \(converted[$0] ?? $0)" }.joined(separator: ", "))\(converted.count > 6 ? ", …" : ""))"
            ]
        return folds + codes
    }
}
