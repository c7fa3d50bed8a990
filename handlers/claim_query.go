package handlers

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"claimtracker/models"
)

// Assignee and author values that name no account by id.
const (
	whoMe     = "me"
	whoNobody = "nobody"
)

// Reasons for a refused filter of a claim list.
var (
	reasonAssigneeFilter = models.NewReason("reasons.assignee_filter", "must be an account's id, me or nobody")
	reasonAuthorFilter   = models.NewReason("reasons.author_filter", "must be an account's id or me")
	reasonClaimSort      = models.NewReason("reasons.claim_sort", "must be changed, newest, oldest, due or said")
)

// parseClaimQuery reads the filters of pages.ClaimFilterFields, each the value
// get gives for its name (a query string's), into f, for the signed-in
// user u (whom "me" names); v records each value refused, by its
// parameter's name. Ids are checked for their form only: an id that
// names nobody matches no claim.
func parseClaimQuery(get func(string) string, u *models.User, f *models.ClaimFilter, v *models.Validator) {
	q := get("q")
	if utf8.RuneCountInString(q) > models.MaxSearchQuery {
		v.Fail("q", models.ReasonMaxChars(models.MaxSearchQuery))
	} else {
		f.Words = models.DeskSearchWords(q)
		v.Check(len(f.Words) <= models.MaxDeskSearchWords, "q",
			models.NewReason("reasons.max_words", "must hold at most {{.Max}} words", "Max", models.MaxDeskSearchWords))
	}
	f.PersonID = idQuery(get, v, "speaker")
	if t := get("tag"); t != "" {
		if utf8.RuneCountInString(t) > models.MaxTag {
			v.Fail("tag", models.ReasonMaxChars(models.MaxTag))
		} else if f.Tag = models.NormalizeTag(t); f.Tag == "" {
			v.Fail("tag", models.NewReason("reasons.tag_letters", "must hold a letter or a digit"))
		}
	}
	switch a := get("assignee"); a {
	case "":
	case whoMe:
		f.AssigneeID = u.ID
	case whoNobody:
		f.Unassigned = true
	default:
		f.AssigneeID = accountID(a, v, "assignee", reasonAssigneeFilter)
	}
	switch a := get("author"); a {
	case "":
	case whoMe:
		f.CreatedBy = u.ID
	default:
		f.CreatedBy = accountID(a, v, "author", reasonAuthorFilter)
	}
	lang, err := models.CanonicalLanguage(get("language"))
	if err != nil {
		v.Fail("language", models.ReasonLanguageTag)
	}
	f.Language = lang
	f.SaidFrom = v.Day("from", get("from"))
	f.SaidTo = v.Day("to", get("to"))
	if f.SaidFrom != nil && f.SaidTo != nil && f.SaidTo.Before(*f.SaidFrom) {
		v.Fail("to", models.NewReason("reasons.date_before_from", "must not be before the first day ({{.From}})", "From", *f.SaidFrom))
	}
	if s := models.ClaimSort(get("sort")); s != "" {
		if slices.Contains(models.ClaimSorts, s) {
			f.Sort = s
		} else {
			v.Fail("sort", reasonClaimSort)
		}
	}
}

// idQuery reads the id in query parameter name: 0 when absent; v records
// why anything else than a whole number from 1 is refused.
func idQuery(get func(string) string, v *models.Validator, name string) uint {
	s := get(name)
	if s == "" {
		return 0
	}
	return accountID(s, v, name, models.ReasonNumberFrom(1))
}

// accountID reads s, an id, for the parameter name: v records why when it
// is not a whole number from 1 (that fits an id).
func accountID(s string, v *models.Validator, name string, why models.Reason) uint {
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		v.Fail(name, why)
		return 0
	}
	return uint(n)
}
