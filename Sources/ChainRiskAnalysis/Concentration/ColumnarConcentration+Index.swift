import ChainRiskCore

extension ColumnarConcentration {
    /// Dense indices for the codes of a set of files, and the stable sort of their flows by block.
    ///
    /// Only values that occur get an index; each distinct value is decided once (selected? which country, product
    /// at the level, supplier or not?), so the per-flow work is three table look-ups.
    struct FlowIndex {
        /// Years are `UInt16`, so one table covers them all.
        static let yearSpace = Int(UInt16.max) + 1

        var reporters: [CountryCode] = []
        var years: [Int] = []
        var products: [ProductKey] = []
        var suppliers: [CountryCode] = []
        var supplierIsEU: [Bool] = []
        /// Per file: country index → reporter index, or -1 when not selected.
        var reporterIndex: [[Int32]] = []
        /// Per file: product number → product index, or -1 when not selected or dropped by the level.
        var productIndex: [[Int32]] = []
        /// Per file: country index → supplier index, `unallocated` or `world`.
        var partnerIndex: [[Int32]] = []
        /// Year → year index, or -1 when not selected.
        var yearIndex = [Int32](repeating: -1, count: yearSpace)

        init(analysis: ConcentrationAnalysis, flows: borrowing [TradeFlowColumns], selection: Selection) {
            let blocks = flows.indices.flatMap { file in flows[file].blocks.indices.map { (file: file, block: $0) } }
            let seenPerBlock = ParallelMap.map(blocks.count) { index in
                let (file, block) = blocks[index]
                return Presence(flows[file], block: flows[file].blocks[block])
            }
            var seen = flows.map { Presence(countries: $0.countries.count, products: Self.productSpace($0)) }
            for (index, presence) in seenPerBlock.enumerated() { seen[blocks[index].file].formUnion(presence) }
            let yearSeen = seen.reduce(into: Bitset(count: Self.yearSpace)) { $0.formUnion($1.years) }
            indexYears(yearSeen, selection: selection)
            indexReporters(flows, seen: seen.map(\.reporters), selection: selection)
            indexProducts(flows, seen: seen.map(\.products), analysis: analysis, selection: selection)
            indexPartners(flows, analysis: analysis)
        }

        /// Product numbers of `file` are below 10^digits.
        static func productSpace(_ file: TradeFlowColumns) -> Int {
            (0..<file.productDigits).reduce(1) { product, _ in product * 10 }
        }

        /// The years, reporters and products that occur in some flows.
        struct Presence: Sendable {
            var years: Bitset
            var reporters: Bitset
            var products: Bitset

            init(countries: Int, products: Int) {
                years = Bitset(count: FlowIndex.yearSpace)
                reporters = Bitset(count: countries)
                self.products = Bitset(count: products)
            }

            /// The values in `block` of `file`; a value outside the file's code book or product space traps.
            init(_ file: TradeFlowColumns, block: TradeFlowColumns.Block) {
                self.init(countries: file.countries.count, products: FlowIndex.productSpace(file))
                for year in block.years { years.insert(Int(year)) }
                for reporter in block.reporters { reporters.insert(Int(reporter)) }
                for product in block.products { products.insert(Int(product)) }
            }

            mutating func formUnion(_ other: Presence) {
                years.formUnion(other.years)
                reporters.formUnion(other.reporters)
                products.formUnion(other.products)
            }
        }

        private mutating func indexYears(_ seen: Bitset, selection: Selection) {
            years = seen.members.filter { selection.year($0) }
            for (index, year) in years.enumerated() { yearIndex[year] = Int32(index) }
        }

        private mutating func indexReporters(_ flows: [TradeFlowColumns], seen: [Bitset], selection: Selection) {
            var codes: Set<CountryCode> = []
            for (file, flow) in flows.enumerated() {
                for country in seen[file].members where selection.reporter(flow.countries[country]) {
                    codes.insert(flow.countries[country])
                }
            }
            reporters = codes.sorted()
            let position = Dictionary(uniqueKeysWithValues: reporters.enumerated().map { ($1, Int32($0)) })
            reporterIndex = flows.enumerated().map { file, flow in
                flow.countries.indices.map { seen[file].contains($0) ? position[flow.countries[$0]] ?? -1 : -1 }
            }
        }

        private mutating func indexProducts(
            _ flows: [TradeFlowColumns], seen: [Bitset], analysis: ConcentrationAnalysis, selection: Selection
        ) {
            var keyOf: [[(number: Int, key: ProductKey)]] = []
            var keys: Set<ProductKey> = []
            for (file, flow) in flows.enumerated() {
                var ofFile: [(number: Int, key: ProductKey)] = []
                for number in seen[file].members {
                    let code = flow.productCode(UInt32(number))
                    guard selection.product(code), let product = analysis.product(for: code) else { continue }
                    let key = ProductKey(flow: flow.flow, product: product, unit: flow.unit)
                    ofFile.append((number, key))
                    keys.insert(key)
                }
                keyOf.append(ofFile)
            }
            products = keys.sorted()
            let position = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1, Int32($0)) })
            productIndex = flows.enumerated().map { file, flow in
                var table = [Int32](repeating: -1, count: Self.productSpace(flow))
                for (number, key) in keyOf[file] { table[number] = position[key] ?? -1 }
                return table
            }
        }

        private mutating func indexPartners(_ flows: [TradeFlowColumns], analysis: ConcentrationAnalysis) {
            var kinds: [CountryCode: PartnerKind] = [:]
            for flow in flows {
                for code in flow.countries where kinds[code] == nil { kinds[code] = analysis.partnerKind(code) }
            }
            var countries: [CountryCode: Bool] = [:]
            for case .supplier(let country, let isEU) in kinds.values { countries[country] = isEU }
            suppliers = countries.keys.sorted()
            supplierIsEU = suppliers.map { countries[$0] ?? false }
            let position = Dictionary(uniqueKeysWithValues: suppliers.enumerated().map { ($1, Int32($0)) })
            partnerIndex = flows.map { flow in
                flow.countries.map { code in
                    switch kinds[code] {
                    case .supplier(let country, _)?: position[country] ?? ColumnarConcentration.unallocated
                    case .world?: ColumnarConcentration.world
                    case .unallocated?, nil: ColumnarConcentration.unallocated
                    }
                }
            }
        }
    }
}
