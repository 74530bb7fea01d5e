-- Auto Webhook infrastructure: subscribers, configs, the outbox (events), deliveries, attempts,
-- audit, the built-in inbox, users and settings. Plain DDL valid on PostgreSQL and on H2
-- (MODE=PostgreSQL). Enum columns hold upper-case names; the API shows them in lower case.

-- EclipseLink takes the value it reads as the last id of a block of 50 (allocationSize)
CREATE SEQUENCE aw_seq START WITH 50 INCREMENT BY 50;
-- attempts are inserted in JDBC batches by the recorder, one id per row
CREATE SEQUENCE aw_attempt_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE aw_subscriber (
  id                        bigint PRIMARY KEY,
  version                   bigint NOT NULL DEFAULT 0,
  name                      varchar(100) NOT NULL,
  kind                      varchar(16) NOT NULL,
  endpoint_url              varchar(2048),
  jms_destination           varchar(255),
  auth_type                 varchar(16) NOT NULL,
  auth_token                varchar(2048),
  api_key                   varchar(2048),
  api_key_header            varchar(100) NOT NULL,
  basic_username            varchar(255),
  basic_password            varchar(2048),
  custom_headers            varchar(8000),
  timeout_seconds           integer NOT NULL,
  verify_tls                boolean NOT NULL,
  enabled                   boolean NOT NULL,
  rate_limit                integer NOT NULL,
  rate_limit_window_seconds integer NOT NULL,
  max_retries               integer NOT NULL,
  max_concurrency           integer NOT NULL,
  signing_secret            varchar(2048) NOT NULL,
  previous_secret           varchar(2048),
  previous_secret_until     timestamp with time zone,
  disabled_reason           varchar(1000),
  disabled_at               timestamp with time zone,
  created_at                timestamp with time zone NOT NULL,
  updated_at                timestamp with time zone NOT NULL,
  CONSTRAINT aw_subscriber_name_uk UNIQUE (name)
);

CREATE TABLE aw_config (
  id                    bigint PRIMARY KEY,
  version               bigint NOT NULL DEFAULT 0,
  model                 varchar(64) NOT NULL,
  enabled               boolean NOT NULL,
  events                varchar(64) NOT NULL,
  priority              varchar(16) NOT NULL,
  category              varchar(64),
  include_fields        varchar(4000),
  exclude_fields        varchar(4000),
  filter_rule           varchar(2000),
  template_id           bigint,
  batch_enabled         boolean NOT NULL,
  batch_size            integer NOT NULL,
  batch_timeout_seconds integer NOT NULL,
  created_at            timestamp with time zone NOT NULL,
  updated_at            timestamp with time zone NOT NULL,
  CONSTRAINT aw_config_model_uk UNIQUE (model)
);

CREATE TABLE aw_config_subscriber (
  config_id     bigint NOT NULL REFERENCES aw_config (id) ON DELETE CASCADE,
  subscriber_id bigint NOT NULL REFERENCES aw_subscriber (id) ON DELETE CASCADE,
  PRIMARY KEY (config_id, subscriber_id)
);
CREATE INDEX aw_config_subscriber_sub_ix ON aw_config_subscriber (subscriber_id);

-- the outbox: one immutable row per captured change
CREATE TABLE aw_event (
  id          bigint PRIMARY KEY,
  uid         varchar(40) NOT NULL,
  model       varchar(64) NOT NULL,
  record_id   varchar(64) NOT NULL,
  kind        varchar(16) NOT NULL,
  priority    varchar(16) NOT NULL,
  category    varchar(64),
  occurred_at timestamp with time zone NOT NULL,
  payload     text NOT NULL,
  CONSTRAINT aw_event_uid_uk UNIQUE (uid)
);
CREATE INDEX aw_event_model_ix ON aw_event (model, id);
CREATE INDEX aw_event_occurred_ix ON aw_event (occurred_at);

-- one mutable row per event x subscriber
CREATE TABLE aw_delivery (
  id               bigint PRIMARY KEY,
  event_id         bigint NOT NULL REFERENCES aw_event (id) ON DELETE CASCADE,
  subscriber_id    bigint NOT NULL REFERENCES aw_subscriber (id) ON DELETE CASCADE,
  status           varchar(16) NOT NULL,
  priority_rank    smallint NOT NULL,
  attempts         integer NOT NULL,
  next_attempt_at  timestamp with time zone NOT NULL,
  next_trigger     varchar(16) NOT NULL,
  lease_owner      varchar(100),
  lease_until      timestamp with time zone,
  last_status_code integer,
  last_error       varchar(1000),
  sent_at          timestamp with time zone,
  created_at       timestamp with time zone NOT NULL,
  updated_at       timestamp with time zone NOT NULL
);
CREATE INDEX aw_delivery_due_ix ON aw_delivery (status, priority_rank, next_attempt_at);
CREATE INDEX aw_delivery_event_ix ON aw_delivery (event_id);
CREATE INDEX aw_delivery_subscriber_ix ON aw_delivery (subscriber_id, status);

-- one append-only row per try
CREATE TABLE aw_attempt (
  id               bigint PRIMARY KEY,
  delivery_id      bigint NOT NULL REFERENCES aw_delivery (id) ON DELETE CASCADE,
  attempt_no       integer NOT NULL,
  trigger_kind     varchar(16) NOT NULL,
  outcome          varchar(16) NOT NULL,
  started_at       timestamp with time zone NOT NULL,
  duration_ms      bigint NOT NULL,
  url              varchar(2048),
  request_headers  varchar(8000),
  status_code      integer,
  response_excerpt varchar(2000),
  error_class      varchar(255),
  error_message    varchar(1000),
  node             varchar(100)
);
CREATE INDEX aw_attempt_delivery_ix ON aw_attempt (delivery_id, attempt_no);

CREATE TABLE aw_audit (
  id          bigint PRIMARY KEY,
  occurred_at timestamp with time zone NOT NULL,
  actor       varchar(100) NOT NULL,
  action      varchar(64) NOT NULL,
  target_type varchar(64),
  target_id   varchar(64),
  detail      varchar(4000)
);
CREATE INDEX aw_audit_at_ix ON aw_audit (occurred_at);

CREATE TABLE aw_inbox (
  id              bigint PRIMARY KEY,
  received_at     timestamp with time zone NOT NULL,
  webhook_id      varchar(255),
  headers         varchar(8000),
  body            text,
  signature_valid boolean
);

CREATE TABLE aw_user (
  id            bigint PRIMARY KEY,
  username      varchar(100) NOT NULL,
  password_hash varchar(512) NOT NULL,
  role          varchar(32) NOT NULL,
  enabled       boolean NOT NULL,
  created_at    timestamp with time zone NOT NULL,
  CONSTRAINT aw_user_username_uk UNIQUE (username)
);

CREATE TABLE aw_setting (
  name  varchar(100) PRIMARY KEY,
  setting_value varchar(4000)
);
