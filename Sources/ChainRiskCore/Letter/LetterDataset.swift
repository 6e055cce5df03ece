/// The figures of a published vulnerability analysis, such as the built-in `nl-letter-2021`.
public struct LetterDataset: Sendable, Hashable {
    /// The dataset name, e.g. `nl-letter-2021`.
    public let name: String
    public let reporter: CountryCode
    /// Table 1: disruption events.
    public let events: [DisruptionEvent]
    /// Table 2: sectors with their risk ranks and trade.
    public let sectors: [SectorRiskProfile]
    /// Table 4: the largest imported products with their concentration.
    public let topImports: [PublishedConcentration]
    /// Table 5: highly concentrated products with the world-market check.
    public let highConcentration: [PublishedConcentration]
    /// Products not published (confidential or unreliable).
    public let suppressedProducts: [SuppressedProduct]
    /// Context figures the analysis quotes (exports' share of GDP, intermediate goods …).
    public let contextFacts: [ContextFact]
    /// The files the figures were read from, with their SHA-256, for provenance.
    public let files: [SourceFile]

    /// A file behind a dataset, named and hashed.
    public struct SourceFile: Sendable, Hashable, Codable {
        public let name: String
        public let sha256: String

        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    public init(
        name: String, reporter: CountryCode, events: [DisruptionEvent], sectors: [SectorRiskProfile],
        topImports: [PublishedConcentration], highConcentration: [PublishedConcentration],
        suppressedProducts: [SuppressedProduct], contextFacts: [ContextFact] = [], files: [SourceFile]
    ) {
        self.name = name
        self.reporter = reporter
        self.events = events
        self.sectors = sectors
        self.topImports = topImports
        self.highConcentration = highConcentration
        self.suppressedProducts = suppressedProducts
        self.contextFacts = contextFacts
        self.files = files
    }
}

extension LetterDataset {
    /// The same dataset with other sector profiles (e.g. ranks re-derived from another nomenclature).
    public func replacingSectors(_ sectors: [SectorRiskProfile]) -> LetterDataset {
        LetterDataset(
            name: name, reporter: reporter, events: events, sectors: sectors, topImports: topImports,
            highConcentration: highConcentration, suppressedProducts: suppressedProducts, contextFacts: contextFacts,
            files: files
        )
    }
}

/// A figure quoted for context, with its unit, year and a sentence in English and Dutch.
public struct ContextFact: Hashable, Sendable, Codable {
    public let id: String
    public let value: Double
    public let unit: String
    public let year: Int
    public let textEN: String
    public let textNL: String

    public init(id: String, value: Double, unit: String, year: Int, textEN: String, textNL: String) {
        self.id = id
        self.value = value
        self.unit = unit
        self.year = year
        self.textEN = textEN
        self.textNL = textNL
    }
}
