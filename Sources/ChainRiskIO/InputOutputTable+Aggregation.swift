public import ChainRiskCore

extension InputOutputTable {
    /// The table with regions and/or sectors merged by concordances: Z, Y and x are summed over each group.
    ///
    /// Regions come in the region concordance's group order (else the table's order), sectors in the sector
    /// concordance's group order (else their first appearance); final-demand columns are merged by region group and
    /// category. Every region (sector) of the table must be listed when its concordance is given.
    /// - Complexity: O(n² + n·k) for n sectors and k final-demand columns.
    public func aggregated(regions regionMap: IOConcordance? = nil, sectors sectorMap: IOConcordance? = nil)
        throws(IOError) -> InputOutputTable
    {
        func regionGroup(_ region: String) throws(IOError) -> String {
            guard let regionMap else { return region }
            guard let group = regionMap.group(of: region) else { throw .missingFromConcordance(region, kind: "region") }
            return group
        }
        func sectorGroup(_ sector: String) throws(IOError) -> String {
            guard let sectorMap else { return sector }
            guard let group = sectorMap.group(of: sector) else { throw .missingFromConcordance(sector, kind: "sector") }
            return group
        }
        var mapped: [IOSectorLabel] = []
        for label in sectors {
            mapped.append(IOSectorLabel(region: try regionGroup(label.region), sector: try sectorGroup(label.sector)))
        }
        let present = Set(mapped)
        let regionOrder = regionMap?.groups ?? Self.firstAppearance(mapped.map(\.region))
        let sectorOrder = sectorMap?.groups ?? Self.firstAppearance(mapped.map(\.sector))
        let newSectors = regionOrder.flatMap { region in
            sectorOrder.compactMap { sector in
                let label = IOSectorLabel(region: region, sector: sector)
                return present.contains(label) ? label : nil
            }
        }
        var position: [IOSectorLabel: Int] = [:]
        for (index, label) in newSectors.enumerated() { position[label] = index }
        let rowTarget = mapped.map { position[$0] ?? 0 }

        var mappedColumns: [FinalDemandLabel] = []
        for column in finalDemandColumns {
            mappedColumns.append(
                FinalDemandLabel(
                    region: column.region.isEmpty ? "" : try regionGroup(column.region), category: column.category))
        }
        let presentColumns = Set(mappedColumns)
        let columnRegions = Self.firstAppearance((regionMap?.groups ?? []) + mappedColumns.map(\.region))
        let categories = Self.firstAppearance(mappedColumns.map(\.category))
        let newColumns = columnRegions.flatMap { region in
            categories.compactMap { category in
                let label = FinalDemandLabel(region: region, category: category)
                return presentColumns.contains(label) ? label : nil
            }
        }
        var columnPosition: [FinalDemandLabel: Int] = [:]
        for (index, label) in newColumns.enumerated() { columnPosition[label] = index }
        let columnTarget = mappedColumns.map { columnPosition[$0] ?? 0 }

        let n = sectorCount
        let m = newSectors.count
        var newIntermediate = [Double](repeating: 0, count: m * m)
        for j in 0..<n {
            let targetBase = rowTarget[j] * m
            for i in 0..<n { newIntermediate[targetBase + rowTarget[i]] += intermediate.values[j * n + i] }
        }
        var newFinalDemand = [Double](repeating: 0, count: m * newColumns.count)
        for k in 0..<finalDemandColumns.count {
            let targetBase = columnTarget[k] * m
            for i in 0..<n { newFinalDemand[targetBase + rowTarget[i]] += finalDemand.values[k * n + i] }
        }
        var newOutput = [Double](repeating: 0, count: m)
        for i in 0..<n { newOutput[rowTarget[i]] += grossOutput[i] }
        return try InputOutputTable(
            sectors: newSectors, intermediate: Matrix(rows: m, columns: m, columnMajor: newIntermediate),
            finalDemand: Matrix(rows: m, columns: newColumns.count, columnMajor: newFinalDemand),
            finalDemandColumns: newColumns, grossOutput: newOutput, unit: unit)
    }

    /// Each value once, in order of first appearance.
    static func firstAppearance(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
