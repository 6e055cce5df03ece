/// HS products → input-output sectors (HS 6-digit → ISIC Rev.3 division → WIOD c1..c35), for the direct model.
public struct ProductSectorMap: Sendable, Hashable {
    /// HS 6-digit code → (ISIC Rev.3 division, WIOD sector).
    public let sectorOfHS6: [String: (division: String, sector: String)]
    /// Where the correspondence came from, for provenance.
    public let source: String

    public init(sectorOfHS6: [String: (division: String, sector: String)], source: String) {
        self.sectorOfHS6 = sectorOfHS6
        self.source = source
    }

    public static func == (lhs: ProductSectorMap, rhs: ProductSectorMap) -> Bool {
        lhs.source == rhs.source && lhs.sectorOfHS6.count == rhs.sectorOfHS6.count
            && lhs.sectorOfHS6.allSatisfy { rhs.sectorOfHS6[$0.key]?.sector == $0.value.sector }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(sectorOfHS6.count)
    }

    /// The sector of an HS code: its 6-digit head, or for a shorter code (chapter, heading) the sector most of its
    /// 6-digit codes map to (ties: the lower sector code). Nil when no code matches.
    public func sector(of code: String) -> String? {
        if code.count >= 6 { return sectorOfHS6[String(code.prefix(6))]?.sector }
        return sectors(matching: code).first
    }

    /// The sectors of all 6-digit codes starting with `prefix`, most codes first.
    public func sectors(matching prefix: String) -> [String] {
        if prefix.count >= 6 { return sectorOfHS6[String(prefix.prefix(6))].map { [$0.sector] } ?? [] }
        var counts: [String: Int] = [:]
        for (code, entry) in sectorOfHS6 where code.hasPrefix(prefix) { counts[entry.sector, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }
}
