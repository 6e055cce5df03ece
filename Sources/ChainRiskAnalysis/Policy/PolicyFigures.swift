import ChainRiskCore

/// The cited figures of product and sector diagnoses, in English and Dutch, as policy recommendations quote them.
enum PolicyFigures {
    /// `import HHI 0.37 (highly concentrated)` / `HHI invoer 0,37 (hoog geconcentreerd)`.
    static func importConcentration(_ product: ProductDiagnosis) -> CitedFigure {
        let classEN = product.importClass?.nameEN ?? "class unknown"
        let classNL = product.importClass?.nameNL ?? "klasse onbekend"
        guard let hhi = product.importHHI else {
            return CitedFigure(
                key: "import_hhi", value: nil, token: product.importClass?.rawValue,
                textEN: "import HHI unknown (\(classEN))", textNL: "HHI invoer onbekend (\(classNL))"
            )
        }
        return CitedFigure(
            key: "import_hhi", value: hhi, token: product.importClass?.rawValue,
            textEN:
                "import HHI \(NumberFormat.sentence(hhi, decimals: product.hhiDecimals, dutch: false)) (\(classEN))",
            textNL: "HHI invoer \(NumberFormat.sentence(hhi, decimals: product.hhiDecimals, dutch: true)) (\(classNL))"
        )
    }

    /// The world-export HHI with its verdict, the published world class, or "world market not checked".
    static func worldMarket(_ product: ProductDiagnosis) -> CitedFigure {
        let status = product.worldMarket
        if let hhi = product.worldHHI {
            return CitedFigure(
                key: "world_market", value: hhi, token: status.rawValue,
                textEN:
                    "world-export HHI \(NumberFormat.sentence(hhi, decimals: product.hhiDecimals, dutch: false)) (\(status.nameEN))",
                textNL:
                    "HHI wereldexport \(NumberFormat.sentence(hhi, decimals: product.hhiDecimals, dutch: true)) (\(status.nameNL))"
            )
        }
        if let worldClass = product.worldClass {
            return CitedFigure(
                key: "world_market", value: nil, token: status.rawValue,
                textEN: "world exports \(worldClass.nameEN) (\(status.nameEN))",
                textNL: "wereldexport \(worldClass.nameNL) (\(status.nameNL))"
            )
        }
        return CitedFigure(
            key: "world_market", value: nil, token: status.rawValue, textEN: status.nameEN, textNL: status.nameNL)
    }

    /// `imports EUR 2,494 mln (2019)`, with `> EUR 1,000 mln` when a threshold triggered.
    static func imports(_ product: ProductDiagnosis, above threshold: PolicyCondition.ValueThreshold? = nil)
        -> CitedFigure
    {
        let amount = CitedFigure.money(product.importValue, unit: product.unit)
        var textEN = "imports \(amount.en) (\(product.year))"
        var textNL = "invoer \(amount.nl) (\(product.year))"
        if let threshold {
            let floor = CitedFigure.money(threshold.value, unit: threshold.unit)
            textEN += " > \(floor.en)"
            textNL += " > \(floor.nl)"
        }
        return CitedFigure(
            key: "imports", value: product.importValue, token: nil, unit: product.unit, textEN: textEN, textNL: textNL)
    }

    /// The European Commission 2021 verdict with its three tests.
    static func euDependency(_ verdict: DependencyCriteria.EUDependency) -> CitedFigure {
        let tests = [verdict.concentration, verdict.extraEUShare] + (verdict.importExportRatio.map { [$0] } ?? [])
        let dutchNames = [
            "extra_eu_hhi": "HHI invoer van buiten de EU", "extra_eu_share": "aandeel invoer van buiten de EU",
            "import_export_ratio": "invoer van buiten de EU / uitvoer",
        ]
        let testsNL = tests.map { test -> String in
            let name = dutchNames[test.name] ?? test.name
            guard let value = test.value else { return "\(name): \(test.isMet ? "voldaan" : "niet voldaan")" }
            return
                "\(name) \(NumberFormat.sentence(value, decimals: 3, dutch: true)) \(test.isMet ? ">" : "≤") \(String(NumberFormat.shortest(test.threshold).map { $0 == "." ? "," : $0 }))"
        }
        return CitedFigure(
            key: "eu_dependency", value: verdict.concentration.value,
            token: verdict.isDependent ? "dependent" : "not_dependent",
            textEN:
                "EC 2021 \(verdict.isDependent ? "dependent" : "not dependent"): \(tests.map(\.explanation).joined(separator: "; "))",
            textNL:
                "EC 2021 \(verdict.isDependent ? "afhankelijk" : "niet afhankelijk"): \(testsNL.joined(separator: "; "))"
        )
    }

    /// The GeoDep verdict with its flagged years.
    static func geoDep(_ verdict: DependencyCriteria.GeoDepDependency) -> CitedFigure {
        let years = verdict.flaggedYears.map(String.init).joined(separator: ", ")
        return CitedFigure(
            key: "geodep", value: Double(verdict.flaggedYears.count),
            token: verdict.isPersistent ? "persistent" : "not_persistent",
            textEN:
                "GeoDep \(verdict.isPersistent ? "persistent dependency" : "no persistent dependency") (flagged: \(years.isEmpty ? "none" : years); \(verdict.rule))",
            textNL:
                "GeoDep \(verdict.isPersistent ? "aanhoudende afhankelijkheid" : "geen aanhoudende afhankelijkheid") (gemarkeerd: \(years.isEmpty ? "geen" : years))"
        )
    }

    /// `trade dispute rank 1 of 17 (orange)` / `handelsgeschil rang 1 van 17 (oranje)`.
    static func factorRank(_ factorRank: FactorRank, of sector: SectorDiagnosis) -> CitedFigure {
        CitedFigure(
            key: "rank_" + factorRank.factor.rawValue, value: Double(factorRank.rank), token: factorRank.band.rawValue,
            textEN:
                "\(factorRank.factor.nameEN.lowercased()) rank \(factorRank.rank) of \(sector.sectorCount) (\(factorRank.band.nameEN))",
            textNL:
                "\(factorRank.factor.nameNL.lowercased()) rang \(factorRank.rank) van \(sector.sectorCount) (\(factorRank.band.nameNL))"
        )
    }

    /// `origin concentration 0.31, rank 2 of 14 measured (orange)` / `concentratie van herkomst 0,31, rang 2 van 14
    /// gemeten (oranje)`; shares print as percentages.
    static func measuredRank(_ measured: MeasuredRank) -> CitedFigure {
        let isIndex = measured.factor == .originConcentration
        let (en, nl) =
            isIndex
            ? (
                "HHI " + NumberFormat.sentence(measured.value, decimals: 3, dutch: false),
                "HHI " + NumberFormat.sentence(measured.value, decimals: 3, dutch: true)
            )
            : (
                NumberFormat.sentence(measured.value * 100, decimals: 1, dutch: false) + " %",
                NumberFormat.sentence(measured.value * 100, decimals: 1, dutch: true) + " %"
            )
        return CitedFigure(
            key: "measured_" + measured.factor.rawValue, value: measured.value, token: measured.band.rawValue,
            textEN:
                "\(measured.factor.nameEN.lowercased()) \(en), rank \(measured.rank) of \(measured.count) measured (\(measured.band.nameEN))",
            textNL:
                "\(measured.factor.nameNL.lowercased()) \(nl), rang \(measured.rank) van \(measured.count) gemeten (\(measured.band.nameNL))"
        )
    }

    /// The sector group a sector belongs to, e.g. `high-tech sector`.
    static func group(_ group: SectorGroup) -> CitedFigure {
        CitedFigure(key: "sector_group", value: nil, token: group.id, textEN: group.nameEN, textNL: group.nameNL)
    }

    /// `importance rank 1 of 17 (imports + exports of own make EUR 60,442 mln, 2018)`.
    static func importance(_ sector: SectorDiagnosis) -> CitedFigure {
        // A diagnosis exists only for a sector whose importance the data gives (`SectorVulnerability.diagnoses`).
        let amount = CitedFigure.money(sector.profile.importance ?? 0, unit: sector.profile.unit)
        return CitedFigure(
            key: "importance_rank", value: Double(sector.importanceRank), token: sector.importanceTier.rawValue,
            textEN:
                "importance rank \(sector.importanceRank) of \(sector.sectorCount) (imports + exports of own make \(amount.en), \(sector.profile.year))",
            textNL:
                "rang naar belang \(sector.importanceRank) van \(sector.sectorCount) (invoer + uitvoer eigen makelij \(amount.nl), \(sector.profile.year))"
        )
    }
}
