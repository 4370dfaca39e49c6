-- Schema version 2: an optional code (ИНН or municipal code) that identifies the school in the
-- reports the municipal centre merges, and per-file settings.

ALTER TABLE school ADD COLUMN code VARCHAR NOT NULL DEFAULT '';

CREATE TABLE app_setting (
	"key" VARCHAR NOT NULL,
	value VARCHAR NOT NULL,
	PRIMARY KEY ("key")
);
