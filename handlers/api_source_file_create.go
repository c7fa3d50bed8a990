package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
)

// apiSourceFileCreate attaches a file to a source of a claim not yet
// published: POST /api/v1/sources/{id}/files with a multipart/form-data
// body whose field "file" holds the file (RFC 7578). 201 with the file's
// JSON; 413 over the size limit (before more than the limit is read); 422
// naming "file" when it is missing, empty, of a type not kept (the type
// read from its bytes is named) or a malformed image; 404 for a missing
// source; 409 once the claim is published or retracted; 415 for a body
// that is not multipart.
func (h *Handler) apiSourceFileCreate(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if !strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEMultipartForm) {
		return echo.NewHTTPError(http.StatusUnsupportedMediaType, "Send the file as multipart/form-data, in the field file.")
	}
	if _, err := parseForm(c); err != nil {
		return h.uploadErr(err)
	}
	up, err := h.formUpload(c, "file")
	if err != nil {
		return err
	}
	if up == nil {
		return models.Invalid("file", models.NewReason("reasons.file_required_multipart", "is required: send the file in the multipart/form-data field file"))
	}
	f, err := h.store.AttachSourceFile(c.Request().Context(), currentUser(c), meta(c), id, up.Filename, up.Data)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, h.absURL(components.ArchivePath(f.SHA256)))
	return writeJSON(c, http.StatusCreated, h.newFileJSON(f))
}
