import Foundation

/// EXIOBASE 3's industry names read as NACE Rev. 2 divisions, through EXIOBASE's own codes.
///
/// EXIOBASE's tables name their 163 industries (`Cultivation of paddy rice`, `Manufacture of basic iron and steel
/// and of ferro-alloys and first products thereof`); its code for each (`i01.a`, `i27.a`) carries the NACE Rev. 1.1
/// division, the same as ISIC Rev. 3's, which `ISICRev3Divisions` reads into NACE Rev. 2. The list is bundled
/// (`Resources/industries/exiobase3_ixi.csv`, sources beside it).
public enum EXIOBASEIndustries {
    /// Industry name → EXIOBASE code, read once on first use; stops the program if the bundled file is corrupt.
    public static let codes: [String: String] = loadBundled("EXIOBASE 3 industries") {
        let table = try ReferenceTable(named: "exiobase3_ixi", in: nil, subdirectory: "Resources/industries")
        let column = try table.columns("name", "code")
        var codes: [String: String] = [:]
        for record in table.records {
            let (name, code) = (record.fields[column[0]], record.fields[column[1]])
            guard division(ofCode: code) != nil else {
                throw table.badValue("'\(code)' is not an EXIOBASE code (i and two digits)", at: record)
            }
            guard codes.updateValue(code, forKey: name) == nil else { throw table.duplicate(name, at: record) }
        }
        return codes
    }

    /// The ISIC Rev. 3 division of an EXIOBASE code: `i24.a.w` → 24.
    public static func division(ofCode code: String) -> Int? {
        guard code.hasPrefix("i"), code.count >= 3 else { return nil }
        let digits = code.dropFirst().prefix(2)
        guard digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    /// The NACE Rev. 2 divisions of an EXIOBASE industry name, nil for a name EXIOBASE 3 does not have.
    public static func divisions(of name: String) -> Set<Int>? {
        guard let code = codes[name], let division = division(ofCode: code) else { return nil }
        return ISICRev3Divisions.nace[division]
    }
}
