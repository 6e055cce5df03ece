import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("Mapped CSV reader")
struct MappedCSVReaderTests {
    static let oecMap = ["reporter": "reporter_iso", "product": "product_code", "value": "export_value_usd"]

    /// `--map reporter=reporter_iso,product=product_code,value=export_value_usd --flow export --year 2017 --classification HS4`
    /// on the OEC world exports file. Expected figures computed once with Python:
    /// `python3 -c "import csv;r=list(csv.DictReader(open('world_exports_by_country_hs4_2017.csv')));
    ///  print(len(r),len({x['reporter_iso'] for x in r}),len({x['product_code'] for x in r}),sum(int(x['export_value_usd']) for x in r))"`
    /// → 176971 224 1222 20080692967295
    @Test func oecWorldExports() throws {
        let options = ReadOptions(
            columnMap: Self.oecMap, flow: .exports, year: 2017, classification: Classification(token: "HS4"))
        let file = InputFile(path: BACITestData.path("world_exports_oec/world_exports_by_country_hs4_2017.csv"))
        let (flows, lines, summary) = try BACITestData.readAll(MappedCSVReader(), file, options: options)
        #expect(summary.recordsRead == 176_971 && flows.count == 176_971)
        #expect(Set(flows.map(\.reporter)).count == 224)
        #expect(Set(flows.map(\.product.code)).count == 1_222)
        // Integers below 2^53 add up exactly in Double.
        #expect(flows.reduce(0.0) { $0 + ($1.value ?? 0) } == 20_080_692_967_295)
        #expect(flows.allSatisfy { $0.partner == .world && $0.flow == .exports && $0.year == 2017 && $0.unit == .usd })
        #expect(flows.allSatisfy { $0.product.classification == .hs && $0.status == .reported })
        // First row: afg,0102,387017 — lower-case ISO3 upper-cased, the leading zero kept.
        #expect(
            flows[0].reporter.rawValue == "AFG" && flows[0].product.code == "0102" && flows[0].value == 387_017
                && lines[0] == 2)
        // nld,2709,16080082572
        #expect(flows.first { $0.reporter.rawValue == "NLD" && $0.product.code == "2709" }?.value == 16_080_082_572)
        // No unit column and no --unit: USD assumed, once.
        #expect(summary.findings.counts == [.unitAssumed: 1])
    }

    func read(_ contents: String, options: ReadOptions) throws -> (
        flows: [TradeFlow], lines: [Int], summary: ReadSummary
    ) {
        let file = try BACITestData.file(named: "mapped.csv", contents: contents)
        return try BACITestData.readAll(MappedCSVReader(), file, options: options)
    }

    @Test func fullMapWithTabsAndQuotes() throws {
        let map = [
            "year": "Jaar", "month": "Maand", "reporter": "Rapporteur", "partner": "Partner", "product": "GN",
            "flow": "Richting",
            "value": "Waarde", "quantity": "Kg", "unit": "Eenheid", "status": "Status",
            "classification": "Nomenclatuur",
        ]
        let text =
            "Jaar\tMaand\tRapporteur\tPartner\tGN\tRichting\tWaarde\tKg\tEenheid\tStatus\tNomenclatuur\n"
            + "2023\t4\tNLD\t\"DE\"\t\"01012100\"\timport\t1500.25\t30\tEUR\treported\tCN8\n"
        let (flows, _, summary) = try read(text, options: ReadOptions(columnMap: map))
        #expect(
            flows == [
                TradeFlow(
                    year: 2023, month: 4, reporter: CountryCode(verbatim: "NLD"), partner: CountryCode(verbatim: "DEU"),
                    product: ProductCode("01012100", in: .cn8), flow: .imports, value: 1500.25, unit: .eur, quantity: 30
                )
            ])
        #expect(summary.findings.isEmpty)
    }

    @Test func mappedColumnWinsOverConstant() throws {
        let options = ReadOptions(
            columnMap: ["year": "y", "reporter": "r", "product": "p", "value": "v"], flow: .imports, year: 1999,
            reporter: CountryCode(verbatim: "BEL"))
        let (flows, _, _) = try read("y;r;p;v\n2021;nld;27;5\n", options: options)
        #expect(flows.first?.year == 2021 && flows.first?.reporter.rawValue == "NLD" && flows.first?.flow == .imports)
    }

    @Test func constantsFillUnmappedFields() throws {
        let options = ReadOptions(
            columnMap: ["product": "p", "value": "v"], flow: .imports, year: 2020, reporter: .netherlands)
        let (flows, _, _) = try read("p,v\n27,5\n", options: options)
        #expect(flows.first?.year == 2020 && flows.first?.reporter == .netherlands && flows.first?.partner == .world)
    }

    @Test func unmappedRequiredColumnNamesTheFieldAndTheHeader() throws {
        let file = InputFile(path: BACITestData.path("world_exports_oec/world_exports_by_country_hs4_2017.csv"))
        let options = ReadOptions(
            columnMap: ["reporter": "reporter_iso", "product": "product_code"], flow: .exports, year: 2017)
        let error = #expect(throws: InputError.self) {
            try BACITestData.readAll(MappedCSVReader(), file, options: options)
        }
        #expect(error?.code == .missingColumn)
        #expect(error?.message.contains("'value'") == true)
        #expect(error?.message.contains("reporter_iso,product_code,export_value_usd") == true)
        #expect(error?.location?.line == 1)
    }

    @Test(arguments: [
        (["product": "p", "value": "v", "flow": "f", "reporter": "r"], "'year'"),
        (["product": "p", "value": "v", "year": "y", "reporter": "r"], "'flow'"),
        (["product": "p", "value": "v", "year": "y", "flow": "f"], "'reporter'"),
        (["product": "p", "value": "v", "year": "y", "flow": "f", "reporter": "exporter"], "'exporter'"),
    ])
    func missingColumns(map: [String: String], named: String) {
        let error = #expect(throws: InputError.self) {
            try read("y,f,r,p,v\n2020,X,NLD,01,1\n", options: ReadOptions(columnMap: map))
        }
        #expect(error?.code == .missingColumn)
        #expect(error?.message.contains(named) == true)
        #expect(error?.message.contains("y,f,r,p,v") == true)
    }

    @Test func unknownMapKeyIsRefused() {
        let map = ["product": "p", "value": "v", "year": "y", "flow": "f", "reporter": "r", "exporter": "r"]
        let error = #expect(throws: InputError.self) {
            try read("y,f,r,p,v\n2020,X,NLD,01,1\n", options: ReadOptions(columnMap: map))
        }
        #expect(error?.code == .badOption)
        #expect(error?.message.contains("'exporter'") == true)
    }
}
