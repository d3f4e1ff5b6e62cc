//go:build unix

package ooxml

import (
	"os"
	"syscall"
)

// lockTemp locks a temporary file being written, for removeStaleTemps to
// see that it is in use, and returns the function that frees it. The lock
// is taken on a second descriptor, so that it outlives closing the file
// itself until the rename. A file that cannot be locked is written all
// the same.
func lockTemp(path string) (unlock func()) {
	unlock, _ = tryLockTemp(path)
	return unlock
}

// tryLockTemp takes the lock of lockTemp without waiting; ok is false when
// another process holds it (or it cannot be taken).
func tryLockTemp(path string) (unlock func(), ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return func() {}, false
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return func() {}, false
	}
	return func() { f.Close() }, true
}

// lockSupported is nil where temporary files can be locked.
func lockSupported() error { return nil }
