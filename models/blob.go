package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Blobs keeps bytes by their SHA-256: archived pages and uploaded files.
// The database is the default place (one file to back up); a directory or
// an S3-compatible store can take its place through Config.Blobs.
type Blobs interface {
	// Put keeps data and returns its SHA-256 as 64 lower-case hex digits.
	// Putting the same bytes again keeps them once and returns the same
	// hash.
	Put(ctx context.Context, data []byte) (string, error)
	// Get returns the bytes kept under sha256hex, or ErrNotFound.
	Get(ctx context.Context, sha256hex string) ([]byte, error)
}

// Blob is one row of the database's blob store.
type Blob struct {
	SHA256    string `gorm:"column:sha256;primaryKey"`
	Size      int64
	Data      []byte
	CreatedAt time.Time
}

// SHA256Hex returns data's SHA-256 as 64 lower-case hex digits.
func SHA256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// IsSHA256Hex reports whether s is 64 lower-case hex digits.
func IsSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// dbBlobs keeps blobs in the blobs table.
type dbBlobs struct{ s *Store }

// Put keeps data in its own transaction; see Blobs.
func (b dbBlobs) Put(ctx context.Context, data []byte) (string, error) {
	sum := SHA256Hex(data)
	if data == nil {
		data = []byte{}
	}
	err := b.s.w.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).
		Create(&Blob{SHA256: sum, Size: int64(len(data)), Data: data, CreatedAt: b.s.now()}).Error
	if err != nil {
		return "", fmt.Errorf("put blob %s: %w", sum, err)
	}
	return sum, nil
}

// Get reads a blob; see Blobs.
func (b dbBlobs) Get(ctx context.Context, sha256hex string) ([]byte, error) {
	if !IsSHA256Hex(sha256hex) {
		return nil, ErrNotFound
	}
	var row Blob
	err := b.s.read(ctx).Where("sha256 = ?", sha256hex).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("get blob %s: %w", sha256hex, err)
	}
	return row.Data, nil
}

// MaxFileBytes is the largest archived page or uploaded file kept, in
// bytes (Config.MaxFileBytes).
func (s *Store) MaxFileBytes() int64 { return s.cfg.MaxFileBytes }

// Blobs returns where the Store keeps blobs: Config.Blobs, or the database.
func (s *Store) Blobs() Blobs {
	if s.cfg.Blobs != nil {
		return s.cfg.Blobs
	}
	return dbBlobs{s: s}
}
