package models

import (
	"context"
	"fmt"
	"sort"
	"sync"

	"gorm.io/gorm/schema"
)

// allModels lists every table's model, for the schema check.
var allModels = []any{
	&User{}, &Session{}, &APIToken{}, &Person{}, &PersonRedirect{}, &Article{}, &Claim{}, &ClaimTag{},
	&Source{}, &Appearance{}, &Rating{}, &Verdict{}, &VerdictVersion{}, &Review{}, &Correction{}, &AuditEvent{}, &Setting{},
	&LoginThrottle{}, &Heartbeat{}, &PasswordReset{}, &TOTPKey{}, &RecoveryCode{}, &PendingLogin{}, &setupLock{}, &SettingsRevision{},
	&ClaimUpdate{}, &ClaimPublication{}, &Job{}, &Blob{}, &Snapshot{}, &SourceFile{}, &LinkCheck{}, &Host{},
	&Note{}, &NoteMention{}, &ClaimEvent{}, &Notification{}, &Webhook{}, &WebhookDelivery{}, &ClaimDeskText{},
}

// SchemaDrift compares the migrated database with the Go models and lists
// every difference: a missing table, a model field without a column, or a
// column no model field reads. An empty list means they match.
func (s *Store) SchemaDrift(ctx context.Context) ([]string, error) {
	var drift []string
	cache := &sync.Map{}
	db := s.read(ctx)
	for _, m := range allModels {
		sch, err := schema.Parse(m, cache, db.NamingStrategy)
		if err != nil {
			return nil, fmt.Errorf("parse model %T: %w", m, err)
		}
		if !db.Migrator().HasTable(sch.Table) {
			drift = append(drift, fmt.Sprintf("table %s: missing", sch.Table))
			continue
		}
		cols, err := db.Migrator().ColumnTypes(m)
		if err != nil {
			return nil, fmt.Errorf("columns of %s: %w", sch.Table, err)
		}
		have := map[string]bool{}
		for _, c := range cols {
			have[c.Name()] = true
		}
		want := map[string]bool{}
		for _, f := range sch.Fields {
			if f.DBName == "" {
				continue
			}
			want[f.DBName] = true
			if !have[f.DBName] {
				drift = append(drift, fmt.Sprintf("%s.%s: model field %s has no column", sch.Table, f.DBName, f.Name))
			}
		}
		for c := range have {
			if !want[c] {
				drift = append(drift, fmt.Sprintf("%s.%s: column has no model field", sch.Table, c))
			}
		}
	}
	sort.Strings(drift)
	return drift, nil
}
