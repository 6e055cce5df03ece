import ChainRiskCore
import ChainRiskReport
import Testing

@testable import ChainRiskAnalysis

@Suite("Concentration CSV writer")
struct ConcentrationCSVWriterTests {
    static func row(
        reporter: String = "NLD", product: String = "440110", classification: Classification = .hs1992,
        unit: ValueUnit = .thousandUSD, total: Double = 150.25, hhi: Double? = 0.395, top: String? = "DEU",
        extraEU: Double? = nil, values: [Double?] = [0.5, 1, 2.5362]
    ) -> ImportConcentration {
        var row = ImportConcentration(
            reporter: CountryCode(verbatim: reporter), year: 2021, flow: .imports,
            product: ProductCode(product, in: classification),
            unit: unit, totalValue: total, unallocatedValue: total - 100, supplierValue: 100, suppliers: 3,
            suppressedCells: 2,
            hhi: hhi, concentrationClass: hhi.map(ConcentrationThresholds.letter.classify),
            topSupplier: top.map(CountryCode.init(verbatim:)),
            topSupplierValue: values[0], topSupplierShare: values[1], cr3: values[2],
            effectiveSuppliers: hhi.map { 1 / $0 })
        row.extraEUShare = extraEU
        row.extraEUHHI = extraEU.map { $0 / 3 }
        return row
    }

    /// Rows with every kind of cell: integral and fractional, tiny, huge, negative, signed zero, non-finite and
    /// missing numbers; descriptions with commas and quotes; other classifications and units.
    static let rows: [ImportConcentration] = [
        row(), row(product: "010290"), row(product: "999999", hhi: nil, top: nil, values: [nil, nil, nil]),
        row(reporter: "#999", total: 1e-7, extraEU: 0.1 + 0.2), row(total: 9_007_199_254_740_992, extraEU: 1e300),
        row(total: -0.0, hhi: 1, values: [-12.5, .infinity, .nan]),
        row(total: 4.5e15, values: [123_456_789_012.5, 1e-5, .leastNonzeroMagnitude]),
        row(product: "4401", classification: .hs2017, unit: .usd),
        row(product: "334", classification: .sitc4, unit: .millionEUR),
        row(
            reporter: "A,B", product: "71", classification: Classification(.national, revision: "x\"y"),
            unit: ValueUnit(currency: "EUR", scale: 12)),
    ]

    static let names: @Sendable (ProductCode) -> String? = { product in
        switch product.code {
        case "440110": "Fuel wood, in logs, in billets, in twigs"
        case "010290": "Bovine animals; live, other than \"cattle\" and buffalo"
        case "334": "Petroleum oils\r\nrefined"
        default: ProductNames.lookup(product)
        }
    }

    @Test("the same bytes as the table's CSV, with or without products prepared")
    func sameBytes() {
        let expected = Array(
            ConcentrationTable(rows: Self.rows, thresholds: .letter, productName: Self.names).table().renderCSV().utf8)
        for products in [[], Self.rows.map(\.product)] {
            let writer = ConcentrationCSVWriter(products: products, productName: Self.names)
            var output = OutputBytes(capacity: 16)
            output.append(writer.header)
            writer.append(Array(Self.rows.prefix(4)), to: &output)
            for row in Self.rows.dropFirst(4) { writer.append(row, to: &output) }
            #expect(output.withBytes { Array($0) } == expected)
        }
    }

    @Test("the header is the table's column keys")
    func header() {
        let header = String(decoding: ConcentrationCSVWriter(productName: { _ in nil }).header, as: UTF8.self)
        #expect(header.hasPrefix("reporter,year,flow,classification,product,level,product_name,unit,total_value,"))
        #expect(header.hasSuffix(",extra_eu_share,extra_eu_hhi\n"))
    }

    @Test(
        "doubles are written as string interpolation writes them",
        arguments: [
            0.1, 1.0 / 3, -2.5e-8, 1e22, 123_456.789, .leastNonzeroMagnitude, Double.greatestFiniteMagnitude, -0.000123,
            0.7632098144353735,
        ])
    func doubles(value: Double) {
        var output = OutputBytes()
        output.appendDescription(of: value)
        #expect(output.withBytes { String(decoding: $0, as: UTF8.self) } == "\(value)")
    }
}
