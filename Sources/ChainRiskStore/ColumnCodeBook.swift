import ChainRiskCore

/// One stored flow's ids and value, as the columnar read of either backend meets it.
struct StoredFlowIDs {
    var year: Int64
    var month: Int64
    var reporter: Int64
    var partner: Int64
    var product: Int64
    var flow: Int64
    var value: Double?
    var unit: Int64
    var status: Int64
}

/// The code book turned into arrays indexed by id, for the columnar read's hot loop.
struct ColumnCodeBook: Sendable {
    let flowID: Int64
    let reportedID: Int64?
    let missingID: Int64?
    /// Every country of the store, in id order; `countryIndex[id]` is its index there (`UInt16.max`: no country).
    let countries: [CountryCode]
    let countryIndex: [UInt16]
    /// Per product id: the code as a number and its digits (0 when it is not digits), and its classification's tag.
    let productNumber: [UInt32]
    let productDigits: [UInt8]
    let productClass: [UInt8]
    let classifications: [Classification]
    let unitTokens: [Int64: String]

    /// Nil when no flow of kind `stored` can be in the database, or the store has more countries than columns hold.
    init?(codes: FlowCodeBook, stored: FlowKind) {
        guard let flowID = codes.existingLabel(stored.rawValue) else { return nil }
        self.flowID = flowID
        reportedID = codes.existingLabel(ValueStatus.reported.rawValue)
        missingID = codes.existingLabel(ValueStatus.missing.rawValue)
        let countryIDs = codes.countries.keys.sorted()
        guard countryIDs.count < Int(UInt16.max) else { return nil }
        var index = [UInt16](repeating: .max, count: Int(countryIDs.last ?? 0) + 1)
        var countries: [CountryCode] = []
        for id in countryIDs {
            guard let code = codes.countries[id].flatMap(CountryCode.init(rawValue:)) else { continue }
            index[Int(id)] = UInt16(countries.count)
            countries.append(code)
        }
        self.countries = countries
        countryIndex = index
        let maxProduct = Int(codes.products.keys.max() ?? 0)
        var number = [UInt32](repeating: 0, count: maxProduct + 1)
        var digits = [UInt8](repeating: 0, count: maxProduct + 1)
        var classTag = [UInt8](repeating: 0, count: maxProduct + 1)
        var classifications: [Classification] = []
        for (id, product) in codes.products {
            let tag = classifications.firstIndex(of: product.classification) ?? classifications.count
            if tag == classifications.count { classifications.append(product.classification) }
            classTag[Int(id)] = UInt8(truncatingIfNeeded: min(tag, 255))
            guard let value = Self.numeric(product.code) else { continue }
            number[Int(id)] = value
            digits[Int(id)] = UInt8(product.code.utf8.count)
        }
        productNumber = number
        productDigits = digits
        productClass = classTag
        self.classifications = classifications
        unitTokens = codes.labels
    }

    /// Digits of one to nine bytes as a number.
    private static func numeric(_ code: String) -> UInt32? {
        let bytes = code.utf8
        guard (1...9).contains(bytes.count) else { return nil }
        var number: UInt32 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            number = number * 10 + UInt32(digit)
        }
        return number
    }

    /// The pieces joined in order, or nil when any piece does not fit or they disagree on unit, classification or
    /// code length.
    func columns(_ pieces: [ColumnPiece], stored: FlowKind, mirrored: Bool) -> TradeFlowColumns? {
        let filled = pieces.filter { $0.unitID != nil }
        guard pieces.allSatisfy(\.fits), let first = filled.first, let unitID = first.unitID,
            filled.allSatisfy({
                $0.unitID == unitID && $0.productDigits == first.productDigits && $0.productClass == first.productClass
            }),
            let token = unitTokens[unitID], let unit = ValueUnit(token: token), first.productDigits > 0,
            classifications.indices.contains(Int(first.productClass))
        else { return nil }
        return TradeFlowColumns(
            flow: mirrored ? .imports : stored, unit: unit, classification: classifications[Int(first.productClass)],
            countries: countries, productDigits: Int(first.productDigits), blocks: pieces.flatMap(\.blocks))
    }
}

/// The columns of one part of a dataset's rows, with what must agree across parts.
struct ColumnPiece: Sendable {
    var fits = true
    var unitID: Int64?
    var productDigits: UInt8 = 0
    var productClass: UInt8 = 0
    var blocks: [TradeFlowColumns.Block] = []
    private var block = TradeFlowColumns.Block()
    static let blockSize = 1 << 20

    /// Adds one row; false when it does not fit columns (see `TradeStore.flowColumns`).
    @inline(__always)
    mutating func add(_ row: StoredFlowIDs, book: ColumnCodeBook, mirrored: Bool) -> Bool {
        guard row.month == 0, row.flow == book.flowID else { return false }
        let product = Int(row.product)
        guard book.productNumber.indices.contains(product), book.productDigits[product] > 0 else { return false }
        if unitID == nil {
            unitID = row.unit
            productDigits = book.productDigits[product]
            productClass = book.productClass[product]
        }
        guard row.unit == unitID, book.productDigits[product] == productDigits,
            book.productClass[product] == productClass,
            let reporter = Self.country(mirrored ? row.partner : row.reporter, book),
            let partner = Self.country(mirrored ? row.reporter : row.partner, book),
            (0...Int64(UInt16.max)).contains(row.year)
        else { return false }
        let value: Double
        if row.value == nil || row.status == book.missingID {
            value = .nan
        } else {
            guard row.status == book.reportedID, let reported = row.value else { return false }
            value = reported
        }
        block.years.append(UInt16(row.year))
        block.reporters.append(reporter)
        block.partners.append(partner)
        block.products.append(book.productNumber[product])
        block.values.append(value)
        if block.count == Self.blockSize {
            blocks.append(block)
            block = TradeFlowColumns.Block()
        }
        return true
    }

    mutating func finish() {
        if block.count > 0 { blocks.append(block) }
        block = TradeFlowColumns.Block()
    }

    @inline(__always)
    private static func country(_ id: Int64, _ book: ColumnCodeBook) -> UInt16? {
        guard book.countryIndex.indices.contains(Int(id)) else { return nil }
        let index = book.countryIndex[Int(id)]
        return index == .max ? nil : index
    }
}
