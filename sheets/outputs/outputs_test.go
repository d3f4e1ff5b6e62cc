package outputs

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/site"
)

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
	siteAt := func(p string) Place { return Place{Name: "--html", Path: p, Kind: SiteFolder} }
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
			readOnly + ": the file is read-only (make it writable (its Properties, or chmod u+w), or give another name)", ooxml.ErrReadOnly},
		{"template exists", OutputPlan{Outputs: []Place{{Name: "the template", Path: other, Kind: NewFile}}},
			other + ": the file already exists (choose another name, or add --force to replace it)", ooxml.ErrExists},
		// publish --html: a folder replaced whole.
		{"site in a new folder", OutputPlan{Inputs: in, Outputs: []Place{siteAt(filepath.Join(dir, "web"))}}, "", nil},
		{"site is a file", OutputPlan{Inputs: in, Outputs: []Place{siteAt(other)}},
			"--html " + other + " is a file; give a folder for the web pages", nil},
		{"site holds the season", OutputPlan{Inputs: in, Outputs: []Place{siteAt(dir)}},
			"the season workbook " + season + " is inside --html " + dir + ", which podium replaces as a whole; give a place outside it", nil},
		{"site holds another output", OutputPlan{Inputs: in, Outputs: []Place{siteAt(filepath.Join(dir, "web")), zipAt(filepath.Join(dir, "web", "press.zip"))}},
			"--zip " + dir + "/web/press.zip is inside --html " + dir + "/web, which podium replaces as a whole; give a place outside it", nil},
		{"site is someone else's folder, even with --force", OutputPlan{Inputs: in, Outputs: []Place{siteAt(filepath.Join(dir, "press"))}, Force: true},
			dir + "/press: the folder holds files and is not a site podium published (give a new or empty folder, or the folder of an earlier podium publish --html; podium never removes files it did not write)", site.ErrNotSite},
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
