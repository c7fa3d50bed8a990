package e2e

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// The French claim of this test (written for it): a minister on taxes.
const (
	frenchClaim   = "Nous n'avons jamais augmenté les impôts des classes moyennes depuis 2019."
	frenchSummary = "La ministre affirme que les impôts des classes moyennes n'ont pas augmenté"
)

// A newsroom that works in French, in the browser: a reader picks
// "Français" in the footer's language switcher and signs in, and the desk
// speaks French; the editor logs a claim, adds a source and proposes a
// verdict; a reviewer whose account language is French approves it in a
// browser that never chose a language; the public page shows the
// fact-check in French, dates in French order with French month names.
func TestFrenchInterfaceEndToEnd(t *testing.T) {
	a := startApp(t)
	modelstest.User(t, a.store, "editor@example.org", models.RoleEditor)
	rev := modelstest.User(t, a.store, "reviewer@example.org", models.RoleReviewer)
	if _, err := a.store.SetLanguage(context.Background(), rev, models.Meta{}, "fr"); err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	expect := func(what, css string, wants ...string) {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(css)))
		if err != nil {
			t.Fatalf("%s: text of %s: %v", what, css, err)
		}
		got = strings.Join(strings.Fields(got), " ")
		var missing []string
		for _, w := range wants {
			if !strings.Contains(got, w) {
				missing = append(missing, w)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s: %q lacks %q", what, got, missing)
		}
	}
	lang := func(what, want string) {
		t.Helper()
		if got := evaluate[string](t, ctx, `document.documentElement.lang + ' ' + document.documentElement.dir`); got != want+" ltr" {
			t.Errorf("%s: <html> lang and dir %q, want %q", what, got, want+" ltr")
		}
	}

	// 1. A reader on the English home page chooses French.
	do(t, ctx,
		chromedp.EmulateViewport(1440, 900),
		chromedp.Navigate(a.url+"/"),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)),
	)
	lang("home", "en")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.languages a[hreflang="fr"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fr"] main h1`)),
	)
	expect("French masthead", `.masthead`, "Vérifications", "Personnalités", "Méthodologie", "Se connecter")
	expect("French switcher", `.languages a[aria-current]`, "Français")

	// 2. The reader, an editor, signs in on the French login page and
	// lands on the desk in French.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.nav-signin`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name=email]`)),
	)
	lang("login", "fr")
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name=email]`), "editor@example.org"),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), modelstest.Password),
		chromedp.Click(chromedp.CSS(`main button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/logout"]`)),
	)
	lang("desk", "fr")
	expect("desk masthead", `.masthead`, "Rédaction", "Affirmations", "Articles", "Compte", "Se déconnecter")
	shot(t, ctx, "fr-1-desk")

	// 3. The editor logs a claim.
	do(t, ctx,
		chromedp.Navigate(a.url+"/desk/claims/new"),
		chromedp.WaitVisible(chromedp.CSS(`#f-text`)),
		chromedp.SendKeys(chromedp.CSS(`#f-text`), frenchClaim),
		chromedp.SendKeys(chromedp.CSS(`#f-summary`), frenchSummary),
		chromedp.SendKeys(chromedp.CSS(`#f-speaker`), "Claire Dubois"),
		chromedp.SetValue(chromedp.CSS(`#f-said_at`), "2024-03-12"),
		chromedp.SendKeys(chromedp.CSS(`#f-setting`), "Conférence de presse au ministère"),
		chromedp.Click(chromedp.CSS(`form[action="/desk/claims"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.claim-box`)),
	)
	expect("flash after logging", `.flash`, "Affirmation consignée comme brouillon.")
	expect("claim status", `.head-actions .status`, "Brouillon")
	expect("claim facts", `.claim-box`, frenchClaim, "Claire Dubois", "12 mars 2024")
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	id, err := strconv.Atoi(strings.TrimPrefix(u.Path, "/desk/claims/"))
	if err != nil {
		t.Fatalf("the claim's desk page is at %s", u.Path)
	}

	// 4. A source that contradicts it.
	do(t, ctx,
		chromedp.WaitVisible(chromedp.CSS(`#source-url`)),
		chromedp.SendKeys(chromedp.CSS(`#source-url`), "https://www.example.org/2020/07/01/tva"),
		chromedp.SendKeys(chromedp.CSS(`#source-title`), "La TVA passe de 5 à 15 % au 1er juillet"),
		chromedp.SetValue(chromedp.CSS(`#source-stance`), "contradicts"),
		chromedp.SetValue(chromedp.CSS(`#source-kind`), "official_record"),
		chromedp.SendKeys(chromedp.CSS(`#source-outlet`), "Journal officiel"),
		chromedp.SetValue(chromedp.CSS(`#source-published_at`), "2020-07-01"),
		chromedp.SendKeys(chromedp.CSS(`#source-excerpt`), "Le taux de la taxe sur la valeur ajoutée est porté à 15 %."),
		chromedp.Click(chromedp.CSS(`.add-source button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.sc-contradicts .source`)),
	)
	expect("flash after the source", `.flash`, "Source ajoutée.")
	expect("the source", `.sc-contradicts`, "La TVA passe de 5 à 15 % au 1er juillet", "Journal officiel", "1 juil. 2020")

	// 5. The editor proposes a verdict.
	do(t, ctx,
		chromedp.SetValue(chromedp.CSS(`#verdict-rating`), "misleading"),
		chromedp.SendKeys(chromedp.CSS(`#verdict-headline`), "La TVA, que paient les classes moyennes, a triplé en 2020"),
		chromedp.SetValue(chromedp.CSS(`#verdict-explanation`), "Le barème de l'impôt sur le revenu n'a pas bougé, mais la TVA est passée de 5 à **15 %** en juillet 2020."),
		chromedp.Click(chromedp.CSS(`.propose button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-open`)),
	)
	expect("flash after proposing", `.flash`, "Verdict envoyé en relecture.")
	expect("claim in review", `.head-actions .status`, "En relecture")
	shot(t, ctx, "fr-2-claim")

	// 6. The editor signs out and the browser forgets every cookie, the
	// language's too; the reviewer signs in and reads the desk in French,
	// the language of the account.
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/logout"]`)),
	)
	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, a, rev.Email)
	lang("the reviewer's desk", "fr")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.nav a[href="/desk/review"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.rows .row-title`)),
	)
	expect("review queue", `.rows`, frenchSummary)
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.rows .row-title`)),
		chromedp.WaitVisible(chromedp.CSS(`.review-form`)),
		chromedp.SendKeys(chromedp.CSS(`#review-comment`), "Vérifié sur le Journal officiel."),
		chromedp.Click(chromedp.CSS(`.review-form button[value=approve]`)),
		chromedp.WaitVisible(chromedp.CSS(`.verdict.is-published`)),
	)
	expect("flash after approval", `.flash`, "Approuvé et publié.")
	expect("published claim", `.head-actions .status`, "Publiée")
	shot(t, ctx, "fr-3-published")

	// 7. A reader who never chose a language opens the public page, in
	// English, and switches it to French.
	c, err := a.store.GetClaim(context.Background(), uint(id))
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(`form[action="/logout"]`)),
	)
	if _, err := chromedp.Call(ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(a.url+"/claims/"+url.PathEscape(c.Slug)),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)),
	)
	lang("the public page", "en")
	expect("the English public page", `main`, "Our rating", "12 March 2024")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`.languages a[hreflang="fr"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="fr"] main h1`)),
	)
	if got := evaluate[string](t, ctx, `location.pathname`); got != "/claims/"+url.PathEscape(c.Slug) {
		t.Errorf("the switcher left the claim's page for %s", got)
	}
	expect("the French public page", `main`, "Vérification", "Notre note", "La TVA, que paient les classes moyennes, a triplé en 2020",
		"Chronologie", "Sources", "Claire Dubois", "12 mars 2024", "1 juil. 2020", frenchClaim)
	expect("the French masthead", `.masthead`, "Vérifications", "Se connecter")
	shot(t, ctx, "fr-4-public")
}
