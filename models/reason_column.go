package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"
)

// A Reason is kept in a TEXT column beside the English it says (a
// source's archive_error and archive_reason, a job's last_error and
// last_reason…), so that pages can say it again in the reader's language
// while the API keeps giving the English column as it is. The column holds
// JSON: the message's id, its English, and each value with its type, which
// plain JSON would lose (a whole number is not a fraction, a reason inside
// the reason stays one). A zero Reason is kept as '' and read back as a
// zero Reason; so is the '' of a row written before reasons were kept.

// reasonJSON is a Reason as its column keeps it.
type reasonJSON struct {
	ID         string                     `json:"id,omitempty"`
	English    string                     `json:"en,omitempty"`
	EnglishOne string                     `json:"en_one,omitempty"`
	Count      *int                       `json:"count,omitempty"`
	Data       map[string]reasonValueJSON `json:"data,omitempty"`
}

// reasonValueJSON is one value of a reason's data, under the name of its
// type; exactly one is set.
type reasonValueJSON struct {
	Text   *string     `json:"text,omitempty"`
	Int    *int        `json:"int,omitempty"`
	Number *float64    `json:"number,omitempty"`
	Day    *time.Time  `json:"day,omitempty"`
	Reason *reasonJSON `json:"reason,omitempty"`
}

func (r Reason) toJSON() *reasonJSON {
	out := &reasonJSON{ID: r.ID, English: r.English, EnglishOne: r.EnglishOne}
	if r.Plural {
		n := r.Count
		out.Count = &n
	}
	if len(r.Data) > 0 {
		out.Data = make(map[string]reasonValueJSON, len(r.Data))
	}
	for name, v := range r.Data {
		var j reasonValueJSON
		switch v := v.(type) {
		case int:
			j.Int = &v
		case int64:
			n := int(v)
			j.Int = &n
		case float64:
			j.Number = &v
		case time.Time:
			j.Day = &v
		case Reason:
			j.Reason = v.toJSON()
		default:
			s := englishValue(v)
			j.Text = &s
		}
		out.Data[name] = j
	}
	return out
}

func (j *reasonJSON) reason() Reason {
	r := Reason{ID: j.ID, English: j.English, EnglishOne: j.EnglishOne}
	if j.Count != nil {
		r.Count, r.Plural = *j.Count, true
	}
	if len(j.Data) > 0 {
		r.Data = make(map[string]any, len(j.Data))
	}
	for name, v := range j.Data {
		switch {
		case v.Int != nil:
			r.Data[name] = *v.Int
		case v.Number != nil:
			r.Data[name] = *v.Number
		case v.Day != nil:
			r.Data[name] = *v.Day
		case v.Reason != nil:
			r.Data[name] = v.Reason.reason()
		case v.Text != nil:
			r.Data[name] = *v.Text
		}
	}
	return r
}

// IsZero reports whether r says nothing: no message id and no English.
func (r Reason) IsZero() bool { return r.ID == "" && r.English == "" }

// Value keeps r in a TEXT column as JSON (” for a zero Reason); see
// Scan.
func (r Reason) Value() (driver.Value, error) {
	if r.IsZero() {
		return "", nil
	}
	b, err := json.Marshal(r.toJSON())
	if err != nil {
		return nil, fmt.Errorf("reason %s: %w", r.ID, err)
	}
	return string(b), nil
}

// Scan reads a Reason kept by Value: its id, English and values, each of
// the type it was given as (an int64 as an int). NULL and ” are a zero
// Reason.
func (r *Reason) Scan(src any) error {
	var b []byte
	switch v := src.(type) {
	case nil:
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		return fmt.Errorf("reason: cannot read %T", src)
	}
	if len(b) == 0 {
		*r = Reason{}
		return nil
	}
	var j reasonJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("reason: %w", err)
	}
	*r = j.reason()
	return nil
}
