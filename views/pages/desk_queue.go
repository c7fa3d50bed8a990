package pages

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// Queue is verdicts waiting for review, with how many sources each claim
// has, the filter that chose them and the choices it offers.
type Queue struct {
	Items []models.QueueItem
	// Sources are source counts by claim id.
	Sources map[uint]int
	// Now is the moment the queue was read, from which each item's wait
	// is counted.
	Now time.Time
	// Filter is the speaker and author the queue is narrowed to.
	Filter models.QueueFilter
	// Speakers and Authors are the choices of the filter: those of every
	// item waiting for the user, whatever the filter.
	Speakers, Authors []components.Option
}

// Dashboard is what the desk's home page shows.
type Dashboard struct {
	Counts models.DeskCounts
	Lists  models.DeskLists
	// Queue is Lists.AwaitingReview with its source counts.
	Queue Queue
}

// QueueChoices are the speakers and authors of items, by name, as the
// queue's filter offers them.
func QueueChoices(items []models.QueueItem) (speakers, authors []components.Option) {
	seen := map[string]bool{}
	add := func(list *[]components.Option, kind string, id uint, name string) {
		key := kind + strconv.FormatUint(uint64(id), 10)
		if id == 0 || seen[key] {
			return
		}
		seen[key] = true
		*list = append(*list, components.Option{Value: strconv.FormatUint(uint64(id), 10), Label: name})
	}
	for _, it := range items {
		add(&speakers, "s", it.SpeakerID, it.SpeakerName)
		add(&authors, "a", it.AuthorID, it.AuthorName)
	}
	for _, list := range [][]components.Option{speakers, authors} {
		sort.Slice(list, func(i, j int) bool { return strings.ToLower(list[i].Label) < strings.ToLower(list[j].Label) })
	}
	return speakers, authors
}

// Filtered reports whether the queue is narrowed to a speaker or author.
func (q Queue) Filtered() bool { return q.Filter != models.QueueFilter{} }

// link is the queue's address narrowed to f: its query parameters are
// speaker and author, the ids of each, left out when zero.
func (q Queue) link(f models.QueueFilter) string {
	v := url.Values{}
	if f.SpeakerID != 0 {
		v.Set("speaker", strconv.FormatUint(uint64(f.SpeakerID), 10))
	}
	if f.AuthorID != 0 {
		v.Set("author", strconv.FormatUint(uint64(f.AuthorID), 10))
	}
	if len(v) == 0 {
		return "/desk/review"
	}
	return "/desk/review?" + v.Encode()
}

// bySpeaker is the queue narrowed to the speaker of it, keeping the
// author the queue is narrowed to.
func (q Queue) bySpeaker(it models.QueueItem) string {
	f := q.Filter
	f.SpeakerID = it.SpeakerID
	return q.link(f)
}

// byAuthor is the queue narrowed to the author of it, keeping the speaker
// the queue is narrowed to.
func (q Queue) byAuthor(it models.QueueItem) string {
	f := q.Filter
	f.AuthorID = it.AuthorID
	return q.link(f)
}

// sourcesNote says how many sources a claim has, in ctx's language.
func (q Queue) sourcesNote(ctx context.Context, claimID uint) string {
	if n := q.Sources[claimID]; n > 0 {
		return views.N(ctx, "desk.queue.sources", n)
	}
	return views.T(ctx, "desk.queue.no_sources")
}

// author names who proposed a verdict.
func author(ctx context.Context, it models.QueueItem) string {
	if it.AuthorName != "" {
		return it.AuthorName
	}
	return views.T(ctx, "desk.someone")
}

// waited says how long it has waited since it went to review, in ctx's
// language: under an hour, in hours up to two days, then in days.
func (q Queue) waited(ctx context.Context, it models.QueueItem) string {
	d := q.Now.Sub(it.SubmittedAt)
	switch {
	case d < time.Hour:
		return views.T(ctx, "desk.queue.waited_under_hour")
	case d < 48*time.Hour:
		return views.N(ctx, "desk.queue.waited_hours", int(d/time.Hour))
	}
	return views.N(ctx, "desk.queue.waited_days", int(d/(24*time.Hour)))
}

// waitClass marks an item that has waited more than two days.
func (q Queue) waitClass(it models.QueueItem) string {
	if q.Now.Sub(it.SubmittedAt) >= 48*time.Hour {
		return "waited long"
	}
	return "waited"
}

// id writes an id as a form value: "" for 0.
func id(n uint) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatUint(uint64(n), 10)
}
