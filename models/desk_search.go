package models

import (
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"claimtracker/migrations"
)

// The desk's search: every claim, drafts and verdicts in review included,
// found by the words of its text, summary, speaker, the title of the
// article it was logged from, and its verdicts' headlines, explanations
// and rating labels. Each claim's row of claim_desk_texts holds all of
// these folded as every search folds (FoldText), one field a line; a
// search asks for each of its folded words as a substring of that text
// (instr on SQLite, strpos on PostgreSQL: the same bytes compared on both
// engines, whatever their collations say). The public indexes are not
// read: they hold only what the public may see.

// ClaimDeskText is a claim's text as the desk's search reads it.
type ClaimDeskText struct {
	ClaimID uint `gorm:"primaryKey;autoIncrement:false"`
	// Folded is the claim's searchable fields, each folded (FoldText), one
	// a line, in a fixed order (see deskDoc.folded).
	Folded string
}

// MaxDeskSearchWords is the most words a desk search may hold.
const MaxDeskSearchWords = 12

// DeskSearchWords is the desk search q as ClaimFilter.Words takes it: its
// runs of word characters after folding (FoldText), in order, each once
// ("Éleições 2022!" → "eleicoes", "2022"). A text of punctuation alone
// has none.
func DeskSearchWords(q string) []string {
	f := FoldText(q)
	var out []string
	seen := map[string]bool{}
	for _, r := range wordRuns(f) {
		w := f[r.start:r.end]
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// deskWordsCondition is the SQL condition, on the claims table, that each
// of words is in the claim's desk text, with its arguments.
func deskWordsCondition(d migrations.Dialect, words []string) (string, []any) {
	find := "instr(t.folded, ?) > 0"
	if d == migrations.Postgres {
		find = "strpos(t.folded, ?) > 0"
	}
	conds := make([]string, len(words))
	args := make([]any, len(words))
	for i, w := range words {
		conds[i], args[i] = find, w
	}
	return "EXISTS (SELECT 1 FROM claim_desk_texts t WHERE t.claim_id = claims.id AND " + strings.Join(conds, " AND ") + ")", args
}

// deskDoc is what the desk's search reads of one claim's own row.
type deskDoc struct {
	ID                              uint
	Text, Summary, Speaker, Article string
}

// folded is the claim's desk text (see ClaimDeskText.Folded), with its
// verdicts' words.
func (d deskDoc) folded(verdicts []string) string {
	return FoldText(strings.Join(append([]string{d.Text, d.Summary, d.Speaker, d.Article}, verdicts...), "\n"))
}

// touchDeskTexts records that the desk texts of the claims with ids
// from..to change with this transaction: Store.write rewrites them
// (writeDeskTexts) once its changes are all made, however many changes
// touched them. Whatever rewrites the public index (reindexClaims) or
// records a verdict's wording (recordVersion) touches them, and so does
// whatever else changes what they hold (an update withdrawn, an article
// deleted).
func touchDeskTexts(tx *gorm.DB, from, to uint) {
	t := touchesOf(tx)
	if r := [2]uint{from, to}; !slices.Contains(t.desk, r) {
		t.desk = append(t.desk, r)
	}
}

// writeDeskTexts rewrites the desk texts of the claims with ids from..to
// from what they hold now; a row that already holds its text is left as
// it is.
func (s *Store) writeDeskTexts(tx *gorm.DB, from, to uint) error {
	var docs []deskDoc
	err := tx.Raw(`SELECT c.id, c.text, c.summary, p.name AS speaker, COALESCE(a.title, '') AS article
		FROM claims c JOIN people p ON p.id = c.person_id LEFT JOIN articles a ON a.id = c.article_id
		WHERE c.id BETWEEN ? AND ? ORDER BY c.id`, from, to).Scan(&docs).Error
	if err != nil {
		return fmt.Errorf("read claims for the desk's search: %w", err)
	}
	var verdicts []struct {
		ClaimID                            uint
		Headline, Explanation, RatingLabel string
	}
	err = tx.Model(&Verdict{}).Select("claim_id, headline, explanation, rating_label").
		Where("claim_id BETWEEN ? AND ? AND status <> ?", from, to, VerdictSuperseded).Order("claim_id, id").Scan(&verdicts).Error
	if err != nil {
		return fmt.Errorf("read verdicts for the desk's search: %w", err)
	}
	byClaim := map[uint][]string{}
	for _, v := range verdicts {
		byClaim[v.ClaimID] = append(byClaim[v.ClaimID], v.RatingLabel, v.Headline, PlainText(v.Explanation))
	}
	var have []ClaimDeskText
	if err := tx.Where("claim_id BETWEEN ? AND ?", from, to).Find(&have).Error; err != nil {
		return fmt.Errorf("read the desk's search texts: %w", err)
	}
	old := make(map[uint]string, len(have))
	for _, h := range have {
		old[h.ClaimID] = h.Folded
	}
	var rows []ClaimDeskText
	for _, d := range docs {
		f := d.folded(byClaim[d.ID])
		if o, ok := old[d.ID]; !ok || o != f {
			rows = append(rows, ClaimDeskText{ClaimID: d.ID, Folded: f})
		}
	}
	for len(rows) > 0 {
		n := min(len(rows), indexBatch)
		err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "claim_id"}}, DoUpdates: clause.AssignmentColumns([]string{"folded"})}).
			Create(rows[:n]).Error
		if err != nil {
			return fmt.Errorf("write the desk's search texts: %w", err)
		}
		rows = rows[n:]
	}
	return nil
}
