package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/xuri/excelize/v2"
)

// TestOutputsNeverOverlap (issue 11, item 1): no output of a run may be
// its input or another of its outputs; such a run is refused before
// anything is written, naming both, and the season stays byte-identical
// with nothing written beside it.
func TestOutputsNeverOverlap(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, demo, dir, "season.xlsx")
	if err := os.Symlink("season.xlsx", filepath.Join(dir, "link.zip")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "press"), 0o755); err != nil {
		t.Fatal(err)
	}
	link, out, press := filepath.Join(dir, "link.zip"), filepath.Join(dir, "o.xlsx"), filepath.Join(dir, "press")
	sameFile := "; give each its own name: one would replace the other\n"
	itself := "; give another name: podium never writes over a file it reads\n"
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"export zip is the season", []string{"export", season, "--zip", season},
			"podium: --zip " + season + " is the season workbook itself" + itself},
		{"score zip is the season", []string{"score", season, "--zip", season},
			"podium: --zip " + season + " is the season workbook itself" + itself},
		{"score zip is a link to the season", []string{"score", season, "--zip", link, "--force"},
			"podium: --zip " + link + " is the season workbook itself (" + season + ")" + itself},
		{"score out and zip", []string{"score", season, "--out", out, "--zip", out},
			"podium: --out " + out + " and --zip " + out + " are the same file" + sameFile},
		{"score zip is the backup", []string{"score", season, "--zip", season + ".bak"},
			"podium: the backup " + season + ".bak and --zip " + season + ".bak are the same file" + sameFile},
		{"export zip is a CSV file", []string{"export", season, "--csv", press, "--zip", filepath.Join(press, "standings.csv")},
			"podium: --csv " + press + " (its standings.csv) and --zip " + press + "/standings.csv are the same file" + sameFile},
		{"score out is the season", []string{"score", season, "--out", season},
			"podium: --out " + season + " is the season workbook itself" + itself},
		{"import timing is the season", []string{"import", "--round", "1", season, season},
			"podium: the season workbook " + season + " is the timing file itself" + itself},
		{"import timing is the backup", []string{"import", "--round", "1", season + ".bak", season},
			"podium: the backup " + season + ".bak is the timing file itself" + itself},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(season)
			files := testkit.FolderFiles(t, dir)
			code, stdout, stderr := podium(t, tt.args...)
			if code != 2 || stderr != tt.stderr || stdout != "" {
				t.Errorf("exit %d, stdout %q\nstderr %q\nwant   %q", code, stdout, stderr, tt.stderr)
			}
			if after, _ := os.ReadFile(season); !bytes.Equal(before, after) {
				t.Error("the season workbook changed")
			}
			if got := testkit.FolderFiles(t, dir); !slices.Equal(got, files) {
				t.Errorf("folder holds %q, want %q", got, files)
			}
			if got := testkit.FolderFiles(t, press); len(got) != 0 {
				t.Errorf("press holds %q", got)
			}
		})
	}
}

// TestExportZipReplacesOnlyPodiums (issue 11, item 1): --zip replaces an
// existing file only when podium wrote it, or with --force.
func TestExportZipReplacesOnlyPodiums(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "press.zip")
	mine := []byte("PK\x03\x04 the journalist's photos")
	os.WriteFile(zipPath, mine, 0o644)
	code, stdout, stderr := podium(t, "export", demo, "--zip", zipPath)
	if want := "podium: --zip " + zipPath + " exists and is not a press pack written by podium; give another name, or add --force to replace it\n"; code != 2 || stderr != want || stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr %q\nwant %q", code, stdout, stderr, want)
	}
	if got, _ := os.ReadFile(zipPath); !bytes.Equal(got, mine) {
		t.Error("the zip was replaced")
	}
	if code, stdout, stderr = podium(t, "export", demo, "--zip", zipPath, "--force"); code != 0 || stdout != "wrote "+zipPath+"\n" || stderr != "" {
		t.Fatalf("--force: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if zr.Comment != "podium press pack" || len(zr.File) != 10 {
		t.Errorf("zip comment %q, %d files", zr.Comment, len(zr.File))
	}
	zr.Close()
	// podium's own zip is replaced without --force, by export and score.
	if code, stdout, stderr = podium(t, "export", demo, "--zip", zipPath); code != 0 || stdout != "wrote "+zipPath+"\n" || stderr != "" {
		t.Errorf("again: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, stderr = podium(t, "score", demo, "--out", filepath.Join(dir, "s.xlsx"), "--zip", zipPath); code != 0 {
		t.Errorf("score: exit %d, stderr %q", code, stderr)
	}
	// score's --force covers --zip.
	other := filepath.Join(dir, "other.zip")
	os.WriteFile(other, mine, 0o644)
	code, _, stderr = podium(t, "score", demo, "--out", filepath.Join(dir, "s.xlsx"), "--zip", other)
	if want := "podium: --zip " + other + " exists and is not a press pack written by podium; give another name, or add --force to replace it\n"; code != 2 || stderr != want {
		t.Errorf("score: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr = podium(t, "score", demo, "--out", filepath.Join(dir, "s.xlsx"), "--zip", other, "--force"); code != 0 {
		t.Errorf("score --force: exit %d, stderr %q", code, stderr)
	}
}

// TestExportSummaryOnStdout (issue 11, item 17): export says what it wrote
// on standard output, as score does; with --csv - the CSV is there, and
// the summary goes to standard error.
func TestExportSummaryOnStdout(t *testing.T) {
	dir := t.TempDir()
	press, zipPath := filepath.Join(dir, "press"), filepath.Join(dir, "press.zip")
	code, stdout, stderr := podium(t, "export", demo, "--csv", press, "--zip", zipPath)
	if want := "wrote 10 CSV files into " + press + "\nwrote " + zipPath + "\n"; code != 0 || stdout != want || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q\nwant stdout %q", code, stdout, stderr, want)
	}
	code, stdout, stderr = podium(t, "export", demo, "--csv", "-", "--zip", zipPath)
	if code != 0 || !strings.HasPrefix(stdout, "Classification,Championship,") || strings.Contains(stdout, "wrote") || stderr != "wrote "+zipPath+"\n" {
		t.Errorf("--csv -: exit %d, stdout starts %q, stderr %q", code, stdout[:min(len(stdout), 40)], stderr)
	}
	code, stdout, stderr = podium(t, "score", demo, "--out", filepath.Join(dir, "s.xlsx"), "--csv", "-")
	if code != 0 || !strings.HasPrefix(stdout, "Classification,Championship,") || stderr != "wrote "+filepath.Join(dir, "s.xlsx")+": the standings after round 4\n" {
		t.Errorf("score --csv -: exit %d, stdout starts %q, stderr %q", code, stdout[:min(len(stdout), 40)], stderr)
	}
}

// TestReexportRemovesStaleCSV (issue 11, item 15): exporting again into
// the same folder removes the files of a class that no longer exists, and
// nothing else.
func TestReexportRemovesStaleCSV(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, demo, dir, "season.xlsx")
	press := filepath.Join(dir, "press")
	code, stdout, stderr := podium(t, "export", season, "--csv", press)
	if code != 0 || stdout != "wrote 10 CSV files into "+press+"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	userFiles := map[string][]byte{
		"cover-letter.txt":    []byte("Dear editor,\r\n"),
		"bronze-cup-2019.csv": []byte("Pos,No.,Team\n1,50,Redline Gentlemen\n"),
	}
	for name, data := range userFiles {
		os.WriteFile(filepath.Join(press, name), data, 0o644)
	}
	// The Bronze Cup is dropped: its two cars race in Am only.
	f, err := excelize.OpenFile(season)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Entries", "D6", "")
	f.SetCellStr("Entries", "D7", "")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, stdout, stderr = podium(t, "export", season, "--csv", press)
	want := "wrote 8 CSV files into " + press + "; removed 2 files of an earlier export that this one does not write: bronze-cup-teams.csv, bronze-cup-drivers.csv\n"
	if code != 0 || stdout != want || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q\nwant stdout %q", code, stdout, stderr, want)
	}
	wantFiles := []string{".podium-press.txt", "am-drivers.csv", "am-teams.csv", "breakdown.csv", "bronze-cup-2019.csv", "cover-letter.txt",
		"pro-drivers.csv", "pro-teams.csv", "results.csv", "season.csv", "standings.csv"}
	if got := testkit.FolderFiles(t, press); !slices.Equal(got, wantFiles) {
		t.Errorf("press holds %q\nwant %q", got, wantFiles)
	}
	for name, data := range userFiles {
		if got, _ := os.ReadFile(filepath.Join(press, name)); !bytes.Equal(got, data) {
			t.Errorf("%s changed: %q", name, got)
		}
	}
}

// TestReadOnlyWorkbook (issue 11, item 8): score and import refuse a
// read-only workbook before writing anything.
func TestReadOnlyWorkbook(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, alms, dir, "season.xlsx")
	before, _ := os.ReadFile(season)
	os.Chmod(season, 0o444)
	race := filepath.Join(dir, "race.csv")
	os.WriteFile(race, []byte("Pos,No.,Class,Status,Laps\n1,26,LMP2,,100\n"), 0o644)
	want := "podium: " + season + ": the file is read-only (podium has not changed it; make it writable (its Properties, or chmod u+w) and run podium again)\n"
	for _, args := range [][]string{
		{"score", season, "--csv", filepath.Join(dir, "press")},
		{"import", "--round", "1", race, season},
	} {
		code, stdout, stderr := podium(t, args...)
		if code != 2 || stderr != want || stdout != "" {
			t.Errorf("%s: exit %d, stdout %q\nstderr %q\nwant   %q", args[0], code, stdout, stderr, want)
		}
		if after, _ := os.ReadFile(season); !bytes.Equal(before, after) {
			t.Errorf("%s: the workbook changed", args[0])
		}
		if got := testkit.FolderFiles(t, dir); !slices.Equal(got, []string{"race.csv", "season.xlsx"}) {
			t.Errorf("%s: folder holds %q", args[0], got)
		}
	}
}

// TestSymlinkedWorkbook (issue 11, item 8): score writes through a link:
// the link stays, the file it points to gets the standings, the backup is
// beside the link.
func TestSymlinkedWorkbook(t *testing.T) {
	store, work := t.TempDir(), t.TempDir()
	target := copyFile(t, alms, store, "alms-2019-20.xlsx")
	before, _ := os.ReadFile(target)
	link := filepath.Join(work, "season.xlsx")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := podium(t, "score", link)
	if want := "wrote 17 standings sheets into " + link + " (after round 4); the previous version is " + link + ".bak\n"; code != 0 || stdout != want {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if dest, err := os.Readlink(link); err != nil || dest != target {
		t.Errorf("the link now points to %q (%v)", dest, err)
	}
	if bak, _ := os.ReadFile(link + ".bak"); !bytes.Equal(bak, before) {
		t.Error("the backup is not the original")
	}
	f, err := excelize.OpenFile(target)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.GetCellValue("GT Drivers", "D5")
	f.Close()
	if v != "Marcos Gomes" {
		t.Errorf("the target's GT Drivers!D5 = %q", v)
	}
	if got := testkit.FolderFiles(t, store); !slices.Equal(got, []string{"alms-2019-20.xlsx"}) {
		t.Errorf("the target's folder holds %q", got)
	}
	if got := testkit.FolderFiles(t, work); !slices.Equal(got, []string{"season.xlsx", "season.xlsx.bak"}) {
		t.Errorf("the link's folder holds %q", got)
	}
}

// TestReexportKeepsEditedCSV (issue 11, item 15): a file of an earlier
// export edited since is kept, and the export says so.
func TestReexportKeepsEditedCSV(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, demo, dir, "season.xlsx")
	press := filepath.Join(dir, "press")
	if code, _, stderr := podium(t, "export", season, "--csv", press); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	edited := filepath.Join(press, "bronze-cup-drivers.csv")
	data, _ := os.ReadFile(edited)
	data = append(data, "note,checked by the press officer\n"...)
	os.WriteFile(edited, data, 0o644)
	f, err := excelize.OpenFile(season)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Entries", "D6", "")
	f.SetCellStr("Entries", "D7", "")
	f.Save()
	f.Close()
	code, stdout, stderr := podium(t, "export", season, "--csv", press)
	want := "wrote 8 CSV files into " + press + "; removed 1 file of an earlier export that this one does not write: bronze-cup-teams.csv\n" +
		"kept " + edited + ": an earlier export wrote it and it has changed since (remove it if it is no longer wanted)\n"
	if code != 0 || stdout != want || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q\nwant stdout %q", code, stdout, stderr, want)
	}
	if got, _ := os.ReadFile(edited); !bytes.Equal(got, data) {
		t.Error("the edited file changed")
	}
}

// TestScoreRemovesStaleTemp (issue 11, item 8): a temporary file that an
// interrupted run left beside the workbook is removed by the next run;
// other files that look alike stay.
func TestScoreRemovesStaleTemp(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, demo, dir, "season.xlsx")
	old := time.Now().Add(-2 * time.Hour)
	for _, name := range []string{".season.xlsx.9f86d081884c.tmp", ".season.xlsx.bak.9f86d081884c.tmp", ".season.xlsx.notes.tmp"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("half a workbook"), 0o644)
		os.Chtimes(p, old, old)
	}
	if code, _, stderr := podium(t, "score", season); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got, want := testkit.FolderFiles(t, dir), []string{".season.xlsx.notes.tmp", "season.xlsx", "season.xlsx.bak"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}
