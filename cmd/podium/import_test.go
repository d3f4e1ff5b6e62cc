package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const almsRace1 = "../../samples/testdata/timing/alms-r1-race-aco.csv"

// inDir runs podium in dir, so that the paths it prints are short.
func inDir(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	return podium(t, args...)
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, alms, dir, "season.xlsx")
	copyFile(t, almsRace1, dir, "race.csv")
	original, _ := os.ReadFile(filepath.Join(dir, "season.xlsx"))

	code, out, errOut := inDir(t, dir, "import", "--round", "1", "race.csv", "season.xlsx", "--dry-run")
	want := `race.csv: ACO/FIA timing export, UTF-8 with BOM, separated by semicolons; 26 cars
would import round 1 race into season.xlsx
  Results: rows 2–27 would be rewritten
  fastest lap GT: car 90 (2'05.290)
  fastest lap LMP2: car 1 (1'54.040)
  fastest lap LMP2 Am: car 4 (1'58.162)
  fastest lap LMP3: car 65 (2'03.737)
season.xlsx then: no problems found
dry run: nothing written
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("dry run: exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "season.xlsx")); !slices.Equal(now, original) {
		t.Error("a dry run changed the workbook")
	}

	code, out, _ = inDir(t, dir, "import", "--round", "1", "race.csv", "season.xlsx")
	want = `race.csv: ACO/FIA timing export, UTF-8 with BOM, separated by semicolons; 26 cars
imported round 1 race into season.xlsx
  Results: rows 2–27 rewritten
  fastest lap GT: car 90 (2'05.290)
  fastest lap LMP2: car 1 (1'54.040)
  fastest lap LMP2 Am: car 4 (1'58.162)
  fastest lap LMP3: car 65 (2'03.737)
season.xlsx then: no problems found
the previous version is season.xlsx.bak
`
	if code != 0 || out != want {
		t.Errorf("import: exit %d\n%s\nwant:\n%s", code, out, want)
	}
	if bak, _ := os.ReadFile(filepath.Join(dir, "season.xlsx.bak")); !slices.Equal(bak, original) {
		t.Error("the backup is not the previous workbook")
	}

	code, out, _ = inDir(t, dir, "import", "--round", "1", "race.csv", "season.xlsx")
	want = "race.csv: ACO/FIA timing export, UTF-8 with BOM, separated by semicolons; 26 cars\nseason.xlsx already holds this round 1 race classification: nothing to write\n"
	if code != 0 || out != want {
		t.Errorf("again: exit %d\n%s\nwant:\n%s", code, out, want)
	}
	if code, _, errOut := inDir(t, dir, "score", "season.xlsx"); code != 0 {
		t.Errorf("score after the import: exit %d: %s", code, errOut)
	}
}

func TestImportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, alms, dir, "season.xlsx")
	copyFile(t, almsRace1, dir, "race.csv")
	if err := os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("NUMBER;CLASS;STATUS\n7;GT;Finito\n8;GT;Classified\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	original, _ := os.ReadFile(filepath.Join(dir, "season.xlsx"))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no files", []string{"import", "--round", "1"}, 2, "podium: give the timing file and the season workbook: podium import --round N TIMING.csv SEASON.xlsx (got 0 files)\n"},
		{"one file", []string{"import", "--round", "1", "race.csv"}, 2, "podium: give the timing file and the season workbook: podium import --round N TIMING.csv SEASON.xlsx (got 1 file)\n"},
		{"files swapped", []string{"import", "--round", "1", "season.xlsx", "race.csv"}, 2, "podium: the timing file comes first, then the season workbook: podium import --round N race.csv season.xlsx\n"},
		{"no round", []string{"import", "race.csv", "season.xlsx"}, 2, "podium: give the round with --round N (the Calendar's round number)\n"},
		{"round 0", []string{"import", "--round", "0", "race.csv", "season.xlsx"}, 2, "podium: --round 0: give a round number of the Calendar (1, 2, …)\n"},
		{"round not in the Calendar", []string{"import", "--round", "7", "race.csv", "season.xlsx"}, 2, "podium: season.xlsx: the round is not in the Calendar: round 7 (the Calendar has rounds 1–4)\n"},
		{"unknown session", []string{"import", "--round", "1", "--session", "practice", "race.csv", "season.xlsx"}, 2, "podium: --session \"practice\": choose race or qualifying\n"},
		{"bad class mapping", []string{"import", "--round", "1", "--class", "LMP2 Pro-Am", "race.csv", "season.xlsx"}, 2, "podium: --class \"LMP2 Pro-Am\": write it as 'TIMING CLASS=WORKBOOK CLASS', e.g. --class 'LMP2 Pro-Am=LMP2 Am'\n"},
		{"timing file missing", []string{"import", "--round", "1", "nothere.csv", "season.xlsx"}, 2, "podium: nothere.csv: file not found (check the name and folder)\n"},
		{"workbook missing", []string{"import", "--round", "1", "race.csv", "nothere.xlsx"}, 2, "podium: nothere.xlsx: file not found (check the name and folder)\n"},
		{"problems in the timing file", []string{"import", "--round", "1", "bad.csv", "season.xlsx"}, 1,
			"bad.csv:2 (cell C2, STATUS): status \"Finito\" is not a timing status (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)\npodium: nothing imported: 1 problem in bad.csv\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := inDir(t, dir, tt.args...)
			if code != tt.code || errOut != tt.stderr || out != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d, stderr:\n%s", code, out, errOut, tt.code, tt.stderr)
			}
			if now, _ := os.ReadFile(filepath.Join(dir, "season.xlsx")); !slices.Equal(now, original) {
				t.Error("the workbook changed")
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "season.xlsx.bak")); err == nil {
		t.Error("a backup was written")
	}
}
