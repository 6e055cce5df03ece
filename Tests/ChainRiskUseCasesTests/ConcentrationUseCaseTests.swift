import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskUseCases
import Foundation
import Testing

@Suite("Concentration use case: one pipeline for files and stored datasets")
struct ConcentrationUseCaseTests {
    /// Three suppliers of one product to NLD: 50/35/15 → HHI 0.25 + 0.1225 + 0.0225 = 0.395 (the letter's example).
    static let flows = """
        year,reporter,partner,product,flow,value,unit
        2022,NLD,FRA,440710,import,50,USD
        2022,NLD,DEU,440710,import,35,USD
        2022,NLD,BEL,440710,import,15,USD
        2022,NLD,CHN,940360,import,80,USD
        2022,NLD,VNM,940360,import,20,USD
        2021,NLD,CHN,940360,import,100,USD
        """

    @Test("a file and the same file imported give the same rows, with the letter's 0.395 and 0.68")
    func fileAndDatasetAgree() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("nl.csv", Self.flows)
        let query = ConcentrationQuery(years: [2022])
        let fromFile = try fixture.workspace.concentration(
            ConcentrationRequest(source: .files([InputFile(path: path)], ReadSettings()), query: query)
        ).output()
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "nl", files: [InputFile(path: path)]))
        let fromStore = try fixture.workspace.concentration(ConcentrationRequest(source: .dataset("nl"), query: query))
            .output()
        #expect(fromFile.table.rows == fromStore.table.rows)
        let hhi = Dictionary(uniqueKeysWithValues: fromStore.table.rows.map { ($0.product.code, $0.hhi ?? -1) })
        #expect(abs((hhi["440710"] ?? 0) - 0.395) < 1e-12)
        #expect(abs((hhi["940360"] ?? 0) - 0.68) < 1e-12)
        #expect(fromStore.table.rows.allSatisfy { $0.year == 2022 })
    }

    @Test("a file's findings come back, and strict reading turns them into an error with the location")
    func findingsAndStrict() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file(
            "assumed.csv", "year,reporter,partner,product,flow,value\n2022,NLD,FRA,4407,import,10\n")
        let relaxed = try fixture.workspace.concentration(
            ConcentrationRequest(source: .files([InputFile(path: path)], ReadSettings()), query: ConcentrationQuery()))
        // The file states neither unit nor classification: two assumptions, both recorded.
        #expect(relaxed.findings.counts[.unitAssumed] == 2)
        let strict = ConcentrationRequest(
            source: .files([InputFile(path: path)], ReadSettings(strict: true)), query: ConcentrationQuery())
        let error = try #require(throws: InputError.self) { try fixture.workspace.concentration(strict) }
        #expect(error.code == .strictFinding)
        #expect(error.description.contains("assumed.csv:2:"))
    }

    @Test("drill-down without a level, an unknown class and a missing source are request errors naming the option")
    func requestErrors() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("nl.csv", Self.flows)
        var request = ConcentrationRequest(
            source: .files([InputFile(path: path)], ReadSettings()), query: ConcentrationQuery())
        request.drill = true
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.concentration(request) }.parameter
                == "drill")
        request.drill = false
        request.query.concentrationClass = "extreme"
        #expect(
            try #require(throws: RequestError.self) { try fixture.workspace.concentration(request) }.message.contains(
                "unknown --class 'extreme'"))
        #expect(throws: RequestError.self) { try FlowSource(dataset: nil, files: []) }
        #expect(throws: RequestError.self) { try FlowSource(dataset: "a", files: [path]) }
    }

    @Test("a server page limit cuts the rows and says so in the provenance")
    func limit() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("nl.csv", Self.flows)
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "nl", files: [InputFile(path: path)]))
        var query = ConcentrationQuery()
        query.allYears = true
        var request = ConcentrationRequest(source: .dataset("nl"), query: query)
        request.limit = 1
        let output = try fixture.workspace.concentration(request).output()
        #expect(output.table.rows.count == 1)
        #expect(output.provenance.settings["limit"] == "first 1 of 3 rows")
    }

    @Test("bytes in memory read like the file they came from: same rows, same SHA-256 in the provenance")
    func memoryInput() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("nl.csv", Self.flows)
        let memory = InputFile(bytes: Array(Self.flows.utf8), name: path)
        let fromFile = try fixture.workspace.concentration(
            ConcentrationRequest(source: .files([InputFile(path: path)], ReadSettings()), query: ConcentrationQuery())
        ).output()
        let fromMemory = try fixture.workspace.concentration(
            ConcentrationRequest(source: .files([memory], ReadSettings()), query: ConcentrationQuery())
        ).output()
        // The latest year, 2022: two products.
        #expect(fromMemory.table.rows == fromFile.table.rows && fromMemory.table.rows.count == 2)
        #expect(fromMemory.provenance.inputs == fromFile.provenance.inputs)
        #expect(try FileDigest.sha256(memory).hex == FileDigest.sha256(path: path).hex)
    }

    /// The server's page limit no longer sends a stored BACI dataset to the general path: the CLI (no limit) and the
    /// API (limit) take the columnar engine alike, and the limit cuts the same rows the general path would.
    @Test(
        "a stored BACI dataset with and without a row limit: the columnar engine both times, the limit a prefix named in the provenance"
    )
    func limitKeepsTheColumnarEngine() throws {
        let fixture = try UseCaseFixture()
        let baci = UseCaseFixture.sharedData + "/baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv"
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "baci", files: [InputFile(path: baci)]))
        let query = ConcentrationQuery(reporters: [CountryCode(verbatim: "DEU")])
        let all = try fixture.workspace.concentration(ConcentrationRequest(source: .dataset("baci"), query: query))
        var limited = ConcentrationRequest(source: .dataset("baci"), query: query)
        limited.limit = 5
        let cut = try fixture.workspace.concentration(limited)
        #expect(all.engine == "columnar" && cut.engine == "columnar")
        let rows = try all.output().table.rows
        let cutRows = try cut.output().table.rows
        #expect(rows.count > 5)
        #expect(cutRows == Array(rows.prefix(5)))
        #expect(try cut.output().provenance.settings["limit"] == "first 5 of \(rows.count) rows")
        #expect(try all.output().provenance.settings["limit"] == nil)
    }
}
