import ChainRiskCore
import ChainRiskIngest
import Testing

/// The bundled NACE 64 spine carries IHS Markit's ratings and Pichler et al.'s inventory days to NACE-coded tables.
@Suite("industry spine: NACE 64 ratings and inventory days on ICIO and FIGARO codes")
struct IndustrySpineTests {
    @Test("figures equal a plain-Python computation on the shared NACE 64 files")
    func bundled() throws {
        let spine = try SimulationResources.industrySpine()
        #expect(spine.codes.count == 63)
        let members = try #require(spine.members(of: ["A01_02", "C10T12", "C26", "G46", "C20_21", "Q86"]))
        // python3 csv over ../shared/data/io_be_pichler: Σ flow·rating / Σ flow for A01,A02 → C10-12 (ratings 1 and 0,
        // flows 8,440.54 and 0.41) = 0.9999510919603486; C26 → G46 rating 0.5; C20,C21 → Q86 = 0.933436287742965.
        let food = spine.criticality(input: try #require(members["A01_02"]), user: try #require(members["C10T12"]))
        #expect(abs(food - 0.9999510919603486) < 1e-14)
        #expect(spine.criticality(input: try #require(members["C26"]), user: try #require(members["G46"])) == 0.5)
        let health = spine.criticality(input: try #require(members["C20_21"]), user: try #require(members["Q86"]))
        #expect(abs(health - 0.933436287742965) < 1e-14)
        // desired_stock_NACE64.csv: (A01 32.18 + A02 39.22) / 2 = 35.6983240223464 days; G46 18.4357541899441.
        #expect(abs(spine.inventoryDays(user: try #require(members["A01_02"])) - 35.6983240223464) < 1e-12)
        #expect(abs(spine.inventoryDays(user: try #require(members["G46"])) - 18.4357541899441) < 1e-12)
    }

    @Test("Eora26's 26 sector names all reach NACE 64 industries, so its tables get ratings and inventory days too")
    func eora26() throws {
        let spine = try SimulationResources.industrySpine()
        let names = NACEDivisions.eora26.keys.sorted()
        #expect(names.count == 26)
        let members = try #require(spine.members(of: names))
        #expect(members["Electrical and Machinery"]?.map { spine.codes[$0] } == ["C26", "C27", "C28"])
        #expect(members["Food & Beverages"]?.map { spine.codes[$0] } == ["C10-12"])
        // Goods are stocked (divisions 01–33), services and the residual sectors are not.
        #expect(IndustrySpine.isGoods("Transport Equipment"))
        #expect(!IndustrySpine.isGoods("Re-export & Re-import"))
        #expect(!IndustrySpine.isGoods("Maintenance and Repair"))
    }

    @Test("EXIOBASE 3's 163 industry names all reach NACE 64 industries through EXIOBASE's own codes")
    func exiobase() throws {
        let spine = try SimulationResources.industrySpine()
        let names = EXIOBASEIndustries.codes.keys.sorted()
        #expect(names.count == 163)
        let members = try #require(spine.members(of: names))
        #expect(members["Cultivation of paddy rice"]?.map { spine.codes[$0] } == ["A01"])
        // i27.a, basic iron and steel: ISIC Rev. 3 division 27 is NACE Rev. 2's 24.
        let steel = "Manufacture of basic iron and steel and of ferro-alloys and first products thereof"
        #expect(members[steel]?.map { spine.codes[$0] } == ["C24"])
        // i99 (division 99) has no NACE 64 industry: it takes T97-98, the other residual service.
        #expect(members["Extra-territorial organizations and bodies"]?.map { spine.codes[$0] } == ["T97-98"])
        #expect(IndustrySpine.isGoods("Cultivation of paddy rice"))
        #expect(!IndustrySpine.isGoods("Hotels and restaurants (55)"))
    }

    @Test("a FIGARO table gets NACE inventory days for goods and none for services; WIOD keeps its own")
    func inventory() throws {
        let sectors = ["CHN", "NLD"].flatMap { region in
            ["A01", "C26", "G46"].map { IOSectorLabel(region: region, sector: $0) }
        }
        let (days, description) = try SimulationResources.inventory(for: sectors)
        #expect(description.hasPrefix("goods inputs (NACE divisions 01-33)"))
        let a01 = try #require(days.inputSectors.firstIndex(of: "A01"))
        let g46 = try #require(days.inputSectors.firstIndex(of: "G46"))
        // User NLD G46 (index 5) holds 18.44 days of goods inputs (its own NACE 64 figure), services never run short.
        #expect(abs(days.days(input: a01, user: 5) - 18.4357541899441) < 1e-12)
        #expect(days.days(input: g46, user: 5) == .infinity)
    }
}
