public import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
public import ChainRiskSources
public import ChainRiskStore
public import Foundation

/// A fetch from one source into one dataset: what to ask, how politely, and under which name to store it.
public struct FetchSettings: Sendable {
    /// The dataset's name; nil for one made from the request (`comtrade-NLD-2022`, `cbs-85427NED`).
    public var name: String?
    /// Ask the source even when the cache holds the answer.
    public var refresh: Bool
    /// Seconds between two requests to the source.
    public var interval: Double
    /// Replace a dataset of the same name that holds other responses.
    public var replace: Bool
    /// The HS edition the fetched codes are moved into before they are stored; nil stores them as reported.
    public var hsVersion: HSEditionBridge.Edition?
    /// The environment: `COMTRADE_API_KEY`, `CHAINRISK_COMTRADE_URL`, `CHAINRISK_CBS_URL`, `CHAINRISK_CACHE`.
    public var environment: [String: String]
    /// The most answers (pages) one fetch reads; nil for the source's default (`ComtradeFetch.defaultAnswerLimit`,
    /// `CBSFetch.defaultPageLimit`).
    public var maxPages: Int?
    /// Seconds one request may take in all, body included.
    public var deadline: Double
    /// Seconds to open a connection.
    public var connectTimeout: Double

    public init(
        name: String?, refresh: Bool, interval: Double, replace: Bool, hsVersion: HSEditionBridge.Edition? = nil,
        maxPages: Int? = nil, deadline: Double = FetchPolicy.defaultDeadline,
        connectTimeout: Double = FetchPolicy.defaultConnectTimeout,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.name = name
        self.refresh = refresh
        self.interval = interval
        self.replace = replace
        self.hsVersion = hsVersion
        self.maxPages = maxPages
        self.deadline = deadline
        self.connectTimeout = connectTimeout
        self.environment = environment
    }

    /// How the source is asked: the interval, the deadline per request and the connect timeout; throws `badQuery`
    /// for values that cannot be used.
    func policy() throws -> FetchPolicy {
        guard interval >= 0, interval.isFinite else {
            throw FetchError(.badQuery, "--interval must be 0 or more seconds")
        }
        guard deadline > 0, deadline.isFinite else {
            throw FetchError(.badQuery, "--timeout must be more than 0 seconds")
        }
        guard connectTimeout > 0, connectTimeout.isFinite else {
            throw FetchError(.badQuery, "--connect-timeout must be more than 0 seconds")
        }
        if let maxPages, maxPages < 1 { throw FetchError(.badQuery, "--max-pages must be at least 1") }
        return FetchPolicy(interval: interval, deadline: deadline, connectTimeout: connectTimeout)
    }
}

/// What a fetch did: the import's outcome, how many requests went to the source, how many answers came from the
/// cache, and how many cached answers failed their SHA-256 check (and were fetched again).
public struct FetchOutcome: Sendable {
    public let outcome: ImportOutcome
    public let requestsSent: Int
    public let answersFromCache: Int
    public let cachedAnswersDiscarded: Int
}

extension Workspace {
    /// The requests `chainrisk fetch comtrade` starts with (answers reaching the cap add their parts), without
    /// sending any.
    public func plannedRequests(_ request: ComtradeRequest, settings: FetchSettings) throws -> [String] {
        let fetch = ComtradeFetch(base: ComtradeFetch.base(environment: settings.environment))
        return try request.queries(areas: fetch.areas).map { $0.url(base: fetch.base, maxRecords: request.maxRecords) }
    }

    /// Fetches a Comtrade request (splitting answers that reach the cap) and stores the answers as one dataset, read
    /// by the Comtrade reader: one file per answer, named by its URL (never the key), with its SHA-256 and retrieval
    /// time. An identical fetch again is answered from the cache and stores nothing new.
    public func fetchComtrade(
        _ request: ComtradeRequest, settings: FetchSettings, progress: (@Sendable (FetchProgress) -> Void)? = nil
    ) async throws -> FetchOutcome {
        guard let key = settings.environment["COMTRADE_API_KEY"], !key.isEmpty else {
            throw FetchError(
                .badQuery,
                "set COMTRADE_API_KEY to your UN Comtrade subscription key (README: \"Fetching current data\"); no request was made"
            )
        }
        let base = ComtradeFetch.base(environment: settings.environment)
        let fetcher = PoliteFetcher(
            origin: try FetchOrigin(base: base), cache: .standard(environment: settings.environment),
            policy: try settings.policy(),
            secretHeaders: [("Ocp-Apim-Subscription-Key", key)])
        let responses = try await ComtradeFetch(base: base).run(
            request, fetcher: fetcher, refresh: settings.refresh,
            answerLimit: settings.maxPages ?? ComtradeFetch.defaultAnswerLimit, progress: progress)
        guard !responses.isEmpty else {
            throw FetchError(.badResponse, "UN Comtrade has no records for \(request.summary); nothing was stored")
        }
        let name =
            settings.name
            ?? "comtrade-\(request.reporter.rawValue)-\(request.years.map(String.init).joined(separator: "-"))"
        var reader: any TradeReader = ComtradeReader()
        if let edition = settings.hsVersion {
            var flows: [TradeFlow] = []
            for response in responses {
                _ = try reader.read(InputFile(bytes: response.body, name: response.url), options: ReadOptions()) {
                    flow, _ in flows.append(flow)
                }
            }
            reader = HSBridgingReader(
                reader: reader, edition: edition, weights: HSEditionBridge.weights(from: flows, in: edition))
        }
        return try store(responses, name: name, reader: reader, fetcher: fetcher, settings: settings)
    }

    /// The first page `chainrisk fetch cbs` asks for.
    public func plannedRequests(cbsTable table: String, filter: String?, settings: FetchSettings) throws -> [String] {
        [try CBSFetch(base: CBSFetch.base(environment: settings.environment)).url(table: table, filter: filter)]
    }

    /// Fetches every page of a StatLine table's typed data set and stores them as one dataset read by the CBS reader.
    public func fetchCBS(
        table: String, filter: String?, settings: FetchSettings, progress: (@Sendable (FetchProgress) -> Void)? = nil
    ) async throws -> FetchOutcome {
        let base = CBSFetch.base(environment: settings.environment)
        let fetcher = PoliteFetcher(
            origin: try FetchOrigin(base: base), cache: .standard(environment: settings.environment),
            policy: try settings.policy())
        let pages = try await CBSFetch(base: base).run(
            table: table, filter: filter, fetcher: fetcher, refresh: settings.refresh,
            pageLimit: settings.maxPages ?? CBSFetch.defaultPageLimit,
            progress: progress)
        return try store(
            pages, name: settings.name ?? "cbs-\(table)", reader: CBSReader(pagesFollowed: true), fetcher: fetcher,
            settings: settings)
    }

    private func store(
        _ responses: [FetchedResponse], name: String, reader: any TradeReader, fetcher: PoliteFetcher,
        settings: FetchSettings
    ) throws -> FetchOutcome {
        guard !BuiltInDatasets.names.contains(name) else {
            throw RequestError("name", "'\(name)' is a built-in dataset")
        }
        let sources = responses.map { response in
            ImportRequest.Source(
                file: InputFile(bytes: response.body, name: response.url), reader: reader,
                retrievedAt: response.retrievedAt)
        }
        defer { storeChanged() }
        defer { storeChanged() }
        let outcome = try store().importDataset(ImportRequest(name: name, sources: sources, replace: settings.replace))
        return FetchOutcome(
            outcome: outcome, requestsSent: fetcher.requestsSent, answersFromCache: responses.filter(\.fromCache).count,
            cachedAnswersDiscarded: fetcher.cache.discardedEntries)
    }
}

extension ImportOutcome {
    /// What an import did, as the CLI says it: the flows stored and their value totals, the findings by kind with an
    /// example of each; or that the dataset already held these files. `answers` names the files fetched answers.
    public func summaryLines(answers: Bool = false) -> [String] {
        switch self {
        case .alreadyImported(let info):
            let hashes = info.files.map { String($0.sha256.prefix(12)) }.joined(separator: ", ")
            let what =
                answers ? "these \(info.files.count) answer(s)" : info.files.count == 1 ? "this file" : "these files"
            return ["dataset '\(info.name)' already holds \(what) (sha256 \(hashes)…); nothing imported"]
        case .imported(let info):
            let totals = info.valueTotals.keys.sorted().map {
                "\(NumberFormat.fixed(info.valueTotals[$0] ?? 0, decimals: 2, grouping: true)) \($0)"
            }
            let from = answers ? " from \(info.files.count) answer(s)" : ""
            var lines = [
                "imported \(NumberFormat.integer(info.rowCount)) flows\(from) into dataset '\(info.name)' (\(info.sourceFormat)); value total \(totals.joined(separator: ", "))"
            ]
            guard !info.findingCounts.isEmpty else { return lines }
            lines.append(
                "findings: "
                    + info.findingCounts.keys.sorted().map { "\(info.findingCounts[$0] ?? 0) \($0)" }.joined(
                        separator: ", "))
            for kind in info.findingCounts.keys.sorted() {
                if let example = info.findingExamples.first(where: { $0.kind.rawValue == kind }) {
                    lines.append("  e.g. \(example)")
                }
            }
            return lines
        }
    }
}

extension FetchOutcome {
    /// The import's summary and the requests the fetch made.
    public var summaryLines: [String] {
        let discarded =
            cachedAnswersDiscarded == 0
            ? "" : "; \(cachedAnswersDiscarded) cached answer(s) no longer matched their SHA-256 and were fetched again"
        return outcome.summaryLines(answers: true) + [
            "\(requestsSent) request(s) sent, \(answersFromCache) answer(s) from the cache\(discarded)"
        ]
    }
}

extension ResponseCache {
    /// Where the cache is, its size and limit, and each answer (most recently used first), as `fetch --cache-info`
    /// prints them.
    public func listingLines() -> [String] {
        let entries = entries()
        return [
            "cache: \(directory.path)",
            "\(NumberFormat.integer(entries.count)) responses, \(NumberFormat.integer(totalBytes())) bytes (limit \(NumberFormat.integer(limitBytes)))",
        ]
            + entries.map { "\($0.retrievedAt)  \(NumberFormat.integer($0.bytes)) bytes  \($0.url)" }
    }
}
