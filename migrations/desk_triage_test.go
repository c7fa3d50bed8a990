package migrations_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"claimtracker/migrations"
	"claimtracker/models/modelstest"
)

// TestDeskTriageMigration: migration 00030 lets a claim be 'researching'
// (and nothing else new), gives claims an assignee, a due day and a
// priority ('normal' for those logged before), dates the verdicts in
// review from their last change, and adds notes, their mentions and the
// claim events, which go with their claim. A connection opened before the
// migration sees the new rule at once. Its down step makes claims being
// researched drafts again and refuses the status as before; it applies
// again after.
func TestDeskTriageMigration(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := modelstest.DSN(t, engine)
			if engine == "sqlite" {
				// As the store opens it: deleting a claim cascades.
				dsn = "file:" + dsn + "?_foreign_keys=on"
			}
			db, d, q := migrateDSNTo(t, ctx, engine, dsn, 29)
			now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			earlier := now.Add(-50 * time.Hour)
			id := func(c *sql.Conn, s string, args ...any) (int64, error) {
				var id int64
				var err error
				if c != nil {
					err = c.QueryRowContext(ctx, q(s+" RETURNING id"), args...).Scan(&id)
				} else {
					err = db.QueryRowContext(ctx, q(s+" RETURNING id"), args...).Scan(&id)
				}
				return id, err
			}
			must := func(s string, args ...any) int64 {
				t.Helper()
				n, err := id(nil, s, args...)
				if err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				return n
			}
			user := must("INSERT INTO users (email, name, role, password_hash, created_at, updated_at) VALUES ('ed@example.org', 'Ed', 'editor', 'x', ?, ?)", now, now)
			person := must("INSERT INTO people (name, slug, created_at, updated_at) VALUES ('Pat Speaker', 'pat-speaker', ?, ?)", now, now)
			claimSQL := "INSERT INTO claims (slug, text, summary, person_id, status, created_at, updated_at) VALUES (?, 'words', 'summary', ?, ?, ?, ?)"
			old := must(claimSQL, "old", person, "draft", now, now)
			var rating int64
			if err := db.QueryRowContext(ctx, "SELECT id FROM ratings WHERE slug = 'false'").Scan(&rating); err != nil {
				t.Fatal(err)
			}
			verdictSQL := "INSERT INTO verdicts (claim_id, rating_id, rating_slug, rating_label, headline, explanation, status, version, created_at, updated_at) VALUES (?, ?, 'false', 'False', 'h', 'e', ?, 1, ?, ?)"
			inReview := must(verdictSQL, old, rating, "in_review", earlier.Add(-time.Hour), earlier)
			sentBack := must(verdictSQL, old, rating, "changes_requested", earlier, earlier)
			if _, err := id(nil, claimSQL, "early", person, "researching", now, now); err == nil {
				t.Fatal("before 00030 a claim may already be researching: the test proves nothing")
			}

			// A connection the pool opened before the migration.
			held, err := db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			if err := held.PingContext(ctx); err != nil {
				t.Fatal(err)
			}
			if err := migrations.ApplyUpToForTest(ctx, db, d, 30); err != nil {
				t.Fatal(err)
			}
			researching, err := id(held, claimSQL, "researching", person, "researching", now, now)
			if err != nil {
				t.Fatalf("after 00030 a connection opened before it cannot store a claim being researched: %v", err)
			}
			if _, err := id(nil, claimSQL, "bogus", person, "bogus", now, now); err == nil {
				t.Error("after 00030 a claim may have any status")
			}
			var priority string
			var assignee sql.NullInt64
			var due sql.NullString
			if err := db.QueryRowContext(ctx, q("SELECT priority, assignee_id, due_on FROM claims WHERE id = ?"), old).Scan(&priority, &assignee, &due); err != nil {
				t.Fatal(err)
			}
			if priority != "normal" || assignee.Valid || due.Valid {
				t.Errorf("a claim logged before 00030: priority %q, assignee %v, due %v", priority, assignee, due)
			}
			if _, err := db.ExecContext(ctx, q("UPDATE claims SET priority = 'someday' WHERE id = ?"), old); err == nil {
				t.Error("a claim may have any priority")
			}
			if _, err := db.ExecContext(ctx, q("UPDATE claims SET priority = 'urgent', assignee_id = ?, due_on = ? WHERE id = ?"), user, "2026-03-04", old); err != nil {
				t.Errorf("triage: %v", err)
			}
			for v, want := range map[int64]bool{inReview: true, sentBack: false} {
				var since sql.NullTime
				if err := db.QueryRowContext(ctx, q("SELECT in_review_since FROM verdicts WHERE id = ?"), v).Scan(&since); err != nil {
					t.Fatal(err)
				}
				if since.Valid != want || want && !since.Time.Equal(earlier) {
					t.Errorf("verdict %d: in review since %v, want it set (%v) to its last change %v", v, since, want, earlier)
				}
			}
			note := must("INSERT INTO notes (claim_id, author_id, body, created_at) VALUES (?, ?, 'Ask @ed', ?)", researching, user, now)
			if _, err := db.ExecContext(ctx, q("INSERT INTO note_mentions (note_id, user_id, handle) VALUES (?, ?, 'ed')"), note, user); err != nil {
				t.Fatal(err)
			}
			must("INSERT INTO claim_events (claim_id, kind, actor_id, user_id, note_id, created_at) VALUES (?, 'mentioned', ?, ?, ?, ?)", researching, user, user, note, now)
			if _, err := id(nil, "INSERT INTO claim_events (claim_id, kind, created_at) VALUES (?, 'gossip', ?)", researching, now); err == nil {
				t.Error("a claim event may be of any kind")
			}
			if _, err := db.ExecContext(ctx, q("DELETE FROM claims WHERE id = ?"), researching); err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"notes", "note_mentions", "claim_events"} {
				var n int
				if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil || n != 0 {
					t.Errorf("%s after its claim was deleted: %d rows (%v)", table, n, err)
				}
			}
			integrity(t, ctx, db, d)

			researching = must(claimSQL, "researching-again", person, "researching", now, now)
			if err := migrations.DownToForTest(ctx, db, d, 29); err != nil {
				t.Fatalf("down: %v", err)
			}
			var st string
			if err := db.QueryRowContext(ctx, q("SELECT status FROM claims WHERE id = ?"), researching).Scan(&st); err != nil || st != "draft" {
				t.Errorf("after the down step a claim being researched is %q (%v), want draft", st, err)
			}
			if _, err := id(held, claimSQL, "late", person, "researching", now, now); err == nil {
				t.Error("after the down step a claim may still be researching")
			}
			if _, err := db.ExecContext(ctx, "SELECT assignee_id FROM claims"); err == nil {
				t.Error("after the down step claims still have an assignee")
			}
			integrity(t, ctx, db, d)
			if err := migrations.ApplyUpToForTest(ctx, db, d, 30); err != nil {
				t.Fatalf("up again: %v", err)
			}
		})
	}
}

// integrity checks a SQLite file's structure and foreign keys; Postgres
// keeps its own.
func integrity(t *testing.T, ctx context.Context, db *sql.DB, d migrations.Dialect) {
	t.Helper()
	if d != migrations.SQLite {
		return
	}
	var ok string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity check: %q %v", ok, err)
	}
	rows, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Error("foreign key check finds rows that point nowhere")
	}
}
