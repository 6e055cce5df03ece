import ArgumentParser
import ChainRiskCore
import ChainRiskSources
import ChainRiskUseCases

/// `chainrisk fetch`: current data from UN Comtrade or CBS StatLine into the store, through a cache of responses.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch trade data from UN Comtrade or CBS StatLine into the store.",
        discussion: """
            Answers are cached ($CHAINRISK_CACHE, $XDG_CACHE_HOME/chainrisk or ~/.chainrisk/cache, at most $CHAINRISK_CACHE_LIMIT_MB MB): the \
            same fetch again makes no request unless --refresh is given; a cached answer that no longer matches its \
            SHA-256 is fetched again. Each answer becomes one file of the dataset, named by the URL that answered \
            (without the key), with its SHA-256 and retrieval time.
            Only the source's origin (scheme, host, port; http or https) is asked: a redirect or next-page link \
            elsewhere fails the fetch (exit 66), so the key never reaches another server. Each request has --timeout \
            seconds in all (default 120, body included); past --max-pages answers a fetch fails (exit 65).
            """,
        subcommands: [FetchComtradeCommand.self, FetchCBSCommand.self]
    )

    @Flag(help: "List the cache: where it is, its size, and each answer's retrieval time and URL.")
    var cacheInfo = false

    func run() async throws {
        guard cacheInfo else { throw CleanExit.helpRequest(self) }
        FileOutput.standardOutput.write(ResponseCache.standard().listingLines().map { $0 + "\n" }.joined())
    }
}

/// Options every fetch takes, and running it with a status line on a terminal.
struct FetchOptions: ParsableArguments {
    @Option(help: "Dataset name (default: from the request, e.g. comtrade-NLD-2022 or cbs-85427NED).")
    var name: String?

    @Flag(help: "Ask the source even when the cache holds the answer.")
    var refresh = false

    @Flag(help: "Print the requests it would start with, and make none.")
    var dryRun = false

    @Flag(help: "Replace a dataset of the same name that holds other answers.")
    var replace = false

    @Option(help: "Seconds between two requests (default: 1 for UN Comtrade, 0.5 for CBS).")
    var interval: Double?

    @Option(
        help: ArgumentHelp(
            "The most answers (pages) one fetch reads (default: 250 for UN Comtrade, 500 for CBS: ~4 min).",
            valueName: "N"))
    var maxPages: Int?

    @Option(
        help: ArgumentHelp(
            "Seconds one request may take in all: connecting, the headers and the whole body.", valueName: "seconds"))
    var timeout: Double = FetchPolicy.defaultDeadline

    @Option(
        help: ArgumentHelp("Seconds to open a connection (a refused connection fails at once).", valueName: "seconds"))
    var connectTimeout: Double = FetchPolicy.defaultConnectTimeout

    @OptionGroup var store: StoreOptions

    func run(
        interval defaultInterval: Double, hsVersion: HSEditionBridge.Edition? = nil,
        planned: (Workspace, FetchSettings) throws -> [String],
        fetch: (Workspace, FetchSettings, @escaping @Sendable (FetchProgress) -> Void) async throws -> FetchOutcome
    ) async throws {
        let workspace = store.workspace()
        let settings = FetchSettings(
            name: name, refresh: refresh, interval: interval ?? defaultInterval, replace: replace, hsVersion: hsVersion,
            maxPages: maxPages,
            deadline: timeout, connectTimeout: connectTimeout)
        if dryRun {
            return FileOutput.standardOutput.write(try planned(workspace, settings).map { $0 + "\n" }.joined())
        }
        let terminal = FileOutput.standardError.isTerminal
        defer { if terminal { FileOutput.standardError.write("\r\u{1B}[K") } }
        let outcome = try await fetch(workspace, settings) {
            if terminal {
                FileOutput.standardError.write(
                    "\rfetch: \($0.answered) answered, \($0.pending) to go, \($0.records) records\u{1B}[K")
            }
        }
        FileOutput.standardOutput.write(outcome.summaryLines.joined(separator: "\n") + "\n")
    }
}

/// `chainrisk fetch comtrade`: annual goods trade of one reporter from the UN Comtrade data API.
struct FetchComtradeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comtrade",
        abstract: "Fetch annual goods trade of one reporter from the UN Comtrade data API.",
        discussion: """
            Needs a subscription key in COMTRADE_API_KEY (comtradedeveloper.un.org); the API is at \
            $CHAINRISK_COMTRADE_URL or https://comtradeapi.un.org. An answer of --max-records records is taken as \
            truncated and asked again in parts (by product, then partner, then year); HTTP 429 and 5xx answers are \
            retried after the wait the API asks for.
            Examples:
              chainrisk fetch comtrade --reporter NLD --year 2022 --product 4401,4403
              chainrisk fetch comtrade --reporter DEU --year 2021 --year 2022
            """
    )

    @Option(help: ArgumentHelp("The reporter's ISO3 code.", valueName: "ISO3"))
    var reporter: String

    @Option(help: ArgumentHelp("A year (repeat for several).", valueName: "year"))
    var year: [Int]

    @Option(help: "import or export.")
    var flow = "import"

    @Option(
        help: ArgumentHelp(
            "HS codes of 2 to 6 digits, repeated or comma-separated (default: all 6-digit codes).", valueName: "code"))
    var product: [String] = []

    @Option(
        help: ArgumentHelp(
            "Partners' ISO3 codes, repeated or comma-separated (default: all partners).", valueName: "ISO3"))
    var partner: [String] = []

    @Option(help: "The most records one answer may hold; an answer this long is asked again in parts.")
    var maxRecords = 100_000

    @Option(help: "Store HS codes moved into this edition (HS2017 or HS2022; README: \"HS editions\").")
    var hsVersion: HSEditionBridge.Edition?

    @OptionGroup var fetch: FetchOptions

    func run() async throws {
        let request = try ComtradeRequest(
            reporter: reporter, years: year, flow: flow, products: product, partners: partner, maxRecords: maxRecords)
        try await fetch.run(interval: 1, hsVersion: hsVersion) {
            try $0.plannedRequests(request, settings: $1)
        } fetch: {
            try await $0.fetchComtrade(request, settings: $1, progress: $2)
        }
    }
}

/// `chainrisk fetch cbs`: a CBS StatLine table (such as 85427NED) through its OData feed.
struct FetchCBSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cbs",
        abstract: "Fetch a CBS StatLine table (e.g. 85427NED) through its OData feed.",
        discussion: """
            Reads the table's TypedDataSet from $CHAINRISK_CBS_URL or https://opendata.cbs.nl/ODataApi/odata, \
            following the feed's next-page links, and stores all pages as one dataset.
            Examples:
              chainrisk fetch cbs 85427NED
              chainrisk fetch cbs 85427NED --filter "substringof('JJ', Perioden)"
            """
    )

    @Argument(help: "The StatLine table's identifier.")
    var table: String

    @Option(help: "An OData $filter expression.")
    var filter: String?

    @OptionGroup var fetch: FetchOptions

    func run() async throws {
        try await fetch.run(interval: 0.5) {
            try $0.plannedRequests(cbsTable: table, filter: filter, settings: $1)
        } fetch: {
            try await $0.fetchCBS(table: table, filter: filter, settings: $1, progress: $2)
        }
    }
}
