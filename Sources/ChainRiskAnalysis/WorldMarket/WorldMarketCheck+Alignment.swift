import ChainRiskCore

extension WorldMarketCheck {
    /// Each import row checked against the world row of the same product code (else its heading or chapter), from
    /// the nearest year available.
    ///
    /// World-export data is often of another year than the imports (e.g. a 2017 world file against 2018–2022
    /// imports) and of another vintage of the same classification family (HS unknown vs HS 2017). The world row is
    /// matched on the code and family; the same year is preferred, else the nearest earlier year, else the
    /// nearest later one. A match across years, vintages or to a parent code is reported as approximate, with the
    /// reason in the note. Results are in the order of `imports`; nil where no world row has the code.
    public func aligned(imports: [ImportConcentration], world: [ImportConcentration]) -> [Result?] {
        struct CodeKey: Hashable {
            let family: Classification.Family
            let code: String
        }
        var byCode: [CodeKey: [ImportConcentration]] = [:]
        for row in world.sorted(by: ImportConcentration.keyOrder) {
            byCode[CodeKey(family: row.product.classification.family, code: row.product.code), default: []].append(row)
        }
        return imports.map { row in
            let family = row.product.classification.family
            let code = row.product.code
            // The code itself, else its heading and chapter (world data is often coarser than imports).
            let levels = [code.utf8.count] + [4, 2].filter { $0 < code.utf8.count }
            guard
                let candidates = levels.lazy.compactMap({
                    byCode[CodeKey(family: family, code: String(code.prefix($0)))]
                }).first,
                let match = Self.nearestYear(candidates, to: row.year)
            else { return nil }
            let result = check(row, world: match)
            let sameYear = match.year == row.year
            let sameVintage = match.product.classification == row.product.classification
            let sameCode = match.product.code == code
            guard !(sameYear && sameVintage && sameCode) else { return result }
            var reasons: [String] = []
            if !sameCode { reasons.append("world data at \(match.product.code), the product's parent") }
            if !sameYear { reasons.append("world data of \(match.year)") }
            if !sameVintage { reasons.append("world codes in \(match.product.classification.token)") }
            return Result(
                reporter: result.reporter, year: result.year, flow: result.flow, product: result.product,
                unit: result.unit,
                importValue: result.importValue, importHHI: result.importHHI, importClass: result.importClass,
                worldHHI: result.worldHHI, worldClass: result.worldClass, worldExporters: result.worldExporters,
                topExporter: result.topExporter, topExporterShare: result.topExporterShare, verdict: result.verdict,
                quality: .approximate, note: result.note + " (" + reasons.joined(separator: ", ") + ")"
            )
        }
    }

    /// The row of `year`, else the latest earlier year, else the earliest later year.
    static func nearestYear(_ rows: [ImportConcentration], to year: Int) -> ImportConcentration? {
        if let same = rows.first(where: { $0.year == year }) { return same }
        if let earlier = rows.filter({ $0.year < year }).max(by: { $0.year < $1.year }) { return earlier }
        return rows.filter { $0.year > year }.min { $0.year < $1.year }
    }
}
