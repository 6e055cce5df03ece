import ChainRiskCore
import GRDB

extension FlowCodeBook {
    /// Reads the three tables of an SQLite store.
    init(_ db: Database) throws {
        self.init(
            countries: try Row.fetchAll(db, sql: "SELECT id, code FROM countries").map { ($0["id"], $0["code"]) },
            products: try Row.fetchAll(db, sql: "SELECT id, classification, code FROM products").map { row in
                let token: String = row["classification"]
                return (row["id"], try FlowCodeBook.product(token, row["code"]))
            },
            labels: try Row.fetchAll(db, sql: "SELECT id, text FROM labels").map { ($0["id"], $0["text"]) })
    }
}

extension PendingCodes {
    /// Writes the codes into an SQLite store's tables.
    func write(_ db: Database) throws {
        for (id, code) in countries {
            try db.execute(sql: "INSERT INTO countries (id, code) VALUES (?, ?)", arguments: [id, code])
        }
        for (id, product) in products {
            try db.execute(
                sql: "INSERT INTO products (id, classification, code) VALUES (?, ?, ?)",
                arguments: [id, product.classification.token, product.code])
        }
        for (id, text) in labels {
            try db.execute(sql: "INSERT INTO labels (id, text) VALUES (?, ?)", arguments: [id, text])
        }
    }
}
