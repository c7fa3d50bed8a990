package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// AdminOverview is what the administration index shows of each thing an
// admin manages: accounts, API tokens, the rating scale, the settings and
// the background jobs.
type AdminOverview struct {
	// ActiveAccounts and DisabledAccounts count the accounts.
	ActiveAccounts, DisabledAccounts int64
	// Tokens are the API tokens that work (not revoked, of active
	// accounts), most recently used first, at most MaxOverviewTokens.
	Tokens []TokenItem
	// ActiveTokens counts them all.
	ActiveTokens int64
	// Ratings counts the steps of the rating scale.
	Ratings int64
	// Settings are the site settings.
	Settings SiteSettings
	// Jobs counts the background jobs in each state (see JobCounts).
	Jobs map[JobState]int64
	// ActiveWebhooks and Webhooks count the webhooks that get deliveries
	// and all of them.
	ActiveWebhooks, Webhooks int64
}

// TokenItem is one API token with its owner's name.
type TokenItem struct {
	ID         uint
	Name       string
	Prefix     string
	UserID     uint
	UserName   string
	CreatedAt  time.Time
	LastUsedAt *time.Time
}

// MaxOverviewTokens is the most tokens AdminOverview lists.
const MaxOverviewTokens = 20

// AdminOverview returns what the administration index shows. Admins only.
func (s *Store) AdminOverview(ctx context.Context, actor *User) (AdminOverview, error) {
	var o AdminOverview
	if !actor.Can(RoleAdmin) {
		return o, fmt.Errorf("admin overview: %w", ErrForbidden)
	}
	err := s.Snapshot(ctx, func(ctx context.Context) error {
		db := s.read(ctx)
		if err := db.Model(&User{}).Where("disabled_at IS NULL").Count(&o.ActiveAccounts).Error; err != nil {
			return fmt.Errorf("count accounts: %w", err)
		}
		if err := db.Model(&User{}).Where("disabled_at IS NOT NULL").Count(&o.DisabledAccounts).Error; err != nil {
			return fmt.Errorf("count accounts: %w", err)
		}
		working := func() *gorm.DB {
			return db.Table("api_tokens t").Joins("JOIN users u ON u.id = t.user_id").Where("t.revoked_at IS NULL AND u.disabled_at IS NULL")
		}
		if err := working().Count(&o.ActiveTokens).Error; err != nil {
			return fmt.Errorf("count tokens: %w", err)
		}
		err := working().Select("t.id, t.name, t.prefix, t.user_id, u.name AS user_name, t.created_at, t.last_used_at").
			Order("t.last_used_at IS NULL, t.last_used_at DESC, t.created_at DESC, t.id DESC").Limit(MaxOverviewTokens).Scan(&o.Tokens).Error
		if err != nil {
			return fmt.Errorf("list tokens: %w", err)
		}
		if err := db.Model(&Rating{}).Count(&o.Ratings).Error; err != nil {
			return fmt.Errorf("count ratings: %w", err)
		}
		if o.Settings, err = settingsFrom(db); err != nil {
			return err
		}
		if o.Jobs, err = s.JobCounts(ctx); err != nil {
			return err
		}
		o.ActiveWebhooks, o.Webhooks, err = s.CountWebhooks(ctx)
		return err
	})
	return o, err
}
