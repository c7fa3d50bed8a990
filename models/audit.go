package models

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// AuditEvent records one change or security event: who, what, which object,
// before and after, when (UTC) and from where. The table is append-only.
type AuditEvent struct {
	ID         uint
	At         time.Time
	ActorID    *uint
	Actor      string
	Action     string
	ObjectType string
	ObjectID   *uint
	Before     string
	After      string
	IP         string `gorm:"column:ip"`
	RequestID  string
}

// Meta describes the request a change came from, for the audit log.
type Meta struct {
	IP        string
	RequestID string
	UserAgent string
}

// event is what a store method asks audit to record.
type event struct {
	actor      *User
	actorLabel string // used when actor is nil (e.g. a failed login's email)
	action     string
	objectType string
	objectID   uint
	before     any
	after      any
}

// audit appends one event inside the caller's transaction.
func (s *Store) audit(tx *gorm.DB, m Meta, e event) error {
	ev := AuditEvent{
		At:         s.now(),
		Actor:      e.actorLabel,
		Action:     e.action,
		ObjectType: e.objectType,
		IP:         m.IP,
		RequestID:  m.RequestID,
	}
	if e.actor != nil {
		id := e.actor.ID
		ev.ActorID = &id
		ev.Actor = e.actor.Email
	}
	if e.objectID != 0 {
		id := e.objectID
		ev.ObjectID = &id
	}
	var err error
	if ev.Before, err = jsonText(e.before); err != nil {
		return err
	}
	if ev.After, err = jsonText(e.after); err != nil {
		return err
	}
	if err := tx.Create(&ev).Error; err != nil {
		return fmt.Errorf("write audit event %s: %w", e.action, err)
	}
	return nil
}

func jsonText(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("audit json: %w", err)
	}
	return string(b), nil
}

// AuditQuery selects audit events; zero fields match everything.
type AuditQuery struct {
	ObjectType string
	ObjectID   uint
	Action     string
	Limit      int
}

// AuditEvents returns matching events, newest first.
func (s *Store) AuditEvents(ctx context.Context, q AuditQuery) ([]AuditEvent, error) {
	db := s.read(ctx).Model(&AuditEvent{})
	if q.ObjectType != "" {
		db = db.Where("object_type = ?", q.ObjectType)
	}
	if q.ObjectID != 0 {
		db = db.Where("object_id = ?", q.ObjectID)
	}
	if q.Action != "" {
		db = db.Where("action = ?", q.Action)
	}
	if q.Limit <= 0 || q.Limit > 500 {
		q.Limit = 100
	}
	var out []AuditEvent
	if err := db.Order("at DESC, id DESC").Limit(q.Limit).Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list audit events: %w", err)
	}
	return out, nil
}
