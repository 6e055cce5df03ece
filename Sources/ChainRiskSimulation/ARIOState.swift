import ChainRiskCore
import ChainRiskIO
import Foundation

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
    /// The first day any industry lost capacity; switched orders find headroom from then on (`switchingDays`).
    var disruptedSince: Int?

    init(model: ARIOModel) {
        self.model = model
        let n = model.industryCount
        let m = model.inputCount
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
        let n = model.industryCount
        let m = model.inputCount
        let p = model.parameters
        let x0 = model.baselineOutput
        let y = model.finalDemand
        let a = model.inputCoefficients
        let starts = model.flows.columnStarts
        let rows = model.flowRows
        let z0 = model.flows.values
        let tauAlpha = 1 / p.overproductionDays
        let restore = 1 / p.inventoryRestorationDays
        if day > 1 {
            for i in 0..<n {
                let scarcity = demand[i] != 0 ? (demand[i] - production[i]) / demand[i] : 0
                var alpha = overproduction[i]
                alpha +=
                    scarcity == 0
                    ? (p.overproductionBase - alpha) * tauAlpha : (p.overproductionMax - alpha) * scarcity * tauAlpha
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
        var inputRatio = [Double](repeating: 1, count: n)
        days.withUnsafeBufferPointer { days in
            stocks.withUnsafeBufferPointer { stocks in
                for j in 0..<n {
                    let (ratio, limiting, cover) =
                        model.production == .linear
                        ? linearConstraint(j, wanted: wanted[j], days: days, stocks: stocks)
                        : criticalConstraint(j, wanted: wanted[j], days: days, stocks: stocks)
                    production[j] = wanted[j] * ratio
                    inputRatio[j] = ratio
                    limitingInput[j] = limiting
                    inventoryCover[j] = cover
                }
            }
        }
        for i in 0..<n {
            fill[i] = demand[i] != 0 ? production[i] / demand[i] : 0
            unmetFinalDemand[i] = y[i] * (1 - fill[i])
        }
        if disruptedSince == nil, loss.contains(where: { $0 > 0 }) { disruptedSince = day }
        let opened = disruptedSince.map { 1 - exp(-Double(day - $0) / p.switchingDays) } ?? 0
        let headroom = 1 + (p.overproductionMax - 1) * opened
        let extraDeliveries =
            model.substitutes
            ? substitute(fill: fill, inputRatio: inputRatio, loss: loss, headroom: headroom) : nil
        var newDemand = y
        var scratch = [Double](repeating: 0, count: 3 * m)
        let distribute = { (extras: UnsafePointer<Double>?, state: inout ARIOState) in
            ARIOKernels.distributeAndOrder(
                industries: n, inputs: m, columnStarts: starts, rows: rows, sectorOf: state.model.sectorOfIndustry,
                flows: z0,
                fill: fill, previousWeight: state.orderWeight, weight: supplierWeight, coefficients: a,
                days: state.days,
                production: state.production, wanted: wanted, restore: restore, extraDeliveries: extras,
                orderScale: &state.orderScale, stocks: &state.stocks, demand: &newDemand, scratch: &scratch)
        }
        if let extraDeliveries {
            extraDeliveries.withUnsafeBufferPointer { distribute($0.baseAddress, &self) }
        } else {
            distribute(nil, &self)
        }
        demand = newDemand
        orderWeight = supplierWeight
    }

    /// Φⱼ under Leontief or partial production: the tightest of 1 − cₛⱼ·(1 − rₛⱼ) (rₛⱼ itself when c = 1, as BoARIO
    /// computes it), the binding input (−1 when none binds) and the days of baseline use left of the scarcest input
    /// that constrains at all. Leontief needs ψ × the stock target (BoARIO), partial a day's use (Pichler et al.).
    private func criticalConstraint(
        _ j: Int, wanted: Double, days: UnsafeBufferPointer<Double>, stocks: UnsafeBufferPointer<Double>
    ) -> (Double, Int32, Double) {
        let m = model.inputCount
        let base = j * m
        let x0 = model.baselineOutput[j]
        let psi = model.parameters.psi
        let threshold = model.parameters.inputThreshold
        var ratio = 1.0
        var limiting: Int32 = -1
        var cover = Double.infinity
        for s in 0..<m {
            let coefficient = model.inputCoefficients[base + s]
            let held = days[base + s]
            let weight = model.criticality[base + s]
            guard coefficient > threshold, held.isFinite, weight > 0 else { continue }
            // Leontief keeps BoARIO's order of operations, so the cross-check agrees to the last bits.
            let need = model.production == .leontief ? wanted * coefficient * psi * held : wanted * coefficient
            if need != 0, stocks[base + s] < need {
                let r = stocks[base + s] / need
                let factor = weight == 1 ? r : 1 - weight * (1 - r)
                if factor < ratio {
                    ratio = factor
                    limiting = Int32(s)
                }
            }
            if x0 > 0 { cover = min(cover, stocks[base + s] / (x0 * coefficient)) }
        }
        return (ratio, limiting, cover)
    }

    /// Φⱼ under linear production: all stocks together against a day's use of all inputs (Pichler et al.); the binding
    /// input is the scarcest one while the total falls short, and the cover is days of total baseline use.
    private func linearConstraint(
        _ j: Int, wanted: Double, days: UnsafeBufferPointer<Double>, stocks: UnsafeBufferPointer<Double>
    ) -> (Double, Int32, Double) {
        let m = model.inputCount
        let base = j * m
        let x0 = model.baselineOutput[j]
        let threshold = model.parameters.inputThreshold
        var held = 0.0
        var needed = 0.0
        var use = 0.0
        var lowest = Double.infinity
        var scarcest: Int32 = -1
        for s in 0..<m {
            let coefficient = model.inputCoefficients[base + s]
            let stockDays = days[base + s]
            guard coefficient > threshold, stockDays.isFinite else { continue }
            let need = wanted * coefficient
            held += stocks[base + s]
            needed += need
            use += x0 * coefficient
            if need != 0, stocks[base + s] / need < lowest {
                lowest = stocks[base + s] / need
                scarcest = Int32(s)
            }
        }
        guard needed != 0, held < needed else { return (1, -1, use > 0 ? held / use : .infinity) }
        return (held / needed, scarcest, use > 0 ? held / use : .infinity)
    }

    /// Redirects φₛ of today's unmet orders to industries of the same sector with spare capacity (see `ARIOModel`):
    /// raises those industries' production by what they deliver and returns the extra deliveries per
    /// [j * inputCount + s]. Spare capacity is what an industry's inputs allow up to `headroom` (the switching ramp,
    /// 1 on the disruption's first day rising towards αᵐᵃˣ) or its own overproduction αᵢ, whichever is larger, times
    /// its remaining baseline capacity, less today's production.
    private mutating func substitute(fill: [Double], inputRatio: [Double], loss: [Double], headroom: Double)
        -> [Double]
    {
        let n = model.industryCount
        let m = model.inputCount
        let starts = model.flows.columnStarts
        let rows = model.flowRows
        let z0 = model.flows.values
        let sectorOf = model.sectorOfIndustry
        let shares = model.substitutionShares
        let days = model.inventory.days
        var requests = [Double](repeating: 0, count: n * m)
        var requested = [Double](repeating: 0, count: m)
        var unmet = [Double](repeating: 0, count: m)
        for j in 0..<n {
            for k in starts[j]..<starts[j + 1] {
                let i = Int(rows[k])
                unmet[Int(sectorOf[i])] += z0[k] * orderWeight[i] * (1 - fill[i])
            }
            let base = j * m
            for s in 0..<m {
                if shares[s] > 0, days[base + s].isFinite, unmet[s] > 0 {
                    let request = shares[s] * orderScale[base + s] * unmet[s]
                    requests[base + s] = request
                    requested[s] += request
                }
                unmet[s] = 0
            }
        }
        var spare = [Double](repeating: 0, count: n)
        var pool = [Double](repeating: 0, count: m)
        for i in 0..<n {
            spare[i] = max(
                0,
                inputRatio[i] * model.baselineOutput[i] * (1 - loss[i]) * max(headroom, overproduction[i])
                    - production[i])
            pool[Int(sectorOf[i])] += spare[i]
        }
        for i in 0..<n {
            let s = Int(sectorOf[i])
            if pool[s] > 0, requested[s] > 0 { production[i] += spare[i] * min(1, requested[s] / pool[s]) }
        }
        for j in 0..<n {
            for s in 0..<m where requests[j * m + s] > 0 {
                requests[j * m + s] *= pool[s] > 0 ? min(1, pool[s] / requested[s]) : 0
            }
        }
        return requests
    }
}
