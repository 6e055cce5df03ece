import ChainRiskReport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// A request's query parameters, decoded (`+` as space, percent escapes) and validated one by one.
///
/// Every accessor throws `APIError.badParameter` (400) with what was expected, so no handler sees raw text.
struct QueryParameters: Sendable {
    let pairs: [(name: String, value: String)]

    init(_ uri: URI) {
        pairs = (uri.query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Refuses parameters the endpoint does not take, naming the ones it does.
    func allowOnly(_ names: Set<String>) throws {
        if let unknown = pairs.first(where: { !names.contains($0.name) }) {
            throw APIError.badParameter(
                unknown.name, "unknown parameter; this endpoint takes \(names.sorted().joined(separator: ", "))")
        }
    }

    /// A parameter given at most once; an empty value counts as absent.
    func string(_ name: String, maximumLength: Int = 200) throws -> String? {
        let values = pairs.filter { $0.name == name }.map(\.value)
        guard values.count <= 1 else { throw APIError.badParameter(name, "give it once") }
        guard let value = values.first?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard value.count <= maximumLength else {
            throw APIError.badParameter(name, "longer than \(maximumLength) characters")
        }
        return value
    }

    /// A repeatable parameter; each value may also be a comma-separated list.
    func list(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One of `choices`, or `fallback` when absent; given empty (`model=`) it is refused unless `choices` has "" (a
    /// form's "all"), as the OpenAPI document's enums say.
    func choice(_ name: String, _ choices: [String], default fallback: String) throws -> String {
        guard let value = try string(name) else {
            if pairs.contains(where: { $0.name == name }) {
                if choices.contains("") { return "" }
                throw APIError.badParameter(
                    name, "empty; give one of \(choices.joined(separator: ", ")) or leave it out")
            }
            return fallback
        }
        guard choices.contains(value) else {
            throw APIError.badParameter(name, "'\(value)' is not one of \(choices.joined(separator: ", "))")
        }
        return value
    }

    /// One of `allowed` as its typed value (an unknown name is a 400 listing them), or `fallback` when absent.
    func choice<Choice: RawRepresentable>(_ name: String, _ allowed: [Choice], default fallback: Choice) throws
        -> Choice where Choice.RawValue == String
    {
        let raw = try choice(name, allowed.map(\.rawValue), default: fallback.rawValue)
        guard let value = allowed.first(where: { $0.rawValue == raw }) else {
            throw APIError.badParameter(name, "'\(raw)' is not allowed")
        }
        return value
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(
                name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// Whole numbers within `range` (repeatable or comma-separated).
    func integers(_ name: String, in range: ClosedRange<Int>) throws -> [Int] {
        try list(name).map { text in
            guard let value = Int(text), range.contains(value) else {
                throw APIError.badParameter(
                    name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
    }

    /// A finite, non-negative number (e.g. `250e6`).
    func number(_ name: String) throws -> Double? {
        guard let text = try string(name) else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw APIError.badParameter(name, "'\(text)' is not a non-negative number (e.g. 250e6)")
        }
        return value
    }

    /// `true`/`false` (also `1`/`0`), `fallback` when absent.
    func flag(_ name: String, default fallback: Bool = false) throws -> Bool {
        guard let text = try string(name) else { return fallback }
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError.badParameter(name, "'\(text)' is not true or false")
        }
    }

    /// `lang`: `en` (default) or `nl`.
    func language() throws -> Language {
        Language(rawValue: try choice("lang", Language.allCases.map(\.rawValue), default: Language.en.rawValue)) ?? .en
    }

    /// The parameters in a canonical order, for cache keys: the same query however it was written.
    var canonical: String {
        pairs.sorted { ($0.name, $0.value) < ($1.name, $1.value) }.map { "\($0.name)=\($0.value)" }.joined(
            separator: "&")
    }
}
