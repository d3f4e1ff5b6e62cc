package ooxml

import (
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
)

// TestWriteFileDiskFull: a write that fails half-way (a full disk) names
// the file and the reason, and leaves the existing file as it was and no
// temporary file behind.
func TestWriteFileDiskFull(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "standings.xlsx")
	if err := os.WriteFile(path, []byte("last week's standings"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(path, true, func(w io.Writer) error {
		w.Write(make([]byte, 4096))
		return &fs.PathError{Op: "write", Path: filepath.Join(dir, ".standings.xlsx.123.tmp"), Err: syscall.ENOSPC}
	})
	want := path + ": writing failed: no space left on device (check the free space of the disk)"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
	assertOnlyFile(t, dir, "standings.xlsx", "last week's standings")
}

// TestWriteFileReadOnlyFolder: a folder podium may not write in is named
// with the reason. Root ignores permissions, so as root the folder is made
// immutable instead (where the file system allows it).
func TestWriteFileReadOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	reason := "permission denied"
	if os.Geteuid() == 0 {
		if err := exec.Command("chattr", "+i", dir).Run(); err != nil {
			t.Skipf("running as root and chattr +i is not available (%v): no way to make a folder read-only", err)
		}
		t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
		reason = "operation not permitted"
	}
	path := filepath.Join(dir, "standings.xlsx")
	err := WriteFile(path, false, func(w io.Writer) error { _, err := w.Write([]byte("x")); return err })
	want := path + ": cannot write in " + dir + ": " + reason + " (check the folder's permissions and free space)"
	if err == nil || err.Error() != want {
		t.Fatalf("error = %v\nwant %s", err, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}

// assertOnlyFile checks that dir holds only the file name, with content.
func assertOnlyFile(t *testing.T, dir, name, content string) {
	t.Helper()
	names := testkit.FolderFiles(t, dir)
	if !slices.Equal(names, []string{name}) {
		t.Errorf("folder holds %v, want only %s", names, name)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != content {
		t.Errorf("%s holds %q, want %q", name, got, content)
	}
}
