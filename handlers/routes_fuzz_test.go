package handlers_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/models/modelstest"
	"claimtracker/static"
)

// The tests here drive every route of the app, as an anonymous reader, an
// editor and an admin, with a valid request of which one part (a path
// parameter, a query parameter, a form or JSON field, or the whole query or
// body) is replaced by arbitrary bytes. Whatever is sent, the answer must
// not be a server error: bad input gets a 4xx.

// routeField is one query parameter, form field or JSON member of a valid
// request. JSON sends value as it is (a string, a list of strings, a number
// or a bool); forms and queries send its text.
type routeField struct {
	name  string
	value any
}

// routeSpec is the valid request a route takes.
type routeSpec struct {
	query []routeField
	body  []routeField
}

func str(name, value string) routeField { return routeField{name, value} }

var (
	claimBody = []routeField{str("text", "The deficit fell by half in four years"), str("summary", "The deficit fell by half"),
		str("speaker", "Dana Speaker"), str("speaker_kind", "person"), str("said_at", "2020-05-01"), str("setting", "A budget speech"),
		str("appearance_url", "https://example.org/speech"), str("tags", "Economy, budget")}
	sourceBody = []routeField{str("url", "https://example.org/figures"), str("title", "The figures"), str("outlet", "The Daily"),
		str("published_at", "2020-05-02"), str("kind", "news_report"), str("stance", "contradicts"),
		str("excerpt", "It rose.\nIt did not fall."), str("locator", "table 2")}
	verdictBody = []routeField{str("rating", "false"), str("headline", "It rose"), str("explanation", "The figures show a **rise**.")}
	ratingBody  = []routeField{str("label", "Pants on fire"), str("description", "Not even close."), str("position", "9"), str("ordered", "true")}
	personBody  = []routeField{str("name", "Dana Speaker-Smith"), str("kind", "person"), str("title", "Finance minister"),
		str("affiliation", "Harbour Party"), str("description", "Minister since 2021.\nBefore that, a mayor.")}
)

// jsonBody turns form fields into JSON members of the API's types.
func jsonBody(fields []routeField) []routeField {
	out := make([]routeField, 0, len(fields))
	for _, f := range fields {
		switch f.name {
		case "tags":
			out = append(out, routeField{f.name, strings.Split(f.value.(string), ", ")})
		case "position":
			out = append(out, routeField{f.name, 9})
		case "ordered":
			out = append(out, routeField{f.name, true})
		default:
			out = append(out, f)
		}
	}
	return out
}

// routeSpecs are the valid requests of the routes that take input. A route
// missing here is still driven, with generic fields.
var routeSpecs = map[string]routeSpec{
	"GET /":                               {query: []routeField{str("rating", "false"), str("person", "dana-speaker"), str("tag", "economy"), str("page", "1")}},
	"GET /search":                         {query: []routeField{str("q", "deficit"), str("page", "1")}},
	"GET /api/v1/public/claims":           {query: []routeField{str("rating", "false"), str("person", "dana-speaker"), str("tag", "economy"), str("page", "1")}},
	"GET /login":                          {query: []routeField{str("next", "/desk")}},
	"POST /login":                         {body: []routeField{str("email", "editor@example.org"), str("password", modelstest.Password), str("next", "/desk")}},
	"GET /setup":                          {query: []routeField{str("token", "setup-secret")}},
	"POST /setup":                         {body: []routeField{str("token", "setup-secret"), str("name", "First"), str("email", "first@example.org"), str("password", "a long enough password")}},
	"GET /desk/claims":                    {query: []routeField{str("status", "draft"), str("mine", "1"), str("offset", "0")}},
	"GET /desk/claims/new":                {query: []routeField{str("text", "The deficit fell"), str("speaker", "Dana Speaker"), str("said_at", "2020-05-01"), str("article_id", "1")}},
	"GET /desk/claims/similar":            {query: []routeField{str("text", "The deficit fell by half"), str("exclude", "1")}},
	"GET /desk/claims/:id":                {query: []routeField{str("done", "claim-logged")}},
	"POST /desk/articles":                 {body: []routeField{str("url", "https://example.org/a"), str("title", "Budget day"), str("outlet", "The Daily"), str("published_at", "2020-05-02"), str("author", "Sam Writer"), str("text", "The minister said: \"The deficit fell by half.\"\r\nIt did not.")}},
	"POST /desk/claims":                   {body: append(slices.Clone(claimBody), str("article_id", "1"))},
	"POST /desk/claims/:id":               {body: append(slices.Clone(claimBody), str("revision", "1"))},
	"POST /desk/claims/:id/sources":       {body: sourceBody},
	"POST /desk/claims/:id/verdicts":      {body: verdictBody},
	"POST /desk/claims/:id/corrections":   {body: []routeField{str("kind", "clarification"), str("note", "We clarified the date.")}},
	"POST /desk/claims/:id/retract":       {body: []routeField{str("note", "The quote was misattributed.")}},
	"POST /desk/claims/:id/delete":        {body: []routeField{str("revision", "1"), str("confirm", "true")}},
	"POST /desk/articles/:id/delete":      {body: []routeField{str("confirm", "true")}},
	"POST /desk/sources/:id":              {body: append(slices.Clone(sourceBody), str("revision", "1"))},
	"POST /desk/sources/:id/delete":       {body: []routeField{str("revision", "1")}},
	"POST /desk/verdicts/:id":             {body: append(slices.Clone(verdictBody), str("version", "1"))},
	"POST /desk/verdicts/:id/reviews":     {body: []routeField{str("decision", "request_changes"), str("comment", "Name the second source."), str("version", "1")}},
	"GET /admin/users/:id":                {query: []routeField{str("done", "created")}},
	"POST /admin/users":                   {body: []routeField{str("name", "New Person"), str("email", "new@example.org"), str("role", "editor"), str("password", "a long enough password")}},
	"POST /admin/users/:id":               {body: []routeField{str("role", "reviewer"), str("disabled", "false")}},
	"POST /admin/users/:id/tokens":        {body: []routeField{str("name", "A script")}},
	"POST /admin/ratings":                 {body: ratingBody},
	"POST /admin/ratings/:slug":           {body: append(slices.Clone(ratingBody), str("revision", "1"))},
	"POST /admin/settings":                {body: []routeField{str("organization_name", "The Checkers"), str("organization_url", "https://example.org"), str("corrections_policy", "We correct.\n\nAlways."), str("revision", "1")}},
	"GET /api/v1/claims":                  {query: []routeField{str("status", "draft"), str("page", "1")}},
	"POST /api/v1/articles":               {body: []routeField{str("url", "https://example.org/b"), str("title", "Budget day"), str("outlet", "The Daily"), str("author", "Sam Writer"), str("published_at", "2020-05-02"), str("text", "The minister said: \"The deficit fell by half.\"")}},
	"POST /api/v1/claims":                 {body: append(jsonBody(claimBody), routeField{"article_id", 1})},
	"PATCH /api/v1/claims/:id":            {body: jsonBody(claimBody)},
	"POST /api/v1/claims/:id/sources":     {body: sourceBody},
	"POST /api/v1/claims/:id/verdicts":    {body: verdictBody},
	"POST /api/v1/claims/:id/corrections": {body: []routeField{str("kind", "clarification"), str("note", "We clarified the date.")}},
	"POST /api/v1/claims/:id/retract":     {body: []routeField{str("note", "The quote was misattributed.")}},
	"PATCH /api/v1/sources/:id":           {body: sourceBody},
	"PATCH /api/v1/verdicts/:id":          {body: verdictBody},
	"POST /api/v1/verdicts/:id/reviews":   {body: []routeField{str("decision", "request_changes"), str("comment", "Name the second source."), routeField{"version", 1}}},
	"POST /api/v1/ratings":                {body: jsonBody(ratingBody)},
	"PATCH /api/v1/ratings/:slug":         {body: jsonBody(ratingBody)},
	"GET /desk/people":                    {query: []routeField{str("q", "speaker"), str("offset", "50")}},
	"GET /desk/people/:id":                {query: []routeField{str("done", "person-merged")}},
	"POST /desk/people/:id":               {body: append(slices.Clone(personBody), str("revision", "1"))},
	"POST /desk/people/:id/merge":         {body: []routeField{str("into", "Pat Speaker"), str("revision", "1")}},
	"POST /desk/people/:id/delete":        {body: []routeField{str("revision", "1")}},
	"GET /api/v1/people":                  {query: []routeField{str("q", "speaker"), str("page", "1")}},
	"PATCH /api/v1/people/:id":            {body: personBody},
	"POST /api/v1/people/:id/merge":       {body: []routeField{{"into", 1}}},
}

// genericQuery are the query parameters any route may be sent, besides its own.
var genericQuery = []string{"q", "page", "tag", "rating", "person", "status", "next", "token", "done", "text", "offset"}

// genericBody are the fields sent to a route that changes something but has
// no spec.
var genericBody = []routeField{str("name", "x"), str("text", "x"), str("title", "x"), str("note", "x"), str("email", "x@example.org")}

// Who sends a request.
const (
	whoAnonymous = iota
	whoEditor
	whoAdmin
	whoCount
)

var whoNames = [whoCount]string{"anonymous", "editor", "admin"}

// Where the fuzzed value goes: mode%4.
const (
	slotBody = iota
	slotQuery
	slotPath
	slotRaw // the whole body, or the whole query of a request without one
	slotKinds
)

// routeRig is the app on one engine with an object of every kind for the
// routes' path parameters, and the identities that drive them.
type routeRig struct {
	engine string
	env    *apiEnv
	routes []echo.Route
	// sessions and tokens are the cookie and bearer token of each identity.
	sessions, tokens [whoCount]string
	users            [whoCount]*models.User
	// Objects the routes act on.
	article, draft, pubChanged, source, verdict, target, targetToken, person uint
	pubSlug, personSlug                                                      string
	// protected are ids that a fuzzed path must not name, so that the
	// identities cannot be disabled or lose their tokens mid-run.
	protectedUsers, protectedTokens map[uint]bool
	http                            *http.Client
}

func newRouteRig(t testing.TB, engine string) *routeRig {
	t.Helper()
	env := newAPIEnv(t, engine)
	g := &routeRig{engine: engine, env: env, protectedUsers: map[uint]bool{}, protectedTokens: map[uint]bool{}}
	g.http = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	ctx := context.Background()
	for _, rt := range env.echo.Routes() {
		if rt.Method != "echo_route_not_found" {
			g.routes = append(g.routes, *rt)
		}
	}
	slices.SortFunc(g.routes, func(a, b echo.Route) int { return strings.Compare(a.Method+" "+a.Path, b.Method+" "+b.Path) })
	g.users[whoEditor], g.users[whoAdmin] = env.users[asEditor], env.users[asAdmin]
	g.tokens[whoEditor], g.tokens[whoAdmin] = env.tokens[asEditor], env.tokens[asAdmin]
	for who := whoEditor; who < whoCount; who++ {
		var err error
		if g.sessions[who], err = g.session(who); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range env.users {
		g.protectedUsers[u.ID] = true
		toks, err := env.store.ListAPITokens(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range toks {
			g.protectedTokens[k.ID] = true
		}
	}
	a, err := env.store.CreateArticle(ctx, env.users[asEditor], models.Meta{}, models.ArticleInput{
		URL: "https://example.org/news/1", Title: "Budget day", Text: "The minister said: \"The deficit fell by half.\"",
	})
	if err != nil {
		t.Fatal(err)
	}
	g.article = a.ID
	d := env.draft(t, asEditor, "The deficit fell by half")
	g.draft = d.ID
	g.source = env.source(t, d.ID).ID
	g.verdict = env.verdict(t, asAuthor, env.draft(t, asAuthor, "Taxes went down").ID).ID
	shown := env.published(t, "Wages rose by ten percent")
	g.pubSlug = shown.Slug
	g.pubChanged = env.published(t, "Crime fell sharply").ID
	full, err := env.store.GetClaim(ctx, shown.ID)
	if err != nil {
		t.Fatal(err)
	}
	g.personSlug = full.Person.Slug
	fuzzed, err := env.store.CreatePerson(ctx, env.users[asEditor], models.Meta{}, models.PersonInput{Name: "Fuzz Speaker"})
	if err != nil {
		t.Fatal(err)
	}
	g.person = fuzzed.ID
	target := modelstest.User(t, env.store, "target@example.org", models.RoleEditor)
	g.target = target.ID
	if _, _, err := env.store.CreateAPIToken(ctx, nil, models.Meta{}, "target@example.org", "target"); err != nil {
		t.Fatal(err)
	}
	toks, err := env.store.ListAPITokens(ctx, target.ID)
	if err != nil || len(toks) != 1 {
		t.Fatalf("target tokens: %v %v", toks, err)
	}
	g.targetToken = toks[0].ID
	return g
}

// session signs who in and returns the session cookie's value.
func (g *routeRig) session(who int) (string, error) {
	tok, _, err := g.env.store.Login(context.Background(), models.Meta{}, g.users[who].Email, modelstest.Password)
	if err != nil {
		return "", fmt.Errorf("%s: sign in %s: %w", g.engine, whoNames[who], err)
	}
	return tok, nil
}

// fixture is the valid value of a route's path parameter.
func (g *routeRig) fixture(rt echo.Route, param string) string {
	id := func(n uint) string { return strconv.FormatUint(uint64(n), 10) }
	p := rt.Path
	switch {
	case param == "*":
		return strings.TrimPrefix(static.URL("style.css"), static.Prefix)
	case param == "name":
		return "pages.xml"
	case strings.HasPrefix(p, "/people/"):
		return g.personSlug
	case strings.HasSuffix(p, "/ratings/:slug"):
		return "false"
	case strings.Contains(p, "/people/"):
		return id(g.person)
	case strings.HasPrefix(p, "/claims/") || strings.HasPrefix(p, "/api/v1/public/claims/"):
		return g.pubSlug
	case strings.HasSuffix(p, "/retract") || strings.HasSuffix(p, "/corrections"):
		return id(g.pubChanged)
	case strings.Contains(p, "/claims/"):
		return id(g.draft)
	case strings.Contains(p, "/articles/"):
		return id(g.article)
	case strings.Contains(p, "/sources/"):
		return id(g.source)
	case strings.Contains(p, "/verdicts/"):
		return id(g.verdict)
	case strings.Contains(p, "/users/"):
		return id(g.target)
	case strings.Contains(p, "/tokens/"):
		return id(g.targetToken)
	}
	return "1"
}

// routeParams lists a route path's parameters in order.
func routeParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		switch {
		case strings.HasPrefix(seg, ":"):
			out = append(out, seg[1:])
		case seg == "*":
			out = append(out, "*")
		}
	}
	return out
}

// probe is one request that drive sends.
type probe struct {
	route      int
	who        int
	mode, pick uint8
	value      []byte
}

// slots lists where a fuzzed value may go in a request to rt.
func (g *routeRig) slots(rt echo.Route) (path, query, body []string) {
	path = routeParams(rt.Path)
	spec := routeSpecs[rt.Method+" "+rt.Path]
	for _, f := range spec.query {
		query = append(query, f.name)
	}
	for _, n := range genericQuery {
		if !slices.Contains(query, n) {
			query = append(query, n)
		}
	}
	for _, f := range g.body(rt) {
		body = append(body, f.name)
	}
	return path, query, body
}

func (g *routeRig) body(rt echo.Route) []routeField {
	if spec, ok := routeSpecs[rt.Method+" "+rt.Path]; ok {
		return spec.body
	}
	if rt.Method == http.MethodGet {
		return nil
	}
	return genericBody
}

// drive sends one request to g.routes[p.route] as p.who with p.value in the
// slot that p.mode and p.pick choose, and fails t on a server error. It
// returns the status. It does not stop t, so that rigs may drive at once.
func (g *routeRig) drive(t *testing.T, p probe) int {
	t.Helper()
	rt := g.routes[p.route%len(g.routes)]
	who := p.who % whoCount
	pathSlots, querySlots, bodySlots := g.slots(rt)
	hasBody := rt.Method != http.MethodGet
	kind := int(p.mode % slotKinds)
	// A kind with no slot in this route falls to the next one.
	for range slotKinds {
		if (kind == slotBody && len(bodySlots) > 0) || kind == slotQuery || (kind == slotPath && len(pathSlots) > 0) || kind == slotRaw {
			break
		}
		kind = (kind + 1) % slotKinds
	}
	value := string(p.value)
	where := ""

	// The path.
	var path strings.Builder
	for _, seg := range strings.Split(rt.Path, "/")[1:] {
		path.WriteByte('/')
		name := ""
		switch {
		case strings.HasPrefix(seg, ":"):
			name = seg[1:]
		case seg == "*":
			name = "*"
		default:
			path.WriteString(seg)
			continue
		}
		v := g.fixture(rt, name)
		if kind == slotPath && pathSlots[int(p.pick)%len(pathSlots)] == name {
			where = "path :" + name
			v = value
			if n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64); err == nil && (g.protectedUsers[uint(n)] || g.protectedTokens[uint(n)]) {
				v = g.fixture(rt, name)
			}
			if p.pick&0x80 != 0 {
				path.WriteString(looseEscape(v, "?")) // malformed escapes, "..", "/" pass through
				continue
			}
		}
		path.WriteString(url.PathEscape(v))
	}

	// The query.
	q := url.Values{}
	for _, f := range routeSpecs[rt.Method+" "+rt.Path].query {
		q.Set(f.name, fmt.Sprint(f.value))
	}
	rawQuery := ""
	switch {
	case kind == slotQuery:
		name := querySlots[int(p.pick)%len(querySlots)]
		where = "query " + name
		q.Set(name, value)
		rawQuery = q.Encode()
	case kind == slotRaw && !hasBody:
		where = "raw query"
		rawQuery = looseEscape(value, "")
	default:
		rawQuery = q.Encode()
	}

	// The body.
	api := strings.HasPrefix(rt.Path, "/api/")
	var body io.Reader
	ctype := ""
	if hasBody {
		fields := g.body(rt)
		bad := ""
		if kind == slotBody {
			bad = bodySlots[int(p.pick)%len(bodySlots)]
			where = "field " + bad
		}
		switch {
		case kind == slotRaw:
			where = "raw body"
			body = strings.NewReader(value)
			ctype = "application/x-www-form-urlencoded"
			if api {
				ctype = "application/json"
			}
		case api:
			body, ctype = strings.NewReader(rawJSON(fields, bad, value)), "application/json"
		default:
			form := url.Values{}
			for _, f := range fields {
				form.Set(f.name, fmt.Sprint(f.value))
			}
			if bad != "" {
				form.Set(bad, value)
			}
			if p.mode&0x04 != 0 {
				var buf strings.Builder
				mw := multipart.NewWriter(&buf)
				for name, vs := range form {
					_ = mw.WriteField(name, vs[0])
				}
				_ = mw.Close()
				body, ctype = strings.NewReader(buf.String()), mw.FormDataContentType()
			} else {
				body, ctype = strings.NewReader(form.Encode()), "application/x-www-form-urlencoded"
			}
		}
	}

	target := g.env.URL + path.String()
	if rawQuery != "" {
		target += "?" + rawQuery
	}
	req, err := http.NewRequestWithContext(context.Background(), rt.Method, target, body)
	if err != nil {
		// A value the client cannot put in a URL: send it escaped instead.
		return g.drive(t, probe{route: p.route, who: p.who, mode: p.mode, pick: p.pick &^ 0x80, value: []byte(url.QueryEscape(value))})
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	sess := g.sessions[who]
	if who != whoAnonymous && rt.Method == http.MethodPost && (rt.Path == "/login" || rt.Path == "/logout") {
		// These end the session they are sent with: send a spare.
		if sess, err = g.session(who); err != nil {
			t.Error(err)
			return 0
		}
	}
	if who != whoAnonymous {
		if api {
			req.Header.Set("Authorization", "Bearer "+g.tokens[who])
		} else {
			req.AddCookie(&http.Cookie{Name: "claimtracker_session", Value: sess})
		}
	}
	res, err := g.http.Do(req)
	if err != nil {
		t.Errorf("%s: %s %s: %v", g.engine, rt.Method, target, err)
		return 0
	}
	b, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	_ = res.Body.Close()
	if res.StatusCode >= 500 {
		t.Errorf("%s: %s %s as %s with %q in %s: %d\n%s", g.engine, rt.Method, rt.Path, whoNames[who], value, where, res.StatusCode, firstLine(b))
	}
	return res.StatusCode
}

func firstLine(b []byte) string {
	s := string(b)
	if i := strings.Index(s, "<main"); i >= 0 {
		s = s[i:]
	}
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

// looseEscape escapes only what a URL cannot hold at all, and the
// characters in also, so that "%zz", "%00", "..", "/", "&" and "=" reach
// the server as sent.
func looseEscape(s, also string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '#' || strings.IndexByte(also, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// rawJSON writes fields as a JSON object with member bad holding value,
// byte for byte: invalid UTF-8 is sent as it is, not replaced.
func rawJSON(fields []routeField, bad, value string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(f.name))
		b.WriteByte(':')
		v := f.value
		if f.name == bad {
			if _, isList := v.([]string); isList {
				b.WriteString("[" + jsonBytes(value) + "]")
			} else {
				b.WriteString(jsonBytes(value))
			}
			continue
		}
		switch x := v.(type) {
		case string:
			b.WriteString(jsonBytes(x))
		case []string:
			parts := make([]string, len(x))
			for i, s := range x {
				parts[i] = jsonBytes(s)
			}
			b.WriteString("[" + strings.Join(parts, ",") + "]")
		default:
			fmt.Fprint(&b, x)
		}
	}
	b.WriteByte('}')
	return b.String()
}

// jsonBytes quotes s as a JSON string, escaping quotes, backslashes and
// control characters (so "\x00" is sent as \u0000) and nothing else.
func jsonBytes(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// nasty are values that broke, or could break, a route.
var nasty = []string{
	"\x00", "a\x00b", "\x02forged\x03", "\u202eevil", "\u2066x", "\xff\xfe", "\xc3", "e\u0301", "line\r\nbreak",
	"%00", "%zz", "..", "../../etc/passwd", "9999999999999999999999", "-1", "0", "1e9", "'\"<script>",
	"\u2028", "\ufeff", "\x7f", "\u0085", strings.Repeat("a", 3000), "",
}

// seedValues are the nasty values every route gets as a seed, besides NUL.
var seedValues = []string{"\x02forged\x03", "\u202eevil", "\xff\xfe", "%zz%00", "line\r\nbreak", "9999999999999999999999", "../x", strings.Repeat("a", 3000)}

// textRunes are what random valid text is made of.
var textRunes = []rune("abcxyzABCXYZ0123456789 -_.,:;'\"/\\?&=%#@!()[]{}<>*+~é中ßд😀\u00a0\u200f")

// randomValue draws a value from nasty pieces, random bytes and random
// valid text.
func randomValue(r *rand.Rand) []byte {
	var b []byte
	for range 1 + r.IntN(3) {
		switch r.IntN(3) {
		case 0:
			b = append(b, nasty[r.IntN(len(nasty))]...)
		case 1:
			for range r.IntN(24) {
				b = append(b, byte(r.IntN(256)))
			}
		default:
			for range r.IntN(40) {
				b = utf8.AppendRune(b, textRunes[r.IntN(len(textRunes))])
			}
		}
	}
	return b
}

// reach is the least of the driving identities whose requests to rt get
// past its role check. A wrong guess costs coverage, not correctness.
func reach(rt echo.Route) int {
	p := rt.Path
	switch {
	case strings.HasPrefix(p, "/admin/"), strings.HasSuffix(p, "/retract"), strings.HasSuffix(p, "/reviews"), p == "/desk/review",
		strings.HasPrefix(p, "/api/v1/ratings") && rt.Method != http.MethodGet,
		strings.Contains(p, "/people/") && (strings.HasSuffix(p, "/merge") || strings.HasSuffix(p, "/delete") || rt.Method == http.MethodDelete):
		return whoAdmin
	case strings.HasPrefix(p, "/desk"), strings.HasPrefix(p, "/api/v1/") && !strings.HasPrefix(p, "/api/v1/public/"):
		return whoEditor
	}
	return whoAnonymous
}

// seeds are the fuzz seeds: every route, as the identity that reaches it,
// with NUL in each path parameter, field and query parameter of its valid
// request, in one other query parameter, and as the whole body or query;
// as each other identity with NUL in one slot; and the seedValues spread
// over its slots.
func (g *routeRig) seeds() []probe {
	var out []probe
	for i, rt := range g.routes {
		pathSlots, _, bodySlots := g.slots(rt)
		own := len(routeSpecs[rt.Method+" "+rt.Path].query)
		main := reach(rt)
		counts := [slotKinds]int{slotBody: len(bodySlots), slotQuery: own + 1, slotPath: len(pathSlots), slotRaw: 1}
		for kind, n := range counts {
			for pick := range n {
				out = append(out, probe{route: i, who: main, mode: uint8(kind), pick: uint8(pick), value: []byte("\x00")})
			}
		}
		for who := range whoCount {
			if who != main {
				out = append(out, probe{route: i, who: who, mode: uint8(who % slotKinds), pick: uint8(own + who), value: []byte("\x00")})
			}
		}
		for j, v := range seedValues {
			p := probe{route: i, who: main, mode: uint8(j % slotKinds), pick: uint8(j / slotKinds), value: []byte(v)}
			if p.mode == slotPath {
				p.pick |= 0x80 // as sent: "%00", "%zz" and ".." unescaped
			}
			out = append(out, p)
		}
	}
	return out
}

// FuzzRoutes drives every route with arbitrary bytes in one part of a
// valid request and fails on any 5xx, on every engine under test. The seed
// corpus (NUL in every slot of every route, and other values that broke
// routes) runs with go test; go test -fuzz FuzzRoutes explores further.
func FuzzRoutes(f *testing.F) {
	var rigs []*routeRig
	for _, engine := range modelstest.Engines() {
		rigs = append(rigs, newRouteRig(f, engine))
	}
	for _, p := range rigs[0].seeds() {
		f.Add(uint16(p.route), uint8(p.who), p.mode, p.pick, p.value)
	}
	f.Fuzz(func(t *testing.T, route uint16, who, mode, pick uint8, value []byte) {
		var wg sync.WaitGroup
		for _, g := range rigs {
			wg.Go(func() { g.drive(t, probe{route: int(route), who: int(who), mode: mode, pick: pick, value: value}) })
		}
		wg.Wait()
	})
}

// TestEveryRouteSurvivesRandomInput is a deterministic random pass over
// every route: a fixed seed, so a failure repeats.
func TestEveryRouteSurvivesRandomInput(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			g := newRouteRig(t, engine)
			r := rand.New(rand.NewPCG(7, 11))
			statuses := map[int]int{}
			for i, rt := range g.routes {
				// Twice as the identity that gets past the route's role
				// check, once as another.
				for j, who := range []int{reach(rt), reach(rt), (reach(rt) + 1 + i) % whoCount} {
					p := probe{route: i, who: who, mode: uint8(r.IntN(256)), pick: uint8(r.IntN(256)), value: randomValue(r)}
					if j == 0 {
						p.mode = uint8(i % slotKinds) // every kind of slot in turn
					}
					statuses[g.drive(t, p)]++
				}
			}
			if len(g.routes) < 60 {
				t.Errorf("drove %d routes; the app has more", len(g.routes))
			}
			t.Logf("%d routes, statuses %v", len(g.routes), statuses)
		})
	}
}
