import ChainRiskCore
import ChainRiskSources
import ChainRiskStore
import ChainRiskUseCases
import HTTPTypes
import Testing

@testable import ChainRiskServer

/// One error language: each error has one class, and the CLI's exit code and the API's status both come from it.
@Suite("failure classes: the same class, exit code and HTTP status for an error on both faces")
struct FailureClassTests {
    static let cases: [(error: any Error & Sendable, expected: FailureClass, exit: Int32, status: Int)] = [
        (EmptySelection("dataset 'x' has no flows for year 1999"), .badData, 65, 422),
        (NotFound("unknown_event", "no event 99"), .notFound, 66, 404),
        (StoreError(.unknownDataset, "no dataset named 'x'"), .notFound, 66, 404),
        (InputError(.missingFile, "no such file: a.csv", at: nil), .notFound, 66, 404),
        (StoreError(.unreachable, "could not connect"), .unavailable, 66, 503),
        (StoreError(.unavailable, "disk I/O error"), .unavailable, 66, 503),
        (StoreError(.newerSchema, "written by a newer chainrisk"), .unavailable, 66, 503),
        (FetchError(.unavailable, "could not reach the source"), .unavailable, 66, 503),
        (StoreError(.datasetExists, "exists"), .conflict, 64, 409),
        (StoreError(.badName, "dataset name '' is not allowed"), .usage, 64, 400),
        (RequestError("year", "--year takes a year"), .usage, 64, 400),
        (
            InputError(.badNumber, "expected a number", at: SourceLocation(file: "a.csv", line: 2, column: 3)),
            .badData, 65, 422
        ),
        (IOError.notProductive(spectralRadius: 1.2), .badData, 65, 422),
        (IOError.unknownRegion("XYZ", known: ["NLD", "DEU"]), .badData, 65, 422),
        (StoreError(.inconsistent, "3 orphans"), .badData, 65, 422),
        (FetchError(.internalError, "bug"), .internal, 70, 500),
    ]

    @Test("each error's class, exit code and HTTP status", arguments: 0..<cases.count)
    func classified(index: Int) throws {
        let (error, expected, exit, status) = Self.cases[index]
        let failure = try #require(ClassifiedFailure.classify(error))
        #expect(failure.failureClass == expected, "\(error)")
        #expect(failure.failureClass.exitCode == exit)
        #expect(failure.failureClass.httpStatus == status)
        #expect(APIError.from(error).status.code == status, "\(error)")
    }

    @Test("an error chainrisk does not know is internal on the API")
    func unknown() {
        struct Strange: Error {}
        #expect(ClassifiedFailure.classify(Strange()) == nil)
        #expect(APIError.from(Strange()).status.code == 500)
    }

    @Test("messages speak the face's language: flags on the command line, query parameters over HTTP")
    func faceLanguage() throws {
        let error = RequestError("start-day", "--start-day must be between 0 and 36500 (see --days and --min-value)")
        let cli = try #require(ClassifiedFailure.classify(error))
        #expect(cli.message == "--start-day must be between 0 and 36500 (see --days and --min-value)")
        #expect(cli.parameter == "start-day")
        let http = try #require(ClassifiedFailure.classify(error, on: .http))
        #expect(http.message == "start_day must be between 0 and 36500 (see days and min_value)")
        #expect(http.parameter == "start_day")
        // The detail names the parameter once, not "start_day: start_day must …".
        #expect(APIError.from(error).detail == "start_day must be between 0 and 36500 (see days and min_value)")
        let region = try #require(ClassifiedFailure.classify(IOError.unknownRegion("XYZ", known: ["NLD", "DEU"])))
        #expect(region.code == "unknown_region" && region.message == "unknown region 'XYZ'; the table has NLD, DEU")
    }

    @Test("the default reporter is one rule for every face: NLD where the table has it, else its first region")
    func defaultReporter() {
        #expect(ScenarioSettings.defaultReporter(in: ["DEU", "NLD", "CHN"]) == "NLD")
        #expect(ScenarioSettings.defaultReporter(in: ["DEU", "CHN"]) == "DEU")
    }
}
