import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Letter differences: what the reproducible pipeline finds that the tables leave unsaid")
struct LetterDifferencesTests {
    func differences() throws -> [LetterDifference] { LetterDifferences.find(in: try LetterTestData.dataset()) }

    @Test("findings in order, with their kinds")
    func findings() throws {
        let found = try differences()
        #expect(
            found.map(\.id) == [
                "table2-particular-importance", "table2-band-overlap", "table2-shared-ranks:pandemic",
                "table2-shared-ranks:cyber_attack", "table2-shared-ranks:geophysical",
                "table2-shared-ranks:trade_dispute",
                "table5-omission:machinery-and-appliances-n-e-s",
                "table5-omission:aircraft-spacecraft-and-launch-vehicles-parts",
                "table4-band-edge:automatic-data-processing-machines",
                "table4-band-edge:telecommunications-equipment-parts",
                "table5-world-market-exceptions",
            ])
        #expect(
            found.map(\.kind) == [
                .confirmation, .convention, .convention, .convention, .convention, .convention, .omission, .omission,
                .rounding, .rounding, .confirmation,
            ])
        #expect(found.allSatisfy { !$0.textEN.isEmpty && !$0.textNL.isEmpty })
    }

    @Test("Table 5 omits machinery n.e.s. (0.28, EUR 4,210 mln) and aircraft (0.83, EUR 2,494 mln)")
    func omissions() throws {
        let omissions = try differences().filter { $0.kind == .omission }
        #expect(omissions.map { $0.figures.first { $0.key == "import_hhi" }?.value } == [0.28, 0.83])
        #expect(omissions.map { $0.figures.first { $0.key == "imports" }?.value } == [4210, 2494])
        #expect(
            omissions.last?.textEN
                == "Table 4 lists Aircraft, spacecraft and launch vehicles, parts (imports EUR 2,494 mln, HHI 0.83, highly concentrated), above Table 5's floor of EUR 250 mln, but Table 5 omits it: its world market was not checked."
        )
    }

    @Test("band edges: telecom 0.15 published 'not', data-processing machines 0.25 published 'somewhat': rounding")
    func bandEdges() throws {
        let edges = try differences().filter { $0.kind == .rounding }
        let telecom = try #require(edges.last)
        #expect(telecom.figures.first { $0.key == "import_hhi" }?.token == "not_concentrated")
        #expect(telecom.figures.first { $0.key == "band_rule_class" }?.token == "somewhat_concentrated")
        #expect(edges.first?.figures.first { $0.key == "band_rule_class" }?.token == "highly_concentrated")
        #expect(
            telecom.textEN
                == "Telecommunications equipment, parts: published HHI 0.15 is not concentrated in the letter; the band edges 0.15 and 0.25 give somewhat concentrated. The index was rounded to two decimals next to a band edge; treated as rounding, the published class is kept."
        )
        #expect(telecom.textNL.contains("de klassegrenzen 0,15 en 0,25 geven enigszins geconcentreerd"))
    }

    @Test("Table 2: top five equal the letter's chains; six cells at rank 5; pandemic ties end at 15 with 6 orange")
    func table2() throws {
        let found = try differences()
        #expect(found.first?.figures.map(\.value) == [1, 2, 3, 4, 5])
        #expect(found[1].figures.first?.value == 6)
        let pandemic = found[2]
        #expect(pandemic.figures.map(\.value) == [15, 6])
        #expect(pandemic.figures.first?.token == "dense")
        #expect(
            pandemic.textEN
                == "Pandemic: ranks 2 and 12 are shared; the column follows dense ranking (1, 2, 2, 3), so the highest rank is 15 of 17 sectors and 6 sectors are orange."
        )
        #expect(found[3...5].map { $0.figures.first?.value } == [16, 16, 16])
    }

    @Test("world-market exceptions: coal and maize, as the letter says")
    func worldMarket() throws {
        let exceptions = try #require(try differences().last)
        #expect(exceptions.figures.map(\.token) == ["limited", "limited"])
        #expect(
            exceptions.textEN
                == "Of the products in Table 5, only Coal (not agglomerated) and Maize (not sweetcorn) unmilled have a concentrated world market."
        )
    }

    @Test("a dataset whose top sectors differ from the named chains is reported as an inconsistency")
    func differentTop() throws {
        let found = LetterDifferences.find(in: try LetterTestData.dataset(), namedChains: ["furniture", "chemicals"])
        #expect(found.first?.kind == .inconsistency)
        #expect(found.first?.textEN.hasSuffix("not in the top: furniture.") == true)
    }
}
