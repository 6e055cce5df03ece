/// A product code tagged with its classification, e.g. HS 2017 `440110` or SITC rev. 4 `334`.
///
/// Codes are text with leading zeros kept (`020329`, not `20329`). `TOTAL` stands for all products.
public struct ProductCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let classification: Classification
    public let code: String

    public init(_ code: String, in classification: Classification) {
        self.code = code
        self.classification = classification
    }

    /// The code for all products in a classification.
    public static func total(in classification: Classification) -> ProductCode {
        ProductCode("TOTAL", in: classification)
    }

    /// True when the code stands for all products.
    public var isTotal: Bool { code == "TOTAL" }

    /// The number of digits (the hierarchy level for HS, CN and SITC codes); 0 for `TOTAL`.
    public var level: Int { isTotal ? 0 : code.utf8.count }

    public static func < (lhs: ProductCode, rhs: ProductCode) -> Bool {
        (lhs.classification, lhs.code) < (rhs.classification, rhs.code)
    }

    public var description: String { "\(classification.token):\(code)" }
}
