public import ChainRiskCore
import Foundation

/// What `chainrisk fetch comtrade` asks for.
public struct ComtradeRequest: Sendable {
    public var reporter: CountryCode
    public var years: [Int]
    public var flow: FlowKind
    public var products: [String]?
    public var partners: [CountryCode]?
    /// The most records one answer may hold; an answer with this many is taken as truncated and split.
    public var maxRecords: Int

    public init(
        reporter: CountryCode, years: [Int], flow: FlowKind, products: [String]?, partners: [CountryCode]?,
        maxRecords: Int = 100_000
    ) {
        self.reporter = reporter
        self.years = years
        self.flow = flow
        self.products = products
        self.partners = partners
        self.maxRecords = maxRecords
    }

    /// A request from the words of the command line: ISO3 codes, `import` or `export`, codes that may be
    /// comma-separated; throws `badQuery` for anything the API cannot be asked.
    public init(reporter: String, years: [Int], flow: String, products: [String], partners: [String], maxRecords: Int)
        throws
    {
        func country(_ code: some StringProtocol, _ option: String) throws -> CountryCode {
            guard let country = CountryCode(rawValue: code.uppercased()) else {
                throw FetchError(.badQuery, "--\(option) '\(code)' is not an ISO3 code")
            }
            return country
        }
        guard let flowKind = FlowKind(rawValue: flow), [.imports, .exports].contains(flowKind) else {
            throw FetchError(.badQuery, "--flow must be import or export, not '\(flow)'")
        }
        if let year = years.first(where: { !(1962...2100).contains($0) }) {
            throw FetchError(.badQuery, "--year \(year) is outside the years UN Comtrade covers (1962 on)")
        }
        let products = products.flatMap { $0.split(separator: ",").map(String.init) }
        let partners = try partners.flatMap { $0.split(separator: ",") }.map { try country($0, "partner") }
        self.init(
            reporter: try country(reporter, "reporter"), years: Array(Set(years)).sorted(), flow: flowKind,
            products: products.isEmpty ? nil : products, partners: partners.isEmpty ? nil : partners,
            maxRecords: maxRecords)
    }

    /// The request as words, for provenance: `reporter=NLD years=2022 flow=import products=4401,4402 partners=all`.
    public var summary: String {
        "reporter=\(reporter.rawValue) years=\(years.map(String.init).joined(separator: ",")) flow=\(flow.rawValue) "
            + "products=\(products?.joined(separator: ",") ?? "all 6-digit") partners=\(partners?.map(\.rawValue).joined(separator: ",") ?? "all") "
            + "max-records=\(maxRecords)"
    }

    /// The first queries: one per reporter code the years need (Germany before 1991 was another code).
    public func queries(areas: ComtradeAreas) throws -> [ComtradeQuery] {
        guard !years.isEmpty else { throw FetchError(.badQuery, "give at least one --year") }
        guard maxRecords > 0 else { throw FetchError(.badQuery, "--max-records must be at least 1") }
        if let products,
            let bad = products.first(where: {
                !(2...6).contains($0.count) || !$0.allSatisfy(\.isASCII) || !$0.allSatisfy(\.isNumber)
            })
        {
            throw FetchError(.badQuery, "'\(bad)' is not an HS code of 2 to 6 digits")
        }
        let partnerCodes = try partners.map { list in try list.flatMap { try areas.partnerCodes($0, years: years) } }
        return try areas.reporterCodes(reporter, years: years).sorted { $0.key < $1.key }.map { code, years in
            ComtradeQuery(
                reporterCode: code, years: years.sorted(), flow: flow, products: products, partners: partnerCodes)
        }
    }
}

/// Progress of a fetch: requests answered so far (from the source or the cache), those known to be left, records.
public struct FetchProgress: Sendable {
    public var answered: Int
    public var pending: Int
    public var records: Int
}

/// Runs a Comtrade request to the end: every query and every split of a truncated answer.
public struct ComtradeFetch: Sendable {
    public let base: String
    public let areas: ComtradeAreas

    /// `$CHAINRISK_COMTRADE_URL` or the public API host.
    public static func base(environment: [String: String]) -> String {
        environment["CHAINRISK_COMTRADE_URL"] ?? "https://comtradeapi.un.org"
    }

    public init(base: String, areas: ComtradeAreas = .bundled) {
        self.base = base
        self.areas = areas
    }

    /// The default most answers one fetch reads: at Comtrade's default interval of 1 s, 250 answers take about
    /// 4 minutes.
    public static let defaultAnswerLimit = 250

    /// The responses that hold the request's records, in query order, leaving out empty answers and answers that
    /// reached the cap (their parts are fetched instead). At most `answerLimit` answers are read (cached ones count),
    /// else `badResponse` (exit 65) naming the cap.
    public func run(
        _ request: ComtradeRequest, fetcher: PoliteFetcher, refresh: Bool,
        answerLimit: Int = ComtradeFetch.defaultAnswerLimit,
        progress: (@Sendable (FetchProgress) -> Void)? = nil
    ) async throws -> [FetchedResponse] {
        var queue = try request.queries(areas: areas)
        var kept: [FetchedResponse] = []
        var state = FetchProgress(answered: 0, pending: queue.count, records: 0)
        while !queue.isEmpty {
            guard state.answered < answerLimit else {
                throw FetchError(
                    .badResponse,
                    """
                    \(request.summary) needs more than \(answerLimit) answers, the most one fetch reads; nothing was \
                    stored — ask for fewer products, partners or years, or raise --max-pages
                    """)
            }
            let query = queue.removeFirst()
            let url = query.url(base: base, maxRecords: request.maxRecords)
            let response = try await fetcher.get(url, refresh: refresh)
            let records: Int
            do {
                records = try Self.recordCount(response)
            } catch {
                fetcher.cache.remove(url)
                throw error
            }
            state.answered += 1
            if records >= request.maxRecords {
                guard let parts = query.split(areas: areas) else {
                    throw FetchError(
                        .badResponse,
                        """
                        \(response.url) returned \(records) records, the cap, for one product, one partner and one year: \
                        the answer may be truncated and was not stored; raise --max-records
                        """)
                }
                queue.insert(contentsOf: parts, at: 0)
            } else if records > 0 {
                kept.append(response)
                state.records += records
            }
            state.pending = queue.count
            progress?(state)
        }
        return kept
    }

    /// The number of records in a data-API answer; throws for an answer that is not one (an error object).
    static func recordCount(_ response: FetchedResponse) throws -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else {
            throw FetchError(.badResponse, "\(response.url) did not answer with a JSON object")
        }
        guard let data = object["data"] as? [Any] else {
            let message = (object["error"] as? String) ?? (object["message"] as? String) ?? "no 'data' array"
            throw FetchError(.badResponse, "\(response.url) answered without data: \(message)")
        }
        if data.isEmpty, let error = object["error"] as? String, !error.isEmpty {
            throw FetchError(.badResponse, "\(response.url) answered with an error: \(error)")
        }
        return data.count
    }
}
