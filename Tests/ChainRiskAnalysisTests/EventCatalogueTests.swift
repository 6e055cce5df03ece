import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Disruption events: the letter's Table 1 plus user events")
struct EventCatalogueTests {
    func catalogue(user: [DisruptionEvent] = []) throws -> EventCatalogue {
        try EventCatalogue(dataset: try LetterTestData.dataset(), user: user)
    }

    static func event(
        _ id: Int, _ name: String, _ category: CauseCategory, _ year: Int, _ month: Int, _ regions: [String],
        sites: Int, weeks: Double
    ) -> DisruptionEvent {
        DisruptionEvent(
            id: id, nameEN: name, nameNL: name, category: category, startYear: year, startMonth: month,
            regions: regions.map { CountryCode(verbatim: $0) }, productionSitesAffected: sites, durationWeeks: weeks
        )
    }

    /// Table 1: sites 9,300 + 4,800 + 2,700 + 6,500 + 2,134 = 25,434; weeks (25 + 22 + 29 + 22 + 25) / 5 = 24.6, max 29.
    @Test("total and per year: 5 events in 2018, 25,434 sites, mean 24.6 weeks, longest 29")
    func totals() throws {
        let catalogue = try catalogue()
        let total = catalogue.total()
        #expect(total.eventCount == 5)
        #expect(total.productionSitesAffected == 25434)
        #expect(abs((total.meanDurationWeeks ?? 0) - 24.6) < 1e-12)
        #expect(total.maxDurationWeeks == 29)
        #expect(catalogue.byYear().map(\.group) == [.year(2018)])
        #expect(catalogue.byYear().first?.eventIDs == [1, 2, 3, 4, 5])
    }

    @Test("per cause category: all four in the letter's order, every 2018 event natural")
    func categories() throws {
        let summaries = try catalogue().byCategory()
        #expect(summaries.map(\.group.token) == ["natural", "macro_political", "malicious_non_state", "idiosyncratic"])
        #expect(summaries.map(\.eventCount) == [5, 0, 0, 0])
        #expect(summaries[1].meanDurationWeeks == nil)
    }

    /// USA: events 1, 3, 5 → 9,300 + 2,700 + 2,134 = 14,134 sites, (25 + 29 + 25) / 3 weeks; Taiwan: 2 and 4 →
    /// 4,800 + 6,500; Typhoon Mangkhut counts in full for the Philippines, Taiwan and China.
    @Test("per country: events hitting several countries count in full in each")
    func regions() throws {
        let summaries = try catalogue().byRegion()
        #expect(summaries.map(\.group.token) == ["CHN", "PHL", "TWN", "USA"])
        #expect(summaries.map(\.eventCount) == [1, 1, 2, 3])
        #expect(summaries.map(\.productionSitesAffected) == [6500, 6500, 11300, 14134])
        #expect(abs((summaries[3].meanDurationWeeks ?? 0) - 79.0 / 3) < 1e-12)
        #expect(summaries[2].maxDurationWeeks == 22)
    }

    @Test("lookup by id and user events sorted in by start")
    func userEvents() throws {
        let strike = Self.event(12, "Port strike", .idiosyncratic, 2018, 6, ["BEL", "BEL"], sites: 40, weeks: 1.5)
        let war = Self.event(10, "War", .macroPolitical, 2022, 2, ["UKR", "RUS"], sites: 800, weeks: 52)
        let catalogue = try catalogue(user: [war, strike])
        #expect(catalogue.event(id: 4)?.nameEN == "Typhoon Mangkhut")
        #expect(catalogue.event(id: 4)?.regions.map(\.rawValue) == ["PHL", "TWN", "CHN"])
        #expect(catalogue.event(id: 99) == nil)
        #expect(catalogue.events.map(\.id) == [1, 2, 12, 3, 4, 5, 10])
        #expect(catalogue.isBuiltIn(war) == false)
        #expect(catalogue.byYear().map(\.group.token) == ["2018", "2022"])
        #expect(catalogue.byCategory().map(\.eventCount) == [5, 1, 0, 1])
        #expect(catalogue.byRegion().first { $0.group == .region(CountryCode(verbatim: "BEL")) }?.eventCount == 1)
    }

    @Test("a user id that a built-in event has is an error, not a renumbering")
    func duplicateID() throws {
        let clash = Self.event(3, "Flood", .natural, 2021, 7, ["DEU"], sites: 100, weeks: 4)
        #expect(throws: EventCatalogue.DuplicateID.self) { try catalogue(user: [clash]) }
        let builtIn = try LetterTestData.dataset().events
        do {
            _ = try EventCatalogue(builtIn: builtIn, user: [clash])
            Issue.record("expected a duplicate-id error")
        } catch {
            #expect(error.id == 3)
            #expect(error.existing == "Hurricane Florence")
            #expect(error.duplicate == "Flood")
        }
    }

    @Test("cause types per category, with Dutch names and their risk factor")
    func causeTypes() {
        #expect(CauseCategory.allCases.map { $0.causeTypes.count } == [4, 4, 4, 5])
        #expect(CauseCategory.natural.causeTypes == [.earthquake, .pandemic, .flood, .hurricane])
        #expect(
            CauseCategory.maliciousNonState.causeTypes.map(\.nameNL) == [
                "Cyberaanval", "Sabotage", "Terrorisme", "Piraterij",
            ])
        #expect(CauseType.itFailure.rawValue == "it_failure")
        #expect(CauseType.earthquake.riskFactor == .geophysical)
        #expect(CauseType.tradeDispute.riskFactor == .tradeDispute)
        #expect(CauseType.bankruptcy.riskFactor == nil)
    }
}
