package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const demo = "../../samples/demo.xlsx"

// podium runs the command line in-process and returns its exit code and
// output.
func podium(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"podium"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

// brokenCopy copies the demo and types a bad status into Results!D3.
func brokenCopy(t *testing.T, status string) string {
	t.Helper()
	f, err := excelize.OpenFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if status != "" {
		f.SetCellStr("Results", "D3", status)
	}
	path := filepath.Join(t.TempDir(), "season.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// withWarning copies the demo season into dir as warn.xlsx, with one
// warning: a driver's name one letter off another's.
func withWarning(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "warn.xlsx")
	f, err := excelize.OpenFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellStr("Drivers", "B17", "Kenji Watanbe") // Kenji Watanabe at B14
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// similarNamesWarning is the warning withWarning's season gives.
const similarNamesWarning = `Drivers!B17: warning: "Kenji Watanbe" looks like "Kenji Watanabe" at Drivers!B14 (one letter differs) (if they are the same person, spell the name the same way in both cells)`

func TestValidateExitCodes(t *testing.T) {
	withError := brokenCopy(t, "Retd")
	withWarning := withWarning(t, t.TempDir())
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // a line the output must hold
		stderrLine string // the first line of stderr
	}{
		{"clean", []string{"validate", demo}, 0, "demo.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)", ""},
		{"errors", []string{"validate", withError}, 1, `Results!D3: status "Retd" is not a status code (did you mean Ret?)`, ""},
		{"warnings only", []string{"validate", withWarning}, 0, "warn.xlsx: 0 errors, 1 warning", ""},
		{"strict after the file", []string{"validate", withWarning, "--strict"}, 1, "warn.xlsx: 0 errors, 1 warning", "podium: no errors, but --strict: the warning above fails the check"},
		{"strict before the file", []string{"validate", "--strict", withWarning}, 1, "warn.xlsx: 0 errors, 1 warning", "podium: no errors, but --strict: the warning above fails the check"},
		{"mistyped flag", []string{"validate", demo, "--strcit"}, 2, "", "podium: unknown flag --strcit (see podium validate --help)"},
		{"no file", []string{"validate"}, 2, "", "podium: give the season workbook to check: podium validate SEASON.xlsx"},
		{"two files", []string{"validate", demo, demo}, 2, "", "podium: podium validate takes one file (the season workbook to check), got 2: " + demo + " " + demo},
		{"missing file", []string{"validate", "nope.xlsx"}, 2, "", "podium: nope.xlsx: file not found (check the name and folder)"},
		{"bad format", []string{"validate", demo, "--format", "xml"}, 2, "", `podium: --format "xml": choose text or json`},
		{"unknown command", []string{"valdate", demo}, 2, "", `podium: "valdate" is not a podium command; did you mean validate?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := podium(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout, stderr)
			}
			if tt.stdout != "" && !strings.Contains(stdout, tt.stdout+"\n") {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			if first != tt.stderrLine {
				t.Errorf("stderr first line = %q, want %q", first, tt.stderrLine)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	path := brokenCopy(t, "Retd")
	code, stdout, _ := podium(t, "validate", path, "--format=json")
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	var report struct {
		File        string `json:"file"`
		Errors      int    `json:"errors"`
		Warnings    int    `json:"warnings"`
		Diagnostics []struct {
			Severity, Sheet, Cell, Code, Message, Hint string
			Row, Col                                   int
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if report.Errors != 1 || report.Warnings != 0 || len(report.Diagnostics) != 1 {
		t.Fatalf("report = %+v", report)
	}
	d := report.Diagnostics[0]
	if d.Severity != "error" || d.Sheet != "Results" || d.Cell != "D3" || d.Row != 3 || d.Col != 4 ||
		d.Code != "unknown-status" || d.Message != `status "Retd" is not a status code` || d.Hint != "did you mean Ret?" {
		t.Errorf("diagnostic = %+v", d)
	}
}

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "season.xlsx")
	code, stdout, stderr := podium(t, "template", path, "--series", "Asian Le Mans Series", "--rounds", "4")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote "+path) {
		t.Errorf("stdout = %q", stdout)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	series, _ := f.GetCellValue("Season", "B2")
	round4, _ := f.GetCellValue("Calendar", "A5")
	f.Close()
	if series != "Asian Le Mans Series" || round4 != "4" {
		t.Errorf("Season!B2 = %q, Calendar!A5 = %q", series, round4)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm()&0o044 == 0 {
		t.Errorf("template mode %v is private; want the usual permissions", info.Mode())
	}

	before, _ := os.ReadFile(path)
	code, _, stderr = podium(t, "template", path)
	if code != 2 || !strings.Contains(stderr, "the file already exists (choose another name, or add --force to replace it)") {
		t.Errorf("overwrite without --force: exit %d, stderr %s", code, stderr)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused run changed the file")
	}
	if code, _, stderr = podium(t, "template", path, "--force"); code != 0 {
		t.Errorf("--force: exit %d, %s", code, stderr)
	}
	if code, _, stderr = podium(t, "template", filepath.Join(dir, "season.xls")); code != 2 || !strings.Contains(stderr, "give a name ending in .xlsx") {
		t.Errorf(".xls name: exit %d, %s", code, stderr)
	}
	if code, _, stderr = podium(t, "template", filepath.Join(dir, "no", "such", "folder.xlsx")); code != 2 || !strings.Contains(stderr, "does not exist") {
		t.Errorf("missing folder: exit %d, %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestReorderArgs(t *testing.T) {
	app := newApp(nil, nil)
	tests := []struct{ in, want string }{
		{"podium validate a.xlsx --strict", "podium validate --strict -- a.xlsx"},
		{"podium validate a.xlsx --format json", "podium validate --format json -- a.xlsx"},
		{"podium validate --format=json a.xlsx", "podium validate --format=json -- a.xlsx"},
		{"podium validate -- --odd-name.xlsx --strict", "podium validate -- --odd-name.xlsx --strict"},
		{"podium template t.xlsx --rounds 4 --force", "podium template --rounds 4 --force -- t.xlsx"},
		{"podium --help", "podium --help"},
		{"podium unknown x --y", "podium unknown x --y"},
	}
	for _, tt := range tests {
		got := strings.Join(reorderArgs(app, strings.Fields(tt.in)), " ")
		if got != tt.want {
			t.Errorf("reorderArgs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

const alms = "../../samples/alms-2019-20.xlsx"

func copyFile(t *testing.T, from, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestScoreCommand(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1582502400")
	dir := t.TempDir()
	season := copyFile(t, alms, dir, "season.xlsx")
	original, _ := os.ReadFile(season)

	code, stdout, stderr := podium(t, "score", season, "--csv", filepath.Join(dir, "press"), "--bom")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "wrote 17 standings sheets into " + season + " (after round 4); the previous version is " + season + ".bak\n" +
		"wrote 14 CSV files into " + filepath.Join(dir, "press") + "\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
	if backup, _ := os.ReadFile(season + ".bak"); !bytes.Equal(backup, original) {
		t.Error("the backup is not the original")
	}
	if stderr != "" {
		t.Errorf("stderr = %q", stderr)
	}
	f, err := excelize.OpenFile(season)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.GetCellValue("GT Drivers", "D5")
	f.Close()
	if v != "Marcos Gomes" {
		t.Errorf("GT Drivers!D5 = %q", v)
	}

	// Standalone standings after round 2.
	out := filepath.Join(dir, "after-2.xlsx")
	if code, _, stderr := podium(t, "score", alms, "--after-round", "2", "--out", out); code != 0 {
		t.Fatalf("--out: exit %d: %s", code, stderr)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	row, _ := g.GetRows("LMP2 Teams")
	g.Close()
	if got := strings.Join(row[4], "|"); got != "1||26|G-Drive Racing with Algarve|RUS|Aurus 01|1|1|50" {
		t.Errorf("after round 2: %s", got)
	}
	// The season is Final, but not after round 2.
	if got := row[1][0]; got != "Asian Le Mans Series 2019–20 · After round 2 (4 Hours of The Bend) · Provisional" {
		t.Errorf("after round 2, title row: %s", got)
	}
	// Running again replaces the standings workbook.
	if code, _, stderr := podium(t, "score", alms, "--out", out); code != 0 {
		t.Errorf("second --out: exit %d: %s", code, stderr)
	}
}

func TestScoreRefusals(t *testing.T) {
	dir := t.TempDir()
	season := copyFile(t, alms, dir, "season.xlsx")
	other := copyFile(t, demo, dir, "other.xlsx")
	if err := os.Mkdir(filepath.Join(dir, "folder.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	broken := brokenCopy(t, "Retd")
	brokenBefore, _ := os.ReadFile(broken)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"out is the season", []string{"score", season, "--out", season}, 2, "is the season workbook itself"},
		{"out is another workbook", []string{"score", season, "--out", other}, 2, "exists and is not a standings workbook written by podium; give another name, or add --force to replace it"},
		{"out is not xlsx", []string{"score", season, "--out", filepath.Join(dir, "x.csv")}, 2, "give a name ending in .xlsx"},
		{"out is a folder", []string{"score", season, "--out", filepath.Join(dir, "folder.xlsx")}, 2, "folder.xlsx is a folder; give the name of the .xlsx file to write"},
		{"csv folder is a file", []string{"score", season, "--csv", other}, 2, "other.xlsx is a file; give a folder for the CSV files"},
		{"export csv folder is a file", []string{"export", season, "--csv", other}, 2, "other.xlsx is a file; give a folder for the CSV files"},
		{"round not in the calendar", []string{"score", season, "--after-round", "9"}, 2, "--after-round 9: round 9 is not in the calendar, which has rounds 1–4"},
		{"errors in the data", []string{"score", broken}, 1, `Results!D3: status "Retd" is not a status code (did you mean Ret?)`},
		{"export needs a destination", []string{"export", season}, 2, "give --csv DIR (or --csv - for standard output) or --zip FILE"},
		{"bad SOURCE_DATE_EPOCH", []string{"score", season, "--out", filepath.Join(dir, "y.xlsx")}, 2, "SOURCE_DATE_EPOCH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "bad SOURCE_DATE_EPOCH" {
				t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
			}
			before, _ := os.ReadFile(season)
			code, _, stderr := podium(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
			if after, _ := os.ReadFile(season); !bytes.Equal(before, after) {
				t.Error("the season workbook changed")
			}
		})
	}
	if after, _ := os.ReadFile(broken); !bytes.Equal(brokenBefore, after) {
		t.Error("the workbook with errors changed")
	}
}

func TestExportToStdout(t *testing.T) {
	code, stdout, stderr := podium(t, "export", alms, "--csv", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Classification,Championship,Pos,Competitor,No.,Round,Result,Points\nLMP2,Teams,1,G-Drive Racing with Algarve,26,1,1,25\n") {
		t.Errorf("stdout starts %q", stdout[:min(len(stdout), 150)])
	}
}

// TestScoreWritesWarningsToIssues: warnings are printed and, on
// write-back, kept in the season workbook's Issues sheet; a standings
// workbook written with --out (the one that gets emailed) has no Issues
// sheet: its reader does not have the cells the warnings name.
func TestScoreWritesWarningsToIssues(t *testing.T) {
	dir := t.TempDir()
	season := withWarning(t, dir)
	out := filepath.Join(dir, "standings.xlsx")
	code, _, stderr := podium(t, "score", season, "--out", out)
	warning := similarNamesWarning
	if code != 0 || !strings.Contains(stderr, warning) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if idx, _ := g.GetSheetIndex("Issues"); idx >= 0 {
		t.Errorf("--out: the standings workbook has an Issues sheet: %q", g.GetSheetList())
	}

	code, _, stderr = podium(t, "score", season)
	if code != 0 || !strings.Contains(stderr, warning) {
		t.Fatalf("write-back: exit %d, stderr %q", code, stderr)
	}
	h, err := excelize.OpenFile(season)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	rows, err := h.GetRows("Issues")
	if err != nil {
		t.Fatal(err)
	}
	// Erik Haugen and Kenji Watanabe now tie in car 61, but only by rounds
	// worth nothing: one crew, no steward's decision, no warning.
	if len(rows) != 2 || strings.Join(rows[1], "|") != `warning|similar-names|Drivers!B17|"Kenji Watanbe" looks like "Kenji Watanabe" at Drivers!B14 (one letter differs)|if they are the same person, spell the name the same way in both cells` {
		t.Errorf("Issues = %q", rows)
	}
}

// TestProgressOnlyOnATerminal: output to a file or a pipe (CI logs, tests)
// never gets the progress line.
func TestProgressOnlyOnATerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Fatal("a regular file taken for a terminal")
	}
	stop := newProgress(f, 0).start()
	stop()
	if info, _ := f.Stat(); info.Size() != 0 {
		t.Errorf("progress wrote %d bytes to a file", info.Size())
	}
}
