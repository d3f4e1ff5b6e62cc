package ooxml

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// ErrExists says that an output file exists and overwriting was not asked.
var ErrExists = errors.New("the file already exists")

// WriteFile writes a file safely: the content goes to a temporary file in
// the same folder, which is synced and then renamed into place, so that a
// failed or interrupted run leaves any existing file untouched. Unless
// overwrite is set, an existing file is refused (checked again at the moment
// of the rename, so that a file created meanwhile is not replaced).
func WriteFile(path string, overwrite bool, write func(io.Writer) error) error {
	return writeFile(path, writeOptions{overwrite: overwrite}, write)
}

// writeOptions tune writeFile.
type writeOptions struct {
	overwrite bool
	// BeforeRename runs after the temporary file is complete and before it
	// replaces path; an error stops the write (tests use it to simulate an
	// interruption).
	beforeRename func(tmp string) error
}

func writeFile(path string, opts writeOptions, write func(io.Writer) error) (err error) {
	overwrite := opts.overwrite
	fail := func(err error, hint string) error { return &FileError{Path: path, Err: err, Hint: hint} }
	target, err := linkTarget(path)
	if err != nil {
		return fail(err, hintFilePath)
	}
	mode := fs.FileMode(0o666) // narrowed by the umask, as for any new file
	if info, statErr := os.Stat(target); statErr == nil {
		mode = info.Mode().Perm() // a replaced file keeps its permissions
		if info.IsDir() {
			return fail(ErrIsDirectory, hintFileToWrite)
		}
		if !overwrite {
			return fail(ErrExists, HintExists)
		}
		if IsReadOnly(info) {
			return fail(ErrReadOnly, hintReadOnlyOutput)
		}
	}
	dir := filepath.Dir(target)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		return fail(fmt.Errorf("the folder %s does not exist", dir), "create it first")
	}
	removeStaleTemps(dir, filepath.Base(target), time.Now())
	tmp, err := createTemp(dir, "."+filepath.Base(target), mode)
	if err != nil {
		return fail(fmt.Errorf("cannot write in %s: %w", dir, UnwrapPath(err)), "check the folder's permissions and free space")
	}
	// The lock tells another podium run cleaning up (removeStaleTemps)
	// that this temporary file is in use; it is held until the file is
	// renamed into place or removed.
	unlock := lockTemp(tmp.Name())
	defer unlock()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fail(contentError(err))
	}
	if err = tmp.Sync(); err != nil {
		return fail(fmt.Errorf("writing failed: %w", UnwrapPath(err)), "check the free space of the disk")
	}
	if err = tmp.Close(); err != nil {
		return fail(fmt.Errorf("writing failed: %w", UnwrapPath(err)), "check the free space of the disk")
	}
	if opts.beforeRename != nil {
		if err = opts.beforeRename(tmp.Name()); err != nil {
			var fe *FileError
			if errors.As(err, &fe) {
				return err // about another file (a backup), with its own hint
			}
			if errors.Is(err, ErrChanged) {
				return fail(err, HintSavedMeanwhile)
			}
			return fail(err, hintUnchanged)
		}
	}
	if !overwrite {
		// A hard link fails if the name was taken meanwhile; where links
		// are not supported, fall back to a rename.
		if linkErr := os.Link(tmp.Name(), target); linkErr == nil {
			os.Remove(tmp.Name())
			return nil
		} else if errors.Is(linkErr, fs.ErrExist) {
			err = fail(ErrExists, HintExists)
			return err
		}
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fail(fmt.Errorf("cannot replace the file: %w", UnwrapPath(err)), "close it in Excel or LibreOffice and try again")
	}
	return nil
}

// linkTarget is the file that writing to path replaces: path itself, or,
// when path is a symbolic link, the file it points to. podium writes
// through a link, so that the link stays and what it points to gets the new
// content (renaming over the link would replace the link by a plain file
// and leave its target stale). A link to nothing is refused.
func linkTarget(path string) (string, error) {
	info, err := os.Lstat(path)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return path, nil
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		dest, _ := os.Readlink(path)
		return "", fmt.Errorf("is a link to %s, which does not exist", dest)
	}
	return target, nil
}

// Temporary files older than tempMinAge may be left by an interrupted run;
// where files cannot be locked, only those older than tempMaxAge are taken
// for such.
const (
	tempMinAge = time.Minute
	tempMaxAge = time.Hour
)

// removeStaleTemps removes the temporary files of podium's own naming
// (".NAME.<12 hex digits>.tmp", see createTemp) that an interrupted run
// left beside the file NAME in dir. A running podium holds a lock on its
// temporary file from just after creating it until it is renamed into place
// (lockTemp), so a file older than a minute that can be locked belongs to
// no running podium: a run killed half-way frees its lock at once, and its
// file is removed by the next run. Where locks are not available (Windows,
// which moreover refuses to remove a file another program has open), only
// files not modified for an hour are removed: a running podium writes its
// temporary file from start to end without such a pause. Nothing else is
// touched; a file that cannot be removed is left.
func removeStaleTemps(dir, name string, now time.Time) {
	// Names only, unsorted, and a file's kind and age only for a name of
	// the pattern: a press folder is rewritten file by file, each write
	// reading the folder.
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	names, err := d.Readdirnames(-1)
	d.Close()
	if err != nil {
		return
	}
	prefix := "." + name + "."
	for _, file := range names {
		if !isTempOf(file, prefix) {
			continue
		}
		path := filepath.Join(dir, file)
		info, err := os.Lstat(path)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		age := now.Sub(info.ModTime())
		if age < tempMinAge {
			continue
		}
		unlock, locked := tryLockTemp(path)
		if !locked {
			if age < tempMaxAge || !errors.Is(lockSupported(), errors.ErrUnsupported) {
				continue
			}
		}
		os.Remove(path)
		unlock()
	}
}

// isTempOf reports whether file is a temporary file of createTemp for the
// file name, given prefix "." + name + ".": the prefix, 12 lower-case hex
// digits and ".tmp".
func isTempOf(file, prefix string) bool {
	rest, ok := strings.CutPrefix(file, prefix)
	if !ok {
		return false
	}
	hex, ok := strings.CutSuffix(rest, ".tmp")
	return ok && len(hex) == 12 && strings.Trim(hex, "0123456789abcdef") == ""
}

// ReplaceWorkbook keeps the original as BackupPath(path) and replaces the
// workbook at path with updated, unless it changed since podium read it
// (info, orig): then nothing is written, the backup neither. A read-only
// workbook is refused untouched. A workbook reached through a symbolic link
// is written through (see linkTarget): the file the link points to is
// replaced and the link kept; the backup is written beside the link, under
// the name the user gave (BackupPath(path)), where podium's report says it
// is.
func ReplaceWorkbook(path string, info os.FileInfo, orig, updated []byte, beforeRename func(tmp string) error) error {
	if IsReadOnly(info) {
		return &FileError{Path: path, Err: ErrReadOnly, Hint: hintReadOnlyWorkbook}
	}
	// Excel and LibreOffice put their lock file beside the file they
	// opened: for a link, beside its target.
	if target, err := linkTarget(path); err == nil && target != path {
		if lock := LockFile(target); lock != "" {
			return &FileError{Path: path, Err: fmt.Errorf("%w (lock file %s)", ErrLocked, lock), Hint: hintLocked}
		}
	}
	changed := func() bool {
		now, err := os.Stat(path)
		return err != nil || !now.ModTime().Equal(info.ModTime()) || now.Size() != info.Size()
	}
	if changed() {
		return &FileError{Path: path, Err: ErrChanged, Hint: HintSavedMeanwhile}
	}
	// The backup is written once the last check has passed: a save in
	// the final instant is refused with nothing written, the backup
	// neither (an earlier backup stays as it was).
	check := func(tmp string) error {
		if changed() {
			return ErrChanged
		}
		if beforeRename != nil {
			if err := beforeRename(tmp); err != nil {
				return err
			}
		}
		return WriteFile(BackupPath(path), true, func(w io.Writer) error { _, err := w.Write(orig); return err })
	}
	return writeFile(path, writeOptions{overwrite: true, beforeRename: check}, func(w io.Writer) error {
		_, err := w.Write(updated)
		return err
	})
}

// ErrNotProduced says that podium failed to build a file's content — not
// the disk's fault.
var ErrNotProduced = errors.New("podium could not produce this file")

// contentError words a failure of the function writing a file's content:
// the disk's when the file refused the bytes, podium's own otherwise.
func contentError(err error) (error, string) {
	var pe *fs.PathError
	var errno syscall.Errno
	if errors.As(err, &pe) || errors.As(err, &errno) {
		return fmt.Errorf("writing failed: %w", UnwrapPath(err)), "check the free space of the disk"
	}
	return fmt.Errorf("%w: %v", ErrNotProduced, err), "nothing was written; please send the season workbook to podium's developers"
}

// UnwrapPath drops the operation and temporary path from an *fs.PathError,
// keeping the reason ("permission denied", "no space left on device").
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// createTemp creates a new file named prefix.<random>.tmp in dir with the
// given permissions (os.CreateTemp always uses 0600).
func createTemp(dir, prefix string, mode fs.FileMode) (*os.File, error) {
	var b [6]byte
	for range 100 {
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, fmt.Sprintf("%s.%x.tmp", prefix, b))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("cannot find a free temporary file name")
}

// ErrReadOnly says that a file podium would replace is read-only.
var ErrReadOnly = errors.New("the file is read-only")

// IsReadOnly reports whether a file's permissions forbid writing to
// everyone. The mode is read rather than tried, so that a read-only file
// is respected also by an administrator, whom the system would let write.
func IsReadOnly(info os.FileInfo) bool {
	return info.Mode().IsRegular() && info.Mode().Perm()&0o222 == 0
}

// Errors of replacing a workbook (ReplaceWorkbook): it is open in
// Excel or LibreOffice, or it was saved after podium read it.
var (
	ErrLocked  = errors.New("the workbook is open in a spreadsheet application")
	ErrChanged = errors.New("the workbook changed while podium was writing")
)

// BackupPath is where the previous version of a workbook is kept.
func BackupPath(path string) string { return path + ".bak" }

// LockFile returns the lock file of an open workbook beside path, if any:
// Excel's "~$NAME" (long names lose their first two characters) and
// LibreOffice's ".~lock.NAME#".
func LockFile(path string) string {
	dir, base := filepath.Split(path)
	candidates := []string{"~$" + base, ".~lock." + base + "#"}
	if r := []rune(base); len(r) > 2 {
		candidates = append(candidates, "~$"+string(r[2:]))
	}
	for _, c := range candidates {
		if _, err := os.Lstat(filepath.Join(dir, c)); err == nil {
			return filepath.Join(dir, c)
		}
	}
	return ""
}
