package views

import (
	"context"
	"io"

	"github.com/a-h/templ"

	"claimtracker/i18n"
	"claimtracker/models"
)

// A correction's public note is either written by its author (Markdown, in
// the fact-check's language) or, when a newer verdict was published
// without one, left empty for the server's own sentence: a rating change
// names the two ratings, an update the rating it kept. That sentence is a
// message of the public catalogue, so that each reader gets it in the
// interface's language, and the JSON API in English.

// generatedNote is the message id and values of k's note when the server
// writes it; ok is false for a note its author wrote.
func generatedNote(k *models.Correction) (id string, pairs []any, ok bool) {
	if k.Note != "" {
		return "", nil, false
	}
	switch k.Kind {
	case models.CorrectionRatingChange:
		return "public.claim.note_rating_change", []any{"Old", k.OldRating, "New", k.NewRating}, true
	case models.CorrectionUpdate:
		return "public.claim.note_update", []any{"Rating", k.KeptRating}, true
	}
	return "", nil, false
}

// CorrectionNoteText is correction k's public note as text, in the
// language of ctx's locale: the note as its author wrote it (Markdown
// source), or the server's own sentence for a rating change ("We changed
// our rating from False to Mostly false after a new review of the
// evidence.") or an update.
func CorrectionNoteText(ctx context.Context, k *models.Correction) string {
	if id, pairs, ok := generatedNote(k); ok {
		return T(ctx, id, pairs...)
	}
	return k.Note
}

// english is a context whose locale is the default language, English: the
// JSON API's.
var english = i18n.WithLocale(context.Background(), i18n.For(i18n.Default))

// CorrectionNoteEnglish is correction k's note as the JSON API gives it:
// CorrectionNoteText in English.
func CorrectionNoteEnglish(k *models.Correction) string { return CorrectionNoteText(english, k) }

// CorrectionNote is correction k's public note as HTML, for the claim page
// and the corrections feed: a note its author wrote as Markdown (see
// Markdown), the server's own sentence as a paragraph in the language of
// ctx's locale, with the ratings' labels isolated in <bdi>.
func CorrectionNote(ctx context.Context, k *models.Correction) templ.Component {
	id, pairs, ok := generatedNote(k)
	if !ok {
		return Markdown(k.Note)
	}
	for i := 1; i < len(pairs); i += 2 {
		pairs[i] = Bdi(pairs[i].(string))
	}
	sentence := Msg(ctx, id, pairs...)
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if _, err := io.WriteString(w, "<p>"); err != nil {
			return err
		}
		if err := sentence.Render(ctx, w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "</p>")
		return err
	})
}
