import ChainRiskCore

/// The file layouts chainrisk reads input-output tables from.
public enum InputOutputLayout: String, Sendable, CaseIterable {
    /// Square CSV, first column `row` = combined label (`NLD_c1`), header = column labels (WIOD matrix files).
    case matrixCSV = "matrix-csv"
    /// Sparse long CSV, one non-zero cell a line: `row_country,row_industry,col_country,col_industry,value`
    /// (final demand: `…,col_country,fd_category,value`; gross output: `country,industry,value`), optionally gzip.
    case longCSV = "long-csv"
    /// pymrio's text files: tab-separated, header rows region and sector (or category), label columns region,
    /// sector and unit (`trade_flows_Z.txt`, `finald_demand_Y.txt`, optional `factor_input.txt`).
    case pymrioText = "pymrio-text"
    /// A national symmetric table: CSV with an empty corner cell and codes as labels (`IO_BE_NACE64.csv`), with
    /// final demand and sectoral output as columns of an accounts file (`other_accounts_BE_NACE64.csv`).
    case nationalTable = "national"

    /// The layout of an intermediate-flows file, from its first line.
    ///
    /// A tab-separated line starting with empty label cells is pymrio's; a first cell `row_country` is long CSV; an
    /// empty first cell is a national table; anything else (first cell `row`) is matrix CSV.
    public static func detect(_ file: InputFile) throws -> InputOutputLayout {
        var source = try file.open()
        var head = [UInt8](repeating: 0, count: 4096)
        let count = try head.withUnsafeMutableBytes { try source.read(into: $0) }
        var line = head.prefix(count)
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if let end = line.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) { line = line[..<end] }
        guard !line.isEmpty else {
            throw InputError(
                .emptyFile, "the intermediate-flows file is empty",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        if line.first == 0x09 { return .pymrioText }
        let firstCell = String(decoding: line.prefix { $0 != 0x2C && $0 != 0x09 && $0 != 0x3B }, as: UTF8.self)
        switch firstCell.trimmingCharacters(in: " \"") {
        case "row_country": return .longCSV
        case "": return .nationalTable
        default: return .matrixCSV
        }
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
