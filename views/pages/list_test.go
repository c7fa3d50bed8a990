package pages

import (
	"context"
	"testing"

	"claimtracker/i18n"
)

// Spanish lists wrote "verdadero o otro" and "España y Italia"; before
// the sound o the conjunction o is u, and before the sound i, y is e
// (RAE), but not before a diphthong ("agua y hielo").
func TestSpanishListsChangeTheirConjunction(t *testing.T) {
	es := i18n.WithLocale(context.Background(), i18n.For("es"))
	en := i18n.WithLocale(context.Background(), i18n.For("en"))
	for _, c := range []struct {
		got, want string
	}{
		{OrList(es, []string{"siete", "ocho"}), "siete u ocho"},
		{OrList(es, []string{"«Respalda»", "«Otro»"}), "«Respalda» u «Otro»"},
		{OrList(es, []string{"mujer", "hombre"}), "mujer u hombre"},
		{OrList(es, []string{"7", "8"}), "7 u 8"},
		{OrList(es, []string{"10", "11"}), "10 u 11"},
		{OrList(es, []string{"10", "110"}), "10 o 110"},
		{OrList(es, []string{"a", "b", "Contexto"}), "a, b o Contexto"},
		{AndList(es, []string{"España", "Italia"}), "España e Italia"},
		{AndList(es, []string{"padres", "hijos"}), "padres e hijos"},
		{AndList(es, []string{"agua", "hielo"}), "agua y hielo"},
		{AndList(es, []string{"Ana", "Óscar"}), "Ana y Óscar"},
		{AndList(en, []string{"Ana", "Oscar"}), "Ana and Oscar"},
		{OrList(en, []string{"Ana", "Oscar"}), "Ana or Oscar"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
