package views

import (
	"context"
	"sync"

	"github.com/a-h/templ"
)

// ProductName names the software; pages show it where no newsroom name
// is known (the settings could not be read).
const ProductName = "Claimtracker"

// newsroomKey is the context key of the newsroom's name.
type newsroomKey struct{}

// WithNewsroom returns a copy of ctx in which pages show the newsroom's
// name (models.SiteSettings.OrganizationName) in the masthead, the title
// and the footer. name is called once, when a page first needs it, so
// that answers without a page (files, JSON) never read the settings; ""
// means the name could not be read.
func WithNewsroom(ctx context.Context, name func() string) context.Context {
	return context.WithValue(ctx, newsroomKey{}, sync.OnceValue(name))
}

// Newsroom is the newsroom's name for pages rendered with ctx: the one
// WithNewsroom gave, else ProductName.
func Newsroom(ctx context.Context) string {
	if name, ok := ctx.Value(newsroomKey{}).(func() string); ok {
		if n := name(); n != "" {
			return n
		}
	}
	return ProductName
}

// AriaCurrent is the attribute that marks a link to the page being shown
// (aria-current="page", WAI-ARIA 1.2 §6.7) when current is true, and no
// attribute at all otherwise: an empty aria-current is invalid HTML.
func AriaCurrent(current bool) templ.Attributes {
	if current {
		return templ.Attributes{"aria-current": "page"}
	}
	return templ.Attributes{}
}
