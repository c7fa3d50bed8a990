package views

import "claimtracker/models"

// A notification is said in one sentence of the desk catalogue per kind
// of workflow event, with the one who did it ({{.Actor}}) and the claim
// ({{.Claim}}): the inbox shows it, and its e-mail says it again under a
// subject of its own.

// notificationMessages are the message ids of each kind's sentence and
// e-mail subject.
var notificationMessages = map[models.EventKind][2]string{
	models.EventAssigned:     {"desk.inbox.event.assigned", "desk.mail.subject.assigned"},
	models.EventMentioned:    {"desk.inbox.event.mentioned", "desk.mail.subject.mentioned"},
	models.EventSentToReview: {"desk.inbox.event.sent_to_review", "desk.mail.subject.sent_to_review"},
	models.EventSentBack:     {"desk.inbox.event.sent_back", "desk.mail.subject.sent_back"},
	models.EventPublished:    {"desk.inbox.event.published", "desk.mail.subject.published"},
	models.EventCorrected:    {"desk.inbox.event.corrected", "desk.mail.subject.corrected"},
}

// NotificationSentence is the message id of the sentence that tells of an
// event of kind k ("{{.Actor}} assigned {{.Claim}} to you.").
func NotificationSentence(k models.EventKind) string { return notificationMessages[k][0] }

// NotificationSubject is the message id of the subject of the e-mail that
// tells of an event of kind k ("Assigned to you: {{.Claim}}").
func NotificationSubject(k models.EventKind) string { return notificationMessages[k][1] }
