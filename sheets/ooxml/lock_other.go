//go:build !unix

package ooxml

import "errors"

// lockTemp does nothing where podium does not lock files (see
// removeStaleTemps).
func lockTemp(string) (unlock func()) { return func() {} }

// tryLockTemp never locks where podium does not lock files.
func tryLockTemp(string) (unlock func(), ok bool) { return func() {}, false }

// lockSupported says that temporary files are not locked here.
func lockSupported() error { return errors.ErrUnsupported }
