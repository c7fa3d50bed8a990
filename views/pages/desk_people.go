package pages

import (
	"context"
	"net/url"
	"strconv"

	"claimtracker/models"
	"claimtracker/views"
)

// PeoplePerPage is how many speakers the desk's list shows at once.
const PeoplePerPage = 50

// PeopleList is the desk's list of speakers, by name.
type PeopleList struct {
	People []models.PersonListing
	// Name is the search: speakers whose name contains it.
	Name string
	// Offset is how many speakers earlier pages showed; More says a next
	// page exists.
	Offset int
	More   bool
}

// query is the list's address with its search and offset.
func (l PeopleList) query(offset int) string {
	v := url.Values{}
	if l.Name != "" {
		v.Set("q", l.Name)
	}
	if offset > 0 {
		v.Set("offset", strconv.Itoa(offset))
	}
	if len(v) == 0 {
		return "/desk/people"
	}
	return "/desk/people?" + v.Encode()
}

// PersonDesk is everything a speaker's desk page shows.
type PersonDesk struct {
	Person *models.Person
	// ClaimCount is how many claims the speaker has, whatever their
	// status; Claims are the most recently changed of them.
	ClaimCount int64
	Claims     []models.Claim
	// Duplicates are other speakers whose names share a word with this
	// one's: candidates for a merge.
	Duplicates []models.Person
	History    []HistoryEntry
	// Edit, Merge and Delete are the page's forms: a refused one comes
	// back with the user's input and why; the others are fresh.
	Edit, Merge, Delete views.Form
}

// claimsCount says how many claims n is, in ctx's language: "no claims",
// "1 claim", "3 claims".
func claimsCount(ctx context.Context, n int64) string {
	if n == 0 {
		return views.T(ctx, "desk.people.no_claims")
	}
	return views.N(ctx, "desk.people.claims", int(n))
}

// claimsSummary says how many claims a speaker has and how many of them
// are public, in ctx's language: "3 claims, 1 public", "no claims".
func claimsSummary(ctx context.Context, total int64, public int) string {
	if public == 0 {
		return claimsCount(ctx, total)
	}
	return views.N(ctx, "desk.people.public", public, "Claims", claimsCount(ctx, total))
}
