import ChainRiskCore

/// The variants of UN Comtrade files the Comtrade reader recognises.
public enum ComtradeLayout: String, Sendable, CaseIterable {
    /// Data API JSON: `{"elapsedTime":…,"count":n,"data":[{…}],"error":""}`.
    case apiJSON = "api_json"
    /// Data API CSV with the API's camelCase column names (`refYear`, `reporterISO`, `primaryValue` …).
    case apiCSV = "api_csv"
    /// The API columns as the R package comtradr renames them (`ref_year`, `reporter_iso`, `primary_value` …).
    case comtradrCSV = "comtradr_csv"
    /// A subset without flow and classification codes, e.g. `refYear,reporterISO,…,cmdCode,primaryValue_usd`.
    case subsetCSV = "subset_csv"
    /// A bulk final file: numeric reporter and partner codes only, `datasetCode` first.
    case bulkCSV = "bulk_csv"

    /// Recognises a CSV layout from its header.
    static func detect(header: [String]) -> ComtradeLayout {
        let fields = ComtradeField.locate(in: header)
        if fields[.datasetCode] != nil || (fields[.partnerISO] == nil && fields[.partnerCode] != nil) {
            return .bulkCSV
        }
        if fields[.flowCode] == nil || fields[.classification] == nil { return .subsetCSV }
        let snakeCase = header.contains { $0.contains("_") && $0 != "primaryValue_usd" }
        return snakeCase ? .comtradrCSV : .apiCSV
    }
}

/// The Comtrade columns (CSV) or keys (JSON) the reader uses, matched in any spelling.
enum ComtradeField: CaseIterable {
    case year, month, period, reporterISO, reporterCode, partnerISO, partnerCode, flowCode, flowDesc
    case product, value, classification, quantity, quantityUnit, quantityUnitCode, datasetCode

    /// Accepted names, in the normalised spelling of `normalize(_:)`, most specific first.
    var names: [String] {
        switch self {
        case .year: return ["refyear"]
        case .month: return ["refmonth"]
        case .period: return ["period"]
        case .reporterISO: return ["reporteriso"]
        case .reporterCode: return ["reportercode"]
        case .partnerISO: return ["partneriso"]
        case .partnerCode: return ["partnercode"]
        case .flowCode: return ["flowcode"]
        case .flowDesc: return ["flowdesc"]
        case .product: return ["cmdcode"]
        case .value: return ["primaryvalue", "primaryvalueusd"]
        case .classification: return ["classificationcode"]
        case .quantity: return ["qty"]
        case .quantityUnit: return ["qtyunitabbr"]
        case .quantityUnitCode: return ["qtyunitcode"]
        case .datasetCode: return ["datasetcode"]
        }
    }

    /// A column name in one spelling: lower case without `_` and blanks, so `refYear` and `ref_year` agree.
    static func normalize(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { $0 != "_" && $0 != " " })).lowercased()
    }

    /// The position of each known field among `names` (column names or JSON keys, any spelling).
    static func locate(in names: [String]) -> [ComtradeField: Int] {
        let normalized = names.map(normalize)
        var positions: [ComtradeField: Int] = [:]
        for field in allCases {
            for name in field.names {
                if let index = normalized.firstIndex(of: name) {
                    positions[field] = index
                    break
                }
            }
        }
        return positions
    }
}

/// Comtrade quantity unit codes → abbreviations, for bulk files that carry only `qtyUnitCode`.
///
/// Transcribed from comtradr `ref_qtyunits.csv` (shared/data/comtrade_comtradr); -1 (N/A) has no unit.
enum ComtradeQuantityUnits {
    static let abbreviations: [Int: String] = [
        2: "m²", 3: "1000 kWh", 4: "m", 5: "u", 6: "2u", 7: "l", 8: "kg", 9: "1000u", 10: "U (jeu/pack)",
        11: "12u", 12: "m³", 13: "carat", 14: "km", 15: "g", 16: "hive", 17: "1000 m³", 18: "TJ", 19: "BBL",
        20: "1000 L", 21: "1000 KG", 22: "kWH", 23: "l alc 100%", 24: "head", 25: "kg/net eda",
        26: "kg C5H14ClNO", 27: "kg P2O5", 28: "kg H2O2", 29: "kg met.am.", 30: "kg N", 31: "kg KOH",
        32: "kg K2O", 33: "kg NaOH", 34: "kg 90% sdt", 35: "kg U", 36: "ct/l", 37: "Bq", 38: "gi F/S",
        39: "GRT", 40: "GT", 41: "ce/el",
    ]

    /// The unit for an abbreviation cell: nil for blank and `N/A`.
    static func unit(abbreviation: String) -> String? {
        let trimmed = abbreviation.trimmingASCIIWhitespace()
        return trimmed.isEmpty || trimmed.uppercased() == "N/A" ? nil : trimmed
    }
}
