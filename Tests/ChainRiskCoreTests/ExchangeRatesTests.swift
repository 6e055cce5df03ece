import ChainRiskCore
import Foundation
import Testing

@Suite struct ExchangeRatesTests {
    @Test("the bundled ECB averages: 26 complete years, the figures of the daily file, both directions")
    func bundled() throws {
        let rates = ExchangeRates.ecb
        #expect(rates.usdPerEUR.keys.sorted() == Array(1999...2024))
        // Means of eurofxref-hist.csv's USD column by year (python3 csv module): 1999 1.0658, 2011 1.3920,
        // 2022 1.0530, 2024 1.0824.
        #expect(rates.usdPerEUR[1999] == 1.0658)
        #expect(rates.usdPerEUR[2011] == 1.3920)
        #expect(rates.usdPerEUR[2022] == 1.0530)
        #expect(rates.usdPerEUR[2024] == 1.0824)
        let toUSD = try #require(rates.convert(250e6, from: "EUR", to: "USD", year: 2022))
        #expect(abs(toUSD.value - 263.25e6) < 1e-3)
        let back = try #require(rates.convert(toUSD.value, from: "USD", to: "EUR", year: 2022))
        #expect(abs(back.value - 250e6) < 1e-3)
        #expect(rates.convert(1, from: "EUR", to: "GBP", year: 2022) == nil, "no GBP rate is bundled")
        #expect(rates.convert(1, from: "EUR", to: "USD", year: 2031) == nil, "no rate beyond the table")
        #expect(rates.convert(5, from: "USD", to: "USD", year: 2031)?.value == 5)
    }

    @Test("a user's table replaces the bundled one; a bad rate names file and line")
    func userTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rates-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("mine.csv")
        try "year,usd_per_eur,note\n2025,1.13,own estimate\n".write(to: good, atomically: true, encoding: .utf8)
        let rates = try ExchangeRates(file: good)
        #expect(rates.usdPerEUR == [2025: 1.13])
        #expect(rates.convert(100, from: "EUR", to: "USD", year: 2025)?.statement.contains("(mine.csv)") == true)
        let bad = folder.appendingPathComponent("bad.csv")
        try "year,usd_per_eur\n2024,1.08\n2025,-1\n".write(to: bad, atomically: true, encoding: .utf8)
        let error = #expect(throws: ReferenceDataError.self) { try ExchangeRates(file: bad) }
        #expect(error.map { "\($0)" }?.contains("bad.csv") == true)
        #expect(error.map { "\($0)" }?.contains("3") == true, "line 3: \(error.map { "\($0)" } ?? "")")
    }
}
