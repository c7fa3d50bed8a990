package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"image/jpeg"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimtracker/media/mediatest"
	"claimtracker/models"
	"claimtracker/models/modelstest"
)

// multipartBody is a multipart/form-data body (RFC 7578) holding the
// given fields and, unless name is "", one file in the field "file"; it
// returns the body and its Content-Type.
func multipartBody(t testing.TB, fields url.Values, name string, data []byte) (string, string) {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	if err := w.SetBoundary("claimtracker-test-boundary"); err != nil {
		t.Fatal(err)
	}
	for k, vs := range fields {
		for _, v := range vs {
			if err := w.WriteField(k, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if name != "" {
		// The part says the file is a PNG whatever it holds: the server
		// must not believe it.
		h := make(map[string][]string)
		h["Content-Disposition"] = []string{fmt.Sprintf(`form-data; name="file"; filename=%q`, name)}
		h["Content-Type"] = []string{"image/png"}
		part, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := part.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String(), w.FormDataContentType()
}

// upload posts a file to a source through the API as who.
func (e *apiEnv) upload(t *testing.T, who string, sourceID uint, name string, data []byte) apiResult {
	t.Helper()
	body, ctype := multipartBody(t, nil, name, data)
	return e.send(t, who, http.MethodPost, apiPath("/sources/%d/files", sourceID), strings.NewReader(body), ctype)
}

// newAPIEnvOn is newAPIEnv on a store opened with cfg.
func newAPIEnvOn(t *testing.T, engine string, cfg models.Config) *apiEnv {
	t.Helper()
	cfg.Logger = slog.New(slog.DiscardHandler)
	e := &apiEnv{testServer: newServerOn(t, modelstest.Open(t, engine, cfg)), users: map[string]*models.User{}, tokens: map[string]string{}}
	e.http = e.client(t)
	for name, role := range map[string]models.Role{asEditor: models.RoleEditor, asReviewer: models.RoleReviewer, asAdmin: models.RoleAdmin, asAuthor: models.RoleEditor} {
		email := name + "@example.org"
		e.users[name] = modelstest.User(t, e.store, email, role)
		tok, _, err := e.store.CreateAPIToken(context.Background(), nil, models.Meta{}, email, "tests")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[name] = tok
	}
	return e
}

// Every kept type goes up through the API and comes back in the file
// list, the source and the claim; a program named .png is refused with
// its type named; a JPEG's GPS is gone from what is kept.
func TestAPIUploadsEachAllowedType(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.draft(t, asAuthor, "A draft with evidence")
			src := e.source(t, c.ID)
			for _, sm := range mediatest.Samples() {
				r := e.upload(t, asEditor, src.ID, sm.Name, sm.Data)
				sha := models.SHA256Hex(sm.Data)
				apiExpect(t, sm.Name, r, http.StatusCreated, map[string]any{
					"source_id": float64(src.ID), "sha256": sha, "original_sha256": sha, "url": e.URL + "/archive/" + sha,
					"content_type": sm.ContentType, "size": float64(len(sm.Data)), "filename": sm.Name,
					"uploaded_by": float64(e.users[asEditor].ID),
				})
				if r.header.Get("Location") != e.URL+"/archive/"+sha {
					t.Errorf("%s: Location %q", sm.Name, r.header.Get("Location"))
				}
			}
			n := len(mediatest.Samples())
			list := e.must(t, http.StatusOK, asReviewer, "GET", apiPath("/sources/%d/files", src.ID), "")
			if listLen(list) != n || list.str(t, "8.content_type") != "text/plain; charset=utf-8" {
				t.Fatalf("file list: %s", list.body)
			}
			one := e.must(t, http.StatusOK, asEditor, "GET", apiPath("/sources/%d", src.ID), "")
			if one.count(t, "files") != n || one.str(t, "files.0.filename") != "screenshot.png" {
				t.Fatalf("source JSON files: %s", one.body)
			}
			claim := e.must(t, http.StatusOK, asEditor, "GET", apiPath("/claims/%d", c.ID), "")
			if claim.count(t, "sources.0.files") != n {
				t.Fatalf("claim JSON files: %s", claim.body)
			}

			before := e.auditCount(t)
			r := e.upload(t, asEditor, src.ID, "evidence.png", mediatest.ELF())
			apiExpect(t, "a program named .png", r, http.StatusUnprocessableEntity, apiInvalid("file",
				"is a program (application/x-executable), which is not kept: PNG, JPEG, WebP, GIF, PDF, MP3, MP4, WebM or plain text"))
			if e.auditCount(t) != before {
				t.Error("a refused upload wrote an audit event")
			}

			jpeg := mediatest.JPEGWithGPS()
			r = e.upload(t, asEditor, src.ID, "IMG_0001.JPG", jpeg)
			if r.status != http.StatusCreated {
				t.Fatalf("JPEG with GPS: %d %s", r.status, r.body)
			}
			sha := r.str(t, "sha256")
			if r.str(t, "original_sha256") != models.SHA256Hex(jpeg) || sha == models.SHA256Hex(jpeg) {
				t.Fatalf("hashes of the JPEG: %s", r.body)
			}
			kept, err := e.store.Blobs().Get(context.Background(), sha)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(kept, mediatest.GPS()) || models.SHA256Hex(kept) != sha {
				t.Fatal("the kept JPEG still holds its GPS")
			}
		})
	}
}

// Refusals: 413 over the limit (with Content-Length, and without it, read
// no further than the limit), 409 once published, 404, 415, 422 without a
// file; removal works while the claim is open.
func TestAPIUploadRefusalsAndRemoval(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			const limit = 64 << 10
			e := newAPIEnvOn(t, engine, models.Config{MaxFileBytes: limit})
			c := e.draft(t, asAuthor, "A draft")
			src := e.source(t, c.ID)
			tooLarge := apiFail("too_large", "The file is larger than 64 KB, the largest this site keeps. Nothing was saved.")

			// A file just over the limit, in a body under the route's limit.
			r := e.upload(t, asEditor, src.ID, "big.txt", bytes.Repeat([]byte("a"), limit+1))
			apiExpect(t, "a file over the limit", r, http.StatusRequestEntityTooLarge, tooLarge)
			// A body over the route's limit sent without its length: cut off
			// at the limit while it is read.
			body, ctype := multipartBody(t, nil, "huge.txt", bytes.Repeat([]byte("a"), 4<<20))
			r = e.send(t, asEditor, "POST", apiPath("/sources/%d/files", src.ID), io.NopCloser(strings.NewReader(body)), ctype)
			apiExpect(t, "a body over the limit, sent without its length", r, http.StatusRequestEntityTooLarge, tooLarge)
			// With a Content-Length over the limit: 413 before the body is
			// read (the client may see the connection closed while it still
			// sends).
			req, err := http.NewRequest("POST", e.URL+apiPath("/sources/%d/files", src.ID), strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+e.tokens[asEditor])
			req.Header.Set("Content-Type", ctype)
			res, err := e.http.Do(req)
			if err == nil {
				res.Body.Close()
				if res.StatusCode != http.StatusRequestEntityTooLarge {
					t.Errorf("Content-Length over the limit: %d", res.StatusCode)
				}
			}

			apiExpect(t, "no file", e.send(t, asEditor, "POST", apiPath("/sources/%d/files", src.ID), strings.NewReader(mustBody(multipartBody(t, url.Values{"note": {"x"}}, "", nil))), "multipart/form-data; boundary=claimtracker-test-boundary"),
				http.StatusUnprocessableEntity, apiInvalid("file", "is required: send the file in the multipart/form-data field file"))
			apiExpect(t, "JSON", e.call(t, asEditor, "POST", apiPath("/sources/%d/files", src.ID), `{"file":"x"}`), http.StatusUnsupportedMediaType, nil)
			apiExpect(t, "no such source", e.upload(t, asEditor, 999999, "a.png", mediatest.PNG()), http.StatusNotFound, nil)
			apiExpect(t, "no token", e.upload(t, asNone, src.ID, "a.png", mediatest.PNG()), http.StatusUnauthorized, nil)
			if files, _ := e.store.SourceFiles(context.Background(), src.ID); len(files) != 0 {
				t.Fatalf("refusals attached %d files", len(files))
			}

			r = e.upload(t, asEditor, src.ID, "a.png", mediatest.PNG())
			id := r.id(t, "id")
			e.must(t, http.StatusNoContent, asReviewer, "DELETE", apiPath("/files/%d", id), "")
			e.must(t, http.StatusNotFound, asReviewer, "DELETE", apiPath("/files/%d", id), "")
			if listLen(e.must(t, http.StatusOK, asEditor, "GET", apiPath("/sources/%d/files", src.ID), "")) != 0 {
				t.Fatal("the removed file is still listed")
			}

			// Once the claim is published its evidence is fixed.
			r = e.upload(t, asEditor, src.ID, "b.png", mediatest.PNG())
			kept := r.id(t, "id")
			e.publish(t, c)
			apiExpect(t, "upload to a published claim", e.upload(t, asEditor, src.ID, "c.gif", mediatest.GIF()), http.StatusConflict, nil)
			apiExpect(t, "removal from a published claim", e.call(t, asEditor, "DELETE", apiPath("/files/%d", kept), ""), http.StatusConflict, nil)
		})
	}
}

func mustBody(body, _ string) string { return body }

// listLen is the length of a JSON list answered, -1 for anything else.
func listLen(r apiResult) int {
	if l, ok := r.json.([]any); ok {
		return len(l)
	}
	return -1
}

// A published claim's files are listed on its public page and in the
// public API, linking to /archive/{sha256}.
func TestPublicClaimListsSourceFiles(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newAPIEnv(t, engine)
			c := e.draft(t, asAuthor, "A claim with a screenshot")
			src := e.source(t, c.ID)
			f, err := e.store.AttachSourceFile(context.Background(), e.users[asEditor], models.Meta{}, src.ID, "screenshot <of> the post.png", mediatest.PNG())
			if err != nil {
				t.Fatal(err)
			}
			photo, err := e.store.AttachSourceFile(context.Background(), e.users[asEditor], models.Meta{}, src.ID, "IMG_0001.JPG", mediatest.JPEGWithGPS())
			if err != nil {
				t.Fatal(err)
			}
			v := e.verdict(t, asAuthor, c.ID)
			if _, err := e.store.ReviewVerdict(e.ctx(), e.users[asReviewer], models.Meta{}, v.ID, models.ReviewInput{Version: v.Version, Decision: models.DecisionApprove}); err != nil {
				t.Fatal(err)
			}
			cl, err := e.store.GetClaim(context.Background(), c.ID)
			if err != nil {
				t.Fatal(err)
			}
			page := e.get(t, e.http, "/claims/"+cl.Slug)
			if page.status != http.StatusOK {
				t.Fatalf("public page: %d", page.status)
			}
			mustContain(t, "public page", page.body, `href="/archive/`+f.SHA256+`"`, "screenshot &lt;of&gt; the post.png", "PNG image", f.SHA256[:12])
			pub := e.must(t, http.StatusOK, asNone, "GET", "/api/v1/public/claims/"+cl.Slug, "")
			apiExpect(t, "public file", pub.at(t, "sources.0.files.0"), http.StatusOK, map[string]any{
				"sha256": f.SHA256, "url": e.URL + "/archive/" + f.SHA256, "content_type": "image/png", "size": float64(f.Size), "filename": f.Filename,
			})
			if _, ok := pub.get("sources.0.files.0.original_sha256"); ok {
				t.Error("the public API gives the hash of the file as uploaded")
			}

			// The photo comes back from /archive/{sha256} without its GPS,
			// under the type read from its bytes, sandboxed.
			dl := e.get(t, e.http, "/archive/"+photo.SHA256)
			if dl.status != http.StatusOK || dl.header.Get("Content-Type") != "image/jpeg" || dl.header.Get("X-Content-Type-Options") != "nosniff" ||
				!strings.HasPrefix(dl.header.Get("Content-Security-Policy"), "sandbox") {
				t.Fatalf("GET /archive/%s: %d %v", photo.SHA256, dl.status, dl.header)
			}
			if models.SHA256Hex([]byte(dl.body)) != photo.SHA256 || strings.Contains(dl.body, string(mediatest.GPS())) || strings.Contains(dl.body, "TestCam") {
				t.Fatal("the photo served still holds its GPS, or other bytes than those kept")
			}
			if _, err := jpeg.Decode(strings.NewReader(dl.body)); err != nil {
				t.Fatalf("the photo served does not decode: %v", err)
			}
		})
	}
}

// The desk's source forms take a file: added with a new source or an
// edited one, listed on the claim's page with a button that removes it; a
// refused type comes back beside the file field and saves nothing; a file
// over the limit is a 413 page; the forms still work without a file.
func TestDeskSourceFormUploads(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			e := newDeskEnv(t, engine)
			id := e.newClaim(t)
			path := claimPath(id)
			post := func(action string, fields url.Values, name string, data []byte) result {
				body, ctype := multipartBody(t, fields, name, data)
				return e.do(t, e.ed, "POST", action, strings.NewReader(body), map[string]string{"Content-Type": ctype})
			}
			form := e.page(t, e.ed, path, http.StatusOK)
			mustContain(t, "claim page", form, `enctype="multipart/form-data"`, `type="file"`, `name="file"`, "up to 20 MB")

			// Refused: nothing saved, the reason beside the file field, the
			// other fields kept.
			r := post(path+"/sources", sourceForm("contradicts"), "evidence.png", mediatest.ELF())
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("a program: %d", r.status)
			}
			mustContain(t, "refused file", r.body, `<span class="error-text" id="e-source-file">File is a program (application/x-executable), which is not kept`,
				`value="Sessions met Russian envoy twice in 2016"`)
			if cl, _ := e.store.GetClaim(t.Context(), id); len(cl.Sources) != 0 {
				t.Fatal("a refused file's source was saved")
			}

			// Other fields wrong: the file was not kept, and the form says so.
			r = post(path+"/sources", with(sourceForm("contradicts"), "title", ""), "shot.png", mediatest.PNG())
			if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "“shot.png” was not saved with the rest: choose it again.") {
				t.Fatalf("bad title with a file: %d\n%s", r.status, errorsIn(r.body))
			}

			r = post(path+"/sources", sourceForm("contradicts"), "shot.png", mediatest.PNG())
			if r.status != http.StatusSeeOther || r.header.Get("Location") != path+"?done=source-added-file#sources" {
				t.Fatalf("source with a file: %d %q\n%s", r.status, r.header.Get("Location"), errorsIn(r.body))
			}
			r = post(path+"/sources", with(sourceForm("supports"), "url", "https://www.example.com/other"), "", nil)
			if r.status != http.StatusSeeOther || r.header.Get("Location") != path+"?done=source-added#sources" {
				t.Fatalf("multipart source without a file: %d %q", r.status, r.header.Get("Location"))
			}
			cl, err := e.store.GetClaim(t.Context(), id)
			if err != nil || len(cl.Sources) != 2 {
				t.Fatalf("sources: %v %v", cl, err)
			}
			var withFile models.Source
			for _, s := range cl.Sources {
				if len(s.Files) == 1 {
					withFile = s
				}
			}
			f := withFile.Files[0]
			if f.Filename != "shot.png" || f.ContentType != "image/png" {
				t.Fatalf("file %+v", f)
			}
			desk := e.page(t, e.ed, path+"?done=source-added-file", http.StatusOK)
			mustContain(t, "claim page", desk, "Source added with its file.", `href="/archive/`+f.SHA256+`"`, "shot.png", "PNG image",
				f.SHA256[:12], `action="/desk/files/`+idStr(f.ID)+`/delete"`)

			// The desk sees the draft's file at /archive/{sha256}; the
			// public does not.
			if r := e.get(t, e.ed, "/archive/"+f.SHA256); r.status != http.StatusOK || r.header.Get("Content-Type") != "image/png" {
				t.Fatalf("the desk's copy of a draft's file: %d %q", r.status, r.header.Get("Content-Type"))
			}
			if r := e.get(t, e.client(t), "/archive/"+f.SHA256); r.status != http.StatusNotFound {
				t.Fatalf("the public's copy of a draft's file: %d", r.status)
			}

			// The edit form attaches another file.
			edit := e.page(t, e.ed, "/desk/sources/"+idStr(withFile.ID)+"/edit", http.StatusOK)
			mustContain(t, "edit page", edit, `enctype="multipart/form-data"`, `name="file"`)
			fields := with(sourceForm("contradicts"), "revision", hidden(t, edit, "/desk/sources/"+idStr(withFile.ID), "revision"))
			r = post("/desk/sources/"+idStr(withFile.ID), fields, "record.pdf", mediatest.PDF())
			if r.status != http.StatusSeeOther || r.header.Get("Location") != path+"?done=source-updated-file#sources" {
				t.Fatalf("edit with a file: %d %q\n%s", r.status, r.header.Get("Location"), errorsIn(r.body))
			}
			r = post("/desk/sources/"+idStr(withFile.ID), with(fields, "revision", "99"), "a.txt", []byte("text\n"))
			if r.status != http.StatusConflict {
				t.Fatalf("stale edit with a file: %d", r.status)
			}
			if files, _ := e.store.SourceFiles(t.Context(), withFile.ID); len(files) != 2 {
				t.Fatalf("files after the edits: %d, want 2", len(files))
			}

			// Remove one from the claim page.
			e.mustPost(t, e.ed, "/desk/files/"+idStr(f.ID)+"/delete", url.Values{}, http.StatusSeeOther, path+"?done=file-removed#sources")
			if files, _ := e.store.SourceFiles(t.Context(), withFile.ID); len(files) != 1 || files[0].ContentType != "application/pdf" {
				t.Fatalf("after removal: %+v", files)
			}
			e.mustPost(t, e.ed, "/desk/files/"+idStr(f.ID)+"/delete", url.Values{}, http.StatusNotFound, "")
		})
	}
}

// Over the limit the desk answers with a 413 page that says the limit.
func TestDeskUploadOverTheLimit(t *testing.T) {
	for _, engine := range modelstest.Engines() {
		t.Run(engine, func(t *testing.T) {
			s := modelstest.Open(t, engine, models.Config{MaxFileBytes: 32 << 10, Logger: slog.New(slog.DiscardHandler)})
			e := &deskEnv{testServer: newServerOn(t, s)}
			e.ed, e.edUser = e.login(t, "ed@example.org", models.RoleEditor)
			id := e.newClaim(t)
			body, ctype := multipartBody(t, sourceForm("contradicts"), "big.txt", bytes.Repeat([]byte("b"), 40<<10))
			r := e.do(t, e.ed, "POST", claimPath(id)+"/sources", strings.NewReader(body), map[string]string{"Content-Type": ctype})
			if r.status != http.StatusRequestEntityTooLarge {
				t.Fatalf("over the limit: %d", r.status)
			}
			mustContain(t, "413 page", r.body, "The file is larger than 32 KB, the largest this site keeps. Nothing was saved.")
			if cl, _ := s.GetClaim(t.Context(), id); len(cl.Sources) != 0 {
				t.Fatal("the source of a file over the limit was saved")
			}
			// Other routes keep their 1 MiB limit.
			big := url.Values{"title": {strings.Repeat("x", 1<<20)}}
			if r := e.post(t, e.ed, claimPath(id), big); r.status != http.StatusRequestEntityTooLarge {
				t.Fatalf("a big claim form: %d", r.status)
			}
		})
	}
}
