package site

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
)

// names lists a folder's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// TestWriteReplacesOnlyPodiumsSite: Write creates a missing folder,
// replaces its own site (through a symbolic link too, which stays) and
// leaves nothing beside it; it refuses a folder of other files, a site
// holding a file podium did not write or one changed since, and leaves
// them as they were.
func TestWriteReplacesOnlyPodiumsSite(t *testing.T) {
	season, st := sheetstest.Scored(t, "../../samples/demo.xlsx")
	parent := t.TempDir()
	dir := filepath.Join(parent, "web", "standings")
	for run := 1; run <= 2; run++ {
		if err := Write(dir, season, st, Options{}); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if got := names(t, filepath.Dir(dir)); !slices.Equal(got, []string{"standings"}) {
			t.Errorf("run %d: beside the site: %q, want only the site", run, got)
		}
		if got := names(t, dir); !slices.Contains(got, Manifest) || !slices.Contains(got, "index.html") || !slices.Contains(got, "style.css") {
			t.Errorf("run %d: the site holds %q", run, got)
		}
	}
	link := filepath.Join(parent, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, season, st, Options{}); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}

	index := filepath.Join(dir, "index.html")
	os.WriteFile(index, []byte("<p>edited</p>"), 0o644)
	err := Write(dir, season, st, Options{})
	want := dir + ": the site holds files podium did not write (changed since podium wrote them: index.html) (move them elsewhere, then run podium again: the site is replaced as a whole)"
	if !errors.Is(err, ErrForeignFiles) || err.Error() != want {
		t.Errorf("an edited page: %v\nwant %s", err, want)
	}
	if data, _ := os.ReadFile(index); string(data) != "<p>edited</p>" {
		t.Error("the edited page was replaced")
	}

	mine := filepath.Join(parent, "mine")
	os.Mkdir(mine, 0o755)
	for _, n := range []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"} {
		os.WriteFile(filepath.Join(mine, n), []byte(n), 0o644)
	}
	err = Write(mine, season, st, Options{})
	if !errors.Is(err, ErrNotSite) {
		t.Errorf("a folder of other files: %v", err)
	}
	os.WriteFile(filepath.Join(mine, Manifest), manifest(nil), 0o644)
	err = Write(mine, season, st, Options{})
	want = mine + ": the site holds files podium did not write (not written by podium: a.txt, b.txt, c.txt and 2 more) (move them elsewhere, then run podium again: the site is replaced as a whole)"
	if err == nil || err.Error() != want {
		t.Errorf("a folder of other files with a manifest: %v\nwant %s", err, want)
	}
	if got := names(t, mine); len(got) != 6 {
		t.Errorf("the folder of other files holds %q", got)
	}
	if got := names(t, parent); !slices.Equal(got, []string{"link", "mine", "web"}) {
		t.Errorf("beside the folders: %q", got)
	}
}
