package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// changeRating publishes a new verdict with rating on the public claim c,
// as the desk does (an update, approved by a reviewer).
func (n *newsroom) changeRating(t *testing.T, c *models.Claim, rating string) {
	t.Helper()
	ctx, s := context.Background(), n.ts.store
	u, err := s.OpenUpdate(ctx, n.ed, models.Meta{}, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	note := "A second record changes the rating."
	if _, err := s.SaveUpdate(ctx, n.ed, models.Meta{}, u.ID, models.UpdatePatch{Rating: &rating, Note: &note}); err != nil {
		t.Fatal(err)
	}
	if u, err = s.SubmitUpdate(ctx, n.ed, models.Meta{}, u.ID, 0); err != nil {
		t.Fatal(err)
	}
	v, err := s.GetVerdict(ctx, *u.VerdictID)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := s.ReviewVerdict(ctx, n.rev, models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil || !res.Published {
		t.Fatalf("new rating not published: %v %+v", err, res)
	}
}

// ogImage is the share image's address that the claim page at path names,
// and checks the page's other image tags.
func ogImage(t *testing.T, ts *testServer, c *http.Client, path string) string {
	t.Helper()
	page := doc(t, ts.get(t, c, path).body)
	meta := func(attr, name string) string {
		return page.Find(`meta[`+attr+`="`+name+`"]`).AttrOr("content", "")
	}
	img := meta("property", "og:image")
	if meta("property", "og:image:width") != "1200" || meta("property", "og:image:height") != "630" || meta("property", "og:image:type") != "image/png" ||
		meta("property", "og:image:alt") == "" || meta("name", "twitter:card") != "summary_large_image" || meta("name", "twitter:image") != img {
		t.Errorf("%s: image tags incomplete: %s", path, page.Find("head").Text())
	}
	return img
}

// The share image of a fact-check is a 1200×630 PNG, cached like every
// public page under the claim page's version: a new rating gives a new
// image, a new ETag and a new address on the page, and an unknown or
// unpublished claim has none.
func TestShareImage(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			cl := ts.client(t)
			path := "/claims/" + c.Slug + "/share.png"
			fetch := func() (result, []byte) {
				t.Helper()
				r := ts.do(t, cl, http.MethodGet, path, nil, map[string]string{"Accept-Encoding": "gzip"})
				if r.status != http.StatusOK || r.header.Get("Content-Type") != "image/png" || r.header.Get("Content-Encoding") != "" {
					t.Fatalf("GET %s: %d %v", path, r.status, r.header)
				}
				img, err := png.Decode(strings.NewReader(r.body))
				if err != nil {
					t.Fatalf("GET %s: not a PNG: %v", path, err)
				}
				if b := img.Bounds(); b.Dx() != 1200 || b.Dy() != 630 {
					t.Fatalf("GET %s: %v, want 1200×630", path, b.Size())
				}
				return r, []byte(r.body)
			}
			first, before := fetch()
			etag := first.header.Get("ETag")
			if etag == "" || first.header.Get("Cache-Control") != "public, no-cache" || first.header.Get("Vary") != "Accept-Encoding" {
				t.Fatalf("validators: ETag %q, Cache-Control %q, Vary %q", etag, first.header.Get("Cache-Control"), first.header.Get("Vary"))
			}
			if r := ts.do(t, cl, http.MethodGet, path, nil, map[string]string{"If-None-Match": etag}); r.status != http.StatusNotModified {
				t.Fatalf("conditional GET: %d", r.status)
			}
			// The same image, not one made for them, to signed-in readers.
			ed, _ := ts.login(t, "share-ed@example.org", models.RoleEditor)
			if r := ts.get(t, ed, path); r.status != http.StatusOK || r.header.Get("ETag") != etag || r.body != string(before) {
				t.Errorf("signed in: %d, ETag %q, want the readers' %q", r.status, r.header.Get("ETag"), etag)
			}
			img1 := ogImage(t, ts, cl, "/claims/"+c.Slug)
			if !strings.HasPrefix(img1, ts.URL+path+"?v=") {
				t.Fatalf("og:image %q does not name the share image", img1)
			}
			if u, _ := url.Parse(img1); ts.get(t, cl, u.RequestURI()).body != string(before) {
				t.Error("the address the page names does not serve the image")
			}

			n.changeRating(t, c, "mostly-true")
			second, after := fetch()
			if second.header.Get("ETag") == etag {
				t.Error("a new rating kept the image's ETag")
			}
			if bytes.Equal(before, after) {
				t.Error("a new rating kept the same image")
			}
			if r := ts.do(t, cl, http.MethodGet, path, nil, map[string]string{"If-None-Match": etag}); r.status != http.StatusOK {
				t.Errorf("the old ETag still gets %d", r.status)
			}
			if img2 := ogImage(t, ts, cl, "/claims/"+c.Slug); img2 == img1 {
				t.Errorf("the page names the image at the same address after a new rating: %s", img2)
			}

			draft, err := ts.store.CreateClaim(context.Background(), n.ed, models.Meta{}, models.ClaimInput{Text: "Not yet checked", Summary: "Not yet checked", Speaker: "Jeff Sessions"})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"/claims/no-such-claim/share.png", "/claims/" + draft.Slug + "/share.png"} {
				if r := ts.get(t, cl, p); r.status != http.StatusNotFound {
					t.Errorf("GET %s: %d, want 404", p, r.status)
				}
			}
		})
	}
}

// frameableRoute is the one route other sites may frame.
const frameableRoute = "/claims/:slug/embed"

// Every route the router knows answers with framing forbidden (CSP
// frame-ancestors 'none' and X-Frame-Options: DENY), but the embeddable
// card, which any site may frame and which keeps the rest of the CSP.
func TestOnlyTheEmbedIsFrameable(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			pub := e.published(t, "Wages rose by ten percent")
			ed, _ := e.login(t, "frame-ed@example.org", models.RoleEditor)
			params := strings.NewReplacer(":slug", pub.Slug, ":id", apiItoa(pub.ID), ":sha256", strings.Repeat("0", 64), ":name", "claims-1.xml", "*", "x")
			checked := 0
			for _, rt := range e.echo.Routes() {
				if rt.Method == "echo_route_not_found" {
					continue
				}
				path := params.Replace(rt.Path)
				for who, c := range map[string]*http.Client{"anonymous": e.client(t), "editor": ed} {
					r := e.do(t, c, rt.Method, path, strings.NewReader(""), nil)
					csp, xfo := r.header.Get("Content-Security-Policy"), r.header.Get("X-Frame-Options")
					what := who + " " + rt.Method + " " + path + " → " + strconv.Itoa(r.status)
					for _, d := range []string{"default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"} {
						if !strings.Contains(csp, d) {
							t.Errorf("%s: CSP %q lacks %s", what, csp, d)
						}
					}
					if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
						t.Errorf("%s: CSP %q allows inline script", what, csp)
					}
					if rt.Path == frameableRoute {
						if r.status != http.StatusOK || !strings.Contains(csp, "frame-ancestors *") || xfo != "" {
							t.Errorf("%s: the embed is not frameable: CSP %q, X-Frame-Options %q", what, csp, xfo)
						}
					} else if !strings.Contains(csp, "frame-ancestors 'none'") || xfo != "DENY" {
						t.Errorf("%s: frameable: CSP %q, X-Frame-Options %q", what, csp, xfo)
					}
				}
				checked++
			}
			if checked < 100 {
				t.Fatalf("checked only %d routes", checked)
			}
		})
	}
}

// The embeddable card shows the rating, the quote, the speaker, the day it
// was said, the newsroom and a link to the whole fact-check, opening
// outside the frame; in Arabic it runs right to left. It has no script.
func TestEmbedCard(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			cl := ts.client(t)
			path := "/claims/" + c.Slug + "/embed"
			r := ts.get(t, cl, path)
			// In the reader's language, which a cookie may choose.
			if r.status != http.StatusOK || r.header.Get("ETag") == "" || r.header.Get("Cache-Control") != "public, no-cache" ||
				r.header.Get("Vary") != "Cookie, Accept-Encoding, Accept-Language" {
				t.Fatalf("GET %s: %d %v", path, r.status, r.header)
			}
			d := doc(t, r.body)
			if got := texts(d.Find(".badge")); len(got) != 1 || got[0] != "False" {
				t.Errorf("rating %q", got)
			}
			mustContain(t, path, strings.Join(texts(d.Find("main")), " "), "I did not have communications with the Russians", "Jeff Sessions", "10 January 2017",
				"Read the full fact-check", "Claimtracker")
			if href := d.Find(".embed-foot a").AttrOr("href", ""); href != ts.URL+"/claims/"+c.Slug {
				t.Errorf("link to the fact-check %q", href)
			}
			if d.Find("base").AttrOr("target", "") != "_blank" || d.Find("script").Length() != 0 {
				t.Error("links open inside the frame, or the card has a script")
			}
			ar := doc(t, ts.get(t, cl, path+"?lang=ar").body)
			if ar.Find("html").AttrOr("dir", "") != "rtl" || ar.Find("html").AttrOr("lang", "") != "ar" {
				t.Errorf("Arabic card: <html lang=%q dir=%q>", ar.Find("html").AttrOr("lang", ""), ar.Find("html").AttrOr("dir", ""))
			}
			if r := ts.get(t, cl, "/claims/no-such-claim/embed"); r.status != http.StatusNotFound {
				t.Errorf("unknown claim's card: %d", r.status)
			}
		})
	}
}

// oEmbed (https://oembed.com/): a fact-check's page on this site gives its
// card in an iframe, within the sizes asked for; the page advertises the
// answer; what is not a public fact-check here is 404, XML 501, and a
// malformed size 422 naming it.
func TestOEmbed(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			ts := newServer(t, engine)
			n := newNewsroom(t, ts)
			c := n.publish(t, seedInput(), "false", "x", seedSources()...)
			cl := ts.client(t)
			pageURL := ts.URL + "/claims/" + c.Slug
			discovery := doc(t, ts.get(t, cl, "/claims/"+c.Slug).body).Find(`link[rel="alternate"][type="application/json+oembed"]`).AttrOr("href", "")
			u, err := url.Parse(discovery)
			if err != nil || u.Path != "/oembed" || u.Query().Get("url") != pageURL || u.Query().Get("format") != "json" {
				t.Fatalf("discovery link %q", discovery)
			}
			get := func(q url.Values) (result, map[string]any) {
				t.Helper()
				r := ts.get(t, cl, "/oembed?"+q.Encode())
				var body map[string]any
				if err := json.Unmarshal([]byte(r.body), &body); err != nil {
					t.Fatalf("oEmbed %v: %d, not JSON: %s", q, r.status, r.body)
				}
				return r, body
			}
			r, body := get(u.Query())
			if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/json" || r.header.Get("Access-Control-Allow-Origin") != "*" || r.header.Get("ETag") == "" {
				t.Fatalf("oEmbed: %d %v", r.status, r.header)
			}
			want := map[string]any{"type": "rich", "version": "1.0", "title": "Verdict on Sessions said he had no communications with the Russians",
				"provider_url": ts.URL + "/", "width": 550.0, "height": 400.0, "thumbnail_width": 1200.0, "thumbnail_height": 630.0}
			for k, v := range want {
				if body[k] != v {
					t.Errorf("oEmbed %s = %v, want %v", k, body[k], v)
				}
			}
			if body["provider_name"] == "" || !strings.HasPrefix(body["thumbnail_url"].(string), ts.URL+"/claims/"+c.Slug+"/share.png?v=") {
				t.Errorf("provider or thumbnail: %v", body)
			}
			frame := doc(t, body["html"].(string)).Find("iframe")
			if frame.AttrOr("src", "") != pageURL+"/embed" || frame.AttrOr("width", "") != "550" || frame.AttrOr("height", "") != "400" || frame.AttrOr("title", "") == "" {
				t.Errorf("html %q", body["html"])
			}

			q := url.Values{"url": {pageURL + "?lang=ar"}, "maxwidth": {"400"}, "maxheight": {"300"}}
			if r, body = get(q); r.status != http.StatusOK || body["width"] != 400.0 || body["height"] != 300.0 ||
				doc(t, body["html"].(string)).Find("iframe").AttrOr("src", "") != pageURL+"/embed?lang=ar" {
				t.Errorf("maxwidth 400, maxheight 300, in Arabic: %d %v", r.status, body)
			}
			// The share image is larger than 400 wide: no thumbnail then.
			if _, ok := body["thumbnail_url"]; ok || body["thumbnail_width"] != nil {
				t.Errorf("maxwidth 400 gives a thumbnail 1200 wide: %v", body)
			}

			draft, err := ts.store.CreateClaim(context.Background(), n.ed, models.Meta{}, models.ClaimInput{Text: "Not yet checked", Summary: "Not yet checked", Speaker: "Jeff Sessions"})
			if err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				q      url.Values
				status int
				code   string
			}{
				{url.Values{"url": {pageURL}, "format": {"xml"}}, http.StatusNotImplemented, "not_implemented"},
				{url.Values{"url": {ts.URL + "/claims/no-such-claim"}}, http.StatusNotFound, "not_found"},
				{url.Values{"url": {ts.URL + "/claims/" + draft.Slug}}, http.StatusNotFound, "not_found"},
				{url.Values{"url": {"https://elsewhere.example/claims/" + c.Slug}}, http.StatusNotFound, "not_found"},
				{url.Values{"url": {ts.URL + "/people/jeff-sessions"}}, http.StatusNotFound, "not_found"},
				{url.Values{"url": {pageURL}, "maxwidth": {"100"}}, http.StatusNotFound, "not_found"},
				{url.Values{"url": {pageURL}, "maxwidth": {"wide"}}, http.StatusUnprocessableEntity, "invalid"},
				{url.Values{}, http.StatusUnprocessableEntity, "invalid"},
			} {
				r, body := get(tc.q)
				errBody, _ := body["error"].(map[string]any)
				if r.status != tc.status || errBody["code"] != tc.code {
					t.Errorf("oEmbed %v: %d %s, want %d %s", tc.q, r.status, r.body, tc.status, tc.code)
				}
			}
		})
	}
}
