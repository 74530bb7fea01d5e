-- Dashboard figures that stay cheap to read at any volume.
-- One row per minute and node: attempts that succeeded, failed (to be retried) and died, and their
-- durations as a histogram (le_<ms> = attempts that took at most that long and longer than the
-- previous bound; le_inf the rest). Each node adds its own counts; readers sum over nodes.
CREATE TABLE aw_delivery_minute (
  minute_start    timestamp with time zone NOT NULL,
  node            varchar(100) NOT NULL,
  sent            bigint NOT NULL,
  failed          bigint NOT NULL,
  dead            bigint NOT NULL,
  duration_sum_ms bigint NOT NULL,
  le_10           bigint NOT NULL,
  le_25           bigint NOT NULL,
  le_50           bigint NOT NULL,
  le_100          bigint NOT NULL,
  le_250          bigint NOT NULL,
  le_500          bigint NOT NULL,
  le_1000         bigint NOT NULL,
  le_2500         bigint NOT NULL,
  le_5000         bigint NOT NULL,
  le_10000        bigint NOT NULL,
  le_inf          bigint NOT NULL,
  PRIMARY KEY (minute_start, node)
);

-- Each subscriber's latest success and failure, kept by the attempt recorder (at most one write per
-- second and subscriber), so the health table needs no scan of deliveries or attempts.
ALTER TABLE aw_subscriber ADD COLUMN last_success_at timestamp with time zone;
ALTER TABLE aw_subscriber ADD COLUMN last_failure_at timestamp with time zone;
ALTER TABLE aw_subscriber ADD COLUMN last_failure varchar(1000);
