import Foundation

/// The visible text of an HTML page or report, to compare an English and a Dutch rendering of it.
public enum PageText {
    /// The text nodes of `html` before its provenance (machine records: file names, hashes, settings), styles and
    /// scripts left out, entities read.
    public static func textNodes(_ html: String) -> Set<String> {
        let body = html.components(separatedBy: "id=\"provenance\"").first ?? html
        let visible = body.replacing(/<style.*?<\/style>/.dotMatchesNewlines(), with: "")
            .replacing(/<script.*?<\/script>/.dotMatchesNewlines(), with: "")
        return Set(
            visible.matches(of: />([^<>]+)</).map {
                String($0.1).trimmingCharacters(in: .whitespacesAndNewlines)
                    .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&quot;", with: "\"")
            })
    }

    /// English text of `english` that the Dutch page repeats, leaving out codes, commands, identifiers, `XXX` and
    /// one-word `Name (XXX)` country forms and anything `isName` accepts (product descriptions exist in English only;
    /// country names alike in both languages).
    public static func untranslated(english: String, dutch: String, isName: (String) -> Bool) -> [String] {
        let shared = textNodes(english).intersection(textNodes(dutch))
        return shared.filter { node in
            // A page title repeats its heading with the site's name.
            let text = node.hasSuffix(" · chainrisk") ? String(node.dropLast(" · chainrisk".count)) : node
            guard text.matches(of: /[A-Za-z]{2,}/).count >= 2 else { return false }
            // Identifiers: dataset names such as nl-letter-2021, hashes.
            if !text.contains(" ") && text.contains(where: \.isNumber) { return false }
            if text.hasPrefix("chainrisk ") { return false }
            if text.firstMatch(of: /^[A-Z]{3}(, [A-Z]{3})*$|^[A-Z][a-z]+ \([A-Z]{3}\)$/) != nil { return false }
            // "3 4415 Packing cases, …": a chart legend number, a product code, a shortened name.
            let core = text.replacing(#/^\d+ (\d{2,6} )?/#, with: "").replacing(/…$/, with: "")
            return !isName(core)
        }.sorted()
    }

    /// Raw class codes (`highly_concentrated`, …) in the visible text of `html`, which people should never read.
    public static func rawClassCodes(_ html: String) -> [String] {
        let codes = ["not_concentrated", "moderately_concentrated", "highly_concentrated", "no_data"]
        return textNodes(html).filter { node in codes.contains { node.contains($0) } }.sorted()
    }
}
