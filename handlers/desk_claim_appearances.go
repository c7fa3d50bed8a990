package handlers

import (
	"strconv"
	"strings"

	"claimtracker/models"
	"claimtracker/views"
)

// The claim form's appearances are rows of fields named as the store names
// an appearance's members in errors (models.AppearanceField): row i posts
// "appearances[i].url", "…date", "…where" and, ticked to remove it,
// "…remove". The hidden appearance_rows says how many rows the form
// showed; the "add_appearance" button shows the form again with one more,
// saving nothing. No script is needed.

// appearanceMembers are the fields of one appearance row.
var appearanceMembers = []string{"url", "date", "where", "remove"}

// appearanceFormFields are every field the appearance rows may post.
func appearanceFormFields() []string {
	out := []string{"appearance_rows", "add_appearance"}
	for i := range models.MaxAppearances {
		for _, m := range appearanceMembers {
			out = append(out, models.AppearanceField(i, m))
		}
	}
	return out
}

// postedRows is how many appearance rows the form showed, from its hidden
// appearance_rows (at least the last row holding anything), with one more
// when the editor asked for another.
func postedRows(f views.Form) int {
	rows, _ := strconv.Atoi(f.Get("appearance_rows"))
	for i := models.MaxAppearances - 1; i >= rows; i-- {
		if rowUsed(f, i) {
			rows = i + 1
			break
		}
	}
	if f.Get("add_appearance") != "" {
		rows++
	}
	return min(max(rows, 1), models.MaxAppearances)
}

// rowUsed reports whether appearance row i holds anything.
func rowUsed(f views.Form, i int) bool {
	for _, m := range appearanceMembers {
		if f.Get(models.AppearanceField(i, m)) != "" {
			return true
		}
	}
	return false
}

// formAppearances reads the appearance rows into the list the store takes,
// leaving out blank rows and rows ticked for removal. rowOf[k] is the row
// of the list's k-th appearance.
func formAppearances(f views.Form) (list []models.AppearanceInput, rowOf []int) {
	list = []models.AppearanceInput{}
	for i := range models.MaxAppearances {
		get := func(m string) string { return f.Get(models.AppearanceField(i, m)) }
		if get("remove") == "true" || (get("url") == "" && get("date") == "" && get("where") == "") {
			continue
		}
		list = append(list, models.AppearanceInput{URL: get("url"), Date: get("date"), Where: get("where")})
		rowOf = append(rowOf, i)
	}
	return list, rowOf
}

// rowErrors renames the store's errors of the list's k-th appearance to
// its row's fields, so that each shows beside the row it is about.
func rowErrors(fields map[string]string, rowOf []int) map[string]string {
	return listRowErrors(fields, rowOf, models.AppearanceField)
}

// listRowErrors renames the store's errors on the members of a list, named
// field(k, member) for its k-th item, after the rows of the form the list
// was read from (rowOf[k] is the k-th item's row), so that each shows
// beside its row. The form names row i's controls field(i, member) too.
func listRowErrors(fields map[string]string, rowOf []int, field func(i int, member string) string) map[string]string {
	out := make(map[string]string, len(fields))
	for name, why := range fields {
		for k, row := range rowOf {
			if prefix := field(k, ""); strings.HasPrefix(name, prefix) {
				name = field(row, strings.TrimPrefix(name, prefix))
				break
			}
		}
		out[name] = why
	}
	return out
}

// setAppearanceValues puts a claim's appearances into the rows of form
// values v, in order, and returns how many rows the form shows: one per
// appearance and a blank one.
func setAppearanceValues(v map[string]string, list []models.Appearance) int {
	for i, a := range list {
		v[models.AppearanceField(i, "url")] = a.URL
		v[models.AppearanceField(i, "date")] = models.FormatDate(a.Date)
		v[models.AppearanceField(i, "where")] = a.Where
	}
	return min(len(list)+1, models.MaxAppearances)
}

// appearancesText writes a list of appearances on one line each, for the
// comparison of a stale form.
func appearancesText(list []models.AppearanceInput) string {
	var lines []string
	for _, a := range list {
		line := a.URL
		if a.Where != "" {
			line = a.Where + ": " + line
		}
		if a.Date != "" {
			line += " (" + a.Date + ")"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
