import ChainRiskCore
import Foundation
import Testing

@testable import ChainRiskSources

@Suite("Comtrade queries: area codes by year, URLs, and splitting an answer that reached the cap")
struct ComtradeQueryTests {
    let areas = ComtradeAreas.bundled

    @Test(
        "reporter codes follow the years: Germany 280 until 1990, 276 since; the USA reports as 842; partners get every code"
    )
    func areaCodes() throws {
        #expect(
            try areas.reporterCodes(CountryCode(verbatim: "DEU"), years: [1990, 1991, 2022]) == [
                280: [1990], 276: [1991, 2022],
            ])
        #expect(try areas.reporterCodes(CountryCode(verbatim: "USA"), years: [2022]) == [842: [2022]])
        #expect(try areas.reporterCodes(.netherlands, years: [2022]) == [528: [2022]])
        #expect(try areas.partnerCodes(CountryCode(verbatim: "USA"), years: [2022]) == [840, 842])
        #expect(throws: FetchError.self) { try areas.reporterCodes(CountryCode(verbatim: "XYZ"), years: [2022]) }
    }

    @Test("the URL carries every filter and no key")
    func url() {
        let query = ComtradeQuery(
            reporterCode: 528, years: [2021, 2022], flow: .exports, products: ["4401", "9403"], partners: [156, 276])
        #expect(
            query.url(base: "http://127.0.0.1:9/", maxRecords: 500)
                == "http://127.0.0.1:9/data/v1/get/C/A/HS?reporterCode=528&period=2021,2022&flowCode=X&cmdCode=4401,9403&partnerCode=156,276&maxRecords=500&includeDesc=true"
        )
        let all = ComtradeQuery(reporterCode: 528, years: [2022], flow: .imports, products: nil, partners: nil)
        #expect(
            all.url(base: "https://comtradeapi.un.org", maxRecords: 100_000).contains(
                "flowCode=M&cmdCode=AG6&maxRecords=100000"))
    }

    @Test(
        "splits halve the products first, then the partners (the world included when none were named), then the years")
    func splitting() throws {
        let query = ComtradeQuery(
            reporterCode: 528, years: [2021, 2022], flow: .imports, products: ["4401", "4402", "4403"], partners: nil)
        let byProduct = try #require(query.split(areas: areas))
        #expect(byProduct.map(\.products) == [["4401", "4402"], ["4403"]])
        let byPartner = try #require(byProduct[1].split(areas: areas))
        #expect(byPartner.count == 2 && byPartner[0].partners?.first == 0)
        // Together the halves ask for every partner code of those years, the world (0) and the USA's 840 and 842 among them.
        let partners = byPartner.flatMap { $0.partners ?? [] }
        #expect(
            partners.count == Set(partners).count && partners.contains(840) && partners.contains(842)
                && partners.contains(528))
        let single = ComtradeQuery(
            reporterCode: 528, years: [2021, 2022], flow: .imports, products: ["4401"], partners: [276])
        #expect(try #require(single.split(areas: areas)).map(\.years) == [[2021], [2022]])
        #expect(
            ComtradeQuery(reporterCode: 528, years: [2022], flow: .imports, products: ["4401"], partners: [276]).split(
                areas: areas) == nil)
    }

    @Test("Retry-After in seconds or as an HTTP date")
    func retryAfter() {
        #expect(PoliteFetcher.seconds(retryAfter: "7") == 7)
        #expect(PoliteFetcher.seconds(retryAfter: " 0 ") == 0)
        #expect(PoliteFetcher.seconds(retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT") == 0)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let later = PoliteFetcher.seconds(retryAfter: formatter.string(from: Date().addingTimeInterval(30))) ?? 0
        #expect(later > 25 && later <= 30)
        #expect(PoliteFetcher.seconds(retryAfter: "soon") == nil)
    }

    @Test("the cache answers an identical URL, and keeps within its limit by dropping the least recently used")
    func cacheBound() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "chainrisk-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResponseCache(directory: directory, limitBytes: 250)
        for (index, url) in ["http://a/1", "http://a/2", "http://a/3"].enumerated() {
            let body = Array(repeating: UInt8(index), count: 100)
            try cache.store(
                body, for: url,
                entry: .init(
                    url: url, retrievedAt: "2026-12-05T00:00:0\(index)Z", sha256: ResponseCache.sha256(body), bytes: 100
                ))
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(cache.lookup("http://a/1") == nil)
        #expect(cache.lookup("http://a/3")?.body == Array(repeating: 2, count: 100))
        #expect(cache.entries().map(\.url) == ["http://a/3", "http://a/2"])
        #expect(cache.totalBytes() == 200)
        cache.remove("http://a/3")
        #expect(cache.lookup("http://a/3") == nil && cache.entries().map(\.url) == ["http://a/2"])
    }
}
