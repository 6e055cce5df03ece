/// Any key of a JSON object, for checking that a rule file uses only known keys.
struct RuleFileKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }

    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Throws when the current JSON object has a key outside `allowed`, so a misspelt key in a rule file is an error
    /// rather than a silently ignored condition.
    func requireKnownKeys(_ allowed: [String]) throws {
        let container = try container(keyedBy: RuleFileKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath,
                    debugDescription:
                        "unknown key \(unknown.map { "'\($0)'" }.joined(separator: ", ")); expected one of \(allowed.joined(separator: ", "))"
                ))
        }
    }
}

extension DecodingError {
    /// The place (`rules[3].when`) and message of a decoding error, for `PolicyRuleError`.
    var placeAndMessage: (path: String, message: String, isUnknownKey: Bool) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch self {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type): \(context.debugDescription)", false)
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "missing value of type \(type)", false)
        case .keyNotFound(let key, let context):
            return (path(context.codingPath), "missing key '\(key.stringValue)'", false)
        case .dataCorrupted(let context):
            return (
                path(context.codingPath), context.debugDescription, context.debugDescription.hasPrefix("unknown key")
            )
        @unknown default:
            return ("", String(describing: self), false)
        }
    }
}
