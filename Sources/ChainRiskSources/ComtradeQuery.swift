public import ChainRiskCore
import Foundation

/// One request to the UN Comtrade data API (`/data/v1/get/C/A/HS`): annual goods trade of one reporter code.
///
/// A query whose answer reaches the record cap is split — by products, then partners, then years — until every part
/// is below the cap, so that nothing is stored truncated.
public struct ComtradeQuery: Sendable, Equatable {
    public var reporterCode: Int
    public var years: [Int]
    public var flow: FlowKind
    /// Product codes (`cmdCode`); nil asks for every 6-digit code (`AG6`).
    public var products: [String]?
    /// Partner codes; nil asks for every partner, the world total included.
    public var partners: [Int]?

    public init(reporterCode: Int, years: [Int], flow: FlowKind, products: [String]?, partners: [Int]?) {
        self.reporterCode = reporterCode
        self.years = years
        self.flow = flow
        self.products = products
        self.partners = partners
    }

    /// The request URL under `base` (no key: it goes in a header).
    public func url(base: String, maxRecords: Int) -> String {
        let base = base.hasSuffix("/") ? String(base.dropLast()) : base
        var items = [
            "reporterCode=\(reporterCode)", "period=\(years.map(String.init).joined(separator: ","))",
            "flowCode=\(flow == .exports ? "X" : "M")", "cmdCode=\(products?.joined(separator: ",") ?? "AG6")",
        ]
        if let partners { items.append("partnerCode=\(partners.map(String.init).joined(separator: ","))") }
        items += ["maxRecords=\(maxRecords)", "includeDesc=true"]
        return base + "/data/v1/get/C/A/HS?" + items.joined(separator: "&")
    }

    /// Two or more queries that together ask for the same records, each for fewer: halves of the products, else of
    /// the partners (every partner code of the years, the world included, when none were named), else of the years;
    /// nil when the query is one product, one partner and one year.
    public func split(areas: ComtradeAreas) -> [ComtradeQuery]? {
        if let products, products.count > 1 {
            return Self.halves(products).map {
                var part = self
                part.products = $0
                return part
            }
        }
        let partnerList = partners ?? ([0] + areas.allPartnerCodes(years: years))
        if partnerList.count > 1 {
            return Self.halves(partnerList).map {
                var part = self
                part.partners = $0
                return part
            }
        }
        if years.count > 1 {
            return Self.halves(years).map {
                var part = self
                part.years = $0
                return part
            }
        }
        return nil
    }

    private static func halves<T>(_ values: [T]) -> [[T]] {
        let middle = (values.count + 1) / 2
        return [Array(values[..<middle]), Array(values[middle...])]
    }
}

extension ComtradeAreas {
    /// Every partner code in use in any of `years`, sorted.
    func allPartnerCodes(years: [Int]) -> [Int] {
        Array(Set(partners.filter { entry in years.contains { entry.years.contains($0) } }.map(\.code))).sorted()
    }
}
