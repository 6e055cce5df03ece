import ChainRiskCore

extension CBSReader {
    /// Reads an OData v3 TypedDataSet: the records of `value`; notes a paged feed (`odata.nextLink`, or v4's
    /// `@odata.nextLink`) unless its pages are followed.
    func readJSON(
        _ stream: JSONRecordStream, mapper: inout CBSRecordMapper, output: Output, summary: inout ReadSummary,
        sink: FlowSink
    ) throws {
        var roles: [String: CBSColumnRole] = [:]
        while let record = try stream.next() {
            summary.recordsRead += 1
            try record.requireFlat(format: "CBS StatLine")
            func place(_ field: JSONRecord.Field) -> SourceLocation {
                SourceLocation(file: stream.file, line: field.line, column: field.column)
            }
            var partnerField: JSONRecord.Field?
            var productField: JSONRecord.Field?
            var periodField: JSONRecord.Field?
            for field in record.fields {
                let role: CBSColumnRole
                if let known = roles[field.key] {
                    role = known
                } else {
                    role = mapper.role(of: field.key, at: place(field), findings: &summary.findings)
                    roles[field.key] = role
                }
                switch role {
                case .partner: partnerField = field
                case .product: productField = field
                case .period: periodField = field
                case .measure, .ignored: break
                }
            }
            guard let periodField, let periodText = periodField.value.text else {
                throw InputError(.missingColumn, "the record has no 'Perioden' value", at: record.location)
            }
            guard
                let (year, month, provisional) = try mapper.period(
                    periodText, at: place(periodField), findings: &summary.findings)
            else {
                continue
            }
            try InputError.checkYear(year, field: periodField.key, at: place(periodField))
            guard let partnerField, let partnerText = partnerField.value.text,
                let partner = mapper.partner(partnerText, at: place(partnerField))
            else {
                throw InputError(.missingColumn, "the record has no 'Landen' value", at: record.location)
            }
            let product =
                productField.flatMap { field in field.value.text.map { mapper.product($0, at: place(field)) } }
                ?? .total(in: mapper.classification)
            let key = RecordKey(year: year, month: month, provisional: provisional, partner: partner, product: product)
            for field in record.fields {
                guard case .measure(let flow) = roles[field.key] else { continue }
                let cell = try Self.cell(field, file: stream.file)
                try Self.emit(
                    cell, flow: flow, measure: field.key, key: key, at: place(field), index: record.index,
                    output: output, summary: &summary, sink: sink)
            }
        }
        let start = SourceLocation(file: stream.file, line: 1, column: 1)
        guard stream.foundArray else {
            throw InputError(.badStructure, "the JSON has no 'value' array: not an OData TypedDataSet", at: start)
        }
        if !pagesFollowed, (stream.topLevel["odata.nextLink"] ?? stream.topLevel["@odata.nextLink"])?.string != nil {
            summary.findings.record(
                Finding(
                    .skippedRow,
                    "the file is one page of a paged OData feed (odata.nextLink is set): later pages are not in it",
                    at: start))
        }
    }

    /// A JSON measure value: numbers, `null` (suppressed), or text cells as in the untyped data set.
    private static func cell(_ field: JSONRecord.Field, file: String) throws -> CBSCell {
        switch field.value {
        case .number(let number): return .value(number.double)
        case .null: return .suppressed
        case .string(let text):
            var copy = text
            if let cell = copy.withUTF8({ CBSCell.parse(UnsafeRawBufferPointer($0)) }) { return cell }
        case .bool: break
        }
        throw InputError.badNumber(
            field.value.text ?? "", column: field.key,
            at: SourceLocation(file: file, line: field.line, column: field.column))
    }

    /// Reads a StatLine CSV: `;`-separated, header of OData property names, `.` for suppressed cells.
    func readCSV(
        _ csv: CSVReader, mapper: inout CBSRecordMapper, output: Output, summary: inout ReadSummary, sink: FlowSink
    ) throws {
        let header = try csv.readHeader()
        let roles = header.indices.map {
            mapper.role(of: header[$0], at: csv.location($0), findings: &summary.findings)
        }
        let start = SourceLocation(file: csv.file, line: 1, column: 1)
        guard let periodColumn = roles.firstIndex(of: .period) else {
            throw InputError(.missingColumn, "the CBS header has no 'Perioden' column", at: start)
        }
        guard let partnerColumn = roles.firstIndex(of: .partner) else {
            throw InputError(.missingColumn, "the CBS header has no 'Landen' column", at: start)
        }
        let productColumn = roles.firstIndex(of: .product)
        let measures: [(column: Int, flow: FlowKind)] = roles.indices.compactMap { column in
            if case .measure(let flow) = roles[column] { return (column, flow) }
            return nil
        }
        while try csv.nextRecord() {
            try csv.requireFieldCount(header.count)
            summary.recordsRead += 1
            let periodText = csv.string(periodColumn)
            guard
                let (year, month, provisional) = try mapper.period(
                    periodText, at: csv.location(periodColumn), findings: &summary.findings)
            else {
                continue
            }
            try InputError.checkYear(year, field: "Perioden", at: csv.location(periodColumn))
            guard let partner = mapper.partner(csv.string(partnerColumn), at: csv.location(partnerColumn)) else {
                throw InputError(.badValue, "the Landen cell is empty", at: csv.location(partnerColumn))
            }
            let product =
                productColumn.map { mapper.product(csv.string($0), at: csv.location($0)) }
                ?? .total(in: mapper.classification)
            let key = RecordKey(year: year, month: month, provisional: provisional, partner: partner, product: product)
            for (column, flow) in measures {
                guard let cell = csv.withBytes(column, CBSCell.parse) else {
                    throw InputError.badNumber(csv.string(column), column: header[column], at: csv.location(column))
                }
                try Self.emit(
                    cell, flow: flow, measure: header[column], key: key, at: csv.location(column), index: csv.line,
                    output: output, summary: &summary, sink: sink)
            }
        }
    }
}
