public import ChainRiskCore

/// Writes matrices in the matrix-CSV layout chainrisk reads (`row,LABEL…`, one labelled row per line).
///
/// Numbers in shortest round-trip form, integers without a decimal point, so a written table reads back to the
/// same doubles and the WIOD aggregates come out as they were shipped.
public enum MatrixCSVWriter {
    /// A labelled matrix as CSV bytes; the corner cell is `row`.
    public static func csv(_ matrix: Matrix, rowLabels: [String], columnLabels: [String]) -> [UInt8] {
        precondition(
            rowLabels.count == matrix.rows && columnLabels.count == matrix.columns, "labels do not match the matrix")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(matrix.rows * matrix.columns * 8 + 64)
        append("row", to: &bytes)
        for label in columnLabels {
            bytes.append(UInt8(ascii: ","))
            append(DataTable.csvField(label), to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
        for i in 0..<matrix.rows {
            append(DataTable.csvField(rowLabels[i]), to: &bytes)
            for j in 0..<matrix.columns {
                bytes.append(UInt8(ascii: ","))
                append(JSONValue.format(matrix[i, j]), to: &bytes)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// The three files of a table: intermediate flows (`_Z`), final demand (`_Y`) and gross output (`_x`).
    public static func tableFiles(_ table: InputOutputTable) -> (
        intermediate: [UInt8], finalDemand: [UInt8], grossOutput: [UInt8]
    ) {
        let labels = table.sectors.map(\.combined)
        return (
            csv(table.intermediate, rowLabels: labels, columnLabels: labels),
            csv(table.finalDemand, rowLabels: labels, columnLabels: table.finalDemandColumns.map(\.description)),
            csv(
                Matrix(rows: labels.count, columns: 1, columnMajor: table.grossOutput), rowLabels: labels,
                columnLabels: ["gross_output"])
        )
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: text.utf8)
    }
}
