import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskUseCases
import Foundation
import Testing

@Suite("Mirror data: a BACI file answers import and export questions the same from a file and from the store")
struct MirrorDataTests {
    /// FRA→NLD 50, DEU→NLD 50, FRA→DEU 30 (CEPII codes 251, 276, 528).
    static let hand = "t,i,j,k,v,q\n2021,251,528,440710,50,1\n2021,276,528,440710,50,1\n2021,251,276,440710,30,1\n"

    static func rows(_ workspace: Workspace, _ source: FlowSource, flow: String, level: Int? = nil) throws
        -> [ImportConcentration]
    {
        try workspace.concentration(
            ConcentrationRequest(source: source, query: ConcentrationQuery(flow: flow, level: level))
        ).output().table.rows
    }

    static func hhi(_ rows: [ImportConcentration], _ reporter: String) -> Double? {
        rows.first { $0.reporter.rawValue == reporter }?.hhi
    }

    @Test("hand-made file: NLD import HHI 0.5, FRA export HHI 0.53125, the same through import and --dataset")
    func handMade() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("BACI_HS92_Y2021_V202501_hand.csv", Self.hand)
        let file = FlowSource.files([InputFile(path: path)], ReadSettings())
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "hand", files: [InputFile(path: path)]))
        for flow in ["import", "export"] {
            let fromFile = try Self.rows(fixture.workspace, file, flow: flow)
            let fromStore = try Self.rows(fixture.workspace, .dataset("hand"), flow: flow)
            #expect(fromFile == fromStore)
            #expect(fromFile.count == 2)
        }
        let imports = try Self.rows(fixture.workspace, .dataset("hand"), flow: "import")
        let exports = try Self.rows(fixture.workspace, .dataset("hand"), flow: "export")
        #expect(abs((Self.hhi(imports, "NLD") ?? 0) - 0.5) < 1e-15)
        #expect(Self.hhi(imports, "DEU") == 1)
        #expect(abs((Self.hhi(exports, "FRA") ?? 0) - 0.53125) < 1e-15)
        // Both views at once: every trade as an export and as an import.
        let all = try Self.rows(fixture.workspace, .dataset("hand"), flow: "all")
        let allFromFile = try Self.rows(fixture.workspace, file, flow: "all")
        #expect(all.count == 4 && all == allFromFile)
    }

    @Test("real BACI 2021 sample, HS chapter 84: identical rows for every importer and exporter; pandas' HHIs")
    func realSample() throws {
        let fixture = try UseCaseFixture()
        let path = UseCaseFixture.sharedData + "/baci_sample/BACI_HS92_Y2021_V202501_sample0.1pct.csv"
        let file = FlowSource.files([InputFile(path: path)], ReadSettings())
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "b21", files: [InputFile(path: path)]))
        var byFlow: [String: [ImportConcentration]] = [:]
        for flow in ["import", "export"] {
            var request = ConcentrationRequest(
                source: file, query: ConcentrationQuery(flow: flow, level: 2, productPrefix: "84"))
            let fromFile = try fixture.workspace.concentration(request).output().table.rows
            request.source = .dataset("b21")
            let fromStore = try fixture.workspace.concentration(request).output().table.rows
            #expect(fromFile == fromStore)
            byFlow[flow] = fromStore
        }
        // scripts/expected/baci_mirror_hhi.py: 190 importers and 132 exporters of chapter 84.
        #expect(byFlow["import"]?.count == 190)
        #expect(byFlow["export"]?.count == 132)
        let expected: [(String, Double, Double)] = [
            ("NLD", 0.0740931001660389, 0.03730576662395052),
            ("DEU", 0.11935658853003991, 0.03904771422555978),
            ("CHN", 0.12077957902648871, 0.022430177371924338),
        ]
        for (reporter, imports, exports) in expected {
            #expect(abs((Self.hhi(byFlow["import"] ?? [], reporter) ?? -1) - imports) < 1e-12, "\(reporter) imports")
            #expect(abs((Self.hhi(byFlow["export"] ?? [], reporter) ?? -1) - exports) < 1e-12, "\(reporter) exports")
        }
    }

    @Test("a selection of nothing is an error that says what the data holds, mirror view included")
    func emptySelection() throws {
        let fixture = try UseCaseFixture()
        let path = try fixture.file("BACI_HS92_Y2021_V202501_hand.csv", Self.hand)
        _ = try fixture.workspace.importFiles(ImportFilesRequest(name: "hand", files: [InputFile(path: path)]))
        let request = ConcentrationRequest(
            source: .dataset("hand"), query: ConcentrationQuery(reporters: [CountryCode(verbatim: "QQQ")]))
        let error = try #require(throws: EmptySelection.self) { try fixture.workspace.concentration(request) }
        #expect(
            error.message
                == "dataset 'hand' has no flows for flow import/import_own_use, reporter QQQ; no reporter QQQ in those flows; it holds export flows of 2 reporters (DEU, FRA), 2021; import flows of 2 reporters (DEU, NLD), 2021 (the mirror view of its exports)"
        )
        let fileRequest = ConcentrationRequest(
            source: .files([InputFile(path: path)], ReadSettings()), query: ConcentrationQuery(years: [2019]))
        #expect(throws: EmptySelection.self) { try fixture.workspace.concentration(fileRequest) }
    }

    @Test("direct exposure on five years of Dutch Comtrade data uses 2022 only: 269,655,904 USD")
    func directExposureLatestYear() throws {
        let fixture = try UseCaseFixture()
        let path =
            UseCaseFixture.sharedData
            + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        var request = ScenarioRequest(
            definition: .shocks(["CHN+IDN:0.5:13"]),
            data: .trade(.files([InputFile(path: path)], ReadSettings()), years: []))
        request.settings.model = .direct
        let report = try fixture.workspace.scenario(request).report
        #expect(report.provenance.settings["years"] == "2022")
        #expect(report.title.hasSuffix(", 2022"))
        #expect(abs(try #require(try valueAtRisk(report)) - 269_655_904.03) < 0.01)
        request.data = .trade(.files([InputFile(path: path)], ReadSettings()), years: [2021, 2022])
        let twoYears = try fixture.workspace.scenario(request).report
        #expect(twoYears.provenance.settings["years"] == "2021,2022")
        #expect(twoYears.notes.contains { $0.contains("summed over the years 2021, 2022") })
    }
}
