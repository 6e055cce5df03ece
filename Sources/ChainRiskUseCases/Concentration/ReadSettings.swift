import ChainRiskCore
public import ChainRiskIngest

/// How files are read beyond their bytes: the format (nil: detected from the header) and the reader options.
public struct ReadSettings: Sendable, Hashable {
    public var format: SourceFormat?
    public var options: ReadOptions
    /// Turn every finding into an error, as `import --strict` does.
    public var strict: Bool

    public init(format: SourceFormat? = nil, options: ReadOptions = ReadOptions(), strict: Bool = false) {
        self.format = format
        self.options = options
        self.strict = strict
    }

    /// Settings from the words a user types (`--format`, `--map`, `--flow`, …); `option` prefixes the names in
    /// messages. Throws `RequestError` for a malformed value.
    public static func parse(
        format: String = "auto", map: [String] = [], flow: String? = nil, year: Int? = nil,
        classification: String? = nil,
        reporter: String? = nil, unit: String? = nil, strict: Bool = false, names: OptionNames = OptionNames()
    ) throws -> ReadSettings {
        var settings = ReadSettings(strict: strict)
        if format != "auto" {
            guard let value = SourceFormat(rawValue: format) else {
                throw RequestError(
                    names.format,
                    "unknown format '\(format)'; expected auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            settings.format = value
        }
        for pair in map.flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingASCIIWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw RequestError("map", "--map expects field=column pairs, got '\(pair)'")
            }
            settings.options.columnMap[parts[0].lowercased()] = parts[1]
        }
        if let flow {
            guard let kind = FlowKind(token: flow) else { throw RequestError(names.flow, "unknown flow '\(flow)'") }
            settings.options.flow = kind
        }
        if let year {
            guard TradeFlow.plausibleYears.contains(year) else {
                throw RequestError(
                    names.year,
                    "--\(names.year) \(year) is not a year of trade statistics (\(TradeFlow.plausibleYears.lowerBound)–\(TradeFlow.plausibleYears.upperBound))"
                )
            }
        }
        settings.options.year = year
        if let classification {
            guard let value = Classification(token: classification) else {
                throw RequestError(
                    "classification", "unknown --classification '\(classification)'; e.g. HS2017, HS, SITC4, BEC4, CN8")
            }
            settings.options.classification = value
        }
        if let reporter {
            guard let code = CountryCode(rawValue: reporter) else {
                throw RequestError(names.reporter, "empty reporter")
            }
            settings.options.reporter = code
        }
        if let unit {
            guard let value = ValueUnit(token: unit) else {
                throw RequestError("unit", "unknown --unit '\(unit)'; e.g. USD, kUSD, EUR, mEUR")
            }
            settings.options.unit = value
        }
        return settings
    }

    /// What the reading options are called where they are typed (`import` says `--flow`, analyses `--file-flow`).
    public struct OptionNames: Sendable {
        public var format = "format", flow = "flow", reporter = "reporter", year = "year"

        public init(
            format: String = "format", flow: String = "flow", reporter: String = "reporter", year: String = "year"
        ) {
            (self.format, self.flow, self.reporter, self.year) = (format, flow, reporter, year)
        }
    }

    /// The reader for `file`: the explicit format, or the one detected from its header.
    public func reader(for file: InputFile) throws -> any TradeReader {
        ReaderRegistry.reader(for: try format ?? FormatDetector.detect(file))
    }
}
