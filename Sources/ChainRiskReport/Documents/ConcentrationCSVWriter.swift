public import ChainRiskAnalysis
public import ChainRiskCore

/// Writes import-concentration rows as CSV bytes, byte for byte the CSV of `ConcentrationTable` (without the
/// world-market columns) but without building a `DataTable` cell by cell: hundreds of thousands of rows a second.
///
/// Product descriptions are looked up and quoted once per product; numbers are written as `JSONValue` renders them
/// (integral values below 2⁵³ as integers, others in Swift's shortest round-trip form, non-finite as `null`).
public struct ConcentrationCSVWriter: Sendable {
    /// The header line, with its line feed.
    public let header: [UInt8]
    /// The products prepared, in the order given, and their description fields.
    private let products: [ProductCode]
    private let nameFields: [[UInt8]]
    private let names: [ProductCode: [UInt8]]
    private let productName: @Sendable (ProductCode) -> String?

    /// A writer whose product descriptions come from `productName`, prepared for `products` (others are looked up
    /// per row). Rows whose products come in the order of `products` find them fastest.
    public init(
        products: [ProductCode] = [], productName: @escaping @Sendable (ProductCode) -> String? = ProductNames.lookup
    ) {
        header = Array(ConcentrationTable(rows: [], thresholds: .letter).table().renderCSV().utf8)
        self.products = products
        nameFields = products.map { Self.field(productName($0) ?? "") }
        names = Dictionary(zip(products, nameFields), uniquingKeysWith: { first, _ in first })
        self.productName = productName
    }

    /// Appends `rows` as CSV lines to `output`.
    public func append(_ rows: [ImportConcentration], to output: inout OutputBytes) {
        var tokens = Tokens()
        for row in rows { append(row, tokens: &tokens, to: &output) }
    }

    /// Appends `row` as one CSV line to `output`.
    public func append(_ row: ImportConcentration, to output: inout OutputBytes) {
        var tokens = Tokens()
        append(row, tokens: &tokens, to: &output)
    }

    /// The description field of `product`: looked for a little ahead of the previous row's product in `products`
    /// (rows come in product order), else in the dictionary, else looked up.
    private func nameField(of product: ProductCode, tokens: inout Tokens) -> [UInt8] {
        var position = tokens.productPosition
        let limit = min(products.count, position + 64)
        while position < limit {
            if products[position] == product {
                tokens.productPosition = position + 1
                return nameFields[position]
            }
            position += 1
        }
        return names[product] ?? Self.field(productName(product) ?? "")
    }

    /// What the previous rows of one `append` call had: the place of their product among the prepared products,
    /// and their classification and unit tokens, which consecutive rows nearly always share (and `token` builds a new
    /// string each time).
    private struct Tokens {
        var productPosition = 0
        var classification: Classification?
        var classificationField: [UInt8] = []
        var unit: ValueUnit?
        var unitField: [UInt8] = []

        mutating func field(of classification: Classification) -> [UInt8] {
            if classification != self.classification {
                self.classification = classification
                classificationField = ConcentrationCSVWriter.field(classification.token)
            }
            return classificationField
        }

        mutating func field(of unit: ValueUnit) -> [UInt8] {
            if unit != self.unit {
                self.unit = unit
                unitField = ConcentrationCSVWriter.field(unit.token)
            }
            return unitField
        }
    }

    private func append(_ row: ImportConcentration, tokens: inout Tokens, to output: inout OutputBytes) {
        output.appendField(row.reporter.rawValue)
        output.append(.comma)
        output.appendInteger(Int64(row.year))
        output.append(.comma)
        output.appendField(row.flow.rawValue)
        output.append(.comma)
        output.append(tokens.field(of: row.product.classification))
        output.append(.comma)
        output.appendField(row.product.code)
        output.append(.comma)
        output.appendInteger(Int64(row.product.level))
        output.append(.comma)
        output.append(nameField(of: row.product, tokens: &tokens))
        output.append(.comma)
        output.append(tokens.field(of: row.unit))
        output.append(.comma)
        output.appendNumber(row.totalValue)
        output.append(.comma)
        output.appendNumber(row.unallocatedValue)
        output.append(.comma)
        output.appendInteger(Int64(row.suppliers))
        output.append(.comma)
        output.appendNumber(row.hhi)
        output.append(.comma)
        output.appendField(row.concentrationClass?.rawValue ?? "")
        output.append(.comma)
        output.appendField(row.topSupplier?.rawValue ?? "")
        output.append(.comma)
        output.appendNumber(row.topSupplierValue)
        output.append(.comma)
        output.appendNumber(row.topSupplierShare)
        output.append(.comma)
        output.appendNumber(row.cr3)
        output.append(.comma)
        output.appendNumber(row.effectiveSuppliers)
        output.append(.comma)
        output.appendInteger(Int64(row.suppressedCells))
        output.append(.comma)
        output.appendNumber(row.extraEUShare)
        output.append(.comma)
        output.appendNumber(row.extraEUHHI)
        output.append(.lineFeed)
    }

    /// `text` as a CSV field, quoted exactly when `DataTable.renderCSV` quotes it.
    static func field(_ text: String) -> [UInt8] {
        var plain = !SpreadsheetSafety.mayTrigger(text.utf8.first)
        for byte in text.utf8 where byte == .comma || byte == .quote || byte == .lineFeed || byte == .carriageReturn {
            plain = false
            break
        }
        return Array(plain ? text.utf8 : DataTable.csvField(text).utf8)
    }
}

extension OutputBytes {
    /// Text as `DataTable.renderCSV` writes it: as is unless it holds a comma, quote or line break.
    fileprivate mutating func appendField(_ text: String) {
        var text = text
        let plain = text.withUTF8 { bytes in
            if SpreadsheetSafety.mayTrigger(bytes.first) { return false }
            for byte in bytes where byte == .comma || byte == .quote || byte == .lineFeed || byte == .carriageReturn {
                return false
            }
            append(bytes)
            return true
        }
        if !plain { append(DataTable.csvField(text)) }
    }

    /// A number as `JSONValue.format` writes it (`null` when not finite); nothing for nil (an empty cell).
    fileprivate mutating func appendNumber(_ value: Double?) {
        guard let value else { return }
        if !value.isFinite {
            append(JSONValue.format(value))
        } else if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            appendInteger(Int64(value))
        } else {
            appendDescription(of: value)
        }
    }

    /// A decimal integer, as `String(value)` writes it.
    fileprivate mutating func appendInteger(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        repeat {
            append(UInt8(truncatingIfNeeded: magnitude / divisor) &+ UInt8(ascii: "0"))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }
}

extension UInt8 {
    fileprivate static var comma: UInt8 { UInt8(ascii: ",") }
    fileprivate static var quote: UInt8 { UInt8(ascii: "\"") }
    fileprivate static var lineFeed: UInt8 { UInt8(ascii: "\n") }
    fileprivate static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
}
