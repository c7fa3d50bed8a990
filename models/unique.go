package models

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
	"gorm.io/gorm"
)

// isUniqueViolation reports whether err is a unique constraint refusing a
// row, on either engine: Postgres error 23505 (pgx's *pgconn.PgError),
// SQLite's SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY (mattn's sqlite3.Error),
// or either one as gorm translates it (gorm.ErrDuplicatedKey).
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return true
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23505"
	}
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		return lite.ExtendedCode == sqlite3.ErrConstraintUnique || lite.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
	}
	return false
}

// isForeignKeyViolation reports whether err is a foreign key refusing a
// row, on either engine: Postgres error 23503, SQLite's
// SQLITE_CONSTRAINT_FOREIGNKEY, or gorm's translation of either. Within
// the store it means a concurrent transaction removed a row this one
// refers to (a speaker merged away while a claim was logged under them).
func isForeignKeyViolation(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, gorm.ErrForeignKeyViolated) {
		return true
	}
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23503"
	}
	var lite sqlite3.Error
	if errors.As(err, &lite) {
		return lite.ExtendedCode == sqlite3.ErrConstraintForeignKey
	}
	return false
}

// savepointName names every savepoint: savepoints of one name nest, and
// each statement that rolls back to or releases one acts on the latest, so
// one name serves them all.
const savepointName = "ct_savepoint"

// savepoint runs fn inside a savepoint of the transaction tx. When fn fails,
// the transaction goes back to where it was before fn and carries on: on
// Postgres a failed statement otherwise aborts the whole transaction.
func savepoint(tx *gorm.DB, fn func(tx *gorm.DB) error) error {
	const name = savepointName
	if err := tx.SavePoint(name).Error; err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if err := fn(tx); err != nil {
		if rerr := tx.RollbackTo(name).Error; rerr != nil {
			return errors.Join(err, fmt.Errorf("rollback to savepoint: %w", rerr))
		}
		return err
	}
	if err := tx.Exec("RELEASE SAVEPOINT " + name).Error; err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return nil
}

// maxSlugRaces is how many times insertWithSlug tries again after another
// transaction took the slug it chose, before it gives up with ErrConflict.
// Each such race means another row of the same base was committed
// meanwhile, but one writer can lose many in a row: while others keep
// saving rows of that base, every writer that waited for the same slug
// tries the next one at once, and it goes to whichever of them (or of the
// writers just arriving) inserts it first: 32 writers saving claims of one
// summary at once on Postgres for a few seconds made one of them lose 64
// in a row in many runs. The bound only stops a writer that keeps losing
// for as long as others keep winning.
const maxSlugRaces = 1024

// insertWithSlug inserts a row whose slug must be unique in table (or, as
// insert may equally do, gives an existing row a new slug): base, or
// base-2, base-3… the first one free, in table and among its retired
// slugs (retiredSlugs). It checks which is free, then calls
// insert with it inside a savepoint; when a concurrent transaction committed
// the same slug in between (a unique violation), it goes back to the
// savepoint and tries the next one. When conflict is not nil it is asked
// first, after such a violation, whether another unique value of the row
// was taken instead; an error from it ends the attempt.
func insertWithSlug(tx *gorm.DB, table, base string, insert func(tx *gorm.DB, slug string) error, conflict func(tx *gorm.DB) error) (string, error) {
	if base == "" {
		base = "item"
	}
	from := 1
	for range maxSlugRaces {
		slug, n, err := freeSlug(tx, table, base, from)
		if err != nil {
			return "", err
		}
		err = savepoint(tx, func(tx *gorm.DB) error { return insert(tx, slug) })
		if !isUniqueViolation(err) {
			return slug, err
		}
		if conflict != nil {
			if err := conflict(tx); err != nil {
				return "", err
			}
		}
		from = n + 1
	}
	return "", fmt.Errorf("insert into %s: slug %q taken by concurrent writers %d times: %w", table, base, maxSlugRaces, ErrConflict)
}

// retiredSlugs names, for a table whose slugs are page addresses that
// outlive a change of slug, the table of its former slugs, which are
// never given out again: a speaker's former slugs keep redirecting to
// them (person_redirects).
var retiredSlugs = map[string]string{"people": "person_redirects"}

// freeSlug returns the first of base-from, base-(from+1)… (base itself for
// 1) that table does not hold yet, and its number. It looks candidates up
// on the unique slug index many at a time: one at first, since base is
// usually free, then twice as many each time up to slugBatch, so that a
// base taken thousands of times costs a few statements rather than one
// per slug taken, while the save holds its transaction (on SQLite, the
// database's one writer).
func freeSlug(tx *gorm.DB, table, base string, from int) (string, int, error) {
	batch := 1
	for {
		candidates := make([]string, batch)
		for k := range candidates {
			candidates[k] = numberedSlug(base, from+k)
		}
		var rows []string
		if err := tx.Table(table).Where("slug IN ?", candidates).Pluck("slug", &rows).Error; err != nil {
			return "", 0, fmt.Errorf("find free slug: %w", err)
		}
		if retired, ok := retiredSlugs[table]; ok {
			// Read after the table: a slug retired meanwhile was still
			// in the table, and one retired before is found here.
			var old []string
			if err := tx.Table(retired).Where("slug IN ?", candidates).Pluck("slug", &old).Error; err != nil {
				return "", 0, fmt.Errorf("find free slug: %w", err)
			}
			rows = append(rows, old...)
		}
		taken := make(map[string]bool, len(rows))
		for _, r := range rows {
			taken[r] = true
		}
		for k, c := range candidates {
			if !taken[c] {
				return c, from + k, nil
			}
		}
		from += batch
		batch = min(2*batch, slugBatch)
	}
}

// slugBatch is how many candidate slugs freeSlug looks up in one statement
// at most.
const slugBatch = 256

// numberedSlug is base for 1, else base-i.
func numberedSlug(base string, i int) string {
	if i > 1 {
		return base + "-" + strconv.Itoa(i)
	}
	return base
}
