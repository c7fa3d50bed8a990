package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
)

// The JSON API guards its updates against lost updates with entity tags
// (RFC 9110 §8.8.3) and If-Match (§13.1.1). Every answer that shows one
// editable object (a claim, source, verdict, rating or speaker) carries its ETag, a
// strong validator made of the object's kind, id and revision (a verdict's
// version), such as "claim-7.r3". A PATCH or DELETE that sends If-Match
// changes the object only when one of the tags listed is its current ETag
// (or the list is "*"); otherwise nothing changes and the answer is 412
// with the code "stale". Without If-Match the update proceeds, as it always
// did. The comparison that decides is made by the store under the object's
// row lock, so that a change committed between this read and the save is
// never overwritten.

// objectETag is the strong entity tag of an object of kind with id at
// revision, quoted as the ETag field carries it.
func objectETag(kind string, id uint, revision int) string {
	return fmt.Sprintf(`"%s-%d.r%d"`, kind, id, revision)
}

func claimETag(c *models.Claim) string     { return objectETag("claim", c.ID, c.Revision) }
func sourceETag(s *models.Source) string   { return objectETag("source", s.ID, s.Revision) }
func verdictETag(v *models.Verdict) string { return objectETag("verdict", v.ID, v.Version) }
func ratingETag(r *models.Rating) string   { return objectETag("rating", r.ID, r.Revision) }
func personETag(p *models.Person) string   { return objectETag("person", p.ID, p.Revision) }

// setETag puts an object's entity tag on the answer.
func setETag(c echo.Context, tag string) {
	c.Response().Header().Set("ETag", tag)
}

// errBadIfMatch is an If-Match field that is not "*" or a list of quoted
// entity tags.
var errBadIfMatch = echo.NewHTTPError(http.StatusBadRequest,
	`If-Match must be "*" or a list of entity tags in double quotes, as the ETag field gives them.`)

// ifMatch is a request's If-Match field, parsed.
type ifMatch struct {
	// sent is false when the request has no If-Match: nothing is checked.
	sent bool
	// any is If-Match: *, which any existing object satisfies.
	any bool
	// tags are the entity tags listed, each with its quotes and any W/.
	tags []string
}

// parseIfMatch reads the If-Match fields of h: "*", or a comma-separated
// list of entity tags (RFC 9110 §8.8.3, §5.6.1: empty list elements are
// allowed). Several If-Match lines make one list. Anything else is a 400.
func parseIfMatch(h http.Header) (ifMatch, error) {
	lines, ok := h[http.CanonicalHeaderKey("If-Match")]
	if !ok {
		return ifMatch{}, nil
	}
	v := strings.Join(lines, ",")
	if strings.Trim(v, " \t") == "*" {
		return ifMatch{sent: true, any: true}, nil
	}
	out := ifMatch{sent: true}
	for i := 0; i < len(v); {
		switch v[i] {
		case ' ', '\t', ',':
			i++
			continue
		}
		start := i
		if strings.HasPrefix(v[i:], "W/") {
			i += 2
		}
		if i >= len(v) || v[i] != '"' {
			return ifMatch{}, errBadIfMatch
		}
		end := strings.IndexByte(v[i+1:], '"')
		if end < 0 {
			return ifMatch{}, errBadIfMatch
		}
		for _, b := range []byte(v[i+1 : i+1+end]) {
			if b < 0x21 || b == 0x7f { // etagc: %x21 / %x23-7E / obs-text
				return ifMatch{}, errBadIfMatch
			}
		}
		i += end + 2
		out.tags = append(out.tags, v[start:i])
		// After a tag: optional white space, then a comma or the end.
		for i < len(v) && (v[i] == ' ' || v[i] == '\t') {
			i++
		}
		if i < len(v) && v[i] != ',' {
			return ifMatch{}, errBadIfMatch
		}
	}
	return out, nil
}

// strict reports whether the request names the versions it accepts: an
// If-Match other than "*". A stale save is then a 412, never retried.
func (m ifMatch) strict() bool { return m.sent && !m.any }

// matches applies the strong comparison of RFC 9110 §8.8.3.2: current
// matches "*" or a listed tag that is not weak and is the same, octet for
// octet.
func (m ifMatch) matches(current string) bool {
	if m.any {
		return true
	}
	for _, t := range m.tags {
		if t == current {
			return true
		}
	}
	return false
}

// expect is the revision to hand the store for an update of an object the
// handler has just read at revision current (with entity tag tag):
//
//   - 0 (no check) when If-Match is absent or "*" and the update does not
//     depend on what was read;
//   - current when If-Match lists tag, or is absent or "*" and the handler
//     builds the update on what it read (merged): the store then refuses
//     the update if the object changed since;
//   - -1, a revision no object has, when If-Match lists tags but not the
//     current one: the store refuses the update (after any refusal that
//     comes first, such as 403 or 409) and the answer is 412.
func (m ifMatch) expect(tag string, current int, merged bool) int {
	switch {
	case !m.strict() && !merged:
		return 0
	case !m.strict() || m.matches(tag):
		return current
	}
	return -1
}

// preconditionFailed is an update refused because the request's If-Match
// does not name the object's current entity tag (RFC 9110 §13.1.1): 412,
// nothing changed.
type preconditionFailed struct {
	// What names the object, e.g. "claim 7"; counter is "revision" or
	// "version".
	what, counter string
	// current is the object's revision now, tag its entity tag.
	current int
	tag     string
}

// Error names the object, its current revision and entity tag.
func (e *preconditionFailed) Error() string {
	return fmt.Sprintf("If-Match does not match: %s is at %s %d now, its ETag is %s", e.what, e.counter, e.current, e.tag)
}

// preconditioned turns the store's refusal of a stale update into a 412
// when the request named the versions it accepts (strict If-Match); tag
// gives the entity tag of a revision of the object. Other errors, and
// every error of a request without a strict If-Match, pass unchanged.
func (m ifMatch) preconditioned(err error, counter string, tag func(revision int) string) error {
	var stale *models.StaleError
	if !m.strict() || !errors.As(err, &stale) {
		return err
	}
	return &preconditionFailed{what: stale.What, counter: counter, current: stale.Current, tag: tag(stale.Current)}
}

// mergeAttempts bounds how often a PATCH without a strict If-Match, which
// the handler merges into the object as it read it, is merged again after
// someone else saved the object in between.
const mergeAttempts = 3

// retryMerge reports whether a merged update that failed with err, on
// attempt (from 1), should read the object again and merge anew: it was
// stale, the request did not ask for one version only, and attempts are
// left. The fields the request did not send are never reverted to what an
// older reading held.
func (m ifMatch) retryMerge(err error, attempt int) bool {
	var stale *models.StaleError
	return !m.strict() && errors.As(err, &stale) && attempt < mergeAttempts
}
