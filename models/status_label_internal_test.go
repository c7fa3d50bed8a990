package models

import "testing"

// Every status has its name in its kind's one table, and a reason names a
// status inside its sentence by that same catalogue message: the API's
// spelling in English, the desk's label in every other language.
func TestStatusesHaveOneNameEach(t *testing.T) {
	type named struct {
		code         string
		label, inUse Reason
	}
	var all []named
	for _, st := range []ClaimStatus{ClaimDraft, ClaimResearching, ClaimSentBack, ClaimInReview, ClaimPublished, ClaimRetracted} {
		all = append(all, named{string(st), st.Label(), claimStatusWord(st)})
	}
	for _, st := range []UpdateStatus{UpdateDraft, UpdateSubmitted, UpdatePublished, UpdateWithdrawn} {
		all = append(all, named{string(st), st.Label(), updateStatusWord(st)})
	}
	for _, st := range []JobState{JobQueued, JobRunning, JobDone, JobFailed} {
		all = append(all, named{string(st), st.Label(), jobStateWord(st)})
	}
	for _, p := range Priorities {
		all = append(all, named{string(p), p.Label(), statusInReason(p, p.Label())})
	}
	for _, n := range all {
		if n.label.ID == "reasons.status_other" || n.label.English == "" || n.label.Data != nil {
			t.Errorf("%s has no name of its own: %+v", n.code, n.label)
		}
		if n.inUse.ID != n.label.ID || n.inUse.String() != n.code {
			t.Errorf("%s inside a reason is %q (%s), want %q (%s)", n.code, n.inUse.String(), n.inUse.ID, n.code, n.label.ID)
		}
	}
	if got := UpdateSubmitted.Label().String(); got != "In review" {
		t.Errorf("a submitted update is %q", got)
	}
	// A status no table knows is named by its code, in every language.
	for _, r := range []Reason{ClaimStatus("lost").Label(), claimStatusWord("lost"), UpdateStatus("lost").Label(), JobState("lost").Label()} {
		if r.ID != "reasons.status_other" || r.String() != "lost" || r.Data["Status"] != "lost" {
			t.Errorf("an unknown status is %+v", r)
		}
	}
}
