import ChainRiskCore
import Logging
import PostgresNIO

extension FlowCodeBook {
    /// Reads the three lookup tables of a PostgreSQL store.
    init(_ connection: PostgresConnection, logger: Logger) throws {
        let countries = try PostgresTradeStore.rows(
            connection, "SELECT id, code FROM countries", logger: logger, "read the country codes"
        )
        .map { try $0.decode((Int64, String).self) }
        let products = try PostgresTradeStore.rows(
            connection, "SELECT id, classification, code FROM products", logger: logger, "read the product codes"
        )
        .map { row in
            let (id, token, code) = try row.decode((Int64, String, String).self)
            return (id, try FlowCodeBook.product(token, code))
        }
        let labels = try PostgresTradeStore.rows(
            connection, "SELECT id, text FROM labels", logger: logger, "read the labels"
        )
        .map { try $0.decode((Int64, String).self) }
        self.init(countries: countries, products: products, labels: labels)
    }
}

extension PendingCodes {
    /// Writes the codes into a PostgreSQL store's lookup tables, one statement per table.
    func write(_ connection: PostgresConnection, logger: Logger) throws {
        if !countries.isEmpty {
            try PostgresTradeStore.execute(
                connection,
                """
                INSERT INTO countries (id, code) SELECT * FROM unnest(\(countries.map(\.0)), \(countries.map(\.1)))
                """, logger: logger, "record new country codes")
        }
        if !products.isEmpty {
            try PostgresTradeStore.execute(
                connection,
                """
                INSERT INTO products (id, classification, code)
                SELECT * FROM unnest(\(products.map(\.0)), \(products.map(\.1.classification.token)), \(products.map(\.1.code)))
                """, logger: logger, "record new product codes")
        }
        if !labels.isEmpty {
            try PostgresTradeStore.execute(
                connection,
                """
                INSERT INTO labels (id, text) SELECT * FROM unnest(\(labels.map(\.0)), \(labels.map(\.1)))
                """, logger: logger, "record new labels")
        }
    }
}
