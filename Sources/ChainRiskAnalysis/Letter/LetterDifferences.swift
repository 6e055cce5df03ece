public import ChainRiskCore

/// Something a reproducible pipeline finds in a published letter's tables that the letter does not say.
public struct LetterDifference: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
        /// A row the publication's own selection rule includes but its table leaves out.
        case omission
        /// A published class that differs from the band rule only because the index was rounded.
        case rounding
        /// A published class that differs from the band rule beyond rounding.
        case inconsistency
        /// A convention the tables follow without stating it (tie ranks, overlapping bands).
        case convention
        /// A statement of the letter that the figures confirm.
        case confirmation
    }

    /// A stable token, e.g. `table5-omission:aircraft-spacecraft-and-launch-vehicles-parts`.
    public let id: String
    public let kind: Kind
    /// The table concerned: `table2`, `table4`, `table5`.
    public let table: String
    public let textEN: String
    public let textNL: String
    public let figures: [CitedFigure]
}

/// Compares a published letter's tables with what its own rules imply.
///
/// Findings, in this order: the top sectors by importance against the chains the letter names; rank-5 cells that
/// the overlapping bands "1-5" and "5-10" make ambiguous; shared ranks per factor; highly concentrated products
/// above the Table 5 floor that Table 5 omits; published classes that differ from the band rule (rounding when a
/// band edge lies within half a unit of the last printed decimal, an inconsistency otherwise); the products with a
/// concentrated world market.
public enum LetterDifferences {
    /// The chains the 2021 letter names as of particular importance (petroleum, chemicals, electrotechnical,
    /// machinery, food), as sector ids of its Table 2.
    public static let letterChainsOfParticularImportance = [
        "petroleum-industry", "chemicals", "computer-electronic-and-optical-products", "machinery",
        "food-beverages-and-tobacco",
    ]

    /// All findings for a dataset. `minimumValue` is Table 5's floor in the dataset's unit (EUR 250 mln).
    public static func find(
        in dataset: LetterDataset, thresholds: ConcentrationThresholds = .letter, minimumValue: Double = 250,
        bands: RiskBandScheme = .letter, namedChains: [String] = letterChainsOfParticularImportance
    ) -> [LetterDifference] {
        let vulnerability = SectorVulnerability(
            dataset: dataset, bands: bands, particularImportanceCount: namedChains.count)
        return particularImportance(vulnerability, namedChains: namedChains)
            + LetterSectorConventions.bandOverlap(vulnerability)
            + LetterSectorConventions.sharedRanks(vulnerability)
            + table5Omissions(dataset, minimumValue: minimumValue)
            + LetterConcentrationChecks.bandEdges(dataset, thresholds: thresholds)
            + LetterConcentrationChecks.worldMarketExceptions(dataset)
    }

    /// The top sectors by importance compared with the chains the letter names.
    static func particularImportance(_ vulnerability: SectorVulnerability, namedChains: [String]) -> [LetterDifference]
    {
        let top = vulnerability.sectorsOfParticularImportance()
        guard !top.isEmpty else { return [] }
        let topIDs = top.map(\.sector.id)
        let namesEN = top.map(\.sector.nameEN).joined(separator: "; ")
        let namesNL = top.map(\.sector.nameNL).joined(separator: "; ")
        let figures = top.map(PolicyFigures.importance)
        if Set(topIDs) == Set(namedChains) {
            return [
                LetterDifference(
                    id: "table2-particular-importance", kind: .confirmation, table: "table2",
                    textEN:
                        "The \(top.count) sectors with the largest imports plus exports of own make (\(namesEN)) are exactly the chains the letter calls of particular importance.",
                    textNL:
                        "De \(top.count) sectoren met de grootste invoer plus uitvoer van eigen makelij (\(namesNL)) zijn precies de ketens die de brief van bijzonder belang noemt.",
                    figures: figures
                )
            ]
        }
        let missing = namedChains.filter { !topIDs.contains($0) }.joined(separator: ", ")
        return [
            LetterDifference(
                id: "table2-particular-importance", kind: .inconsistency, table: "table2",
                textEN:
                    "The \(top.count) sectors with the largest imports plus exports of own make (\(namesEN)) differ from the chains the letter names; not in the top: \(missing).",
                textNL:
                    "De \(top.count) sectoren met de grootste invoer plus uitvoer van eigen makelij (\(namesNL)) wijken af van de ketens die de brief noemt; niet in de top: \(missing).",
                figures: figures
            )
        ]
    }

    /// Highly concentrated Table 4 products above the floor that Table 5 leaves out, largest first.
    static func table5Omissions(_ dataset: LetterDataset, minimumValue: Double) -> [LetterDifference] {
        let listed = Set(dataset.highConcentration.map(\.productEN))
        let omitted = dataset.topImports.filter {
            $0.concentrationClass == .highlyConcentrated && $0.imports > minimumValue && !listed.contains($0.productEN)
        }.sorted { ($1.imports, $0.productEN) < ($0.imports, $1.productEN) }
        return omitted.map { row in
            let product = ProductDiagnosis(published: row)
            let amount = CitedFigure.money(row.imports, unit: row.unit)
            let floor = CitedFigure.money(minimumValue, unit: row.unit)
            let hhiEN = NumberFormat.sentence(row.hhi, decimals: 2, dutch: false)
            let hhiNL = NumberFormat.sentence(row.hhi, decimals: 2, dutch: true)
            return LetterDifference(
                id: "table5-omission:" + Sector.slug(row.productEN), kind: .omission, table: "table5",
                textEN:
                    "Table 4 lists \(row.productEN) (imports \(amount.en), HHI \(hhiEN), highly concentrated), above Table 5's floor of \(floor.en), but Table 5 omits it: its world market was not checked.",
                textNL:
                    "Tabel 4 noemt \(row.productNL) (invoer \(amount.nl), HHI \(hhiNL), hoog geconcentreerd), boven de grens van \(floor.nl) van tabel 5, maar tabel 5 laat het weg: de wereldmarkt is niet onderzocht.",
                figures: [
                    PolicyFigures.importConcentration(product), PolicyFigures.imports(product),
                    PolicyFigures.worldMarket(product),
                ]
            )
        }
    }
}
