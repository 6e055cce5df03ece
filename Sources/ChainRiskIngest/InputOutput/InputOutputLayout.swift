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
    /// OECD ICIO, editions 2016–2023: one CSV, `CCC_IND` labels, final demand, taxes, value added and output.
    case icio
    /// Eurostat FIGARO's matrix CSV: first column `rowLabels`, `CC_CODE` labels, EUR million.
    case figaro
    /// Eurostat FIGARO's flat file: `icsupRow,icsupCol,refArea,rowPi,counterpartArea,colPi,obsValue`.
    case figaroFlat = "figaro-flat"
    /// An EXIOBASE 3 folder: `A.txt` or `Z.txt`, `Y.txt`, `x.txt`, `unit.txt`.
    case exiobase
    /// Eora26's headerless `Eora26_YYYY_bp_{T,FD,VA}.txt` with `labels_*.txt`, thousand USD.
    case eora26

    /// What `chainrisk io --help` says about reading a table and its layouts.
    public static let discussion = """
        Every subcommand reads a table with --mrio PATH (the intermediate-flows file; final demand and gross \
        output are found beside it by name, or given with --final-demand and --gross-output). Layouts: WIOD \
        matrix CSV (…_Z.csv), WIOD long CSV (…_Z_long.csv.gz), pymrio text (trade_flows_Z.txt), national \
        symmetric tables (IO_BE_NACE64.csv with other_accounts_BE_NACE64.csv), OECD ICIO 2016–2023 (one CSV; \
        CN1/CN2 and MX1/MX2 folded into CHN and MEX), Eurostat FIGARO (matrix CSV or flat file; two-letter \
        codes read as ISO3), an EXIOBASE 3 folder (A.txt or Z.txt, Y.txt, x.txt, unit.txt) and Eora26 \
        (Eora26_YYYY_bp_T.txt with _FD, _VA and labels_*.txt); a release zip is read as it comes (IOT_2020_ixi.zip, \
        ICIO2018_2010.zip; name one member of several as archive.zip:MEMBER); --layout overrides detection.
        """

    /// The name users read (`io validate` names it).
    public var title: String {
        switch self {
        case .matrixCSV: "WIOD matrix CSV"
        case .longCSV: "long CSV"
        case .pymrioText: "pymrio text"
        case .nationalTable: "national symmetric table"
        case .icio: "OECD ICIO"
        case .figaro: "Eurostat FIGARO matrix CSV"
        case .figaroFlat: "Eurostat FIGARO flat file"
        case .exiobase: "EXIOBASE 3"
        case .eora26: "Eora26"
        }
    }

    /// The layout of an intermediate-flows file, from its name and first line.
    ///
    /// `Eora26_…_T.txt` is Eora26; `A.txt`/`Z.txt` starting `region` is EXIOBASE; a tab-separated line starting with
    /// empty label cells is pymrio's; a first cell `row_country` is long CSV, `icsupRow` FIGARO's flat file,
    /// `rowLabels` FIGARO's matrix; an empty first cell followed by `CCC_…` labels is ICIO, by plain codes a national
    /// table; anything else (first cell `row`) is matrix CSV.
    public static func detect(_ file: InputFile) throws -> InputOutputLayout {
        let name = file.displayName.split(separator: "/").last.map(String.init) ?? file.displayName
        if name.hasPrefix("Eora26_") && name.hasSuffix("_T.txt") { return .eora26 }
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
        let text = String(decoding: line, as: UTF8.self)
        if (name == "A.txt" || name == "Z.txt") && text.hasPrefix("region\t") { return .exiobase }
        let cells = text.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: " \"")
        }
        switch cells.first ?? "" {
        case "row_country": return .longCSV
        case "icsupRow": return .figaroFlat
        case "rowLabels": return .figaro
        case "":
            let second = cells.count > 1 ? cells[1] : ""
            return second.firstMatch(of: /^[A-Z0-9]{3}_/) != nil ? .icio : .nationalTable
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
