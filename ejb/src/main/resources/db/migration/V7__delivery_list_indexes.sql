-- The admin events list pages deliveries newest first (ORDER BY id DESC) and counts them, filtered
-- by status, subscriber and creation time. With (filter column, id) an index scan yields the rows
-- already in page order, so a page reads about limit + offset index entries instead of sorting
-- every match; created_at serves the time range and its count.
CREATE INDEX aw_delivery_status_list_ix ON aw_delivery (status, id);
CREATE INDEX aw_delivery_subscriber_list_ix ON aw_delivery (subscriber_id, id);
CREATE INDEX aw_delivery_created_ix ON aw_delivery (created_at);
