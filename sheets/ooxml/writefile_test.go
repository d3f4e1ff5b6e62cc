package ooxml

import (
	"github.com/podium-dev/podium/internal/testkit"

	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWriteFileRemovesStaleTemps: temporary files of podium's naming that
// an interrupted run left beside the target are removed by the next write;
// a fresh one, one another podium run holds locked, and every other file
// stay.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	if lockSupported() != nil {
		t.Skip("files are not locked here: temporary files are removed after an hour")
	}
	dir := t.TempDir()
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]time.Time{
		".season.xlsx.0123456789ab.tmp": old,        // interrupted run: removed
		".season.xlsx.a1b2c3d4e5f6.tmp": time.Now(), // a run that just began: kept
		".season.xlsx.ffffffffffff.tmp": old,        // locked by a running podium: kept
		".season.xlsx.backup.tmp":       old,        // not podium's naming
		".season.xlsx.0123456789AB.tmp": old,        // not podium's naming (upper case)
		".other.xlsx.0123456789ab.tmp":  old,        // beside another file
		"season.xlsx.0123456789ab.tmp":  old,        // no leading dot
	}
	for name, mtime := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(name), 0o644)
		os.Chtimes(p, mtime, mtime)
	}
	unlock := lockTemp(filepath.Join(dir, ".season.xlsx.ffffffffffff.tmp"))
	defer unlock()
	if err := WriteFile(filepath.Join(dir, "season.xlsx"), true, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	want := []string{".other.xlsx.0123456789ab.tmp", ".season.xlsx.0123456789AB.tmp", ".season.xlsx.a1b2c3d4e5f6.tmp", ".season.xlsx.backup.tmp",
		".season.xlsx.ffffffffffff.tmp", "season.xlsx", "season.xlsx.0123456789ab.tmp"}
	if got := folderFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q\nwant %q", got, want)
	}
}

// TestWriteFileThroughSymlink: writing to a symbolic link replaces the file
// it points to and keeps the link; a link to nothing is refused.
func TestWriteFileThroughSymlink(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "data", "press.zip")
	os.Mkdir(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("old"), 0o640)
	link := filepath.Join(root, "press.zip")
	os.Symlink(target, link)
	if err := WriteFile(link, true, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if dest, err := os.Readlink(link); err != nil || dest != target {
		t.Errorf("the link is now %q, %v", dest, err)
	}
	if data, _ := os.ReadFile(target); string(data) != "new" {
		t.Errorf("the target holds %q", data)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is %v", info.Mode())
	}
	if got := folderFiles(t, filepath.Dir(target)); !slices.Equal(got, []string{"press.zip"}) {
		t.Errorf("the target's folder holds %q", got)
	}
	dangling := filepath.Join(root, "gone.zip")
	os.Symlink("nowhere.zip", dangling)
	err := WriteFile(dangling, true, func(w io.Writer) error { return nil })
	if want := dangling + ": is a link to nowhere.zip, which does not exist (give the path of the file itself)"; err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if _, err := os.Stat(filepath.Join(root, "nowhere.zip")); err == nil {
		t.Error("a file was created through the dangling link")
	}
}

// folderFiles lists the names in a folder (testkit.FolderFiles).
var folderFiles = testkit.FolderFiles

// TestRemoveStaleTempsReadsNamesOnly: a folder of 100 press files is
// looked through for stale temporary files with one string a file (the
// folder is read again before each file written into it), and a folder of
// podium's naming is never removed.
func TestRemoveStaleTempsReadsNamesOnly(t *testing.T) {
	dir := t.TempDir()
	for i := range 100 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("class-%d-drivers.csv", i)), nil, 0o644)
	}
	old := time.Now().Add(-2 * time.Hour)
	sub := filepath.Join(dir, ".season.xlsx.0123456789ab.tmp")
	os.Mkdir(sub, 0o755)
	os.Chtimes(sub, old, old)
	allocs := testing.AllocsPerRun(10, func() { removeStaleTemps(dir, "season.xlsx", time.Now()) })
	if allocs > 130 {
		t.Errorf("%v allocations for 101 files, want at most 130 (the whole folder read took over 200)", allocs)
	}
	if info, err := os.Stat(sub); err != nil || !info.IsDir() {
		t.Errorf("the folder named like a temporary file: %v, %v", info, err)
	}
}
