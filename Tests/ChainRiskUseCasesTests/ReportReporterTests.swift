import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskUseCases
import Foundation
import Testing

@Suite("The report for any reporter of a multi-reporter dataset")
struct ReportReporterTests {
    /// The EU27 Comtrade extract, and the independent figures of scripts/expected/concentration_expected.py.
    static let eu27 =
        UseCaseFixture.sharedData
        + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz"
    static let expectedFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ChainRiskAnalysisTests/Fixtures/eu27_wood_paper_furniture_concentration.csv.gz").path

    /// The ten largest products of `reporter` in `year` by total value, from the Python fixture (ties by code),
    /// leaving out a code nested in one ranked before it.
    static func expectedTable4(_ reporter: String, year: Int) throws -> [(product: String, value: Double)] {
        var rows: [(product: String, value: Double)] = []
        let file = InputFile(path: expectedFile)
        var source = try file.open()
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { buffer.deallocate() }
        while case let count = try source.read(into: buffer), count > 0 { bytes += buffer.prefix(count) }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells[0] == reporter, Int(cells[1]) == year, let value = Double(cells[3]) else { continue }
            rows.append((String(cells[2]), value))
        }
        var kept: [(product: String, value: Double)] = []
        for row in rows.sorted(by: { ($0.value, $1.product) > ($1.value, $0.product) }) where kept.count < 10 {
            if !kept.contains(where: { $0.product.hasPrefix(row.product) || row.product.hasPrefix($0.product) }) {
                kept.append(row)
            }
        }
        return kept
    }

    @Test("Germany, France and Poland: Table 4 is the reporter's ten largest 2022 products, as Python computes them")
    func table4ForReporters() throws {
        let fixture = try UseCaseFixture()
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "eu27", files: [InputFile(path: Self.eu27)]))
        for (code, name) in [("DEU", "Germany"), ("FRA", "France"), ("POL", "Poland")] {
            var request = ReportRequest()
            (request.imports, request.reporter) = ("eu27", CountryCode(verbatim: code))
            let report = try fixture.workspace.report(request)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
            #expect(
                json["title"] as? String == "Vulnerability of business in \(name) to disruptions in global value chains"
            )
            #expect(json["concentration_reporter"] as? String == code)
            #expect(json["concentration_year"] as? Double == 2022)
            // The letter's Dutch context facts and its differences section describe the Netherlands: left out here.
            let markdown = report.render(.markdown)
            #expect(markdown.contains("Business in \(name) is hit in two ways"))
            #expect(!markdown.contains("Dutch GDP") && !markdown.contains("## Differences from the letter"))
            let table4 = try #require(json["table4"] as? [[String: Any]])
            let expected = try Self.expectedTable4(code, year: 2022)
            #expect(table4.count == 10 && expected.count == 10)
            for (row, wanted) in zip(table4, expected) {
                #expect(row["reporter"] as? String == code && row["year"] as? Double == 2022)
                #expect(row["level"] as? Double == Double(wanted.product.count))
                #expect(row["product"] as? String == wanted.product)
                #expect(
                    abs((row["total_value"] as? Double ?? 0) - wanted.value) <= 1e-9 * wanted.value,
                    "\(code) \(wanted.product)")
            }
        }
    }

    @Test("a multi-reporter dataset without a reporter is refused with the list; an absent reporter says what is there")
    func reporterRequired() throws {
        let fixture = try UseCaseFixture()
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "eu27", files: [InputFile(path: Self.eu27)]))
        var request = ReportRequest()
        request.imports = "eu27"
        let error = try #require(throws: RequestError.self) { try fixture.workspace.report(request) }
        #expect(
            error.parameter == "reporter" && error.message.contains("holds the imports of 27 reporters (AUT, BEL, BGR"))
        request.reporter = CountryCode(verbatim: "USA")
        #expect(throws: EmptySelection.self) { try fixture.workspace.report(request) }
        request.reporter = CountryCode(verbatim: "NLD")
        request.year = 2019
        let dutch = try fixture.workspace.report(request).render(.json)
        #expect(dutch.contains("\"concentration_year\" : 2019") || dutch.contains("\"concentration_year\": 2019"))
        #expect(dutch.contains("Vulnerability of Dutch business"))
    }

    @Test(
        "Table 2 for Germany and France: the letter's ranks with the reporter's own imports per sector (Python's sums)")
    func sectorTrade() throws {
        let fixture = try UseCaseFixture()
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "eu27", files: [InputFile(path: Self.eu27)]))
        // scripts/expected/letter_sectors_trade.py DEU 2022 and FRA 2022.
        let expected: [String: [String: Double]] = [
            "DEU": [
                "Furniture": 13545605059.802, "Wood products": 9750966087.048,
                "Agriculture, forestry, fishing": 1030734173.6049999,
                "Fabricated metal products": 330547210.441, "Chemicals": 102401739.558,
            ],
            "FRA": [
                "Furniture": 7798530729.879, "Wood products": 5592318586.536,
                "Agriculture, forestry, fishing": 643732089.936,
                "Fabricated metal products": 95227693.074, "Chemicals": 72089348.277,
            ],
        ]
        for (code, sectors) in expected {
            var request = ReportRequest()
            (request.imports, request.reporter) = ("eu27", CountryCode(verbatim: code))
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(try fixture.workspace.report(request).render(.json).utf8))
                    as? [String: Any])
            let table2 = try #require(json["table2_sectors"] as? [[String: Any]])
            #expect(table2.count == 17)
            for row in table2 {
                let name = try #require(row["sector"] as? String)
                if let expected = sectors[name] {
                    let imports = try #require(row["imports"] as? Double)
                    #expect(abs(imports - expected) <= 1e-9 * max(1, imports), "\(code) \(name)")
                } else {
                    #expect(row["imports"] is NSNull, "\(code) \(name): no product of the sector in the data, no data")
                }
                #expect(row["exports_own_make"] is NSNull, "the extract holds no exports: no data, not 0")
            }
            let petroleum = try #require(table2.first { $0["sector"] as? String == "Petroleum industry" })
            #expect(petroleum["pandemic"] as? Double == 2, "the ranks stay the letter's")
            let differences = try #require(json["differences_from_letter"] as? [[String: Any]])
            let importance = try #require(differences.first { $0["id"] as? String == "table2-particular-importance" })
            #expect(
                importance["kind"] as? String == "confirmation",
                "the letter's own Table 2, not Germany's trade, is compared")
        }
    }
}
