import ChainRiskCore

/// Collects the daily series of an ARIO run, day-major ([day * industries + industry]).
struct ARIORecorder {
    let industries: Int
    let days: Int
    var production: [Double]
    var unmetFinalDemand: [Double]
    var inventoryCover: [Double]
    var limitingInput: [Int32]
    var capacityLoss: [Double]

    init(industries: Int, days: Int) {
        self.industries = industries
        self.days = max(days, 0)
        let count = industries * self.days
        production = []
        unmetFinalDemand = []
        inventoryCover = []
        limitingInput = []
        capacityLoss = []
        production.reserveCapacity(count)
        unmetFinalDemand.reserveCapacity(count)
        inventoryCover.reserveCapacity(count)
        limitingInput.reserveCapacity(count)
        capacityLoss.reserveCapacity(count)
    }

    mutating func record(day: Int, state: ARIOState, loss: [Double]) {
        production.append(contentsOf: state.production)
        unmetFinalDemand.append(contentsOf: state.unmetFinalDemand)
        inventoryCover.append(contentsOf: state.inventoryCover)
        limitingInput.append(contentsOf: state.limitingInput)
        capacityLoss.append(contentsOf: loss)
    }

    func result(model: ARIOModel) -> ARIOResult {
        ARIOResult(
            sectors: model.sectors, inputSectors: model.inventory.inputSectors, days: days,
            baselineOutput: model.baselineOutput, valueAddedShare: model.valueAddedShare, production: production,
            unmetFinalDemand: unmetFinalDemand, inventoryCover: inventoryCover, limitingInput: limitingInput,
            capacityLoss: capacityLoss)
    }
}
