package handlers

import (
	"github.com/labstack/echo/v4"

	"claimtracker/i18n"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// sourceFields are the fields of the source form.
var sourceFields = []string{"url", "title", "outlet", "published_at", "kind", "stance", "excerpt", "locator", "language"}

// sourceInput reads the source form.
func sourceInput(f views.Form) models.SourceInput {
	return models.SourceInput{
		URL: f.Get("url"), Title: f.Get("title"), Outlet: f.Get("outlet"), PublishedAt: f.Get("published_at"),
		Kind: models.SourceKind(f.Get("kind")), Stance: models.Stance(f.Get("stance")),
		Excerpt: f.Get("excerpt"), Locator: f.Get("locator"), Language: f.Get("language"),
	}
}

// deskSourceCreate attaches a source to a claim that is not yet published,
// with the file chosen in the form, if any (a multipart form). The file is
// checked first: over the size limit the answer is 413, a refused type
// brings the form back (422) with the reason beside the file field, and
// nothing is saved. A published claim shows its page again (409) with the
// store's reason, before any file is checked: its sources change through
// an update (see refuseFixedSources).
func (h *Handler) deskSourceCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, sourceFields...)
	if err != nil {
		return h.uploadErr(err)
	}
	forms := pages.ClaimForms{Source: f}
	if done, err := h.refuseIfSourcesFixed(c, id, forms); done {
		return err
	}
	file, err := h.prepareFormFile(c, f)
	if err != nil {
		return h.finishClaimForm(c, id, err, f.Errors, forms, "")
	}
	ctx := c.Request().Context()
	in := sourceInput(f)
	in.File = file
	if _, err := h.store.AddSource(ctx, currentUser(c), meta(c), id, in); err != nil {
		if done, err := h.refuseFixedSources(c, id, err, forms); done {
			return err
		}
		keepFileNote(localeOf(c), f, file)
		return h.finishClaimForm(c, id, err, f.Errors, forms, "")
	}
	if file == nil {
		return h.finishClaimForm(c, id, nil, f.Errors, forms, "source-added#sources")
	}
	return h.finishClaimForm(c, id, nil, f.Errors, forms, "source-added-file#sources")
}

// prepareFormFile reads and checks the file chosen in a source form (see
// Store.PrepareSourceFile): nil when none was chosen; a
// *models.TooLargeError (413), or a *models.ValidationError naming "file"
// (422).
func (h *Handler) prepareFormFile(c echo.Context, f views.Form) (*models.PreparedFile, error) {
	up, err := h.formUpload(c, "file")
	if err != nil || up == nil {
		return nil, err
	}
	return h.store.PrepareSourceFile(up.Filename, up.Data)
}

// keepFileNote tells the user, when the source form comes back with errors
// in other fields, that the file they chose was not kept: a browser never
// fills a file input again.
func keepFileNote(l *i18n.Locale, f views.Form, file *models.PreparedFile) {
	if file != nil && f.Errors["file"] == "" {
		f.Errors["file"] = l.T("desk.error.file_not_kept", "Name", file.Filename)
	}
}
