import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Rankings without nested codes")
struct NestedCodesTests {
    static func row(_ code: String, _ value: Double, year: Int = 2022) -> ImportConcentration {
        ConcentrationAnalysis(thresholds: .letter).rows(for: [
            TradeFlow(
                year: year, reporter: CountryCode(verbatim: "DEU"), partner: CountryCode(verbatim: "FRA"),
                product: ProductCode(code, in: .hs),
                flow: .imports, value: value, unit: .usd)
        ])[0]
    }

    @Test("chapter 48 keeps its place and its heading 4802 and subheading 480256 are left out; 4407 and 9403 stay")
    func topTen() {
        let rows = [
            Self.row("48", 100), Self.row("4802", 60), Self.row("480256", 30), Self.row("4407", 50),
            Self.row("9403", 40), Self.row("940360", 35),
        ]
        let top = NestedCodes.top(rows, limit: 3)
        #expect(top.map(\.product.code) == ["48", "4407", "9403"])
        #expect(NestedCodes.top(rows, limit: 10).map(\.product.code) == ["48", "4407", "9403"])
    }

    @Test("a subheading ranked above its own heading keeps the place; siblings and other chapters are not nested")
    func nesting() {
        #expect(
            NestedCodes.top([Self.row("940360", 90), Self.row("9403", 80), Self.row("940350", 10)], limit: 5).map(
                \.product.code) == ["940360", "940350"])
        #expect(NestedCodes.areNested(ProductCode("48", in: .hs), ProductCode("4802", in: .hs)))
        #expect(!NestedCodes.areNested(ProductCode("4802", in: .hs), ProductCode("4803", in: .hs)))
        #expect(!NestedCodes.areNested(ProductCode("48", in: .hs), ProductCode("48", in: .sitc4)))
    }

    @Test("--top applies the rule per reporter and year, and the settings state it")
    func query() throws {
        let query = ConcentrationQuery(top: 2)
        let rows = [
            Self.row("48", 100), Self.row("4802", 60), Self.row("4407", 50), Self.row("48", 70, year: 2021),
            Self.row("4802", 65, year: 2021),
        ]
        #expect(try query.select(rows).map { "\($0.year):\($0.product.code)" } == ["2021:48", "2022:48", "2022:4407"])
        #expect(query.settings["top_rule"] == NestedCodes.rule)
    }
}
