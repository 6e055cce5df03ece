import ChainRiskCore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The shared store: one PostgreSQL database behind the dashboard and the CLI of a team.
///
/// Same tables and columns as the SQLite store: flows coded as integers against the lookup tables `countries`,
/// `products` and `labels` (text in the "C" collation, so that flows come back in the same byte order, and sums in the
/// same order, as from SQLite), and a `flow_rows` view that shows them as text. Flows go in through
/// `COPY … FROM STDIN` inside the import's transaction; imports take a transaction-level advisory lock, so writers
/// follow one another while readers go on. Flows carry no foreign key and are deleted explicitly, which keeps the
/// schema distributable on Citus (README: `flows` and `flow_blocks` distributed by `dataset_id`; `datasets`,
/// `dataset_files` and the lookup tables reference tables).
public final class PostgresTradeStore: TradeStore {
    public let location: String
    let pool: PostgresConnectionPool

    /// Connects to the database at `location` and brings its schema up to date; `connections` bounds the pool.
    public init(_ location: PostgresLocation, connections: Int = 8) throws {
        self.location = location.description
        pool = PostgresConnectionPool(location: location, limit: connections)
        try pool.withConnection { try PostgresSchema.migrate($0, logger: pool.logger, location: self.location) }
    }

    deinit { pool.shutdown() }

    /// Runs `query` and returns its rows, with a server error turned into a `StoreError` naming the statement's job.
    static func rows(_ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger, _ job: String) throws
        -> [PostgresRow]
    {
        do {
            return Array(try connection.query(query, logger: logger).wait().rows)
        } catch let error as PSQLError {
            let lost = PostgresConnectionPool.isConnectionLost(error)
            throw StoreError(
                lost ? .unreachable : .unavailable,
                "PostgreSQL could not \(job): \(PostgresConnectionPool.describe(error))")
        }
    }

    /// Runs statements that return nothing.
    static func execute(_ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger, _ job: String) throws
    {
        _ = try rows(connection, query, logger: logger, job)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws (the connection is closed
    /// when even the rollback fails, so the pool never hands out a connection in a failed transaction).
    static func transaction<T>(
        _ connection: PostgresConnection, logger: Logger, readOnly: Bool = false, _ body: () throws -> T
    ) throws -> T {
        try execute(
            connection, PostgresQuery(unsafeSQL: readOnly ? "BEGIN READ ONLY" : "BEGIN"), logger: logger,
            "begin a transaction")
        do {
            let result = try body()
            try execute(connection, "COMMIT", logger: logger, "commit")
            return result
        } catch {
            // A lost or closed connection has no transaction left to roll back (the server discarded it).
            if connection.isClosed || (error as? StoreError)?.code == .unreachable {
                _ = try? connection.close().wait()
            } else {
                do { try execute(connection, "ROLLBACK", logger: logger, "roll back") } catch {
                    _ = try? connection.close().wait()
                }
            }
            throw error
        }
    }

    /// The id of the dataset named `name`, or nil.
    static func datasetID(_ connection: PostgresConnection, name: String, logger: Logger) throws -> Int64? {
        try rows(
            connection, "SELECT id FROM datasets WHERE name = \(name)", logger: logger, "look up dataset '\(name)'"
        )
        .first.map { try $0.decode(Int64.self) }
    }
}

/// The PostgreSQL schema as numbered migrations, recorded in `chainrisk_schema`.
enum PostgresSchema {
    /// Statements of each migration, in order; migration n brings a database to version n.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE datasets (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text COLLATE "C" NOT NULL UNIQUE,
                source_format text NOT NULL,
                imported_at text NOT NULL,
                chainrisk_version text NOT NULL,
                row_count bigint NOT NULL,
                value_totals text NOT NULL,
                findings text NOT NULL,
                options text NOT NULL
            )
            """,
            """
            CREATE TABLE dataset_files (
                dataset_id bigint NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                position integer NOT NULL,
                path text NOT NULL,
                sha256 text NOT NULL,
                size_bytes bigint NOT NULL,
                source_format text NOT NULL,
                records bigint NOT NULL,
                flows bigint NOT NULL,
                PRIMARY KEY (dataset_id, position)
            )
            """,
            """
            CREATE TABLE flows (
                dataset_id bigint NOT NULL,
                year integer NOT NULL,
                month integer NOT NULL,
                reporter text COLLATE "C" NOT NULL,
                partner text COLLATE "C" NOT NULL,
                classification text COLLATE "C" NOT NULL,
                product text COLLATE "C" NOT NULL,
                flow text COLLATE "C" NOT NULL,
                value double precision,
                unit text NOT NULL,
                quantity double precision,
                quantity_unit text,
                status text NOT NULL,
                source_file integer NOT NULL,
                source_line bigint NOT NULL
            )
            """,
            "CREATE INDEX flows_by_key ON flows (dataset_id, reporter, year, flow, classification, product, partner, month)",
        ],
        [
            // Version 2: integer-coded flows, as in the SQLite store. Codes live in three small lookup tables; a flow
            // holds their ids and its place in its dataset (`seq`, from 0 in import order). No B-tree on the flows: an
            // import appends, and a BRIN range index finds a dataset's blocks (its rows are appended together).
            "CREATE TABLE countries (id integer PRIMARY KEY, code text COLLATE \"C\" NOT NULL UNIQUE)",
            """
            CREATE TABLE products (
                id integer PRIMARY KEY,
                classification text COLLATE "C" NOT NULL,
                code text COLLATE "C" NOT NULL,
                UNIQUE (classification, code)
            )
            """,
            "CREATE TABLE labels (id integer PRIMARY KEY, text text COLLATE \"C\" NOT NULL UNIQUE)",
            """
            INSERT INTO countries (id, code)
            SELECT row_number() OVER (ORDER BY code), code FROM (SELECT reporter AS code FROM flows UNION SELECT partner FROM flows) c
            """,
            """
            INSERT INTO products (id, classification, code)
            SELECT row_number() OVER (ORDER BY classification, product), classification, product
            FROM (SELECT DISTINCT classification, product FROM flows) p
            """,
            """
            INSERT INTO labels (id, text)
            SELECT row_number() OVER (ORDER BY text), text FROM (
                SELECT flow AS text FROM flows UNION SELECT unit FROM flows UNION SELECT status FROM flows
                UNION SELECT quantity_unit FROM flows WHERE quantity_unit IS NOT NULL
            ) l
            """,
            """
            CREATE TABLE flows_v2 (
                dataset_id bigint NOT NULL,
                seq bigint NOT NULL,
                year integer NOT NULL,
                month integer NOT NULL,
                reporter integer NOT NULL,
                partner integer NOT NULL,
                product integer NOT NULL,
                flow integer NOT NULL,
                value double precision,
                unit integer NOT NULL,
                quantity double precision,
                quantity_unit integer,
                status integer NOT NULL,
                source_file integer NOT NULL,
                source_line bigint NOT NULL
            )
            """,
            """
            INSERT INTO flows_v2
            SELECT f.dataset_id, row_number() OVER (PARTITION BY f.dataset_id ORDER BY f.source_file, f.source_line) - 1,
                   f.year, f.month, r.id, p.id, pr.id, fl.id, f.value, u.id, f.quantity, qu.id, st.id, f.source_file, f.source_line
            FROM flows f
            JOIN countries r ON r.code = f.reporter
            JOIN countries p ON p.code = f.partner
            JOIN products pr ON pr.classification = f.classification AND pr.code = f.product
            JOIN labels fl ON fl.text = f.flow
            JOIN labels u ON u.text = f.unit
            JOIN labels st ON st.text = f.status
            LEFT JOIN labels qu ON qu.text = f.quantity_unit
            ORDER BY 1, 2
            """,
            "DROP TABLE flows",
            "ALTER TABLE flows_v2 RENAME TO flows",
            "CREATE INDEX flows_by_dataset ON flows USING brin (dataset_id, seq) WITH (autosummarize = on)",
            """
            CREATE VIEW flow_rows AS
            SELECT f.dataset_id, f.seq, f.year, f.month, r.code AS reporter, p.code AS partner, pr.classification,
                   pr.code AS product, fl.text AS flow, f.value, u.text AS unit, f.quantity, qu.text AS quantity_unit,
                   st.text AS status, f.source_file, f.source_line
            FROM flows f
            JOIN countries r ON r.id = f.reporter
            JOIN countries p ON p.id = f.partner
            JOIN products pr ON pr.id = f.product
            JOIN labels fl ON fl.id = f.flow
            JOIN labels u ON u.id = f.unit
            JOIN labels st ON st.id = f.status
            LEFT JOIN labels qu ON qu.id = f.quantity_unit
            """,
        ],
        [
            // Version 3: when a fetched response was retrieved (`chainrisk fetch`).
            "ALTER TABLE dataset_files ADD COLUMN retrieved_at text"
        ],
        [
            // Version 4: each dataset's flows also as packed column blocks, written at import (`PackedColumnBlock`);
            // datasets imported before have none and are packed by the server when read. Stored without compression:
            // the words hardly compress, and reading them back is a copy.
            """
            CREATE TABLE flow_blocks (
                dataset_id bigint NOT NULL,
                part integer NOT NULL,
                flows integer NOT NULL,
                flow integer NOT NULL,
                unit integer NOT NULL,
                fits boolean NOT NULL,
                country_words bytea NOT NULL,
                product_words bytea NOT NULL,
                value_words bytea NOT NULL,
                PRIMARY KEY (dataset_id, part)
            )
            """,
            """
            ALTER TABLE flow_blocks ALTER COLUMN country_words SET STORAGE EXTERNAL, ALTER COLUMN product_words SET STORAGE EXTERNAL,
                ALTER COLUMN value_words SET STORAGE EXTERNAL
            """,
        ],
        [
            // Version 5: a generation every write bumps, so a server sees datasets imported or removed by other processes.
            "CREATE TABLE store_generation (value bigint NOT NULL)",
            "INSERT INTO store_generation VALUES (0)",
        ],
    ]

    /// A key for `pg_advisory_xact_lock` shared by migrations and imports ("chainrisk" in ASCII, folded to 63 bits).
    static let writerLock: Int64 = 0x6368_6169_6E72_6973

    /// Takes the writers' lock for the transaction and bumps the store's generation (`TradeStore.generation`).
    static func lockForWriting(_ connection: PostgresConnection, logger: Logger) throws {
        try PostgresTradeStore.execute(
            connection, "SELECT pg_advisory_xact_lock(\(writerLock))", logger: logger, "lock the store for writing")
        try PostgresTradeStore.execute(
            connection, "UPDATE store_generation SET value = value + 1", logger: logger, "count the write")
    }

    /// Creates or upgrades the schema; throws `newerSchema` for a database a newer chainrisk wrote.
    ///
    /// A store already at this version opens without the writers' lock, which an import holds for its whole
    /// transaction: readers never wait for a running import.
    static func migrate(_ connection: PostgresConnection, logger: Logger, location: String) throws {
        if let version = try recordedVersion(connection, logger: logger) {
            try requireKnown(version, location: location)
            if version == migrations.count { return }
        }
        try PostgresTradeStore.transaction(connection, logger: logger) {
            try PostgresTradeStore.execute(
                connection, "SELECT pg_advisory_xact_lock(\(writerLock))", logger: logger, "lock the schema")
            // Created only when missing: even CREATE TABLE IF NOT EXISTS needs the right to create, which a user of an
            // existing store need not have.
            let recorded = try recordedVersion(connection, logger: logger)
            if recorded == nil {
                try PostgresTradeStore.execute(
                    connection, "CREATE TABLE chainrisk_schema (version integer NOT NULL)", logger: logger,
                    "create the schema table")
            }
            let version = recorded ?? 0
            try requireKnown(version, location: location)
            for number in version..<migrations.count {
                for statement in migrations[number] {
                    try PostgresTradeStore.execute(
                        connection, PostgresQuery(unsafeSQL: statement), logger: logger,
                        "migrate the schema to version \(number + 1)")
                }
                try PostgresTradeStore.execute(
                    connection, "INSERT INTO chainrisk_schema (version) VALUES (\(number + 1))", logger: logger,
                    "record the schema version")
            }
        }
    }

    /// The schema version the database records, or nil when it has no `chainrisk_schema` table yet.
    private static func recordedVersion(_ connection: PostgresConnection, logger: Logger) throws -> Int? {
        let exists =
            try PostgresTradeStore.rows(
                connection, "SELECT to_regclass('chainrisk_schema') IS NOT NULL", logger: logger,
                "look for the schema table"
            )
            .first.map { try $0.decode(Bool.self) } ?? false
        guard exists else { return nil }
        return try PostgresTradeStore.rows(
            connection, "SELECT coalesce(max(version), 0) FROM chainrisk_schema", logger: logger,
            "read the schema version"
        )
        .first.map { try $0.decode(Int.self) } ?? 0
    }

    private static func requireKnown(_ version: Int, location: String) throws {
        guard version <= migrations.count else {
            throw StoreError(
                .newerSchema,
                "the database \(location) has schema version \(version), written by a newer chainrisk (this one knows \(migrations.count)); use that version or another --db"
            )
        }
    }
}
