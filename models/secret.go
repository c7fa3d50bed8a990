package models

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// newSecret returns a random 256-bit token, URL-safe, with prefix, and the
// hash under which it is stored. Only the hash is ever written down.
func newSecret(prefix string) (raw, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	raw = prefix + base64.RawURLEncoding.EncodeToString(b)
	return raw, hashSecret(raw), nil
}

// hashSecret is the stored form of a session or API token. The tokens carry
// 256 random bits, so a fast hash is enough: nothing can be guessed from it.
func hashSecret(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}
