-- Delivery engine: per-delivery rendered bodies, batching, endpoint health.

-- the body rendered by the config's template for this subscriber (NULL: the event's envelope)
ALTER TABLE aw_delivery ADD COLUMN body text;
-- the model key when the config batches this delivery with its siblings (NULL: sent alone)
ALTER TABLE aw_delivery ADD COLUMN batch_key varchar(64);
CREATE INDEX aw_delivery_batch_ix ON aw_delivery (batch_key, subscriber_id, status);

-- the request an attempt was part of when several deliveries were sent as one batch
ALTER TABLE aw_attempt ADD COLUMN batch_id varchar(40);

-- endpoint health: since when every attempt has failed (NULL while healthy)
ALTER TABLE aw_subscriber ADD COLUMN failing_since timestamp with time zone;
