import ChainRiskCore
import Testing

@Suite("NACE Rev. 2 divisions of the codes FIGARO, ICIO and the NACE 64 list use")
struct NACEDivisionsTests {
    @Test("ranges, pairs, sections and parts read; WIOD codes, ISIC Rev. 3 codes and names do not")
    func codes() {
        #expect(NACEDivisions.of("A01") == [1])
        #expect(NACEDivisions.of("A01_02") == [1, 2])
        #expect(NACEDivisions.of("C10T12") == [10, 11, 12])
        #expect(NACEDivisions.of("01T03") == [1, 2, 3])
        #expect(NACEDivisions.of("B05-09") == [5, 6, 7, 8, 9])
        #expect(NACEDivisions.of("C31_32") == [31, 32])
        #expect(NACEDivisions.of("L68A") == [68])
        #expect(NACEDivisions.of("D") == [35])
        #expect(NACEDivisions.of("M69-70") == [69, 70])
        #expect(NACEDivisions.of("C301") == [30], "ICIO 2023's groups: 301 is in division 30")
        #expect(NACEDivisions.of("C302T309") == [30])
        #expect(NACEDivisions.of("C24A") == [24])
        #expect(NACEDivisions.of("c14") == nil, "WIOD's lower-case codes are not NACE")
        #expect(NACEDivisions.of("C01T05AGR") == [1, 2, 3], "ICIO 2016's ISIC Rev. 3, read through Rev. 4")
        #expect(NACEDivisions.of("C10T14MIN") == [5, 6, 7, 8])
        #expect(NACEDivisions.of("C24CHM") == [20, 21])
        #expect(NACEDivisions.of("C30T33XCEQ") == [26, 32], "X: without 31, which ICIO 2016 lists apart")
        #expect(NACEDivisions.of("C31ELQ") == [27])
        #expect(NACEDivisions.of("C95PVH") == [97])
        #expect(NACEDivisions.of("C2XABC") == nil)
        #expect(NACEDivisions.of("C45") == nil, "division 45 is not in section C")
        #expect(NACEDivisions.of("food") == nil)
    }

    @Test("the spine weights a block by its reference flows, and takes the plain mean without any")
    func spine() throws {
        let spine = IndustrySpine(
            codes: ["A01", "A02", "C10-12"],
            ratings: [[0, 0, 1], [0, 0, 0], [0, 0, 0]], flows: [[0, 0, 300], [0, 0, 100], [0, 0, 0]],
            stockDays: [30, 40, 50], source: "test")
        let members = try #require(spine.members(of: ["A01_02", "C10T12"]))
        #expect(members["A01_02"] == [0, 1])
        #expect(members["C10T12"] == [2])
        // (300 × 1 + 100 × 0) / 400 = 0.75; with no flows the plain mean (1 + 0) / 2 = 0.5.
        #expect(spine.criticality(input: [0, 1], user: [2]) == 0.75)
        let flat = IndustrySpine(
            codes: spine.codes, ratings: spine.ratings, flows: [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
            stockDays: [30, 40, 50],
            source: "test")
        #expect(flat.criticality(input: [0, 1], user: [2]) == 0.5)
        #expect(spine.inventoryDays(user: [0, 1]) == 35)
        #expect(spine.members(of: ["A01", "G46"]) == nil, "G46 covers none of the three")
        #expect(IndustrySpine.isGoods("C26") && IndustrySpine.isGoods("A01_02") && !IndustrySpine.isGoods("G46"))
    }
}
