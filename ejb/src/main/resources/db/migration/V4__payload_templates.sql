-- Payload templates (SPEC section 5): Handlebars text that renders a webhook request body.
-- Plain DDL valid on PostgreSQL and on H2 (MODE=PostgreSQL). Ids come from aw_seq like the other
-- infrastructure tables; version is the JPA @Version the renderer's compile cache is keyed by.

CREATE TABLE aw_template (
  id         bigint PRIMARY KEY,
  version    bigint NOT NULL DEFAULT 0,
  name       varchar(100) NOT NULL,
  body       text NOT NULL,
  model      varchar(64),
  created_at timestamp with time zone NOT NULL,
  updated_at timestamp with time zone NOT NULL,
  CONSTRAINT aw_template_name_uk UNIQUE (name)
);

-- a config's template must exist; a template in use cannot be deleted
ALTER TABLE aw_config ADD CONSTRAINT aw_config_template_fk
  FOREIGN KEY (template_id) REFERENCES aw_template (id);
CREATE INDEX aw_config_template_ix ON aw_config (template_id);
