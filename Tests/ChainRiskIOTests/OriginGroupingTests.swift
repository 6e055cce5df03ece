import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import Foundation
import Testing

@Suite("Origin groups and export categories")
struct OriginGroupingTests {
    /// The built-in files: the letter's six origin columns and nine export categories covering c1..c35 once each.
    @Test func builtInGroupingCoversWIODAndNld11() throws {
        let (grouping, categories) = try OriginTestData.bundledGrouping()
        #expect(grouping.groups.map(\.id) == ["eu", "rest_of_europe", "us", "china", "russia", "rest_of_world"])
        #expect(
            grouping.groups.map(\.nameNL) == [
                "EU-landen", "Overig Europa", "Verenigde Staten", "China", "Rusland", "Overige wereld",
            ])
        #expect(grouping.groupOfRegion["GBR"] == "rest_of_europe")
        #expect(grouping.groupOfRegion["EU_OTH"] == "eu")
        #expect(grouping.groupOfRegion["ROW"] == "rest_of_world")
        #expect(grouping.groupOfRegion["ROM"] == "eu")
        #expect(grouping.groupOfRegion["TUR"] == "rest_of_europe")
        let wiodEU = [
            "AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HUN", "IRL", "ITA",
            "LTU", "LUX", "LVA", "MLT", "NLD", "POL", "PRT", "ROM", "SVK", "SVN", "SWE",
        ]
        #expect(wiodEU.allSatisfy { grouping.groupOfRegion[$0] == "eu" })
        #expect(grouping.groupOfRegion.values.filter { $0 == "eu" }.count == wiodEU.count + 3)  // + HRV, ROU, EU_OTH
        #expect(categories.categories.count == 9)
        #expect(Set(categories.categoryOfSector.keys) == Set((1...35).map { "c\($0)" }))
        #expect(categories.categoryOfSector["c14"] == "machinery_electrical")
        #expect(categories.sectorNames["c14"] == "Electrical and optical equipment")
    }

    @Test func unlistedRegionsAndSectorsStandOnTheirOwn() throws {
        let content = try ImportContentOfExports(table: ImportContentOfExportsTests.twoRegionTable(), reporter: "NL")
        let table = OriginTable(
            content: content, grouping: OriginGrouping(groups: [], groupOfRegion: [:]),
            categories: ExportCategories(categories: [], categoryOfSector: [:]))
        #expect(table.groups.map(\.group.id) == ["XX"])
        #expect(table.categories.map(\.category.id) == ["a", "b"])
        #expect(
            table.notes.map(\.en) == [
                "Regions not in the grouping, shown on their own: XX",
                "Sectors not in the export categories, shown on their own: a, b",
            ])
    }

    @Test func userGroupingKeepsFileOrderAndNames() throws {
        let path = try temporaryFile(
            "groups.csv", "region,group,group_en\nXX,far,Far away\nYY,near,Nearby\nZZ,far,Far away\n")
        let grouping = try OriginGroupingFiles.groups(InputFile(path: path))
        #expect(
            grouping.groups == [
                OriginGroup(id: "far", nameEN: "Far away", nameNL: "Far away"),
                OriginGroup(id: "near", nameEN: "Nearby", nameNL: "Nearby"),
            ])
        #expect(grouping.groupOfRegion == ["XX": "far", "YY": "near", "ZZ": "far"])
    }

    @Test func repeatedRegionIsAnErrorAtItsLine() throws {
        let path = try temporaryFile("groups.csv", "region,group\nXX,far\nXX,near\n")
        let error = try #require(throws: InputError.self) { try OriginGroupingFiles.groups(InputFile(path: path)) }
        #expect(error.location == SourceLocation(file: path, line: 3, column: 1))
        #expect(error.message.contains("'XX' is listed twice"))
    }

    @Test func categoryNamedTwoWaysIsAnErrorAtItsColumn() throws {
        let path = try temporaryFile("categories.csv", "sector,category,category_en\nc1,food,Food\nc2,food,Drinks\n")
        let error = try #require(throws: InputError.self) { try OriginGroupingFiles.categories(InputFile(path: path)) }
        #expect(error.location == SourceLocation(file: path, line: 3, column: 9))
    }

    @Test func missingColumnsAreNamed() throws {
        let path = try temporaryFile("groups.csv", "country,group\nXX,far\n")
        let error = try #require(throws: InputError.self) { try OriginGroupingFiles.groups(InputFile(path: path)) }
        #expect(error.code == .missingColumn)
    }

    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let folder = NSTemporaryDirectory() + "chainrisk-origins-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
