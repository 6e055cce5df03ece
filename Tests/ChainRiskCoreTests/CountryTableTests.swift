import Testing

@testable import ChainRiskCore

@Suite("Country table")
struct CountryTableTests {
    let table = CountryTable.shared

    private func code(_ text: String) -> CountryCode { CountryCode(verbatim: text) }

    @Test func countsCountriesSpecialCodesAndEU27() {
        // 250 = 256 rows of country_converter_country_data.tsv minus the 6 with an `obsolete` year; verified with
        // python3 -c "import csv; print(sum(1 for r in csv.DictReader(open('../shared/data/country_codes/country_converter_country_data.tsv'), delimiter='\t') if not r['obsolete']))"
        #expect(table.countries.count == 250)
        // 46 = distinct trimmed iso_3 cells of comtrade_partner_areas.csv + comtrade_reporter_areas.csv that are not
        // among those 250 ISO3 codes ('World' counted as W00); same python3 csv one-liner with set difference.
        #expect(table.specialAreas.count == 46)
        // 27 = rows with a non-empty EU27 cell in country_converter_country_data.tsv (AUT ... SWE), GBR not among them.
        #expect(table.eu27.count == 27)
        #expect(table.eu27.contains(.netherlands))
        #expect(table.eu27.contains(code("DEU")) && table.eu27.contains(code("BEL")))
        #expect(!table.eu27.contains(code("GBR")))
        #expect(table.eu27 == table.eu27.sorted())
    }

    @Test func countryRecordsCarryCodesNamesAndRegion() throws {
        let netherlands = try #require(table.country(.netherlands))
        #expect(netherlands.iso2 == "NL")
        #expect(netherlands.numeric == 528)
        #expect(netherlands.nameEN == "Netherlands")
        #expect(netherlands.nameNL == "Nederland")
        #expect(netherlands.region == "Europe")
        #expect(netherlands.isEU27)
        // country_converter writes Greece's and the UK's ISO2 as regexes '^GR$|^EL$' and '^GB$|^UK$'.
        #expect(table.country(code("GRC"))?.iso2 == "GR")
        #expect(table.country(code("GBR"))?.iso2 == "GB")
        #expect(table.country(code("CUW"))?.nameNL == "Curaçao")
    }

    @Test func isoTwoLetterAndNumericCodes() {
        #expect(table.code(iso2: "nl") == .netherlands)
        #expect(table.code(iso2: "GB") == code("GBR"))
        #expect(table.code(numeric: 528) == .netherlands)
        #expect(table.code(numeric: 840) == code("USA"))
        #expect(table.code(numeric: 158) == .taiwan)
        #expect(table.code(numeric: 9999) == nil)
    }

    @Test(arguments: [
        (251, "FRA"), (579, "NOR"), (699, "IND"), (757, "CHE"), (842, "USA"), (490, "TWN"), (58, "BEL"),
        (711, "ZA1"), (736, "SDN"), (849, "UMI"), (530, "ANT"), (891, "SCG"), (528, "NLD"), (276, "DEU"),
    ])
    func cepiiBACICodes(cepii: Int, expected: String) {
        #expect(table.code(cepii: cepii) == code(expected))
    }

    @Test func comtradeAreaCodes() {
        // From comtrade_partner_areas.csv: id 528 NLD, 842 USA, 251 FRA, 490 S19, 0 World (W00 in Comtrade data),
        // 736 'Sudan (...2011)' SDN; from comtrade_reporter_areas.csv: 97 'European Union' EUR.
        #expect(table.code(comtrade: 528) == .netherlands)
        #expect(table.code(comtrade: 842) == code("USA"))
        #expect(table.code(comtrade: 251) == code("FRA"))
        #expect(table.code(comtrade: 490) == code("S19"))
        #expect(table.code(comtrade: 0) == .world)
        #expect(table.code(comtrade: 736) == code("SDN"))
        #expect(table.code(comtrade: 97) == code("EUR"))
        #expect(table.code(comtrade: 899) == code("_X"))
    }

    @Test func dutchNames() {
        #expect(table.code(dutchName: "Duitsland") == code("DEU"))
        #expect(table.code(dutchName: "Verenigde Staten") == code("USA"))
        #expect(table.code(dutchName: "België") == code("BEL"))
        #expect(table.code(dutchName: " verenigd koninkrijk ") == code("GBR"))
        #expect(table.code(dutchName: "Germany") == nil)
    }

    @Test func countriesAndSpecialCodes() throws {
        #expect(table.isCountry(.netherlands))
        #expect(table.isCountry(.taiwan))
        for special in ["W00", "_X", "X1", "X2", "E19", "S19", "EUR", "ANT", "SUN", "XX"] {
            #expect(!table.isCountry(code(special)), "\(special)")
            #expect(table.specialArea(code(special)) != nil, "\(special)")
        }
        #expect(table.specialArea(.netherlands) == nil)
        let otherAsia = try #require(table.specialArea(code("S19")))
        #expect(otherAsia.kind == .areaNES)
        #expect(otherAsia.name == "Other Asia, nes")
        #expect(otherAsia.mapsTo == .taiwan)
        #expect(table.specialArea(.world)?.kind == .world)
        #expect(table.specialArea(code("X1"))?.kind == .bunkers)
        #expect(table.specialArea(code("X2"))?.kind == .freeZones)
        #expect(table.specialArea(code("ZA1"))?.kind == .group)
        #expect(table.specialArea(code("SCG"))?.kind == .historical)
        #expect(table.specialArea(code("_KS"))?.mapsTo == code("XKX"))
        #expect(table.conventionalCountry(for: code("S19")) == .taiwan)
        #expect(table.conventionalCountry(for: .netherlands) == .netherlands)
        #expect(table.conventionalCountry(for: .world) == nil)
    }

    @Test func cbsLandenKeys() throws {
        // 66 keys in 85427NED_dim_Landen_subset.csv: 50 single countries, 16 totals, groups and special areas
        // (scripts/cbs_landen_noncountry.csv); verified with
        // python3 -c "import csv; print(sum(1 for r in csv.DictReader(open('../shared/data/cbs/85427NED_dim_Landen_subset.csv'))))"
        #expect(table.cbsLandenEntries.count == 66)
        let countries = table.cbsLandenEntries.filter { $0.kind == .country }
        #expect(countries.count == 50)
        for entry in countries {
            let iso3 = try #require(entry.iso3, "\(entry.key)")
            #expect(table.country(iso3)?.nameNL == entry.titleNL, "\(entry.key) \(entry.titleNL)")
        }
        #expect(table.cbsLanden(key: "L008592")?.iso3 == code("DEU"))
        #expect(table.cbsLanden(key: "L008755")?.iso3 == .taiwan)
        #expect(table.cbsLanden(key: "T001047")?.kind == .total)
        #expect(table.cbsLanden(key: "L007935")?.kind == .group)
        #expect(table.cbsLanden(key: "L008816")?.kind == .bunkers)
        #expect(table.cbsLanden(key: "L007935")?.iso3 == nil)
    }

    @Test(.enabled(if: SharedData.isAvailable))
    func everyCBSCountryTitleOfTheSourceHasItsDutchName() throws {
        let source = try SharedData.table("cbs/85427NED_dim_Landen_subset.csv")
        let column = try source.columns("Key", "Title")
        var matched = 0
        for record in source.records {
            let entry = try #require(table.cbsLanden(key: record.fields[column[0]]))
            #expect(entry.titleNL == record.fields[column[1]])
            if entry.kind == .country {
                #expect(table.code(dutchName: record.fields[column[1]]) == entry.iso3, "\(entry.titleNL)")
                matched += 1
            }
        }
        #expect(matched == 50)
    }

    @Test func cbsSITCKeys() {
        // 12 keys in 85427NED_dim_SITC.csv: the total, sections 0-9 and 'Niet fysiek in Nederland'.
        let sitc = CBSSITCTable.shared
        #expect(sitc.entries.count == 12)
        #expect(sitc.sitcCode(key: "T001082") == "TOTAL")
        #expect(sitc.sitcCode(key: "A018524") == "0")
        #expect(sitc.sitcCode(key: "A018591") == "3")
        #expect(sitc.sitcCode(key: "A051811") == "NPNL")
        #expect(sitc.key(sitcCode: "9") == "A018851")
    }
}
