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
            throw FetchError(
                .badQuery, "'\(table)' is not a StatLine table identifier (letters and digits, e.g. 85427NED)")
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

    /// The default most pages one fetch reads: at CBS's default interval of 0.5 s, 500 pages take about 4 minutes.
    public static let defaultPageLimit = 500

    /// Every page of the table, in order; at most `pageLimit` pages (cached pages count), else `badResponse`
    /// (exit 65) naming the cap. A next-page link off the fetcher's origin (another scheme, host or port, or not
    /// http(s)) fails the fetch with `unavailable` (exit 66) naming it, before any request to it, and the page that
    /// held it is dropped from the cache.
    public func run(
        table: String, filter: String?, fetcher: PoliteFetcher, refresh: Bool,
        pageLimit: Int = CBSFetch.defaultPageLimit,
        progress: (@Sendable (FetchProgress) -> Void)? = nil
    ) async throws -> [FetchedResponse] {
        var next: String? = try url(table: table, filter: filter)
        var pages: [FetchedResponse] = []
        var asked: Set<String> = []
        var state = FetchProgress(answered: 0, pending: 1, records: 0)
        while let url = next {
            guard pages.count < pageLimit else {
                throw FetchError(
                    .badResponse,
                    """
                    \(table) has more than \(pageLimit) pages, the most one fetch reads; nothing was stored — narrow it \
                    with --filter or raise --max-pages
                    """)
            }
            asked.insert(url)
            let page = try await fetcher.get(url, refresh: refresh)
            guard let object = try? JSONSerialization.jsonObject(with: Data(page.body)) as? [String: Any],
                let records = object["value"] as? [Any]
            else {
                fetcher.cache.remove(url)
                throw FetchError(.badResponse, "\(page.url) did not answer with an OData page (no 'value' array)")
            }
            pages.append(page)
            next = (object["odata.nextLink"] ?? object["@odata.nextLink"]) as? String
            if let link = next {
                do {
                    try fetcher.checkOrigin(link, reachedFrom: nil)
                } catch {
                    fetcher.cache.remove(url)
                    throw FetchError(
                        .unavailable,
                        "\(page.url) links to its next page at \(link): \((error as? FetchError)?.message ?? "\(error)")"
                    )
                }
                if asked.contains(link) {
                    throw FetchError(.badResponse, "\(page.url) links back to a page already read (\(link))")
                }
            }
            state.answered += 1
            state.pending = next == nil ? 0 : 1
            state.records += records.count
            progress?(state)
        }
        return pages
    }
}
