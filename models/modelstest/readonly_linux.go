package modelstest

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
)

// fsImmutable is the inode flag that forbids any change, even by root
// (FS_IMMUTABLE_FL, as chattr +i sets it).
const fsImmutable = 0x10

// setImmutable marks path immutable until the test ends, or skips the test
// when this root may not (no CAP_LINUX_IMMUTABLE, or a file system without
// the flag): nothing else stops root from writing.
func setImmutable(t testing.TB, path string) {
	t.Helper()
	flags := func(set func(int) int) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		v, err := unix.IoctlGetInt(int(f.Fd()), unix.FS_IOC_GETFLAGS)
		if err != nil {
			return err
		}
		return unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, set(v))
	}
	if err := flags(func(v int) int { return v | fsImmutable }); err != nil {
		t.Skipf("running as root, and %s cannot be made immutable: %v", path, err)
	}
	t.Cleanup(func() {
		if err := flags(func(v int) int { return v &^ fsImmutable }); err != nil {
			t.Errorf("clear immutable flag of %s: %v", path, err)
		}
	})
}

// TinyDisk mounts a file system of size bytes (a tmpfs) on a new folder
// until the test ends and returns the folder, or skips the test when this
// process may not mount (it must run as root).
func TinyDisk(t testing.TB, size int) string {
	t.Helper()
	dir := t.TempDir()
	if err := unix.Mount("tmpfs", dir, "tmpfs", 0, "size="+strconv.Itoa(size)); err != nil {
		t.Skipf("cannot mount a small file system (needs root): %v", err)
	}
	t.Cleanup(func() {
		if err := unix.Unmount(dir, unix.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// Fill writes to a new file in dir until its file system is full.
func Fill(t testing.TB, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, unix.ENOSPC) {
				t.Fatalf("fill %s: %v", dir, err)
			}
			return
		}
	}
}
