/// One sector's accounts: what it delivers (row) and what it uses (column) against its gross output.
public struct SectorBalance: Sendable, Hashable {
    public var sector: IOSectorLabel
    public var grossOutput: Double
    /// Σⱼ Zᵢⱼ + Σₖ Yᵢₖ: intermediate and final deliveries of the sector.
    public var deliveries: Double
    /// vⱼ = xⱼ − Σᵢ Zᵢⱼ.
    public var valueAdded: Double

    public init(sector: IOSectorLabel, grossOutput: Double, deliveries: Double, valueAdded: Double) {
        self.sector = sector
        self.grossOutput = grossOutput
        self.deliveries = deliveries
        self.valueAdded = valueAdded
    }

    /// Deliveries − gross output.
    public var rowImbalance: Double { deliveries - grossOutput }

    /// The row imbalance as a fraction of gross output (0 for an empty sector, infinite for deliveries without output).
    public var relativeRowImbalance: Double {
        if grossOutput != 0 { return rowImbalance / abs(grossOutput) }
        return rowImbalance == 0 ? 0 : .infinity
    }
}

extension InputOutputTable {
    /// The row and column accounts of every sector, in table order.
    public func sectorBalances() -> [SectorBalance] {
        let deliveries = zip(intermediate.rowSums(), finalDemand.rowSums()).map { $0 + $1 }
        let added = valueAdded
        return sectors.indices.map { index in
            SectorBalance(
                sector: sectors[index], grossOutput: grossOutput[index], deliveries: deliveries[index],
                valueAdded: added[index])
        }
    }

    /// Balance problems as findings, in table order.
    ///
    /// - `imbalance`: a row whose deliveries differ from gross output by more than `tolerance` (relative), a column
    ///   whose value added is negative (inputs exceed output), or, with `reportedValueAdded`, a column whose inputs
    ///   plus reported value added differ from gross output by more than `tolerance`;
    /// - `zero_output`: a sector without gross output (its coefficients are 0, not NaN);
    /// - `negative_value`: a negative intermediate flow (negative final demand, e.g. inventory changes, is normal),
    ///   at the cell's place in its file when `cellLocation(i, j)` knows it.
    public func balanceFindings(
        tolerance: Double = 0.01, reportedValueAdded: [Double]? = nil,
        cellLocation: (Int, Int) -> SourceLocation? = { _, _ in nil }
    ) -> [Finding] {
        var findings: [Finding] = []
        let inputs = intermediate.columnSums()
        for (index, balance) in sectorBalances().enumerated() {
            let label = balance.sector.combined
            if balance.grossOutput == 0 {
                findings.append(
                    Finding(
                        .zeroOutput,
                        "\(label): gross output is 0, deliveries \(Self.figure(balance.deliveries)); its coefficients are set to 0"
                    ))
                continue
            }
            if abs(balance.relativeRowImbalance) > tolerance {
                findings.append(
                    Finding(
                        .imbalance,
                        "row \(label): deliveries \(Self.figure(balance.deliveries)) vs gross output \(Self.figure(balance.grossOutput)) (\(Self.percent(balance.relativeRowImbalance)))"
                    ))
            }
            if balance.valueAdded < 0 {
                findings.append(
                    Finding(
                        .imbalance,
                        "column \(label): intermediate inputs \(Self.figure(inputs[index])) exceed gross output \(Self.figure(balance.grossOutput)); value added \(Self.figure(balance.valueAdded)) (\(Self.percent(balance.valueAdded / abs(balance.grossOutput))))"
                    ))
            }
            if let reportedValueAdded {
                let columnTotal = inputs[index] + reportedValueAdded[index]
                let relative = (columnTotal - balance.grossOutput) / abs(balance.grossOutput)
                if abs(relative) > tolerance {
                    findings.append(
                        Finding(
                            .imbalance,
                            "column \(label): inputs plus reported value added \(Self.figure(columnTotal)) vs gross output \(Self.figure(balance.grossOutput)) (\(Self.percent(relative)))"
                        ))
                }
            }
        }
        let n = sectorCount
        for j in 0..<n {
            for i in 0..<n where intermediate.values[j * n + i] < 0 {
                findings.append(
                    Finding(
                        .negativeValue,
                        "intermediate flow \(sectors[i].combined) → \(sectors[j].combined) is \(Self.figure(intermediate.values[j * n + i]))",
                        at: cellLocation(i, j)))
            }
        }
        return findings
    }

    /// A value rounded to one decimal, locale-free.
    static func figure(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : "\(rounded)"
    }

    /// A fraction as a signed percentage with two decimals.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "no output" }
        let rounded = (fraction * 10_000).rounded() / 100
        return (rounded > 0 ? "+" : "") + "\(rounded) %"
    }
}
