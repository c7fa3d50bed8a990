// Package demo loads a small, living newsroom into an empty database, so
// that a new user sees the product at work at once: the case the product
// was made for (sworn testimony, a later report, the speaker's denial) and
// a few invented claims in every state of the workflow, some assigned, due
// and discussed in notes, with an admin, an editor and two reviewers whose
// random passwords are printed once.
//
// Everything goes through the Store, as a person at the desk would do it,
// so the audit trail, search index and versions are all real.
package demo

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"time"

	"claimtracker/models"
)

// ErrNotEmpty means the database already holds accounts or claims; the demo
// loads only into an empty one.
var ErrNotEmpty = errors.New("the database is not empty")

// Account is a demo login.
type Account struct {
	Email, Name, Password string
	Role                  models.Role
}

// newsroom is the demo's staff and its store.
type newsroom struct {
	s                  *models.Store
	ctx                context.Context
	m                  models.Meta
	admin, editor, rev *models.User
	rev2               *models.User
	// today is the newsroom's calendar day, from which due days count.
	today time.Time
}

// Load fills an empty database with the demo newsroom and prints the
// accounts and their passwords to out.
func Load(ctx context.Context, s *models.Store, out io.Writer) ([]Account, error) {
	n, err := s.CountUsers(ctx)
	if err != nil {
		return nil, err
	}
	claims, err := s.ListClaims(ctx, models.ClaimFilter{Limit: 1})
	if err != nil {
		return nil, err
	}
	if n > 0 || len(claims) > 0 {
		return nil, ErrNotEmpty
	}
	today, err := s.Today(ctx)
	if err != nil {
		return nil, err
	}
	nr := &newsroom{s: s, ctx: ctx, m: models.Meta{IP: "demo"}, today: today}
	accounts := []Account{
		{Email: "admin@demo.example", Name: "Ada Admin", Role: models.RoleAdmin},
		{Email: "editor@demo.example", Name: "Eli Editor", Role: models.RoleEditor},
		{Email: "reviewer@demo.example", Name: "Rae Reviewer", Role: models.RoleReviewer},
		{Email: "reviewer2@demo.example", Name: "Rio Reviewer", Role: models.RoleReviewer},
	}
	users := make([]*models.User, len(accounts))
	for i := range accounts {
		accounts[i].Password = password()
		u, err := s.CreateUser(ctx, nil, nr.m, models.NewUser{Email: accounts[i].Email, Name: accounts[i].Name, Role: accounts[i].Role, Password: accounts[i].Password})
		if err != nil {
			return nil, fmt.Errorf("demo account %s: %w", accounts[i].Email, err)
		}
		users[i] = u
	}
	nr.admin, nr.editor, nr.rev, nr.rev2 = users[0], users[1], users[2], users[3]
	for _, step := range []func() error{nr.seedCase, nr.publishedWithCorrection, nr.ratingChanged, nr.retracted, nr.inReview, nr.sentBack, nr.draft, nr.researching} {
		if err := step(); err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
	}
	fmt.Fprintln(out, "Demo newsroom loaded. Sign in at /login with one of these accounts (the passwords are shown only now):")
	for _, a := range accounts {
		fmt.Fprintf(out, "  %-9s %-24s %s\n", a.Role, a.Email, a.Password)
	}
	return accounts, nil
}

// password returns 16 random URL-safe characters (96 bits).
func password() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
