import ChainRiskCore

/// What the Comtrade reader does with partner codes that are not countries, decided by the `CountryTable`.
///
/// World (`W00`) is kept as a total, not a supplier; a code of an area n.e.s. that conventionally stands for one
/// country is mapped to it (`S19` "Other Asia, nes" → `TWN`, Comtrade practice for Taiwan); other areas n.e.s.,
/// bunkers, free zones and groups (`_X`, `E19`, `X1`, `X2`, `XX`) are kept as they are; former countries and
/// territories are kept silently; codes the table does not know are kept. Every non-country code is counted so
/// that the file gets one finding per distinct code (with its row count and first place), not one per row.
struct ComtradePartnerRules {
    private enum Rule {
        case country
        case world
        case mapped(to: CountryCode, name: String)
        case area(SpecialArea)
        case kept
        case unknown
    }

    private struct Tally {
        let rule: Rule
        var rows = 0
        let first: SourceLocation
    }

    private let countries: CountryTable
    private var tallies: [CountryCode: Tally] = [:]

    init(countries: CountryTable) {
        self.countries = countries
    }

    /// True when `code` is a current country, which needs no rule.
    func isCountry(_ code: CountryCode) -> Bool { countries.isCountry(code) }

    /// The code to store for a partner that is not a country, counting it for the findings.
    mutating func apply(_ code: CountryCode, at location: @autoclosure () -> SourceLocation) -> CountryCode {
        if tallies[code] == nil {
            tallies[code] = Tally(rule: rule(for: code), first: location())
        }
        tallies[code]?.rows += 1
        switch tallies[code]?.rule {
        case .mapped(let target, _): return target
        default: return code
        }
    }

    private func rule(for code: CountryCode) -> Rule {
        if countries.isCountry(code) { return .country }
        guard let area = countries.specialArea(code) else { return .unknown }
        switch area.kind {
        case .world: return .world
        case .areaNES where area.mapsTo != nil: return .mapped(to: area.mapsTo ?? code, name: area.name)
        case .areaNES, .bunkers, .freeZones, .group: return .area(area)
        case .historical, .territory: return .kept
        }
    }

    /// Records one finding per distinct non-country code, sorted by code.
    func recordFindings(into log: inout FindingLog) {
        for (code, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            let rows = "\(tally.rows) row(s)"
            switch tally.rule {
            case .country, .kept:
                break
            case .world:
                log.record(
                    Finding(
                        .aggregatePartner,
                        "\(rows) have partner World (\(code)): kept as \(code), a total over all partners, not a supplier; leave it out of supplier shares",
                        at: tally.first))
            case .mapped(let target, let name):
                log.record(
                    Finding(
                        .mappedCode,
                        "partner \(code) '\(name)' (\(rows)) mapped to \(target): Comtrade practice reports \(target) under this code",
                        at: tally.first))
            case .area(let area):
                log.record(
                    Finding(
                        .aggregatePartner,
                        "partner \(code) '\(area.name)' (\(rows)) is not a country (\(area.kind.rawValue)); kept as \(code)",
                        at: tally.first))
            case .unknown:
                log.record(
                    Finding(
                        .unknownCode,
                        "partner \(code) (\(rows)) is neither a country nor a known special code; kept as \(code)",
                        at: tally.first))
            }
        }
    }
}
