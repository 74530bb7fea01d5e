-- The admin events list pages deliveries newest first (ORDER BY id DESC) and counts them, filtered
-- by status, subscriber, model and creation time. Status and subscriber are served by the
-- indexes of V1 (aw_delivery_due_ix, aw_delivery_subscriber_ix), the model by aw_event_model_ix;
-- the time range had none, so a range read and counted every delivery. Measured at 100k
-- deliveries by EventsListBenchmark: a one-hour range went from 20-30 ms to ~9 ms per page.
CREATE INDEX aw_delivery_created_ix ON aw_delivery (created_at);
