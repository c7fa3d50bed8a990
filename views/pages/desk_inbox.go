package pages

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"time"

	"github.com/a-h/templ"

	"claimtracker/models"
	"claimtracker/views"
)

// InboxPerPage is how many notifications a page of the inbox lists.
const InboxPerPage = 50

// InboxView is what the inbox page shows: a page of the user's
// notifications, newest first.
type InboxView struct {
	Items []models.InboxItem
	// Unread keeps only the unread notifications.
	Unread bool
	// Offset is how many notifications earlier pages showed; More says a
	// next page exists.
	Offset int
	More   bool
}

// with is the address of the inbox with the view's filter changed by
// change, from its first page unless change sets the offset.
func (v InboxView) with(change func(*InboxView)) string {
	q := v
	q.Offset = 0
	change(&q)
	vals := url.Values{}
	if q.Unread {
		vals.Set("unread", "1")
	}
	if q.Offset > 0 {
		vals.Set("offset", strconv.Itoa(q.Offset))
	}
	if len(vals) == 0 {
		return "/desk/inbox"
	}
	return "/desk/inbox?" + vals.Encode()
}

// inboxReadPath is where opening notification id posts.
func inboxReadPath(id uint) string {
	return "/desk/inbox/" + strconv.FormatUint(uint64(id), 10) + "/read"
}

// inboxSentence tells what happened in one sentence, the one who did it
// and the claim's summary (in its own language) isolated in <bdi>.
func inboxSentence(ctx context.Context, it models.InboxItem) templ.Component {
	actor := it.ActorName
	if actor == "" {
		actor = views.T(ctx, "desk.inbox.someone")
	}
	claim := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		lang := ""
		if it.ClaimLanguage != "" {
			lang = ` lang="` + templ.EscapeString(it.ClaimLanguage) + `"`
		}
		_, err := io.WriteString(w, `<bdi class="inbox-claim"`+lang+`>`+templ.EscapeString(it.ClaimSummary)+`</bdi>`)
		return err
	})
	return views.Msg(ctx, views.NotificationSentence(it.Kind), "Actor", views.Bdi(actor), "Claim", claim)
}

// stamp is t as RFC 3339 in UTC, for a datetime attribute.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
