import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("User disruption events from CSV")
struct EventFileReaderTests {
    static let header = "id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks\n"

    func read(_ text: String, existing: [DisruptionEvent] = []) throws -> EventFileReader.Result {
        try EventFileReader(existing: existing).read(source: MemoryByteSource(text), file: "events.csv")
    }

    func error(_ text: String, existing: [DisruptionEvent] = []) -> InputError? {
        #expect(throws: InputError.self) { try read(text, existing: existing) }
    }

    @Test("the letter's own Table 1 file reads to the built-in events")
    func letterFile() throws {
        let letter = try BuiltInDatasets.nlLetter2021()
        let text =
            Self.header + """
                1,Cyclone,Cycloon,natural,2018-01,US,9300,25
                2,Earthquake,Aardbeving,natural,2018-02,TW,4800,22
                3,Hurricane Florence,Orkaan Florence,natural,2018-09,US,2700,29
                4,Typhoon Mangkhut,Tyfoon Mangkhut,natural,2018-09,PH;TW;CN,6500,22
                5,Hurricane Michael,Orkaan Michael,natural,2018-10,US,2134,25

                """
        let result = try read(text)
        #expect(result.events == letter.events)
        #expect(result.findings.isEmpty)
    }

    @Test("ISO2 and ISO3 mixed, a country named twice counts once, columns in any order, event_nl optional")
    func flexible() throws {
        let text = """
            duration_weeks,regions,id,event,category,start,production_sites_affected,note
            3.5, ukr ; RUS;UA ,10,Black Sea blockade,macro_political,2022-03,120,ignored
            """
        let result = try read(text)
        let event = try #require(result.events.first)
        #expect(event.regions.map(\.rawValue) == ["UKR", "RUS"])
        #expect(event.durationWeeks == 3.5)
        #expect(event.category == .macroPolitical)
        #expect(event.start == "2022-03")
        #expect(event.nameNL == "Black Sea blockade")
        #expect(result.findings.map(\.kind) == [.missingValue])
        #expect(result.findings.first?.location?.description == "events.csv:2:23")
    }

    @Test("an id a built-in event has is an error at the id's line and column")
    func clashWithBuiltIn() throws {
        let letter = try BuiltInDatasets.nlLetter2021()
        let failure = error(
            Self.header + "6,Fire,Brand,idiosyncratic,2021-03,JP,1,4\n3,Flood,Overstroming,natural,2021-07,DE,100,4\n",
            existing: letter.events)
        #expect(failure?.location?.description == "events.csv:3:1")
        #expect(
            failure?.message
                == "event id 3 is already used by built-in event 'Hurricane Florence'; give user events ids from 6 on")
    }

    @Test("a duplicate id within the file names the first line")
    func duplicateInFile() {
        let failure = error(Self.header + "7,A,A,natural,2021-01,DE,1,1\n7,B,B,natural,2021-02,DE,1,1\n")
        #expect(failure?.message == "event id 7 is used twice (first on line 2)")
        #expect(failure?.location?.line == 3)
    }

    @Test("bad values name their column")
    func badValues() {
        let category = error(Self.header + "7,A,A,weather,2021-01,DE,1,1\n")
        #expect(category?.location?.description == "events.csv:2:7")
        #expect(category?.message.contains("natural, macro_political, malicious_non_state, idiosyncratic") == true)
        #expect(error(Self.header + "7,A,A,natural,2021-13,DE,1,1\n")?.location?.column == 15)
        #expect(error(Self.header + "7,A,A,natural,Jan 2021,DE,1,1\n")?.code == .badValue)
        let region = error(Self.header + "7,A,A,natural,2021-01,DE;Europe,1,1\n")
        #expect(region?.message.hasPrefix("unknown country code 'Europe'") == true)
        #expect(error(Self.header + "7,A,A,natural,2021-01,,1,1\n")?.code == .badValue)
        #expect(error(Self.header + "7,A,A,natural,2021-01,DE,-1,1\n")?.code == .badValue)
        #expect(error(Self.header + "7,A,A,natural,2021-01,DE,1,many\n")?.code == .badNumber)
        #expect(error(Self.header + "0,A,A,natural,2021-01,DE,1,1\n")?.code == .badValue)
        #expect(error(Self.header + "7,,A,natural,2021-01,DE,1,1\n")?.code == .badValue)
        #expect(error(Self.header + "7,A,A,natural,2021-01,DE,1\n")?.code == .wrongColumnCount)
    }

    @Test("a missing required column is an error on line 1")
    func missingColumn() {
        let failure = error("id,event,category,start,regions,production_sites_affected\n1,A,natural,2021-01,DE,1\n")
        #expect(failure?.code == .missingColumn)
        #expect(failure?.message.hasPrefix("missing column 'duration_weeks'") == true)
        #expect(failure?.location?.line == 1)
    }
}
