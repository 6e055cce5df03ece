import ChainRiskIngest
import ChainRiskReport
import Foundation
import HTTPTypes

/// The frame of every dashboard page: header, navigation, language switch, inline style and script.
///
/// Pages work without JavaScript; the script only sorts and filters tables in place and sends uploads with the
/// token as a bearer header. No external assets: everything is in the page.
enum DashboardLayout {
    /// The pages in the navigation, in order.
    enum Page: String, CaseIterable, Sendable {
        case overview, sectors, products, events, scenario, datasets

        var path: String { self == .overview ? "/" : "/" + rawValue }

        func title(_ language: Language) -> String {
            switch self {
            case .overview: language.pick(en: "Overview", nl: "Overzicht")
            case .sectors: language.pick(en: "Sectors", nl: "Sectoren")
            case .products: language.pick(en: "Products", nl: "Producten")
            case .events: language.pick(en: "Events", nl: "Verstoringen")
            case .scenario: language.pick(en: "Scenario", nl: "Scenario")
            case .datasets: language.pick(en: "Datasets", nl: "Datasets")
            }
        }
    }

    /// A link to `path` keeping the language and, unless it is the built-in one, the dataset.
    static func link(_ path: String, language: Language, dataset: String? = nil, extra: [(String, String)] = [])
        -> String
    {
        var pairs: [(String, String)] = []
        if language != .en { pairs.append(("lang", language.rawValue)) }
        if let dataset, dataset != BuiltInDatasets.letterName { pairs.append(("dataset", dataset)) }
        pairs += extra
        return path + query(pairs)
    }

    /// `?a=b&c=d`, percent-encoded; empty for no pairs.
    static func query(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return "?"
            + pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(
                separator: "&")
    }

    /// A whole page. `path` and `parameters` are the current page's, for the language switch.
    static func page(
        title: String, language: Language, current: Page?, path: String, parameters: [(String, String)],
        dataset: String?, body: String
    ) -> String {
        let other: Language = language == .en ? .nl : .en
        let switchPairs = parameters.filter { $0.0 != "lang" } + (other == .en ? [] : [("lang", other.rawValue)])
        // The navigation keeps what the reader chose: the dataset and the reporter go from page to page.
        let carried = parameters.filter { $0.0 == "dataset" || $0.0 == "reporter" }
        var html =
            ReportDocument.pageStart(
                title: title + " · chainrisk", language: language, style: ReportDocument.css + "\n" + css) + """
                <a class="skip" href="#main">\(language.pick(en: "Skip to content", nl: "Naar de inhoud"))</a>
                <header class="bar">
                <a class="brand" href="\(HTMLText.escape(link("/", language: language, extra: carried)))">chainrisk</a>
                <nav aria-label="\(language.pick(en: "Pages", nl: "Pagina's"))"><ul>

                """
        for page in Page.allCases {
            let currentMark = page == current ? " aria-current=\"page\"" : ""
            html +=
                "<li><a href=\"\(HTMLText.escape(link(page.path, language: language, extra: carried)))\"\(currentMark)>\(HTMLText.escape(page.title(language)))</a></li>\n"
        }
        html += """
            <li><a href="/api/v1/openapi.json">API</a></li>
            </ul></nav>
            <a class="lang" id="lang-switch" hreflang="\(other.rawValue)" lang="\(other.rawValue)" href="\(HTMLText.escape(path + query(switchPairs)))">\(other == .nl ? "Nederlands" : "English")</a>
            </header>
            <main id="main">
            <h1>\(HTMLText.escape(title))</h1>

            """
        if let dataset {
            html +=
                "<p class=\"dataset\">\(language.pick(en: "Dataset", nl: "Dataset")): <strong>\(HTMLText.escape(dataset))</strong></p>\n"
        }
        return html + body + "</main>\n<script>\n\(script)\n</script>\n</body>\n</html>\n"
    }

    /// The page shown for an error outside the API.
    static func errorPage(_ error: APIError, language: Language) -> String {
        page(
            title: "\(error.status.code) \(error.status.reasonPhrase)", language: language, current: nil, path: "/",
            parameters: [], dataset: nil,
            body:
                "<p role=\"alert\">\(HTMLText.escape(error.detail))</p>\n<p><a href=\"/\">\(language.pick(en: "Back to the overview", nl: "Terug naar het overzicht"))</a></p>\n"
        )
    }

    static let css = """
        body { max-width: 1200px; padding-top: 0; } .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .3rem; }
        .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; border-bottom: 3px solid #154273; padding: .6rem 0; }
        .bar ul { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: 0; padding: 0; columns: auto; }
        .bar a { color: #154273; text-decoration: none; font-weight: 600; } .bar a[aria-current="page"] { border-bottom: 3px solid #e17000; }
        .brand { font-size: 1.3rem; } .lang { margin-left: auto; border: 1px solid #154273; border-radius: 4px; padding: .15rem .5rem; }
        a { color: #154273; } a:focus, button:focus, input:focus, select:focus { outline: 3px solid #e17000; outline-offset: 1px; }
        .dataset { color: #444; } .findings li { margin: .3rem 0; }
        .badge { display: inline-block; border-radius: 3px; padding: 0 .4rem; font-size: .8rem; white-space: nowrap; }
        .class-highly_concentrated, .class-concentrated { background: #a4262c; color: #fff; } .class-somewhat_concentrated { background: #fdf0d5; color: #6b4500; border: 1px solid #b07a00; }
        .class-not_concentrated { background: #e3f1df; color: #2a5d2a; border: 1px solid #5b8f52; } .class-none { background: #eee; color: #333; }
        .hhi { display: inline-flex; align-items: center; gap: .4rem; } .hhi-bar { display: inline-block; width: 80px; height: .7rem; background: #e6e6e6; border: 1px solid #999; }
        .hhi-bar span { display: block; height: 100%; background: #154273; }
        th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; color: #1b1b1b; text-align: inherit; }
        th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
        form.filters, form.upload { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin: .8rem 0; }
        form label { display: flex; flex-direction: column; font-size: .9rem; } input, select, button.primary { font: inherit; padding: .25rem .4rem; }
        button.primary { background: #154273; color: #fff; border: 0; border-radius: 3px; padding: .35rem .9rem; cursor: pointer; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
        dl.totals { display: grid; grid-template-columns: max-content max-content; gap: .2rem 1.2rem; }
        dl.totals dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
        .note { background: #f3f6fa; border-left: 4px solid #154273; padding: .5rem .8rem; } [role="status"] { min-height: 1.5rem; }
        """

    static let script = """
        (function () {
          function cellValue(row, index) {
            var cell = row.children[index];
            if (!cell) return '';
            var raw = cell.getAttribute('data-value');
            if (raw !== null && raw !== '' && !isNaN(Number(raw))) return Number(raw);
            return cell.textContent.trim().toLowerCase();
          }
          document.querySelectorAll('table.sortable').forEach(function (table) {
            table.querySelectorAll('thead th').forEach(function (header, index) {
              var button = header.querySelector('button');
              if (!button) return;
              button.addEventListener('click', function () {
                var ascending = header.getAttribute('aria-sort') !== 'ascending';
                table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('aria-sort'); });
                header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = cellValue(a, index), y = cellValue(b, index);
                  var order = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y));
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          document.querySelectorAll('form.filters[data-table]').forEach(function (form) {
            var table = document.getElementById(form.getAttribute('data-table'));
            var text = form.querySelector('input[name="q"]');
            var kind = form.querySelector('select[name="class"]');
            var status = form.querySelector('[role="status"]');
            function apply() {
              var q = text ? text.value.trim().toLowerCase() : '';
              var wanted = kind ? kind.value : '';
              var shown = 0;
              Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                var match = (!q || row.textContent.toLowerCase().indexOf(q) >= 0) && (!wanted || row.getAttribute('data-class') === wanted);
                row.hidden = !match;
                if (match) shown++;
              });
              if (status) status.textContent = shown + ' / ' + table.tBodies[0].rows.length;
            }
            if (text) text.addEventListener('input', apply);
            if (kind) kind.addEventListener('change', apply);
          });
          var upload = document.querySelector('form.upload');
          if (upload) {
            upload.addEventListener('submit', function (event) {
              event.preventDefault();
              var status = upload.querySelector('[role="status"]');
              var file = upload.querySelector('input[type="file"]').files[0];
              var name = upload.querySelector('input[name="name"]').value.trim();
              var token = upload.querySelector('input[name="token"]').value;
              if (!file || !name) { status.textContent = upload.getAttribute('data-missing'); return; }
              status.textContent = upload.getAttribute('data-sending');
              fetch('/api/v1/datasets?name=' + encodeURIComponent(name) + '&filename=' + encodeURIComponent(file.name.replace(/[^A-Za-z0-9._-]/g, '_')), {
                method: 'POST', headers: { 'Authorization': 'Bearer ' + token }, body: file
              }).then(function (response) {
                return response.json().then(function (body) {
                  if (response.ok) { window.location.reload(); }
                  else { status.textContent = response.status + ': ' + (body.detail || body.error); }
                });
              }).catch(function (error) { status.textContent = String(error); });
            });
          }
        })();
        """
}
