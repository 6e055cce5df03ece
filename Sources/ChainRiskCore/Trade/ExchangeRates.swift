public import Foundation

/// Annual average rates between the euro and the US dollar, with where they come from.
///
/// Values in two currencies are never added or compared as they are; where an analysis needs one figure in the
/// other currency (Table 5's EUR 250 mln floor for USD data) it converts at the year's average and states the rate.
public struct ExchangeRates: Sendable {
    /// US dollars per euro by year.
    public let usdPerEUR: [Int: Double]
    /// Where the rates come from, for provenance.
    public let source: String

    public init(usdPerEUR: [Int: Double], source: String) {
        (self.usdPerEUR, self.source) = (usdPerEUR, source)
    }

    /// The bundled ECB annual averages 1999–2024 (`Resources/exchange_rates/SOURCES.md`); read once on first use.
    public static let ecb = loadBundled("EUR/USD rates") {
        try ExchangeRates(
            reading: ReferenceTable(named: "eur_usd_annual", in: nil, subdirectory: "Resources/exchange_rates"),
            source: "ECB euro reference rates, annual average of daily rates, bundled")
    }

    /// Reads a user's table in the bundled format (`year,usd_per_eur`, further columns ignored).
    public init(file: URL) throws(ReferenceDataError) {
        try self.init(
            reading: ReferenceTable(
                named: file.deletingPathExtension().lastPathComponent, in: file.deletingLastPathComponent()),
            source: file.lastPathComponent)
    }

    private init(reading table: ReferenceTable, source: String) throws(ReferenceDataError) {
        let column = try table.columns("year", "usd_per_eur")
        var rates: [Int: Double] = [:]
        for record in table.records {
            let year = try table.integer(record.fields[column[0]], column: "year", at: record)
            guard let rate = Double(record.fields[column[1]]), rate.isFinite, rate > 0 else {
                throw table.badValue("usd_per_eur '\(record.fields[column[1]])' is not a positive number", at: record)
            }
            guard rates.updateValue(rate, forKey: year) == nil else { throw table.duplicate(String(year), at: record) }
        }
        self.init(usdPerEUR: rates, source: source)
    }

    /// One conversion: the value, the rate used and a sentence naming both.
    public struct Conversion: Sendable, Equatable {
        public let value: Double
        /// Units of the target currency per unit of the source currency.
        public let rate: Double
        public let statement: String
    }

    /// `value` in `currency` expressed in `target` at `year`'s average; `nil` when the pair or year has no rate.
    public func convert(_ value: Double, from currency: String, to target: String, year: Int) -> Conversion? {
        if currency == target { return Conversion(value: value, rate: 1, statement: "") }
        guard let usdPerEUR = usdPerEUR[year] else { return nil }
        let rate: Double
        switch (currency, target) {
        case ("EUR", "USD"): rate = usdPerEUR
        case ("USD", "EUR"): rate = 1 / usdPerEUR
        default: return nil
        }
        let text = NumberFormat.fixed(usdPerEUR, decimals: 4)
        return Conversion(
            value: value * rate, rate: rate, statement: "\(text) USD per EUR, the \(year) average (\(source))")
    }
}
