package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/fetcher"
	"claimtracker/input"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskArticleFetch answers the new-article form's "Fetch from URL" button:
// it fetches the page at the form's URL and shows the form again with the
// fields the editor left empty filled from the page, for them to check
// and correct before saving. Nothing is saved. A page that cannot be
// fetched is shown as the URL field's error, with the form as it was sent.
// When the address is already logged, the form says so and links to the
// articles there, as a save would.
func (h *Handler) deskArticleFetch(c echo.Context, f views.Form) error {
	ctx := c.Request().Context()
	title := views.T(ctx, "desk.action.paste_article")
	u, err := input.URL(f.Get("url"))
	switch {
	case f.Get("url") == "":
		f.Errors["url"] = reasonText(c, models.NewReason("reasons.url_required_to_fetch", "is required to fetch the article"))
	case err != nil:
		f.Errors["url"] = reasonText(c, models.InputReason(err))
	}
	if len(f.Errors) > 0 {
		return render(c, http.StatusUnprocessableEntity, pages.DeskArticleNew(page(c, title), f, nil))
	}
	got, err := h.fetchArticle(ctx, u)
	var fe *fetcher.Error
	if errors.As(err, &fe) {
		f.Errors["url"] = reasonText(c, models.FetchReason(fe))
		return render(c, http.StatusUnprocessableEntity, pages.DeskArticleNew(page(c, title), f, nil))
	}
	if err != nil {
		return err
	}
	var filled, missing []string
	for _, fld := range []struct{ name, label, value string }{
		{"title", views.T(ctx, "desk.fetch_field.headline"), got.Title}, {"outlet", views.T(ctx, "desk.fetch_field.outlet"), got.Outlet},
		{"author", views.T(ctx, "desk.fetch_field.author"), got.Author}, {"published_at", views.T(ctx, "desk.fetch_field.date"), got.PublishedAt},
		{"text", views.T(ctx, "desk.fetch_field.text"), got.Text},
	} {
		switch {
		case f.Get(fld.name) != "":
		case fld.value == "":
			missing = append(missing, fld.label)
		default:
			f.Values[fld.name] = fld.value
			filled = append(filled, fld.label)
		}
	}
	same, err := h.store.ArticlesAt(ctx, u, 0)
	if err != nil {
		return err
	}
	p := page(c, title)
	p.Flash = fetchNotice(ctx, filled, missing)
	return render(c, http.StatusOK, pages.DeskArticleNew(p, f, same))
}

// fetchNotice tells the editor, in ctx's language, what a fetch filled in
// and what the page did not give.
func fetchNotice(ctx context.Context, filled, missing []string) string {
	notice := views.T(ctx, "desk.flash.fetch_nothing")
	if len(filled) > 0 {
		notice = views.T(ctx, "desk.flash.fetch_filled", "Fields", pages.AndList(ctx, filled))
	}
	if len(missing) > 0 {
		notice += " " + views.T(ctx, "desk.flash.fetch_missing", "Fields", pages.OrList(ctx, missing))
	}
	return notice
}
