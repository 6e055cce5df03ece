import ChainRiskCore
import ChainRiskIngest
import Foundation
import Testing

@Suite("Format detector")
struct FormatDetectorTests {
    /// Every data file in the shared sample folders and what detection must say; `nil` = `unknownFormat`
    /// (reference lists and exporter × product files, which need `--format csv --map …`).
    static let realFiles: [String: SourceFormat?] = [
        "comtrade_comtradr/api_response_sample_chn_imports_2010.json": .comtrade,
        "comtrade_comtradr/bulk_file_listing_sample.json": nil,
        "comtrade_comtradr/bulk_final_file_sample_arg_2000_h0.csv": .comtrade,
        "comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz": .comtrade,
        "comtrade_comtradr/eu27_imports_from_world_full_api_columns_2018_2022.csv": .comtrade,
        "comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv": .comtrade,
        "comtrade_comtradr/tha_imports_shrimp_030613_2007_full_api_columns.csv": .comtrade,
        "comtrade_comtradr/products_in_extract.csv": nil,
        "comtrade_comtradr/ref_bec4_B4.csv": nil,
        "comtrade_comtradr/ref_bec5_B5.csv": nil,
        "comtrade_comtradr/ref_customs_procedures.csv": nil,
        "comtrade_comtradr/ref_flows.csv": nil,
        "comtrade_comtradr/ref_frequencies.csv": nil,
        "comtrade_comtradr/ref_hs2017_H5.csv": nil,
        "comtrade_comtradr/ref_hs2022_H6.csv": nil,
        "comtrade_comtradr/ref_mode_of_transport.csv": nil,
        "comtrade_comtradr/ref_partners.csv": nil,
        "comtrade_comtradr/ref_qtyunits.csv": nil,
        "comtrade_comtradr/ref_reporters.csv": nil,
        "comtrade_comtradr/ref_sitc3_S3.csv": nil,
        "comtrade_comtradr/ref_sitc4_S4.csv": nil,
        "comtrade_comtradr/ref_trade_data_items.csv": nil,
        "baci_sample/BACI_HS92_Y2017_V202501_sample0.1pct.csv": .baci,
        "baci_sample/BACI_HS92_Y2018_V202501_sample0.1pct.csv": .baci,
        "baci_sample/BACI_HS92_Y2019_V202501_sample0.1pct.csv": .baci,
        "baci_sample/BACI_HS92_Y2020_V202501_sample0.1pct.csv": .baci,
        "baci_sample/BACI_HS92_Y2021_V202501_sample0.1pct.csv": .baci,
        "baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv": .baci,
        "baci_sample/BACI_HS92_Y2023_V202501_sample0.1pct.csv": .baci,
        "cbs/85427NED_TypedDataSet_excerpt.json": .cbs,
        "cbs/85427NED_dim_Landen_subset.csv": nil,
        "cbs/85427NED_dim_SITC.csv": nil,
        "world_exports_oec/world_exports_by_country_hs4_2017.csv": nil,
        "world_exports_oec/world_exports_by_country_sitc2_4digit_avg_1998_2000.csv": nil,
    ]

    @Test("real sample files", arguments: realFiles.keys.sorted())
    func realFile(_ relative: String) throws {
        let file = InputFile(path: BACITestData.path(relative))
        guard let expected = Self.realFiles[relative] ?? nil else {
            let error = #expect(throws: InputError.self) { try FormatDetector.detect(file) }
            #expect(error?.code == .unknownFormat)
            return
        }
        #expect(try FormatDetector.detect(file) == expected)
    }

    /// Guards the table above: a file added to a sample folder must be given an expectation.
    @Test func everySampleFileIsListed() throws {
        var found: [String] = []
        for folder in ["comtrade_comtradr", "baci_sample", "cbs", "world_exports_oec"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: BACITestData.path(folder))
            found += names.filter { !$0.hasSuffix(".md") }.map { "\(folder)/\($0)" }
        }
        #expect(found.sorted() == Self.realFiles.keys.sorted())
    }

    @Test func unknownHeaderSuggestsAColumnMap() throws {
        let file = InputFile(path: BACITestData.path("world_exports_oec/world_exports_by_country_hs4_2017.csv"))
        let error = #expect(throws: InputError.self) { try FormatDetector.detect(file) }
        #expect(error?.message.contains("reporter_iso,product_code,export_value_usd") == true)
        #expect(error?.message.contains("--format csv --map") == true)
    }

    static let synthetic: [(String, SourceFormat)] = [
        ("t,i,j,k,v,q\n2020,4,8,10121,1,\n", .baci),
        ("\u{FEFF}t,i,j,k,v,q\r\n2020,4,8,10121,1,\r\n", .baci),
        ("REPORTER,PARTNER,TRADE_TYPE,PRODUCT_NC,FLOW,PERIOD,VALUE_EUR,QUANTITY_KG\n", .comext),
        ("DECLARANT,DECLARANT_ISO,PARTNER,PARTNER_ISO,TRADE_TYPE,PRODUCT_NC,FLOW,PERIOD,VALUE_IN_EUROS\n", .comext),
        ("ID;Landen;SITC;Perioden;TotaleInvoerwaarde_1\n0;T001047;T001082;2015JJ00;390477\n", .cbs),
        ("Year,Reporter,Partner,Product,Flow,Value,Unit\n2020,NLD,BEL,0101,import,1,USD\n", .canonical),
        ("\"year\"\t\"reporter\"\t\"partner\"\t\"product\"\t\"flow\"\t\"value\"\n", .canonical),
        ("refYear,reporterISO,partnerISO,cmdCode,primaryValue\n", .comtrade),
        (
            "  \n{\"odata.metadata\": \"https://opendata.cbs.nl/ODataApi/OData/85427NED/$metadata\", \"value\": []}",
            .cbs
        ),
        ("{\"value\": [{\"ID\": 0, \"Perioden\": \"2015JJ00\"}]}", .cbs),
        (
            "{\"elapsedTime\": \"0.2 secs\", \"count\": 1, \"data\": [{\"refYear\": 2010, \"reporterCode\": 156}]}",
            .comtrade
        ),
    ]

    @Test(arguments: synthetic)
    func syntheticHeaders(contents: String, expected: SourceFormat) throws {
        let file = try BACITestData.file(named: "sample.txt", contents: contents)
        #expect(try FormatDetector.detect(file) == expected)
    }

    @Test func onlyTheFirstBytesAreRead() throws {
        let prefix = Array("t,i,j,k,v,q\n".utf8)
        let large = prefix + [UInt8](repeating: 0xE9, count: 200_000)
        let file = try BACITestData.file(named: "large.csv", bytes: large)
        #expect(try FormatDetector.detect(file) == .baci)
    }

    @Test(
        arguments: [
            ([0xFF, 0xFE, 0x74, 0x00], InputError.Code.badEncoding),
            ([0x20, 0x0A, 0x0D, 0x0A], .emptyFile),
            ([], .emptyFile),
            (Array("[1, 2, 3]".utf8), .unknownFormat),
            (Array("a,b,c\n1,2,3\n".utf8), .unknownFormat),
        ] as [([UInt8], InputError.Code)])
    func undetectable(bytes: [UInt8], code: InputError.Code) throws {
        let file = try BACITestData.file(named: "odd.bin", bytes: bytes)
        let error = #expect(throws: InputError.self) { try FormatDetector.detect(file) }
        #expect(error?.code == code)
    }

    @Test func missingFile() {
        let error = #expect(throws: InputError.self) {
            try FormatDetector.detect(InputFile(path: "/nonexistent/file.csv"))
        }
        #expect(error?.code == .missingFile)
    }
}
