/// OECD ICIO 2016's industry codes (ISIC Rev. 3: `C01T05AGR`, `C24CHM`, `C30T33XCEQ`) read as the NACE Rev. 2 divisions
/// they cover, so the NACE-based spine reaches that edition too.
///
/// A code is `C`, an ISIC Rev. 3 division or range (`01T05`), an optional `X` (the range less the industries the
/// table lists apart: `C30T33X` is 30, 32 and 33, without 31) and a three-letter name. Each ISIC Rev. 3 division goes
/// to the NACE Rev. 2 divisions that hold most of it, after the UN Statistics Division's ISIC Rev. 3.1 → Rev. 4
/// correspondence (main parts only: a division's small pieces elsewhere are left out).
public enum ISICRev3Divisions {
    /// ISIC Rev. 3 division → NACE Rev. 2 divisions.
    public static let nace: [Int: Set<Int>] = [
        1: [1], 2: [2], 5: [3], 10: [5], 11: [6], 12: [7], 13: [7], 14: [8], 15: [10, 11], 16: [12], 17: [13],
        18: [14], 19: [15], 20: [16], 21: [17], 22: [18, 58], 23: [19], 24: [20, 21], 25: [22], 26: [23], 27: [24],
        28: [25], 29: [28], 30: [26], 31: [27], 32: [26], 33: [26, 32], 34: [29], 35: [30], 36: [31, 32], 37: [38],
        40: [35], 41: [36], 45: [41, 42, 43], 50: [45], 51: [46], 52: [47], 55: [55, 56], 60: [49], 61: [50],
        62: [51], 63: [52, 79], 64: [53, 61], 65: [64], 66: [65], 67: [66], 70: [68], 71: [77], 72: [62, 63],
        73: [72], 74: [69, 70, 71, 73, 74, 78, 80, 81, 82], 75: [84], 80: [85], 85: [75, 86, 87, 88],
        90: [37, 38, 39], 91: [94], 92: [59, 60, 90, 91, 92, 93], 93: [96], 95: [97], 99: [99],
    ]

    /// ICIO 2016 lists these apart from the range an `X` code spans (`C30T33X` without 31, electrical machinery).
    static let listedApart: Set<Int> = [31]

    /// The NACE Rev. 2 divisions of an ICIO 2016 code, or nil when `code` is not one.
    public static func of(_ code: String) -> Set<Int>? {
        let characters = Array(code)
        guard characters.count >= 6, characters[0] == "C", characters.suffix(3).allSatisfy({ $0.isUppercase }) else {
            return nil
        }
        var body = String(characters[1..<(characters.count - 3)])
        let excluding = body.hasSuffix("X")
        if excluding { body.removeLast() }
        let parts = body.split(separator: "T", omittingEmptySubsequences: false)
        let bounds = parts.map { Int($0) }
        guard (1...2).contains(bounds.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
            let low = bounds.first ?? nil, let high = bounds.last ?? nil, low <= high
        else { return nil }
        var divisions = Set<Int>()
        for division in low...high where !(excluding && listedApart.contains(division)) {
            divisions.formUnion(nace[division] ?? [])
        }
        return divisions.isEmpty ? nil : divisions
    }
}
