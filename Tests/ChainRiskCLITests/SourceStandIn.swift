import ChainRiskTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A loopback stand-in for the UN Comtrade data API and CBS's OData feed, serving the real samples in
/// `../shared/data` (the NL or the EU27 Comtrade extract, CBS's 85427NED excerpt) in the shapes the sources answer with: a 429 on the first Comtrade request, a record cap that
/// truncates longer answers as the API does, and OData pages linked by `odata.nextLink`.
final class SourceStandIn: @unchecked Sendable {
    static let key = "test-subscription-key"
    /// The most records one Comtrade answer holds, whatever `maxRecords` asks.
    let cap: Int
    let pageSize: Int
    /// The Comtrade records served.
    let records: [ComtradeRecord]
    private let lock = NSLock()
    private var comtradeRequests: [String] = []
    private var cbsRequests: [String] = []
    private var sent429 = false
    private let server = LoopbackServer()
    var port: Int { server.port }

    /// Whether records carry `classificationCode` (H5 until 2021, H6 from 2022, as the Netherlands reported).
    let classified: Bool
    /// Where every Comtrade request is redirected (HTTP 302), when set: a source gone rogue.
    var comtradeRedirect: String?
    /// The next-page link every CBS page carries instead of its own, when set.
    var cbsNextLink: String?

    init(
        cap: Int = 1_000, pageSize: Int = 50, records: [ComtradeRecord] = SourceStandIn.netherlands,
        classified: Bool = false
    ) {
        self.cap = cap
        self.pageSize = pageSize
        self.records = records
        self.classified = classified
    }

    var comtradeRequestCount: Int { lock.withLock { comtradeRequests.count } }
    var cbsRequestCount: Int { lock.withLock { cbsRequests.count } }
    var base: String { server.base }

    /// Starts serving on a free loopback port and returns when it listens.
    func start() async throws {
        let router = Router()
        router.get("data/v1/get/C/A/HS") { request, _ in self.comtrade(request) }
        router.get(":table/TypedDataSet") { request, context in
            self.cbs(request, table: context.parameters.get("table") ?? "")
        }
        try await server.start(router)
    }

    func stop() { server.stop() }

    // MARK: Comtrade

    /// One API record and what the stand-in filters it by.
    struct ComtradeRecord: Sendable {
        let json: String
        let reporterCodes: Set<Int>
        let year: String
        let product: String
        let partnerCodes: Set<Int>
    }

    /// The NL sample (10,631 rows) and the EU27 sample (173,358 rows, gzipped) as API records.
    static let netherlands = comtradeRecords(file: "nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
    static let eu27 = comtradeRecords(file: "eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz")

    /// A sample's rows as API records, with Comtrade's numeric codes from its reference lists.
    static func comtradeRecords(file: String) -> [ComtradeRecord] {
        let data = CLIRunner.sharedData + "/comtrade_comtradr/"
        func codes(_ list: String) -> [String: Set<Int>] {
            var codes: [String: Set<Int>] = [:]
            for line in (try? String(contentsOfFile: data + list, encoding: .utf8))?.split(separator: "\n").dropFirst()
                ?? []
            {
                let cells = csvCells(String(line))
                if cells.count > 2, let code = Int(cells[0]) {
                    codes[cells[2].trimmingCharacters(in: .whitespaces), default: []].insert(code)
                }
            }
            return codes
        }
        let reporters = codes("ref_reporters.csv")
        let partners = codes("ref_partners.csv")
        let lines = text(of: data + file).split(separator: "\n")
        let header = lines.first.map { csvCells(String($0)) } ?? []
        return lines.dropFirst().map { line in
            let row = Dictionary(uniqueKeysWithValues: zip(header, csvCells(String(line))))
            let reporterISO = row["reporterISO"] ?? ""
            let partnerISO = row["partnerISO"] ?? ""
            let reporterCodes = reporters[reporterISO] ?? []
            let partnerCodes = partners[partnerISO.trimmingCharacters(in: .whitespaces)] ?? []
            let fields = [
                "typeCode": "\"C\"", "freqCode": "\"A\"", "refYear": row["refYear"] ?? "0",
                "period": "\"\(row["refYear"] ?? "")\"",
                "reporterCode": String(reporterCodes.min() ?? 0), "reporterISO": json(reporterISO),
                "reporterDesc": json(row["reporterDesc"]),
                "flowCode": "\"M\"", "flowDesc": json(row["flowDesc"]), "partnerCode": String(partnerCodes.min() ?? 0),
                "partnerISO": json(partnerISO), "partnerDesc": json(row["partnerDesc"]),
                "cmdCode": json(row["cmdCode"]),
                "primaryValue": row["primaryValue_usd"] ?? "null",
            ]
            let json =
                "{" + fields.keys.sorted().map { "\"\($0)\":\(fields[$0] ?? "null")" }.joined(separator: ",") + "}"
            return ComtradeRecord(
                json: json, reporterCodes: reporterCodes, year: row["refYear"] ?? "", product: row["cmdCode"] ?? "",
                partnerCodes: partnerCodes)
        }
    }

    /// A file's text, inflated with gzip when it ends in .gz.
    private static func text(of path: String) -> String {
        guard path.hasSuffix(".gz") else { return (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func comtrade(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        let first: Bool = lock.withLock {
            comtradeRequests.append(request.uri.description)
            defer { sent429 = true }
            return !sent429
        }
        if let comtradeRedirect {
            return Response(status: .found, headers: [.location: comtradeRedirect])
        }
        guard request.headers[HTTPField.Name("Ocp-Apim-Subscription-Key")!] == Self.key else {
            return Self.json(
                .unauthorized, #"{"statusCode": 401, "message": "Access denied due to missing subscription key."}"#)
        }
        if first {
            var response = Self.json(
                .tooManyRequests, #"{"statusCode": 429, "message": "Rate limit is exceeded. Try again in 1 seconds."}"#)
            response.headers[HTTPField.Name("Retry-After")!] = "1"
            return response
        }
        func list(_ name: String) -> Set<String>? {
            query.get(name).map { Set($0.split(separator: ",").map(String.init)) }
        }
        let years = list("period") ?? []
        let products = list("cmdCode")
        let partners = list("partnerCode").map { Set($0.compactMap(Int.init)) }
        let limit = min(cap, query.get("maxRecords").flatMap(Int.init) ?? 500)
        let reporter = query.get("reporterCode").flatMap(Int.init) ?? -1
        let matching = records.filter { record in
            record.reporterCodes.contains(reporter) && query.get("flowCode") == "M" && years.contains(record.year)
                && (products == nil || products == ["AG6"] || products?.contains(record.product) == true)
                && (partners == nil || !(partners ?? []).isDisjoint(with: record.partnerCodes))
        }.prefix(limit)
        let data = matching.map { record in
            classified
                ? "{\"classificationCode\":\"\((Int(record.year) ?? 0) >= 2022 ? "H6" : "H5")\","
                    + record.json.dropFirst() : record.json
        }
        return Self.json(
            .ok,
            #"{"elapsedTime":"0.01 secs","count":\#(data.count),"data":[\#(data.joined(separator: ","))],"error":""}"#)
    }

    // MARK: CBS

    private func cbs(_ request: Request, table: String) -> Response {
        lock.withLock { cbsRequests.append(request.uri.description) }
        let path = CLIRunner.sharedData + "/cbs/\(table)_TypedDataSet_excerpt.json"
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let records = object["value"] as? [Any]
        else {
            return Self.json(
                .notFound, #"{"odata.error":{"code":"","message":{"lang":"en-US","value":"No table \#(table)"}}}"#)
        }
        let skip = request.uri.queryParameters.get("$skip").flatMap(Int.init) ?? 0
        let page = records.dropFirst(skip).prefix(pageSize)
        var body: [String: Any] = ["odata.metadata": object["odata.metadata"] ?? "", "value": Array(page)]
        if let cbsNextLink {
            body["odata.nextLink"] = cbsNextLink
        } else if skip + pageSize < records.count {
            body["odata.nextLink"] = "\(base)/\(table)/TypedDataSet?$skip=\(skip + pageSize)"
        }
        let encoded = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        return Self.json(.ok, String(decoding: encoded, as: UTF8.self))
    }

    // MARK: Helpers

    private static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    private static func json(_ text: String?) -> String {
        guard let text else { return "null" }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }

    /// The cells of one CSV line (quoted cells may hold commas and doubled quotes).
    static func csvCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\"" where quoted:
                if let next = characters.next() {
                    if next == "\"" {
                        cell.append("\"")
                    } else {
                        quoted = false
                        if next == "," {
                            cells.append(cell)
                            cell = ""
                        } else if next != "\r" {
                            cell.append(next)
                        }
                    }
                } else {
                    quoted = false
                }
            case "\"": quoted = true
            case "," where !quoted:
                cells.append(cell)
                cell = ""
            case "\r" where !quoted: break
            default: cell.append(character)
            }
        }
        cells.append(cell)
        return cells
    }
}
