public import ChainRiskCore

/// Reads an aggregation concordance: two columns, code and group, comma- or tab-separated.
///
/// A first line whose code is not one of `knownCodes` is a header (`wiod_country,region`); pymrio's concordance
/// files have none (`reg1<TAB>EU`). A code listed twice with different groups is an error naming the line.
public enum ConcordanceFileReader {
    public static func read(_ file: InputFile, knownCodes: Set<String>) throws -> IOConcordance {
        let reader = CSVReader(source: try file.open(), file: file.displayName)
        var pairs: [(code: String, group: String)] = []
        var groupOf: [String: (group: String, line: Int)] = [:]
        var first = true
        while try reader.nextRecord() {
            guard reader.fieldCount >= 2 else {
                throw InputError.wrongColumnCount(
                    found: reader.fieldCount, expected: 2, at: reader.location(reader.fieldCount))
            }
            let code = reader.string(0).trimmingASCIIWhitespace()
            let group = reader.string(1).trimmingASCIIWhitespace()
            defer { first = false }
            if first && !knownCodes.contains(code) { continue }
            guard !group.isEmpty else {
                throw InputError(.badValue, "code '\(code)' has an empty group", at: reader.location(1))
            }
            if let earlier = groupOf[code] {
                guard earlier.group == group else {
                    throw InputError(
                        .badValue,
                        "code '\(code)' is mapped to '\(earlier.group)' on line \(earlier.line) and to '\(group)' here",
                        at: reader.location(1))
                }
                continue
            }
            groupOf[code] = (group, reader.line)
            pairs.append((code, group))
        }
        guard !pairs.isEmpty else {
            throw InputError(
                .emptyFile, "the concordance lists no codes",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        return IOConcordance(pairs: pairs)
    }
}
