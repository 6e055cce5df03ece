import Foundation
import Testing

@Suite("chainrisk sectors, events and options, end to end")
struct AssessmentCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(
        "sectors --sort trade_dispute puts electrotechnical (rank 1) and pharmaceuticals (2) first; importance ranks 4 and 14"
    )
    func sectors() throws {
        let result = try CLIRunner().run(["sectors", "--sort", "trade_dispute", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try json(result.stdout)["sectors"] as? [[String: Any]])
        #expect(rows.count == 17)
        #expect(
            rows.prefix(2).compactMap { $0["sector"] as? String } == [
                "Computer electronic and optical products", "Pharmaceuticals",
            ])
        #expect(rows.first?["trade_dispute_band"] as? String == "orange")
        #expect(rows.first?["importance_rank"] as? Int == 4)
        // Pharmaceuticals: 986 + 3,866 = 4,852, the 14th largest of the 17 sums in Table 2 (python3: sorted sums of
        // imports_eur_mln_2018 + exports_own_make_eur_mln_2018, descending).
        #expect(rows[1]["importance_rank"] as? Int == 14)
        #expect(rows.filter { $0["particular_importance"] as? String == "yes" }.count == 5)
    }

    @Test("events reads a user CSV next to the letter's five and summarises by region")
    func events() throws {
        let cli = CLIRunner()
        let file = try cli.file(
            "events.csv",
            "id,event,category,start,regions,production_sites_affected,duration_weeks\n6,Suez blockage,idiosyncratic,2021-03,EG,400,1\n"
        )
        let result = try cli.run(["events", "--file", file, "--by", "category", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        #expect((document["events"] as? [Any])?.count == 6)
        let summary = try #require(document["summary"] as? [[String: Any]])
        #expect(summary.first { $0["group"] as? String == "idiosyncratic" }?["events"] as? Int == 1)
        #expect(summary.first { $0["group"] as? String == "natural" }?["production_sites_affected"] as? Int == 25_434)
        let duplicate = try cli.file(
            "dup.csv",
            "id,event,category,start,regions,production_sites_affected,duration_weeks\n2,Other,natural,2021-03,EG,1,1\n"
        )
        let refused = try cli.run(["events", "--file", duplicate])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("dup.csv:2:"))
    }

    @Test("options cite the rule and numbers: coal's limited world market leads to stockpiles")
    func options() throws {
        let result = try CLIRunner().run(["options", "--format", "json"])
        #expect(result.status == 0)
        let rows = try #require(try json(result.stdout)["policy_options"] as? [[String: Any]])
        let coal = rows.filter { $0["subject"] as? String == "Coal (not agglomerated)" }
        #expect(
            coal.contains {
                $0["option"] as? String == "Public or private stockpiles"
                    && $0["rule"] as? String == "product-concentrated-world-limited"
            })
        #expect(coal.allSatisfy { ($0["evidence"] as? String ?? "").contains("import HHI 0.27") })
        let dutch = try CLIRunner().run(["options", "--lang", "nl"])
        #expect(dutch.stdout.contains("Handelingsperspectieven"))
    }

    @Test("sectors re-ranks from another nomenclature through a weighted many-to-many mapping")
    func rerank() throws {
        let cli = CLIRunner()
        let scores = try cli.file(
            "scores.csv",
            "chain,pandemic,trade_dispute\nsemiconductors,0.2,0.9\npharma,0.1,0.8\nchemicals,0.3,0.6\nfood,0.7,0.1\nunused,0.5,0.5\n"
        )
        let mapping = try cli.file(
            "map.csv",
            "chain,sector,weight\nsemiconductors,computer-electronic-and-optical-products,1\npharma,Pharmaceuticals,1\nchemicals,Chemicals,1\npharma,chemicals,0.5\nfood,Voedings- en genotmiddelenindustrie,1\n"
        )
        let result = try cli.run([
            "sectors", "--source-scores", scores, "--source-mapping", mapping, "--sort", "trade_dispute", "--format",
            "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        let rows = try #require(document["sectors"] as? [[String: Any]])
        // Chemicals = (chemicals 1 × (0.3, 0.6) + pharma 0.5 × (0.1, 0.8)) / 1.5 = (0.233, 0.667). Pandemic: food 0.7,
        // chemicals 0.233, semiconductors 0.2, pharma 0.1 → 1, 2, 3, 4; trade dispute: 0.9, 0.8, 0.667, 0.1 → 1, 2, 3, 4.
        #expect(
            rows.prefix(4).compactMap { $0["sector"] as? String } == [
                "Computer electronic and optical products", "Pharmaceuticals", "Chemicals",
                "Food, beverages and tobacco",
            ])
        #expect(rows.prefix(4).compactMap { $0["pandemic"] as? Int } == [3, 4, 2, 1])
        #expect((document["unmapped_chains"] as? [[String: Any]])?.first?["chain"] as? String == "unused")
        let bad = try cli.file("badmap.csv", "chain,sector\nx,Nonexistent sector\n")
        let refused = try cli.run(["sectors", "--source-scores", scores, "--source-mapping", bad])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("badmap.csv:2:3"))
    }
}
