package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
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
	for name, data := range map[string]string{
		"bad.csv": "NUMBER;CLASS;STATUS\n7;GT;Finito\n8;GT;Classified\n",
		// Issue 11, item 4: taken for a Results-headers CSV, it emptied
		// the round.
		"junk.csv": "POS;NO;NAME\n1;1;x\n",
		// Issue 11, item 16: a bad status, an unknown class and unknown
		// cars, reported in one run.
		"many.csv": "POS;NO;CLASS;STATUS\n1;26;LMP2;Finito\n2;36;LMP9;\n3;98;LMP2;\n4;99;LMP3;\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
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
			"bad.csv:2 (cell C2, STATUS): status \"Finito\" is not a timing status (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)\n" +
				"bad.csv: round 1 holds results of 25 cars that are not in the file: 1 (Results!B8), 2 (Results!B14), 3 (Results!B18), 4 (Results!B12), 9 (Results!B15), 12 (Results!B16), 13 (Results!B13), 16 (Results!B26), 17 (Results!B21), 25 (Results!B11) and 15 more; the import would remove them (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)\n" +
				"podium: nothing imported: 2 problems in bad.csv\n"},
		{"problems in the timing file, round not in the Calendar", []string{"import", "--round", "7", "bad.csv", "season.xlsx"}, 2,
			"bad.csv:2 (cell C2, STATUS): status \"Finito\" is not a timing status (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)\n" +
				"podium: season.xlsx: the round is not in the Calendar: round 7 (the Calendar has rounds 1–4)\n"},
		{"a junk file", []string{"import", "--round", "1", "junk.csv", "season.xlsx"}, 1,
			"junk.csv:1: the file does not look like a classification: its header row (POS;NO;NAME) has no class, status, laps or lap time column (export the session's classification from the timing system)\n" +
				"junk.csv:2 (cell B2, NO): the file does not look like the round's classification: it has one car (1), and round 1 holds results of 26 cars (export the whole classification of the session; a single result is typed into Results by hand)\n" +
				"junk.csv: round 1 holds results of 25 cars that are not in the file: 2 (Results!B14), 3 (Results!B18), 4 (Results!B12), 7 (Results!B23), 9 (Results!B15), 12 (Results!B16), 13 (Results!B13), 16 (Results!B26), 17 (Results!B21), 25 (Results!B11) and 15 more; the import would remove them (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)\n" +
				"podium: nothing imported: 3 problems in junk.csv\n"},
		{"a junk file with --replace-round", []string{"import", "--round", "1", "--replace-round", "junk.csv", "season.xlsx"}, 1,
			"junk.csv:1: the file does not look like a classification: its header row (POS;NO;NAME) has no class, status, laps or lap time column (export the session's classification from the timing system)\n" +
				"junk.csv:2 (cell B2, NO): the file does not look like the round's classification: it has one car (1), and round 1 holds results of 26 cars (export the whole classification of the session; a single result is typed into Results by hand)\n" +
				"podium: nothing imported: 2 problems in junk.csv\n"},
		{"every problem at once", []string{"import", "--round", "1", "many.csv", "season.xlsx"}, 1,
			"many.csv:2 (cell D2, STATUS): status \"Finito\" is not a timing status (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)\n" +
				"many.csv:3 (cell C3, CLASS): class \"LMP9\" is not a class of the workbook (the workbook's classes are LMP2, LMP2 Am, LMP3, GT, GT Am; if it is another name for one of them, map it with --class 'LMP9=CLASS')\n" +
				"many.csv:4 (cell B4, NO): cars are not in Entries: 98, 99 (lines 4, 5) (add them to Entries and Drivers, correct the numbers in the file, or run again with --add-entries to append them from the file)\n" +
				"many.csv: round 1 holds results of 24 cars that are not in the file: 1 (Results!B8), 2 (Results!B14), 3 (Results!B18), 4 (Results!B12), 7 (Results!B23), 9 (Results!B15), 12 (Results!B16), 13 (Results!B13), 16 (Results!B26), 17 (Results!B21) and 14 more; the import would remove them (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)\n" +
				"podium: nothing imported: 4 problems in many.csv\n"},
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

// TestImportCommandLineEndings imports the 26-car race export with its
// line endings mixed (CR LF, LF and bare CR, as hand edits leave them):
// every car is read, and the import is the same as the CR LF file's. The
// mixed file used to lose 8 cars and their results.
func TestImportCommandLineEndings(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, alms, dir, "season.xlsx")
	data, err := os.ReadFile(almsRace1)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	var mixed strings.Builder
	for i, l := range lines {
		if l == "" {
			continue
		}
		mixed.WriteString(strings.TrimSuffix(l, "\n") + []string{"\r\n", "\n", "\r"}[i%3])
	}
	if err := os.WriteFile(filepath.Join(dir, "race.csv"), []byte(mixed.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	original, _ := os.ReadFile(filepath.Join(dir, "season.xlsx"))
	code, out, errOut := inDir(t, dir, "import", "--round", "1", "race.csv", "season.xlsx")
	want := `race.csv: ACO/FIA timing export, UTF-8 with BOM, separated by semicolons; 26 cars
imported round 1 race into season.xlsx
  Results: rows 2–27 rewritten
  fastest lap GT: car 90 (2'05.290)
  fastest lap LMP2: car 1 (1'54.040)
  fastest lap LMP2 Am: car 4 (1'58.162)
  fastest lap LMP3: car 65 (2'03.737)
season.xlsx then: no problems found
the previous version is season.xlsx.bak
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	if bak, _ := os.ReadFile(filepath.Join(dir, "season.xlsx.bak")); !slices.Equal(bak, original) {
		t.Error("the backup is not the previous workbook")
	}
	// The same as the export with its own CR LF line endings.
	crlf := t.TempDir()
	copyFile(t, alms, crlf, "season.xlsx")
	copyFile(t, almsRace1, crlf, "race.csv")
	if _, _, errOut := inDir(t, crlf, "import", "--round", "1", "race.csv", "season.xlsx"); errOut != "" {
		t.Fatal(errOut)
	}
	if a, b := results(t, filepath.Join(dir, "season.xlsx")), results(t, filepath.Join(crlf, "season.xlsx")); !slices.Equal(a, b) {
		t.Errorf("Results after the mixed file:\n%s\nafter the CR LF file:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
}

// TestImportCommandReplaceRound: a race file without one of the round's
// cars is refused, naming the car and its cell; --replace-round removes its
// result and says so.
func TestImportCommandReplaceRound(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, alms, dir, "season.xlsx")
	data, err := os.ReadFile(almsRace1)
	if err != nil {
		t.Fatal(err)
	}
	lines := slices.DeleteFunc(strings.SplitAfter(string(data), "\n"), func(l string) bool {
		return strings.HasPrefix(l, "18;7;") // car 7, 18th
	})
	if len(lines) != 27 { // 26 lines and "" after the last line ending
		t.Fatalf("%d lines", len(lines))
	}
	short := strings.Join(lines, "")
	if err := os.WriteFile(filepath.Join(dir, "race.csv"), []byte(short), 0o644); err != nil {
		t.Fatal(err)
	}
	original, _ := os.ReadFile(filepath.Join(dir, "season.xlsx"))
	code, out, errOut := inDir(t, dir, "import", "--round", "1", "race.csv", "season.xlsx")
	wantErr := "race.csv:1 (cell A1, POSITION): the file does not look like a classification: its positions (1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 15 more) do not run 1, 2, 3 … overall or within each class — position 18 is missing (export the whole classification of the session; if cars were left out of it on purpose, run again with --replace-round)\n" +
		"race.csv: round 1 holds the result of car 7 (Results!B23), which is not in the file; the import would remove it (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)\npodium: nothing imported: 2 problems in race.csv\n"
	if code != 1 || out != "" || errOut != wantErr {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, out, errOut, wantErr)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "season.xlsx")); !slices.Equal(now, original) {
		t.Error("a refused import changed the workbook")
	}
	if _, err := os.Stat(filepath.Join(dir, "season.xlsx.bak")); err == nil {
		t.Error("a refused import wrote a backup")
	}
	code, out, errOut = inDir(t, dir, "import", "--round", "1", "--replace-round", "race.csv", "season.xlsx")
	want := `race.csv: ACO/FIA timing export, UTF-8 with BOM, separated by semicolons; 25 cars
imported round 1 race into season.xlsx
  Results: rows 2–26 rewritten
  Results: row 27 emptied
  fastest lap GT: car 90 (2'05.290)
  fastest lap LMP2: car 1 (1'54.040)
  fastest lap LMP2 Am: car 4 (1'58.162)
  fastest lap LMP3: car 65 (2'03.737)
warning: Results!B23: car 7 had a result in round 1 but is not in the race classification; its result was removed (--replace-round)
season.xlsx then: no problems found
the previous version is season.xlsx.bak
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("--replace-round: exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
}

// results returns the Results sheet's rows as text.
func results(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Results")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, " | "))
	}
	return out
}

// TestImportCommandMinimalResults: into a Results sheet with only the
// required columns (no Laps, no Fastest lap), a race imports, and the
// report says once that the laps and fastest laps were not kept.
func TestImportCommandMinimalResults(t *testing.T) {
	dir := t.TempDir()
	path := copyFile(t, alms, dir, "season.xlsx")
	copyFile(t, almsRace1, dir, "race.csv")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, err := f.GetRows("Results")
	if err != nil {
		t.Fatal(err)
	}
	for i := len(header[0]) - 1; i >= 0; i-- {
		switch header[0][i] {
		case "Fastest lap", "Laps", "Note":
			name, _ := excelize.ColumnNumberToName(i + 1)
			if err := f.RemoveCol("Results", name); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut := inDir(t, dir, "import", "--round", "1", "race.csv", "season.xlsx")
	want := `race.csv: ACO/FIA timing export, UTF-8 with BOM, separated by semicolons; 26 cars
imported round 1 race into season.xlsx
  Results: rows 2–27 rewritten
note: the laps and fastest laps of the file were not kept: the Results sheet has no Laps or Fastest lap column
season.xlsx then: no problems found
the previous version is season.xlsx.bak
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	if got := results(t, path)[0]; got != "Round | No. | Pos | Status | Pole" {
		t.Errorf("Results headers %q", got)
	}
}

// TestImportCommandMeeting: two races of one meeting (Calendar Meeting) are
// two rounds, each imported by its own --round: the sprint's file into
// round 3, the race's into round 4, neither touching the other's rows.
func TestImportCommandMeeting(t *testing.T) {
	dir := t.TempDir()
	path := copyFile(t, demo, dir, "season.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range map[string]string{"H1": "Meeting", "H4": "Portimão", "H5": "Portimão", "B4": "SPR", "B5": "RACE"} {
		if err := f.SetCellStr("Calendar", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sprint.csv", "Pos,No.,Status,Laps\n1,7,,115\n2,31,,115\n3,44,,114\n4,77,,107\n5,99,,107\n6,50,,106\n7,88,,105\n,22,Ret,88\n,61,Ret,40\n")
	write("race.csv", "Pos,No.,Status,Laps,Laps led\n1,44,,171,100\n2,7,,171,71\n3,22,,170,\n4,31,,169,\n5,88,,160,\n6,50,,159,\n7,77,,158,\n,61,DSQ,159,\n")
	before := results(t, path)

	code, out, errOut := inDir(t, dir, "import", "--round", "3", "sprint.csv", "season.xlsx")
	want := `sprint.csv: CSV with Results headers, UTF-8, separated by commas; 9 cars
imported round 3 race into season.xlsx
  Results: rows 19–27 rewritten
season.xlsx then: no problems found
the previous version is season.xlsx.bak
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("round 3: exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	code, out, errOut = inDir(t, dir, "import", "--round", "4", "race.csv", "season.xlsx")
	want = `race.csv: CSV with Results headers, UTF-8, separated by commas; 8 cars
imported round 4 race into season.xlsx
  Results: rows 28–35 rewritten
note: the laps led of the file were not kept: the Results sheet has no Laps led column
season.xlsx then: no problems found
the previous version is season.xlsx.bak
`
	if code != 0 || out != want || errOut != "" {
		t.Errorf("round 4: exit %d\n%s\nwant:\n%s\nstderr: %s", code, out, want, errOut)
	}
	got := results(t, path)
	wantRows := append(slices.Clone(before[:18]),
		"3 | 7 | 1 |  |  |  | 115",
		"3 | 31 | 2 |  | Y | Y | 115",
		"3 | 44 | 3 |  |  |  | 114",
		"3 | 77 | 1 |  | Y |  | 107",
		"3 | 99 | 2 |  |  |  | 107",
		"3 | 50 | 3 |  |  | Y | 106",
		"3 | 88 | 4 |  |  |  | 105",
		"3 | 22 |  | Ret |  |  | 88 | Puncture",
		"3 | 61 |  | Ret |  |  | 40",
		"4 | 44 | 1 |  |  |  | 171",
		"4 | 7 | 2 |  | Y | Y | 171",
		"4 | 22 | 3 |  |  |  | 170",
		"4 | 31 | 4 |  |  |  | 169",
		"4 | 88 | 1 |  | Y |  | 160",
		"4 | 50 | 2 |  |  | Y | 159",
		"4 | 77 | 3 |  |  |  | 158",
		"4 | 61 |  | DSQ |  |  | 159 | Technical infringement (Decision 31)",
	)
	if !slices.Equal(got, wantRows) {
		t.Errorf("Results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantRows, "\n"))
	}
	if code, _, errOut := inDir(t, dir, "score", "season.xlsx"); code != 0 {
		t.Errorf("score after the imports: exit %d: %s", code, errOut)
	}
}
