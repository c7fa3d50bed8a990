package models

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// SiteSettings are the newsroom's own words and names on the public site.
type SiteSettings struct {
	// OrganizationName is the publisher named in ClaimReview and feeds.
	OrganizationName string
	// OrganizationURL is the publisher's home page; empty means the site's base URL.
	OrganizationURL string
	// CorrectionsPolicy is shown on the methodology page (Markdown).
	CorrectionsPolicy string
	// TimeZone is the IANA name of the newsroom's time zone (such as
	// "America/New_York"), in which the site and the desk show dates and
	// times; the store keeps them in UTC. Default (and when saved empty) "UTC".
	TimeZone string
	// RequireAdminTwoFactor sends an admin without two-factor sign-in to
	// set it up, and lets them do nothing else until they have.
	RequireAdminTwoFactor bool
	// Language is the tag of the public site's interface language (one of
	// InterfaceLanguages), for readers who have not chosen one and whose
	// browser asks for none the interface speaks. Default (and when saved
	// empty) "en".
	Language string

	// Revision counts saves of the settings, from 1. Settings returns the
	// current one; UpdateSettings refuses a save made from another
	// (*StaleError), and 0 there means not given.
	Revision int
}

// DefaultSettings are used until an admin changes them.
var DefaultSettings = SiteSettings{
	OrganizationName: "Claimtracker Newsroom",
	TimeZone:         DefaultTimeZone,
	Language:         InterfaceLanguages[0],
	CorrectionsPolicy: "When we get something wrong we say so on the claim page, with the date and what changed. " +
		"A change of rating is always recorded as a correction that names both ratings. " +
		"Published fact-checks are never silently deleted: a retracted claim stays online with a notice explaining why.",
}

var settingKeys = []string{"organization_name", "organization_url", "corrections_policy", "time_zone", "language"}

// requireAdminTwoFactorKey stores SiteSettings.RequireAdminTwoFactor as "true" or "false".
const requireAdminTwoFactorKey = "require_admin_two_factor"

func (st *SiteSettings) field(key string) *string {
	switch key {
	case "organization_name":
		return &st.OrganizationName
	case "organization_url":
		return &st.OrganizationURL
	case "corrections_policy":
		return &st.CorrectionsPolicy
	case "time_zone":
		return &st.TimeZone
	case "language":
		return &st.Language
	}
	return nil
}

// Settings returns the site settings, with defaults for keys never set,
// and their revision.
func (s *Store) Settings(ctx context.Context) (SiteSettings, error) {
	return settingsFrom(s.read(ctx))
}

// settingsFrom reads the settings through db. The revision is read first:
// a save that commits in between leaves newer values under an older
// revision, which a save from them then finds stale, never the reverse.
func settingsFrom(db *gorm.DB) (SiteSettings, error) {
	out := DefaultSettings
	rev, err := settingsRevision(db)
	if err != nil {
		return out, err
	}
	out.Revision = rev
	var rows []Setting
	if err := db.Find(&rows).Error; err != nil {
		return out, fmt.Errorf("read settings: %w", err)
	}
	for _, r := range rows {
		if f := out.field(r.Key); f != nil {
			*f = r.Value
		}
		if r.Key == requireAdminTwoFactorKey {
			out.RequireAdminTwoFactor = r.Value == "true"
		}
	}
	return out, nil
}

// UpdateSettings saves the site settings and raises their revision by one;
// it returns them as saved, with the new revision. A save made from a
// revision that is no longer current (in.Revision) changes nothing and is
// a *StaleError. Admins only.
func (s *Store) UpdateSettings(ctx context.Context, actor *User, m Meta, in SiteSettings) (SiteSettings, error) {
	if !actor.Can(RoleAdmin) {
		return in, fmt.Errorf("update settings: %w", ErrForbidden)
	}
	var v Validator
	v.text("organization_name", &in.OrganizationName, true, 200)
	v.url("organization_url", &in.OrganizationURL, false)
	v.text("corrections_policy", &in.CorrectionsPolicy, true, 5000)
	if in.TimeZone = strings.TrimSpace(in.TimeZone); in.TimeZone == "" {
		in.TimeZone = DefaultTimeZone
	}
	if _, ok := LoadZone(in.TimeZone); !ok {
		v.Fail("time_zone", NewReason("reasons.time_zone", "must be a time zone name from the IANA database, such as Europe/Paris, America/New_York or UTC"))
	}
	if in.Language = strings.TrimSpace(in.Language); in.Language == "" {
		in.Language = InterfaceLanguages[0]
	}
	v.Check(isInterfaceLanguage(in.Language), "language", ReasonInterfaceLanguage)
	if err := v.Err(); err != nil {
		return in, err
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		locked, err := lockRow[SettingsRevision](s, tx, "settings revision", settingsRevisionID)
		if err != nil {
			return err
		}
		if err := checkRevision("settings", in.Revision, locked.Revision); err != nil {
			return err
		}
		// Read under the lock, so that "before" is what this save replaces.
		before, err := settingsFrom(tx)
		if err != nil {
			return err
		}
		now := s.now()
		save := func(k, v string) error {
			row := Setting{Key: k, Value: v, UpdatedAt: now}
			if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "key"}}, DoUpdates: clause.AssignmentColumns([]string{"value", "updated_at"})}).Create(&row).Error; err != nil {
				return fmt.Errorf("save setting %s: %w", k, err)
			}
			return nil
		}
		for _, k := range settingKeys {
			if err := save(k, strings.TrimSpace(*in.field(k))); err != nil {
				return err
			}
		}
		if err := save(requireAdminTwoFactorKey, strconv.FormatBool(in.RequireAdminTwoFactor)); err != nil {
			return err
		}
		in.Revision = locked.Revision + 1
		if err := tx.Model(locked).Update("revision", in.Revision).Error; err != nil {
			return fmt.Errorf("raise settings revision: %w", err)
		}
		s.touchSharedPages(tx)
		return s.audit(tx, m, event{actor: actor, action: "settings.update", objectType: "settings", before: before, after: in})
	})
	return in, err
}
