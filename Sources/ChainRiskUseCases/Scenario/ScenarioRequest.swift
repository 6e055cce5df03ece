public import ChainRiskCore
public import ChainRiskReport
public import ChainRiskSimulation

/// A request to run a disruption scenario: what happens, on what data, with which model.
public struct ScenarioRequest: Sendable {
    /// Where the scenario comes from.
    public enum Definition: Sendable, Hashable {
        /// A catalogue event by id (the letter's Table 1 plus the events of `eventsFile`), with the loss and sectors
        /// it hits (nil: the defaults for its kind).
        case event(id: Int, eventsFile: String?, loss: Double?, sectors: [String]?)
        /// Shocks as typed: `REGIONS[:SECTORS]:LOSS:WEEKS`.
        case shocks([String])
        /// A JSON scenario file.
        case file(String)
        /// A JSON scenario held in memory (a request body), named in messages.
        case fileContents([UInt8], name: String)
        /// A scenario built already (e.g. from a request body).
        case scenario(Scenario)
    }

    /// What the scenario is computed on.
    public enum Data: Sendable {
        /// An input-output table read from files, with inventory days and region scaling files (nil: defaults).
        case table(InputOutputSource, inventoryDays: String?, regionMap: String?, countryOutput: String?)
        /// A table with its context prepared already (the server prepares it once).
        case prepared(ScenarioRunner.Context)
        /// Import flows by partner and HS product for the direct model, and the years to use.
        case trade(FlowSource, years: [Int])
    }

    /// The capacity loss of a catalogue event when the request gives none.
    public static let defaultEventLoss = EventScenario.defaultLoss
    /// φ when the request gives none (see `SupplierSubstitution.defaultShare`).
    public static let defaultSubstitution = SupplierSubstitution.defaultShare

    public var definition: Definition
    public var data: Data
    /// How the scenario is run, as one value (the server's cache key).
    public var settings = ScenarioSettings()

    public init(definition: Definition, data: Data, settings: ScenarioSettings = ScenarioSettings()) {
        self.definition = definition
        self.data = data
        self.settings = settings
    }

    /// The reporter when none is given: the Netherlands (the letter's case) where the table has it, else the table's
    /// first region, so a table without the Netherlands still answers.
    public static func defaultReporter(in regions: [String]) -> String {
        regions.contains("NLD") ? "NLD" : (regions.first ?? "NLD")
    }

    /// The longest scenario simulated, in days (100 years).
    public static let maximumDays = ScenarioSettings.maximumDays

    /// Throws `RequestError` for settings out of range or a combination the models cannot run.
    public func validate() throws {
        try settings.validate()
        switch (settings.model, data) {
        case (.direct, .trade): break
        case (.direct, _):
            throw RequestError("model", "--model direct needs trade data: --dataset NAME or --input FILE")
        case (_, .trade):
            throw RequestError("model", "--model \(settings.model.rawValue) needs an input-output table: --mrio PATH")
        default: break
        }
        if case .trade = data, settings.compare {
            throw RequestError("compare", "--compare sets the table models side by side: it needs --mrio PATH")
        }
        if case .event(_, _, let loss?, _) = definition, !(0...1).contains(loss) {
            throw RequestError("loss", "--loss must be between 0 and 1")
        }
    }
}

/// How a scenario is run: model, horizon, reporter, recovery and the dynamic model's behaviour. One value, checked
/// once (`validate`), hashed as the server's cache key and handed to the runner whole.
public struct ScenarioSettings: Sendable, Hashable {
    public var model: ScenarioModel = .ario
    /// Recovery after the full loss, its days and the start day, for events and typed shocks.
    public var recovery: Shock.Recovery = .step
    public var recoveryDays = 0
    public var startDay = 0
    /// Days simulated by ARIO.
    public var days = 365
    /// The region whose sectors are reported; nil for `defaultReporter(in:)` of the table, the one rule of every face.
    public var reporter: String?
    /// Rows shown in the per-sector and product tables; nil for all.
    public var top: Int?
    /// ARIO: the per-day series of the reporter's sectors instead of the summary.
    public var series = false
    /// ARIO: how output depends on input stocks.
    public var production: ProductionFunction = .partial
    /// ARIO and time to survive: φ, the share of what other supplier regions could replace that buyers switch to.
    public var substitution = SupplierSubstitution.defaultShare
    /// The language of the per-sector tables' titles and words (the dashboard's Dutch pages).
    public var language: Language = .en
    /// ARIO: days for switched orders to find spare capacity (τ_switch, `ARIOParameters.switchingDays`).
    public var switchingDays = ARIOParameters().switchingDays
    /// Static models: what the shock removes, capacity (supply, the default) or final demand (`--demand`).
    public var shockKind: StaticPropagation.ShockKind = .supply
    /// ARIO: rerun with one assumption changed at a time for the low–central–high band (`AssumptionBand`); off only
    /// where a caller needs the central run alone (`--no-band`).
    public var band = true
    /// Every table model side by side against the direct loss instead of one model's result (`--compare`).
    public var compare = false

    public init() {}

    /// The reporter when none is given: the Netherlands (the letter's case) where the table has it, else the table's
    /// first region, so a table without the Netherlands still answers.
    public static func defaultReporter(in regions: [String]) -> String {
        regions.contains("NLD") ? "NLD" : (regions.first ?? "NLD")
    }

    /// The longest scenario simulated, in days (100 years).
    public static let maximumDays = 36_500

    /// Throws `RequestError` for a setting out of range or one the model does not take.
    public func validate() throws {
        guard (1...Self.maximumDays).contains(days) else {
            throw RequestError("days", "--days must be between 1 and \(Self.maximumDays)")
        }
        guard (0...Self.maximumDays).contains(startDay) else {
            throw RequestError("start-day", "--start-day must be between 0 and \(Self.maximumDays)")
        }
        guard (0...Self.maximumDays).contains(recoveryDays) else {
            throw RequestError("recovery-days", "--recovery-days must be between 0 and \(Self.maximumDays)")
        }
        guard substitution.isFinite, (0...1).contains(substitution) else {
            throw RequestError("substitution", "--substitution must be a number from 0 to 1")
        }
        guard switchingDays.isFinite, (1...3650).contains(switchingDays) else {
            throw RequestError("switching-days", "--switching-days must be a number of days from 1 to 3650")
        }
        if series && model != .ario { throw RequestError("series", "--series needs --model ario") }
        if series && compare { throw RequestError("compare", "--compare shows totals per model; drop --series") }
        if shockKind == .demand && !compare && !(model.staticModel?.takesDemandShock ?? false) {
            throw RequestError(
                "demand",
                "--demand (lost final demand) needs a demand-driven static model: --model leontief or iim (Ghosh is supply-driven, ARIO simulates lost capacity)"
            )
        }
    }
}
