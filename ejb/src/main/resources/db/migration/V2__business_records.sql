-- The tracked business records of the demo domain (SPEC section 3) and their lines.
-- Plain standard DDL only: runs unchanged on PostgreSQL 14+ and on H2 2.2 (MODE=PostgreSQL).
-- Columns mirror the JPA entities in dev.autowebhook.records.entity (field camelCase ->
-- column snake_case, many-to-one -> <field>_id); enums are stored by name in varchar(32).

-- Id generators of BusinessRecord and RecordLine. INCREMENT BY must equal the JPA
-- allocationSize (50). EclipseLink takes the value it gets from the sequence as the LAST id of
-- its block of 50 (value-49 .. value), so the sequences start at 50: the first ids are 1..50.
-- (START WITH 1 would make EclipseLink reject the sequence as "set up incorrectly".)
CREATE SEQUENCE record_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE line_seq START WITH 50 INCREMENT BY 50;

-- Partner (model res.partner)
CREATE TABLE partner (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    is_company boolean DEFAULT false NOT NULL,
    parent_id bigint,
    email varchar(254),
    phone varchar(32),
    street varchar(128),
    city varchar(64),
    zip varchar(16),
    country_code varchar(2),
    vat varchar(32),
    customer_rank integer DEFAULT 0 NOT NULL,
    supplier_rank integer DEFAULT 0 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT pk_partner PRIMARY KEY (id),
    CONSTRAINT fk_partner_parent FOREIGN KEY (parent_id) REFERENCES partner (id)
);
CREATE INDEX ix_partner_parent_id ON partner (parent_id);

-- ProductCategory (model product.category)
CREATE TABLE product_category (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    parent_id bigint,
    cost_method varchar(32) DEFAULT 'STANDARD' NOT NULL,
    valuation varchar(32) DEFAULT 'MANUAL_PERIODIC' NOT NULL,
    CONSTRAINT pk_product_category PRIMARY KEY (id),
    CONSTRAINT fk_product_category_parent FOREIGN KEY (parent_id) REFERENCES product_category (id)
);
CREATE INDEX ix_product_category_parent_id ON product_category (parent_id);

-- ProductTemplate (model product.template)
CREATE TABLE product_template (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    default_code varchar(64),
    barcode varchar(64),
    type varchar(32) DEFAULT 'CONSU' NOT NULL,
    category_id bigint,
    list_price numeric(16,2) DEFAULT 0 NOT NULL,
    standard_price numeric(16,2) DEFAULT 0 NOT NULL,
    uom varchar(32) DEFAULT 'Units' NOT NULL,
    sale_ok boolean DEFAULT true NOT NULL,
    purchase_ok boolean DEFAULT true NOT NULL,
    description varchar(1000),
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT pk_product_template PRIMARY KEY (id),
    CONSTRAINT fk_product_template_category FOREIGN KEY (category_id) REFERENCES product_category (id)
);
CREATE INDEX ix_product_template_category_id ON product_template (category_id);

-- AccountJournal (model account.journal)
CREATE TABLE account_journal (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(64) NOT NULL,
    code varchar(5) NOT NULL,
    type varchar(32) DEFAULT 'SALE' NOT NULL,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    bank_account varchar(34),
    default_account_code varchar(16),
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT pk_account_journal PRIMARY KEY (id),
    CONSTRAINT uq_account_journal_code UNIQUE (code)
);

-- HrEmployee (model hr.employee)
CREATE TABLE hr_employee (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    job_title varchar(128),
    department varchar(128),
    work_email varchar(254),
    work_phone varchar(32),
    mobile_phone varchar(32),
    employee_type varchar(32) DEFAULT 'EMPLOYEE' NOT NULL,
    manager_id bigint,
    hire_date date,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT pk_hr_employee PRIMARY KEY (id),
    CONSTRAINT fk_hr_employee_manager FOREIGN KEY (manager_id) REFERENCES hr_employee (id)
);
CREATE INDEX ix_hr_employee_manager_id ON hr_employee (manager_id);

-- SaleOrder (model sale.order)
CREATE TABLE sale_order (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(64) NOT NULL,
    partner_id bigint NOT NULL,
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    date_order timestamp with time zone NOT NULL,
    validity_date date,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    client_order_ref varchar(64),
    origin varchar(64),
    salesperson_id bigint,
    note varchar(2000),
    amount_untaxed numeric(16,2) DEFAULT 0 NOT NULL,
    amount_tax numeric(16,2) DEFAULT 0 NOT NULL,
    amount_total numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_sale_order PRIMARY KEY (id),
    CONSTRAINT uq_sale_order_name UNIQUE (name),
    CONSTRAINT fk_sale_order_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_sale_order_salesperson FOREIGN KEY (salesperson_id) REFERENCES hr_employee (id)
);
CREATE INDEX ix_sale_order_partner_id ON sale_order (partner_id);
CREATE INDEX ix_sale_order_salesperson_id ON sale_order (salesperson_id);

-- SaleOrderLine (lines)
CREATE TABLE sale_order_line (
    id bigint NOT NULL,
    order_id bigint NOT NULL,
    product_id bigint,
    description varchar(256),
    quantity numeric(16,3) DEFAULT 1 NOT NULL,
    price_unit numeric(16,2) DEFAULT 0 NOT NULL,
    discount numeric(5,2) DEFAULT 0 NOT NULL,
    tax_rate numeric(5,2) DEFAULT 0 NOT NULL,
    price_subtotal numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_sale_order_line PRIMARY KEY (id),
    CONSTRAINT fk_sale_order_line_order FOREIGN KEY (order_id) REFERENCES sale_order (id) ON DELETE CASCADE,
    CONSTRAINT fk_sale_order_line_product FOREIGN KEY (product_id) REFERENCES product_template (id)
);
CREATE INDEX ix_sale_order_line_order_id ON sale_order_line (order_id);
CREATE INDEX ix_sale_order_line_product_id ON sale_order_line (product_id);

-- PurchaseOrder (model purchase.order)
CREATE TABLE purchase_order (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(64) NOT NULL,
    partner_id bigint NOT NULL,
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    date_order timestamp with time zone NOT NULL,
    date_planned timestamp with time zone,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    partner_ref varchar(64),
    origin varchar(64),
    buyer_id bigint,
    note varchar(2000),
    amount_untaxed numeric(16,2) DEFAULT 0 NOT NULL,
    amount_tax numeric(16,2) DEFAULT 0 NOT NULL,
    amount_total numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_purchase_order PRIMARY KEY (id),
    CONSTRAINT uq_purchase_order_name UNIQUE (name),
    CONSTRAINT fk_purchase_order_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_purchase_order_buyer FOREIGN KEY (buyer_id) REFERENCES hr_employee (id)
);
CREATE INDEX ix_purchase_order_partner_id ON purchase_order (partner_id);
CREATE INDEX ix_purchase_order_buyer_id ON purchase_order (buyer_id);

-- PurchaseOrderLine (lines)
CREATE TABLE purchase_order_line (
    id bigint NOT NULL,
    order_id bigint NOT NULL,
    product_id bigint,
    description varchar(256),
    quantity numeric(16,3) DEFAULT 1 NOT NULL,
    price_unit numeric(16,2) DEFAULT 0 NOT NULL,
    discount numeric(5,2) DEFAULT 0 NOT NULL,
    tax_rate numeric(5,2) DEFAULT 0 NOT NULL,
    price_subtotal numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_purchase_order_line PRIMARY KEY (id),
    CONSTRAINT fk_purchase_order_line_order FOREIGN KEY (order_id) REFERENCES purchase_order (id) ON DELETE CASCADE,
    CONSTRAINT fk_purchase_order_line_product FOREIGN KEY (product_id) REFERENCES product_template (id)
);
CREATE INDEX ix_purchase_order_line_order_id ON purchase_order_line (order_id);
CREATE INDEX ix_purchase_order_line_product_id ON purchase_order_line (product_id);

-- AccountMove (model account.move)
CREATE TABLE account_move (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(64),
    ref varchar(64),
    move_type varchar(32) DEFAULT 'ENTRY' NOT NULL,
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    partner_id bigint,
    journal_id bigint,
    invoice_date date,
    invoice_date_due date,
    payment_state varchar(32) DEFAULT 'NOT_PAID' NOT NULL,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    invoice_origin varchar(64),
    amount_untaxed numeric(16,2) DEFAULT 0 NOT NULL,
    amount_tax numeric(16,2) DEFAULT 0 NOT NULL,
    amount_total numeric(16,2) DEFAULT 0 NOT NULL,
    amount_residual numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_account_move PRIMARY KEY (id),
    CONSTRAINT fk_account_move_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_account_move_journal FOREIGN KEY (journal_id) REFERENCES account_journal (id)
);
CREATE INDEX ix_account_move_partner_id ON account_move (partner_id);
CREATE INDEX ix_account_move_journal_id ON account_move (journal_id);

-- AccountMoveLine (lines)
CREATE TABLE account_move_line (
    id bigint NOT NULL,
    move_id bigint NOT NULL,
    product_id bigint,
    description varchar(256),
    account_code varchar(16),
    quantity numeric(16,3) DEFAULT 1 NOT NULL,
    price_unit numeric(16,2) DEFAULT 0 NOT NULL,
    discount numeric(5,2) DEFAULT 0 NOT NULL,
    tax_rate numeric(5,2) DEFAULT 0 NOT NULL,
    price_subtotal numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT pk_account_move_line PRIMARY KEY (id),
    CONSTRAINT fk_account_move_line_move FOREIGN KEY (move_id) REFERENCES account_move (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_move_line_product FOREIGN KEY (product_id) REFERENCES product_template (id)
);
CREATE INDEX ix_account_move_line_move_id ON account_move_line (move_id);
CREATE INDEX ix_account_move_line_product_id ON account_move_line (product_id);

-- AccountPayment (model account.payment)
CREATE TABLE account_payment (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(64),
    payment_type varchar(32) DEFAULT 'INBOUND' NOT NULL,
    partner_type varchar(32) DEFAULT 'CUSTOMER' NOT NULL,
    partner_id bigint,
    journal_id bigint,
    invoice_id bigint,
    amount numeric(16,2) DEFAULT 0 NOT NULL,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    date date NOT NULL,
    memo varchar(128),
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    CONSTRAINT pk_account_payment PRIMARY KEY (id),
    CONSTRAINT fk_account_payment_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_account_payment_journal FOREIGN KEY (journal_id) REFERENCES account_journal (id),
    CONSTRAINT fk_account_payment_invoice FOREIGN KEY (invoice_id) REFERENCES account_move (id)
);
CREATE INDEX ix_account_payment_partner_id ON account_payment (partner_id);
CREATE INDEX ix_account_payment_journal_id ON account_payment (journal_id);
CREATE INDEX ix_account_payment_invoice_id ON account_payment (invoice_id);

-- CrmLead (model crm.lead)
CREATE TABLE crm_lead (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    type varchar(32) DEFAULT 'LEAD' NOT NULL,
    stage varchar(32) DEFAULT 'NEW' NOT NULL,
    partner_id bigint,
    partner_name varchar(128),
    contact_name varchar(128),
    email_from varchar(254),
    phone varchar(32),
    expected_revenue numeric(16,2) DEFAULT 0 NOT NULL,
    probability numeric(5,2) DEFAULT 0 NOT NULL,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    date_deadline date,
    priority integer DEFAULT 0 NOT NULL,
    salesperson_id bigint,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT pk_crm_lead PRIMARY KEY (id),
    CONSTRAINT fk_crm_lead_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT fk_crm_lead_salesperson FOREIGN KEY (salesperson_id) REFERENCES hr_employee (id)
);
CREATE INDEX ix_crm_lead_partner_id ON crm_lead (partner_id);
CREATE INDEX ix_crm_lead_salesperson_id ON crm_lead (salesperson_id);

-- StockPicking (model stock.picking)
CREATE TABLE stock_picking (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(64) NOT NULL,
    picking_type varchar(32) DEFAULT 'INCOMING' NOT NULL,
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    partner_id bigint,
    origin varchar(64),
    source_location varchar(64),
    destination_location varchar(64),
    scheduled_date timestamp with time zone NOT NULL,
    date_done timestamp with time zone,
    carrier_tracking_ref varchar(64),
    note varchar(2000),
    CONSTRAINT pk_stock_picking PRIMARY KEY (id),
    CONSTRAINT fk_stock_picking_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_stock_picking_partner_id ON stock_picking (partner_id);

-- StockMove (model stock.move)
CREATE TABLE stock_move (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    product_id bigint NOT NULL,
    picking_id bigint,
    quantity numeric(16,3) DEFAULT 1 NOT NULL,
    uom varchar(32) DEFAULT 'Units' NOT NULL,
    source_location varchar(64),
    destination_location varchar(64),
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    date timestamp with time zone NOT NULL,
    origin varchar(64),
    CONSTRAINT pk_stock_move PRIMARY KEY (id),
    CONSTRAINT fk_stock_move_product FOREIGN KEY (product_id) REFERENCES product_template (id),
    CONSTRAINT fk_stock_move_picking FOREIGN KEY (picking_id) REFERENCES stock_picking (id)
);
CREATE INDEX ix_stock_move_product_id ON stock_move (product_id);
CREATE INDEX ix_stock_move_picking_id ON stock_move (picking_id);

-- HrExpense (model hr.expense)
CREATE TABLE hr_expense (
    id bigint NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    name varchar(128) NOT NULL,
    employee_id bigint NOT NULL,
    product_id bigint,
    date date NOT NULL,
    quantity numeric(16,3) DEFAULT 1 NOT NULL,
    price_unit numeric(16,2) DEFAULT 0 NOT NULL,
    total_amount numeric(16,2) DEFAULT 0 NOT NULL,
    currency varchar(3) DEFAULT 'EUR' NOT NULL,
    payment_mode varchar(32) DEFAULT 'OWN_ACCOUNT' NOT NULL,
    state varchar(32) DEFAULT 'DRAFT' NOT NULL,
    reference varchar(64),
    description varchar(1000),
    CONSTRAINT pk_hr_expense PRIMARY KEY (id),
    CONSTRAINT fk_hr_expense_employee FOREIGN KEY (employee_id) REFERENCES hr_employee (id),
    CONSTRAINT fk_hr_expense_product FOREIGN KEY (product_id) REFERENCES product_template (id)
);
CREATE INDEX ix_hr_expense_employee_id ON hr_expense (employee_id);
CREATE INDEX ix_hr_expense_product_id ON hr_expense (product_id);
