package views_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"claimtracker/fetcher"
	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
)

// Each way a fetch fails, as the fetcher reports it against a local
// server, becomes a reason whose English is the fetcher's message word for
// word, said after the address as the archive and the link checker say
// it, and whose French and Arabic name the same values (the status, the
// address, the limit) in the reader's words; kept in a column and read
// back, it says the same.
func TestFetchReasonsKeepTheFetchersEnglish(t *testing.T) {
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			time.Sleep(1500 * time.Millisecond)
		case "/large":
			fmt.Fprint(w, string(make([]byte, 3000)))
		case "/text":
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "plain")
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/private":
			http.Redirect(w, r, "http://user:secret@192.168.1.1/admin", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer web.Close()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + closed.Addr().String() + "/"
	closed.Close()
	local := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	client := fetcher.New(fetcher.Config{Allow: local, Timeout: time.Second, MaxBytes: 2000, MaxRedirects: 2})
	fr := i18n.WithLocale(context.Background(), i18n.For("fr"))
	ar := i18n.WithLocale(context.Background(), i18n.For("ar"))
	for _, tc := range []struct {
		url      string
		html     bool
		en, fr   string
		arValues []string
	}{
		{web.URL + "/gone", false, "The address answered 404 Not Found", "L'adresse a répondu 404", []string{"404"}},
		{"http://10.1.2.3/", false, "The address leads to 10.1.2.3, a private address (RFC 1918), which is not fetched",
			"L'adresse mène à 10.1.2.3, une adresse privée (RFC 1918), que ce serveur ne consulte pas", []string{"10.1.2.3", "عنوان خاص (RFC 1918)"}},
		{"http://[::1]:8080/", false, "The address leads to ::1, a loopback address, which is not fetched",
			"L'adresse mène à ::1, une adresse de bouclage, que ce serveur ne consulte pas", []string{"::1"}},
		{web.URL + "/private", false, "The address was redirected to http://user:xxxxx@192.168.1.1/admin, which leads to 192.168.1.1, a private address (RFC 1918), which is not fetched",
			"L'adresse redirige vers http://user:xxxxx@192.168.1.1/admin, qui mène à 192.168.1.1, une adresse privée (RFC 1918), que ce serveur ne consulte pas", []string{"http://user:xxxxx@192.168.1.1/admin"}},
		{"ftp://example.org/file", false, "The address must be an http or https URL", "L'adresse n'est pas une URL qui peut être récupérée", nil},
		{web.URL + "/slow", false, "The address did not answer in full within 1 second", "L'adresse n'a pas répondu en entier dans un délai de 1 seconde", []string{"ثانية واحدة"}},
		{web.URL + "/large", false, "The address is larger than 2 kB", "L'adresse dépasse 2 Ko", []string{"٢"}},
		{web.URL + "/text", true, "The address is text/plain, not an HTML page", "L'adresse est de type text/plain, pas une page HTML", []string{"text/plain"}},
		{web.URL + "/loop", false, "The address redirected more than 2 times", "L'adresse a redirigé plus de 2 fois", []string{"مرتين"}},
		{closedURL, false, "The address could not be reached", "L'adresse est injoignable", nil},
	} {
		var err error
		if tc.html {
			_, err = client.FetchHTML(context.Background(), tc.url)
		} else {
			_, err = client.Fetch(context.Background(), tc.url)
		}
		var fe *fetcher.Error
		if !errors.As(err, &fe) {
			t.Fatalf("%s: %v, want a *fetcher.Error", tc.url, err)
		}
		why := models.AddressReason(models.FetchReason(fe))
		if got := why.String(); got != tc.en || got != "The address "+fe.Message {
			t.Errorf("%s in English: %q, want %q", tc.url, got, tc.en)
		}
		var kept models.Reason
		if v, err := why.Value(); err != nil || kept.Scan(v) != nil {
			t.Fatalf("%s: kept as %v (%v)", tc.url, v, err)
		}
		for _, r := range []models.Reason{why, kept} {
			if got := views.ReasonText(fr, r); got != tc.fr {
				t.Errorf("%s in French: %q, want %q", tc.url, got, tc.fr)
			}
			got := views.ReasonText(ar, r)
			if got == tc.en || !containsAll(got, tc.arValues) || strings.Contains(got, "Not Found") {
				t.Errorf("%s in Arabic: %q, want it with %q", tc.url, got, tc.arValues)
			}
		}
		if kept.String() != tc.en {
			t.Errorf("%s kept: English %q", tc.url, kept.String())
		}
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// A failure kept with its reason is said in the reader's language, and in
// English as its English was kept (a job's error says more than its
// reason); one kept before reasons were (a zero reason) is its English
// in every language.
func TestKeptReasonText(t *testing.T) {
	fr := i18n.WithLocale(context.Background(), i18n.For("fr"))
	en := i18n.WithLocale(context.Background(), i18n.For("en"))
	why := models.AddressReason(models.StatusReason(503))
	const job = "archive: try again later: source 4: The address answered 503 Service Unavailable"
	for _, c := range []struct {
		ctx        context.Context
		why        models.Reason
		text, want string
	}{
		{fr, why, job, "L'adresse a répondu 503"},
		{en, why, job, job},
		{fr, models.Reason{}, "The address could not be reached", "The address could not be reached"},
	} {
		if got := views.KeptReasonText(c.ctx, c.why, c.text); got != c.want {
			t.Errorf("%s %q: %q, want %q", i18n.From(c.ctx).Tag(), c.why.ID, got, c.want)
		}
	}
}

// An HTTP status in a translated reason is its code alone: the reason
// phrase is the remote server's English, and in Arabic it would change
// places with the code ("بالرمز Not Found 404"). English keeps the
// fetcher's words, as the API gives them.
func TestTranslatedReasonsGiveTheStatusCodeAlone(t *testing.T) {
	noCopy := models.NewReason("reasons.fetch.no_copy", "answered {{.Status}} without the address of a copy", "Status", fetcher.StatusWords(200))
	wait := models.NewReason("reasons.fetch.asked_to_wait", "answered {{.Status}} and asked to wait {{.Time}}",
		"Status", fetcher.StatusWords(429), "Time", models.TimeReason(3, time.Minute))
	for _, c := range []struct {
		why  models.Reason
		en   string
		code string
	}{
		{models.AddressReason(models.StatusReason(404)), "The address answered 404 Not Found", "404"},
		{models.SavePageNowReason(models.StatusReason(599)), "Save Page Now answered status 599", "599"},
		{models.SavePageNowReason(noCopy), "Save Page Now answered 200 OK without the address of a copy", "200"},
		{wait, "answered 429 Too Many Requests and asked to wait 3 minutes", "429"},
	} {
		if got := c.why.String(); got != c.en {
			t.Errorf("English %q, want %q", got, c.en)
		}
		for _, lang := range []string{"es", "fr", "pt", "ar"} {
			got := views.ReasonText(i18n.WithLocale(context.Background(), i18n.For(lang)), c.why)
			if !strings.Contains(got, c.code) || strings.ContainsAny(strings.ReplaceAll(got, "Save Page Now", ""), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && lang == "ar" ||
				strings.Contains(got, "status") || strings.Contains(got, http.StatusText(404)) || strings.Contains(got, "Too Many") || strings.Contains(got, " OK") {
				t.Errorf("%s: %q, want the code %s alone", lang, got, c.code)
			}
		}
	}
}

// The desk's sentences that put a kept failure after their own words
// read naturally in every language: the failure is a sentence of its own
// ("The address answered…", "Save Page Now answered…"), so in the
// languages that would write it in lower case after a colon (French,
// Spanish, Portuguese) it does not follow one.
func TestKeptFailuresDoNotFollowAColon(t *testing.T) {
	why := models.AddressReason(models.StatusReason(404))
	spn := models.SavePageNowReason(models.StatusReason(502))
	for _, lang := range []string{"es", "fr", "pt"} {
		ctx := i18n.WithLocale(context.Background(), i18n.For(lang))
		for _, id := range []string{"desk.archive.last_attempt", "desk.archive.not_archived", "desk.archive.retrying", "desk.link.wayback_failed"} {
			for _, r := range []models.Reason{why, spn} {
				got := views.T(ctx, id, "Error", views.KeptReasonText(ctx, r, r.String()))
				reason := views.ReasonText(ctx, r)
				before := strings.TrimSuffix(got, reason)
				if before == got || strings.HasSuffix(strings.TrimSpace(before), ":") {
					t.Errorf("%s %s: %q puts %q after a colon", lang, id, got, reason)
				}
			}
		}
	}
}
