package handlers_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// pageText is the words of a page as a reader sees them: its text, with
// runs of white space as one space.
func pageText(t *testing.T, body string) string {
	t.Helper()
	return strings.Join(strings.Fields(doc(t, body).Text()), " ")
}

// mustSay checks that a page's text holds each of wants and none of
// donts.
func mustSay(t *testing.T, what, body string, wants, donts []string) {
	t.Helper()
	text := pageText(t, body)
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not say %q", what, w)
		}
	}
	for _, d := range donts {
		if strings.Contains(text, d) {
			t.Errorf("%s still says %q", what, d)
		}
	}
}

// The desk speaks French to an editor who reads it in French, and to a
// reviewer who asks for it with ?lang=fr: the home page, a claim's page
// and its confirmation, the claim form, a save refused because someone
// saved first, the history and the review queue, with dates and counts
// in French. Names stay as they were typed, isolated for direction.
func TestDeskInFrench(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			if _, err := e.store.SetLanguage(context.Background(), e.edUser, models.Meta{}, "fr"); err != nil {
				t.Fatal(err)
			}
			id := e.newClaim(t)
			path := claimPath(id)

			home := e.page(t, e.ed, "/desk", http.StatusOK)
			mustSay(t, "the desk's home", home,
				[]string{"La rédaction", "Bonjour, Test ed", "Connecté en tant que ed@example.org", "rédacteur", "Mes brouillons",
					"Coller un article", "Consigner une affirmation", "Publiées en 30 jours"},
				[]string{"Good to see you", "My drafts", "Paste an article", "Published in 30 days"})
			mustContain(t, "the desk's home", home, "Bonjour, <bdi>Test ed</bdi>")

			claim := e.page(t, e.ed, path+"?done=claim-logged", http.StatusOK)
			mustSay(t, "the claim's page", claim,
				[]string{"Affirmation consignée comme brouillon. Ajoutez ses sources, puis proposez un verdict.",
					"Affirmation nº " + idStr(id), "Brouillon", "Dite le", "10 janv. 2017", "Contexte", "Apparue dans",
					"Mots-clés", "Sources", "Aucune pour l'instant.", "Ajouter une source", "Proposer un verdict",
					"Pas encore de source : un relecteur voudra voir les éléments de preuve.", "Supprimer ce brouillon"},
				[]string{"Claim logged as a draft", "Said on", "Propose a verdict", "Add a source", "None yet."})
			mustContain(t, "the claim's page", claim, `<blockquote class="quote big" dir="auto" lang="en">`+sworn+`</blockquote>`)

			form := e.page(t, e.ed, "/desk/claims/new", http.StatusOK)
			mustSay(t, "the claim form", form,
				[]string{"Consigner une affirmation", "Les mots exacts", "Tels que prononcés, sans les guillemets.",
					"Où l'affirmation est apparue", "facultatif", "Une personne", "Affirmations semblables déjà consignées"},
				[]string{"The words, verbatim", "optional", "A person"})
			mustContain(t, "the claim form", form, `data-none="Aucune affirmation consignée ne ressemble à ces mots."`)

			// Another editor saves first: the editor's save from the same
			// revision comes back in French, both versions side by side.
			read := hidden(t, e.page(t, e.ed, path+"/edit", http.StatusOK), path, "revision")
			e.mustPost(t, e.other, path, with(with(claimForm(), "summary", "Saved first by another editor"), "revision", read), http.StatusSeeOther, "")
			r := e.mustPost(t, e.ed, path, with(with(claimForm(), "summary", "Typed second by ed"), "revision", read), http.StatusConflict, "")
			mustSay(t, "the refused edit", r.body,
				[]string{"Quelqu'un d'autre a enregistré cette affirmation après l'ouverture du formulaire",
					"Votre formulaire a été établi à partir de la révision 1 de l'affirmation", "Enregistré maintenant",
					"Votre saisie", "diffère", "champs diffèrent.", "Modifier l'affirmation"},
				[]string{"Someone else saved", "Your form was made from", "What you typed", "fields differ."})

			history := e.page(t, e.ed, path+"/history", http.StatusOK)
			mustSay(t, "the claim's history", history,
				[]string{"Historique de l'affirmation", "Test ed a consigné l'affirmation", "a modifié l'affirmation", "Résumé"},
				[]string{"logged the claim", "edited the claim", "Every change, oldest first"})

			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			queue := e.page(t, e.rev, "/desk/review?lang=fr", http.StatusOK)
			mustSay(t, "the review queue", queue,
				[]string{"File de relecture", "Proposé par Test ed", "aucune source", "version 1"},
				[]string{"Review queue", "Proposed by", "no sources"})
			mustContain(t, "the review queue", queue, `<html lang="fr" dir="ltr">`)

			// The same pages still speak English to whoever reads English.
			mustSay(t, "the English queue", e.page(t, e.rev, "/desk/review?lang=en", http.StatusOK),
				[]string{"Review queue", "Proposed by Test ed", "no sources"}, []string{"File de relecture"})
		})
	}
}
