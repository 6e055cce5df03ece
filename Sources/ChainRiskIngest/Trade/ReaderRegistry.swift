import ChainRiskCore

/// The reader for each source format.
public enum ReaderRegistry {
    /// A reader instance for `format`.
    public static func reader(for format: SourceFormat) -> any TradeReader {
        switch format {
        case .comtrade: ComtradeReader()
        case .baci: BACIReader()
        case .cbs: CBSReader()
        case .comext: ComextReader()
        case .canonical: CanonicalCSVReader()
        case .csv: MappedCSVReader()
        }
    }
}
