import ChainRiskCore

/// The columns of one Eurostat Comext bulk layout that the reader uses, located in a file's header.
///
/// Eurostat changed the bulk `.dat` layout around 2024: the current files (`full_v2_YYYYMM`) name the reporter
/// `REPORTER` with an ISO-2 code and the value `VALUE_EUR`; the older files carry `DECLARANT` (numeric
/// geonomenclature) plus `DECLARANT_ISO`, and `VALUE_IN_EUROS`. Header names are matched case-insensitively.
struct ComextLayout: Sendable {
    /// `current` or `legacy`, for messages.
    let name: String
    let reporter: Int
    let partner: Int
    /// Numeric geonomenclature codes, the fallback when an ISO column is blank (legacy layout only).
    let reporterNumeric: Int?
    let partnerNumeric: Int?
    let product: Int
    let flow: Int
    let period: Int
    let value: Int
    let quantity: Int
    /// Columns per record.
    let width: Int

    private static let currentColumns = [
        "REPORTER", "PARTNER", "PRODUCT_NC", "FLOW", "PERIOD", "VALUE_EUR", "QUANTITY_KG",
    ]
    private static let legacyColumns = [
        "DECLARANT_ISO", "PARTNER_ISO", "PRODUCT_NC", "FLOW", "PERIOD", "VALUE_IN_EUROS", "QUANTITY_IN_KG",
    ]

    /// Finds the layout's columns in `header`; throws `missingColumn` naming what is missing and what the header has.
    init(header: [String], at location: SourceLocation) throws {
        let names = header.map { $0.uppercased() }
        let isLegacy = names.contains("DECLARANT_ISO") || names.contains("DECLARANT")
        let wanted = isLegacy ? Self.legacyColumns : Self.currentColumns
        var indices: [Int] = []
        for column in wanted {
            guard let index = names.firstIndex(of: column) else {
                throw InputError(
                    .missingColumn,
                    "the Comext \(isLegacy ? "legacy" : "current") layout needs column '\(column)'; the header has: \(header.joined(separator: ","))",
                    at: location)
            }
            indices.append(index)
        }
        name = isLegacy ? "legacy" : "current"
        reporter = indices[0]
        partner = indices[1]
        product = indices[2]
        flow = indices[3]
        period = indices[4]
        value = indices[5]
        quantity = indices[6]
        reporterNumeric = isLegacy ? names.firstIndex(of: "DECLARANT") : nil
        partnerNumeric = isLegacy ? names.firstIndex(of: "PARTNER") : nil
        width = header.count
    }
}
