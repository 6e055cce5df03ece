import ChainRiskCore

extension ComtradeReader {
    /// Reads Data API JSON: the records of `data`, then checks `count` and `error` of the envelope.
    func readJSON(
        _ stream: JSONRecordStream, options: ReadOptions, mapper: inout ComtradeCodeMapper, summary: inout ReadSummary,
        sink: FlowSink
    ) throws {
        var keys: [ComtradeField: String]?
        while let record = try stream.next() {
            summary.recordsRead += 1
            try record.requireFlat(format: "UN Comtrade")
            let fields = try keys ?? Self.keys(of: record, options: options)
            keys = fields
            func field(_ name: ComtradeField) -> JSONRecord.Field? { fields[name].flatMap { record.field($0) } }
            func place(_ field: JSONRecord.Field) -> SourceLocation {
                SourceLocation(file: stream.file, line: field.line, column: field.column)
            }

            let flow: FlowKind
            if let code = field(.flowCode) ?? field(.flowDesc), let text = code.value.text {
                guard let parsed = Self.withBytes(text, { mapper.flow($0) }) else {
                    summary.findings.record(Self.skippedFlow(text, at: place(code)))
                    continue
                }
                flow = parsed
            } else if let fallback = options.flow {
                flow = fallback
            } else {
                throw InputError(.badValue, "the flow is empty", at: record.location)
            }

            var classification = mapper.defaultClassification
            if let code = field(.classification), let text = code.value.text {
                guard let parsed = Self.withBytes(text, { mapper.classification($0) }) else {
                    summary.findings.record(Self.skippedClassification(text, at: place(code)))
                    continue
                }
                classification = parsed
            }

            var year = try Self.int(field(.year), file: stream.file)
            var month = 0
            if let refMonth = try Self.int(field(.month), file: stream.file) {
                guard let parsed = Self.month(refMonth: refMonth) else {
                    throw InputError(
                        .badValue, "refMonth \(refMonth) is not a month (1–12) or 52 (annual)",
                        at: record.location(of: fields[.month] ?? ""))
                }
                month = parsed
            } else if let period = try Self.int(field(.period), file: stream.file),
                let parsed = Self.yearMonth(period: period)
            {
                year = year ?? parsed.year
                month = parsed.month
            }
            guard let year = year ?? options.year else {
                throw InputError(.badValue, "the year is empty", at: record.location)
            }
            if let yearField = field(.year) ?? field(.period), yearField.value != .null {
                try InputError.checkYear(year, field: yearField.key, at: place(yearField))
            }

            let reporter: CountryCode
            if let reporterField = field(.reporterISO), let text = reporterField.value.text,
                let code = Self.withBytes(text, { mapper.reporter(code: $0, at: place(reporterField)) })
            {
                reporter = code
            } else if let code = field(.reporterCode), let numeric = try Self.int(code, file: stream.file) {
                reporter = mapper.reporter(numeric: numeric, at: place(code))
            } else if let fallback = options.reporter {
                reporter = fallback
            } else {
                throw InputError(.badValue, "the reporter is empty", at: record.location)
            }

            let partner: CountryCode
            if let iso = field(.partnerISO), let text = iso.value.text,
                let code = Self.withBytes(text, { mapper.partner(code: $0, at: place(iso)) })
            {
                partner = code
            } else if let code = field(.partnerCode), let numeric = try Self.int(code, file: stream.file) {
                partner = mapper.partner(numeric: numeric, at: place(code))
            } else {
                throw InputError(.badValue, "the partner is empty", at: record.location)
            }

            guard let text = field(.product)?.value.text,
                let product = Self.withBytes(text, { mapper.product($0, in: classification) })
            else {
                throw InputError(.badValue, "the product code (cmdCode) is empty", at: record.location)
            }
            if let problem = ProductCode.problem(with: product.code), let productField = field(.product) {
                throw InputError(
                    .badValue, "the product code in '\(productField.key)' \(problem)", at: place(productField))
            }

            let valueField = field(.value)
            let value = try Self.double(valueField, file: stream.file)
            let status = Self.valueStatus(
                value, at: valueField.map(place) ?? record.location, findings: &summary.findings)

            var quantity: Double?
            var quantityUnit: String?
            if let unit = field(.quantityUnit)?.value.text {
                quantityUnit = ComtradeQuantityUnits.unit(abbreviation: unit)
            } else if let code = try Self.int(field(.quantityUnitCode), file: stream.file) {
                quantityUnit = ComtradeQuantityUnits.abbreviations[code]
            }
            if quantityUnit != nil { quantity = try Self.double(field(.quantity), file: stream.file) }

            let tradeFlow = TradeFlow(
                year: year, month: month, reporter: reporter, partner: partner, product: product, flow: flow,
                value: value, unit: .usd, quantity: quantity, quantityUnit: quantity == nil ? nil : quantityUnit,
                status: status)
            try sink(tradeFlow, record.index)
            summary.flowsEmitted += 1
        }
        try Self.checkEnvelope(stream, summary: &summary)
    }

    /// The key used for each field, from the first record; throws when a needed key has no default.
    private static func keys(of record: JSONRecord, options: ReadOptions) throws -> [ComtradeField: String] {
        let names = record.fields.map(\.key)
        let positions = ComtradeField.locate(in: names)
        let keys = positions.mapValues { names[$0] }
        func require(_ present: Bool, _ name: String) throws {
            guard present else {
                throw InputError(.missingColumn, "the Comtrade record has no '\(name)' field", at: record.location)
            }
        }
        try require(keys[.product] != nil, "cmdCode")
        try require(keys[.value] != nil, "primaryValue")
        try require(keys[.year] != nil || keys[.period] != nil || options.year != nil, "refYear")
        try require(keys[.reporterISO] != nil || keys[.reporterCode] != nil || options.reporter != nil, "reporterISO")
        try require(keys[.partnerISO] != nil || keys[.partnerCode] != nil, "partnerISO")
        try require(keys[.flowCode] != nil || keys[.flowDesc] != nil || options.flow != nil, "flowCode")
        return keys
    }

    /// Checks the envelope: a `data` array must exist, `error` must be empty, `count` must match the records.
    private static func checkEnvelope(_ stream: JSONRecordStream, summary: inout ReadSummary) throws {
        let start = SourceLocation(file: stream.file, line: 1, column: 1)
        let error = (stream.topLevel["error"]?.text ?? stream.topLevel["message"]?.text ?? "").trimmingASCIIWhitespace()
        guard stream.foundArray else {
            let said = error.isEmpty ? "" : "; the response says: \(error)"
            throw InputError(.badStructure, "the JSON has no 'data' array of records\(said)", at: start)
        }
        if !error.isEmpty {
            guard stream.recordCount > 0 else {
                throw InputError(.badStructure, "the Comtrade API answered with an error: \(error)", at: start)
            }
            summary.findings.record(
                Finding(.skippedRow, "the response reports an error (\(error)); records may be missing", at: start))
        }
        if let count = stream.topLevel["count"]?.int, count != stream.recordCount {
            summary.findings.record(
                Finding(
                    .skippedRow,
                    "the response declares count \(count) but holds \(stream.recordCount) record(s): it is truncated or one page of several",
                    at: start))
        }
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = text
        return try copy.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    /// A field as a number: JSON numbers, numeric strings; nil for absent, `null`, blank or `NA`.
    private static func double(_ field: JSONRecord.Field?, file: String) throws -> Double? {
        guard let field else { return nil }
        switch field.value {
        case .null: return nil
        case .number(let number): return number.double
        case .string(let text):
            if withBytes(text, isMissingMarker) { return nil }
            if let value = NumberParser.double(text) { return value }
        case .bool: break
        }
        throw InputError.badNumber(
            field.value.text ?? "", column: field.key,
            at: SourceLocation(file: file, line: field.line, column: field.column))
    }

    /// A field as an integer (integral numbers or numeric strings); nil for absent, `null` or blank.
    private static func int(_ field: JSONRecord.Field?, file: String) throws -> Int? {
        guard let field else { return nil }
        switch field.value {
        case .null: return nil
        case .number(let number):
            if let int = number.int ?? Int(exactly: number.double) { return int }
        case .string(let text):
            if withBytes(text, isMissingMarker) { return nil }
            if let int = Int(text.trimmingASCIIWhitespace()) { return int }
        case .bool: break
        }
        throw InputError.badNumber(
            field.value.text ?? "", column: field.key,
            at: SourceLocation(file: file, line: field.line, column: field.column))
    }
}
