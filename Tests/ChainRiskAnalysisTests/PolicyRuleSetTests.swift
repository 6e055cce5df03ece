import ChainRiskAnalysis
import ChainRiskCore
import Foundation
import Testing

@Suite("Policy rule file: the bundled rules and their checks")
struct PolicyRuleSetTests {
    @Test("the bundled file: catalogue of 15 options in four categories, rules referencing known options and sectors")
    func bundled() throws {
        let rules = try PolicyRuleSet.bundled()
        #expect(rules.version == 1)
        #expect(rules.options.count == 15)
        #expect(Set(rules.options.map(\.category)) == Set(PolicyCategory.allCases))
        #expect(
            rules.options.filter { $0.category == .firmMeasure }.map(\.id) == [
                "firm-supplier-screening", "firm-diversification", "firm-stockpiling", "firm-crisis-management",
                "firm-outbidding",
            ])
        #expect(
            rules.rules.map(\.id) == [
                "product-concentrated-alternatives", "product-concentrated-world-limited",
                "product-concentrated-unchecked",
                "product-large-somewhat-concentrated", "product-very-large-import", "product-strategic-dependency",
                "sector-particular-importance", "sector-trade-dispute-high-tech", "sector-pandemic-exposure",
                "sector-natural-hazard", "sector-measured-concentrated-origins", "sector-measured-hidden-exposure",
                "sector-measured-foreign-inputs", "sector-measured-export-dependence",
            ])
        let measured = try #require(rules.rule(id: "sector-measured-foreign-inputs"))
        #expect(
            rules.conditionEN(measured) == "orange on measured foreign inputs and of particular importance")
        #expect(rules.conditionNL(measured) == "oranje op gemeten buitenlandse inputs en van bijzonder belang")
        let sectorIDs = Set(try LetterTestData.dataset().sectors.map(\.sector.id))
        for group in rules.sectorGroups {
            #expect(group.sectorIDs.allSatisfy(sectorIDs.contains), "\(group.id)")
        }
        #expect(rules.sectorGroup(id: "high_tech")?.sectorIDs.contains(LetterTestData.electrotechnical) == true)
        #expect(rules.option(id: "gov-diplomacy")?.descriptionEN.contains("2010") == true)
        #expect(rules.options.allSatisfy { !$0.titleNL.isEmpty && !$0.titleEN.isEmpty })
    }

    @Test("conditions in words, English and Dutch")
    func conditionText() throws {
        let rules = try PolicyRuleSet.bundled()
        let alternatives = try #require(rules.rule(id: "product-concentrated-alternatives"))
        #expect(
            rules.conditionEN(alternatives)
                == "imports highly concentrated and world market: alternative suppliers available")
        #expect(
            rules.conditionNL(alternatives)
                == "invoer hoog geconcentreerd en wereldmarkt: alternatieve leveranciers beschikbaar")
        let unchecked = try #require(rules.rule(id: "product-concentrated-unchecked"))
        #expect(rules.conditionEN(unchecked) == "imports highly concentrated and world market not checked")
        let hazard = try #require(rules.rule(id: "sector-natural-hazard"))
        #expect(rules.conditionEN(hazard) == "orange on extreme heat, flood or geophysical event")
        let pandemic = try #require(rules.rule(id: "sector-pandemic-exposure"))
        #expect(
            rules.conditionEN(pandemic)
                == "(orange on pandemic) or (orange on extreme heat and a labour-intensive sector)")
        let large = try #require(rules.rule(id: "product-large-somewhat-concentrated"))
        #expect(
            rules.conditionNL(large) == "invoer enigszins geconcentreerd en invoer boven EUR 1.000 mln of USD 1.100 mln"
        )
    }

    /// A minimal valid file with one option and the given rules and groups JSON.
    func file(rules: String, groups: String = "[]", extra: String = "") -> Data {
        Data(
            """
            {"format": "chainrisk-policy-rules", "version": 1, "source": "test", \(extra)
             "options": [{"id": "o", "actor": "firm", "category": "firm_measure", "title_en": "O", "title_nl": "O",
                          "description_en": "", "description_nl": "", "source": "test"}],
             "sector_groups": \(groups), "rules": \(rules)}
            """.utf8)
    }

    func rule(_ when: String, subject: String = "product", options: String = #"["o"]"#) -> String {
        #"[{"id": "r", "subject": "\#(subject)", "title_en": "", "title_nl": "", "reason_en": "", "reason_nl": "", "when": \#(when), "options": \#(options)}]"#
    }

    func error(_ data: Data) -> PolicyRuleError? {
        do {
            _ = try PolicyRuleSet(json: data, file: "rules.json")
            return nil
        } catch {
            return error
        }
    }

    @Test("a valid minimal file reads")
    func minimal() throws {
        let rules = try PolicyRuleSet(
            json: file(rules: rule(#"{"import_class": ["highly_concentrated"]}"#)), file: "rules.json")
        #expect(rules.rules.first?.condition.importClass == [.highlyConcentrated])
    }

    @Test("errors name the file, the place and the problem")
    func errors() {
        let misspelt = error(file(rules: rule(#"{"import_clas": ["highly_concentrated"]}"#)))
        #expect(misspelt?.code == .unknownKey)
        #expect(misspelt?.path == "rules[0].when")
        #expect(misspelt?.description.hasPrefix("rules.json: rules[0].when: unknown key 'import_clas'") == true)
        #expect(error(file(rules: rule(#"{"import_class": ["very"]}"#)))?.code == .badJSON)
        #expect(
            error(file(rules: rule(#"{"import_class": ["highly_concentrated"]}"#, options: #"["nope"]"#)))?.code
                == .unknownReference)
        let wrongSubject = error(file(rules: rule(#"{"risk_band": {"factors": ["flood"], "bands": ["orange"]}}"#)))
        #expect(wrongSubject?.code == .invalidCondition)
        #expect(wrongSubject?.message.contains("'risk_band' is not a test of a product") == true)
        #expect(error(file(rules: rule(#"{"sector_group": ["x"]}"#, subject: "sector")))?.code == .unknownReference)
        #expect(error(file(rules: rule("{}")))?.code == .invalidCondition)
        #expect(error(file(rules: rule(#"{"any": []}"#)))?.code == .invalidCondition)
        #expect(error(file(rules: rule(#"{"world_market": []}"#)))?.code == .invalidCondition)
        #expect(
            error(file(rules: rule(#"{"import_class": ["highly_concentrated"]}"#, options: "[]")))?.code
                == .invalidCondition)
        #expect(error(file(rules: "[]", extra: #""extra": 1,"#))?.code == .unknownKey)
        #expect(error(Data("{".utf8))?.code == .badJSON)
        let twice =
            rule(#"{"import_class": ["highly_concentrated"]}"#).dropLast() + ","
            + rule(#"{"eu_dependent": true}"#).dropFirst()
        #expect(error(file(rules: String(twice)))?.code == .duplicateID)
        let wrongVersion = Data(
            #"{"format": "chainrisk-policy-rules", "version": 2, "source": "", "options": [], "rules": []}"#.utf8)
        #expect(error(wrongVersion)?.code == .unsupportedFormat)
    }
}
