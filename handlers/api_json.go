package handlers

import (
	"encoding/json"
	"errors"
	"io"
	"maps"
	"mime"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"claimtracker/input"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/components"
)

// The JSON API reads request bodies with decodeJSON into request structs
// whose fields are pointers, so that a handler can tell a field that was
// left out (nil) from one sent empty; it answers with the *JSON shapes
// below, built from models by the new*JSON functions.

var (
	errNotJSON    = echo.NewHTTPError(http.StatusUnsupportedMediaType, "Send the body as application/json.")
	errBadJSON    = echo.NewHTTPError(http.StatusBadRequest, "The body is not valid JSON.")
	errNotObject  = echo.NewHTTPError(http.StatusBadRequest, "The body must be a JSON object.")
	errUnreadable = echo.NewHTTPError(http.StatusBadRequest, "The body could not be read.")
)

// maxFieldErrors bounds how many refused fields one answer names, however
// many a body holds.
const maxFieldErrors = 20

// decodeJSON reads the request body, one JSON object, into dst: a pointer to
// a struct whose fields carry json tags. Only those names are accepted,
// spelled exactly; any other name, or a value of the wrong type, fails with
// a *models.ValidationError naming each such field (422), up to
// maxFieldErrors of them; so does text that breaks the input policy
// (jsonFields says which kind each field holds), which is cleaned in place
// otherwise. A field that holds a list of structs takes a list of JSON
// objects, each read by the same rules; its members are named in errors
// as "field[i].member", counting from 0. A body that is
// not JSON is a 400, one that is not sent as application/json a 415, one
// over the size limit a 413.
func decodeJSON(c echo.Context, dst any) error {
	r := c.Request()
	if mt, _, err := mime.ParseMediaType(r.Header.Get(echo.HeaderContentType)); err != nil || mt != echo.MIMEApplicationJSON {
		return errNotJSON
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return errUnreadable
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		if json.Valid(body) {
			return errNotObject
		}
		return errBadJSON
	}
	bad := map[string]models.Reason{}
	decodeMembers(obj, reflect.ValueOf(dst).Elem(), "", bad)
	if len(bad) > 0 {
		return &models.ValidationError{Fields: bad}
	}
	return nil
}

// decodeMembers reads the members of one JSON object into the struct v, as
// decodeJSON describes, recording each refused member in bad under its
// name after prefix.
func decodeMembers(obj map[string]json.RawMessage, v reflect.Value, prefix string, bad map[string]models.Reason) {
	fields := jsonFields(v)
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		if len(bad) >= maxFieldErrors {
			return
		}
		f, ok := fields[name]
		if !ok {
			bad[prefix+name] = models.NewReason("reasons.unknown_field", "is not a known field")
			continue
		}
		if elem, ok := structList(f.v.Type()); ok {
			decodeObjects(obj[name], f.v, elem, prefix+name, bad)
			continue
		}
		if err := json.Unmarshal(obj[name], f.v.Addr().Interface()); err != nil {
			bad[prefix+name] = jsonTypeProblem(f.v.Type())
			continue
		}
		// The decoder turns invalid UTF-8 into U+FFFD; the policy refuses it.
		if !utf8.Valid(obj[name]) {
			bad[prefix+name] = models.InputReason(&input.Error{Problem: input.BadEncoding})
			continue
		}
		if err := cleanText(f.v, f.kind); err != nil {
			bad[prefix+name] = models.InputReason(err)
		}
	}
}

// structList reports whether t is a list of structs, or a pointer to one,
// and gives the struct type.
func structList(t reflect.Type) (reflect.Type, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct {
		return t.Elem(), true
	}
	return nil, false
}

// decodeObjects reads raw, a JSON list of objects (or null, which leaves
// dst as it is), into dst, a list of elem structs or a pointer to one,
// naming the i-th object name[i] in bad.
func decodeObjects(raw json.RawMessage, dst reflect.Value, elem reflect.Type, name string, bad map[string]models.Reason) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		bad[name] = reasonListOfObjects
		return
	}
	if items == nil {
		return // null: not sent
	}
	list := reflect.MakeSlice(reflect.SliceOf(elem), len(items), len(items))
	for i, item := range items {
		at := name + "[" + strconv.Itoa(i) + "]"
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(item, &obj); err != nil || obj == nil {
			bad[at] = models.NewReason("reasons.json_object", "must be an object")
			continue
		}
		decodeMembers(obj, list.Index(i), at+".", bad)
	}
	for dst.Kind() == reflect.Pointer {
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		dst = dst.Elem()
	}
	dst.Set(list)
}

// jsonField is a request struct's field and the input kind of its text.
type jsonField struct {
	v    reflect.Value
	kind input.Kind
}

// jsonFields maps the JSON names of a struct's fields, those of embedded
// structs included, to the addressable fields. A field's text is a single
// line unless its tag says `input:"multiline"` or `input:"exact"`.
func jsonFields(v reflect.Value) map[string]jsonField {
	out := map[string]jsonField{}
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if sf.Anonymous && sf.Type.Kind() == reflect.Struct {
			maps.Copy(out, jsonFields(v.Field(i)))
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if !sf.IsExported() || name == "" || name == "-" {
			continue
		}
		f := jsonField{v: v.Field(i), kind: input.SingleLine}
		switch tag := sf.Tag.Get("input"); tag {
		case "multiline":
			f.kind = input.MultiLine
		case "exact":
			f.kind = input.Exact
		case "":
		default:
			panic("handlers: unknown input tag " + tag + " on " + v.Type().String() + "." + sf.Name)
		}
		out[name] = f
	}
	return out
}

// cleanText applies the input policy to every string in v (a string, a list
// of strings, or a pointer to either), in place.
func cleanText(v reflect.Value, kind input.Kind) error {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return cleanText(v.Elem(), kind)
	case reflect.String:
		s, err := input.Clean(v.String(), kind)
		if err != nil {
			return err
		}
		v.SetString(s)
	case reflect.Slice:
		for i := range v.Len() {
			if err := cleanText(v.Index(i), kind); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonTyped is a request field's type that says itself what JSON it
// takes.
type jsonTyped interface {
	jsonTypeReason() models.Reason
}

// jsonTypeProblem says what JSON a field of type t takes.
func jsonTypeProblem(t reflect.Type) models.Reason {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if typed, ok := reflect.Zero(t).Interface().(jsonTyped); ok {
		return typed.jsonTypeReason()
	}
	switch t.Kind() {
	case reflect.String:
		return models.NewReason("reasons.json_string", "must be a string")
	case reflect.Bool:
		return reasonTrueOrFalse
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return models.ReasonWholeNumber
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return models.NewReason("reasons.positive_whole_number", "must be a positive whole number")
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return models.NewReason("reasons.json_strings", "must be a list of strings")
		}
		if t.Elem().Kind() == reflect.Struct {
			return reasonListOfObjects
		}
		switch t.Elem().Kind() {
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return reasonListOfIDs
		}
		return models.NewReason("reasons.json_list", "must be a list")
	}
	return models.NewReason("reasons.json_type", "has the wrong type")
}

// Reasons that more than one check of a request gives.
var (
	reasonListOfObjects = models.NewReason("reasons.json_objects", "must be a list of objects")
	reasonTrueOrFalse   = models.NewReason("reasons.true_or_false", "must be true or false")
	reasonListOfIDs     = models.NewReason("reasons.json_ids", "must be a list of positive whole numbers")
)

// apiNullableID is a request's id of an object that may be none: a
// positive whole number, or null for none. Unlike other fields, null is
// not the same as leaving it out.
type apiNullableID struct {
	// Sent is true when the field was in the body, null included.
	Sent bool
	// ID is the id sent, nil for null.
	ID *uint32
}

// UnmarshalJSON reads a positive whole number or null.
func (n *apiNullableID) UnmarshalJSON(b []byte) error {
	n.Sent = true
	if string(b) == "null" {
		n.ID = nil
		return nil
	}
	var id uint32
	if err := json.Unmarshal(b, &id); err != nil || id == 0 {
		return errors.New("not a positive whole number or null")
	}
	n.ID = &id
	return nil
}

func (apiNullableID) jsonTypeReason() models.Reason {
	return models.NewReason("reasons.id_or_null", "must be a positive whole number, or null for none")
}

// patch is the id for the store: nil when not sent, 0 for null.
func (n apiNullableID) patch() *uint {
	switch {
	case !n.Sent:
		return nil
	case n.ID == nil:
		return new(uint(0))
	}
	return new(uint(*n.ID))
}

// sentOr returns *p, or def when p is nil: the field was left out or null.
func sentOr[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// writeJSON writes v as the JSON response. API answers carry newsroom data
// that no cache may keep.
func writeJSON(c echo.Context, status int, v any) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(status, v)
}

// jsonList converts each element of in with conv; it never returns nil, so an
// empty list is [] in JSON, not null.
func jsonList[T, J any](in []T, conv func(*T) J) []J {
	out := make([]J, 0, len(in))
	for i := range in {
		out = append(out, conv(&in[i]))
	}
	return out
}

// dateJSON writes an optional date as YYYY-MM-DD, or null.
func dateJSON(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(models.DateLayout)
	return &s
}

// stampJSON writes a moment as RFC 3339 in UTC, to the second.
func stampJSON(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}

// optStampJSON is stampJSON for an optional moment; nil is null.
func optStampJSON(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := stampJSON(*t)
	return &s
}

// textOrNull is nil for "", so that an absent value is null in JSON.
func textOrNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// rawOrNull passes JSON text through, its moments written as stampJSON
// writes them (see stampsIn); "" becomes null. Text that is not JSON is
// sent as a JSON string rather than breaking the response.
func rawOrNull(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	if !json.Valid([]byte(s)) {
		b, _ := json.Marshal(s)
		return b
	}
	return json.RawMessage(stampsIn(s))
}

// storedStamp is a member of a JSON object named at or …_at whose value is
// an RFC 3339 moment, as an object the store recorded (an audit event's
// before and after) may hold: with fractions of a second or an offset.
// Inside a JSON string a member's quotes are escaped, so none matches there.
var storedStamp = regexp.MustCompile(`("(?:at|[a-z_]*_at)"\s*:\s*")(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d))"`)

// stampsIn rewrites the moments of the JSON objects in s as every answer
// gives them, RFC 3339 in UTC to the second (stampJSON), keeping
// everything else, the order of members included, as it is.
func stampsIn(s string) string {
	return storedStamp.ReplaceAllStringFunc(s, func(m string) string {
		parts := storedStamp.FindStringSubmatch(m)
		t, err := time.Parse(time.RFC3339Nano, parts[2])
		if err != nil {
			return m
		}
		return parts[1] + stampJSON(t) + `"`
	})
}

// claimItemJSON is a claim in a list: its own fields, without evidence.
type claimItemJSON struct {
	ID      uint   `json:"id"`
	Slug    string `json:"slug"`
	Status  string `json:"status"`
	Text    string `json:"text"`
	Summary string `json:"summary"`
	// Language is the claim's BCP 47 language tag, "" when not known.
	Language    string  `json:"language"`
	Speaker     string  `json:"speaker"`
	SpeakerID   uint    `json:"speaker_id"`
	SpeakerSlug string  `json:"speaker_slug"`
	SpeakerKind string  `json:"speaker_kind"`
	SaidAt      *string `json:"said_at"`
	Setting     string  `json:"setting"`
	// AppearanceURL is the url of the first appearance, "" without one.
	AppearanceURL string              `json:"appearance_url"`
	Appearances   []apiAppearanceJSON `json:"appearances"`
	ArticleID     *uint               `json:"article_id"`
	CreatedBy     *uint               `json:"created_by"`
	// AssigneeID is the colleague the claim is assigned to, or null;
	// DueOn the day it is due (YYYY-MM-DD) or null; Priority low, normal,
	// high or urgent. The desk's own: the public API has none of them.
	AssigneeID  *uint   `json:"assignee_id"`
	DueOn       *string `json:"due_on"`
	Priority    string  `json:"priority"`
	PublishedAt *string `json:"published_at"`
	RetractedAt *string `json:"retracted_at"`
	CreatedAt   string  `json:"created_at"`
	UpdatedAt   string  `json:"updated_at"`
	// Revision counts the edits of the claim's own fields; the claim's
	// ETag follows it.
	Revision int `json:"revision"`
}

// newClaimItemJSON converts a claim for a list; its speaker must be loaded.
func newClaimItemJSON(c *models.Claim) claimItemJSON {
	j := claimItemJSON{
		ID: c.ID, Slug: c.Slug, Status: string(c.Status), Text: c.Text, Summary: c.Summary, Language: c.Language,
		Speaker: c.SpeakerName(), SpeakerID: c.PersonID,
		SaidAt: dateJSON(c.SaidAt), Setting: c.Setting, AppearanceURL: firstAppearanceURL(c), Appearances: appearancesJSON(c.Appearances),
		ArticleID: c.ArticleID,
		CreatedBy: c.CreatedBy, AssigneeID: c.AssigneeID, DueOn: dateJSON(c.DueOn), Priority: string(c.Priority), PublishedAt: optStampJSON(c.PublishedAt), RetractedAt: optStampJSON(c.RetractedAt),
		CreatedAt: stampJSON(c.CreatedAt), UpdatedAt: stampJSON(c.UpdatedAt), Revision: c.Revision,
	}
	if c.Person != nil {
		j.SpeakerSlug, j.SpeakerKind = c.Person.Slug, string(c.Person.Kind)
	}
	return j
}

// apiAppearanceJSON is one appearance of a claim in an answer: the work's
// address, the day the claim appeared there (YYYY-MM-DD or null) and
// where, in words ("" when not given).
type apiAppearanceJSON struct {
	URL   string  `json:"url"`
	Date  *string `json:"date"`
	Where string  `json:"where"`
}

// appearancesJSON converts a claim's appearances, in its order; never nil.
func appearancesJSON(list []models.Appearance) []apiAppearanceJSON {
	return jsonList(list, func(a *models.Appearance) apiAppearanceJSON {
		return apiAppearanceJSON{URL: a.URL, Date: dateJSON(a.Date), Where: a.Where}
	})
}

// firstAppearanceURL is the url of the claim's first appearance, its
// appearance_url in answers, or "".
func firstAppearanceURL(c *models.Claim) string {
	if a := c.FirstAppearance(); a != nil {
		return a.URL
	}
	return ""
}

// claimJSON is one claim with everything attached to it.
type claimJSON struct {
	claimItemJSON
	Tags []string `json:"tags"`
	// Rating is the slug of the published verdict's rating, or null.
	Rating      *string          `json:"rating"`
	Sources     []sourceJSON     `json:"sources"`
	Verdicts    []verdictJSON    `json:"verdicts"`
	Corrections []correctionJSON `json:"corrections"`
}

// newClaimJSON converts a claim loaded with everything attached to it.
func (h *Handler) newClaimJSON(c *models.Claim) claimJSON {
	j := claimJSON{
		claimItemJSON: newClaimItemJSON(c),
		Tags:          c.TagNames(),
		Sources:       jsonList(c.Sources, h.newSourceJSON),
		Verdicts:      jsonList(c.Verdicts, newVerdictJSON),
		Corrections:   jsonList(c.Corrections, newCorrectionJSON),
	}
	if v := c.CurrentVerdict(); v != nil {
		j.Rating = &v.RatingSlug
	}
	return j
}

// sourceJSON is one piece of evidence.
type sourceJSON struct {
	ID          uint    `json:"id"`
	ClaimID     uint    `json:"claim_id"`
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Outlet      string  `json:"outlet"`
	PublishedAt *string `json:"published_at"`
	Kind        string  `json:"kind"`
	Stance      string  `json:"stance"`
	Excerpt     string  `json:"excerpt"`
	Locator     string  `json:"locator"`
	// Language is the source's BCP 47 language tag, "" when not known.
	Language  string `json:"language"`
	CreatedBy *uint  `json:"created_by"`
	CreatedAt string `json:"created_at"`
	UpdatedAt string `json:"updated_at"`
	// Revision counts the source's edits; its ETag follows it.
	Revision int `json:"revision"`
	// Archive is the snapshot of URL.
	Archive archiveJSON `json:"archive"`
	// Files are the files attached to the source, oldest first.
	Files []fileJSON `json:"files"`
	// Link is what the link checker last found at URL; Wayback the
	// Internet Archive's copy (see api_source_link_json.go).
	Link    linkJSON    `json:"link"`
	Wayback waybackJSON `json:"wayback"`
}

// newSourceJSON converts one source.
func (h *Handler) newSourceJSON(s *models.Source) sourceJSON {
	return sourceJSON{
		ID: s.ID, ClaimID: s.ClaimID, URL: s.URL, Title: s.Title, Outlet: s.Outlet, PublishedAt: dateJSON(s.PublishedAt),
		Kind: string(s.Kind), Stance: string(s.Stance), Excerpt: s.Excerpt, Locator: s.Locator, Language: s.Language, CreatedBy: s.CreatedBy,
		CreatedAt: stampJSON(s.CreatedAt), UpdatedAt: stampJSON(s.UpdatedAt), Revision: s.Revision,
		Archive: h.newArchiveJSON(s), Link: newLinkJSON(s), Wayback: newWaybackJSON(s),
		Files: jsonList(s.Files, h.newFileJSON),
	}
}

// archiveJSON says where the archiving of a source's URL stands. Status
// is queued, archived, refused or failed; the snapshot's fields are null
// until there is one, and Error is null unless the last attempt failed.
type archiveJSON struct {
	Status string `json:"status"`
	// SHA256 names the bytes kept (64 hex digits); URL is where they are
	// served (/archive/{sha256}); FinalURL is the address that answered
	// after redirects; FetchedAt when (RFC 3339, UTC).
	SHA256      *string `json:"sha256"`
	URL         *string `json:"url"`
	FinalURL    *string `json:"final_url"`
	ContentType *string `json:"content_type"`
	Size        *int64  `json:"size"`
	FetchedAt   *string `json:"fetched_at"`
	Error       *string `json:"error"`
}

// newArchiveJSON converts a source's archive.
func (h *Handler) newArchiveJSON(s *models.Source) archiveJSON {
	out := archiveJSON{Status: string(s.ArchiveStatus)}
	if out.Status == "" {
		out.Status = string(models.ArchiveQueued)
	}
	if s.ArchiveError != "" {
		out.Error = &s.ArchiveError
	}
	if snap := s.ArchiveSnapshot; snap != nil {
		u := h.absURL(components.ArchivePath(snap.SHA256))
		at := stampJSON(snap.FetchedAt)
		out.SHA256, out.URL, out.FinalURL, out.ContentType, out.Size, out.FetchedAt = &snap.SHA256, &u, &snap.FinalURL, &snap.ContentType, &snap.Size, &at
	}
	return out
}

// verdictJSON is one verdict with the reviews of all its versions.
type verdictJSON struct {
	ID          uint   `json:"id"`
	ClaimID     uint   `json:"claim_id"`
	Rating      string `json:"rating"`
	RatingLabel string `json:"rating_label"`
	Headline    string `json:"headline"`
	Explanation string `json:"explanation"`
	// Language is the BCP 47 tag of the headline's and explanation's
	// language, "" when not known.
	Language string `json:"language"`
	Status   string `json:"status"`
	Version  int    `json:"version"`
	AuthorID *uint  `json:"author_id"`
	// ReviewerCount is how many approvals counted when it was published.
	ReviewerCount int          `json:"reviewer_count"`
	PublishedAt   *string      `json:"published_at"`
	CreatedAt     string       `json:"created_at"`
	UpdatedAt     string       `json:"updated_at"`
	Reviews       []reviewJSON `json:"reviews"`
}

// newVerdictJSON converts one verdict with the reviews loaded with it.
func newVerdictJSON(v *models.Verdict) verdictJSON {
	return verdictJSON{
		ID: v.ID, ClaimID: v.ClaimID, Rating: v.RatingSlug, RatingLabel: v.RatingLabel, Headline: v.Headline,
		Explanation: v.Explanation, Language: v.Language, Status: string(v.Status), Version: v.Version, AuthorID: v.AuthorID, ReviewerCount: v.ReviewerCount,
		PublishedAt: optStampJSON(v.PublishedAt), CreatedAt: stampJSON(v.CreatedAt), UpdatedAt: stampJSON(v.UpdatedAt),
		Reviews: jsonList(v.Reviews, newReviewJSON),
	}
}

// reviewJSON is one reviewer's decision on one version of a verdict.
type reviewJSON struct {
	ID         uint   `json:"id"`
	VerdictID  uint   `json:"verdict_id"`
	ReviewerID *uint  `json:"reviewer_id"`
	Version    int    `json:"version"`
	Decision   string `json:"decision"`
	Comment    string `json:"comment"`
	CreatedAt  string `json:"created_at"`
}

// newReviewJSON converts one review.
func newReviewJSON(r *models.Review) reviewJSON {
	return reviewJSON{ID: r.ID, VerdictID: r.VerdictID, ReviewerID: r.ReviewerID, Version: r.Version,
		Decision: string(r.Decision), Comment: r.Comment, CreatedAt: stampJSON(r.CreatedAt)}
}

// correctionJSON is one public note on a claim; rating changes name both
// ratings by label.
type correctionJSON struct {
	ID        uint    `json:"id"`
	ClaimID   uint    `json:"claim_id"`
	Kind      string  `json:"kind"`
	Note      string  `json:"note"`
	OldRating *string `json:"old_rating"`
	NewRating *string `json:"new_rating"`
	AuthorID  *uint   `json:"author_id"`
	CreatedAt string  `json:"created_at"`
}

// newCorrectionJSON converts one correction.
func newCorrectionJSON(k *models.Correction) correctionJSON {
	return correctionJSON{ID: k.ID, ClaimID: k.ClaimID, Kind: string(k.Kind), Note: views.CorrectionNoteEnglish(k),
		OldRating: textOrNull(k.OldRating), NewRating: textOrNull(k.NewRating), AuthorID: k.AuthorID, CreatedAt: stampJSON(k.CreatedAt)}
}

// eventJSON is one entry of a claim's history; before and after are the
// objects the audit log recorded, or null.
type eventJSON struct {
	ID     uint            `json:"id"`
	At     string          `json:"at"`
	Actor  string          `json:"actor"`
	Action string          `json:"action"`
	Before json.RawMessage `json:"before"`
	After  json.RawMessage `json:"after"`
}

// newEventJSON converts one audit event, leaving out where it came from.
func newEventJSON(e *models.AuditEvent) eventJSON {
	return eventJSON{ID: e.ID, At: stampJSON(e.At), Actor: e.Actor, Action: e.Action, Before: rawOrNull(e.Before), After: rawOrNull(e.After)}
}

// ratingJSON is one step of the rating scale.
type ratingJSON struct {
	Slug        string `json:"slug"`
	Label       string `json:"label"`
	Description string `json:"description"`
	Position    int    `json:"position"`
	Ordered     bool   `json:"ordered"`
	// Revision counts the rating's edits; its ETag follows it.
	Revision int `json:"revision"`
}

// personJSON is one speaker: a person or an organisation that makes
// claims.
type personJSON struct {
	ID   uint   `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	// Kind is "person" or "organization".
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Affiliation string `json:"affiliation"`
	Description string `json:"description"`
	// Claims counts the speaker's claims, whatever their status;
	// PublicClaims those published or retracted.
	Claims       int64  `json:"claims"`
	PublicClaims int    `json:"public_claims"`
	CreatedAt    string `json:"created_at"`
	UpdatedAt    string `json:"updated_at"`
	// Revision counts the speaker's edits; their ETag follows it.
	Revision int `json:"revision"`
}

// newPersonJSON converts one speaker, who has claims claims.
func newPersonJSON(p *models.Person, claims int64) personJSON {
	return personJSON{ID: p.ID, Slug: p.Slug, Name: p.Name, Kind: string(p.Kind), Title: p.Title, Affiliation: p.Affiliation,
		Description: p.Description, Claims: claims, PublicClaims: p.PublicClaims,
		CreatedAt: stampJSON(p.CreatedAt), UpdatedAt: stampJSON(p.UpdatedAt), Revision: p.Revision}
}

// newRatingJSON converts one rating.
func newRatingJSON(r *models.Rating) ratingJSON {
	return ratingJSON{Slug: r.Slug, Label: r.Label, Description: r.Description, Position: r.Position, Ordered: r.Ordered, Revision: r.Revision}
}
