import Foundation
import Testing

@testable import ChainRiskCore

@Suite("Loading reference data from a directory")
struct ReferenceLoadingTests {
    /// A fresh directory with copies of the bundled country files, one of them replaced by `broken`.
    private func directory(replacing name: String, with broken: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chainrisk-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for resource in ["countries", "special_areas", "cepii_codes", "comtrade_codes", "cbs_landen"] {
            let source = try #require(
                Bundle.module.url(
                    forResource: resource, withExtension: "csv", subdirectory: ReferenceTable.bundleSubdirectory
                ))
            try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(resource + ".csv"))
        }
        let target = directory.appendingPathComponent(name + ".csv")
        try FileManager.default.removeItem(at: target)
        try Data(broken.utf8).write(to: target)
        return directory
    }

    @Test func theBundledTablesLoadWithoutErrors() throws {
        _ = try CountryTable.bundled()
        _ = try CBSSITCTable.bundled()
        for resource in ClassificationHierarchy.Resource.allCases { _ = try ClassificationHierarchy.bundled(resource) }
        for resource in Correspondence.Resource.allCases { _ = try Correspondence.bundled(resource) }
    }

    @Test func unknownSpecialKindNamesFileAndLine() throws {
        let folder = try directory(
            replacing: "special_areas", with: "code,kind,name_en,maps_to\nW00,world,World,\nX9,planet,Mars,\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ReferenceDataError.self) { try CountryTable(directory: folder) }
        #expect(error?.code == .badValue)
        #expect(error?.resource == "special_areas.csv")
        #expect(error?.line == 3)
    }

    @Test func duplicateCountryIsATypedError() throws {
        let header = "iso3,iso2,numeric,name_en,name_nl,region,eu27\n"
        let folder = try directory(
            replacing: "countries",
            with: header + "NLD,NL,528,Netherlands,Nederland,Europe,1\nNLD,NX,999,Netherlands,Nederland,Europe,1\n"
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ReferenceDataError.self) { try CountryTable(directory: folder) }
        #expect(error?.code == .duplicateKey)
        #expect(error?.line == 3)
    }

    @Test func missingFileIsATypedError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chainrisk-none-\(UUID().uuidString)")
        let error = #expect(throws: ReferenceDataError.self) { try ClassificationHierarchy(.bec4, directory: folder) }
        #expect(error?.code == .missingResource)
        #expect(error?.resource == "bec4.csv")
    }

    @Test func orphanCodeInAHierarchyIsATypedError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chainrisk-bec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "code,parent,level,description\nTOTAL,,0,All\n1,TOTAL,1,\"Food, drinks\"\n11,9,2,Orphan\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("bec4.csv"))
        let error = #expect(throws: ReferenceDataError.self) { try ClassificationHierarchy(.bec4, directory: folder) }
        #expect(error?.code == .badValue)
        #expect(error?.line == 4)
    }
}
