package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/scoring"
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

func folderFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
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
	want := []string{".podium-press.bak", csvManifest, "breakdown.csv", "gt-am-teams.csv", "gt-drivers.csv", "gt-teams.csv", "lmp2-drivers.csv", "lmp2-teams.csv",
		"lmp3-drivers.csv", "notes.txt", "old-gt-teams.csv", "results-before.csv", "results.csv", "season.csv", "standings.csv"}
	if got := folderFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q\nwant %q", got, want)
	}
	for name, data := range user {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != data {
			t.Errorf("%s changed: %q", name, got)
		}
	}
	// The manifest now lists only this export's files: a third export
	// leaves the edited file alone for good.
	manifest, _ := os.ReadFile(filepath.Join(dir, csvManifest))
	if !strings.HasPrefix(string(manifest), csvManifestHeader) || strings.Contains(string(manifest), "lmp3") || strings.Count(string(manifest), ".csv\n") != 8 {
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
	os.WriteFile(filepath.Join(dir, csvManifest), []byte(empty+"  ../season.xlsx\n"+empty+"  Notes.CSV\n"), 0o644)
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

// TestOutputPlan: outputs that are an input or another output are refused
// with both names, before anything is written; so are existing files podium
// may not replace.
func TestOutputPlan(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	season := write("season.xlsx", "workbook")
	other := write("photos.zip", "not podium's")
	os.Mkdir(filepath.Join(dir, "press"), 0o755)
	os.Mkdir(filepath.Join(dir, "folder.zip"), 0o755)
	os.Mkdir(filepath.Join(dir, "press", "sub"), 0o755)
	link := filepath.Join(dir, "link.zip")
	if err := os.Symlink("season.xlsx", link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.xlsx")
	if err := os.Link(season, hard); err != nil {
		t.Fatal(err)
	}
	readOnly := write("locked.zip", "")
	os.Chmod(readOnly, 0o444)
	in := []Place{{Name: "the season workbook", Path: season}}
	writeBack := []Place{{Name: "the season workbook", Path: season, Kind: InPlace}, {Name: "the backup", Path: season + ".bak", Kind: Backup}}
	press := func(names ...string) Place {
		return Place{Name: "--csv", Path: filepath.Join(dir, "press"), Kind: PressFolder, Files: names}
	}
	zipAt := func(p string) Place { return Place{Name: "--zip", Path: p, Kind: PressZip} }
	tests := []struct {
		name  string
		plan  OutputPlan
		want  string
		isErr error
	}{
		{"write-back alone", OutputPlan{Inputs: in, Outputs: writeBack}, "", nil},
		{"zip is the season", OutputPlan{Inputs: in, Outputs: append(slices.Clone(writeBack), zipAt(season))},
			"--zip " + season + " is the season workbook itself; give another name: podium never writes over a file it reads", nil},
		{"zip is the season by another spelling", OutputPlan{Inputs: in, Outputs: []Place{zipAt(dir + "/./press/../season.xlsx")}},
			"--zip " + dir + "/./press/../season.xlsx is the season workbook itself; give another name: podium never writes over a file it reads", nil},
		{"zip is a link to the season", OutputPlan{Inputs: in, Outputs: []Place{zipAt(link)}},
			"--zip " + link + " is the season workbook itself (" + season + "); give another name: podium never writes over a file it reads", nil},
		{"out is a hard link to the season", OutputPlan{Inputs: in, Outputs: []Place{{Name: "--out", Path: hard, Kind: StandingsFile}}},
			"--out " + hard + " is the season workbook itself (" + season + "); give another name: podium never writes over a file it reads", nil},
		{"zip is the backup", OutputPlan{Inputs: in, Outputs: append(slices.Clone(writeBack), zipAt(season+".bak"))},
			"the backup " + season + ".bak and --zip " + season + ".bak are the same file; give each its own name: one would replace the other", nil},
		{"out and zip", OutputPlan{Inputs: in, Outputs: []Place{{Name: "--out", Path: filepath.Join(dir, "o.xlsx"), Kind: StandingsFile}, zipAt(filepath.Join(dir, "o.xlsx"))}},
			"--out " + dir + "/o.xlsx and --zip " + dir + "/o.xlsx are the same file; give each its own name: one would replace the other", nil},
		{"zip is a CSV of the folder", OutputPlan{Inputs: in, Outputs: []Place{press("gt-teams.csv", "results.csv"), zipAt(filepath.Join(dir, "press", "results.csv"))}},
			"--csv " + dir + "/press (its results.csv) and --zip " + dir + "/press/results.csv are the same file; give each its own name: one would replace the other", nil},
		{"season in the CSV folder", OutputPlan{Inputs: []Place{{Name: "the season workbook", Path: filepath.Join(dir, "press", "season.xlsx")}}, Outputs: []Place{press("gt-teams.csv", "results.csv")}}, "", nil},
		{"season named like a CSV of the folder", OutputPlan{Inputs: []Place{{Name: "the season workbook", Path: filepath.Join(dir, "press", "results.csv")}}, Outputs: []Place{press("results.csv")}},
			"--csv " + dir + "/press (its results.csv) is the season workbook itself; give another name: podium never writes over a file it reads", nil},
		{"timing file is the season", OutputPlan{Inputs: []Place{{Name: "the timing file", Path: season}}, Outputs: writeBack},
			"the season workbook " + season + " is the timing file itself; give another name: podium never writes over a file it reads", nil},
		{"csv folder is a file", OutputPlan{Inputs: in, Outputs: []Place{{Name: "--csv", Path: other, Kind: PressFolder}}},
			"--csv " + other + " is a file; give a folder for the CSV files", nil},
		{"zip is a folder", OutputPlan{Inputs: in, Outputs: []Place{zipAt(filepath.Join(dir, "folder.zip"))}},
			"--zip " + dir + "/folder.zip is a folder; give the name of the zip file to write", nil},
		{"a folder where a CSV goes", OutputPlan{Inputs: in, Outputs: []Place{press("sub")}},
			"--csv " + dir + "/press (its sub) is a folder; rename or remove it, or give another folder for the CSV files", nil},
		{"zip is someone else's", OutputPlan{Inputs: in, Outputs: []Place{zipAt(other)}},
			"--zip " + other + " exists and is not a press pack written by podium; give another name, or add --force to replace it", nil},
		{"zip is someone else's, --force", OutputPlan{Inputs: in, Outputs: []Place{zipAt(other)}, Force: true}, "", nil},
		{"zip is read-only", OutputPlan{Inputs: in, Outputs: []Place{zipAt(readOnly)}, Force: true},
			readOnly + ": the file is read-only (make it writable (its Properties, or chmod u+w), or give another name)", ErrReadOnly},
		{"template exists", OutputPlan{Outputs: []Place{{Name: "the template", Path: other, Kind: NewFile}}},
			other + ": the file already exists (choose another name, or add --force to replace it)", ErrExists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.plan.Check()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("error = %q\nwant    %q", got, tt.want)
			}
			if tt.isErr != nil && !errors.Is(err, tt.isErr) {
				t.Errorf("error %v is not %v", err, tt.isErr)
			}
		})
	}
}

// TestIsPressZip: podium replaces a zip only when it carries podium's
// comment and the press pack's shape.
func TestIsPressZip(t *testing.T) {
	season, st := classSeason("GT")
	var pack bytes.Buffer
	if err := WriteCSVZip(&pack, season, st, CSVOptions{Modified: testDate}); err != nil {
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

// TestWriteBackReadOnly: a read-only workbook is refused, byte-identical
// and with no backup or temporary file beside it (also when podium runs as
// an administrator, whom the system would let write).
func TestWriteBackReadOnly(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	before, _ := os.ReadFile(path)
	dirBefore := folderFiles(t, filepath.Dir(path))
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	want := path + ": the file is read-only (podium has not changed it; make it writable (its Properties, or chmod u+w) and run podium again)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrReadOnly) {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o444 {
		t.Errorf("mode %v", info.Mode())
	}
	if got := folderFiles(t, filepath.Dir(path)); !slices.Equal(got, dirBefore) {
		t.Errorf("folder holds %q, want %q", got, dirBefore)
	}
}

// TestWriteBackThroughSymlink: a workbook reached by a symbolic link is
// written through: the link stays a link to the same file, that file gets
// the standings, and the backup is beside the link, under its name.
func TestWriteBackThroughSymlink(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	before, _ := os.ReadFile(path)
	linkDir := t.TempDir()
	link := filepath.Join(linkDir, "current.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	report, err := WriteBack(link, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if dest, err := os.Readlink(link); err != nil || dest != path {
		t.Errorf("the link is now %q, %v", dest, err)
	}
	if report.Backup != link+".bak" {
		t.Errorf("backup %s", report.Backup)
	}
	if bak, _ := os.ReadFile(link + ".bak"); !bytes.Equal(bak, before) {
		t.Error("the backup beside the link is not the original")
	}
	if info, err := os.Lstat(link + ".bak"); err != nil || !info.Mode().IsRegular() {
		t.Errorf("backup: %v %v", info, err)
	}
	after, _ := os.ReadFile(path)
	if bytes.Equal(after, before) {
		t.Fatal("the target was not written")
	}
	f, err := OpenBytes(path, after, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.f.GetSheetList(), "GT Drivers") {
		t.Errorf("the target lacks the standings: %q", f.f.GetSheetList())
	}
	if got := folderFiles(t, linkDir); !slices.Equal(got, []string{"current.xlsx", "current.xlsx.bak"}) {
		t.Errorf("the link's folder holds %q", got)
	}
	for _, name := range folderFiles(t, filepath.Dir(path)) {
		if strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".bak") {
			t.Errorf("the target's folder holds %s", name)
		}
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
	if _, err := ExportCSV(dir, second, st2, CSVOptions{}); !errors.Is(err, ErrIsDirectory) {
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
	want := []string{csvManifest, "breakdown.csv", "lmp2-drivers.csv", "lmp2-teams.csv", "results.csv", "season.csv", "standings.csv"}
	if got := folderFiles(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// TestWriteBackThroughSymlinkOpenTarget: the lock file of Excel or
// LibreOffice beside a link's target stops the write-back too.
func TestWriteBackThroughSymlinkOpenTarget(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	before, _ := os.ReadFile(path)
	lock := filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
	os.WriteFile(lock, []byte("owner"), 0o644)
	link := filepath.Join(t.TempDir(), "current.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	_, err := WriteBack(link, season, st, PublishOptions{Generated: testDate}, Limits{})
	want := link + ": the workbook is open in a spreadsheet application (lock file " + lock + ") (close it in Excel or LibreOffice and run podium again)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrLocked) {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if got := folderFiles(t, filepath.Dir(link)); !slices.Equal(got, []string{"current.xlsx"}) {
		t.Errorf("the link's folder holds %q", got)
	}
}
