import ChainRiskCore

/// The lookup tables of the integer-coded flows table (countries, products, labels), held in memory for one import
/// or one read.
///
/// Both backends keep the same three tables. An import asks for the id of every code it writes; a code the database
/// does not hold yet gets the next free id at once and waits in `pending` until the import writes it, in the import's
/// transaction (a failed import takes its new codes with it). No database access happens here after `init`, so an
/// import's reading thread can code its flows while another thread writes the previous ones. A read turns ids back
/// into codes.
struct FlowCodeBook: Sendable {
    private var countryTable = CodeTable<String>()
    private var productTable = CodeTable<ProductCode>()
    private var labelTable = CodeTable<String>()
    /// Direct-mapped caches in front of the dictionaries, keyed by a code's bytes packed into one word: an import
    /// looks up two countries and a product per flow, and hashing strings was a tenth of its time.
    private var countrySlots = [PackedSlot](repeating: PackedSlot(), count: 1 << 12)
    private var productSlots = [PackedSlot](repeating: PackedSlot(), count: 1 << 15)
    private var classificationTags: [Classification] = []
    private var lastClassification: (classification: Classification, tag: Int)?

    /// Each id's code, for reads.
    var countries: [Int64: String] { countryTable.codes }
    var products: [Int64: ProductCode] { productTable.codes }
    var labels: [Int64: String] { labelTable.codes }

    /// The tables as a database holds them: each code with its id.
    init(countries: [(Int64, String)], products: [(Int64, ProductCode)], labels: [(Int64, String)]) {
        countryTable = CodeTable(countries)
        productTable = CodeTable(products)
        labelTable = CodeTable(labels)
    }

    /// The codes that got an id since the last call, to be written with `PendingCodes.write`.
    mutating func takePending() -> PendingCodes {
        PendingCodes(
            countries: countryTable.takePending(), products: productTable.takePending(),
            labels: labelTable.takePending())
    }

    /// The id of a country code, added to `countries` when new.
    mutating func country(_ code: String) -> Int64 {
        guard let packed = PackedSlot.pack(code) else { return countryTable.id(for: code) }
        let slot = PackedSlot.index(packed, bits: 12)
        if countrySlots[slot].packed == packed { return countrySlots[slot].id }
        let id = countryTable.id(for: code)
        countrySlots[slot] = PackedSlot(packed: packed, tag: 0, id: id)
        return id
    }

    /// The id of a product code, added to `products` when new.
    mutating func product(_ product: ProductCode) -> Int64 {
        guard let packed = PackedSlot.pack(product.code) else { return productTable.id(for: product) }
        let slot = PackedSlot.index(packed, bits: 15)
        let tag = classificationTag(product.classification)
        if productSlots[slot].packed == packed, productSlots[slot].tag == tag { return productSlots[slot].id }
        let id = productTable.id(for: product)
        productSlots[slot] = PackedSlot(packed: packed, tag: tag, id: id)
        return id
    }

    /// A small number for each classification met, so that product slots need not hold one.
    private mutating func classificationTag(_ classification: Classification) -> Int {
        if let last = lastClassification, last.classification == classification { return last.tag }
        let tag = classificationTags.firstIndex(of: classification) ?? classificationTags.count
        if tag == classificationTags.count { classificationTags.append(classification) }
        lastClassification = (classification, tag)
        return tag
    }

    /// The id of a label (a flow kind, unit, quantity unit or status token), added to `labels` when new.
    mutating func label(_ text: String) -> Int64 { labelTable.id(for: text) }

    /// A stored product from its classification token and code; throws for a classification this version cannot read.
    static func product(_ token: String, _ code: String) throws -> ProductCode {
        guard let classification = Classification(token: token) else {
            throw StoreError(
                .unavailable,
                "the database holds a product classification chainrisk cannot read ('\(token)'); was it written by a newer version?"
            )
        }
        return ProductCode(code, in: classification)
    }

    /// The id of a label already in the database, or nil (a read never adds codes).
    func existingLabel(_ text: String) -> Int64? { labelTable.ids[text] }
}

/// One lookup table in memory: codes by id and back, the next free id, and the codes given an id since the last
/// `takePending` (not yet in the database).
private struct CodeTable<Code: Hashable & Sendable>: Sendable {
    private(set) var ids: [Code: Int64] = [:]
    private(set) var codes: [Int64: Code] = [:]
    private var nextID: Int64 = 1
    private var pending: [(Int64, Code)] = []

    init() {}

    /// The table as the database holds it.
    init(_ rows: [(Int64, Code)]) {
        for (id, code) in rows {
            ids[code] = id
            codes[id] = code
        }
        nextID = (codes.keys.max() ?? 0) + 1
    }

    /// The id of `code`, the next free one when it is new.
    mutating func id(for code: Code) -> Int64 {
        if let id = ids[code] { return id }
        let id = nextID
        nextID += 1
        pending.append((id, code))
        ids[code] = id
        codes[id] = code
        return id
    }

    mutating func takePending() -> [(Int64, Code)] {
        defer { pending = [] }
        return pending
    }
}

/// Codes given an id by an import's reading thread, written by its database thread before the flows that use them.
struct PendingCodes: Sendable {
    var countries: [(Int64, String)] = []
    var products: [(Int64, ProductCode)] = []
    var labels: [(Int64, String)] = []
}

/// One entry of a direct-mapped cache: a code of up to seven bytes packed with its length, and its id.
private struct PackedSlot: Sendable {
    /// 0 never packs a code (the length byte of a packed code is at least 1).
    var packed: UInt64 = 0
    /// The classification's tag for a product; 0 for a country.
    var tag = 0
    var id: Int64 = 0

    /// The code's bytes and length in one word, or nil when it is longer than seven bytes.
    @inline(__always)
    static func pack(_ code: String) -> UInt64? {
        var code = code
        return code.withUTF8 { bytes -> UInt64? in
            guard (1...7).contains(bytes.count) else { return nil }
            var word = UInt64(bytes.count)
            for byte in bytes { word = word << 8 | UInt64(byte) }
            return word
        }
    }

    /// The slot of a packed code in a table of 2^bits entries (Fibonacci hashing).
    @inline(__always)
    static func index(_ packed: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }
}
