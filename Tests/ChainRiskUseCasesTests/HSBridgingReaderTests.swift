import ChainRiskCore
import ChainRiskIngest
import Testing

@testable import ChainRiskUseCases

@Suite("fetch --hs-version: a file's flows moved into one HS edition as they are read")
struct HSBridgingReaderTests {
    @Test(
        "HS2017 441820 is split 3:1 into HS2022 441821 and 441829 by the weights given (the 2022 trade), each part on its line"
    )
    func splitByTheFilesOwnTrade() throws {
        let file = InputFile(
            bytes: Array(
                """
                year,reporter,partner,product,flow,value,classification,unit
                2021,NLD,CHN,441820,import,600,HS2017,USD
                2021,NLD,DEU,441820,import,400,HS2017,USD
                2022,NLD,CHN,441821,import,300,HS2022,USD
                2022,NLD,DEU,441829,import,100,HS2022,USD

                """.utf8), name: "doors.csv")
        var flows: [(code: String, partner: String, value: Double, line: Int)] = []
        let reader = HSBridgingReader(
            reader: CanonicalCSVReader(), edition: .hs2022, weights: ["441821": 300, "441829": 100])
        let summary = try reader.read(file, options: ReadOptions()) { flow, line in
            #expect(flow.product.classification == .hs2022)
            flows.append((flow.product.code, flow.partner.rawValue, flow.value ?? .nan, line))
        }
        #expect(summary.flowsEmitted == 6 && summary.recordsRead == 4)
        #expect(summary.findings.counts[.splitCode] == 1)
        let expected: [(String, String, Double, Int)] = [
            ("441821", "CHN", 450, 2), ("441829", "CHN", 150, 2), ("441821", "DEU", 300, 3), ("441829", "DEU", 100, 3),
            ("441821", "CHN", 300, 4), ("441829", "DEU", 100, 5),
        ]
        #expect(flows.count == expected.count)
        for (got, want) in zip(flows, expected) {
            #expect(got.code == want.0 && got.partner == want.1 && abs(got.value - want.2) < 1e-9 && got.line == want.3)
        }
    }
}
