/// A format-neutral report: sections of paragraphs, lists, tables and charts, rendered as Markdown, HTML or text.
public struct ReportDocument: Sendable {
    /// A piece of a section.
    public enum Block: Sendable {
        case paragraph(String)
        case list([String])
        /// A list whose items may have sub-items (the provenance: inputs with their files).
        case outline([(item: String, children: [String])])
        /// A table; `cellClass` names a CSS class per (row, column) for HTML colouring (e.g. risk bands).
        case table(DataTable, cellClass: (@Sendable (Int, Int) -> String?)? = nil)
        /// An inline SVG chart (HTML only) with a text alternative for the other formats.
        case chart(svg: String, alternative: String)
    }

    /// A section with a stable id (the HTML anchor) and a heading.
    public struct Section: Sendable {
        public let id: String
        public let heading: String
        public let blocks: [Block]

        public init(id: String, heading: String, blocks: [Block]) {
            self.id = id
            self.heading = heading
            self.blocks = blocks
        }
    }

    public let title: String
    public let subtitle: String
    public let language: Language
    public let sections: [Section]

    public init(title: String, subtitle: String, language: Language, sections: [Section]) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.sections = sections
    }

    /// GitHub-flavoured Markdown; charts are left out (their data is in the tables).
    public func renderMarkdown() -> String {
        var output = "# \(title.escapingMarkdownHTML())\n\n_\(subtitle.escapingMarkdownHTML())_\n\n"
        for section in sections {
            output += "## \(section.heading.escapingMarkdownHTML())\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): output += text.escapingMarkdownHTML() + "\n\n"
                case .list(let items):
                    output += items.map { "- " + $0.escapingMarkdownHTML() }.joined(separator: "\n") + "\n\n"
                case .outline(let items):
                    output +=
                        items.map { item in
                            (["- " + item.item] + item.children.map { "  - " + $0 }).map { $0.escapingMarkdownHTML() }
                                .joined(separator: "\n")
                        }.joined(separator: "\n") + "\n\n"
                case .table(let table, _): output += table.localized(language).renderMarkdown() + "\n"
                case .chart: break
                }
            }
        }
        return output
    }

    /// Plain text for a terminal.
    public func renderText() -> String {
        var output = title + "\n" + String(repeating: "=", count: title.count) + "\n" + subtitle + "\n\n"
        for section in sections {
            output += section.heading + "\n" + String(repeating: "-", count: section.heading.count) + "\n\n"
            for block in section.blocks {
                switch block {
                case .paragraph(let text): output += text + "\n\n"
                case .list(let items): output += items.map { "  * " + $0 }.joined(separator: "\n") + "\n\n"
                case .outline(let items):
                    output +=
                        items.map { (["  * " + $0.item] + $0.children.map { "    - " + $0 }).joined(separator: "\n") }
                        .joined(separator: "\n") + "\n\n"
                case .table(let table, _):
                    output += table.localized(language).truncatingText(to: 48).renderText() + "\n"
                case .chart: break
                }
            }
        }
        return output
    }

    /// One self-contained HTML page: inline CSS and SVG, no scripts, printable.
    public func renderHTML() -> String {
        var html =
            Self.pageStart(title: title, language: language, style: Self.css) + """
                <header><h1>\(HTMLText.escape(title))</h1><p class="subtitle">\(HTMLText.escape(subtitle))</p></header>
                <nav aria-label="\(language.pick(en: "Contents", nl: "Inhoud"))"><ol>

                """
        for section in sections {
            html += "<li><a href=\"#\(section.id)\">\(HTMLText.escape(section.heading))</a></li>\n"
        }
        html += "</ol></nav>\n<main>\n"
        for section in sections { html += renderHTML(section) }
        return html + "</main>\n</body>\n</html>\n"
    }

    /// The start of an HTML page up to `<body>`: doctype, language, charset, viewport, title and inline style.
    public static func pageStart(title: String, language: Language, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """
    }

    /// One section as an HTML `<section>` with its heading at `headingLevel`, or none when nil (the dashboard embeds
    /// the report's sections this way, under a page heading of its own).
    public func renderHTML(_ section: Section, headingLevel: Int? = 2) -> String {
        var html = "<section id=\"\(section.id)\">\n"
        if let level = headingLevel { html += "<h\(level)>\(HTMLText.escape(section.heading))</h\(level)>\n" }
        for block in section.blocks {
            switch block {
            case .paragraph(let text): html += "<p>\(HTMLText.escape(text))</p>\n"
            case .list(let items):
                html += "<ul>\n" + items.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
            case .outline(let items):
                html +=
                    "<ul>\n"
                    + items.map { entry in
                        let children =
                            entry.children.isEmpty
                            ? ""
                            : "\n<ul>\n" + entry.children.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined()
                                + "</ul>\n"
                        return "<li>\(HTMLText.escape(entry.item))\(children)</li>\n"
                    }.joined() + "</ul>\n"
            case .table(let table, let cellClass):
                html +=
                    "<div class=\"table\">\n" + HTMLText.table(table.localized(language), cellClass: cellClass)
                    + "</div>\n"
            case .chart(let svg, let alternative):
                html += "<figure>\n\(svg)<figcaption>\(HTMLText.escape(alternative))</figcaption>\n</figure>\n"
            }
        }
        return html + "</section>\n"
    }

    /// The report's style sheet: colours, tables, risk bands, charts.
    public static let css = """
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1b1b1b; max-width: 1100px; margin: 0 auto; padding: 1.5rem; line-height: 1.45; }
        h1 { color: #154273; margin-bottom: 0.2rem; } h2 { color: #154273; border-bottom: 2px solid #154273; padding-bottom: 0.2rem; margin-top: 2.2rem; }
        .subtitle { color: #555; margin-top: 0; } nav ol { columns: 2; font-size: 0.95rem; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.8rem 0; } caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.45rem; vertical-align: top; } thead th { background: #e8eef5; }
        tbody th { text-align: left; font-weight: normal; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        .band-orange { background: #f6a75b; } .band-yellow { background: #fbe38e; } .band-green { background: #b5d99c; }
        .table { overflow-x: auto; } figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #555; }
        svg text { font-family: "DejaVu Sans", Arial, sans-serif; fill: #1b1b1b; }
        @media print { nav { display: none; } section { break-inside: avoid-page; } body { max-width: none; } }
        """
}
