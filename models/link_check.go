package models

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Link checks. A background check revisits every source's URL once per
// interval (DefaultLinkCheckInterval unless configured) and records what
// it found: one link_checks row per visit, and the latest on the source
// (link_status, link_checked_at, link_http_status, link_final_url,
// link_error, and link_since for when the status was first found). The
// public sees the status, since when, the HTTP status, the final address
// and the error; its page version moves only when one of these changes,
// not with every visit that finds the same.

// DefaultLinkCheckInterval is how long after its last check a source's
// URL is checked again.
const DefaultLinkCheckInterval = 7 * 24 * time.Hour

// LinkStatuses lists every link status, in the order the desk shows them.
var LinkStatuses = []LinkStatus{LinkLive, LinkChanged, LinkMoved, LinkGone, LinkUnreachable}

// BrokenLinkStatuses are the statuses the desk lists as needing a look:
// the original is gone, moved elsewhere, unreachable, or no longer says
// what was archived.
var BrokenLinkStatuses = []LinkStatus{LinkGone, LinkMoved, LinkUnreachable, LinkChanged}

// LinkCheckInput is what one link check found at a source's URL.
type LinkCheckInput struct {
	// URL is the source's URL as it was when checked.
	URL string
	// Status is what the check makes of the answer.
	Status LinkStatus
	// HTTPStatus is the final answer's status code; 0 when none came.
	HTTPStatus int
	// FinalURL is the address that gave the final answer, after
	// redirects ("" when none came).
	FinalURL string
	// SHA256 is the hash of the body received, lower-case hex ("" when
	// none was read).
	SHA256 string
	// Error says, for people, what went wrong ("The address answered 404
	// Not Found"), zero when nothing did: the source keeps it as its
	// LinkReason, and in English (Error.String()) as its LinkError.
	Error Reason
	// CheckedAt is when the answer came (or the check gave up).
	CheckedAt time.Time
}

// validate refuses an input no checker makes.
func (in *LinkCheckInput) validate() error {
	var v Validator
	v.Check(oneOf(in.Status, LinkStatuses), "status", NewReason("reasons.link_status", "must be live, changed, moved, gone or unreachable"))
	v.Check(in.HTTPStatus == 0 || (in.HTTPStatus >= 100 && in.HTTPStatus <= 999), "http_status", NewReason("reasons.http_status", "must be an HTTP status code"))
	v.Check(in.SHA256 == "" || IsSHA256Hex(in.SHA256), "sha256", NewReason("reasons.sha256", "must be 64 lower-case hex digits"))
	v.Check(!in.CheckedAt.IsZero(), "checked_at", ReasonRequired)
	return v.Err()
}

// publicLink is what the public sees of a source's link state: a change to
// any of it moves the claim page's version.
type publicLink struct {
	status     LinkStatus
	since      int64
	httpStatus int
	finalURL   string
	err        string
}

func publicLinkOf(src *Source) publicLink {
	p := publicLink{status: src.LinkStatus, finalURL: src.LinkFinalURL, err: src.LinkError}
	if src.LinkSince != nil {
		p.since = src.LinkSince.UnixMilli()
	}
	if src.LinkHTTPStatus != nil {
		p.httpStatus = *src.LinkHTTPStatus
	}
	return p
}

// RecordLinkCheck keeps what a check found at source sourceID's URL: a
// link_checks row, and the source's latest link state, in one transaction.
// LinkSince moves only when the status differs from the last one. When the
// source is on a public page and what the public sees of its link changes
// (the status, since when, the HTTP status, the final address, the error),
// the page's version moves; a visit that finds the same changes nothing
// public. A change of status is written to the audit log.
//
// It returns the row, or nil and no error when the source's URL is no
// longer in.URL (the editor changed it meanwhile: the new one is checked
// in its turn). ErrNotFound when the source is gone; a *ValidationError
// for an input no checker makes.
func (s *Store) RecordLinkCheck(ctx context.Context, sourceID uint, in LinkCheckInput) (*LinkCheck, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	var out *LinkCheck
	err := s.write(ctx, func(tx *gorm.DB) error {
		out = nil
		src, c, err := lockWithClaim[Source](s, tx, "source", sourceID)
		if err != nil {
			return err
		}
		if src.URL != in.URL {
			return nil
		}
		at := in.CheckedAt.UTC()
		english := in.Error.String()
		row := &LinkCheck{SourceID: src.ID, CheckedAt: at, Status: in.Status, FinalURL: in.FinalURL, SHA256: in.SHA256, Error: english}
		if in.HTTPStatus != 0 {
			row.HTTPStatus = &in.HTTPStatus
		}
		if err := tx.Create(row).Error; err != nil {
			return fmt.Errorf("insert link check of source %d: %w", src.ID, err)
		}
		before := publicLinkOf(src)
		prevStatus := src.LinkStatus
		since := src.LinkSince
		if src.LinkStatus != in.Status || since == nil {
			since = &at
		}
		src.LinkStatus, src.LinkCheckedAt, src.LinkHTTPStatus, src.LinkFinalURL, src.LinkError, src.LinkReason, src.LinkSince =
			in.Status, &at, row.HTTPStatus, in.FinalURL, english, in.Error, since
		// UpdateColumns: a visit is not an edit, updated_at stays.
		err = tx.Model(&Source{}).Where("id = ?", src.ID).UpdateColumns(map[string]any{
			"link_status": in.Status, "link_checked_at": at, "link_http_status": row.HTTPStatus,
			"link_final_url": in.FinalURL, "link_error": english, "link_reason": in.Error, "link_since": since,
		}).Error
		if err != nil {
			return fmt.Errorf("source %d: record its link check: %w", src.ID, err)
		}
		out = row
		if publicLinkOf(src) != before && (c.Status == ClaimPublished || c.Status == ClaimRetracted) {
			s.touchClaimPage(tx, c.ID)
		}
		if prevStatus == in.Status {
			return nil
		}
		return s.audit(tx, Meta{}, event{actorLabel: "link checker", action: "source.link", objectType: "claim", objectID: c.ID,
			before: map[string]any{"source_id": src.ID, "status": prevStatus},
			after: map[string]any{"source_id": src.ID, "url": src.URL, "status": in.Status, "http_status": in.HTTPStatus,
				"final_url": in.FinalURL, "error": in.Error}})
	})
	if err != nil {
		return nil, fmt.Errorf("record link check: %w", err)
	}
	return out, nil
}

// LinkChecksOf lists the last limit checks of source id, newest first.
func (s *Store) LinkChecksOf(ctx context.Context, id uint, limit int) ([]LinkCheck, error) {
	var out []LinkCheck
	err := s.read(ctx).Where("source_id = ?", id).Order("id DESC").Limit(limit).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("link checks of source %d: %w", id, err)
	}
	return out, nil
}

// DueLink is a source whose URL is due for a check.
type DueLink struct {
	SourceID uint
	URL      string
}

// dueLinks selects, in db, up to limit sources whose last check (or,
// never checked, whose saving) is more than interval before now and that
// have no check_link job queued or running: the longest waiting first.
func dueLinks(db *gorm.DB, now time.Time, interval time.Duration, limit int) ([]DueLink, error) {
	cutoff := now.Add(-interval)
	var out []DueLink
	err := db.Table("sources").Select("id AS source_id, url").
		Where("(link_checked_at < ? OR (link_checked_at IS NULL AND created_at < ?))", cutoff, cutoff).
		Where("NOT EXISTS (SELECT 1 FROM jobs WHERE jobs.key = CAST(? AS TEXT) || CAST(sources.id AS TEXT) AND jobs.state IN ?)",
			JobCheckLink+":source:", []JobState{JobQueued, JobRunning}).
		Order("COALESCE(link_checked_at, created_at), id").Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("due link checks: %w", err)
	}
	return out, nil
}

// DueLinkChecks lists up to limit sources whose URL is due for a check:
// last checked more than interval ago (a source never checked, more than
// interval after it was saved, when its archive is fresh), with no check
// already queued or running; the longest waiting first. An interval of 0
// or less finds none (checks are off).
func (s *Store) DueLinkChecks(ctx context.Context, interval time.Duration, limit int) ([]DueLink, error) {
	if interval <= 0 || limit <= 0 {
		return nil, nil
	}
	return dueLinks(s.read(ctx), s.now(), interval, limit)
}

// LinkSchedule says which link checks EnqueueLinkChecks asks for.
type LinkSchedule struct {
	// Interval is how long after its last check a source is checked
	// again; 0 or less turns checks off.
	Interval time.Duration
	// Limit is how many sources one call considers, the longest waiting
	// first.
	Limit int
	// HostGap is the least time between two requests to one host (see
	// ReserveHost): the checks of one host are spread this far apart.
	HostGap time.Duration
	// PerHost is how many checks of one host one call asks for at most
	// (0: no limit), so that a host with many sources does not fill the
	// queue ahead of the others.
	PerHost int
}

// EnqueueLinkChecks adds a check_link job for each source that
// DueLinkChecks names (at most PerHost of one host), in one transaction,
// and returns how many it asked for. The checks of one host come due
// HostGap apart. Any number of instances may call it at once: a source's
// job is added once, since at most one check_link job per source is
// queued or running (the jobs' unique open key).
func (s *Store) EnqueueLinkChecks(ctx context.Context, sch LinkSchedule) (int, error) {
	if sch.Interval <= 0 || sch.Limit <= 0 {
		return 0, nil
	}
	n := 0
	err := s.write(ctx, func(tx *gorm.DB) error {
		n = 0
		now := s.now()
		due, err := dueLinks(tx, now, sch.Interval, sch.Limit)
		if err != nil {
			return err
		}
		perHost := map[string]int{}
		for _, d := range due {
			host := LinkHost(d.URL)
			i := perHost[host]
			if sch.PerHost > 0 && i >= sch.PerHost {
				continue
			}
			perHost[host] = i + 1
			runAt := now.Add(time.Duration(i) * max(sch.HostGap, 0))
			if err := s.enqueueJob(tx, JobCheckLink, sourceJobKey(JobCheckLink, d.SourceID), SourceJob{SourceID: d.SourceID}, runAt); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("enqueue link checks: %w", err)
	}
	return n, nil
}

// LinkHost is the host a URL's requests are paced by: its host name in
// lower case without a trailing dot ("news.example.org"), or "" when raw
// is not a URL with a host.
func LinkHost(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// BrokenSource is a source whose link needs a look, with its claim, for
// the desk.
type BrokenSource struct {
	Source
	ClaimSlug    string
	ClaimSummary string
	ClaimStatus  ClaimStatus
}

// BrokenSources lists up to limit sources whose last check found them
// gone, moved, unreachable or changed (status, when one of these, only
// that status), the most recently broken first. Editors and above; others
// get ErrForbidden.
func (s *Store) BrokenSources(ctx context.Context, actor *User, status LinkStatus, limit int) ([]BrokenSource, error) {
	if !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("broken sources: %w", ErrForbidden)
	}
	statuses := BrokenLinkStatuses
	if oneOf(status, BrokenLinkStatuses) {
		statuses = []LinkStatus{status}
	}
	var out []BrokenSource
	err := s.read(ctx).Table("sources").
		Select("sources.*, claims.slug AS claim_slug, claims.summary AS claim_summary, claims.status AS claim_status").
		Joins("JOIN claims ON claims.id = sources.claim_id").
		Where("sources.link_status IN ?", statuses).
		Order("sources.link_since DESC, sources.id DESC").Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("broken sources: %w", err)
	}
	return out, nil
}
