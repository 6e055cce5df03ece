public import ChainRiskCore

/// Resolves a scenario's shocks (countries or regions, sectors or products) onto a table's industries.
public struct ShockPlanner: Sendable {
    public let sectors: [IOSectorLabel]
    public let scaling: RegionScaling
    /// The input-output sector of an HS code (`854231` → `c14`), for shocks given by product; nil when unknown.
    public let sectorOfProduct: @Sendable (String) -> [String]

    public init(
        sectors: [IOSectorLabel], scaling: RegionScaling = .none,
        sectorOfProduct: @escaping @Sendable (String) -> [String] = { _ in [] }
    ) {
        self.sectors = sectors
        self.scaling = scaling
        self.sectorOfProduct = sectorOfProduct
    }

    /// The plan; places match table regions, then region-map countries, ignoring case. A shock on a place neither in
    /// the table nor in the region map is noted and left out.
    public func plan(_ scenario: Scenario) -> ShockPlan {
        var index: [String: [String: Int]] = [:]
        for (position, label) in sectors.enumerated() { index[label.region, default: [:]][label.sector] = position }
        let tableSectors = Self.uniqueSectors(sectors)
        var entries: [ShockPlan.Entry] = []
        var explanations: [ShockPlan.Explanation] = []
        var notes: [String] = []
        for (number, shock) in scenario.shocks.enumerated() {
            var hit = Self.expand(shock.sectors, known: tableSectors)
            for unknown in hit where !tableSectors.contains(unknown) {
                notes.append("shock \(number + 1): sector \(unknown) is not in the table; ignored")
            }
            hit = hit.filter { tableSectors.contains($0) }
            if !shock.products.isEmpty {
                let mapped = Set(shock.products.flatMap(sectorOfProduct)).filter { tableSectors.contains($0) }
                notes.append(
                    "shock \(number + 1): products \(shock.products.joined(separator: ", ")) hit sector(s) \(Self.sortedSectors(mapped).joined(separator: ", ")) in full (the table has no product detail)"
                )
                hit = Self.sortedSectors(Set(hit).union(mapped))
            } else if hit.isEmpty && shock.sectors.isEmpty {
                hit = tableSectors
            }
            for place in shock.regions {
                let tableRegion =
                    index[place] != nil ? place : index.keys.first { $0.uppercased() == place.uppercased() }
                let country =
                    tableRegion ?? scaling.regionOfCountry.keys.first { $0.uppercased() == place.uppercased() } ?? place
                let region: String
                if let tableRegion {
                    region = tableRegion
                } else if let mapped = scaling.regionOfCountry[country] {
                    region = mapped
                } else {
                    notes.append(
                        "shock \(number + 1): \(place) is neither a region of the table nor in its region map; left out"
                    )
                    continue
                }
                guard let regionIndex = index[region] else {
                    notes.append(
                        "shock \(number + 1): \(place) maps to region \(region), which the table does not have; left out"
                    )
                    continue
                }
                for sector in hit {
                    guard let industry = regionIndex[sector] else { continue }
                    var share = 1.0
                    if country != region {
                        guard let scaled = scaling.share(ofCountry: country, inRegion: region, sector: sector) else {
                            notes.append(
                                "shock \(number + 1): no output figures for \(country) \(sector) to scale by; left out")
                            continue
                        }
                        share = scaled
                    }
                    let effective = shock.capacityLoss * share
                    entries.append(ShockPlan.Entry(industry: industry, shock: number, loss: effective))
                    explanations.append(
                        ShockPlan.Explanation(
                            shock: number, country: country, region: region, sector: sector,
                            statedLoss: shock.capacityLoss,
                            outputShare: share, effectiveLoss: effective))
                }
            }
        }
        return ShockPlan(
            scenario: scenario, sectors: sectors, entries: entries, explanations: explanations, notes: notes)
    }

    /// Sector codes in table order, each once.
    static func uniqueSectors(_ labels: [IOSectorLabel]) -> [String] {
        labels.sectorCodes
    }

    /// Sector codes sorted as people count them (`c2` before `c10`).
    static func sortedSectors(_ codes: Set<String>) -> [String] {
        codes.sorted { lhs, rhs in
            let (lp, ln) = split(lhs)
            let (rp, rn) = split(rhs)
            if lp != rp { return lp < rp }
            return (ln ?? -1, lhs) < (rn ?? -1, rhs)
        }
    }

    /// Expands ranges such as `c3-c16` into `c3, c4, …, c16`; other codes pass through.
    public static func expand(_ codes: [String], known: [String] = []) -> [String] {
        var result: [String] = []
        for code in codes {
            let parts = code.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2, !known.contains(code) {
                let (prefix, low) = split(parts[0])
                let (otherPrefix, high) = split(parts[1])
                if let low, let high, prefix == otherPrefix || otherPrefix.isEmpty, low <= high {
                    result.append(contentsOf: (low...high).map { "\(prefix)\($0)" })
                    continue
                }
            }
            result.append(code)
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// `c14` → (`c`, 14); `F` → (`F`, nil).
    static func split(_ code: String) -> (prefix: String, number: Int?) {
        let digits = code.reversed().prefix { $0.isNumber }
        guard !digits.isEmpty else { return (code, nil) }
        return (String(code.dropLast(digits.count)), Int(String(digits.reversed())))
    }
}
