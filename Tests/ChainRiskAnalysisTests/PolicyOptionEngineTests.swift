import ChainRiskAnalysis
import ChainRiskCore
import Testing

@Suite("Policy options on the letter's Tables 2, 4 and 5")
struct PolicyOptionEngineTests {
    typealias Letter = LetterTestData

    func letterRecommendations() throws -> [PolicyRecommendation] {
        let dataset = try Letter.dataset()
        return try PolicyOptionEngine.bundled().options(
            products: ProductDiagnosis.letter(dataset), sectors: SectorVulnerability(dataset: dataset).diagnoses()
        )
    }

    func recommendations(_ all: [PolicyRecommendation], subject: String) -> [PolicyRecommendation] {
        all.filter { $0.subject.id == subject }
    }

    @Test("the letter's products: Tables 4 and 5 once each, natural gas taken from Table 5 with its world class")
    func letterProducts() throws {
        let products = ProductDiagnosis.letter(try Letter.dataset())
        #expect(products.count == 18)
        #expect(products.first?.productEN == "Crude petroleum")
        let gas = try #require(products.first { $0.productEN == "Natural gas" })
        #expect(gas.worldMarket == .alternativesAvailable)
        #expect(gas.worldHHI == nil)
        #expect(products.first { $0.productEN.hasPrefix("Aircraft") }?.worldMarket == .notChecked)
    }

    @Test("natural gas: HHI 0.37 highly concentrated, world not concentrated → diversification and trade agreements")
    func naturalGas() throws {
        let gas = recommendations(try letterRecommendations(), subject: "Natural gas")
        #expect(gas.map(\.ruleID) == ["product-concentrated-alternatives", "product-concentrated-alternatives"])
        #expect(gas.map(\.option.id) == ["firm-diversification", "gov-trade-agreements"])
        let first = try #require(gas.first)
        #expect(first.figure("import_hhi")?.value == 0.37)
        #expect(first.figure("import_hhi")?.token == "highly_concentrated")
        #expect(first.figure("world_market")?.token == "alternatives_available")
        #expect(first.figure("imports")?.value == 5751)
        #expect(
            first.evidenceEN
                == "import HHI 0.37 (highly concentrated), world exports not concentrated (alternative suppliers available), imports EUR 5,751 mln (2019)"
        )
        #expect(
            first.evidenceNL
                == "HHI invoer 0,37 (hoog geconcentreerd), wereldexport niet geconcentreerd (alternatieve leveranciers beschikbaar), invoer EUR 5.751 mln (2019)"
        )
        #expect(first.subject.nameNL == "Aardgas")
    }

    @Test("coal: HHI 0.27, world somewhat concentrated → stocks, strategic partnerships, EU capacity")
    func coal() throws {
        let coal = recommendations(try letterRecommendations(), subject: "Coal (not agglomerated)")
        #expect(Set(coal.map(\.ruleID)) == ["product-concentrated-world-limited"])
        #expect(
            coal.map(\.option.id) == [
                "firm-stockpiling", "gov-stockpiles", "gov-strategic-partnerships", "gov-eu-capacity",
            ])
        let first = try #require(coal.first)
        #expect(first.figure("import_hhi")?.value == 0.27)
        #expect(first.figure("world_market")?.token == "limited")
        #expect(first.figure("imports")?.value == 1071)
        #expect(
            first.evidenceEN
                == "import HHI 0.27 (highly concentrated), world exports somewhat concentrated (limited alternatives), imports EUR 1,071 mln (2019)"
        )
    }

    @Test("aircraft: HHI 0.83, not in Table 5 → 'world market not checked', map the dependency and screen suppliers")
    func aircraft() throws {
        let aircraft = recommendations(
            try letterRecommendations(), subject: "Aircraft, spacecraft and launch vehicles, parts")
        #expect(Set(aircraft.map(\.ruleID)) == ["product-concentrated-unchecked"])
        #expect(aircraft.map(\.option.id) == ["gov-map-dependencies", "firm-supplier-screening"])
        let first = try #require(aircraft.first)
        #expect(first.figure("import_hhi")?.value == 0.83)
        #expect(first.figure("world_market")?.token == "not_checked")
        #expect(first.figure("world_market")?.value == nil)
        #expect(first.figure("imports")?.value == 2494)
        #expect(
            first.evidenceEN
                == "import HHI 0.83 (highly concentrated), world market not checked, imports EUR 2,494 mln (2019)")
        #expect(
            first.evidenceNL
                == "HHI invoer 0,83 (hoog geconcentreerd), wereldmarkt niet onderzocht, invoer EUR 2.494 mln (2019)")
    }

    @Test(
        "crude petroleum (not concentrated, largest import) → diversification and stocks; passenger cars → drill down")
    func largeProducts() throws {
        let all = try letterRecommendations()
        let crude = recommendations(all, subject: "Crude petroleum")
        #expect(crude.map(\.ruleID) == ["product-very-large-import", "product-very-large-import"])
        #expect(crude.first?.figure("imports")?.textEN == "imports EUR 23,604 mln (2019) > EUR 10,000 mln")
        let cars = recommendations(all, subject: "Passenger motor cars (other than public transport)")
        #expect(Set(cars.map(\.ruleID)) == ["product-large-somewhat-concentrated"])
        #expect(recommendations(all, subject: "Refined petroleum products").isEmpty)
    }

    @Test("electrotechnical: trade dispute rank 1 (orange), high-tech → WTO rules, diplomacy, economic security")
    func electrotechnical() throws {
        let electro = recommendations(try letterRecommendations(), subject: Letter.electrotechnical)
        let trade = electro.filter { $0.ruleID == "sector-trade-dispute-high-tech" }
        #expect(trade.map(\.option.id) == ["gov-wto-rules", "gov-diplomacy", "gov-eu-capacity"])
        let first = try #require(trade.first)
        #expect(first.figure("rank_trade_dispute")?.value == 1)
        #expect(first.figure("rank_trade_dispute")?.token == "orange")
        #expect(first.figure("sector_group")?.token == "high_tech")
        #expect(first.figure("importance_rank")?.value == 4)
        #expect(
            first.evidenceEN
                == "trade dispute rank 1 of 17 (orange), high-tech sector, importance rank 4 of 17 (imports + exports of own make EUR 38,730 mln, 2018)"
        )
        #expect(
            first.evidenceNL
                == "handelsgeschil rang 1 van 17 (oranje), hightechsector, rang naar belang 4 van 17 (invoer + uitvoer eigen makelij EUR 38.730 mln, 2018)"
        )
        #expect(
            electro.map(\.ruleID) == [String](repeating: "sector-particular-importance", count: 5)
                + [String](repeating: "sector-trade-dispute-high-tech", count: 3) + [
                    "sector-natural-hazard", "sector-natural-hazard",
                ])
    }

    @Test("furniture: pandemic rank 1 (orange), labour-intensive with heat 3 → supplier screening and buffer stock")
    func furniture() throws {
        let furniture = recommendations(try letterRecommendations(), subject: Letter.furniture)
        let pandemic = furniture.filter { $0.ruleID == "sector-pandemic-exposure" }
        #expect(pandemic.map(\.option.id) == ["firm-supplier-screening", "firm-stockpiling"])
        let first = try #require(pandemic.first)
        #expect(first.figure("rank_pandemic")?.value == 1)
        #expect(first.figure("rank_pandemic")?.token == "orange")
        #expect(first.figure("sector_group")?.token == "labour_intensive")
        #expect(first.figure("rank_extreme_heat")?.value == 3)
        #expect(!furniture.contains { $0.ruleID == "sector-particular-importance" })
    }

    @Test("Box 1 firm measures for exactly the five sectors of particular importance")
    func boxOne() throws {
        let box = try letterRecommendations().filter { $0.ruleID == "sector-particular-importance" }
        #expect(box.count == 25)
        var subjects: [String] = []
        for id in box.map(\.subject.id) where !subjects.contains(id) { subjects.append(id) }
        #expect(
            subjects == [Letter.food, Letter.chemicals, Letter.petroleum, Letter.electrotechnical, Letter.machinery])
        #expect(
            box.prefix(5).map(\.option.id) == [
                "firm-supplier-screening", "firm-diversification", "firm-stockpiling", "firm-crisis-management",
                "firm-outbidding",
            ])
        #expect(box.allSatisfy { $0.option.actor == .firm && $0.option.category == .firmMeasure })
    }

    @Test("deterministic: products by value, then sectors by importance; shuffled input gives the same output")
    func order() throws {
        let dataset = try Letter.dataset()
        let engine = try PolicyOptionEngine.bundled()
        let products = ProductDiagnosis.letter(dataset)
        let sectors = SectorVulnerability(dataset: dataset).diagnoses()
        let expected = engine.options(products: products, sectors: sectors)
        #expect(engine.options(products: products.reversed(), sectors: sectors.reversed()) == expected)
        let kinds = expected.map(\.subject.kind)
        #expect(kinds == kinds.sorted())
        #expect(expected.first?.subject.id == "Crude petroleum")
        let summaries = engine.byOption(expected)
        #expect(
            summaries.map(\.option.id)
                == engine.rules.options.map(\.id).filter { id in expected.contains { $0.option.id == id } })
        #expect(summaries.first { $0.option.id == "gov-trade-agreements" }?.subjects.count == 7)
    }

    @Test("computed diagnosis: NLD maize UKR 80 / FRA 20 (HHI 0.680), world HHI 0.225 → limited alternatives")
    func computedProduct() throws {
        typealias Data = AnalysisTestData
        let row = try #require(ConcentrationAnalysis().rows(for: [Data.flow("UKR", 80), Data.flow("FRA", 20)]).first)
        let check = WorldMarketCheck()
        let world = check.worldMarketRows(
            flows: ["USA": 30.0, "BRA": 25, "ARG": 20, "UKR": 15, "FRA": 10].map { exporter, value in
                Data.flow("W00", value, reporter: exporter, kind: .exports)
            })
        let result = check.check(row, world: world.first)
        let eu = DependencyCriteria().ec2021(row, exports: nil)
        let product = ProductDiagnosis(
            concentration: row, worldMarket: result, euDependency: eu, nameEN: "Maize", nameNL: "Maïs")
        let found = try PolicyOptionEngine.bundled().recommendations(for: product)
        #expect(Set(found.map(\.ruleID)) == ["product-concentrated-world-limited", "product-strategic-dependency"])
        let first = try #require(found.first)
        #expect(first.subject.id == "HS2022:100590")
        #expect(
            first.evidenceEN
                == "import HHI 0.680 (highly concentrated), world-export HHI 0.225 (limited alternatives), imports USD 100 (2020)"
        )
        let dependency = try #require(found.last?.figure("eu_dependency"))
        #expect(dependency.token == "dependent")
        #expect(
            dependency.textEN
                == "EC 2021 dependent: extra-EU import HHI 1.000 > 0.4; extra-EU share of imports 0.800 > 0.5")
        #expect(
            dependency.textNL
                == "EC 2021 afhankelijk: HHI invoer van buiten de EU 1,000 > 0,4; aandeel invoer van buiten de EU 0,800 > 0,5"
        )
    }
}
