import ArgumentParser
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport
import Foundation

/// `chainrisk io aggregate`: merges regions and/or sectors with concordances and writes matrix-CSV files.
struct IOAggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Aggregate regions and/or sectors with a concordance; write the table as matrix CSV.",
        discussion: """
            A concordance has two columns, code and group (comma- or tab-separated, with or without a header), \
            e.g. ../shared/data/wiod2013/wiod2013_2011_nld11_region_map.csv. Z, Y and x are summed over each group; \
            groups come in the concordance's order. Writes DIR/NAME_Z.csv, DIR/NAME_Y.csv and DIR/NAME_x.csv, which \
            `--mrio DIR/NAME_Z.csv` reads back, and prints the files written with their SHA-256.
            """
    )

    @OptionGroup var table: InputOutputOptions

    @Option(help: ArgumentHelp("Concordance of regions to region groups.", valueName: "path"))
    var regions: String?

    @Option(help: ArgumentHelp("Concordance of sectors to sector groups.", valueName: "path"))
    var sectors: String?

    @Option(help: ArgumentHelp("Directory to write the aggregated table to (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "File name prefix of the written files.")
    var name: String = "aggregated"

    func validate() throws {
        if regions == nil && sectors == nil { throw ValidationError("give --regions and/or --sectors") }
        if name.isEmpty || name.contains("/") { throw ValidationError("--name must be a plain file-name prefix") }
    }

    func run() throws {
        let loaded = try table.load()
        let source = loaded.table
        let regionMap = try regions.map {
            try ConcordanceFileReader.read(InputFile(path: $0), knownCodes: Set(source.sectors.map(\.region)))
        }
        let sectorMap = try sectors.map {
            try ConcordanceFileReader.read(InputFile(path: $0), knownCodes: Set(source.sectors.map(\.sector)))
        }
        let aggregated = try source.aggregated(regions: regionMap, sectors: sectorMap)
        let files = MatrixCSVWriter.tableFiles(aggregated)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw UsageError(message: "cannot create \(output): \(error.localizedDescription)")
        }
        var report = "aggregated \(source.sectorCount) sectors (\(source.regions.count) regions) into \(aggregated.sectorCount) (\(aggregated.regions.count) regions)\n"
        for (suffix, bytes) in [("Z", files.intermediate), ("Y", files.finalDemand), ("x", files.grossOutput)] {
            let path = output + "/" + name + "_" + suffix + ".csv"
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } catch {
                throw UsageError(message: "cannot write \(path): \(error.localizedDescription)")
            }
            report += "wrote \(path) sha256 \(FileDigest.sha256(bytes: bytes))\n"
        }
        FileOutput.standardOutput.write(report)
    }
}
