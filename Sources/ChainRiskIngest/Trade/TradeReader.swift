public import ChainRiskCore

/// The source formats chainrisk reads, as named on the command line (`--format`).
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// UN Comtrade: API JSON, API CSV (camelCase), comtradr CSV (snake_case), bulk final files, minimal subsets.
    case comtrade
    /// CEPII BACI `t,i,j,k,v,q`.
    case baci
    /// CBS StatLine: OData v3 TypedDataSet JSON or StatLine CSV.
    case cbs
    /// Eurostat Comext bulk `.dat`, new and old layouts.
    case comext
    /// chainrisk's canonical CSV: `year,reporter,partner,product,flow,value[,classification,unit,quantity,status]`.
    case canonical
    /// Any CSV read through a column map (`--map`).
    case csv
}

/// What the caller tells a reader beyond the bytes: defaults for what the file does not say.
public struct ReadOptions: Sendable, Hashable {
    /// Column map for the generic CSV reader: field name (`reporter`, `partner`, `product`, `value`, …) → column.
    public var columnMap: [String: String]
    /// Flow for files without a flow column.
    public var flow: FlowKind?
    /// Year for files without a year column.
    public var year: Int?
    /// Classification of product codes when the file does not say.
    public var classification: Classification?
    /// Reporter for files without a reporter column (e.g. CBS: the Netherlands).
    public var reporter: CountryCode?
    /// Unit of values when the file does not say.
    public var unit: ValueUnit?

    public init(
        columnMap: [String: String] = [:], flow: FlowKind? = nil, year: Int? = nil,
        classification: Classification? = nil, reporter: CountryCode? = nil, unit: ValueUnit? = nil
    ) {
        self.columnMap = columnMap
        self.flow = flow
        self.year = year
        self.classification = classification
        self.reporter = reporter
        self.unit = unit
    }
}

/// The outcome of reading one file: counts and findings (the flows themselves went to the sink).
public struct ReadSummary: Sendable, Hashable {
    public var format: SourceFormat
    /// Data records (lines or JSON objects) read, header excluded.
    public var recordsRead = 0
    /// Trade flows emitted to the sink (a CBS record carries several measures, so several flows).
    public var flowsEmitted = 0
    public var findings = FindingLog()

    public init(format: SourceFormat) { self.format = format }
}

/// Receives each flow with the 1-based line (or record number for JSON) it came from.
public typealias FlowSink = (TradeFlow, Int) throws -> Void

/// A reader for one source format: streams a file's records as validated `TradeFlow`s plus findings.
///
/// Readers throw `InputError` for malformed input and record findings for recoverable problems; they never
/// write to storage and never load the whole file into memory.
public protocol TradeReader: Sendable {
    var format: SourceFormat { get }
    func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary
}
