package press

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// classSeason is a one-round season with one car in each class.
func classSeason(classes ...string) (*scoring.Season, *scoring.Standings) {
	o := func(row int) scoring.Origin { return scoring.Origin{Sheet: "x", Row: row} }
	s := &scoring.Season{
		Rounds: []scoring.Round{{Number: 1, Code: "R1", Factor: 1}},
		Points: []scoring.Award{{Kind: scoring.AwardPosition, Position: 1, Points: 10}},
	}
	for i, c := range classes {
		no := string(rune('1' + i))
		s.Entries = append(s.Entries, scoring.Entry{No: no, Class: c, Team: "Team " + c, Rounds: scoring.AllRounds(), Scores: true, Origin: o(i + 1)})
		s.Results = append(s.Results, scoring.Result{Round: 1, No: no, Pos: 1, Origin: o(10 + i)})
	}
	st, _ := scoring.Score(s, scoring.Options{})
	return s, st
}

// TestExportCSVRemovesStaleFiles: a second export into the folder removes
// the files of the first that it does not write (a class gone), and only
// those: a user's own files, one named like podium's and a podium file
// edited since, survive byte for byte.
func TestExportCSVRemovesStaleFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "press")
	first, st1 := classSeason("LMP2", "LMP3", "GT")
	r, err := ExportCSV(dir, first, st1, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"lmp2-teams.csv", "lmp2-drivers.csv", "lmp3-teams.csv", "lmp3-drivers.csv", "gt-teams.csv", "gt-drivers.csv", "results.csv", "standings.csv", "season.csv", "breakdown.csv"}; !slices.Equal(r.Written, want) {
		t.Fatalf("written %q", r.Written)
	}
	user := map[string]string{
		"notes.txt":          "call the stewards",
		"old-gt-teams.csv":   "Pos,No.,Team,Nat,Car,R1,Points\n1,3,Team GT,,,1,10\n",
		"gt-am-teams.csv":    "Pos,No.,Team,Nat,Car,R1,Points\n", // named as podium would, not written by podium
		"lmp3-drivers.csv":   "",                                 // replaced below: edited by the user
		".podium-press.bak":  "x",
		"results-before.csv": "mine",
	}
	user["lmp3-drivers.csv"] = "Pos,No.,Driver\n1,2,edited by hand\n"
	for name, data := range user {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	second, st2 := classSeason("LMP2", "GT")
	r, err = ExportCSV(dir, second, st2, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"lmp3-teams.csv"}; !slices.Equal(r.Removed, want) {
		t.Errorf("removed %q, want %q", r.Removed, want)
	}
	if want := []string{"lmp3-drivers.csv"}; !slices.Equal(r.Kept, want) {
		t.Errorf("kept %q, want %q", r.Kept, want)
	}
	want := []string{".podium-press.bak", Manifest, "breakdown.csv", "gt-am-teams.csv", "gt-drivers.csv", "gt-teams.csv", "lmp2-drivers.csv", "lmp2-teams.csv",
		"lmp3-drivers.csv", "notes.txt", "old-gt-teams.csv", "results-before.csv", "results.csv", "season.csv", "standings.csv"}
	if got := testkit.FolderFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q\nwant %q", got, want)
	}
	for name, data := range user {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != data {
			t.Errorf("%s changed: %q", name, got)
		}
	}
	// The manifest now lists only this export's files: a third export
	// leaves the edited file alone for good.
	manifest, _ := os.ReadFile(filepath.Join(dir, Manifest))
	if !strings.HasPrefix(string(manifest), manifestHeader) || strings.Contains(string(manifest), "lmp3") || strings.Count(string(manifest), ".csv\n") != 8 {
		t.Errorf("manifest:\n%s", manifest)
	}
}

// TestExportCSVManifestCannotPointOutside: names with a folder, or of
// another shape than podium's, in an edited manifest are ignored.
func TestExportCSVManifestCannotPointOutside(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "press")
	os.Mkdir(dir, 0o755)
	victim := filepath.Join(root, "season.xlsx")
	os.WriteFile(filepath.Join(dir, "Notes.CSV"), []byte(""), 0o644)
	empty := "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" // SHA-256 of nothing
	os.WriteFile(filepath.Join(dir, Manifest), []byte(empty+"  ../season.xlsx\n"+empty+"  Notes.CSV\n"), 0o644)
	os.WriteFile(victim, nil, 0o644) // empty, so that its hash matches the line
	season, st := classSeason("GT")
	r, err := ExportCSV(dir, season, st, CSVOptions{})
	if err != nil || len(r.Removed)+len(r.Kept) != 0 {
		t.Fatalf("err %v, removed %q, kept %q", err, r.Removed, r.Kept)
	}
	if _, err := os.Stat(victim); err != nil {
		t.Error("a file outside the folder was removed")
	}
	if _, err := os.Stat(filepath.Join(dir, "Notes.CSV")); err != nil {
		t.Error("a file not of podium's naming was removed")
	}
}

// TestIsPressZip: podium replaces a zip only when it carries podium's
// comment and the press pack's shape.
func TestIsPressZip(t *testing.T) {
	season, st := classSeason("GT")
	var pack bytes.Buffer
	if err := WriteCSVZip(&pack, season, st, CSVOptions{Modified: sheetstest.Date}); err != nil {
		t.Fatal(err)
	}
	build := func(comment string, names ...string) []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write([]byte("x"))
		}
		zw.SetComment(comment)
		zw.Close()
		return b.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"podium's press pack", pack.Bytes(), true},
		{"same files, no comment", build("", "gt-teams.csv", "results.csv", "standings.csv"), false},
		{"comment, other files", build(pressZipComment, "photo.jpg", "results.csv", "standings.csv"), false},
		{"comment, a folder inside", build(pressZipComment, "press/gt-teams.csv", "results.csv", "standings.csv"), false},
		{"comment, no standings.csv", build(pressZipComment, "gt-teams.csv", "results.csv"), false},
		{"not a zip", []byte("PK but not really"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "press.zip")
			os.WriteFile(path, tt.data, 0o644)
			if got := IsPressZip(path); got != tt.want {
				t.Errorf("IsPressZip = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestExportCSVFailureKeepsManifest: an export that fails half-way keeps
// listing both the files it wrote and the earlier export's, so that the
// next export removes those it no longer writes.
func TestExportCSVFailureKeepsManifest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "press")
	first, st1 := classSeason("LMP2", "LMP3")
	if _, err := ExportCSV(dir, first, st1, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(dir, "gt3-drivers.csv")
	os.Mkdir(blocker, 0o755)
	second, st2 := classSeason("LMP2", "GT3")
	if _, err := ExportCSV(dir, second, st2, CSVOptions{}); !errors.Is(err, ooxml.ErrIsDirectory) {
		t.Fatalf("error = %v", err)
	}
	os.Remove(blocker)
	third, st3 := classSeason("LMP2")
	r, err := ExportCSV(dir, third, st3, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"gt3-teams.csv", "lmp3-teams.csv", "lmp3-drivers.csv"}; !slices.Equal(r.Removed, want) || len(r.Kept) != 0 {
		t.Errorf("removed %q, kept %q; want removed %q", r.Removed, r.Kept, want)
	}
	want := []string{Manifest, "breakdown.csv", "lmp2-drivers.csv", "lmp2-teams.csv", "results.csv", "season.csv", "standings.csv"}
	if got := testkit.FolderFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// TestDeterministic: the same input and date give the same bytes (the
// press pack's zip; the standings workbooks are checked where they are
// written).
func TestDeterministic(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	var z1, z2 bytes.Buffer
	WriteCSVZip(&z1, season, st, CSVOptions{Modified: sheetstest.Date})
	WriteCSVZip(&z2, season, st, CSVOptions{Modified: sheetstest.Date})
	if !bytes.Equal(z1.Bytes(), z2.Bytes()) {
		t.Error("two CSV bundles differ")
	}
}
