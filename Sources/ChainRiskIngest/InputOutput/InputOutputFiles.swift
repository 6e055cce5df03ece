import ChainRiskCore
import Foundation

/// The files of one input-output table: intermediate flows, and final demand and gross output found beside them.
///
/// `--mrio` names the intermediate-flows file; the others follow the layout's naming (`…_Z.csv` → `…_Y.csv` and
/// `…_x.csv`; `…_Z_long.csv.gz` → `…_Y_long.csv.gz` and `…_x.csv`) unless given explicitly.
public struct InputOutputFiles: Sendable, Hashable {
    public var intermediate: InputFile
    public var finalDemand: InputFile
    public var grossOutput: InputFile?
    /// Value added as reported beside the flows (pymrio's `factor_input.txt`), used only for the column check.
    public var valueAdded: InputFile?

    public init(intermediate: InputFile, finalDemand: InputFile, grossOutput: InputFile?, valueAdded: InputFile? = nil)
    {
        self.intermediate = intermediate
        self.finalDemand = finalDemand
        self.grossOutput = grossOutput
        self.valueAdded = valueAdded
    }

    /// Every file of the table, intermediate flows first.
    public var all: [InputFile] {
        [intermediate, finalDemand] + [grossOutput, valueAdded].compactMap { $0 }
    }

    /// Resolves the sibling files of `intermediatePath`; explicit paths win. Throws `.missingFile` for a file that
    /// does not exist, naming the path it looked for.
    public static func resolve(
        intermediatePath: String,
        finalDemandPath: String? = nil,
        grossOutputPath: String? = nil
    ) throws -> InputOutputFiles {
        let fileManager = FileManager.default
        func existing(_ path: String, role: String) throws -> InputFile {
            guard fileManager.fileExists(atPath: path) else {
                throw InputError(.missingFile, "\(role) file not found: \(path)", at: nil)
            }
            return try InputFile.named(path)
        }
        if let zipped = try zipped(intermediatePath, finalDemandPath: finalDemandPath) { return zipped }
        var intermediatePath = intermediatePath
        // An EXIOBASE folder stands for its flows: Z.txt where the release has it, else the coefficients A.txt.
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: intermediatePath, isDirectory: &isFolder), isFolder.boolValue {
            let folder = intermediatePath.hasSuffix("/") ? String(intermediatePath.dropLast()) : intermediatePath
            guard let found = ["Z.txt", "A.txt"].map({ folder + "/" + $0 }).first(where: fileManager.fileExists)
            else {
                throw InputError(
                    .missingFile, "\(intermediatePath) is a folder without Z.txt or A.txt (an EXIOBASE 3 table)",
                    at: nil)
            }
            intermediatePath = found
        }
        let intermediate = try existing(intermediatePath, role: "intermediate-flows")
        // One-file tables (ICIO, FIGARO) hold their final demand beside the flows.
        let singleFile =
            try finalDemandPath == nil && sibling(of: intermediatePath, role: "Y") == nil
            && [.icio, .figaro, .figaroFlat].contains(InputOutputLayout.detect(intermediate))
        let finalDemand = try existing(
            finalDemandPath ?? sibling(of: intermediatePath, role: "Y") ?? (singleFile ? intermediatePath : ""),
            role: "final-demand (give --final-demand)")
        var grossOutput: InputFile?
        if let grossOutputPath {
            grossOutput = try existing(grossOutputPath, role: "gross-output")
        } else if let guess = sibling(of: intermediatePath, role: "x"), fileManager.fileExists(atPath: guess) {
            grossOutput = InputFile(path: guess)
        }
        var valueAdded: InputFile?
        if let guess = sibling(of: intermediatePath, role: "v"), fileManager.fileExists(atPath: guess) {
            valueAdded = InputFile(path: guess)
        }
        return InputOutputFiles(
            intermediate: intermediate, finalDemand: finalDemand, grossOutput: grossOutput, valueAdded: valueAdded)
    }

    /// The files of a table shipped as a zip archive (`IOT_2020_ixi.zip`, `ICIO2018_2010.zip`, or one member named
    /// `archive.zip:member`): EXIOBASE's A or Z, Y and x, or the archive's one CSV table; nil for other paths.
    static func zipped(_ path: String, finalDemandPath: String?) throws -> InputOutputFiles? {
        let parts = path.components(separatedBy: ".zip:")
        let archivePath = parts.count == 2 ? parts[0] + ".zip" : path
        guard ZipArchive.isZip(archivePath) else { return nil }
        guard FileManager.default.fileExists(atPath: archivePath) else {
            throw InputError(.missingFile, "intermediate-flows file not found: \(archivePath)", at: nil)
        }
        let archive = try ZipArchive(path: archivePath)
        func file(_ member: ZipArchive.Member) -> InputFile { InputFile(zip: archivePath, member: member.name) }
        let chosen: ZipArchive.Member
        if parts.count == 2 {
            guard let named = archive.member(parts[1]) else {
                throw InputError(.missingFile, "\(archivePath) has no member \(parts[1])", at: nil)
            }
            chosen = named
        } else if let flows = archive.member("Z.txt") ?? archive.member("A.txt") {
            chosen = flows
        } else {
            let tables = archive.members.filter { $0.name.lowercased().hasSuffix(".csv") }
            guard tables.count == 1 else {
                throw InputError(
                    .missingFile,
                    "\(archivePath) holds \(tables.count) CSV tables (\(tables.prefix(5).map(\.name).joined(separator: ", "))); name one as \(archivePath):MEMBER",
                    at: nil)
            }
            chosen = tables[0]
        }
        let intermediate = file(chosen)
        let name = chosen.name.split(separator: "/").last.map(String.init) ?? chosen.name
        guard name == "A.txt" || name == "Z.txt" else {
            let finalDemand = try finalDemandPath.map { try InputFile.named($0) } ?? intermediate
            return InputOutputFiles(intermediate: intermediate, finalDemand: finalDemand, grossOutput: nil)
        }
        let demand = intermediate.sibling("Y.txt")
        guard let y = demand.member, archive.member(y) != nil else {
            throw InputError(.missingFile, "\(archivePath) has no Y.txt beside \(chosen.name)", at: nil)
        }
        let x = intermediate.sibling("x.txt")
        return InputOutputFiles(
            intermediate: intermediate, finalDemand: demand,
            grossOutput: x.member.flatMap { archive.member($0) } != nil ? x : nil)
    }

    /// The folder of `path` with a trailing slash (`""` for a bare file name), for files found beside it.
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    }

    /// The path of a sibling file by the WIOD/pymrio naming, or nil when the name carries no `Z` marker.
    ///
    /// `…_Z.csv` → `…_Y.csv` / `…_x.csv`; `…_Z_long.csv.gz` → `…_Y_long.csv.gz` / `…_x.csv` (gross output is never
    /// long); pymrio's `trade_flows_Z.txt` → `finald_demand_Y.txt` and value added (`v`) `factor_input.txt` (gross
    /// output is derived); a national `IO_BE_NACE64.csv` → `other_accounts_BE_NACE64.csv` (final demand and
    /// sectoral output in one file).
    public static func sibling(of intermediatePath: String, role: String) -> String? {
        let slash = intermediatePath.lastIndex(of: "/")
        let directory = slash.map { String(intermediatePath[..<$0]) } ?? "."
        let name = slash.map { String(intermediatePath[intermediatePath.index(after: $0)...]) } ?? intermediatePath
        if name == "trade_flows_Z.txt" {
            switch role {
            case "Y": return directory + "/finald_demand_Y.txt"
            case "v": return directory + "/factor_input.txt"
            default: return nil
            }
        }
        if name == "A.txt" || name == "Z.txt" {
            switch role {
            case "Y": return directory + "/Y.txt"
            case "x": return directory + "/x.txt"
            default: return nil
            }
        }
        if name.hasPrefix("Eora26_") && name.hasSuffix("_T.txt") {
            let stem = directory + "/" + name.dropLast("T.txt".count)
            switch role {
            case "Y": return stem + "FD.txt"
            case "v": return stem + "VA.txt"
            default: return nil
            }
        }
        if name.hasPrefix("IO_") {
            return role == "Y" ? directory + "/other_accounts_" + name.dropFirst(3) : nil
        }
        if role == "v" { return nil }
        guard let range = name.range(of: "_Z", options: .backwards) else { return nil }
        let prefix = String(name[..<range.lowerBound])
        var suffix = String(name[range.upperBound...])
        if role == "x", suffix.hasPrefix("_long") { suffix = ".csv" }
        return directory + "/" + prefix + "_" + role + suffix
    }
}
