// Package views renders Claimtracker's HTML with templ: the layout, one
// component per page under pages/, and shared pieces under components/.
package views

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"claimtracker/models"
)

// Page is what the layout needs to know about every page.
type Page struct {
	// Title is the page's own title; the layout adds the product name.
	Title string
	// Description is the meta description for search engines and link previews.
	Description string
	// User is the signed-in user, or nil for the public.
	User *models.User
	// Path is the request path, to mark the current navigation item.
	Path string
	// Flash is a one-line confirmation shown at the top of the page.
	Flash string
	// Canonical is the absolute URL search engines should index.
	Canonical string
	// Meta are link-preview tags (OpenGraph, Twitter cards).
	Meta []MetaTag
	// JSONLD is structured data for the page, already encoded by JSONLD.
	JSONLD string
	// Feeds are Atom feeds to advertise in the head.
	Feeds []Feed
	// OEmbed is the address of the page's oEmbed answer in JSON, which
	// the head advertises (oEmbed's discovery, https://oembed.com/ §4).
	OEmbed string
	// Params are the query parameters that make this page what it is (a
	// search's words, the home page's filters): the language switcher
	// keeps them.
	Params url.Values
}

// LanguageURL is this page in the interface language tag: its path and
// Params with lang=tag, a relative URL.
func (p Page) LanguageURL(tag string) string {
	q := url.Values{}
	for k, v := range p.Params {
		if k != "lang" {
			q[k] = v
		}
	}
	q.Set("lang", tag)
	path := p.Path
	// A path that a browser would read as another host ("//evil.example")
	// is never written into a link.
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") || strings.ContainsRune(path, '\\') {
		path = "/"
	}
	return (&url.URL{Path: path, RawQuery: q.Encode()}).String()
}

// MetaTag is one <meta> element: OpenGraph uses property, Twitter name.
type MetaTag struct {
	Property, Name, Content string
}

// Feed is an alternate Atom link.
type Feed struct {
	Title, URL string
}

// SocialMeta returns OpenGraph and Twitter card tags for a page.
func SocialMeta(kind, title, description, url, siteName string) []MetaTag {
	return []MetaTag{
		{Property: "og:type", Content: kind},
		{Property: "og:title", Content: title},
		{Property: "og:description", Content: description},
		{Property: "og:url", Content: url},
		{Property: "og:site_name", Content: siteName},
		{Name: "twitter:card", Content: "summary"},
		{Name: "twitter:title", Content: title},
		{Name: "twitter:description", Content: description},
	}
}

// Image is a picture that stands for a page in link previews.
type Image struct {
	// URL is absolute; Type its content type; Width and Height in pixels.
	URL, Type     string
	Width, Height int
	// Alt says what the picture shows, for those who cannot see it.
	Alt string
}

// WithImage adds img to the link-preview tags that SocialMeta made:
// OpenGraph's og:image with its type, size and alt text, and a Twitter
// card that shows it large (summary_large_image), with its alt text.
func WithImage(meta []MetaTag, img Image) []MetaTag {
	out := make([]MetaTag, 0, len(meta)+8)
	for _, m := range meta {
		if m.Name == "twitter:card" {
			m.Content = "summary_large_image"
		}
		out = append(out, m)
	}
	return append(out,
		MetaTag{Property: "og:image", Content: img.URL},
		MetaTag{Property: "og:image:type", Content: img.Type},
		MetaTag{Property: "og:image:width", Content: strconv.Itoa(img.Width)},
		MetaTag{Property: "og:image:height", Content: strconv.Itoa(img.Height)},
		MetaTag{Property: "og:image:alt", Content: img.Alt},
		MetaTag{Name: "twitter:image", Content: img.URL},
		MetaTag{Name: "twitter:image:alt", Content: img.Alt},
	)
}

// FullTitle is the document title: the page's own, then the newsroom's
// name.
func (p Page) FullTitle(newsroom string) string {
	if p.Title == "" {
		return newsroom
	}
	return p.Title + " · " + newsroom
}

// Current reports whether the navigation item at prefix leads to the page
// shown: "/" and "/desk" only to themselves, any other to itself and the
// pages under it. See AriaCurrent.
func (p Page) Current(prefix string) bool {
	if prefix == "/" || prefix == "/desk" {
		return p.Path == prefix
	}
	return p.Path == prefix || strings.HasPrefix(p.Path, prefix+"/")
}

// Form carries a form's submitted values and its errors back to the page,
// so that a refused form shows the errors next to the fields and keeps the
// user's input.
type Form struct {
	Values map[string]string
	Errors map[string]string
	// Error is a message about the whole form.
	Error string
	// Stale is set when the save was refused because someone saved the
	// object after this form was read: the form shows what is saved now
	// beside what the user typed.
	Stale *Stale
}

// Stale compares, field by field, what is saved now with what the user
// typed into a form made from an older revision of the object. The form
// keeps the user's input, and its hidden revision field now carries
// Current, so that saving it again replaces the saved version on purpose.
type Stale struct {
	// What names the object in words, e.g. "claim".
	What string
	// Counter names what Sent and Current count: "revision" or "version".
	Counter string
	// Sent is the revision the form was read at; Current is the one saved now.
	Sent, Current int
	// SavedAt is when the object was last changed; zero when unknown.
	SavedAt time.Time
	// SavedBy names who made the current revision; "" when unknown.
	SavedBy string
	// Changes say what made each revision since Sent, when known.
	Changes []string
	// Rows are the form's fields, in its order.
	Rows []StaleRow
}

// StaleRow is one field of a stale form: its label, the value saved now and
// the value the user typed, both as the user reads them.
type StaleRow struct {
	Label, Saved, Typed string
}

// Differs reports whether what was typed differs from what is saved.
func (r StaleRow) Differs() bool { return r.Saved != r.Typed }

// Differing counts the fields whose typed value differs from the saved one.
func (s *Stale) Differing() int {
	n := 0
	for _, r := range s.Rows {
		if r.Differs() {
			n++
		}
	}
	return n
}

// Get returns the submitted value of a field.
func (f Form) Get(name string) string { return f.Values[name] }

// Err returns the error of a field, or "".
func (f Form) Err(name string) string { return f.Errors[name] }

// FieldClass is the class of a field's wrapper: marked when it has an error.
func (f Form) FieldClass(name string) string {
	if f.Errors[name] != "" {
		return "field has-error"
	}
	return "field"
}
