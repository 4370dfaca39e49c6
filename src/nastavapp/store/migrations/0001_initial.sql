-- Schema version 1 of nastavapp: the first released schema. Frozen: never edit;
-- later changes are new numbered steps.

CREATE TABLE academic_year (
	id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	start_date DATE NOT NULL, 
	end_date DATE NOT NULL, 
	is_current BOOLEAN NOT NULL, 
	forms JSON NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (title)
);


CREATE TABLE person (
	id INTEGER NOT NULL, 
	category VARCHAR(32) NOT NULL, 
	last_name VARCHAR NOT NULL, 
	first_name VARCHAR NOT NULL, 
	middle_name VARCHAR NOT NULL, 
	sex VARCHAR(32), 
	birth_date DATE, 
	class_name VARCHAR NOT NULL, 
	position VARCHAR NOT NULL, 
	subject VARCHAR NOT NULL, 
	experience_years INTEGER, 
	external_kind VARCHAR(32), 
	organization VARCHAR NOT NULL, 
	organization_position VARCHAR NOT NULL, 
	phone VARCHAR NOT NULL, 
	email VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	archived BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_person_category ON person (category);
CREATE INDEX ix_person_last_name ON person (last_name);

CREATE TABLE school (
	id INTEGER NOT NULL, 
	full_name VARCHAR NOT NULL, 
	short_name VARCHAR NOT NULL, 
	municipality VARCHAR NOT NULL, 
	address VARCHAR NOT NULL, 
	director_last_name VARCHAR NOT NULL, 
	director_first_name VARCHAR NOT NULL, 
	director_middle_name VARCHAR NOT NULL, 
	director_sex VARCHAR(32) NOT NULL, 
	curator_last_name VARCHAR NOT NULL, 
	curator_first_name VARCHAR NOT NULL, 
	curator_middle_name VARCHAR NOT NULL, 
	curator_sex VARCHAR(32) NOT NULL, 
	curator_position VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);


CREATE TABLE consent (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	given_by VARCHAR(32) NOT NULL, 
	representative_name VARCHAR NOT NULL, 
	given_date DATE NOT NULL, 
	withdrawn_date DATE, 
	note VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_consent_person_id ON consent (person_id);

CREATE TABLE issued_document (
	id INTEGER NOT NULL, 
	year_id INTEGER, 
	kind VARCHAR(32) NOT NULL, 
	number VARCHAR NOT NULL, 
	issued_on DATE, 
	title VARCHAR NOT NULL, 
	file_path VARCHAR NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE SET NULL
);

CREATE INDEX ix_issued_document_year_id ON issued_document (year_id);

CREATE TABLE participation (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	year_id INTEGER NOT NULL, 
	role VARCHAR(32) NOT NULL, 
	status VARCHAR NOT NULL, 
	form VARCHAR(32), 
	capacity INTEGER NOT NULL, 
	interests VARCHAR NOT NULL, 
	interview_date DATE, 
	training_date DATE, 
	ready_date DATE, 
	needs_support BOOLEAN NOT NULL, 
	note VARCHAR NOT NULL, 
	joined_date DATE, 
	PRIMARY KEY (id), 
	UNIQUE (person_id, year_id, role), 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE CASCADE
);

CREATE INDEX ix_participation_person_id ON participation (person_id);
CREATE INDEX ix_participation_year_id ON participation (year_id);

CREATE TABLE questionnaire_template (
	id INTEGER NOT NULL, 
	year_id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	audience VARCHAR(32) NOT NULL, 
	phase VARCHAR(32) NOT NULL, 
	form VARCHAR(32), 
	instruction VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE CASCADE
);

CREATE INDEX ix_questionnaire_template_year_id ON questionnaire_template (year_id);

CREATE TABLE training_event (
	id INTEGER NOT NULL, 
	year_id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	event_date DATE NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE CASCADE
);

CREATE INDEX ix_training_event_year_id ON training_event (year_id);

CREATE TABLE mentee_request (
	id INTEGER NOT NULL, 
	participation_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	source VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participation_id) REFERENCES participation (id) ON DELETE CASCADE
);

CREATE INDEX ix_mentee_request_participation_id ON mentee_request (participation_id);

CREATE TABLE mentor_competence (
	id INTEGER NOT NULL, 
	participation_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(participation_id) REFERENCES participation (id) ON DELETE CASCADE
);

CREATE INDEX ix_mentor_competence_participation_id ON mentor_competence (participation_id);

CREATE TABLE mentoring_group (
	id INTEGER NOT NULL, 
	year_id INTEGER NOT NULL, 
	mentor_id INTEGER NOT NULL, 
	form VARCHAR(32) NOT NULL, 
	role_model VARCHAR NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	format VARCHAR(32) NOT NULL, 
	goal VARCHAR NOT NULL, 
	start_date DATE, 
	planned_end_date DATE, 
	end_date DATE, 
	status VARCHAR(32) NOT NULL, 
	disband_reason VARCHAR NOT NULL, 
	order_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentor_id) REFERENCES person (id) ON DELETE CASCADE, 
	FOREIGN KEY(order_id) REFERENCES issued_document (id) ON DELETE SET NULL
);

CREATE INDEX ix_mentoring_group_mentor_id ON mentoring_group (mentor_id);
CREATE INDEX ix_mentoring_group_status ON mentoring_group (status);
CREATE INDEX ix_mentoring_group_year_id ON mentoring_group (year_id);

CREATE TABLE question_item (
	id INTEGER NOT NULL, 
	template_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	code VARCHAR NOT NULL, 
	text VARCHAR NOT NULL, 
	type VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(template_id) REFERENCES questionnaire_template (id) ON DELETE CASCADE
);

CREATE INDEX ix_question_item_template_id ON question_item (template_id);

CREATE TABLE roadmap_event (
	id INTEGER NOT NULL, 
	year_id INTEGER NOT NULL, 
	stage INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	template_code VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	content VARCHAR NOT NULL, 
	period_label VARCHAR NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	responsible_role VARCHAR(32), 
	responsible_person_id INTEGER, 
	result VARCHAR NOT NULL, 
	status VARCHAR(32) NOT NULL, 
	status_overridden BOOLEAN NOT NULL, 
	completed_date DATE, 
	note VARCHAR NOT NULL, 
	document_id INTEGER, 
	evidence_path VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(year_id) REFERENCES academic_year (id) ON DELETE CASCADE, 
	FOREIGN KEY(responsible_person_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(document_id) REFERENCES issued_document (id) ON DELETE SET NULL
);

CREATE INDEX ix_roadmap_event_stage ON roadmap_event (stage);
CREATE INDEX ix_roadmap_event_year_id ON roadmap_event (year_id);

CREATE TABLE training_attendance (
	event_id INTEGER NOT NULL, 
	participation_id INTEGER NOT NULL, 
	PRIMARY KEY (event_id, participation_id), 
	FOREIGN KEY(event_id) REFERENCES training_event (id) ON DELETE CASCADE, 
	FOREIGN KEY(participation_id) REFERENCES participation (id) ON DELETE CASCADE
);


CREATE TABLE group_member (
	group_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	PRIMARY KEY (group_id, person_id), 
	FOREIGN KEY(group_id) REFERENCES mentoring_group (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);


CREATE TABLE group_status_change (
	id INTEGER NOT NULL, 
	group_id INTEGER NOT NULL, 
	status VARCHAR(32) NOT NULL, 
	changed_on DATE NOT NULL, 
	note VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(group_id) REFERENCES mentoring_group (id) ON DELETE CASCADE
);

CREATE INDEX ix_group_status_change_group_id ON group_status_change (group_id);

CREATE TABLE meeting (
	id INTEGER NOT NULL, 
	group_id INTEGER NOT NULL, 
	meeting_date DATE NOT NULL, 
	type VARCHAR(32) NOT NULL, 
	topic VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(group_id) REFERENCES mentoring_group (id) ON DELETE CASCADE
);

CREATE INDEX ix_meeting_group_id ON meeting (group_id);

CREATE TABLE plan_item (
	id INTEGER NOT NULL, 
	group_id INTEGER NOT NULL, 
	mentee_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	direction VARCHAR NOT NULL, 
	task VARCHAR NOT NULL, 
	planned_date DATE, 
	done_date DATE, 
	result VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(group_id) REFERENCES mentoring_group (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentee_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_plan_item_group_id ON plan_item (group_id);
CREATE INDEX ix_plan_item_mentee_id ON plan_item (mentee_id);

CREATE TABLE questionnaire_response (
	id INTEGER NOT NULL, 
	template_id INTEGER NOT NULL, 
	person_id INTEGER, 
	role VARCHAR(32) NOT NULL, 
	form VARCHAR(32), 
	group_id INTEGER, 
	answered_on DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(template_id) REFERENCES questionnaire_template (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE SET NULL, 
	FOREIGN KEY(group_id) REFERENCES mentoring_group (id) ON DELETE SET NULL
);

CREATE INDEX ix_questionnaire_response_person_id ON questionnaire_response (person_id);
CREATE INDEX ix_questionnaire_response_template_id ON questionnaire_response (template_id);

CREATE TABLE answer (
	response_id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	value_int INTEGER, 
	value_text VARCHAR NOT NULL, 
	PRIMARY KEY (response_id, item_id), 
	FOREIGN KEY(response_id) REFERENCES questionnaire_response (id) ON DELETE CASCADE, 
	FOREIGN KEY(item_id) REFERENCES question_item (id) ON DELETE CASCADE
);


CREATE TABLE meeting_attendance (
	meeting_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	PRIMARY KEY (meeting_id, person_id), 
	FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

