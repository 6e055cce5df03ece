import Foundation

/// Fetches a CBS StatLine table's typed data set through OData, following the feed's next-page links.
public struct CBSFetch: Sendable {
    public let base: String

    /// `$CHAINRISK_CBS_URL` or CBS's OData v3 API.
    public static func base(environment: [String: String]) -> String {
        environment["CHAINRISK_CBS_URL"] ?? "https://opendata.cbs.nl/ODataApi/odata"
    }

    public init(base: String) {
        self.base = base
    }

    /// The first page's URL: `BASE/TABLE/TypedDataSet`, with `$filter` when given.
    public func url(table: String, filter: String?) throws -> String {
        guard !table.isEmpty, table.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw FetchError(.badQuery, "'\(table)' is not a StatLine table identifier (letters and digits, e.g. 85427NED)")
        }
        let base = base.hasSuffix("/") ? String(base.dropLast()) : base
        var url = "\(base)/\(table)/TypedDataSet"
        if let filter {
            var allowed = CharacterSet.urlQueryAllowed
            allowed.remove(charactersIn: "&=+#")
            guard let encoded = filter.addingPercentEncoding(withAllowedCharacters: allowed) else {
                throw FetchError(.badQuery, "the filter cannot be put in a URL")
            }
            url += "?$filter=" + encoded
        }
        return url
    }

    /// Every page of the table, in order; at most `pageLimit` pages.
    public func run(table: String, filter: String?, fetcher: PoliteFetcher, refresh: Bool, pageLimit: Int = 10_000,
                    progress: (@Sendable (FetchProgress) -> Void)? = nil) async throws -> [FetchedResponse] {
        var next: String? = try url(table: table, filter: filter)
        var pages: [FetchedResponse] = []
        var state = FetchProgress(answered: 0, pending: 1, records: 0)
        while let url = next {
            guard pages.count < pageLimit else {
                throw FetchError(.badResponse, "\(table) has more than \(pageLimit) pages; narrow it with --filter")
            }
            let page = try await fetcher.get(url, refresh: refresh)
            guard let object = try? JSONSerialization.jsonObject(with: Data(page.body)) as? [String: Any],
                  let records = object["value"] as? [Any] else {
                fetcher.cache.remove(url)
                throw FetchError(.badResponse, "\(url) did not answer with an OData page (no 'value' array)")
            }
            pages.append(page)
            next = (object["odata.nextLink"] ?? object["@odata.nextLink"]) as? String
            if let link = next, pages.contains(where: { $0.url == link }) {
                throw FetchError(.badResponse, "\(url) links back to a page already read (\(link))")
            }
            state.answered += 1
            state.pending = next == nil ? 0 : 1
            state.records += records.count
            progress?(state)
        }
        return pages
    }
}
