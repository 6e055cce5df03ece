import GRDB

/// The store's schema as ordered migrations; a database is brought up to date when opened.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-datasets-and-flows") { db in
            try db.execute(sql: """
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
        return migrator
    }
}
