package sheets

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
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
	// beforeRename runs after the temporary file is complete and before it
	// replaces path; an error stops the write (tests use it to simulate an
	// interruption).
	beforeRename func(tmp string) error
}

func writeFile(path string, opts writeOptions, write func(io.Writer) error) (err error) {
	overwrite := opts.overwrite
	fail := func(err error, hint string) error { return &FileError{Path: path, Err: err, Hint: hint} }
	mode := fs.FileMode(0o666) // narrowed by the umask, as for any new file
	if info, statErr := os.Stat(path); statErr == nil {
		mode = info.Mode().Perm() // a replaced file keeps its permissions
		if info.IsDir() {
			return fail(ErrIsDirectory, "give the path of a file to write")
		}
		if !overwrite {
			return fail(ErrExists, "choose another name, or add --force to replace it")
		}
	}
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		return fail(fmt.Errorf("the folder %s does not exist", dir), "create it first")
	}
	tmp, err := createTemp(dir, "."+filepath.Base(path), mode)
	if err != nil {
		return fail(fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err)), "check the folder's permissions and free space")
	}
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
		return fail(fmt.Errorf("writing failed: %w", unwrapPath(err)), "check the free space of the disk")
	}
	if err = tmp.Close(); err != nil {
		return fail(fmt.Errorf("writing failed: %w", unwrapPath(err)), "check the free space of the disk")
	}
	if opts.beforeRename != nil {
		if err = opts.beforeRename(tmp.Name()); err != nil {
			return fail(err, "the original file is unchanged; run podium again")
		}
	}
	if !overwrite {
		// A hard link fails if the name was taken meanwhile; where links
		// are not supported, fall back to a rename.
		if linkErr := os.Link(tmp.Name(), path); linkErr == nil {
			os.Remove(tmp.Name())
			return nil
		} else if errors.Is(linkErr, fs.ErrExist) {
			err = fail(ErrExists, "choose another name, or add --force to replace it")
			return err
		}
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fail(fmt.Errorf("cannot replace the file: %w", unwrapPath(err)), "close it in Excel or LibreOffice and try again")
	}
	return nil
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
		return fmt.Errorf("writing failed: %w", unwrapPath(err)), "check the free space of the disk"
	}
	return fmt.Errorf("%w: %v", ErrNotProduced, err), "nothing was written; please send the season workbook to podium's developers"
}

// unwrapPath drops the operation and temporary path from an *fs.PathError,
// keeping the reason ("permission denied", "no space left on device").
func unwrapPath(err error) error {
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
