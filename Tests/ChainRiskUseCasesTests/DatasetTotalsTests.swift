import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import ChainRiskUseCases
import Testing

@Suite("Dataset value totals count every product once")
struct DatasetTotalsTests {
    @Test("a chapter and its heading are counted once; a code of another family is not under them; a total covers all")
    func nestedCodes() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file(
            "mixed.csv",
            """
            year,reporter,partner,product,flow,value,unit,classification
            2022,NLD,CHN,48,import,100,USD,HS
            2022,NLD,CHN,4802,import,60,USD,HS
            2022,NLD,DEU,4407,import,50,USD,HS
            2022,NLD,DEU,48,import,7,EUR,SITC4
            """)
        guard
            case .imported(let info) = try fixture.workspace.importFiles(
                ImportFilesRequest(name: "mixed", files: [InputFile(path: path)]))
        else {
            Issue.record("the file should import")
            return
        }
        // 100 (48) + 50 (4407): 4802 lies under 48 and is not counted again.
        #expect(info.valueTotals["USD"] == 150)
        #expect(info.valueTotals["EUR"] == 7)
        let withTotal = try fixture.file(
            "total.csv",
            """
            year,reporter,partner,product,flow,value,unit,classification
            2022,NLD,CHN,TOTAL,import,400,USD,HS
            2022,NLD,CHN,48,import,100,USD,HS
            """)
        guard
            case .imported(let totals) = try fixture.workspace.importFiles(
                ImportFilesRequest(name: "total", files: [InputFile(path: withTotal)]))
        else {
            Issue.record("the file should import")
            return
        }
        #expect(totals.valueTotals["USD"] == 400)
    }
}
