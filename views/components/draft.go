package components

import (
	"fmt"
	"strings"
)

// DraftKey names the unsaved draft of a form, for its data-draft
// attribute: the parts name the object the form changes and what the form
// does to it, joined by colons (claim 12's new verdict is
// claim:12:verdict:new). A form with the attribute keeps what the user
// types in the browser until it is saved (static/files/drafts.js, loaded
// by the layout for a signed-in user); a form without it, or a browser
// without script, works as before.
func DraftKey(parts ...any) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = fmt.Sprint(p)
	}
	return strings.Join(s, ":")
}
