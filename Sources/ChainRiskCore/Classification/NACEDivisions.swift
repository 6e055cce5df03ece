/// The NACE Rev. 2 divisions (two-digit codes, the same as ISIC Rev. 4's) an industry code of a table covers.
///
/// Reads the codes of the tables that follow NACE Rev. 2 or ISIC Rev. 4 — FIGARO (`A01`, `C10T12`, `C31_32`, `L68A`),
/// OECD ICIO 2018–2023 (`01T03`, `A01_02`, `B05_06`, `D`), the NACE 64 list of Pichler et al. (`B05-09`, `M69-70`)
/// — into the set of divisions, so that data given per NACE 64 industry (input criticality, inventory days) can be
/// carried to any of them. A section letter alone stands for all its divisions. Eora26's 26 sector names are read
/// through `eora26`, ICIO 2016's ISIC Rev. 3 codes through `ISICRev3Divisions`, EXIOBASE 3's 163 industry names
/// through `EXIOBASEIndustries`; lower-case codes (WIOD's `c14`) and other names are not NACE codes: nil.
public enum NACEDivisions {
    /// Eora26's sectors (its own spelling, as in its `labels_T.txt`) by the NACE Rev. 2 divisions they cover, from
    /// the sector definitions (Eora26 aggregates ISIC Rev. 3): 16–18 for wood, paper and printing, 19–23 for
    /// petroleum, chemicals and non-metallic minerals, 26–28 for electrical equipment and machinery, 62–82 less 67
    /// and 76 for financial intermediation and business activities. Two residual sectors are our reading: "Others"
    /// as other services (94–96), "Re-export & Re-import" as wholesale trade (46), through which re-exports pass.
    public static let eora26: [String: Set<Int>] = [
        "Agriculture": [1, 2], "Fishing": [3], "Mining and Quarrying": Set(5...9), "Food & Beverages": [10, 11, 12],
        "Textiles and Wearing Apparel": [13, 14, 15], "Wood and Paper": [16, 17, 18],
        "Petroleum, Chemical and Non-Metallic Mineral Products": Set(19...23), "Metal Products": [24, 25],
        "Electrical and Machinery": [26, 27, 28], "Transport Equipment": [29, 30], "Other Manufacturing": [31, 32],
        "Recycling": [38], "Electricity, Gas and Water": [35, 36], "Construction": [41, 42, 43],
        "Maintenance and Repair": [45], "Wholesale Trade": [46], "Retail Trade": [47],
        "Hotels and Restraurants": [55, 56], "Transport": Set(49...52), "Post and Telecommunications": [53, 61],
        "Finacial Intermediation and Business Activities": Set(62...82).subtracting([67, 76]),
        "Public Administration": [84], "Education, Health and Other Services": Set(85...96).subtracting([89]),
        "Private Households": [97, 98], "Others": [94, 95, 96], "Re-export & Re-import": [46],
    ]

    /// The divisions of each NACE Rev. 2 section.
    public static let sections: [Character: ClosedRange<Int>] = [
        "A": 1...3, "B": 5...9, "C": 10...33, "D": 35...35, "E": 36...39, "F": 41...43, "G": 45...47, "H": 49...53,
        "I": 55...56, "J": 58...63, "K": 64...66, "L": 68...68, "M": 69...75, "N": 77...82, "O": 84...84,
        "P": 85...85, "Q": 86...88, "R": 90...93, "S": 94...96, "T": 97...98, "U": 99...99,
    ]

    /// The divisions of `code`, or nil when it is not a NACE/ISIC Rev. 4 code.
    public static func of(_ code: String) -> Set<Int>? {
        if let named = eora26[code] { return named }
        if let isic3 = ISICRev3Divisions.of(code) { return isic3 }
        if let exiobase = EXIOBASEIndustries.divisions(of: code) { return exiobase }
        var rest = Substring(code)
        var section: Character?
        if let first = rest.first, first.isUppercase, first.isLetter {
            section = first
            rest = rest.dropFirst()
            guard sections[first] != nil else { return nil }
        }
        // A trailing letter marks a part of a division (FIGARO's L68A imputed rents).
        if let last = rest.last, last.isLetter, rest.dropLast().last?.isNumber == true { rest = rest.dropLast() }
        if rest.isEmpty {
            guard let section, let range = sections[section] else { return nil }
            return Set(range)
        }
        guard rest.allSatisfy({ $0.isNumber || $0 == "_" || $0 == "T" || $0 == "-" }), rest.first?.isNumber == true
        else { return nil }
        var divisions = Set<Int>()
        for part in rest.split(separator: "_") {
            // Three digits are a NACE group inside a division (ICIO 2023's C301 ships, C302T309 other transport).
            let bounds = part.split(whereSeparator: { $0 == "T" || $0 == "-" }).map {
                $0.count == 3 ? Int($0).map { $0 / 10 } : Int($0)
            }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil,
                low <= high, (1...99).contains(low), (1...99).contains(high)
            else { return nil }
            // `A01_02`: the second number of a pair continues the first (02 after 01).
            divisions.formUnion(low...high)
        }
        if let section, let range = sections[section] {
            guard divisions.allSatisfy(range.contains) else { return nil }
        }
        return divisions
    }
}
