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

    /// The longest product code accepted from a file: CN has 8 digits, national codes a few more.
    public static let maximumLength = 12

    /// Why `code` cannot be a product code (too long, or a character other than a letter, digit, `.`, `-` or `_`),
    /// or nil when it can.
    public static func problem(with code: String) -> String? {
        let bytes = code.utf8
        guard bytes.count <= maximumLength else {
            return "has \(bytes.count) characters (at most \(maximumLength))"
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default:
                return
                    "'\(code)' holds the character '\(String(decoding: [byte], as: UTF8.self))'; codes are letters, digits, '.', '-' and '_'"
            }
        }
        return nil
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
