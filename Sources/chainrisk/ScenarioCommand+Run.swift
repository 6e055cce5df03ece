import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskStore
import Foundation

extension ScenarioCommand {
    /// The scenario from --event, --shock or --file.
    func buildScenario() throws -> Scenario {
        let shape = Shock.Recovery(rawValue: recovery) ?? .step
        if let file {
            return try ScenarioFileReader().read(InputFile(path: try existing(file)))
        }
        if let event {
            let (letter, _) = try letterAssessment(events: eventsFile)
            let user = try eventsFile.map { try EventFileReader(existing: letter.events).read(InputFile(path: $0)).events } ?? []
            let catalogue = try EventCatalogue(dataset: letter, user: user)
            guard let chosen = catalogue.event(id: event) else {
                throw UsageError(message: "no event \(event); `chainrisk events` lists ids \(catalogue.events.map { String($0.id) }.joined(separator: ", "))")
            }
            let chosenSectors = sectors.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            return EventScenario(loss: loss, sectors: chosenSectors, recovery: shape, recoveryDays: recoveryDays, startDay: startDay).scenario(for: chosen)
        }
        let shocks = try shock.map { try Self.parseShock($0, recovery: shape, recoveryDays: recoveryDays, startDay: startDay) }
        return Scenario(name: shock.joined(separator: " "), source: "--shock", shocks: shocks)
    }

    /// `TWN+CHN:c3-c16,hs8542:0.2:22` → a shock.
    static func parseShock(_ spec: String, recovery: Shock.Recovery, recoveryDays: Int, startDay: Int) throws -> Shock {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4 else {
            throw UsageError(message: "--shock '\(spec)': expected REGIONS[:SECTORS]:LOSS:WEEKS, e.g. TWN:c3-c16:0.2:22")
        }
        let regions = parts[0].split(separator: "+").map(String.init)
        guard !regions.isEmpty else { throw UsageError(message: "--shock '\(spec)': no region") }
        guard let loss = Double(parts[parts.count - 2]), (0...1).contains(loss) else {
            throw UsageError(message: "--shock '\(spec)': the loss '\(parts[parts.count - 2])' must be a number between 0 and 1")
        }
        guard let weeks = Double(parts[parts.count - 1]), weeks >= 0 else {
            throw UsageError(message: "--shock '\(spec)': the weeks '\(parts[parts.count - 1])' must be a number ≥ 0")
        }
        var sectors: [String] = [], products: [String] = []
        if parts.count == 4 {
            for token in parts[1].split(separator: ",").map(String.init) {
                if token.lowercased().hasPrefix("hs") { products.append(String(token.dropFirst(2))) } else { sectors.append(token) }
            }
        }
        return Shock(regions: regions, sectors: sectors, products: products, capacityLoss: loss, startDay: startDay,
                     durationWeeks: weeks, recovery: recovery, recoveryDays: recoveryDays)
    }

    private func existing(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw InputError(.missingFile, "no such file: \(path)", at: nil) }
        return path
    }

    /// Region scaling from --region-map/--country-output or the files beside --mrio; `.none` when there are none.
    func regionScaling() throws -> (RegionScaling, [Provenance.Input]) {
        if let regionMap, let countryOutput {
            return try ScenarioRunner.Context.regionScaling(map: try existing(regionMap), countryOutput: try existing(countryOutput))
        } else if regionMap != nil || countryOutput != nil {
            throw UsageError(message: "--region-map and --country-output go together")
        } else if let mrio = io.mrio {
            return try ScenarioRunner.Context.regionScaling(besideTable: mrio)
        }
        return (.none, [])
    }
}
