-- +goose Up
-- The search indexes (GIN) keep a short pending list. New entries wait in
-- it, unsorted, until it is full or a vacuum of the table sorts them in;
-- at PostgreSQL's default size (4 MB) it held the words and trigrams of
-- some thousands of claims: every search read all of it, and the planner,
-- counting its pages, scanned claim_search instead of the index (a
-- search inside words, with 5,000 claims just written: 92 ms rather than
-- 0.3 ms). At 64 kB (the least allowed) it is sorted in every few claims,
-- which costs a bulk load of claims a fifth more time, where writing each
-- entry at once (fastupdate off) cost three times as much. What the list
-- holds now is sorted in.
ALTER INDEX idx_claim_search_document SET (gin_pending_list_limit = 64);
ALTER INDEX idx_claim_search_grams SET (gin_pending_list_limit = 64);
SELECT gin_clean_pending_list('idx_claim_search_document'::regclass);
SELECT gin_clean_pending_list('idx_claim_search_grams'::regclass);

-- +goose Down
ALTER INDEX idx_claim_search_grams RESET (gin_pending_list_limit);
ALTER INDEX idx_claim_search_document RESET (gin_pending_list_limit);
