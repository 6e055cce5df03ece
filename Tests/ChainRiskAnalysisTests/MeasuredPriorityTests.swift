import ChainRiskAnalysis
import ChainRiskCore
import Testing

/// Another reporter's priorities and sector options rest on its measured exposure, never on the letter's Dutch ranks.
@Suite("measured ranks: bands scaled to the sectors measured, priorities and options without the Dutch ranks")
struct MeasuredPriorityTests {
    typealias Letter = LetterTestData

    /// Three sectors, one industry each (NACE 20, 26, 28), one supplier each of CHN and USA; figures chosen so the
    /// ranks can be read off: chemicals has the most foreign inputs, electronics the most concentrated origins.
    static func measured() -> MeasuredSectorExposure {
        MeasuredSectorExposure(
            reporter: "DEU", industries: ["C20", "C26", "C28"], grossOutput: [100, 100, 100], exports: [10, 60, 30],
            suppliers: ["CHN", "USA"],
            direct: [[0.10, 0.08, 0.02], [0.10, 0.00, 0.02]],
            total: [[0.20, 0.18, 0.05], [0.20, 0.02, 0.05]],
            domesticTotal: [0.40, 0.80, 0.90],
            sectorOrder: [Letter.chemicals, Letter.electrotechnical, Letter.machinery])
    }

    @Test("the letter's bands scaled: 17 sectors 1–5 / 6–10, 14 sectors 1–4 / 5–8, 3 sectors 1 / 2, 2 sectors 1 / 2")
    func scaledBands() {
        let cases: [(Int, Int, Int)] = [(17, 5, 10), (14, 4, 8), (3, 1, 2), (2, 1, 2), (1, 1, 2)]
        for (count, orange, yellow) in cases {
            let bands = MeasuredSectorExposure.scaledBands(count: count)
            #expect(bands.orangeUpTo == orange && bands.yellowUpTo == yellow, "\(count) sectors")
        }
    }

    @Test("competition ranks per factor, highest figure first, banded over the three sectors measured")
    func ranks() throws {
        let ranks = Self.measured().ranks()
        func rank(_ sector: String, _ factor: MeasuredFactor) -> MeasuredRank? {
            ranks[sector]?.first { $0.factor == factor }
        }
        // Foreign share: chemicals 0.40 / 0.80 = 0.5, electronics 0.20 / 1.00 = 0.2, machinery 0.10 / 1.00 = 0.1.
        #expect(rank(Letter.chemicals, .foreignInputs)?.rank == 1)
        #expect(rank(Letter.chemicals, .foreignInputs)?.band == .orange)
        #expect(rank(Letter.electrotechnical, .foreignInputs)?.band == .yellow)
        #expect(rank(Letter.machinery, .foreignInputs)?.band == .green)
        // Origin HHI: electronics (0.18² + 0.02²) / 0.2² = 0.82; chemicals and machinery 0.5 each share rank 2.
        let electronics = try #require(rank(Letter.electrotechnical, .originConcentration))
        #expect(abs(electronics.value - 0.82) < 1e-12)
        #expect(electronics.rank == 1 && electronics.count == 3)
        #expect(rank(Letter.chemicals, .originConcentration)?.rank == 2)
        #expect(rank(Letter.machinery, .originConcentration)?.rank == 2)
        // Hidden part of the largest origin: chemicals (CHN, first of a tie) 0.5, electronics 0.10 / 0.18, machinery 0.6.
        #expect(rank(Letter.machinery, .hiddenExposure)?.rank == 1)
        #expect(rank(Letter.electrotechnical, .exportDependence)?.rank == 1)
    }

    @Test("with the Dutch ranks not applying, no diagnosis carries them; measured ranks give priorities and options")
    func prioritiesAndOptions() throws {
        let dataset = try Letter.dataset()
        let measured = Self.measured()
        let vulnerability = SectorVulnerability(
            dataset: dataset, sensitivityRanksApply: false, measuredRanks: measured.ranks())
        let diagnoses = vulnerability.diagnoses()
        #expect(!diagnoses.isEmpty)
        #expect(diagnoses.allSatisfy { $0.factorRanks.isEmpty })
        let matrix = vulnerability.priorityMatrix()
        #expect(matrix.entries.isEmpty)
        // Chemicals is of particular importance in the letter's trade and orange on foreign inputs.
        let chemicals = try #require(diagnoses.first { $0.sector.id == Letter.chemicals })
        #expect(chemicals.isOfParticularImportance)
        let highest = matrix.measuredEntries.filter { $0.priority == .highest }
        #expect(highest.contains { $0.sector.id == Letter.chemicals && $0.measured.factor == .foreignInputs })
        #expect(highest.allSatisfy { $0.measured.band == .orange && $0.tier == .high })

        let options = try PolicyOptionEngine.bundled().options(products: [], sectors: diagnoses)
        #expect(options.allSatisfy { recommendation in !recommendation.figures.contains { $0.key.hasPrefix("rank_") } })
        let foreign = options.filter { $0.ruleID == "sector-measured-foreign-inputs" }
        #expect(foreign.map(\.subject.id) == [Letter.chemicals, Letter.chemicals])
        let figure = try #require(foreign.first?.figure("measured_foreign_inputs"))
        #expect(figure.token == "orange")
        #expect(foreign.first?.evidenceEN.contains("foreign inputs 50.0 %, rank 1 of 3 measured (orange)") == true)
        let concentrated = options.filter { $0.ruleID == "sector-measured-concentrated-origins" }
        #expect(Set(concentrated.map(\.subject.id)) == [Letter.electrotechnical])

        let dutchRanks = try PolicyOptionEngine.bundled().options(
            products: [], sectors: SectorVulnerability(dataset: dataset).diagnoses())
        #expect(dutchRanks.contains { $0.ruleID == "sector-trade-dispute-high-tech" }, "the letter's own ranks apply")
    }
}
