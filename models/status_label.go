package models

// The names of statuses for people
//
// Each kind of status has one table of names: each status a Reason with no
// values, its catalogue id (a desk or admin message) and its English name,
// "Draft", "In review". The desk's labels and the reasons that name a
// status inside their sentence read the same table, so that a status is
// called the same everywhere in a language. A status a table does not hold
// is named by its code, as it is.

// claimStatusLabels names a claim's statuses, the desk's ClaimSentBack
// included.
var claimStatusLabels = map[ClaimStatus]Reason{
	ClaimDraft:       NewReason("desk.claim_status.draft", "Draft"),
	ClaimResearching: NewReason("desk.claim_status.researching", "Researching"),
	ClaimSentBack:    NewReason("desk.claim_status.sent_back", "Sent back"),
	ClaimInReview:    NewReason("desk.claim_status.in_review", "In review"),
	ClaimPublished:   NewReason("desk.claim_status.published", "Published"),
	ClaimRetracted:   NewReason("desk.claim_status.retracted", "Retracted"),
}

// priorityLabels names a claim's priorities.
var priorityLabels = map[Priority]Reason{
	PriorityLow:    NewReason("desk.priority.low", "Low"),
	PriorityNormal: NewReason("desk.priority.normal", "Normal"),
	PriorityHigh:   NewReason("desk.priority.high", "High"),
	PriorityUrgent: NewReason("desk.priority.urgent", "Urgent"),
}

// updateStatusLabels names an update's statuses. A submitted update is in
// review; the desk names one whose verdict was sent back by
// UpdateSentBackLabel instead.
var updateStatusLabels = map[UpdateStatus]Reason{
	UpdateDraft:     NewReason("desk.update_status.draft", "Draft"),
	UpdateSubmitted: NewReason("desk.update_status.in_review", "In review"),
	UpdatePublished: NewReason("desk.update_status.published", "Published"),
	UpdateWithdrawn: NewReason("desk.update_status.withdrawn", "Withdrawn"),
}

// UpdateSentBackLabel names a submitted update whose verdict a reviewer
// sent back for changes, as the desk shows it.
var UpdateSentBackLabel = NewReason("desk.update_status.sent_back", "Sent back")

// jobStateLabels names a job's states.
var jobStateLabels = map[JobState]Reason{
	JobQueued:  NewReason("admin.jobs.state.queued", "Queued"),
	JobRunning: NewReason("admin.jobs.state.running", "Running"),
	JobDone:    NewReason("admin.jobs.state.done", "Done"),
	JobFailed:  NewReason("admin.jobs.state.failed", "Failed"),
}

// Label names the claim status for people ("Draft", "Researching", "Sent
// back", "In review", "Published", "Retracted"), a Reason that
// views.ReasonText writes in a reader's language; an unknown status is its
// code.
func (st ClaimStatus) Label() Reason { return labelOf(claimStatusLabels, st) }

// Label names the priority for people ("Low", "Normal", "High",
// "Urgent"), as ClaimStatus.Label does.
func (p Priority) Label() Reason { return labelOf(priorityLabels, p) }

// Label names the update status for people ("Draft", "In review",
// "Published", "Withdrawn"), as ClaimStatus.Label does.
func (st UpdateStatus) Label() Reason { return labelOf(updateStatusLabels, st) }

// Label names the job state for people ("Queued", "Running", "Done",
// "Failed"), as ClaimStatus.Label does.
func (st JobState) Label() Reason { return labelOf(jobStateLabels, st) }

func labelOf[S ~string](table map[S]Reason, st S) Reason {
	if r, ok := table[st]; ok {
		return r
	}
	return NewReason("reasons.status_other", "{{.Status}}", "Status", string(st))
}

// statusInReason is a status's label as a reason names it inside its
// sentence ("Claim 3 is {{.Status}}"): in every language but English its
// label; in English, which is also the JSON API's, the status as the API
// spells it (in_review), so that the message matches the status field.
func statusInReason[S ~string](st S, label Reason) Reason {
	label.English = string(st)
	return label
}

// claimStatusWord names a claim's status inside a reason.
func claimStatusWord(st ClaimStatus) Reason { return statusInReason(st, st.Label()) }

// updateStatusWord names an update's status inside a reason.
func updateStatusWord(st UpdateStatus) Reason { return statusInReason(st, st.Label()) }

// jobStateWord names a job's state inside a reason.
func jobStateWord(st JobState) Reason { return statusInReason(st, st.Label()) }
