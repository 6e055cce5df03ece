import ChainRiskCore
import ChainRiskIngest
import Testing

@Suite("Input-output layouts")
struct InputOutputLayoutTests {
    /// WIOD full table: 41 regions × 35 industries in the x file's order, 205 final-demand columns (41 × 5; the
    /// sparse file omits all-zero columns), figures read straight from the files (AUS c1: x 76,834, Z 8,732).
    @Test func readsTheFullLongTable() throws {
        let loaded = try IOTestData.fullTable()
        let table = loaded.table
        #expect(loaded.layout == .longCSV)
        #expect(loaded.files.grossOutput?.path.hasSuffix("wiod2013_2011_full_x.csv") == true)
        #expect(table.sectorCount == 1435)
        #expect(table.regions.count == 41)
        #expect(table.sectors.first == IOSectorLabel(region: "AUS", sector: "c1"))
        #expect(table.sectors.last == IOSectorLabel(region: "RoW", sector: "c35"))
        #expect(table.grossOutput[0] == 76834)
        #expect(table.intermediate[0, 0] == 8732)
        #expect(table.intermediate[1, 0] == 88)
        #expect(table.finalDemandColumns.count == 205)
        #expect(table.finalDemandColumns[0] == FinalDemandLabel(region: "AUS", category: "CONS_h"))
        #expect(table.finalDemand[0, 0] == 16969)
        #expect(loaded.findings.counts[.zeroOutput] == 22)
        #expect(loaded.fileDigests.count == 3)
    }

    /// Belgium 2015, 63 NACE codes: gross output and six final-demand categories from the accounts file
    /// (A01 sectoral output 16,900.504…, household demand 2,383.892…); rows balance exactly, so no findings.
    @Test func readsTheBelgianNationalTable() throws {
        let files = try InputOutputFiles.resolve(intermediatePath: IOTestData.national + "/IO_BE_NACE64.csv")
        #expect(files.finalDemand.path.hasSuffix("other_accounts_BE_NACE64.csv"))
        let loaded = try InputOutputTableReader.read(files, options: InputOutputReadOptions(region: "BEL"))
        let table = loaded.table
        #expect(loaded.layout == .nationalTable)
        #expect(table.sectorCount == 63)
        #expect(table.regions == ["BEL"])
        #expect(table.sectors[3] == IOSectorLabel(region: "BEL", sector: "B05-09"))
        #expect(table.unit == "M€")
        #expect(
            table.finalDemandColumns.map(\.category) == [
                "households", "IZW", "government", "investments", "inventory changes", "exports",
            ])
        #expect(table.grossOutput[0] == 16900.5040969993)
        #expect(table.finalDemand[0, 0] == 2383.89211759081)
        #expect(table.intermediate[0, 0] == 1037.74112009094)
        #expect(loaded.findings.isEmpty)
    }

    @Test func layoutIsDetectedFromTheFirstLine() throws {
        #expect(try InputOutputLayout.detect(InputFile(path: IOTestData.nld11)) == .matrixCSV)
        #expect(try InputOutputLayout.detect(InputFile(path: IOTestData.fullLong)) == .longCSV)
        #expect(try InputOutputLayout.detect(InputFile(path: IOTestData.pymrio + "/trade_flows_Z.txt")) == .pymrioText)
        #expect(
            try InputOutputLayout.detect(InputFile(path: IOTestData.national + "/IO_SWE_NACE64.csv")) == .nationalTable)
    }

    /// A long file without a gross-output file: sectors in first appearance, x = row totals of Z and Y.
    @Test func longTableWithoutGrossOutputUsesRowTotals() throws {
        let z = try IOTestData.temporaryFile(
            "t_Z_long.csv",
            "row_country,row_industry,col_country,col_industry,value\nA,s1,A,s1,10\nB,s1,A,s1,5\nA,s1,B,s1,2\n")
        let y = z.sibling("t_Y_long.csv")
        try IOTestData.write(
            y, "row_country,row_industry,col_country,fd_category,value\nA,s1,A,h,20\nB,s1,B,h,30\nB,s1,B,g,1\n")
        let loaded = try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: z))
        let table = loaded.table
        #expect(table.sectors == [IOSectorLabel(region: "A", sector: "s1"), IOSectorLabel(region: "B", sector: "s1")])
        #expect(table.grossOutput == [32, 36])
        #expect(
            table.finalDemandColumns == [
                FinalDemandLabel(region: "A", category: "h"), FinalDemandLabel(region: "A", category: "g"),
                FinalDemandLabel(region: "B", category: "h"), FinalDemandLabel(region: "B", category: "g"),
            ])
        #expect(loaded.findings.counts[.unitAssumed] == 1)
    }

    /// A bad number names the file, its line and the column (byte) where the field starts.
    @Test func malformedCellNamesFileLineAndColumn() throws {
        let z = try IOTestData.temporaryFile(
            "bad_Z_long.csv", "row_country,row_industry,col_country,col_industry,value\nA,s1,A,s1,10\nA,s1,B,s1,1O\n")
        try IOTestData.write(
            z.sibling("bad_Y_long.csv"), "row_country,row_industry,col_country,fd_category,value\nA,s1,A,h,1\n")
        do {
            _ = try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: z))
            Issue.record("expected a bad-number error")
        } catch let error as InputError {
            #expect(error.code == .badNumber)
            #expect(error.location == SourceLocation(file: z, line: 3, column: 11))
            #expect(error.description.contains("'1O'"))
        }
    }

    @Test func malformedMatrixCellNamesFileLineAndColumn() throws {
        let z = try IOTestData.temporaryFile("m_Z.csv", "row,A_s1,A_s2\nA_s1,1,2\nA_s2,3,x\n")
        try IOTestData.write(z.sibling("m_Y.csv"), "row,A_h\nA_s1,1\nA_s2,1\n")
        #expect {
            _ = try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: z))
        } throws: { error in
            (error as? InputError)?.location == SourceLocation(file: z, line: 3, column: 8)
        }
    }

    @Test func unknownSectorInAFlowNamesItsPlace() throws {
        let z = try IOTestData.temporaryFile(
            "u_Z_long.csv", "row_country,row_industry,col_country,col_industry,value\nA,s1,A,s1,10\nA,s1,C,s9,1\n")
        try IOTestData.write(
            z.sibling("u_Y_long.csv"), "row_country,row_industry,col_country,fd_category,value\nA,s1,A,h,1\n")
        try IOTestData.write(z.sibling("u_x.csv"), "country,industry,gross_output\nA,s1,20\n")
        #expect {
            _ = try InputOutputTableReader.read(InputOutputFiles.resolve(intermediatePath: z))
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return error.location == SourceLocation(file: z, line: 3, column: 6) && error.message.contains("C_s9")
        }
    }

    @Test func missingFinalDemandFileIsAMissingFile() throws {
        let z = try IOTestData.temporaryFile("lonely_Z.csv", "row,A_s1\nA_s1,1\n")
        #expect {
            _ = try InputOutputFiles.resolve(intermediatePath: z)
        } throws: { error in
            (error as? InputError)?.code == .missingFile && "\(error)".contains("lonely_Y.csv")
        }
    }
}

extension String {
    fileprivate func sibling(_ name: String) -> String {
        guard let slash = lastIndex(of: "/") else { return name }
        return String(self[...slash]) + name
    }
}
