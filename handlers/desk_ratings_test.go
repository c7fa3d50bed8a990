package handlers_test

import (
	"net/http"
	"net/url"
	"testing"

	"claimtracker/models/modelstest"
)

// Admins edit the rating scale; published verdicts keep the label they had.
func TestAdminRatingScale(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			e.publish(t, id) // rated "False"

			page := e.page(t, e.admin, "/admin/ratings", http.StatusOK)
			mustContain(t, "rating scale", page, "<h1>Rating scale</h1>", `<li class="card" id="rating-false">`,
				`<form class="form" method="post" action="/admin/ratings/false">`, `id="rating-false-label"`, `value="False"`,
				`id="rating-unproven-ordered"`, "Add a rating", `action="/admin/ratings"`, `id="rating-new-position"`, `value="8"`)

			upd := url.Values{"label": {"Pants on fire"}, "description": {"Wholly untrue."}, "position": {"6"}, "ordered": {"true"},
				"revision": {hidden(t, page, "/admin/ratings/false", "revision")}}
			e.mustPost(t, e.admin, "/admin/ratings/false", upd, http.StatusSeeOther, "/admin/ratings?done=rating-updated#rating-false")
			mustContain(t, "renamed rating", e.page(t, e.admin, "/admin/ratings?done=rating-updated", http.StatusOK), "Rating saved.", `value="Pants on fire"`, "Wholly untrue.")
			claim := e.page(t, e.ed, claimPath(id), http.StatusOK)
			mustContain(t, "published verdict", claim, `<span class="rating r-false">False</span>`)
			upath := e.mustPost(t, e.ed, claimPath(id)+"/updates", url.Values{}, http.StatusSeeOther, "").header.Get("Location")
			mustContain(t, "the update's verdict form", e.page(t, e.ed, upath, http.StatusOK), `<option value="false" selected>Pants on fire</option>`)

			bad := url.Values{"label": {""}, "description": {"x"}, "position": {"first"}, "revision": {"1"}}
			r := e.mustPost(t, e.admin, "/admin/ratings/true", bad, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "rating-true-position", "Position must be a whole number")
			mustContain(t, "refused rating", r.body, `value="first"`, `id="rating-mostly-true-label"`)
			r = e.mustPost(t, e.admin, "/admin/ratings/true", url.Values{"label": {""}, "position": {"0"}, "revision": {"1"}}, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "rating-true-label", "Label is required")
			fieldError(t, r.body, "rating-true-position", "Position must be between 1 and 100")
			e.mustPost(t, e.admin, "/admin/ratings/no-such-rating", upd, http.StatusNotFound, "")

			add := url.Values{"label": {"Needs context"}, "description": {"True, but missing what changes its meaning."}, "position": {"8"}}
			e.mustPost(t, e.admin, "/admin/ratings", add, http.StatusSeeOther, "/admin/ratings?done=rating-created")
			page = e.page(t, e.admin, "/admin/ratings", http.StatusOK)
			mustContain(t, "new rating", page, `id="rating-needs-context"`, `<span class="rating r-needs-context">Needs context</span>`)
			ratings, _ := e.store.Ratings(t.Context())
			for _, rt := range ratings {
				if rt.Slug == "needs-context" && (rt.Ordered || rt.Position != 8) {
					t.Errorf("new rating saved as %+v", rt)
				}
			}
			r = e.mustPost(t, e.admin, "/admin/ratings", add, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "rating-new-label", "Label is already on the scale")
			mustContain(t, "refused new rating", r.body, `value="Needs context"`)
		})
	}
}
