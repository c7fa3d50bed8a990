package handlers

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
)

// doneCodes find the ?done= codes that the handlers redirect with: in an
// address, in a variable named done, or as the code#anchor that
// finishClaimForm takes.
var doneCodes = []*regexp.Regexp{
	regexp.MustCompile(`[?&]done=([a-z0-9-]+)`),
	regexp.MustCompile(`\bdone :?= "([a-z0-9-]+)`),
	regexp.MustCompile(`finishClaimForm\(.*"([a-z0-9-]+)#[a-z-]+"\)`),
}

// Every ?done= code a handler redirects with has its confirmation in the
// one table of flashes, which holds no code that nothing sends; a page
// shows it in the reader's language, and nothing for a code not in it.
func TestEveryDoneCodeHasAFlash(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sent := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		buf, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range doneCodes {
			for _, m := range re.FindAllSubmatch(buf, -1) {
				sent[string(m[1])] = f
			}
		}
	}
	if len(sent) < 30 {
		t.Fatalf("found %d codes; the search is broken", len(sent))
	}
	for code, f := range sent {
		if _, ok := flashes[code]; !ok {
			t.Errorf("%s redirects with ?done=%s, which has no flash", f, code)
		}
	}
	for code := range flashes {
		if _, ok := sent[code]; !ok {
			t.Errorf("the flash of %q is for a code no handler sends", code)
		}
	}

	e := echo.New()
	show := func(lang, code string) string {
		req := httptest.NewRequest("GET", "/desk?done="+code, nil)
		req = req.WithContext(i18n.WithLocale(req.Context(), i18n.For(lang)))
		return flash(e.NewContext(req, httptest.NewRecorder()))
	}
	if got := show("fr", "claim-logged"); got != i18n.For("fr").T("desk.flash.claim_logged") || got == i18n.For("en").T("desk.flash.claim_logged") {
		t.Errorf("a desk code in French: %q", got)
	}
	if got := show("fr", "settings"); got != i18n.For("fr").T("admin.flash.settings") {
		t.Errorf("an admin code in French: %q", got)
	}
	for _, code := range []string{"", "nope", "claim_logged", "<b>hi</b>"} {
		if got := show("en", code); got != "" {
			t.Errorf("?done=%s shows %q", code, got)
		}
	}
}
