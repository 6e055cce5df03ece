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
