-- +goose Up
-- PostgreSQL's search indexes keep a short pending list (see the
-- PostgreSQL migration of this number). SQLite's full-text tables have
-- none: nothing changes here.
SELECT 1;

-- +goose Down
SELECT 1;
