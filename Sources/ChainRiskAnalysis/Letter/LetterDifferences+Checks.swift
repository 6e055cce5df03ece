import ChainRiskCore

/// The Table 2 conventions `LetterDifferences` reports: overlapping bands at rank 5 and shared ranks.
enum LetterSectorConventions {
    /// Cells at the rank where the letter's ranges "1-5" and "5-10" overlap, counted as orange.
    static func bandOverlap(_ vulnerability: SectorVulnerability) -> [LetterDifference] {
        let edge = vulnerability.bands.orangeUpTo
        let cells = vulnerability.byImportance().flatMap { profile in
            RiskFactor.allCases.filter { profile.rank($0) == edge }.map { (profile.sector, $0) }
        }
        guard !cells.isEmpty else { return [] }
        let listEN = cells.map { "\($0.0.nameEN) (\($0.1.nameEN.lowercased()))" }.joined(separator: "; ")
        let listNL = cells.map { "\($0.0.nameNL) (\($0.1.nameNL.lowercased()))" }.joined(separator: "; ")
        return [
            LetterDifference(
                id: "table2-band-overlap", kind: .convention, table: "table2",
                textEN:
                    "The letter colours ranks \"1-5\" orange and \"5-10\" yellow, so rank \(edge) is in both; we count it as orange. \(cells.count) cells have rank \(edge): \(listEN).",
                textNL:
                    "De brief kleurt rangen \"1-5\" oranje en \"5-10\" geel, zodat rang \(edge) in beide valt; wij tellen die als oranje. \(cells.count) cellen hebben rang \(edge): \(listNL).",
                figures: [
                    CitedFigure(
                        key: "cells_at_edge", value: Double(cells.count), token: RiskBand.orange.rawValue,
                        textEN: "\(cells.count) cells at rank \(edge)", textNL: "\(cells.count) cellen met rang \(edge)"
                    )
                ]
            )
        ]
    }

    /// One finding per factor whose ranks are shared, with the tie convention and the orange count it leads to.
    static func sharedRanks(_ vulnerability: SectorVulnerability) -> [LetterDifference] {
        let counts = vulnerability.bandCounts()
        return RiskFactor.allCases.compactMap { factor in
            let ranks = vulnerability.profiles.compactMap { $0.ranks[factor] }
            var frequency: [Int: Int] = [:]
            for rank in ranks { frequency[rank, default: 0] += 1 }
            let shared = frequency.filter { $0.value > 1 }.keys.sorted()
            guard !shared.isEmpty, let highest = ranks.max() else { return nil }
            let conventions = TieConvention.consistent(with: ranks)
            let conventionEN = conventions.map(\.nameEN).joined(separator: " or ")
            let conventionNL = conventions.map(\.nameNL).joined(separator: " of ")
            let orange = counts.first { $0.factor == factor }?.orange ?? 0
            let sharedEN =
                shared.count == 1
                ? "rank \(shared[0]) is shared" : "ranks \(Self.list(shared.map(String.init), and: "and")) are shared"
            let sharedNL =
                shared.count == 1
                ? "rang \(shared[0]) is gedeeld"
                : "rangen \(Self.list(shared.map(String.init), and: "en")) zijn gedeeld"
            return LetterDifference(
                id: "table2-shared-ranks:" + factor.rawValue, kind: .convention, table: "table2",
                textEN:
                    "\(factor.nameEN): \(sharedEN); the column follows \(conventionEN.isEmpty ? "no standard convention" : conventionEN), so the highest rank is \(highest) of \(ranks.count) sectors and \(orange) sectors are orange.",
                textNL:
                    "\(factor.nameNL): \(sharedNL); de kolom volgt \(conventionNL.isEmpty ? "geen standaardconventie" : conventionNL), zodat de hoogste rang \(highest) is van \(ranks.count) sectoren en \(orange) sectoren oranje zijn.",
                figures: [
                    CitedFigure(
                        key: "highest_rank", value: Double(highest), token: conventions.first?.rawValue,
                        textEN: "highest rank \(highest)", textNL: "hoogste rang \(highest)"),
                    CitedFigure(
                        key: "orange_count", value: Double(orange), token: RiskBand.orange.rawValue,
                        textEN: "\(orange) orange", textNL: "\(orange) oranje"),
                ]
            )
        }
    }
}

extension LetterSectorConventions {
    /// `a`, `a and b`, `a, b and c` (with `and` in the given language).
    static func list(_ items: [String], and word: String, separator: String = ", ") -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: separator) + " \(word) " + last
    }
}

/// The Table 4 and 5 checks `LetterDifferences` reports: band edges and world-market exceptions.
enum LetterConcentrationChecks {
    /// Published classes that differ from the band rule applied to the published (rounded) index.
    static func bandEdges(_ dataset: LetterDataset, thresholds: ConcentrationThresholds) -> [LetterDifference] {
        let rows = dataset.topImports.map { ("table4", $0) } + dataset.highConcentration.map { ("table5", $0) }
        let edgesEN = LetterSectorConventions.list(
            thresholds.edges.map { NumberFormat.sentence($0.value, decimals: 2, dutch: false) }, and: "and")
        let edgesNL = LetterSectorConventions.list(
            thresholds.edges.map { NumberFormat.sentence($0.value, decimals: 2, dutch: true) }, and: "en")
        return rows.compactMap { table, row in
            let ruled = thresholds.classify(row.hhi)
            guard ruled != row.concentrationClass else { return nil }
            let isRounding = thresholds.edges.contains { abs($0.value - row.hhi) <= 0.005 + 1e-12 }
            let hhiEN = NumberFormat.sentence(row.hhi, decimals: 2, dutch: false)
            let hhiNL = NumberFormat.sentence(row.hhi, decimals: 2, dutch: true)
            let explanationEN =
                isRounding
                ? "The index was rounded to two decimals next to a band edge; treated as rounding, the published class is kept."
                : "The difference is larger than rounding can explain."
            let explanationNL =
                isRounding
                ? "De index is afgerond op twee decimalen naast een klassegrens; behandeld als afronding, de gepubliceerde klasse blijft staan."
                : "Het verschil is groter dan afronding kan verklaren."
            return LetterDifference(
                id: "\(table)-band-edge:" + Sector.slug(row.productEN), kind: isRounding ? .rounding : .inconsistency,
                table: table,
                textEN:
                    "\(row.productEN): published HHI \(hhiEN) is \(row.concentrationClass.nameEN) in the letter; the band edges \(edgesEN) give \(ruled.nameEN). \(explanationEN)",
                textNL:
                    "\(row.productNL): gepubliceerde HHI \(hhiNL) is \(row.concentrationClass.nameNL) in de brief; de klassegrenzen \(edgesNL) geven \(ruled.nameNL). \(explanationNL)",
                figures: [
                    PolicyFigures.importConcentration(ProductDiagnosis(published: row)),
                    CitedFigure(
                        key: "band_rule_class", value: row.hhi, token: ruled.rawValue,
                        textEN: "band rule: \(ruled.nameEN)", textNL: "klassegrenzen: \(ruled.nameNL)"),
                ]
            )
        }
    }

    /// The Table 5 products whose world market is concentrated (the letter: only maize and coal).
    static func worldMarketExceptions(_ dataset: LetterDataset) -> [LetterDifference] {
        let exceptions = dataset.highConcentration.filter {
            ($0.worldMarketClass ?? .notConcentrated) != .notConcentrated
        }
        .sorted { ($1.imports, $0.productEN) < ($0.imports, $1.productEN) }
        guard !exceptions.isEmpty else { return [] }
        return [
            LetterDifference(
                id: "table5-world-market-exceptions", kind: .confirmation, table: "table5",
                textEN:
                    "Of the products in Table 5, only \(LetterSectorConventions.list(exceptions.map(\.productEN), and: "and", separator: "; ")) \(exceptions.count == 1 ? "has" : "have") a concentrated world market.",
                textNL:
                    "Van de producten in tabel 5 \(exceptions.count == 1 ? "heeft" : "hebben") alleen \(LetterSectorConventions.list(exceptions.map(\.productNL), and: "en", separator: "; ")) een geconcentreerde wereldmarkt.",
                figures: exceptions.map { PolicyFigures.worldMarket(ProductDiagnosis(published: $0)) }
            )
        ]
    }
}
