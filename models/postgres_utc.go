package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// openPostgres connects to the PostgreSQL database that dsn names, with
// every timestamp read and written in UTC whatever the zone of the server,
// of the database or role (ALTER ... SET TimeZone) or of the DSN
// (options=-c TimeZone=..., timezone=...):
//
//   - every connection starts its session with TimeZone set to UTC (a
//     startup parameter, which outranks the server's, the database's and
//     the role's settings and the DSN's options), so that anything the
//     server turns into text or a date is in UTC;
//   - timestamptz values are scanned into time.Time in UTC, not in the
//     zone of the process (time.Local), so the same instant reads the same
//     on every host, as SQLite's driver already reads it.
//
// The newsroom's own zone (SiteSettings.TimeZone) is applied only when a
// date is shown.
func openPostgres(dsn string, gcfg *gorm.Config) (*gorm.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	for k := range cfg.RuntimeParams {
		if strings.EqualFold(k, "timezone") {
			delete(cfg.RuntimeParams, k)
		}
	}
	cfg.RuntimeParams["timezone"] = "UTC"
	sqlDB := stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(_ context.Context, c *pgx.Conn) error {
		m := c.TypeMap()
		m.RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID, Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
		m.RegisterType(&pgtype.Type{Name: "timestamp", OID: pgtype.TimestampOID, Codec: &pgtype.TimestampCodec{ScanLocation: time.UTC}})
		return nil
	}))
	db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), gcfg)
	if err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	return db, nil
}
