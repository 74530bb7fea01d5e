-- API tokens (SPEC sections 8, 11, 12): bearer credentials for sync clients, each bound to one
-- user. Only the SHA-256 of a token is stored; prefix is its first 8 characters after awt_ so
-- admins can tell tokens apart. Plain DDL valid on PostgreSQL and on H2 (MODE=PostgreSQL); ids
-- come from aw_seq like the other infrastructure tables.

CREATE TABLE aw_api_token (
  id           bigint PRIMARY KEY,
  version      bigint NOT NULL DEFAULT 0,
  name         varchar(100) NOT NULL,
  username     varchar(100) NOT NULL,
  token_hash   varchar(64) NOT NULL,
  prefix       varchar(8) NOT NULL,
  created_at   timestamp with time zone NOT NULL,
  expires_at   timestamp with time zone,
  last_used_at timestamp with time zone,
  revoked_at   timestamp with time zone,
  created_by   varchar(100) NOT NULL,
  -- the user's tokens go with the user
  CONSTRAINT aw_api_token_user_fk FOREIGN KEY (username) REFERENCES aw_user (username)
    ON DELETE CASCADE
);

-- every request authenticates by hash; the index also makes a hash clash impossible
CREATE UNIQUE INDEX aw_api_token_hash_ux ON aw_api_token (token_hash);
CREATE INDEX aw_api_token_user_ix ON aw_api_token (username);
