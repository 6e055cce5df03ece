public import ChainRiskCore
import Foundation

/// The datasets shipped with chainrisk, read from the package's resources.
public enum BuiltInDatasets {
    /// The name of the Dutch letter's dataset.
    public static let letterName = "nl-letter-2021"

    /// Names of all built-in datasets.
    public static let names = [letterName]

    /// The tables of the 2021 Dutch letter to parliament (see `BuiltIn/nl-letter-2021/SOURCES.md`).
    public static func nlLetter2021() throws -> LetterDataset {
        let folder = try resourceFolder(letterName)
        let reader = LetterTableReader(folder: folder)
        let names = [
            "letter_table1_events.csv", "letter_table2_sectors.csv", "letter_table4_top10_imports.csv",
            "letter_table5_high_concentration.csv", "letter_suppressed_products.csv", "letter_context_facts.csv",
        ]
        let files = try names.map { name in
            LetterDataset.SourceFile(
                name: "\(letterName)/\(name)", sha256: try FileDigest.sha256(path: folder + "/" + name).hex)
        }
        return LetterDataset(
            name: letterName, reporter: .netherlands,
            events: try reader.events(names[0]),
            sectors: try reader.sectors(names[1], year: 2018),
            topImports: try reader.concentration(names[2], year: 2019),
            highConcentration: try reader.concentration(names[3], year: 2019),
            suppressedProducts: try reader.suppressed(names[4]),
            contextFacts: try reader.contextFacts(names[5]),
            files: files
        )
    }

    private static func resourceFolder(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "BuiltIn") else {
            throw InputError(
                .missingFile, "the built-in dataset \(name) is missing from the installation (BuiltIn/\(name))", at: nil
            )
        }
        return url.path
    }
}
