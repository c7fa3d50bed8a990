package handlers

import (
	"maps"
	"net/http"

	"github.com/labstack/echo/v4"
)

// deskArticleDelete deletes a logged article for good, when whoever logged
// it or an admin ticks the form's confirmation box, and no claim found in
// it was ever published. The claims logged from it stay, unlinked. An
// unticked box comes back as the box's error (422). Success goes to the
// list of articles with a confirmation.
func (h *Handler) deskArticleDelete(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, err := parseForm(c, "confirm")
	if err != nil {
		return err
	}
	if err := confirmed(f); err != nil {
		maps.Copy(f.Errors, formErrors(c, err))
		return h.renderArticleDesk(c, http.StatusUnprocessableEntity, id, f)
	}
	if err := h.store.DeleteArticle(c.Request().Context(), currentUser(c), meta(c), id); err != nil {
		return err
	}
	return seeOther(c, "/desk/articles?done=article-deleted")
}
