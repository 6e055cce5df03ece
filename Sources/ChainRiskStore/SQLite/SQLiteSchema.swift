import GRDB

/// The store's schema as ordered migrations; a database is brought up to date when opened.
///
/// Since v2 a flow is a row of integers: countries, products and labels (flow kinds, units, statuses) are stored
/// once in lookup tables and flows refer to them by id. A dataset's flows are written in one transaction and occupy
/// one range of `seq` (`datasets.first_flow`…`last_flow`), so reads and removals address them by that range and their
/// `dataset_id`, and the flows table needs no secondary index: an import appends rows and nothing else. Since v4 `seq`
/// is the table's INTEGER PRIMARY KEY, which `VACUUM`, `.dump` and `.backup` keep (a bare rowid they may renumber).
/// The view `flow_rows` shows flows with their codes as text, for anyone who queries the file with SQL.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-datasets-and-flows") { db in
            try db.execute(
                sql: """
                    CREATE TABLE datasets (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        source_format TEXT NOT NULL,
                        imported_at TEXT NOT NULL,
                        chainrisk_version TEXT NOT NULL,
                        row_count INTEGER NOT NULL,
                        value_totals TEXT NOT NULL,
                        findings TEXT NOT NULL,
                        options TEXT NOT NULL
                    );
                    CREATE TABLE dataset_files (
                        dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        size_bytes INTEGER NOT NULL,
                        source_format TEXT NOT NULL,
                        records INTEGER NOT NULL,
                        flows INTEGER NOT NULL,
                        PRIMARY KEY (dataset_id, position)
                    );
                    CREATE TABLE flows (
                        dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                        year INTEGER NOT NULL,
                        month INTEGER NOT NULL,
                        reporter TEXT NOT NULL,
                        partner TEXT NOT NULL,
                        classification TEXT NOT NULL,
                        product TEXT NOT NULL,
                        flow TEXT NOT NULL,
                        value REAL,
                        unit TEXT NOT NULL,
                        quantity REAL,
                        quantity_unit TEXT,
                        status TEXT NOT NULL,
                        source_file INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );
                    CREATE INDEX flows_by_key ON flows(dataset_id, reporter, year, flow, classification, product, partner, month);
                    """)
        }
        migrator.registerMigration("v2-integer-coded-flows") { db in
            try db.execute(
                sql: """
                    CREATE TABLE countries (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
                    CREATE TABLE products (
                        id INTEGER PRIMARY KEY,
                        classification TEXT NOT NULL,
                        code TEXT NOT NULL,
                        UNIQUE (classification, code)
                    );
                    CREATE TABLE labels (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
                    INSERT INTO countries (code) SELECT code FROM (SELECT reporter AS code FROM flows UNION SELECT partner FROM flows) ORDER BY code;
                    INSERT INTO products (classification, code) SELECT DISTINCT classification, product FROM flows ORDER BY 1, 2;
                    INSERT INTO labels (text) SELECT text FROM (
                        SELECT flow AS text FROM flows UNION SELECT unit FROM flows UNION SELECT status FROM flows
                        UNION SELECT quantity_unit FROM flows WHERE quantity_unit IS NOT NULL
                    ) ORDER BY text;
                    CREATE TABLE flows_v2 (
                        dataset_id INTEGER NOT NULL,
                        year INTEGER NOT NULL,
                        month INTEGER NOT NULL,
                        reporter INTEGER NOT NULL,
                        partner INTEGER NOT NULL,
                        product INTEGER NOT NULL,
                        flow INTEGER NOT NULL,
                        value REAL,
                        unit INTEGER NOT NULL,
                        quantity REAL,
                        quantity_unit INTEGER,
                        status INTEGER NOT NULL,
                        source_file INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );
                    INSERT INTO flows_v2
                    SELECT f.dataset_id, f.year, f.month, r.id, p.id, pr.id, fl.id, f.value, u.id, f.quantity, qu.id, st.id,
                           f.source_file, f.source_line
                    FROM flows f
                    JOIN countries r ON r.code = f.reporter
                    JOIN countries p ON p.code = f.partner
                    JOIN products pr ON pr.classification = f.classification AND pr.code = f.product
                    JOIN labels fl ON fl.text = f.flow
                    JOIN labels u ON u.text = f.unit
                    JOIN labels st ON st.text = f.status
                    LEFT JOIN labels qu ON qu.text = f.quantity_unit
                    ORDER BY f.dataset_id, f.rowid;
                    DROP INDEX flows_by_key;
                    DROP TABLE flows;
                    ALTER TABLE flows_v2 RENAME TO flows;
                    ALTER TABLE datasets ADD COLUMN first_flow INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE datasets ADD COLUMN last_flow INTEGER NOT NULL DEFAULT -1;
                    UPDATE datasets SET
                        first_flow = coalesce((SELECT min(rowid) FROM flows WHERE flows.dataset_id = datasets.id), 0),
                        last_flow = coalesce((SELECT max(rowid) FROM flows WHERE flows.dataset_id = datasets.id), -1);
                    CREATE VIEW flow_rows AS
                    SELECT f.rowid AS seq, f.dataset_id, f.year, f.month, r.code AS reporter, p.code AS partner,
                           pr.classification, pr.code AS product, fl.text AS flow, f.value, u.text AS unit, f.quantity,
                           qu.text AS quantity_unit, st.text AS status, f.source_file, f.source_line
                    FROM flows f
                    JOIN countries r ON r.id = f.reporter
                    JOIN countries p ON p.id = f.partner
                    JOIN products pr ON pr.id = f.product
                    JOIN labels fl ON fl.id = f.flow
                    JOIN labels u ON u.id = f.unit
                    JOIN labels st ON st.id = f.status
                    LEFT JOIN labels qu ON qu.id = f.quantity_unit;
                    """)
        }
        migrator.registerMigration("v3-file-retrieval-time") { db in
            try db.execute(sql: "ALTER TABLE dataset_files ADD COLUMN retrieved_at TEXT")
        }
        migrator.registerMigration(stableFlowSequence, migrate: rebuildWithStableSequence)
        migrator.registerMigration("v5-store-generation") { db in
            try db.execute(
                sql: "CREATE TABLE store_generation (value INTEGER NOT NULL); INSERT INTO store_generation VALUES (0)")
        }
        return migrator
    }

    /// Bumps the store's generation (`TradeStore.generation`) inside a write transaction.
    static func countWrite(_ db: Database) throws {
        try db.execute(sql: "UPDATE store_generation SET value = value + 1")
    }

    /// The migration that gave flows a `seq` that maintenance keeps; a store opened before it is checked after it.
    static let stableFlowSequence = "v4-stable-flow-sequence"

    /// v4: `seq INTEGER PRIMARY KEY` replaces the bare rowid, and each dataset's range is derived anew from the rows'
    /// own `dataset_id`.
    ///
    /// Rows are copied in (dataset, old rowid) order, so every dataset is one range again even in a store that a
    /// `VACUUM` or a dump and restore renumbered before this version (its ranges then pointed at other rows).
    private static func rebuildWithStableSequence(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP VIEW flow_rows;
                CREATE TABLE flows_v4 (
                    seq INTEGER PRIMARY KEY,
                    dataset_id INTEGER NOT NULL,
                    year INTEGER NOT NULL,
                    month INTEGER NOT NULL,
                    reporter INTEGER NOT NULL,
                    partner INTEGER NOT NULL,
                    product INTEGER NOT NULL,
                    flow INTEGER NOT NULL,
                    value REAL,
                    unit INTEGER NOT NULL,
                    quantity REAL,
                    quantity_unit INTEGER,
                    status INTEGER NOT NULL,
                    source_file INTEGER NOT NULL,
                    source_line INTEGER NOT NULL
                );
                INSERT INTO flows_v4 (dataset_id, year, month, reporter, partner, product, flow, value, unit, quantity,
                                      quantity_unit, status, source_file, source_line)
                SELECT dataset_id, year, month, reporter, partner, product, flow, value, unit, quantity, quantity_unit, status,
                       source_file, source_line
                FROM flows ORDER BY dataset_id, rowid;
                DROP TABLE flows;
                ALTER TABLE flows_v4 RENAME TO flows;
                UPDATE datasets SET first_flow = 0, last_flow = -1;
                UPDATE datasets SET first_flow = r.low, last_flow = r.high
                FROM (SELECT dataset_id, min(seq) AS low, max(seq) AS high FROM flows GROUP BY dataset_id) AS r
                WHERE r.dataset_id = datasets.id;
                CREATE VIEW flow_rows AS
                SELECT f.seq, f.dataset_id, f.year, f.month, r.code AS reporter, p.code AS partner,
                       pr.classification, pr.code AS product, fl.text AS flow, f.value, u.text AS unit, f.quantity,
                       qu.text AS quantity_unit, st.text AS status, f.source_file, f.source_line
                FROM flows f
                JOIN countries r ON r.id = f.reporter
                JOIN countries p ON p.id = f.partner
                JOIN products pr ON pr.id = f.product
                JOIN labels fl ON fl.id = f.flow
                JOIN labels u ON u.id = f.unit
                JOIN labels st ON st.id = f.status
                LEFT JOIN labels qu ON qu.id = f.quantity_unit;
                """)
    }
}
