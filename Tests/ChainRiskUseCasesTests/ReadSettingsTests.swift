import ChainRiskCore
import ChainRiskIngest
import ChainRiskUseCases
import Testing

@Suite("Reading settings from what a user types")
struct ReadSettingsTests {
    @Test("format, column map, flow, year, classification, reporter and unit become reader options")
    func parses() throws {
        let settings = try ReadSettings.parse(
            format: "csv", map: ["reporter=reporter_iso,product=code", "value = v"], flow: "export", year: 2017,
            classification: "HS4", reporter: "NLD", unit: "kUSD", strict: true)
        #expect(settings.format == .csv && settings.strict)
        #expect(settings.options.columnMap == ["reporter": "reporter_iso", "product": "code", "value": "v"])
        #expect(
            settings.options.flow == .exports && settings.options.year == 2017 && settings.options.unit == .thousandUSD)
        #expect(settings.options.reporter?.rawValue == "NLD" && settings.options.classification != nil)
    }

    @Test("malformed values are request errors that name the option as typed")
    func errors() throws {
        let names = ReadSettings.OptionNames(format: "input-format", flow: "file-flow", reporter: "file-reporter")
        #expect(
            try #require(throws: RequestError.self) { try ReadSettings.parse(format: "xls", names: names) }.parameter
                == "input-format")
        #expect(
            try #require(throws: RequestError.self) { try ReadSettings.parse(flow: "sideways", names: names) }.parameter
                == "file-flow")
        #expect(
            try #require(throws: RequestError.self) { try ReadSettings.parse(map: ["reporter"]) }.parameter == "map")
        #expect(
            try #require(throws: RequestError.self) { try ReadSettings.parse(unit: "doubloons") }.parameter == "unit")
    }
}
