import ChainRiskCore
import ChainRiskIO

/// The state of an ARIO run between days: overproduction, production, orders, demand and stocks.
struct ARIOState {
    let model: ARIOModel
    var overproduction: [Double]
    var production: [Double]
    var capacity: [Double]
    /// σₛⱼ at [j * inputCount + s]: today's orders are Oᵢⱼ = σₛⱼ · Z⁰ᵢⱼ · wᵢ (see `ARIOKernels`).
    var orderScale: [Double]
    /// wᵢ = x̄ᵢ / x⁰ᵢ of the day the current orders were placed.
    var orderWeight: [Double]
    /// Dᵢ = Σⱼ Oᵢⱼ + yᵢ.
    var demand: [Double]
    /// Sₛⱼ at [j * inputCount + s]; 0 for inputs with unlimited stock.
    var stocks: [Double]
    /// Final demand not served today.
    var unmetFinalDemand: [Double]
    /// The input sector that held production back today, or −1.
    var limitingInput: [Int32]
    /// Days of baseline use left of the scarcest input (∞ when no input is stocked).
    var inventoryCover: [Double]
    /// Days held per input and user, with unlimited stocks as ∞.
    private let days: [Double]

    init(model: ARIOModel) {
        self.model = model
        let n = model.industryCount, m = model.inputCount
        overproduction = [Double](repeating: model.parameters.overproductionBase, count: n)
        production = model.baselineOutput
        capacity = model.baselineOutput
        orderScale = [Double](repeating: 1, count: n * model.inputCount)
        orderWeight = [Double](repeating: 1, count: n)
        var demand = model.finalDemand
        for k in model.flows.values.indices { demand[model.flows.rowIndices[k]] += model.flows.values[k] }
        self.demand = demand
        days = model.inventory.days
        var stocks = [Double](repeating: 0, count: n * m)
        for j in 0..<n {
            for s in 0..<m where days[j * m + s].isFinite {
                stocks[j * m + s] = model.baselineOutput[j] * model.inputCoefficients[j * m + s] * days[j * m + s]
            }
        }
        self.stocks = stocks
        unmetFinalDemand = [Double](repeating: 0, count: n)
        limitingInput = [Int32](repeating: -1, count: n)
        inventoryCover = [Double](repeating: .infinity, count: n)
    }

    /// Advances one day with capacity losses `loss` (see `ARIOModel` for the equations).
    mutating func step(day: Int, loss: [Double]) {
        let n = model.industryCount, m = model.inputCount
        let p = model.parameters
        let x0 = model.baselineOutput, y = model.finalDemand, a = model.inputCoefficients
        let starts = model.flows.columnStarts, rows = model.flowRows, z0 = model.flows.values
        let tauAlpha = 1 / p.overproductionDays, restore = 1 / p.inventoryRestorationDays
        if day > 1 {
            for i in 0..<n {
                let scarcity = demand[i] != 0 ? (demand[i] - production[i]) / demand[i] : 0
                var alpha = overproduction[i]
                alpha += scarcity == 0 ? (p.overproductionBase - alpha) * tauAlpha : (p.overproductionMax - alpha) * scarcity * tauAlpha
                overproduction[i] = max(alpha, 1)
            }
        }
        var wanted = [Double](repeating: 0, count: n)
        var fill = [Double](repeating: 0, count: n)
        var supplierWeight = [Double](repeating: 0, count: n)
        for i in 0..<n {
            capacity[i] = x0[i] * (1 - loss[i]) * overproduction[i]
            wanted[i] = max(0, min(demand[i], capacity[i]))
            supplierWeight[i] = x0[i] != 0 ? capacity[i] / x0[i] : 1
        }
        days.withUnsafeBufferPointer { days in
            stocks.withUnsafeMutableBufferPointer { stocks in
                for j in 0..<n {
                    var ratio = 1.0, limiting: Int32 = -1, cover = Double.infinity
                    let base = j * m
                    for s in 0..<m {
                        let coefficient = a[base + s], held = days[base + s]
                        guard coefficient > p.inputThreshold, held.isFinite else { continue }
                        let need = wanted[j] * coefficient * p.psi * held
                        if need != 0, stocks[base + s] < need {
                            let r = stocks[base + s] / need
                            if r < ratio { ratio = r; limiting = Int32(s) }
                        }
                        if x0[j] > 0 { cover = min(cover, stocks[base + s] / (x0[j] * coefficient)) }
                    }
                    production[j] = wanted[j] * ratio
                    limitingInput[j] = limiting
                    inventoryCover[j] = cover
                }
            }
        }
        for i in 0..<n {
            fill[i] = demand[i] != 0 ? production[i] / demand[i] : 0
            unmetFinalDemand[i] = y[i] * (1 - fill[i])
        }
        var newDemand = y
        var scratch = [Double](repeating: 0, count: 3 * m)
        ARIOKernels.distributeAndOrder(
            industries: n, inputs: m, columnStarts: starts, rows: rows, sectorOf: model.sectorOfIndustry, flows: z0,
            fill: fill, previousWeight: orderWeight, weight: supplierWeight, coefficients: a, days: days,
            production: production, wanted: wanted, restore: restore, orderScale: &orderScale, stocks: &stocks,
            demand: &newDemand, scratch: &scratch)
        demand = newDemand
        orderWeight = supplierWeight
    }
}
