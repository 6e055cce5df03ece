import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskUseCases

/// The filters and settings of `concentration`, as the analysis library's `ConcentrationQuery` takes them.
struct ConcentrationFilterArguments: ParsableArguments {
    @Option(parsing: .singleValue, help: "Only these reporters (ISO3, repeatable).")
    var reporter: [String] = []

    @Option(
        parsing: .singleValue,
        help: "Only these years (repeatable), or all (default: each reporter's latest year; --trend uses all).")
    var year: [String] = []

    @Option(help: "Only products whose code starts with this (e.g. 44).")
    var product: String?

    @Option(help: "Flow: import (default), export, import_own_use, export_own_make, re_export, or all.")
    var flow: String = "import"

    @Option(help: "Aggregate product codes to this many digits (HS 2/4/6, SITC 1-5).")
    var level: Int?

    @Option(help: "Threshold preset (letter, us2023, eu2004, eu-dependency) or custom edges such as 0.15,0.25.")
    var thresholds: String = "letter"

    @Option(name: .customLong("class"), help: "Only rows of this class: not, somewhat, high, concentrated.")
    var concentrationClass: String?

    @Option(
        name: .customLong("min-value"),
        help: "Only rows whose total value is above this, in the currency's units (e.g. 250e6).")
    var minValue: Double?

    @Option(help: "The N largest products by total value per reporter, year and flow.")
    var top: Int?

    @Flag(
        name: .customLong("relevant-only"),
        help: "Drop products mostly in BEC rev. 4 goods n.e.s. (7) or consumer goods n.e.s. (6x), as the letter did.")
    var relevantOnly = false

    @Option(help: "Move HS codes into this edition first (HS2017 or HS2022; README: \"HS editions\").")
    var hsVersion: HSEditionBridge.Edition?

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if let level, !(1...10).contains(level) { throw ValidationError("--level must be between 1 and 10") }
    }

    /// The query; a usage error for an unknown preset, reporter, flow or class.
    func query() throws -> ConcentrationQuery {
        let preset = try thresholdPreset(thresholds)
        let reporters = try reporter.map { text in
            guard let code = CountryCode(rawValue: text) else { throw RequestError(nil, "empty --reporter") }
            return code
        }
        let years = try year.filter { $0 != "all" }.map { text in
            guard let value = Int(text) else { throw RequestError(nil, "--year takes a year such as 2022, or all") }
            return value
        }
        var query = ConcentrationQuery(
            thresholds: preset, flow: flow, level: level, reporters: reporters, years: years, productPrefix: product,
            concentrationClass: concentrationClass, minimumValue: minValue, top: top, relevantOnly: relevantOnly
        )
        (query.allYears, query.hsVersion) = (year.contains("all"), hsVersion)
        do {
            _ = try query.flowKinds()
            _ = try query.wantedClass()
        } catch {
            throw RequestError(error)
        }
        return query
    }
}

/// The threshold preset or custom edges named by `--thresholds`.
func thresholdPreset(_ name: String) throws -> ConcentrationThresholds {
    guard let preset = ConcentrationThresholds.named(name) else {
        throw RequestError(
            nil,
            "unknown --thresholds '\(name)'; use letter, us2023, eu2004, eu-dependency or one or two edges above 0 and at most 1, such as 0.15,0.25"
        )
    }
    return preset
}
