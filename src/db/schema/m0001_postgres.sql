-- m0001_initial_schema on PostgreSQL, as first applied: the schema frozen.
-- Never edit: a change to the schema is a new migration.
CREATE TABLE public.auth_token (
    token_hash character varying NOT NULL,
    employee_id character varying NOT NULL,
    kind character varying NOT NULL,
    expires_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.customer (
    id character varying NOT NULL,
    name character varying NOT NULL,
    cvr character varying,
    kind character varying NOT NULL,
    state character varying NOT NULL,
    parent_reseller character varying,
    email character varying,
    address character varying,
    public_signup boolean NOT NULL,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.customer_billing (
    customer_id character varying NOT NULL,
    billing_customer_id character varying NOT NULL
);
CREATE TABLE public.data_sharing_sim (
    id character varying NOT NULL,
    account_id character varying NOT NULL,
    icc character varying NOT NULL,
    number character varying NOT NULL,
    name character varying
);
CREATE TABLE public.employee (
    id character varying NOT NULL,
    customer_id character varying NOT NULL,
    username character varying NOT NULL,
    name character varying NOT NULL,
    email character varying,
    access_level character varying NOT NULL,
    password_hash character varying NOT NULL,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.event (
    id character varying NOT NULL,
    at timestamp with time zone NOT NULL,
    employee_id character varying,
    customer_id character varying,
    action character varying NOT NULL,
    outcome character varying NOT NULL,
    detail json
);
CREATE TABLE public.idempotency_key (
    employee_id character varying NOT NULL,
    key character varying NOT NULL,
    request_hash character varying NOT NULL,
    status integer,
    response json,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.invoice_line (
    id character varying NOT NULL,
    customer_id character varying NOT NULL,
    period character varying NOT NULL,
    product_id character varying,
    account_id character varying,
    description character varying NOT NULL,
    amount_ore bigint NOT NULL,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.job (
    id character varying NOT NULL,
    kind character varying NOT NULL,
    account_id character varying NOT NULL,
    run_at timestamp with time zone NOT NULL,
    state character varying NOT NULL,
    attempts integer NOT NULL,
    locked_until timestamp with time zone,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.mvno_account (
    id character varying NOT NULL,
    customer_id character varying NOT NULL,
    number character varying NOT NULL,
    state character varying NOT NULL,
    number_state character varying NOT NULL,
    network character varying,
    sim_icc character varying,
    auto_assigned boolean NOT NULL,
    feature json NOT NULL,
    voicemail json,
    sip_account_id character varying,
    pbx integer,
    extension_id character varying,
    dnd boolean NOT NULL,
    rate_plan_id character varying NOT NULL,
    new_rate_plan_id character varying,
    services json NOT NULL,
    socs_override json,
    row_roaming json,
    notes character varying,
    custom json,
    billing_customer_id character varying,
    start_date timestamp with time zone NOT NULL,
    delete_date timestamp with time zone,
    donor_sim_number character varying,
    purchase_info json,
    mit_id json,
    porting_id character varying,
    created_by character varying NOT NULL,
    created_at timestamp with time zone NOT NULL,
    activated_at timestamp with time zone
);
CREATE TABLE public.number (
    number character varying NOT NULL,
    state character varying NOT NULL,
    network character varying,
    owner_customer_id character varying,
    stock_reseller_id character varying,
    range_id character varying,
    reserved_until timestamp with time zone,
    quarantine_until timestamp with time zone,
    account_id character varying,
    updated_at timestamp with time zone NOT NULL
);
CREATE TABLE public.number_lookup (
    number character varying NOT NULL,
    number_type character varying NOT NULL,
    operator_cps character varying
);
CREATE TABLE public.number_range (
    id character varying NOT NULL,
    first_number character varying NOT NULL,
    last_number character varying NOT NULL,
    customer_id character varying,
    split boolean NOT NULL
);
CREATE TABLE public.operator (
    cps_code character varying NOT NULL,
    name character varying NOT NULL,
    mvno_auth character varying NOT NULL,
    icc_validation character varying,
    is_self boolean NOT NULL
);
CREATE TABLE public.pbx_extension (
    id character varying NOT NULL,
    customer_id character varying NOT NULL,
    pbx integer NOT NULL,
    extension character varying NOT NULL,
    sip_account_id character varying
);
CREATE TABLE public.porting (
    id character varying NOT NULL,
    number character varying NOT NULL,
    account_id character varying NOT NULL,
    customer_id character varying NOT NULL,
    donor_cps character varying NOT NULL,
    donor_sim_number character varying,
    requested_date timestamp with time zone,
    notify json NOT NULL,
    stage character varying NOT NULL,
    stage_date timestamp with time zone NOT NULL,
    message character varying,
    created_at timestamp with time zone NOT NULL
);
CREATE TABLE public.product (
    id character varying NOT NULL,
    kind character varying NOT NULL,
    name character varying NOT NULL,
    description character varying,
    owner_customer_id character varying,
    price_ore bigint NOT NULL,
    recurrence character varying NOT NULL,
    valid_from timestamp with time zone NOT NULL,
    valid_until timestamp with time zone,
    included_row_product_id character varying,
    features json,
    socs json NOT NULL,
    facts json,
    public boolean NOT NULL
);
CREATE TABLE public.sim_card (
    icc character varying NOT NULL,
    imsi character varying NOT NULL,
    puk1 character varying NOT NULL,
    puk2 character varying NOT NULL,
    pin1 character varying NOT NULL,
    pin2 character varying NOT NULL,
    form_factor character varying NOT NULL,
    network character varying NOT NULL,
    activation_code character varying,
    in_storage_at character varying NOT NULL,
    auto_assign boolean NOT NULL,
    tag character varying,
    account_id character varying,
    imported_at timestamp with time zone NOT NULL
);
CREATE TABLE public.sip_account (
    id character varying NOT NULL,
    customer_id character varying NOT NULL,
    name character varying NOT NULL
);
CREATE TABLE public.soc (
    code character varying NOT NULL,
    description character varying NOT NULL
);
ALTER TABLE ONLY public.auth_token
    ADD CONSTRAINT auth_token_pkey PRIMARY KEY (token_hash);
ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.data_sharing_sim
    ADD CONSTRAINT data_sharing_sim_icc_key UNIQUE (icc);
ALTER TABLE ONLY public.data_sharing_sim
    ADD CONSTRAINT data_sharing_sim_number_key UNIQUE (number);
ALTER TABLE ONLY public.data_sharing_sim
    ADD CONSTRAINT data_sharing_sim_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.employee
    ADD CONSTRAINT employee_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.employee
    ADD CONSTRAINT employee_username_key UNIQUE (username);
ALTER TABLE ONLY public.event
    ADD CONSTRAINT event_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.invoice_line
    ADD CONSTRAINT invoice_line_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.job
    ADD CONSTRAINT job_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.mvno_account
    ADD CONSTRAINT mvno_account_number_key UNIQUE (number);
ALTER TABLE ONLY public.mvno_account
    ADD CONSTRAINT mvno_account_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.mvno_account
    ADD CONSTRAINT mvno_account_sim_icc_key UNIQUE (sim_icc);
ALTER TABLE ONLY public.number_lookup
    ADD CONSTRAINT number_lookup_pkey PRIMARY KEY (number);
ALTER TABLE ONLY public.number
    ADD CONSTRAINT number_pkey PRIMARY KEY (number);
ALTER TABLE ONLY public.number_range
    ADD CONSTRAINT number_range_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.operator
    ADD CONSTRAINT operator_pkey PRIMARY KEY (cps_code);
ALTER TABLE ONLY public.pbx_extension
    ADD CONSTRAINT pbx_extension_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.customer_billing
    ADD CONSTRAINT "pk-customer_billing" PRIMARY KEY (customer_id, billing_customer_id);
ALTER TABLE ONLY public.idempotency_key
    ADD CONSTRAINT "pk-idempotency_key" PRIMARY KEY (employee_id, key);
ALTER TABLE ONLY public.porting
    ADD CONSTRAINT porting_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.product
    ADD CONSTRAINT product_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.sim_card
    ADD CONSTRAINT sim_card_pkey PRIMARY KEY (icc);
ALTER TABLE ONLY public.sip_account
    ADD CONSTRAINT sip_account_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.soc
    ADD CONSTRAINT soc_pkey PRIMARY KEY (code);
CREATE INDEX "idx-auth_token-employee_id" ON public.auth_token USING btree (employee_id);
CREATE INDEX "idx-customer-cvr" ON public.customer USING btree (cvr);
CREATE INDEX "idx-customer-parent_reseller" ON public.customer USING btree (parent_reseller);
CREATE INDEX "idx-data_sharing_sim-account_id" ON public.data_sharing_sim USING btree (account_id);
CREATE INDEX "idx-employee-customer_id" ON public.employee USING btree (customer_id);
CREATE INDEX "idx-event-at" ON public.event USING btree (at);
CREATE INDEX "idx-invoice_line-customer_id" ON public.invoice_line USING btree (customer_id);
CREATE INDEX "idx-job-run_at" ON public.job USING btree (run_at);
CREATE INDEX "idx-mvno_account-created_at" ON public.mvno_account USING btree (created_at);
CREATE INDEX "idx-mvno_account-customer_id" ON public.mvno_account USING btree (customer_id);
CREATE INDEX "idx-number-owner_customer_id" ON public.number USING btree (owner_customer_id);
CREATE INDEX "idx-number-state" ON public.number USING btree (state);
CREATE INDEX "idx-number-stock_reseller_id" ON public.number USING btree (stock_reseller_id);
CREATE INDEX "idx-pbx_extension-customer_id" ON public.pbx_extension USING btree (customer_id);
CREATE INDEX "idx-porting-account_id" ON public.porting USING btree (account_id);
CREATE INDEX "idx-porting-customer_id" ON public.porting USING btree (customer_id);
CREATE INDEX "idx-porting-number" ON public.porting USING btree (number);
CREATE INDEX "idx-product-owner_customer_id" ON public.product USING btree (owner_customer_id);
CREATE INDEX "idx-sim_card-account_id" ON public.sim_card USING btree (account_id);
CREATE INDEX "idx-sim_card-in_storage_at" ON public.sim_card USING btree (in_storage_at);
CREATE INDEX "idx-sip_account-customer_id" ON public.sip_account USING btree (customer_id);
CREATE INDEX idx_number_state_network ON public.number USING btree (state, network);
CREATE INDEX idx_sim_card_stock ON public.sim_card USING btree (in_storage_at, network, form_factor, account_id);
ALTER TABLE ONLY public.auth_token
    ADD CONSTRAINT "fk-auth_token-employee_id" FOREIGN KEY (employee_id) REFERENCES public.employee(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.customer
    ADD CONSTRAINT "fk-customer-parent_reseller" FOREIGN KEY (parent_reseller) REFERENCES public.customer(id);
ALTER TABLE ONLY public.customer_billing
    ADD CONSTRAINT "fk-customer_billing-billing_customer_id" FOREIGN KEY (billing_customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.customer_billing
    ADD CONSTRAINT "fk-customer_billing-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.data_sharing_sim
    ADD CONSTRAINT "fk-data_sharing_sim-account_id" FOREIGN KEY (account_id) REFERENCES public.mvno_account(id) ON DELETE CASCADE;
ALTER TABLE ONLY public.employee
    ADD CONSTRAINT "fk-employee-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.invoice_line
    ADD CONSTRAINT "fk-invoice_line-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.mvno_account
    ADD CONSTRAINT "fk-mvno_account-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.mvno_account
    ADD CONSTRAINT "fk-mvno_account-rate_plan_id" FOREIGN KEY (rate_plan_id) REFERENCES public.product(id);
ALTER TABLE ONLY public.number
    ADD CONSTRAINT "fk-number-owner_customer_id" FOREIGN KEY (owner_customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.number
    ADD CONSTRAINT "fk-number-range_id" FOREIGN KEY (range_id) REFERENCES public.number_range(id);
ALTER TABLE ONLY public.number
    ADD CONSTRAINT "fk-number-stock_reseller_id" FOREIGN KEY (stock_reseller_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.number_lookup
    ADD CONSTRAINT "fk-number_lookup-operator_cps" FOREIGN KEY (operator_cps) REFERENCES public.operator(cps_code);
ALTER TABLE ONLY public.number_range
    ADD CONSTRAINT "fk-number_range-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.pbx_extension
    ADD CONSTRAINT "fk-pbx_extension-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.pbx_extension
    ADD CONSTRAINT "fk-pbx_extension-sip_account_id" FOREIGN KEY (sip_account_id) REFERENCES public.sip_account(id);
ALTER TABLE ONLY public.porting
    ADD CONSTRAINT "fk-porting-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.porting
    ADD CONSTRAINT "fk-porting-donor_cps" FOREIGN KEY (donor_cps) REFERENCES public.operator(cps_code);
ALTER TABLE ONLY public.product
    ADD CONSTRAINT "fk-product-owner_customer_id" FOREIGN KEY (owner_customer_id) REFERENCES public.customer(id);
ALTER TABLE ONLY public.sim_card
    ADD CONSTRAINT "fk-sim_card-in_storage_at" FOREIGN KEY (in_storage_at) REFERENCES public.customer(id);
ALTER TABLE ONLY public.sip_account
    ADD CONSTRAINT "fk-sip_account-customer_id" FOREIGN KEY (customer_id) REFERENCES public.customer(id);
