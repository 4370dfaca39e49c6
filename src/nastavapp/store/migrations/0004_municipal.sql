-- Schema version 4: the municipal centre's tables (the «Муниципальный центр» mode): the schools'
-- reports received, with the replaced ones kept as history, and the schools expected to report.
-- A school's own file carries them empty.

CREATE TABLE municipal_report (
	id INTEGER NOT NULL,
	school_key VARCHAR NOT NULL,
	full_name VARCHAR NOT NULL,
	short_name VARCHAR NOT NULL,
	municipality VARCHAR NOT NULL,
	code VARCHAR NOT NULL,
	year VARCHAR NOT NULL,
	reference_date DATE,
	generated_at VARCHAR NOT NULL,
	received_at DATETIME NOT NULL,
	source_file VARCHAR NOT NULL,
	format_version INTEGER NOT NULL,
	figures JSON NOT NULL,
	superseded BOOLEAN NOT NULL,
	replaced_by_id INTEGER,
	PRIMARY KEY (id),
	FOREIGN KEY(replaced_by_id) REFERENCES municipal_report (id) ON DELETE SET NULL
);

CREATE INDEX ix_municipal_report_school_key ON municipal_report (school_key);
CREATE INDEX ix_municipal_report_year ON municipal_report (year);

CREATE TABLE expected_school (
	id INTEGER NOT NULL,
	full_name VARCHAR NOT NULL,
	short_name VARCHAR NOT NULL,
	code VARCHAR NOT NULL,
	added_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);
