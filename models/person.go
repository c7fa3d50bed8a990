package models

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// PersonInput is a speaker as an editor gives it: to log a new speaker
// (CreatePerson) or to edit one (UpdatePerson), every field at once.
type PersonInput struct {
	// Name is required, at most 200 characters, unique whatever its case.
	Name string
	// Kind is person (the default) or organization: schema.org's Person
	// or Organization in ClaimReview.
	Kind PersonKind
	// Title is the title or role, Affiliation the party, employer or body;
	// each optional, at most 200 characters.
	Title       string
	Affiliation string
	// Description is optional, at most 2,000 characters.
	Description string
	// Revision is, for UpdatePerson, the speaker's Revision the editor
	// read: when it is no longer current the edit is refused
	// (*StaleError). 0 means not given. CreatePerson ignores it.
	Revision int
}

func (in *PersonInput) validate() error {
	var v Validator
	v.text("name", &in.Name, true, 200)
	v.text("title", &in.Title, false, 200)
	v.text("affiliation", &in.Affiliation, false, 200)
	v.text("description", &in.Description, false, 2000)
	if in.Kind == "" {
		in.Kind = KindPerson
	}
	v.Check(in.Kind == KindPerson || in.Kind == KindOrganization, "kind", ReasonPersonOrOrganization)
	return v.Err()
}

// personView is what the audit log records of a speaker.
type personView struct {
	Name        string     `json:"name"`
	Slug        string     `json:"slug"`
	Kind        PersonKind `json:"kind"`
	Title       string     `json:"title,omitempty"`
	Affiliation string     `json:"affiliation,omitempty"`
	Description string     `json:"description,omitempty"`
}

func (p *Person) view() personView {
	return personView{Name: p.Name, Slug: p.Slug, Kind: p.Kind, Title: p.Title, Affiliation: p.Affiliation, Description: p.Description}
}

// personSlugBase is the slug a speaker's page takes from their name, before
// any number that tells it from another speaker's.
func personSlugBase(name string) string {
	if s := Slugify(name, 80); s != "" {
		return s
	}
	return "speaker" // a name without letters or digits
}

// CreatePerson logs a new speaker. Editors and above may; a nil actor is
// the command line or the demo loader.
func (s *Store) CreatePerson(ctx context.Context, actor *User, m Meta, in PersonInput) (*Person, error) {
	if actor != nil && !actor.Can(RoleEditor) {
		return nil, fmt.Errorf("create person: %w", ErrForbidden)
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var p *Person
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		p, err = s.insertPerson(tx, actor, m, in)
		if errors.Is(err, errNameTaken) {
			return Invalid("name", NewReason("reasons.speaker_name_taken", "is already a speaker's name"))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// errNameTaken means a person of the same name, whatever its case, exists:
// people's names are unique once case-folded.
var errNameTaken = errors.New("a person of this name exists")

// personByName finds a person by name, whatever its case (the same folding
// as the unique index on people's names: lower()).
func personByName(tx *gorm.DB, name string) (*Person, error) {
	var p Person
	err := tx.Where("lower(name) = lower(?)", name).Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("person %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	return &p, nil
}

// insertPerson adds a validated person inside tx, or returns errNameTaken
// when one of that name, whatever its case, exists (also when another
// transaction has just committed it).
func (s *Store) insertPerson(tx *gorm.DB, actor *User, m Meta, in PersonInput) (*Person, error) {
	nameTaken := func(tx *gorm.DB) error {
		switch _, err := personByName(tx, in.Name); {
		case err == nil:
			return errNameTaken
		case errors.Is(err, ErrNotFound):
			return nil
		default:
			return err
		}
	}
	if err := nameTaken(tx); err != nil {
		return nil, err
	}
	var p *Person
	_, err := insertWithSlug(tx, "people", personSlugBase(in.Name), func(tx *gorm.DB, slug string) error {
		p = &Person{Name: in.Name, Slug: slug, Kind: in.Kind, Title: in.Title, Affiliation: in.Affiliation, Description: in.Description}
		if err := tx.Create(p).Error; err != nil {
			return fmt.Errorf("insert person: %w", err)
		}
		return nil
	}, nameTaken)
	if err != nil {
		return nil, err
	}
	if err := s.audit(tx, m, event{actor: actor, actorLabel: "system", action: "person.create", objectType: "person", objectID: p.ID, after: p.view()}); err != nil {
		return nil, err
	}
	return p, nil
}

// PersonByID returns one speaker, whatever their claims.
func (s *Store) PersonByID(ctx context.Context, id uint) (*Person, error) {
	var p Person
	err := s.read(ctx).Where("id = ?", id).Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("person %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	return &p, nil
}

// PersonByName returns the speaker of this name, whatever its case, or
// ErrNotFound.
func (s *Store) PersonByName(ctx context.Context, name string) (*Person, error) {
	return personByName(s.read(ctx), strings.TrimSpace(name))
}

// PersonBySlug returns one speaker.
func (s *Store) PersonBySlug(ctx context.Context, slug string) (*Person, error) {
	var p Person
	err := s.read(ctx).Where("slug = ?", slug).Take(&p).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("person %q: %w", slug, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("find person: %w", err)
	}
	return &p, nil
}

// ListPeople returns speakers by name.
func (s *Store) ListPeople(ctx context.Context, limit int) ([]Person, error) {
	var out []Person
	if err := s.read(ctx).Order("name, id").Limit(limit).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	return out, nil
}

// CountPeople returns how many speakers are logged.
func (s *Store) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&Person{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count people: %w", err)
	}
	return n, nil
}
