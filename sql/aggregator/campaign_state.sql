-- The last campaign refresh: the method its signatures were made with (no row: never made).
SELECT method, refreshed_at FROM kenes.campaign_state
