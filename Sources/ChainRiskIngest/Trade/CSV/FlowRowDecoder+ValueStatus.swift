import ChainRiskCore

extension FlowRowDecoder {
    /// The value and its status from the `value` and optional `status` cells, by the rules in `FlowRowDecoder`.
    func valueAndStatus(_ csv: CSVReader, _ findings: inout FindingLog) throws -> (Double?, ValueStatus) {
        guard let valueColumn = columns.value else {
            throw InputError(.missingColumn, "no column for 'value'", at: csv.recordLocation)
        }
        let value = try csv.double(valueColumn, name: header[valueColumn])
        var status: ValueStatus?
        if let statusColumn = columns.status, !csv.isBlank(statusColumn) {
            let token = csv.string(statusColumn).trimmingASCIIWhitespace().lowercased()
            guard let parsed = ValueStatus(rawValue: token) else {
                throw bad("a status (reported, suppressed, missing, nil, provisional)", statusColumn, csv)
            }
            status = parsed
        }
        let place = csv.location(valueColumn)
        switch (value, status) {
        case (let number?, nil), (let number?, .reported?), (let number?, .provisional?):
            if number < 0 {
                findings.record(Finding(.negativeValue, "negative value \(number) kept as given", at: place))
            }
            return (number, status ?? .reported)
        case (let number?, .nil?):
            guard number == 0 else {
                throw InputError(.badValue, "status 'nil' means a true zero, but the value is \(number)", at: place)
            }
            return (0, .nil)
        case (_?, let given?):
            throw InputError(.badValue, "status '\(given.rawValue)' has no value, but a value is given", at: place)
        case (nil, nil), (nil, .missing?):
            findings.record(Finding(.missingValue, "empty value; flow kept with status missing", at: place))
            return (nil, .missing)
        case (nil, .suppressed?):
            findings.record(Finding(.suppressedCell, "value suppressed at the source", at: place))
            return (nil, .suppressed)
        case (nil, .nil?):
            return (0, .nil)
        case (nil, let given?):
            throw InputError(.badValue, "status '\(given.rawValue)' needs a value, but the value is empty", at: place)
        }
    }
}
