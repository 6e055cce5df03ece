public import ChainRiskCore

/// Reads CEPII BACI files (`t,i,j,k,v,q`), the reconciled bilateral trade matrix at HS 6-digit level.
///
/// A row is one flow from exporter `i` to importer `j` in year `t`: product `k` (an HS code written as an integer,
/// so `20329` is `020329`), value `v` in thousand USD, quantity `q` in metric tons (empty when unknown → `nil`,
/// never zero).
///
/// BACI is a *mirror* dataset: CEPII reconciles what the exporter and the importer declared into one FOB figure, so
/// a row is at once i's export to j and j's import from i. The reader emits it as an export of reporter `i` to
/// partner `j`; with `options.flow == .imports` it emits the same row the other way round, as an import of reporter
/// `j` from partner `i` (still FOB valued, unlike customs import statistics, which are CIF).
///
/// - Classification: `options.classification`, else the vintage in the file name (`BACI_HS17_…` → HS 2017), else
///   HS 1992 with a `unitAssumed` finding.
/// - Country codes: CEPII numeric codes resolved through `CountryCodeResolver`; an unknown code is kept as `#<code>`
///   (e.g. `#999`) and reported by one `unknownCode` finding per code that counts the affected rows.
/// - Complexity: one pass over the bytes; codes come from small caches, so a row costs no dictionary lookup and no
///   heap allocation.
public struct BACIReader: TradeReader {
    public let format = SourceFormat.baci
    /// How CEPII country codes become `CountryCode`s.
    public var countries: CountryCodeResolver

    /// The header every BACI data file starts with.
    public static let header = ["t", "i", "j", "k", "v", "q"]

    /// A reader that resolves CEPII codes with `countries`.
    public init(countries: CountryCodeResolver = .standard) {
        self.countries = countries
    }

    /// Streams the rows of a BACI file into `sink`; throws `InputError` for a wrong header or a malformed row.
    public func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        let importView = try Self.isImportView(options.flow)
        var summary = ReadSummary(format: .baci)
        let classification = classification(for: file, options: options, findings: &summary.findings)
        let csv = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try csv.readHeader()
        guard header == Self.header else {
            throw InputError(
                .badStructure, "expected the BACI header 't,i,j,k,v,q', found '\(header.joined(separator: ","))'",
                at: SourceLocation(file: file.displayName, line: csv.line, column: 1))
        }
        var cache = CEPIICountryCache(resolver: countries)
        let flowKind: FlowKind = importView ? .imports : .exports
        while try csv.nextRecord() {
            try csv.requireFieldCount(6)
            summary.recordsRead += 1
            guard let year = try csv.int(0, name: "t") else { throw Self.emptyField("t", csv, 0) }
            guard TradeFlow.plausibleYears.contains(year) else {
                throw InputError(
                    .badValue,
                    "year \(year) in column 't' is not a year of trade statistics (\(TradeFlow.plausibleYears.lowerBound)–\(TradeFlow.plausibleYears.upperBound))",
                    at: csv.location(0))
            }
            let exporter = try cache.code(field: 1, name: "i", of: csv)
            let importer = try cache.code(field: 2, name: "j", of: csv)
            let product = try Self.productCode(field: 3, of: csv)
            let value = try csv.double(4, name: "v")
            let quantity = try csv.double(5, name: "q")
            if let value, value < 0 {
                summary.findings.record(
                    Finding(.negativeValue, "negative value \(value) kept as published", at: csv.location(4)))
            } else if value == nil {
                summary.findings.record(
                    Finding(.missingValue, "empty value 'v'; flow kept with status missing", at: csv.location(4)))
            }
            let flow = TradeFlow(
                year: year, month: 0,
                reporter: importView ? importer : exporter, partner: importView ? exporter : importer,
                product: ProductCode(product, in: classification), flow: flowKind,
                value: value, unit: .thousandUSD, quantity: quantity, quantityUnit: "t",
                status: value == nil ? .missing : .reported)
            try sink(flow, csv.line)
            summary.flowsEmitted += 1
        }
        for (code, rows) in cache.conventions.sorted(by: { $0.key < $1.key }) {
            summary.findings.record(Self.conventionFinding(code: code, rows: rows))
        }
        cache.unknown.record(.unknownCode, into: &summary.findings) { code, rows in
            "CEPII country code \(code) is not in the country table; kept as '\(CountryCodeResolver.unresolvedCEPII(code))' (\(CodeTally<Int>.rows(rows)))"
        }
        return summary
    }

    /// The CEPII codes read as a country by convention, not by definition: 490 "Other Asia, nes" is Taiwan.
    public static let conventionalCodes: Set<Int> = [490]

    /// The note that `rows` rows of a file carry a conventional code (a fact about the file, so without a line: the
    /// columnar path, which keeps no line numbers, reports it in the same words).
    public static func conventionFinding(code: Int, rows: Int) -> Finding {
        Finding(
            .mappedCode,
            "CEPII country code \(code) 'Other Asia, nes' (\(CodeTally<Int>.rows(rows))) mapped to TWN: BACI, like Comtrade's S19, reports Taiwan under this code"
        )
    }

    /// The HS vintage a BACI file name states: `BACI_HS92_Y2017_V202501.csv` → HS 1992, `BACI_HS17_…` → HS 2017.
    public static func classification(fileName: String) -> Classification? {
        let name = (fileName.split(separator: "/").last.map(String.init) ?? fileName).uppercased()
        guard let marker = name.firstRange(of: "BACI_HS") else { return nil }
        let digits = name[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 2, let twoDigits = Int(digits) else { return nil }
        return Classification(.hs, revision: String(twoDigits >= 88 ? 1900 + twoDigits : 2000 + twoDigits))
    }

    private func classification(for file: InputFile, options: ReadOptions, findings: inout FindingLog) -> Classification
    {
        if let given = options.classification { return given }
        if let named = Self.classification(fileName: file.path) { return named }
        findings.record(
            Finding(
                .unitAssumed, "the file name does not state the HS vintage (BACI_HS92_…); assuming HS 1992",
                at: SourceLocation(file: file.displayName, line: 1, column: 1)))
        return .hs1992
    }

    /// True when the caller asked for the importer-side view; BACI has total trade only, so other concepts are refused.
    private static func isImportView(_ flow: FlowKind?) throws -> Bool {
        switch flow {
        case nil, .exports?: return false
        case .imports?: return true
        case let other?:
            throw InputError(
                .badOption, "BACI records total trade: read it as 'export' or 'import', not '\(other.rawValue)'",
                at: nil)
        }
    }

    /// Field `index` as a 6-digit HS code, left-padded with zeros, built without an intermediate string.
    private static func productCode(field index: Int, of csv: CSVReader) throws -> String {
        let code: String? = csv.withBytes(index) { raw in
            let bytes = NumberParser.trim(raw)
            let count = bytes.count
            guard count >= 1 && count <= 6 else { return nil }
            for byte in bytes where byte < 0x30 || byte > 0x39 { return nil }
            return String(unsafeUninitializedCapacity: 6) { out in
                let padding = 6 - count
                for position in 0..<padding { out[position] = 0x30 }
                for position in 0..<count { out[padding + position] = bytes[position] }
                return 6
            }
        }
        guard let code else {
            throw InputError(
                .badValue,
                "expected an HS code of up to 6 digits in column 'k', found '\(csv.string(index).prefix(40))'",
                at: csv.location(index))
        }
        return code
    }

    static func emptyField(_ name: String, _ csv: CSVReader, _ index: Int) -> InputError {
        InputError(.badValue, "column '\(name)' is empty", at: csv.location(index))
    }
}

/// CEPII code → `CountryCode`, cached in an array indexed by the code so that the hot path does no hashing.
struct CEPIICountryCache {
    let resolver: CountryCodeResolver
    private var codes = [CountryCode?](repeating: nil, count: 1000)
    private var isUnknown = [Bool](repeating: false, count: 1000)
    /// Rows per unknown code, for the findings at the end of the file.
    private(set) var unknown = CodeTally<Int>()
    /// Rows per code that stands for a country by convention, not by definition (490 "Other Asia, nes" → Taiwan).
    private(set) var conventions: [Int: Int] = [:]

    init(resolver: CountryCodeResolver) { self.resolver = resolver }

    /// The country in field `index`; throws for a blank, non-numeric or negative code.
    mutating func code(field index: Int, name: String, of csv: CSVReader) throws -> CountryCode {
        guard let number = try csv.int(index, name: name) else { throw BACIReader.emptyField(name, csv, index) }
        guard number >= 0 else { throw InputError.badNumber(csv.string(index), column: name, at: csv.location(index)) }
        if number < codes.count {
            let country: CountryCode
            if let cached = codes[number] {
                country = cached
            } else {
                let resolved = resolver.cepii(number)
                country = resolved ?? CountryCodeResolver.unresolvedCEPII(number)
                codes[number] = country
                isUnknown[number] = resolved == nil
            }
            if isUnknown[number] { unknown.note(number, at: csv.location(index)) }
            if BACIReader.conventionalCodes.contains(number) { conventions[number, default: 0] += 1 }
            return country
        }
        if let resolved = resolver.cepii(number) { return resolved }
        unknown.note(number, at: csv.location(index))
        return CountryCodeResolver.unresolvedCEPII(number)
    }
}
