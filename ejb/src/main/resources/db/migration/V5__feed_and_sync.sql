-- Pull feed and Smart Sync.

-- The feed position of an event: assigned after its commit, in commit order, by one sequencer at a
-- time (see dev.autowebhook.feed); NULL until then. Cursors are feed positions.
ALTER TABLE aw_event ADD COLUMN feed_seq bigint;
CREATE UNIQUE INDEX aw_event_feed_ix ON aw_event (feed_seq);
CREATE SEQUENCE aw_feed_seq START WITH 1 INCREMENT BY 1;

-- one row, locked by the sequencer so that positions are handed out by one node at a time
CREATE TABLE aw_feed_lock (
  id           integer PRIMARY KEY,
  sequenced_at timestamp with time zone
);
INSERT INTO aw_feed_lock (id) VALUES (1);

-- events past their retention are copied here before they are deleted
CREATE TABLE aw_event_archive (
  id          bigint PRIMARY KEY,
  uid         varchar(40) NOT NULL,
  model       varchar(64) NOT NULL,
  record_id   varchar(64) NOT NULL,
  kind        varchar(16) NOT NULL,
  priority    varchar(16) NOT NULL,
  category    varchar(64),
  occurred_at timestamp with time zone NOT NULL,
  payload     text NOT NULL,
  feed_seq    bigint,
  archived_at timestamp with time zone NOT NULL
);
CREATE INDEX aw_event_archive_at_ix ON aw_event_archive (occurred_at);

-- what each device of each user has synced
CREATE TABLE aw_sync_state (
  id            bigint PRIMARY KEY,
  version       bigint NOT NULL DEFAULT 0,
  username      varchar(100) NOT NULL,
  device_id     varchar(100) NOT NULL,
  app_type      varchar(16) NOT NULL,
  device_info   varchar(500),
  app_version   varchar(50),
  cursor_pos    bigint NOT NULL,
  last_sync_at  timestamp with time zone,
  sync_count    bigint NOT NULL,
  events_synced bigint NOT NULL,
  active        boolean NOT NULL,
  created_at    timestamp with time zone NOT NULL,
  updated_at    timestamp with time zone NOT NULL,
  CONSTRAINT aw_sync_state_device_uk UNIQUE (username, device_id)
);
CREATE INDEX aw_sync_state_active_ix ON aw_sync_state (active, cursor_pos);
