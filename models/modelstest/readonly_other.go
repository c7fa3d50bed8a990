//go:build !linux

package modelstest

import "testing"

// setImmutable skips the test: on this system a test running as root has
// no way here to make a file read-only to itself.
func setImmutable(t testing.TB, path string) {
	t.Helper()
	t.Skipf("running as root: %s cannot be made read-only here", path)
}

// TinyDisk skips the test: it mounts a small file system only on Linux.
func TinyDisk(t testing.TB, size int) string {
	t.Helper()
	t.Skip("a small file system is mounted only on Linux")
	return ""
}

// Fill is not reached: TinyDisk skips first.
func Fill(t testing.TB, dir string) { t.Helper() }
