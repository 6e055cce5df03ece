import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest

/// The built-in letter dataset and lookups for the sector, event and policy tests.
enum LetterTestData {
    static func dataset() throws -> LetterDataset { try BuiltInDatasets.nlLetter2021() }

    static func vulnerability() throws -> SectorVulnerability { SectorVulnerability(dataset: try dataset()) }

    /// Sector ids of Table 2 used in the tests.
    static let food = "food-beverages-and-tobacco"
    static let chemicals = "chemicals"
    static let petroleum = "petroleum-industry"
    static let electrotechnical = "computer-electronic-and-optical-products"
    static let machinery = "machinery"
    static let furniture = "furniture"
    static let textiles = "textiles-apparel-leather-and-footwear"
}
