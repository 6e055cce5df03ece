import ChainRiskCore

extension ComtradeReader {
    /// Where each value of a row comes from: a column, or a default from the options.
    private struct CSVColumns {
        var year: Int?
        var month: Int?
        var period: Int?
        var reporterISO: Int?
        var reporterCode: Int?
        var partnerISO: Int?
        var partnerCode: Int?
        var flow: Int?
        var classification: Int?
        var quantity: Int?
        var quantityUnit: Int?
        var quantityUnitCode: Int?
        let product: Int
        let value: Int
    }

    /// Reads the CSV variants (API camelCase, comtradr snake_case, subsets, bulk), row by row.
    func readCSV(
        _ csv: CSVReader, options: ReadOptions, mapper: inout ComtradeCodeMapper, summary: inout ReadSummary,
        sink: FlowSink
    ) throws {
        let header = try csv.readHeader()
        let columns = try Self.columns(header: header, options: options, file: csv.file)
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            summary.recordsRead += 1

            let flow: FlowKind
            if let column = columns.flow {
                guard let parsed = csv.withBytes(column, { mapper.flow($0) }) else {
                    if csv.isBlank(column) {
                        throw InputError(.badValue, "the flow ('\(header[column])') is empty", at: csv.location(column))
                    }
                    summary.findings.record(
                        Self.skippedFlow(csv.string(column).trimmingASCIIWhitespace(), at: csv.location(column)))
                    continue
                }
                flow = parsed
            } else if let fallback = options.flow {
                flow = fallback
            } else {
                throw InputError(.missingColumn, "the Comtrade header has no 'flowCode' column", at: csv.recordLocation)
            }

            var classification = mapper.defaultClassification
            if let column = columns.classification {
                guard let parsed = csv.withBytes(column, { mapper.classification($0) }) else {
                    summary.findings.record(
                        Self.skippedClassification(
                            csv.string(column).trimmingASCIIWhitespace(), at: csv.location(column)))
                    continue
                }
                classification = parsed
            }

            let (year, month) = try Self.period(csv, columns: columns, options: options, names: header)

            let reporter: CountryCode
            if let column = columns.reporterISO,
                let code = csv.withBytes(column, { mapper.reporter(code: $0, at: csv.location(column)) })
            {
                reporter = code
            } else if let column = columns.reporterCode, let numeric = try csv.int(column, name: header[column]) {
                reporter = mapper.reporter(numeric: numeric, at: csv.location(column))
            } else if let code = options.reporter {
                reporter = code
            } else {
                throw InputError(.badValue, "the reporter is empty", at: csv.recordLocation)
            }

            let partner: CountryCode
            if let column = columns.partnerISO,
                let code = csv.withBytes(column, { mapper.partner(code: $0, at: csv.location(column)) })
            {
                partner = code
            } else if let column = columns.partnerCode, let numeric = try csv.int(column, name: header[column]) {
                partner = mapper.partner(numeric: numeric, at: csv.location(column))
            } else {
                throw InputError(.badValue, "the partner is empty", at: csv.recordLocation)
            }

            guard let product = csv.withBytes(columns.product, { mapper.product($0, in: classification) }) else {
                throw InputError(
                    .badValue, "the product code ('\(header[columns.product])') is empty",
                    at: csv.location(columns.product))
            }
            if let problem = ProductCode.problem(with: product.code) {
                throw InputError(
                    .badValue, "the product code in '\(header[columns.product])' \(problem)",
                    at: csv.location(columns.product))
            }

            let value: Double? =
                try csv.withBytes(columns.value, { Self.isMissingMarker($0) })
                ? nil : csv.double(columns.value, name: header[columns.value])
            let status = Self.valueStatus(value, at: csv.location(columns.value), findings: &summary.findings)

            var quantity: Double?
            var quantityUnit: String?
            if let column = columns.quantity, !csv.withBytes(column, { Self.isMissingMarker($0) }) {
                if let unitColumn = columns.quantityUnit {
                    quantityUnit = ComtradeQuantityUnits.unit(abbreviation: csv.string(unitColumn))
                } else if let unitColumn = columns.quantityUnitCode,
                    let code = try csv.int(unitColumn, name: header[unitColumn])
                {
                    quantityUnit = ComtradeQuantityUnits.abbreviations[code]
                }
                if quantityUnit != nil { quantity = try csv.double(column, name: header[column]) }
            }

            let tradeFlow = TradeFlow(
                year: year, month: month, reporter: reporter, partner: partner, product: product, flow: flow,
                value: value, unit: .usd, quantity: quantity, quantityUnit: quantity == nil ? nil : quantityUnit,
                status: status)
            try sink(tradeFlow, csv.line)
            summary.flowsEmitted += 1
        }
    }

    /// Finds the columns of a header and checks that every value has a column or a default.
    private static func columns(header: [String], options: ReadOptions, file: String) throws -> CSVColumns {
        let found = ComtradeField.locate(in: header)
        let start = SourceLocation(file: file, line: 1, column: 1)
        func missing(_ name: String) -> InputError {
            InputError(.missingColumn, "the Comtrade header has no '\(name)' column", at: start)
        }
        guard let product = found[.product] else { throw missing("cmdCode") }
        guard let value = found[.value] else { throw missing("primaryValue") }
        var columns = CSVColumns(product: product, value: value)
        columns.year = found[.year]
        columns.month = found[.month]
        columns.period = found[.period]
        columns.reporterISO = found[.reporterISO]
        columns.reporterCode = found[.reporterCode]
        columns.partnerISO = found[.partnerISO]
        columns.partnerCode = found[.partnerCode]
        columns.flow = found[.flowCode] ?? found[.flowDesc]
        columns.classification = found[.classification]
        columns.quantity = found[.quantity]
        columns.quantityUnit = found[.quantityUnit]
        columns.quantityUnitCode = found[.quantityUnitCode]
        if columns.year == nil && columns.period == nil && options.year == nil { throw missing("refYear") }
        if columns.reporterISO == nil && columns.reporterCode == nil && options.reporter == nil {
            throw missing("reporterISO")
        }
        if columns.partnerISO == nil && columns.partnerCode == nil { throw missing("partnerISO") }
        if columns.flow == nil && options.flow == nil { throw missing("flowCode") }
        return columns
    }

    /// Year and month of the current row, from `refYear`/`refMonth`, `period`, or the options.
    private static func period(_ csv: CSVReader, columns: CSVColumns, options: ReadOptions, names: [String]) throws -> (
        Int, Int
    ) {
        var year: Int?
        var month = 0
        if let column = columns.year {
            year = try csv.int(column, name: names[column])
        }
        if let column = columns.month, let refMonth = try csv.int(column, name: names[column]) {
            guard let parsed = Self.month(refMonth: refMonth) else {
                throw InputError(
                    .badValue, "refMonth \(refMonth) is not a month (1–12) or 52 (annual)", at: csv.location(column))
            }
            month = parsed
        } else if let column = columns.period, let period = try csv.int(column, name: names[column]) {
            guard let parsed = Self.yearMonth(period: period) else {
                throw InputError(.badValue, "period \(period) is not YYYY or YYYYMM", at: csv.location(column))
            }
            year = year ?? parsed.year
            month = parsed.month
        }
        guard let result = year ?? options.year else {
            throw InputError(.badValue, "the year is empty", at: csv.location(columns.year ?? columns.period ?? 0))
        }
        if let column = columns.year ?? columns.period, year != nil {
            try InputError.checkYear(result, field: names[column], at: csv.location(column))
        }
        return (result, month)
    }
}
