-- m0002_login_failures on SQLite, as first applied: the schema frozen.
-- Never edit: a change to the schema is a new migration.
CREATE TABLE "login_failure" ( "id" varchar NOT NULL PRIMARY KEY, "username" varchar NOT NULL, "at" timestamp_with_timezone_text NOT NULL );
CREATE INDEX "idx-login_failure-username" ON "login_failure" ("username");
