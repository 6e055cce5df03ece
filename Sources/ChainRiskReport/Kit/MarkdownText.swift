import Foundation

extension String {
    /// The text with `<` written as `&lt;`, so that Markdown shows a name from the inputs (`<script>`,
    /// `<img onerror=…>`) as text instead of passing it to a renderer as HTML; a lone `>` (`imports > EUR 1 bn`) opens
    /// no tag and stays as it is.
    public func escapingMarkdownHTML() -> String {
        guard contains("<") else { return self }
        return replacingOccurrences(of: "<", with: "&lt;")
    }
}
