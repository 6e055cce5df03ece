import ChainRiskCore
import ChainRiskIngest
import Testing

/// The Comtrade reader on the real files in shared/data/comtrade_comtradr.
///
/// Expected numbers were computed once with Python's standard library; the derivation is next to each value.
/// `rows(f)` stands for `list(csv.DictReader((gzip.open if f.endswith('gz') else open)(f,'rt',encoding='utf-8',newline='')))`.
@Suite("Comtrade reader, real files")
struct ComtradeReaderTests {
    let reader = ComtradeReader()

    @Test func apiJSON() throws {
        let file = ComtradeTestData.comtrade("api_response_sample_chn_imports_2010.json")
        #expect(try ComtradeReader.detectLayout(of: file) == .apiJSON)
        let (summary, flows) = try ComtradeTestData.flows(reader, file)
        // j=json.load(open(f)); j['count'], len(j['data']) -> 4, 4
        #expect(summary.recordsRead == 4)
        #expect(summary.flowsEmitted == 4)
        #expect(summary.findings.isEmpty)
        // no partnerISO W00, no null primaryValue
        #expect(!flows.contains { $0.partner == .world })
        #expect(flows.allSatisfy { $0.status == .reported })
        // math.fsum(d['primaryValue'] for d in j['data']) -> 155218297800.0
        let total = flows.compactMap(\.value).reduce(0, +)
        #expect(ComtradeTestData.isClose(total, 155_218_297_800.0))
        // [(d['partnerISO'], d['flowCode']) for d in j['data']] -> ARG M, DEU M, ARG X, DEU X; all cmdCode TOTAL, H3
        #expect(flows.map(\.partner.rawValue) == ["ARG", "DEU", "ARG", "DEU"])
        #expect(flows.map(\.flow) == [.imports, .imports, .exports, .exports])
        let first = try #require(flows.first)
        #expect(first.reporter == CountryCode(verbatim: "CHN"))
        #expect(first.year == 2010 && first.month == 0)
        #expect(first.product == .total(in: Classification(.hs, revision: "2007")))
        #expect(first.value == 6_804_128_143.0)
        #expect(first.unit == .usd)
        #expect(first.status == .reported)
        #expect(first.quantity == nil && first.quantityUnit == nil)
    }

    @Test func netherlandsSubset() throws {
        let file = ComtradeTestData.comtrade("nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
        #expect(try ComtradeReader.detectLayout(of: file) == .subsetCSV)
        let (summary, tally) = try ComtradeTestData.tally(reader, file)
        // len(rows(f)) -> 10631
        #expect(summary.recordsRead == 10_631)
        #expect(summary.flowsEmitted == 10_631)
        #expect(tally.flows == 10_631)
        // sum(r['partnerISO'].strip()=='W00' for r in rows(f)) -> 0; no empty primaryValue_usd
        #expect(tally.world == 0)
        #expect(tally.missing == 0 && tally.suppressed == 0)
        // math.fsum(float(r['primaryValue_usd']) for r in rows(f)) -> 86976764538.87
        #expect(ComtradeTestData.isClose(tally.sum, 86_976_764_538.87))
        // Counter(r['partnerISO'].strip() for r in rows(f) if not (len(p)==3 and p.isalpha())) -> E19 87, S19 84, _X 42, X1 1
        #expect(tally.partners[.taiwan] == 84)
        #expect(tally.partners[CountryCode(verbatim: "S19")] == nil)
        #expect(tally.partners[CountryCode(verbatim: "E19")] == 87)
        #expect(tally.partners[CountryCode(verbatim: "_X")] == 42)
        #expect(tally.partners[CountryCode(verbatim: "X1")] == 1)
        #expect(tally.flowKinds == [.imports: 10_631])
        // one finding per distinct special code: S19 → TWN mapped; E19, X1, _X kept as areas
        #expect(summary.findings.counts[.mappedCode] == 1)
        #expect(summary.findings.counts[.aggregatePartner] == 3)
        #expect(summary.findings.total == 4)
    }

    @Test func subsetClassificationComesFromOptions() throws {
        let file = ComtradeTestData.comtrade("nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
        var classifications: Set<Classification> = []
        var firstProduct: ProductCode?
        _ = try reader.read(file, options: ReadOptions(classification: .hs2017)) { flow, _ in
            classifications.insert(flow.product.classification)
            if firstProduct == nil { firstProduct = flow.product }
        }
        #expect(classifications == [.hs2017])
        #expect(firstProduct == ProductCode("4401", in: .hs2017))
        var defaults: Set<Classification> = []
        _ = try reader.read(file, options: ReadOptions()) { flow, _ in defaults.insert(flow.product.classification) }
        #expect(defaults == [.hs])
    }

    @Test func europeanUnionGzip() throws {
        let file = ComtradeTestData.comtrade("eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz")
        #expect(try ComtradeReader.detectLayout(of: file) == .subsetCSV)
        let (summary, tally) = try ComtradeTestData.tally(reader, file)
        // len(rows(f)) -> 173358
        #expect(summary.recordsRead == 173_358)
        #expect(summary.flowsEmitted == 173_358)
        // no W00 partner, no empty primaryValue_usd
        #expect(tally.world == 0)
        #expect(tally.missing == 0 && tally.suppressed == 0)
        // math.fsum(float(r['primaryValue_usd']) for r in rows(f)) -> 969725754789.299
        #expect(ComtradeTestData.isClose(tally.sum, 969_725_754_789.299))
        // special partners: S19 1647, E19 1092, _X 1061, F19 48, X1 17, XX 4
        #expect(tally.partners[.taiwan] == 1_647)
        #expect(tally.partners[CountryCode(verbatim: "XX")] == 4)
        #expect(summary.findings.counts[.mappedCode] == 1)
        #expect(summary.findings.counts[.aggregatePartner] == 5)
    }

    @Test func europeanUnionFromWorldAllColumns() throws {
        let file = ComtradeTestData.comtrade("eu27_imports_from_world_full_api_columns_2018_2022.csv")
        #expect(try ComtradeReader.detectLayout(of: file) == .comtradrCSV)
        var classifications: [Classification: Int] = [:]
        var tally = ComtradeTestData.Tally()
        let summary = try reader.read(file, options: ReadOptions()) { flow, _ in
            tally.add(flow)
            classifications[flow.product.classification, default: 0] += 1
        }
        // len(rows(f)) -> 5004; every partner_iso is W00; no empty primary_value
        #expect(summary.recordsRead == 5_004)
        #expect(summary.flowsEmitted == 5_004)
        #expect(tally.world == 5_004)
        #expect(tally.missing == 0 && tally.suppressed == 0)
        // World rows give one summarising finding, not one per row
        #expect(summary.findings.counts == [.aggregatePartner: 1])
        // math.fsum(float(r['primary_value']) for r in rows(f)) -> 969725754789.195
        #expect(ComtradeTestData.isClose(tally.sum, 969_725_754_789.195))
        // q=[float(r['qty']) for r in rows(f) if r['qty_unit_abbr'] not in ('N/A','')]; len(q), math.fsum(q) -> 3818, 347794165041.492
        #expect(tally.withQuantity == 3_818)
        #expect(ComtradeTestData.isClose(tally.quantity, 347_794_165_041.492))
        // Counter(r['classification_code'] for r in rows(f)) -> H5 3979, H6 1025
        #expect(classifications == [.hs2017: 3_979, .hs2022: 1_025])
    }

    @Test func thailandShrimpAllColumns() throws {
        let file = ComtradeTestData.comtrade("tha_imports_shrimp_030613_2007_full_api_columns.csv")
        #expect(try ComtradeReader.detectLayout(of: file) == .comtradrCSV)
        var products: [ProductCode: Int] = [:]
        var units: Set<String> = []
        var tally = ComtradeTestData.Tally()
        let summary = try reader.read(file, options: ReadOptions()) { flow, _ in
            tally.add(flow)
            products[flow.product, default: 0] += 1
            if let unit = flow.quantityUnit { units.insert(unit) }
        }
        // len(rows(f)) -> 1586
        #expect(summary.recordsRead == 1_586)
        #expect(summary.flowsEmitted == 1_586)
        // Counter(r['flow_code'] for r in rows(f)) -> X 1183, M 388, RM 15
        #expect(tally.flowKinds == [.exports: 1_183, .imports: 388, .reImports: 15])
        // Counter(r['cmd_code'] for r in rows(f)) -> 030613 507, 160520 474, 030623 442, 160540 163; all H3 (HS 2007)
        let hs2007 = Classification(.hs, revision: "2007")
        #expect(
            products == [
                ProductCode("030613", in: hs2007): 507, ProductCode("160520", in: hs2007): 474,
                ProductCode("030623", in: hs2007): 442, ProductCode("160540", in: hs2007): 163,
            ])
        // math.fsum(float(r['primary_value']) for r in rows(f)) -> 14883120991.0
        #expect(ComtradeTestData.isClose(tally.sum, 14_883_120_991.0))
        // every row has qty in kg: math.fsum(float(r['qty']) for r in rows(f)) -> 2054512119.0
        #expect(tally.withQuantity == 1_586)
        #expect(ComtradeTestData.isClose(tally.quantity, 2_054_512_119.0))
        #expect(units == ["kg"])
        // S19 30 rows → TWN, '_X ' 11 rows → _X
        #expect(tally.partners[.taiwan] == 30)
        #expect(tally.partners[CountryCode(verbatim: "_X")] == 11)
        // no W00 partner, no empty primary_value
        #expect(tally.world == 0)
        #expect(tally.missing == 0 && tally.suppressed == 0)
    }

    @Test func bulkFinalFile() throws {
        let file = ComtradeTestData.comtrade("bulk_final_file_sample_arg_2000_h0.csv")
        #expect(try ComtradeReader.detectLayout(of: file) == .bulkCSV)
        var reporters: Set<CountryCode> = []
        var tally = ComtradeTestData.Tally()
        let summary = try reader.read(file, options: ReadOptions()) { flow, _ in
            tally.add(flow)
            reporters.insert(flow.reporter)
        }
        // len(rows(f)) -> 100; partner_code 0 (World) once, 490 (S19) once; every code is in ref_partners.csv
        #expect(summary.recordsRead == 100)
        #expect(summary.flowsEmitted == 100)
        #expect(tally.world == 1)
        // no empty primary_value
        #expect(tally.missing == 0 && tally.suppressed == 0)
        #expect(tally.partners[.taiwan] == 1)
        #expect(reporters == [CountryCode(verbatim: "ARG")])
        #expect(tally.flowKinds == [.exports: 100])
        // math.fsum(float(r['primary_value']) for r in rows(f)) -> 42852905147.0
        #expect(ComtradeTestData.isClose(tally.sum, 42_852_905_147.0))
        #expect(summary.findings.counts == [.aggregatePartner: 1, .mappedCode: 1])
    }

    @Test func bulkFinalFileWithComtradeAreaList() throws {
        let file = ComtradeTestData.comtrade("bulk_final_file_sample_arg_2000_h0.csv")
        let areas = try ComtradeAreaResolver(referenceList: ComtradeTestData.comtrade("ref_partners.csv"))
        let (_, fromList) = try ComtradeTestData.flows(ComtradeReader(areas: areas), file)
        let (_, fromTable) = try ComtradeTestData.flows(reader, file)
        #expect(fromList == fromTable)
    }

    @Test func bulkFinalFileWithUnknownAreaCodes() throws {
        let file = ComtradeTestData.comtrade("bulk_final_file_sample_arg_2000_h0.csv")
        let (summary, tally) = try ComtradeTestData.tally(ComtradeReader(areas: ComtradeAreaResolver(codes: [:])), file)
        // only World (0) is known: the 99 other partner codes and reporter 32 are kept as digits, one finding each
        #expect(summary.findings.counts[.unknownCode] == 100)
        #expect(tally.partners[CountryCode(verbatim: "12")] == 1)
        #expect(tally.world == 1)
        #expect(tally.flows == 100)
    }
}
