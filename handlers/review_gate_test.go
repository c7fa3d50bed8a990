package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

var reviewVersionField = regexp.MustCompile(`<input type="hidden" name="version" value="(\d+)">`)

// shownVersion is the version a reviewer's page asks them to review.
func shownVersion(t *testing.T, body string) string {
	t.Helper()
	m := reviewVersionField.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("the review form has no version field")
	}
	return m[1]
}

// The reviewer's page is open while the author changes the rating from
// True to False: the reviewer's approval of what they read is refused with
// 409, nothing is recorded, and the page shows the new version to review.
func TestDeskApprovalIsPinnedToTheVersionRead(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("true"), http.StatusSeeOther, "")
			v := e.openVerdict(t, id)
			vpath := "/desk/verdicts/" + idStr(v.ID)

			read := shownVersion(t, e.page(t, e.rev, path, http.StatusOK))
			if read != "1" {
				t.Fatalf("the form pins version %s, want 1", read)
			}
			e.mustPost(t, e.ed, vpath, with(verdictForm("false"), "version", "1"), http.StatusSeeOther, "")

			r := e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"decision": {"approve"}, "comment": {"Looks right."}, "version": {read}}, http.StatusConflict, "")
			mustContain(t, "stale approval", r.body, "The verdict changed while you were reading it: it is now version 2. Nothing was recorded",
				"Your review of version 2", `<span class="rating r-false">False</span>`, "revised by <strong><bdi>Test ed</bdi></strong>", ">Looks right.</textarea>")
			if shownVersion(t, r.body) != "2" {
				t.Error("the page after a stale approval does not pin the current version")
			}
			if got := e.openVerdict(t, id); len(got.Reviews) != 0 || got.Status != models.VerdictInReview {
				t.Fatalf("a stale approval was recorded: %+v", got.Reviews)
			}
			// No version at all is refused too, naming the field.
			e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"decision": {"approve"}}, http.StatusUnprocessableEntity, "")

			e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"decision": {"approve"}, "version": {"2"}}, http.StatusSeeOther, path+"?done=published#verdict")
			pub := e.get(t, e.client(t), "/claims/"+e.storedClaim(t, id).Slug)
			mustContain(t, "public page", pub.body, `r-false`, "<dt>Reviewed by</dt><dd>1 reviewer</dd>")
		})
	}
}

// An admin who rewrites someone else's verdict is one of its authors: the
// page says so, offers no review form, and the approval is refused.
func TestDeskAdminWhoRevisesCannotApprove(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("true"), http.StatusSeeOther, "")
			vpath := "/desk/verdicts/" + idStr(e.openVerdict(t, id).ID)
			e.mustPost(t, e.admin, vpath, with(verdictForm("false"), "version", "1"), http.StatusSeeOther, "")

			body := e.page(t, e.admin, path, http.StatusOK)
			mustContain(t, "reviser's view", body, "You changed this verdict or what it judges, so a reviewer other than you must approve it")
			if strings.Contains(body, `action="`+vpath+`/reviews"`) {
				t.Error("the reviser is offered the review form")
			}
			e.mustPost(t, e.admin, vpath+"/reviews", url.Values{"decision": {"approve"}, "version": {"2"}}, http.StatusForbidden, "")
			if got := e.openVerdict(t, id); len(got.Reviews) != 0 {
				t.Fatalf("the reviser's approval was recorded: %+v", got.Reviews)
			}
		})
	}
}

// The API requires the version read (422 without it) and refuses any other
// with 409 "stale", recording nothing.
func TestAPIReviewNamesTheVersion(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.draft(t, asAuthor, "A claim to review")
			v := e.verdict(t, asAuthor, c.ID)
			path := apiPath("/verdicts/%d/reviews", v.ID)
			apiExpect(t, "no version", e.call(t, asReviewer, "POST", path, `{"decision":"approve"}`), 422,
				apiInvalid("version", "is required: the version of the verdict you read"))
			e.must(t, 200, asAuthor, "PATCH", apiPath("/verdicts/%d", v.ID), `{"rating":"false","headline":"Changed","explanation":"Changed."}`)
			apiExpect(t, "stale version", e.call(t, asReviewer, "POST", path, `{"decision":"approve","version":1}`), 409,
				apiFail("stale", "It changed since you read it: it is at version 2 now, not 1. Read it again, then try again."))
			got, err := e.store.GetVerdict(e.ctx(), v.ID)
			if err != nil || len(got.Reviews) != 0 || got.Status != models.VerdictInReview {
				t.Fatalf("after refused reviews: %+v %v", got, err)
			}
			r := e.must(t, 201, asReviewer, "POST", path, `{"decision":"approve","version":2}`)
			if r.str(t, "verdict_status") != "published" {
				t.Fatalf("approval of the current version: %s", r.body)
			}
		})
	}
}

// storedClaim is claim id as stored now.
func (e *deskEnv) storedClaim(t *testing.T, id uint) *models.Claim {
	t.Helper()
	c, err := e.store.GetClaim(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
