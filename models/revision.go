package models

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// Saving an edit made from an old reading must not silently replace what
// someone else saved since (a lost update). Every editable object therefore
// counts its saved edits: claims, sources and ratings in their Revision,
// verdicts in their Version, the site settings in the single row of
// settings_revision. An update names the revision its editor read (0: not
// given, no check); the store locks the object's row, compares, and either
// refuses with a *StaleError, changing nothing, or saves and raises the
// counter by one in the same transaction. Because the comparison happens
// under the row's lock, two saves made from the same revision can never
// both pass.

// checkRevision refuses an update of what (e.g. "claim 12") made from
// revision sent when the locked row is at current. A sent revision of 0
// means the caller did not give one: nothing is checked.
func checkRevision(what string, sent, current int) error {
	if sent != 0 && sent != current {
		return &StaleError{What: what, Sent: sent, Current: current}
	}
	return nil
}

// SettingsRevision is the one row (ID 1) that counts saves of the site
// settings, which are edited together as one form.
type SettingsRevision struct {
	ID       uint
	Revision int
}

// TableName is the table's name: it holds a single row.
func (SettingsRevision) TableName() string { return "settings_revision" }

// settingsRevisionID is the id of the only settings_revision row.
const settingsRevisionID = 1

// settingsRevision reads the settings' revision without locking it.
func settingsRevision(db *gorm.DB) (int, error) {
	var row SettingsRevision
	err := db.Where("id = ?", settingsRevisionID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, fmt.Errorf("settings revision: the row is missing; run the migrations: %w", err)
	}
	if err != nil {
		return 0, fmt.Errorf("read settings revision: %w", err)
	}
	return row.Revision, nil
}
