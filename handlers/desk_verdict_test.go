package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// A verdict goes to review, is sent back with a comment, revised, approved
// by a reviewer who did not write it, and published.
func TestDeskVerdictReviewCycle(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.mustPost(t, e.ed, path+"/sources", sourceForm("contradicts"), http.StatusSeeOther, "")

			bad := url.Values{"rating": {"pants-on-fire"}, "headline": {""}, "explanation": {"Some *text*"}}
			r := e.mustPost(t, e.ed, path+"/verdicts", bad, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "verdict-rating", "Rating is not on the rating scale")
			fieldError(t, r.body, "verdict-headline", "Headline is required")
			mustContain(t, "refused verdict", r.body, ">Some *text*</textarea>")

			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("mostly-false"), http.StatusSeeOther, path+"?done=verdict-proposed#verdict")
			e.mustPost(t, e.ed, path+"/verdicts", verdictForm("false"), http.StatusConflict, "")
			v := e.openVerdict(t, id)
			vpath := "/desk/verdicts/" + idStr(v.ID)

			// The author sees the verdict and why they cannot review it.
			mine := e.page(t, e.ed, path, http.StatusOK)
			mustContain(t, "author's view", mine, `<span class="status s-in_review">In review</span>`,
				`<span class="rating r-mostly-false">Mostly false</span>`, "He met the ambassador twice in 2016",
				`Two meetings were <strong>reported</strong> by <a href="https://www.example.com/post" rel="nofollow noreferrer">the Post</a>.`,
				"You wrote this verdict, so a reviewer other than you must approve it or send it back.", "Revise the verdict")
			if strings.Contains(mine, `action="`+vpath+`/reviews"`) {
				t.Error("the author is offered the review form")
			}
			// Another editor may neither review nor revise.
			other := e.page(t, e.other, path, http.StatusOK)
			mustContain(t, "editor's view", other, "A reviewer will approve this verdict or send it back.")
			if strings.Contains(other, "Revise the verdict") {
				t.Error("another editor is offered the revise form")
			}
			e.mustPost(t, e.other, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"approve"}}, http.StatusForbidden, "")
			e.mustPost(t, e.other, vpath, with(verdictForm("false"), "version", "1"), http.StatusForbidden, "")

			// The reviewer sees it in the queue, with its author and sources.
			queue := e.page(t, e.rev, "/desk/review", http.StatusOK)
			mustContain(t, "queue", queue, `<a class="row-title" href="`+path+`#verdict" dir="auto">Sessions said he had no communications with the Russians</a>`,
				`Proposed by <a href="/desk/review?author=`+idStr(e.edUser.ID)+`"><bdi>Test ed</bdi></a>`, "1 source", "version 1", `<span class="rating r-mostly-false">Mostly false</span>`)
			mustContain(t, "reviewer's view", e.page(t, e.rev, path, http.StatusOK), `action="`+vpath+`/reviews"`, "Your review of version 1")

			// Sending back needs a comment.
			r = e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"request_changes"}}, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "review-comment", "Comment is required")
			e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"request_changes"}, "comment": {"Cite the hearing transcript."}},
				http.StatusSeeOther, path+"?done=sent-back#verdict")
			desk := e.page(t, e.ed, "/desk", http.StatusOK)
			mustContain(t, "author's desk", desk, "Sent back to me", `<p class="comment" dir="auto">Cite the hearing transcript.</p>`)
			back := e.page(t, e.ed, path, http.StatusOK)
			mustContain(t, "sent back", back, `<span class="status v-changes_requested">Changes requested</span>`,
				"<strong><bdi>Test rev</bdi></strong> asked for changes to version 1", "Cite the hearing transcript.", `<details class="revise" open>`)

			// The author revises: version 2 goes back to review.
			read := hidden(t, back, vpath, "version")
			r = e.mustPost(t, e.ed, vpath, url.Values{"rating": {"false"}, "headline": {""}, "explanation": {"x"}, "version": {read}}, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "verdict-headline", "Headline is required")
			e.mustPost(t, e.ed, vpath, with(verdictForm("false"), "version", hidden(t, r.body, vpath, "version")), http.StatusSeeOther, path+"?done=verdict-revised#verdict")
			if v := e.openVerdict(t, id); v.Version != 2 || v.RatingSlug != "false" || v.Status != models.VerdictInReview {
				t.Fatalf("revised verdict: %+v", v)
			}
			e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"version": {"2"}, "decision": {"approve"}}, http.StatusSeeOther, path+"?done=published#verdict")
			pub := e.page(t, e.rev, path+"?done=published", http.StatusOK)
			mustContain(t, "published claim", pub, "Approved and published.", `<span class="status s-published">Published</span>`,
				`<article class="card verdict is-published">`, `<span class="rating r-false">False</span>`, "<strong><bdi>Test rev</bdi></strong> approved version 2",
				`href="/claims/`, "Open an update", "Add a correction", "Retract the claim")
			if strings.Contains(e.page(t, e.ed, path, http.StatusOK), "Retract the claim") {
				t.Error("an editor is offered the retraction form")
			}
			e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"version": {"2"}, "decision": {"approve"}}, http.StatusConflict, "")
			e.mustPost(t, e.rev, "/desk/verdicts/999999/reviews", url.Values{"version": {"2"}, "decision": {"approve"}}, http.StatusNotFound, "")
			e.mustPost(t, e.ed, "/desk/verdicts/999999", with(verdictForm("false"), "version", "1"), http.StatusNotFound, "")

			// The history tells the whole story in words.
			h := e.page(t, e.ed, path+"/history", http.StatusOK)
			mustContain(t, "history", h, "Test ed</bdi></strong> logged the claim", "Test ed</bdi></strong> proposed a verdict", "Test rev</bdi></strong> sent the verdict back",
				"Test ed</bdi></strong> revised the verdict, version 2", "Test rev</bdi></strong> approved the verdict, version 2",
				"The verdict was published, rated False, once Test rev had approved it.",
				`<dt>Rating</dt><dd class="edited"><del><span class="sr-only">was: </span><span dir="auto">Mostly false</span></del>`, " UTC</time>",
				`<dt>Comment</dt><dd><ins><span class="sr-only">now: </span><span dir="auto">Cite the hearing transcript.</span></ins>`)
			if strings.Contains(h, "{&#34;") || strings.Contains(h, `{"`) {
				t.Error("history shows raw JSON")
			}
		})
	}
}

// Nobody approves their own verdict, even a reviewer; editors cannot review.
func TestDeskReviewRefusals(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.created(t, e.rev, "/desk/claims", claimForm())
			e.mustPost(t, e.rev, claimPath(id)+"/verdicts", verdictForm("false"), http.StatusSeeOther, "")
			vpath := "/desk/verdicts/" + idStr(e.openVerdict(t, id).ID)

			own := e.page(t, e.rev, claimPath(id), http.StatusOK)
			mustContain(t, "reviewer's own verdict", own, "You wrote this verdict, so a reviewer other than you must approve it or send it back.")
			r := e.mustPost(t, e.rev, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"approve"}}, http.StatusForbidden, "")
			mustContain(t, "own approval", r.body, "Your account may not do this.")
			if q := e.page(t, e.rev, "/desk/review", http.StatusOK); !strings.Contains(q, "Nothing waits for your review.") {
				t.Error("a reviewer's own verdict is in their queue")
			}
			e.mustPost(t, e.ed, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"approve"}}, http.StatusForbidden, "")
			e.page(t, e.ed, "/desk/review", http.StatusForbidden)
			if v := e.openVerdict(t, id); len(v.Reviews) != 0 {
				t.Fatalf("refused reviews were recorded: %+v", v.Reviews)
			}
			// The admin may review it.
			e.mustPost(t, e.admin, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"maybe"}}, http.StatusUnprocessableEntity, "")
			e.mustPost(t, e.admin, vpath+"/reviews", url.Values{"version": {"1"}, "decision": {"approve"}}, http.StatusSeeOther, claimPath(id)+"?done=published#verdict")
		})
	}
}

func TestDeskCorrectionsAndRetraction(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			e.mustPost(t, e.ed, path+"/corrections", url.Values{"kind": {"correction"}, "note": {"Early."}}, http.StatusConflict, "")
			e.mustPost(t, e.rev, path+"/retract", url.Values{"note": {"Early."}}, http.StatusConflict, "")
			e.publish(t, id)

			r := e.mustPost(t, e.ed, path+"/corrections", url.Values{"kind": {"retraction"}, "note": {""}}, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "correction-kind", "Kind must be “Clarification” or “Correction”")
			fieldError(t, r.body, "correction-note", "Public note is required")
			mustContain(t, "refused correction", r.body, `<details class="more" open>`)
			e.mustPost(t, e.ed, path+"/corrections", url.Values{"kind": {"clarification"}, "note": {"We added the date of the hearing."}},
				http.StatusSeeOther, path+"?done=correction-added#corrections")
			mustContain(t, "corrected claim", e.page(t, e.ed, path, http.StatusOK), "<strong>Clarification</strong>", "We added the date of the hearing.", "by <bdi>Test ed</bdi>")

			// Editors may not retract; reviewers must say why.
			e.mustPost(t, e.ed, path+"/retract", url.Values{"note": {"Wrong person."}}, http.StatusForbidden, "")
			r = e.mustPost(t, e.rev, path+"/retract", url.Values{"note": {" "}}, http.StatusUnprocessableEntity, "")
			fieldError(t, r.body, "retract-note", "Why it is retracted is required")
			e.mustPost(t, e.rev, path+"/retract", url.Values{"note": {"The quotation was from another hearing."}}, http.StatusSeeOther, path+"?done=retracted#corrections")
			body := e.page(t, e.rev, path, http.StatusOK)
			mustContain(t, "retracted claim", body, `<span class="status s-retracted">Retracted</span>`, "<strong>Retraction</strong>", "The quotation was from another hearing.")
			if strings.Contains(body, "Add a correction") || strings.Contains(body, "Propose a") {
				t.Error("a retracted claim offers corrections or verdicts")
			}
			e.mustPost(t, e.rev, "/desk/claims/999999/retract", url.Values{"note": {"x"}}, http.StatusNotFound, "")
			e.mustPost(t, e.ed, "/desk/claims/999999/corrections", url.Values{"kind": {"correction"}, "note": {"x"}}, http.StatusNotFound, "")
		})
	}
}

func TestDeskDashboardLists(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			empty := e.page(t, e.rev, "/desk", http.StatusOK)
			mustContain(t, "empty desk", empty, `href="/desk/articles/new">Paste an article</a>`, `href="/desk/claims/new">Log a claim</a>`,
				"No drafts.", "Nothing was sent back.", "Nothing waits for your review.", "Nothing published yet.")

			draft := e.newClaim(t)
			f := claimForm()
			f.Set("text", "We will build a wall along the whole southern border and it will be paid for")
			f.Set("summary", "A wall along the whole southern border, paid for by others")
			queued := e.created(t, e.ed, "/desk/claims", f)
			e.mustPost(t, e.ed, claimPath(queued)+"/verdicts", verdictForm("half-true"), http.StatusSeeOther, "")

			ed := e.page(t, e.ed, "/desk", http.StatusOK)
			mustContain(t, "editor's desk", ed, `<a class="row-title" href="`+claimPath(draft)+`" dir="auto">`, `href="/desk/claims?mine=1"`)
			if strings.Contains(ed, "Waiting for my review") {
				t.Error("an editor's desk has a review list")
			}
			rev := e.page(t, e.rev, "/desk", http.StatusOK)
			mustContain(t, "reviewer's desk", rev, "Waiting for my review", `<a class="row-title" href="`+claimPath(queued)+`#verdict" dir="auto">`,
				`Proposed by <a href="/desk/review?author=`+idStr(e.edUser.ID)+`"><bdi>Test ed</bdi></a>`)
			e.publish(t, draft)
			mustContain(t, "desk after publishing", e.page(t, e.other, "/desk", http.StatusOK), "Published in 30 days", `<a class="row-title" href="`+claimPath(draft)+`" dir="auto">`)
			mustContain(t, "admin desk", e.page(t, e.admin, "/desk", http.StatusOK), `href="/admin/ratings">Rating scale</a>`)
		})
	}
}
