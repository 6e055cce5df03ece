import ChainRiskCore

/// Reads the letter's transcribed tables (small, trusted CSV files) into Core values.
struct LetterTableReader {
    let folder: String

    /// Each record of `name` as a dictionary from column name to text, with its line.
    private func records(_ name: String) throws -> [(fields: [String: String], location: SourceLocation)] {
        let reader = CSVReader(source: try FileByteSource(path: folder + "/" + name), file: name, separator: 0x2C)
        let header = try reader.readHeader()
        var result: [(fields: [String: String], location: SourceLocation)] = []
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            var fields: [String: String] = [:]
            for (index, column) in header.enumerated() { fields[column] = reader.string(index) }
            result.append((fields, reader.recordLocation))
        }
        return result
    }

    private func number(_ fields: [String: String], _ key: String, _ location: SourceLocation) throws -> Double {
        guard let text = fields[key], let value = NumberParser.double(text) else {
            throw InputError.badNumber(fields[key] ?? "", column: key, at: location)
        }
        return value
    }

    private func country(iso2 text: String, _ location: SourceLocation) throws -> CountryCode? {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { return nil }
        guard let code = CountryTable.shared.code(iso2: trimmed) else {
            throw InputError(.badValue, "unknown ISO 3166 alpha-2 code '\(trimmed)'", at: location)
        }
        return code
    }

    func events(_ name: String) throws -> [DisruptionEvent] {
        try records(name).map { fields, location in
            let start = (fields["start"] ?? "").split(separator: "-").compactMap { Int($0) }
            guard start.count == 2, let category = CauseCategory(rawValue: fields["category"] ?? "") else {
                throw InputError(.badValue, "expected a start YYYY-MM and a cause category", at: location)
            }
            let regions = try (fields["regions"] ?? "").split(separator: ";").compactMap {
                try country(iso2: String($0), location)
            }
            return DisruptionEvent(
                id: Int(try number(fields, "id", location)), nameEN: fields["event"] ?? "",
                nameNL: fields["event_nl"] ?? "",
                category: category, startYear: start[0], startMonth: start[1], regions: regions,
                productionSitesAffected: Int(try number(fields, "production_sites_affected", location)),
                durationWeeks: try number(fields, "duration_weeks", location)
            )
        }
    }

    func sectors(_ name: String, year: Int) throws -> [SectorRiskProfile] {
        try records(name).map { fields, location in
            var ranks: [RiskFactor: Int] = [:]
            for factor in RiskFactor.allCases {
                ranks[factor] = Int(try number(fields, factor.rawValue, location))
            }
            return SectorRiskProfile(
                sector: Sector(nameEN: fields["sector_en"] ?? "", nameNL: fields["sector_nl"] ?? ""), ranks: ranks,
                imports: try number(fields, "imports_eur_mln_\(year)", location),
                exportsOfOwnMake: try number(fields, "exports_own_make_eur_mln_\(year)", location),
                unit: .millionEUR, year: year
            )
        }
    }

    func concentration(_ name: String, year: Int) throws -> [PublishedConcentration] {
        try records(name).map { fields, location in
            let classLabel = fields["concentration_class_nl"] ?? ""
            guard let concentrationClass = ConcentrationClass(label: classLabel) else {
                throw InputError(.badValue, "unknown concentration class '\(classLabel)'", at: location)
            }
            let topValue = fields["top_supplier_imports_eur_mln"].flatMap { NumberParser.double($0) }
            return PublishedConcentration(
                rank: fields["rank"].flatMap { Int($0) }, productEN: fields["product_en"] ?? "",
                productNL: fields["product_nl"] ?? "",
                imports: try number(fields, "imports_own_use_eur_mln_\(year)", location), unit: .millionEUR, year: year,
                hhi: try number(fields, fields["hhi"] != nil ? "hhi" : "hhi_nl_imports", location),
                concentrationClass: concentrationClass,
                worldMarketClass: fields["world_export_concentration_nl"].flatMap { ConcentrationClass(label: $0) },
                topSupplier: try country(iso2: fields["top_supplier"] ?? "", location), topSupplierValue: topValue
            )
        }
    }

    func suppressed(_ name: String) throws -> [SuppressedProduct] {
        try records(name).map { fields, _ in
            SuppressedProduct(productEN: fields["product_en"] ?? "", productNL: fields["product_nl"] ?? "")
        }
    }

    func contextFacts(_ name: String) throws -> [ContextFact] {
        try records(name).map { fields, location in
            ContextFact(
                id: fields["id"] ?? "", value: try number(fields, "value", location), unit: fields["unit"] ?? "",
                year: Int(try number(fields, "year", location)), textEN: fields["text_en"] ?? "",
                textNL: fields["text_nl"] ?? ""
            )
        }
    }
}
