import ChainRiskCore
import ChainRiskIngest
import Testing

/// BACI reports in HS 1992: every code it uses has a name, the HS 1992 text where HS 2022 words it differently.
@Suite struct BACIProductNameTests {
    @Test("every HS 1992 code in the seven BACI samples has a name")
    func everySampleCodeNamed() throws {
        var codes = Set<String>()
        var classifications = Set<Classification>()
        for year in 2017...2023 {
            let (flows, _, _) = try BACITestData.readAll(BACIReader(), BACITestData.baciSample(year: year))
            for flow in flows {
                codes.insert(flow.product.code)
                classifications.insert(flow.product.classification)
            }
        }
        #expect(classifications == [.hs1992])
        // python3: 4,515 distinct k over the seven samples, 634 of them absent from HS 2022's 5,613 subheadings.
        #expect(codes.count == 4_515)
        let absentFromHS2022 = codes.filter { !ClassificationHierarchy.hs2022.contains($0) }
        #expect(absentFromHS2022.count == 634)
        let unnamed = codes.filter { ClassificationHierarchy.description(of: ProductCode($0, in: .hs1992)) == nil }
        #expect(unnamed.isEmpty, "unnamed: \(unnamed.sorted().prefix(10))")
    }

    @Test("an HS 1992 code gets its own text, an HS 2022 code HS 2022's")
    func editionText() {
        // hs0_desc.RData (insongkim/concordance 201c812e): 854211 "Electronic circuits; monolithic integrated, digital";
        // HS 2022 has no 854211 (its 8542 subheadings are 854231–854290).
        #expect(
            ClassificationHierarchy.description(of: ProductCode("854211", in: .hs1992))
                == "Electronic circuits; monolithic integrated, digital")
        #expect(ClassificationHierarchy.description(of: ProductCode("854211", in: .hs2022)) == nil)
        // 8542 exists in both editions with different wording.
        let old = ClassificationHierarchy.description(of: ProductCode("8542", in: .hs1992))
        let new = ClassificationHierarchy.description(of: ProductCode("8542", in: .hs2022))
        #expect(old == "Electronic integrated circuits and microassemblies")
        #expect(new != nil && new != old)
        // Same text in both editions: the HS 1992 lookup falls through to HS 2022.
        #expect(HSEditionNames.bundled.description(of: "470100", edition: "1992") == nil)
        #expect(
            ClassificationHierarchy.description(of: ProductCode("470100", in: .hs1992))
                == "Wood pulp; mechanical wood pulp")
        #expect(HSEditionNames.bundled.editions == ["1992", "1996", "2002", "2007", "2012", "2017"])
    }
}
