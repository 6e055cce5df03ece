import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation

extension ScenarioRunner {
    /// Days after a shock's capacity starts to return within which a low point counts as the switch-back's.
    static let switchBackWindowDays = 14

    /// A finding when reporter sectors reach their low point just after a shock's capacity starts to return, naming the
    /// mechanism: buyers' orders follow suppliers' current capacity (BoARIO's "alt" orders), so they move back to the
    /// recovered suppliers at once, while the recovered region's own purchases return only as its order book refills.
    static func switchBackFinding(
        _ result: ARIOResult, scenario: Scenario, industries: [Int], reporter: String, language: Language
    ) -> [String] {
        let windows = scenario.shocks.map { shock in
            (shock.startDay + shock.fullLossDays)...(shock.recoveredDay + switchBackWindowDays)
        }
        let late = industries.map { result.summary(industry: $0) }.filter { summary in
            summary.troughLevel < 1 && windows.contains { $0.contains(summary.troughDay) }
        }
        guard let deepest = late.min(by: { ($0.troughLevel, $0.industry) < ($1.troughLevel, $1.industry) }) else {
            return []
        }
        let decimal: Character = language == .nl ? "," : "."
        let level = NumberFormat.fixed(
            deepest.troughLevel * 100, decimals: 1, grouping: false, decimalSeparator: decimal)
        let sector = result.sectors[deepest.industry].sector
        return [
            language.pick(
                en:
                    "finding: \(late.count) of \(industries.count) \(reporter) sectors reach their low point after a shock's capacity starts to return (deepest: \(sector), \(level) % on day \(deepest.troughDay)). This is the switch-back: buyers' orders follow their suppliers' current capacity (as in BoARIO), so when the hit suppliers recover the orders that had moved to others return to them at once, while the recovered region's own purchases come back only as its order book refills, tier by tier; restocking then lifts output back to baseline",
                nl:
                    "bevinding: \(late.count) van de \(industries.count) sectoren van \(reporter) bereiken hun dieptepunt nadat de capaciteit van een schok terugkeert (diepste: \(sector), \(level) % op dag \(deepest.troughDay)). Dat is het terugschakelen: orders volgen de actuele capaciteit van leveranciers (zoals in BoARIO), dus als de getroffen leveranciers herstellen gaan de verschoven orders in één keer terug, terwijl de inkopen van de herstelde regio pas terugkomen naarmate haar orderboek zich vult, schakel voor schakel; het aanvullen van voorraden brengt de productie daarna terug op het basisniveau"
            )
        ]
    }
}

extension ScenarioRunner {
    /// Findings on the regime the run is in: a collapse (inputs short most of the time) or a loss far above the shock's
    /// own, said as findings so that the numbers are not read as a forecast.
    static func regimeFindings(
        _ result: ARIOResult, world: ARIOResult.Totals, sectorNames: [String: String], language: Language = .en
    ) -> [String] {
        var findings: [String] = []
        let collapsed = result.sectors.indices.map { result.summary(industry: $0) }.filter {
            $0.shortageDays * 2 > result.days
        }
        if let worst = collapsed.max(by: { ($0.outputLost, -$0.industry) < ($1.outputLost, -$1.industry) }) {
            let label = result.sectors[worst.industry]
            let largest = "\(label.region) \(label.sector) \(sectorNames[label.sector] ?? "")"
            findings.append(
                language.pick(
                    en:
                        "finding: collapse regime. \(collapsed.count) of \(result.sectors.count) industries had an input short on more than half of the \(result.days) days (largest loss: \(largest)). The model's supply chains have locked up; read the losses as a sign of a deep, lasting disruption, not as a forecast",
                    nl:
                        "bevinding: ineenstorting. \(collapsed.count) van de \(result.sectors.count) bedrijfstakken kwamen op meer dan de helft van de \(result.days) dagen een input tekort (grootste verlies: \(largest)). De ketens in het model zitten vast; lees de verliezen als teken van een diepe, langdurige verstoring, niet als voorspelling"
                ))
        }
        if world.directLoss > 0 {
            let multiple = world.outputLost / world.directLoss
            if multiple > 3 {
                let times = NumberFormat.fixed(
                    multiple, decimals: 1, grouping: false, decimalSeparator: language == .nl ? "," : ".")
                findings.append(
                    language.pick(
                        en:
                            "finding: output lost worldwide is \(times) times the output the shock itself took; losses this far above the direct loss come from the model's chains of shortages, and depend strongly on stock days and substitution",
                        nl:
                            "bevinding: het productieverlies wereldwijd is \(times) keer de productie die de schok zelf wegnam; verliezen zo ver boven het directe verlies komen uit de ketens van tekorten in het model en hangen sterk af van voorraaddagen en vervanging"
                    ))
            }
        }
        return findings
    }

    /// The table's findings as a few notes: counts per kind and the first examples, not every imbalanced row.
    /// In Dutch only the counts: the readers' messages are English, and `io validate` lists them.
    static func tableFindingNotes(_ findings: FindingLog, examples: Int = 3, language: Language = .en) -> [String] {
        guard !findings.isEmpty else { return [] }
        let counts = findings.sortedCounts.map { "\($0.count) \($0.kind.rawValue)" }.joined(separator: ", ")
        guard language == .en else {
            return ["bevindingen in de tabel: \(counts) (`chainrisk io validate` somt ze op)"]
        }
        var notes = ["table findings: \(counts) (`chainrisk io validate` lists them)"]
        notes += findings.examples.prefix(examples).map { "table: \($0.message)" }
        return notes
    }
}
