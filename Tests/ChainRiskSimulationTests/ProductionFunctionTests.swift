import ChainRiskCore
import ChainRiskSimulation
import Testing

/// The production functions and supplier switching against an independent numpy implementation of the model's
/// equations (`scripts/expected/ario_partial_substitution.py`); BoARIO, the cross-check of the Leontief model, has
/// neither.
@Suite("ARIO production functions and supplier switching")
struct ProductionFunctionTests {
    /// Three regions with sectors a and b; R3_b buys a from all three regions (Z and Y as in the script).
    static func table() throws -> InputOutputTable {
        let labels = ["R1_a", "R1_b", "R2_a", "R2_b", "R3_a", "R3_b"].map { IOSectorLabel(combined: $0) }
        let z = Matrix(rowArrays: [
            [5, 10, 0, 0, 0, 20], [5, 5, 0, 0, 0, 0], [0, 0, 5, 10, 0, 10],
            [0, 0, 5, 5, 0, 0], [0, 0, 0, 0, 5, 5], [0, 0, 0, 0, 5, 5],
        ])
        let finalDemand: [Double] = [60, 90, 75, 90, 90, 90]
        let regions = ["R1", "R2", "R3"]
        let y = Matrix(
            rowArrays: labels.indices.map { i in regions.map { labels[i].region == $0 ? finalDemand[i] : 0 } })
        let output = labels.indices.map { i in z.rowSums()[i] + finalDemand[i] }
        return try InputOutputTable(
            sectors: labels, intermediate: z, finalDemand: y,
            finalDemandColumns: regions.map { FinalDemandLabel(region: $0, category: "F") }, grossOutput: output,
            unit: "million USD")
    }

    struct Expected {
        var function: ProductionFunction
        var substitution: Double
        var outputLost: Double
        var outputGained: Double
        /// Day → production of every industry.
        var series: [Int: [Double]]
    }

    static let expected: [Expected] = [
        Expected(
            function: .leontief, substitution: 0.0, outputLost: 206.6256005414503, outputGained: 0.00041759861306139845,
            series: [
                4: [
                    0.13017725903306246, 0.26712328767123283, 0.2739799357317346, 0.273972602739726,
                    0.27397634230213225, 0.273972602739726,
                ],
                20: [
                    0.018280278253912246, 0.014896321533754068, 0.26141721122793954, 0.27343401099474146,
                    0.07330819905038881, 0.08565572866298805,
                ],
                31: [
                    8.619160628559013e-05, 9.276146905808292e-05, 0.24707633988269373, 0.27257283062407045,
                    0.0011630018832974674, 0.0016987836300926332,
                ],
                80: [
                    1.6201091734576864e-15, 2.273474663349544e-15, 0.2458940769803269, 0.27249506388177336,
                    3.085626347667627e-14, 3.274839771479994e-14,
                ],
                199: [
                    1.4698172838525044e-41, 2.1726666447046698e-41, 0.24547545995948825, 0.2724728881397428,
                    2.961487125010805e-40, 2.9706027972443916e-40,
                ],
            ]),
        Expected(
            function: .partial, substitution: 0.0, outputLost: 158.34165461447, outputGained: 0.0014916817688063744,
            series: [
                4: [
                    0.13017725903306246, 0.26712328767123283, 0.2739799357317346, 0.273972602739726,
                    0.27397634230213225, 0.273972602739726,
                ],
                20: [
                    0.0653984195833921, 0.01473711117596594, 0.271594560655995, 0.27397263889619955,
                    0.27267476047871997, 0.1460381670721283,
                ],
                31: [
                    0.08866303171736117, 0.007231910788918253, 0.2527493821831925, 0.27288696776185983,
                    0.1284708852776843, 0.035312097631399926,
                ],
                80: [
                    0.08950467457363352, 0.012443204303979872, 0.2486479499764408, 0.2726398657604002,
                    0.12766231094856798, 0.02210356450100073,
                ],
                199: [
                    0.08950476264316572, 0.012443207556460011, 0.24846109960165774, 0.27262995023837044,
                    0.12766333504259206, 0.021796169349555673,
                ],
            ]),
        Expected(
            function: .partial, substitution: 0.5, outputLost: 145.74597479208055, outputGained: 0.705041741178903,
            series: [
                4: [
                    0.1306747300982693, 0.26712328767123283, 0.2751046949437248, 0.273972602739726, 0.2751046949437248,
                    0.273972602739726,
                ],
                20: [
                    0.13217508484733406, 0.061726299843565834, 0.27725539691576095, 0.27540522608525714,
                    0.2772018364020588, 0.2493907476305286,
                ],
                31: [
                    0.09898458577846912, 0.021727661816300144, 0.2702856863576733, 0.2769612446755041,
                    0.26470645907424417, 0.13415345750856128,
                ],
                80: [
                    0.0936554790305891, 0.02457380677095619, 0.2530108145196393, 0.27678412635292804,
                    0.12907585984400816, 0.038798016843842785,
                ],
                199: [
                    0.09354046165694814, 0.024575348018784315, 0.2528144838024692, 0.27684011312809614,
                    0.12911605226653067, 0.03823811011597158,
                ],
            ]),
        Expected(
            function: .linear, substitution: 0.0, outputLost: 11.362832693370635, outputGained: 0.28609740042611465,
            series: [
                4: [
                    0.13017725903306246, 0.26712328767123283, 0.2739799357317346, 0.273972602739726,
                    0.27397634230213225, 0.273972602739726,
                ],
                20: [
                    0.13080939691698867, 0.26679788358314666, 0.27408328960629613, 0.2739726400750117,
                    0.27402830529072625, 0.1667144490901731,
                ],
                31: [
                    0.21276205312060514, 0.2668192303113147, 0.2590720762828814, 0.27323930774769367,
                    0.26645617176801817, 0.07735568955218165,
                ],
                80: [
                    0.2624218211042192, 0.2739782063058469, 0.27408761390766384, 0.273973312985408, 0.27403020678309964,
                    0.2752528099677616,
                ],
                199: [
                    0.26088118818646083, 0.2739840895123452, 0.27402111685551334, 0.2739737800378949, 0.273978684509072,
                    0.2741444333891624,
                ],
            ]),
    ]

    func run(_ production: ProductionFunction, substitution share: Double) throws -> ARIOResult {
        let table = try Self.table()
        let scenario = Scenario(
            name: "t", source: "test",
            shocks: [Shock(regions: ["R1"], sectors: ["a"], capacityLoss: 0.5, startDay: 3, durationWeeks: 4)])
        let plan = ShockPlanner(sectors: table.sectors).plan(scenario)
        let ratings: [String: [String: Double]] = ["a": ["a": 0, "b": 1], "b": ["a": 0.5, "b": 0]]
        let criticality = InputCriticality(sectors: table.sectors, source: "test") { input, user in
            ratings[input]?[user] ?? 1
        }
        let substitution = SupplierSubstitution(
            share: share, worldHHI: TimeToSurvive.worldHHI(outputByPlace: TimeToSurvive.outputByRegion(table)))
        let model = ARIOModel(
            table: table, inventory: .uniform(3, sectors: table.sectors), production: production,
            criticality: criticality, substitution: substitution)
        return model.run(plan: plan, days: 200)
    }

    @Test(
        "daily production and the totals agree with the numpy implementation to 1e-9 of the baseline", arguments: 0..<4)
    func agreesWithNumpy(_ index: Int) throws {
        let expected = Self.expected[index]
        let result = try run(expected.function, substitution: expected.substitution)
        for (day, values) in expected.series {
            for (i, value) in values.enumerated() {
                #expect(
                    abs(result.production[day * 6 + i] - value) <= 1e-9 * result.baselineOutput[i],
                    "day \(day) industry \(i)")
            }
        }
        let totals = result.totals()
        #expect(abs(totals.outputLost - expected.outputLost) <= 1e-9 * expected.outputLost)
        #expect(abs(totals.outputGained - expected.outputGained) <= 1e-7 * max(expected.outputGained, 1e-3))
    }

    @Test("an input rated not critical never holds production back; an important one at most halves it")
    func criticalityBoundsTheConstraint() throws {
        let result = try run(.partial, substitution: 0)
        let limiting = Set(result.limitingInput.filter { $0 >= 0 }.map { result.inputSectors[Int($0)] })
        // R1_a uses a (rated 0) and b (rated 0.5): only b may bind it, and never below half of what it wants.
        for day in 0..<result.days where result.limitingInput[day * 6] >= 0 {
            #expect(result.inputSectors[Int(result.limitingInput[day * 6])] == "b")
        }
        #expect(limiting == ["a", "b"])
        // R1_b uses a (critical) and b (rated 0): b never binds it.
        #expect((0..<result.days).allSatisfy { result.limitingInput[$0 * 6 + 1] != 1 })
    }

    @Test(
        "switching suppliers: other regions' output rises during the shock, and no more than their alpha_max headroom")
    func switchingRaisesOtherRegions() throws {
        let without = try run(.partial, substitution: 0)
        let with = try run(.partial, substitution: 0.5)
        let day = 20
        #expect(with.production[day * 6 + 2] > without.production[day * 6 + 2])
        #expect(with.production[day * 6 + 4] > without.production[day * 6 + 4])
        #expect(
            with.production.enumerated().allSatisfy {
                $0.element <= 1.25 * with.baselineOutput[$0.offset % 6] * (1 + 1e-12)
            })
        #expect(with.totals().outputLost < without.totals().outputLost)
    }
}
