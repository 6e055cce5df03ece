import ChainRiskCore

/// Comext geonomenclature codes (ISO 3166 alpha-2 plus Eurostat's own) → `CountryCode`, cached per file.
///
/// - Country codes resolve through `CountryCodeResolver.iso2` (`FR` → `FRA`).
/// - The geonomenclature Q-codes (`QP` high seas; `QQ`, `QR`, `QS` stores and provisions; `QU`, `QV`, `QW` not
///   specified; `QX`, `QY`, `QZ` not specified for commercial or military reasons) are not countries: they are kept
///   verbatim (`QU`) and counted for one `aggregatePartner` finding per code.
/// - Any other code the resolver does not know (`XI` Northern Ireland, `EU`…) is kept verbatim, counted for one
///   `unknownCode` finding per code.
/// - A blank ISO cell in the legacy layout falls back to the numeric geonomenclature column, kept as `#<code>`
///   (`#0003`) with an `unknownCode` finding.
/// - Complexity: two upper-case letters index an array of 676 entries; other codes go through a dictionary.
struct ComextGeoCodes {
    let resolver: CountryCodeResolver
    private var byLetters = [CountryCode?](repeating: nil, count: 26 * 26)
    private var letterKinds = [Kind](repeating: .country, count: 26 * 26)
    private var others: [String: (code: CountryCode, kind: Kind)] = [:]
    /// Rows per code the resolver did not know.
    private(set) var unknown = CodeTally<String>()
    /// Rows per geonomenclature Q-code.
    private(set) var specials = CodeTally<String>()

    private enum Kind { case country, special, unknown }

    init(resolver: CountryCodeResolver) { self.resolver = resolver }

    /// The code in field `index`, falling back to the numeric column `fallback` when the field is blank.
    mutating func code(field index: Int, name: String, fallback: Int?, of csv: CSVReader) throws -> CountryCode {
        let slot: Int? = csv.withBytes(index) { raw in
            let bytes = NumberParser.trim(raw)
            guard bytes.count == 2, let first = Self.letter(bytes[0]), let second = Self.letter(bytes[1]) else {
                return nil
            }
            return first * 26 + second
        }
        if let slot {
            let country: CountryCode
            if let cached = byLetters[slot] {
                country = cached
            } else {
                let resolved = resolve(csv.string(index).trimmingASCIIWhitespace())
                country = resolved.code
                byLetters[slot] = resolved.code
                letterKinds[slot] = resolved.kind
            }
            note(letterKinds[slot], country.rawValue, at: csv.location(index))
            return country
        }
        var text = csv.string(index).trimmingASCIIWhitespace().uppercased()
        if text.isEmpty {
            guard let fallback, !csv.isBlank(fallback) else {
                throw InputError(.badValue, "column '\(name)' is empty", at: csv.location(index))
            }
            text = "#" + csv.string(fallback).trimmingASCIIWhitespace()
            unknown.note(text, at: csv.location(index))
            return CountryCode(verbatim: text)
        }
        let resolved = others[text] ?? resolve(text)
        others[text] = resolved
        note(resolved.kind, text, at: csv.location(index))
        return resolved.code
    }

    private mutating func note(_ kind: Kind, _ code: String, at location: @autoclosure () -> SourceLocation) {
        switch kind {
        case .country: break
        case .special: specials.note(code, at: location())
        case .unknown: unknown.note(code, at: location())
        }
    }

    private func resolve(_ text: String) -> (code: CountryCode, kind: Kind) {
        let upper = text.uppercased()
        if Self.specialCodes.contains(upper) { return (CountryCode(verbatim: upper), .special) }
        if let country = resolver.iso2(upper) { return (country, .country) }
        return (CountryCode(verbatim: upper), .unknown)
    }

    /// The geonomenclature codes for partners that are not countries.
    static let specialCodes: Set<String> = ["QP", "QQ", "QR", "QS", "QU", "QV", "QW", "QX", "QY", "QZ"]

    @inline(__always)
    private static func letter(_ byte: UInt8) -> Int? {
        byte >= 0x41 && byte <= 0x5A ? Int(byte - 0x41) : nil
    }
}
