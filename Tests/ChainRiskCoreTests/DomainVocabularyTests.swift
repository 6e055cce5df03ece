import ChainRiskCore
import Testing

@Suite("Domain vocabulary: codes, classifications, flows, units")
struct DomainVocabularyTests {
    @Test(
        "classification tokens parse, including UN Comtrade codes",
        arguments: [
            ("HS2017", "HS2017"), ("hs92", "HS1992"), ("H0", "HS1992"), ("H6", "HS2022"), ("HS", "HS"), ("HS4", "HS"),
            ("HS17", "HS2017"), ("HS02", "HS2002"), ("HS6", "HS"), ("SITC4", "SITC4"), ("S3", "SITC3"),
            ("BEC4", "BEC4"), ("B5", "BEC5"), ("CN8", "CN8"),
            ("CPA2.1", "CPA2.1"),
        ])
    func classificationTokens(token: String, expected: String) {
        #expect(Classification(token: token)?.token == expected)
    }

    @Test("unknown classification tokens are rejected")
    func badClassification() {
        #expect(Classification(token: "XYZ") == nil)
        #expect(Classification(token: "HSABC") == nil)
    }

    @Test(
        "flow kinds parse from Comtrade codes and words",
        arguments: [
            ("M", FlowKind.imports), ("Import", .imports), ("X", .exports), ("RX", .reExports),
            ("DX", .exportsOfOwnMake),
            ("re-export", .reExports), ("import_own_use", .importsForOwnUse), ("RM", .reImports),
        ])
    func flowTokens(token: String, expected: FlowKind) {
        #expect(FlowKind(token: token) == expected)
    }

    @Test("value units convert to base units explicitly")
    func units() {
        #expect(ValueUnit(token: "kUSD") == .thousandUSD)
        #expect(ValueUnit(token: "mEUR") == .millionEUR)
        #expect(ValueUnit(token: "mln euro") == .millionEUR)
        #expect(ValueUnit.thousandUSD.baseValue(2.5) == 2_500)
        #expect(ValueUnit.millionEUR.baseValue(24_509) == 24_509_000_000)
        #expect(ValueUnit(token: "GBP")?.token == "GBP")
        #expect(ValueUnit(token: "pounds") == nil)
    }

    @Test("country codes are trimmed and upper-cased")
    func countryCodes() {
        #expect(CountryCode(rawValue: " nld ")?.rawValue == "NLD")
        #expect(CountryCode(rawValue: "X1 ")?.rawValue == "X1")
        #expect(CountryCode(rawValue: "  ") == nil)
    }

    @Test("suppressed and missing values carry no value; nil is zero")
    func statuses() {
        #expect(!ValueStatus.suppressed.hasValue)
        #expect(!ValueStatus.missing.hasValue)
        #expect(ValueStatus.nil.hasValue)
        #expect(ValueStatus.provisional.hasValue)
    }

    @Test("compensated summation keeps digits plain addition loses")
    func compensatedSum() {
        var sum = CompensatedSum()
        var naive = 0.0
        sum.add(1e16)
        naive += 1e16
        for _ in 0..<1_000 {
            sum.add(1)
            naive += 1
        }
        sum.add(-1e16)
        naive -= 1e16
        #expect(sum.value == 1_000)
        #expect(naive != 1_000)
    }

    @Test("finding logs count everything and keep a bounded number of examples")
    func findingLog() {
        var log = FindingLog(examplesPerKind: 3)
        for line in 1...10 {
            log.record(Finding(.suppressedCell, "null", at: SourceLocation(file: "f.json", line: line, column: 1)))
        }
        log.record(Finding(.negativeValue, "-1"))
        #expect(log.total == 11)
        #expect(log.counts[.suppressedCell] == 10)
        #expect(log.examples.count == 4)
        #expect(log.sortedCounts.map(\.kind) == [.negativeValue, .suppressedCell])
    }

    @Test("sector identifiers are stable slugs")
    func sectorSlug() {
        #expect(Sector.slug("Food, beverages and tobacco") == "food-beverages-and-tobacco")
        #expect(Sector.slug("Agriculture, forestry, fishing") == "agriculture-forestry-fishing")
    }

    @Test("concentration classes parse the letter's Dutch labels")
    func concentrationLabels() {
        #expect(ConcentrationClass(label: "hoog geconcentreerd") == .highlyConcentrated)
        #expect(ConcentrationClass(label: "enigszins geconcentreerd") == .somewhatConcentrated)
        #expect(ConcentrationClass(label: "niet geconcentreerd") == .notConcentrated)
        #expect(ConcentrationClass.notConcentrated < .highlyConcentrated)
    }
}

@Suite("Value units as readers see them")
struct ValueUnitLabelTests {
    @Test("mEUR reads EUR mln / mln euro, kUSD USD thousand / duizend USD; tokens stay for files")
    func labels() {
        #expect(
            ValueUnit.millionEUR.label(dutch: false) == "EUR mln"
                && ValueUnit.millionEUR.label(dutch: true) == "mln euro")
        #expect(
            ValueUnit.thousandUSD.label(dutch: false) == "USD thousand"
                && ValueUnit.thousandUSD.label(dutch: true) == "duizend USD")
        #expect(
            ValueUnit.usd.label(dutch: true) == "USD"
                && ValueUnit(currency: "USD", scale: 9).label(dutch: true) == "mld USD")
        #expect(ValueUnit.millionEUR.token == "mEUR")
    }
}
