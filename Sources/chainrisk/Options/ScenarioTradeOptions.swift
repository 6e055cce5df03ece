import ArgumentParser

/// Where `scenario --model direct` reads import flows: a stored dataset or files, and which of them.
struct ScenarioTradeOptions: ParsableArguments {
    @Option(help: "A stored dataset of imports by partner and HS product (see `chainrisk datasets`).")
    var dataset: String?

    @Option(parsing: .singleValue, help: "Trade files read directly (repeatable).")
    var input: [String] = []

    @OptionGroup(title: "Reading --input files") var reading: InputReadArguments

    @Option(
        parsing: .singleValue, help: "Flows of these years, summed (repeatable; default: the latest year in the data).")
    var year: [Int] = []

    @OptionGroup var store: StoreOptions
}
