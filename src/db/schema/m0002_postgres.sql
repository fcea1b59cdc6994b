-- m0002_login_failures on PostgreSQL, as first applied: the schema frozen.
-- Never edit: a change to the schema is a new migration.
CREATE TABLE public.login_failure (
    id character varying NOT NULL,
    username character varying NOT NULL,
    at timestamp with time zone NOT NULL
);
ALTER TABLE ONLY public.login_failure
    ADD CONSTRAINT login_failure_pkey PRIMARY KEY (id);
CREATE INDEX "idx-login_failure-username" ON public.login_failure USING btree (username);
