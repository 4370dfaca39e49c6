-- Schema version 3: the preferences mentors and mentees name after their group meeting
-- (stage 5), which the matching weighs (a mutual choice most).

CREATE TABLE match_preference (
	id INTEGER NOT NULL,
	year_id INTEGER NOT NULL,
	chooser_id INTEGER NOT NULL,
	chosen_id INTEGER NOT NULL,
	rank INTEGER NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (year_id, chooser_id, chosen_id),
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE CASCADE,
	FOREIGN KEY(chooser_id) REFERENCES person (id) ON DELETE CASCADE,
	FOREIGN KEY(chosen_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_match_preference_chooser_id ON match_preference (chooser_id);
CREATE INDEX ix_match_preference_year_id ON match_preference (year_id);
