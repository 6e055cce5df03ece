public import ChainRiskCore
import Foundation

/// Comtrade's numeric area codes for ISO3 country codes, by year, from UN Comtrade's own reporter and partner lists.
///
/// The API names areas by number, and some ISO3 codes had several numbers over time (Germany was 280 until 1990 and
/// is 276 since; the USA reports as 842 since 1981), and a few have two at once as partners (840 and 842 for the
/// USA). A query asks for every number an area had in the years asked.
public struct ComtradeAreas: Sendable {
    /// One numeric code of an area and the years it applies to.
    struct Entry: Sendable {
        let code: Int
        let iso3: String
        let years: ClosedRange<Int>
    }

    let reporters: [Entry]
    let partners: [Entry]

    /// The bundled lists (see Resources/SOURCES.md).
    public static let bundled: ComtradeAreas = {
        do {
            return ComtradeAreas(reporters: try load("comtrade_reporters"), partners: try load("comtrade_partners"))
        } catch {
            return ComtradeAreas(reporters: [], partners: [])
        }
    }()

    /// The reporter codes of `country` for each of `years`; throws for a country Comtrade does not list as a
    /// reporter in one of them.
    public func reporterCodes(_ country: CountryCode, years: [Int]) throws -> [Int: [Int]] {
        try codes(country, years: years, in: reporters, role: "reporter")
    }

    /// The partner codes of `country` in any of `years`.
    public func partnerCodes(_ country: CountryCode, years: [Int]) throws -> [Int] {
        try codes(country, years: years, in: partners, role: "partner").keys.sorted()
    }

    private func codes(_ country: CountryCode, years: [Int], in entries: [Entry], role: String) throws -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for year in years {
            let matching = entries.filter { $0.iso3 == country.rawValue && $0.years.contains(year) }.map(\.code)
            guard !matching.isEmpty else {
                let known = entries.contains { $0.iso3 == country.rawValue }
                throw FetchError(
                    .badQuery,
                    known
                        ? "UN Comtrade lists no \(role) code for \(country.rawValue) in \(year)"
                        : "UN Comtrade lists no \(role) with the ISO3 code \(country.rawValue)")
            }
            for code in matching { result[code, default: []].append(year) }
        }
        return result
    }

    private static func load(_ name: String) throws -> [Entry] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources") else {
            throw FetchError(.internalError, "the bundled list \(name).csv is missing")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 4, let code = Int(cells[0]), let entry = Int(cells[2]) else { return nil }
            let exit = Int(cells[3]) ?? 9999
            return Entry(code: code, iso3: cells[1], years: entry...max(entry, exit))
        }
    }
}
