import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Concentration trends over years")
struct ConcentrationTrendTests {
    typealias Data = AnalysisTestData

    /// 2015 one supplier (HHI 1), 2016 two equal (0.5), 2017 missing, 2018 four equal (0.25), 2019 ten equal (0.1).
    var rows: [ImportConcentration] {
        let suppliers = ["DEU", "FRA", "BEL", "POL", "CHN", "USA", "BRA", "ARG", "UKR", "JPN"]
        var flows: [TradeFlow] = []
        for (year, count) in [(2019, 10), (2015, 1), (2018, 4), (2016, 2)] {
            flows += suppliers.prefix(count).map { Data.flow($0, 10, year: year) }
        }
        return ConcentrationAnalysis().rows(for: flows)
    }

    @Test("HHI per year, change first → last, per year, class changes and persistence of 'highly concentrated'")
    func trend() throws {
        let trends = ConcentrationTrend.trends(for: rows)
        let trend = try #require(trends.first)
        #expect(trends.count == 1)
        #expect(trend.points.map(\.year) == [2015, 2016, 2018, 2019])
        #expect(trend.points.map(\.hhi) == [1, 0.5, 0.25, 0.1])
        #expect(trend.firstYear == 2015 && trend.lastYear == 2019)
        #expect(Data.close(trend.change, -0.9))
        #expect(Data.close(trend.changePerYear, -0.225))
        // 0.25 is the letter's lower edge of "highly": 2018 is still highly concentrated.
        #expect(
            trend.classChanges == [
                ConcentrationTrend.ClassChange(
                    fromYear: 2018, year: 2019, from: .highlyConcentrated, to: .notConcentrated)
            ])
        #expect(trend.observedYears == 4)
        #expect(trend.flaggedYears == [2015, 2016, 2018])
        #expect(trend.longestRun == ConcentrationTrend.YearRun(first: 2015, last: 2016))
        #expect(trend.missingYears == [2017])
        #expect(trend.persistence == "highly concentrated in 3 of 4 years, longest run 2015–2016 (2 years)")
    }

    @Test("an HHI flag: above 0.4 in 2015 and 2016")
    func hhiFlag() throws {
        let trend = try #require(ConcentrationTrend.trends(for: rows, flag: .hhiAbove(0.4)).first)
        #expect(trend.flaggedYears == [2015, 2016])
        #expect(trend.persistence == "HHI > 0.4 in 2 of 4 years, longest run 2015–2016 (2 years)")
    }

    @Test("one year: change 0, no change per year; a year with only suppressed cells is missing")
    func edges() throws {
        let flows = [
            Data.flow("DEU", 10, year: 2019), Data.flow("DEU", nil, year: 2020),
            Data.flow("FRA", 10, year: 2021), Data.flow("DEU", 10, year: 2021),
        ]
        let trend = try #require(ConcentrationTrend.trends(for: ConcentrationAnalysis().rows(for: flows)).first)
        #expect(trend.points.count == 3)
        #expect(trend.points[1].hhi == nil && !trend.points[1].isFlagged)
        #expect(trend.missingYears == [2020])
        #expect(trend.flaggedYears == [2019, 2021])
        #expect(
            trend.longestRun == ConcentrationTrend.YearRun(first: 2019, last: 2019), "a missing year breaks the run")
        #expect(Data.close(trend.change, -0.5))
        #expect(Data.close(trend.changePerYear, -0.25))
        let single = try #require(
            ConcentrationTrend.trends(for: ConcentrationAnalysis().rows(for: [Data.flow("DEU", 1)])).first)
        #expect(single.change == 0)
        #expect(single.changePerYear == nil)
        #expect(single.persistence == "highly concentrated in 1 of 1 years, longest run 2020 (1 year)")
    }

    @Test("one trend per reporter and product, sorted")
    func grouping() {
        let flows = [
            Data.flow("DEU", 10, product: "847130"), Data.flow("DEU", 10, reporter: "BEL"), Data.flow("DEU", 10),
            Data.flow("DEU", 10, year: 2021),
        ]
        let trends = ConcentrationTrend.trends(for: ConcentrationAnalysis().rows(for: flows))
        #expect(
            trends.map { "\($0.reporter) \($0.product.code) \($0.points.count)" } == [
                "BEL 100590 1", "NLD 100590 2", "NLD 847130 1",
            ])
    }
}
