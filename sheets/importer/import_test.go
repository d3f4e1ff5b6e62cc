package importer

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// sheetRows returns a sheet's cells as text, rows joined with " | ".
func sheetRows(t *testing.T, path, sheet string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, " | "))
	}
	return out
}

// TestImportRace re-imports the demo's round 4 from the timing export:
// positions become positions in class, the poles and notes stay with their
// cars, the fastest laps come from the lap times (the Bronze Cup's too), the
// other rounds and every other sheet are untouched, and the standings are
// the same.
func TestImportRace(t *testing.T) {
	path := demoWorkbook(t, nil)
	before := sheetRows(t, path, "Results")
	season, _, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	wantStandings, _ := scoring.Score(season, scoring.Options{})

	report, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4, Session: Race, FastestLap: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(report.Replaced, []int{28, 29, 30, 31, 32, 33, 34, 35}) || len(report.Added) > 0 || len(report.Cleared) > 0 {
		t.Errorf("rows: replaced %v, added %v, cleared %v", report.Replaced, report.Added, report.Cleared)
	}
	wantMarks := []string{"fastest lap Am: car 50 (1'46.500)", "fastest lap Bronze Cup: car 50 (1'46.500)", "fastest lap Pro: car 7 (1'40.100)"}
	if !slices.Equal(report.Marks, wantMarks) {
		t.Errorf("marks %q, want %q", report.Marks, wantMarks)
	}
	if len(report.Warnings) > 0 || len(report.After) > 0 || report.Backup != path+".bak" {
		t.Errorf("warnings %q, after %v, backup %q", report.Warnings, report.After, report.Backup)
	}
	after := sheetRows(t, path, "Results")
	want := slices.Clone(before[:27])
	want = append(want,
		"4 | 7 | 1 |  | Y | Y | 171",
		"4 | 44 | 2 |  |  |  | 171",
		"4 | 22 | 3 |  |  |  | 170",
		"4 | 31 | 4 |  |  |  | 169",
		"4 | 88 | 1 |  | Y |  | 160",
		"4 | 50 | 2 |  |  | Y, Bronze Cup | 159",
		"4 | 77 | 3 |  |  |  | 158",
		"4 | 61 |  | DSQ |  |  | 159 | Technical infringement (Decision 31)",
	)
	if !slices.Equal(after, want) {
		t.Errorf("Results:\n%s\nwant:\n%s", strings.Join(after, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Equal(mustRead(t, path+".bak"), mustRead(t, path+".bak")) {
		t.Error("no backup")
	}
	for _, sheet := range []string{"Season", "Calendar", "Points", "Entries", "Drivers", "Penalties"} {
		bak := filepath.Join(t.TempDir(), "bak.xlsx")
		if err := os.WriteFile(bak, mustRead(t, path+".bak"), 0o644); err != nil {
			t.Fatal(err)
		}
		if a, b := sheetRows(t, bak, sheet), sheetRows(t, path, sheet); !slices.Equal(a, b) {
			t.Errorf("sheet %s changed", sheet)
		}
	}
	season, diags, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil || len(diags) > 0 {
		t.Fatalf("after the import: %v %v", err, diags)
	}
	got, _ := scoring.Score(season, scoring.Options{})
	for i, c := range got.Classifications {
		for j, l := range c.Teams {
			w := wantStandings.Classifications[i].Teams[j]
			if l.No != w.No || l.Points != w.Points || l.Pos != w.Pos {
				t.Errorf("%s teams: %s %v (pos %d), want %s %v (pos %d)", c.Name, l.No, l.Points, l.Pos, w.No, w.Points, w.Pos)
			}
		}
	}

	// The same file again: nothing to write, the workbook byte-identical.
	data := mustRead(t, path)
	report, err = Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4, Session: Race, FastestLap: true})
	if err != nil {
		t.Fatal(err)
	}
	if report.Changed || !slices.Equal(data, mustRead(t, path)) {
		t.Error("importing the same file twice changed the workbook")
	}
}

// TestImportQualifyingBeforeOrAfterRace: poles from qualifying and the
// race classification give the same Results in either order, and the
// race import keeps the poles.
func TestImportQualifyingBeforeOrAfterRace(t *testing.T) {
	qualifying := bom + "POSITION;NUMBER;CLASS;FL_TIME;\n" +
		"1;22;PRO;1'38.000;\n2;7;PRO;1'38.100;\n3;61;AM;1'44.000;\n4;88;AM;1'44.500;\n5;44;PRO;1'38.900;\n6;50;AM;1'44.900;\n"
	run := func(order ...Session) []string {
		path := demoWorkbook(t, func(r int) bool { return r < 4 })
		for _, s := range order {
			text := demoRound4
			if s == Qualifying {
				text = qualifying
			}
			if _, err := Import(path, readTimingText(t, string(s)+".csv", text), Options{Round: 4, Session: s, FastestLap: true}); err != nil {
				t.Fatal(err)
			}
		}
		return sheetRows(t, path, "Results")
	}
	first, second := run(Qualifying, Race), run(Race, Qualifying)
	if !slices.Equal(first, second) {
		t.Errorf("qualifying first:\n%s\nrace first:\n%s", strings.Join(first, "\n"), strings.Join(second, "\n"))
	}
	wantTail := []string{
		"4 | 7 | 1 |  |  | Y | 171",
		"4 | 44 | 2 |  |  |  | 171",
		"4 | 22 | 3 |  | Y |  | 170",
		"4 | 31 | 4 |  |  |  | 169",
		"4 | 88 | 1 |  |  |  | 160",
		"4 | 50 | 2 |  |  | Y, Bronze Cup | 159",
		"4 | 77 | 3 |  |  |  | 158",
		"4 | 61 |  | DSQ | Y, Bronze Cup |  | 159",
	}
	if got := first[len(first)-8:]; !slices.Equal(got, wantTail) {
		t.Errorf("round 4:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantTail, "\n"))
	}
}

// TestImportProblems: the bad timing files, and what the import says of
// each — every problem of the file at once, grouped (what the file is,
// its lines, its classes, its cars, the results it would remove), each
// with its line and cell. The workbook is left byte-identical.
func TestImportProblems(t *testing.T) {
	const refusedRound4 = "race.csv: round 4 holds results of 8 cars that are not in the file: 7 (Results!B28), 22 (Results!B30), 31 (Results!B31), 44 (Results!B29), 50 (Results!B33), 61 (Results!B35), 77 (Results!B34), 88 (Results!B32); the import would remove them (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)"
	tests := []struct {
		name   string
		timing string
		opts   Options
		// held is true when round 4 already holds its results.
		held bool
		want []string
	}{
		{"cars not in Entries", "NUMBER;CLASS;POSITION\n7;Pro;1\n5;Pro;2\n6;Am;3\n", Options{Round: 4}, false, []string{
			"race.csv:3 (cell A3, NUMBER): cars are not in Entries: 5, 6 (lines 3, 4) (add them to Entries and Drivers, correct the numbers in the file, or run again with --add-entries to append them from the file)"}},
		{"unknown class", "NUMBER;CLASS;POSITION\n7;LMP2 Pro-Am;1\n44;LMP2 Pro-Am;2\n", Options{Round: 4}, false, []string{
			"race.csv:2 (cell B2, CLASS): class \"LMP2 Pro-Am\" is not a class of the workbook; also line 3 (the workbook's classes are Pro, Am, Bronze Cup; if it is another name for one of them, map it with --class 'LMP2 Pro-Am=Pro')"}},
		{"a mapping to an unknown class", "NUMBER;CLASS;POSITION\n7;P;1\n", Options{Round: 4, Classes: map[string]string{"P": "Platinum"}}, false, []string{
			"race.csv: --class \"P\"=\"Platinum\": class \"Platinum\" is not in the workbook's Entries (known classes: Pro, Am, Bronze Cup)"}},
		{"no rows for the round", "Round;No.;Pos\n1;7;1\n2;7;2\n", Options{Round: 4}, false, []string{
			"race.csv: the file has no rows for round 4 (it has rounds 1, 2)"}},
		{"round not in the Calendar", "NUMBER;POSITION\n7;1\n", Options{Round: 9}, false, []string{
			"season.xlsx: the round is not in the Calendar: round 9 (the Calendar has rounds 1–4)"}},
		// Item 4 of issue 11: a junk file was taken for a Results-headers
		// CSV and emptied the round.
		{"junk with generic headers", "POS;NO;NAME\n1;1;x\n", Options{Round: 4}, true, []string{
			"race.csv:1: the file does not look like a classification: its header row (POS;NO;NAME) has no class, status, laps or lap time column (export the session's classification from the timing system)",
			"race.csv:2 (cell B2, NO): the file does not look like the round's classification: it has one car (1), and round 4 holds results of 8 cars (export the whole classification of the session; a single result is typed into Results by hand)",
			"race.csv:2 (cell B2, NO): car is not in Entries: 1 (line 2) (add it to Entries and Drivers, correct the number in the file, or run again with --add-entries to append it from the file)",
			refusedRound4}},
		{"no class, status, laps or time", "POSITION;NUMBER;TEAM\n1;7;Falcon\n2;44;Vortex\n3;88;Harbour\n", Options{Round: 4}, false, []string{
			"race.csv:1: the file does not look like a classification: its header row (POSITION;NUMBER;TEAM) has no class, status, laps or lap time column (export the session's classification from the timing system)"}},
		{"one car for a round of eight", "POSITION;NUMBER;CLASS;STATUS\n1;7;Pro;Classified\n", Options{Round: 4, ReplaceRound: true}, true, []string{
			"race.csv:2 (cell B2, NUMBER): the file does not look like the round's classification: it has one car (7), and round 4 holds results of 8 cars (export the whole classification of the session; a single result is typed into Results by hand)"}},
		{"positions not a sequence", "POSITION;NUMBER;CLASS;STATUS\n1;7;Pro;\n4;44;Pro;\n9;88;Am;\n12;50;Am;\n", Options{Round: 4}, false, []string{
			"race.csv:1 (cell A1, POSITION): the file does not look like a classification: its positions (1, 4, 9, 12) do not run 1, 2, 3 … overall or within each class — position 2 is missing (export the whole classification of the session; if cars were left out of it on purpose, run again with --replace-round)"}},
		{"positions not starting at 1, with --replace-round", "POSITION;NUMBER;CLASS;STATUS\n2;7;Pro;\n3;44;Pro;\n4;88;Am;\n5;50;Am;\n", Options{Round: 4, ReplaceRound: true}, false, []string{
			"race.csv:1 (cell A1, POSITION): the file does not look like a classification: its positions (2, 3, 4, 5) do not run 1, 2, 3 … overall or within each class — position 1 is missing (export the whole classification of the session; if cars were left out of it on purpose, run again with --replace-round)"}},
		{"a car of the round missing", "POSITION;NUMBER;CLASS;STATUS;LAPS\n1;7;Pro;;171\n2;44;Pro;;171\n3;22;Pro;;170\n4;31;Pro;;169\n5;88;Am;;160\n6;50;Am;;159\n7;77;Am;;158\n", Options{Round: 4}, true, []string{
			"race.csv: round 4 holds the result of car 61 (Results!B35), which is not in the file; the import would remove it (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)"}},
		// Item 16 of issue 11: every problem at once, not one kind per run.
		{"every problem at once", "POSITION;NUMBER;CLASS;STATUS;LAPS\n1;7;Pro;Finito;171\n2;44;Pro;;lots\n3;22;GTX;;170\n4;31;Pro;;169\n5;88;Am;Finito;160\n6;5;Am;;159\n7;6;GTX;;158\n8;9;Am;;150\n", Options{Round: 4}, true, []string{
			"race.csv:2 (cell D2, STATUS): status \"Finito\" is not a timing status; also line 6 (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)",
			"race.csv:3 (cell E3, LAPS): laps \"lots\" is not a number of laps",
			"race.csv:4 (cell C4, CLASS): class \"GTX\" is not a class of the workbook; also line 8 (the workbook's classes are Pro, Am, Bronze Cup; if it is another name for one of them, map it with --class 'GTX=CLASS')",
			"race.csv:7 (cell B7, NUMBER): cars are not in Entries: 5, 9 (lines 7, 9) (add them to Entries and Drivers, correct the numbers in the file, or run again with --add-entries to append them from the file)",
			"race.csv: round 4 holds results of 3 cars that are not in the file: 50 (Results!B33), 61 (Results!B35), 77 (Results!B34); the import would remove them (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := demoWorkbook(t, func(r int) bool { return tt.held || r < 4 })
			data := mustRead(t, path)
			tf, err := timing.Read("race.csv", []byte(tt.timing), timing.Limits{})
			var problems timing.Problems
			if err != nil && !errors.As(err, &problems) {
				t.Fatal(err)
			}
			_, err = Import(path, tf, tt.opts)
			var got []string
			if err != nil {
				got = strings.Split(strings.ReplaceAll(err.Error(), path, "season.xlsx"), "\n")
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("error:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if !slices.Equal(data, mustRead(t, path)) {
				t.Error("the workbook changed")
			}
			if _, err := os.Stat(path + ".bak"); err == nil {
				t.Error("a backup was written")
			}
		})
	}
}

// TestImportMapsClassesAndWarns: a mapped class, a class that differs
// from Entries, a car classified below the threshold.
func TestImportMapsClassesAndWarns(t *testing.T) {
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	tf := "POSITION;NUMBER;CLASS;STATUS;LAPS\n1;7;Prototype;Classified;171\n2;44;Prototype;Classified;170\n3;88;Am;Classified;100\n4;50;Pro;Classified;159\n"
	report, err := Import(path, readTimingText(t, "race.csv", tf), Options{Round: 4, Classes: map[string]string{"prototype": "Pro"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"race.csv:5: car 50 is Pro in the timing file but Am in Entries (Entries!B6); podium scores it as Am",
		"race.csv:4: car 88 is classified with 100 laps, fewer than 70% of the winner's 171 (119.7 laps); the status is kept as the timing file gives it — if the stewards say not classified, type NC in its Status cell",
	}
	if !slices.Equal(texts(report.Warnings), want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(texts(report.Warnings), "\n"), strings.Join(want, "\n"))
	}
	if !slices.Equal(report.Added, []int{28, 29, 30, 31}) {
		t.Errorf("added %v", report.Added)
	}
}

// TestImportAddEntries appends the cars missing from Entries, and their
// drivers with names as the workbook writes them.
func TestImportAddEntries(t *testing.T) {
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	tf := bom + "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;VEHICLE;CLASS;STATUS;LAPS;\n" +
		"1;7;Falcon Racing;Lucas MOREAU;Thomas GIRARD;Oreca 07;Pro;Classified;171;\n" +
		"2;5;Équipe Étoile;Jean-Éric VERGNE;Ayumu IWASA;Oreca 07;Pro;Classified;171;\n" +
		"3;6;;Shane VAN GISBERGEN;;Norma M30;Am;Retired;20;\n"
	report, err := Import(path, readTimingText(t, "race.csv", tf), Options{Round: 4, AddEntries: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(report.NewEntries, []string{"5", "6"}) {
		t.Errorf("new entries %v", report.NewEntries)
	}
	wantWarnings := []string{
		"Entries!A11: car 5 added to Entries from race.csv line 3: Pro, Équipe Étoile, Oreca 07; drivers Jean-Éric Vergne, Ayumu Iwasa (Drivers rows 23–24) — check them",
		"Entries!A12: car 6 added to Entries from race.csv line 4: Am, Shane van Gisbergen, Norma M30; drivers Shane van Gisbergen (Drivers row 25); the file names no team, so the Team cell holds the crew: correct it — check them",
	}
	if !slices.Equal(texts(report.Warnings), wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(texts(report.Warnings), "\n"), strings.Join(wantWarnings, "\n"))
	}
	entries := sheetRows(t, path, "Entries")
	if got := entries[len(entries)-2:]; !slices.Equal(got, []string{"5 | Pro | Équipe Étoile |  |  | Oreca 07", "6 | Am | Shane van Gisbergen |  |  | Norma M30"}) {
		t.Errorf("Entries ends with %q", got)
	}
	drivers := sheetRows(t, path, "Drivers")
	if got := drivers[len(drivers)-3:]; !slices.Equal(got, []string{"5 | Jean-Éric Vergne |  | 4", "5 | Ayumu Iwasa |  | 4", "6 | Shane van Gisbergen |  | 4"}) {
		t.Errorf("Drivers ends with %q", got)
	}
	if errs := report.After.Count(scoring.Error); errs > 0 {
		t.Errorf("errors after the import: %v", report.After)
	}
}

// TestImportFewerCars: a classification with fewer cars than the round
// holds is refused, naming the cars that would lose their result; with
// ReplaceRound it empties the rows left over, and a car holding the pole
// keeps its row, with a warning.
func TestImportFewerCars(t *testing.T) {
	path := demoWorkbook(t, nil)
	tf := "POSITION;NUMBER;CLASS;STATUS\n1;7;Pro;Classified\n2;44;Pro;Classified\n3;50;Am;Classified\n"
	data := mustRead(t, path)
	_, err := Import(path, readTimingText(t, "race.csv", tf), Options{Round: 4})
	wantErr := "race.csv: round 4 holds results of 5 cars that are not in the file: 22 (Results!B30), 31 (Results!B31), 61 (Results!B35), 77 (Results!B34), 88 (Results!B32); the import would remove them (check that the file is the whole classification of the race; to remove these results, run again with --replace-round)"
	if err == nil || err.Error() != wantErr {
		t.Fatalf("without --replace-round: %v\nwant: %s", err, wantErr)
	}
	if !slices.Equal(data, mustRead(t, path)) {
		t.Fatal("a refused import changed the workbook")
	}
	report, err := Import(path, readTimingText(t, "race.csv", tf), Options{Round: 4, ReplaceRound: true})
	if err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, path, "Results")
	wantTail := []string{
		"4 | 7 | 1 |  | Y | Y | 171",
		"4 | 44 | 2 |  |  |  | 171",
		"4 | 50 | 1 |  |  | Y | 159",
		"4 | 88 |  |  | Y",
	}
	if got := rows[27:]; !slices.Equal(got, wantTail) {
		t.Errorf("round 4:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantTail, "\n"))
	}
	if !slices.Equal(report.Cleared, []int{32, 33, 34, 35}) {
		t.Errorf("cleared %v", report.Cleared)
	}
	wantWarnings := []string{
		"Results!E32: car 88 has the pole of round 4 but is not in the race classification; its row is kept — type its Status (DNS if it did not start)",
		"Results!B30: car 22 had a result in round 4 but is not in the race classification; its result was removed (--replace-round)",
		"Results!B31: car 31 had a result in round 4 but is not in the race classification; its result was removed (--replace-round)",
		"Results!B34: car 77 had a result in round 4 but is not in the race classification; its result was removed (--replace-round)",
		"Results!B35: car 61 had a result in round 4 but is not in the race classification; its result was removed (--replace-round)",
	}
	if !slices.Equal(texts(report.Warnings), wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(texts(report.Warnings), "\n"), strings.Join(wantWarnings, "\n"))
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	data := mustRead(t, path)
	report, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4, FastestLap: true, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if !report.Changed || len(report.Added) != 8 || report.Backup != "" {
		t.Errorf("report: changed %v, added %v, backup %q", report.Changed, report.Added, report.Backup)
	}
	if !slices.Equal(data, mustRead(t, path)) {
		t.Error("a dry run changed the workbook")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files", len(entries))
	}
}

// TestImportKeepsFastestLapsWhenAsked: --fastest-lap=false leaves the
// round's Fastest lap cells as they are.
func TestImportKeepsFastestLapsWhenAsked(t *testing.T) {
	path := demoWorkbook(t, nil)
	if _, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4, FastestLap: false}); err != nil {
		t.Fatal(err)
	}
	rows := sheetRows(t, path, "Results")
	if rows[27] != "4 | 7 | 1 |  | Y | Y | 171" || rows[32] != "4 | 50 | 2 |  |  | Y | 159" {
		t.Errorf("rows %q, %q", rows[27], rows[32])
	}
}

func TestImportRefusals(t *testing.T) {
	t.Run("open in Excel", func(t *testing.T) {
		path := demoWorkbook(t, nil)
		lock := filepath.Join(filepath.Dir(path), "~$season.xlsx")
		if err := os.WriteFile(lock, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4})
		if !errors.Is(err, ooxml.ErrLocked) {
			t.Errorf("error %v, want ErrLocked", err)
		}
	})
	t.Run("the check finds the import did not come through", func(t *testing.T) {
		path := demoWorkbook(t, func(r int) bool { return r < 4 })
		data := mustRead(t, path)
		_, err := importTiming(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4}, writeback.Hooks{Damage: func([]byte) []byte { return data }})
		want := path + ": the check after importing found that the workbook would not hold the classification as planned: cars not written: Results!28, 29, 30, 31, 32, 33, 34, 35; the workbook was not changed (please send the workbook and the timing file to podium's developers)"
		if !errors.Is(err, ErrImportNotKept) || err.Error() != want {
			t.Errorf("error %v", err)
		}
		if !slices.Equal(data, mustRead(t, path)) {
			t.Error("the workbook changed")
		}
	})
	t.Run("saved meanwhile", func(t *testing.T) {
		path := demoWorkbook(t, nil)
		_, err := importTiming(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4, FastestLap: true}, writeback.Hooks{BeforeRename: func(string) error { return ooxml.ErrChanged }})
		if !errors.Is(err, ooxml.ErrChanged) {
			t.Errorf("error %v", err)
		}
	})
}

// TestImportKeepsFormatting: rows written below the table take the style
// of the rows above, and the sheet keeps its drop-downs.
func TestImportKeepsFormatting(t *testing.T) {
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	if _, err := Import(path, readTimingText(t, "race.csv", demoRound4), Options{Round: 4}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, col := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
		above, _ := f.GetCellStyle("Results", col+"27")
		added, _ := f.GetCellStyle("Results", col+"30")
		if above != added {
			t.Errorf("%s30 has style %d, %s27 %d", col, added, col, above)
		}
	}
	dv, err := f.GetDataValidations("Results")
	if err != nil || len(dv) == 0 {
		t.Errorf("Results lost its drop-downs: %v", err)
	}
}

// minimalResultsSeason writes a synthetic season of cars cars and one
// round whose Results sheet has only the required columns (Round, No.,
// Pos, Status, Pole: no Fastest lap, Laps or Note), and returns it with
// its entries.
func minimalResultsSeason(t *testing.T, cars int) (string, []scoring.Entry) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "season.xlsx")
	if err := ooxml.WriteFile(path, false, func(w io.Writer) error {
		return samples.WriteSynthetic(w, samples.Synth{Cars: cars, Rounds: 1, Classes: 4, DriversPerCar: 1})
	}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	header, err := f.GetRows(templates.SheetResults)
	if err != nil {
		t.Fatal(err)
	}
	keep := []string{templates.ColRound, templates.ColNo, templates.ColPos, templates.ColStatus, templates.ColPole}
	for i := len(header[0]) - 1; i >= 0; i-- {
		if !slices.Contains(keep, header[0][i]) {
			if err := f.RemoveCol(templates.SheetResults, scoring.ColumnName(i+1)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := sheetRows(t, path, templates.SheetResults)[0]; got != "Round | No. | Pos | Status | Pole" {
		t.Fatalf("Results headers: %s", got)
	}
	season, _, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return path, season.Entries
}

// TestImportIntoMinimalResults imports a 2,000-car race into a Results
// sheet with only the required columns: the import succeeds, says once
// that the laps and fastest laps were not kept, and the check after
// writing compares only what the import wrote (issue 11, item 5: it
// expected the laps and refused, one clause per car, in a different order
// each run). When the check does fail, its message is the same on every
// run: kinds in order, rows sorted, long lists summarised, and it does not
// speak of standings.
func TestImportIntoMinimalResults(t *testing.T) {
	path, entries := minimalResultsSeason(t, 2000)
	var b strings.Builder
	b.WriteString("POSITION;NUMBER;CLASS;STATUS;LAPS;FL_TIME\r\n")
	for i, e := range entries {
		fmt.Fprintf(&b, "%d;%s;%s;Classified;%d;1'%02d.%03d\r\n", i+1, e.No, e.Class, 300-i/100, 40+i/100, i%1000)
	}
	tf := readTimingText(t, "race.csv", b.String())
	if len(tf.Rows) != 2000 {
		t.Fatalf("%d cars read", len(tf.Rows))
	}

	// A failing check, twice: the same message, in row order, summarised.
	orig := mustRead(t, path)
	var msgs []string
	for range 2 {
		_, err := importTiming(path, tf, Options{Round: 1, FastestLap: true}, writeback.Hooks{Damage: func([]byte) []byte { return orig }})
		if !errors.Is(err, ErrImportNotKept) || errors.Is(err, writeback.ErrWouldLose) {
			t.Fatalf("error %v", err)
		}
		msgs = append(msgs, strings.ReplaceAll(err.Error(), path, "season.xlsx"))
	}
	if msgs[0] != msgs[1] {
		t.Errorf("the message differs between two runs:\n%s\n%s", msgs[0], msgs[1])
	}
	// The damaged workbook holds the season's own round 1, in another
	// order: every row holds another car, but three.
	const wantFail = "season.xlsx: the check after importing found that the workbook would not hold the classification as planned: " +
		"rows holding another round or car than imported: Results!2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 1,987 more rows; " +
		"race data (Pos, Status, Laps) not as imported: Results!616, 1222, 1363; " +
		"the workbook was not changed (please send the workbook and the timing file to podium's developers)"
	if msgs[0] != wantFail {
		t.Errorf("message:\n%s\nwant:\n%s", msgs[0], wantFail)
	}
	if !slices.Equal(orig, mustRead(t, path)) {
		t.Fatal("a refused import changed the workbook")
	}

	report, err := Import(path, tf, Options{Round: 1, FastestLap: true})
	if err != nil {
		t.Fatal(err)
	}
	wantNotes := []string{"the laps and fastest laps of the file were not kept: the Results sheet has no Laps or Fastest lap column"}
	if !slices.Equal(report.Notes, wantNotes) || len(report.Warnings) > 0 {
		t.Errorf("notes %q, warnings %q; want notes %q", report.Notes, report.Warnings, wantNotes)
	}
	if len(report.Marks) > 0 {
		t.Errorf("marks %q: no fastest lap is written", report.Marks)
	}
	if report.After.Count(scoring.Error) > 0 {
		t.Errorf("errors after the import: %v", report.After)
	}
	rows := sheetRows(t, path, templates.SheetResults)
	if len(rows) != 2001 || rows[0] != "Round | No. | Pos | Status | Pole" || rows[1] != "1 | "+entries[0].No+" | 1" {
		t.Errorf("%d rows, %q, %q", len(rows), rows[0], rows[1])
	}
}

// TestImportGroupsShortRaceWarnings: cars classified with too few laps
// are named in one warning, the list summarised, not one line each.
func TestImportGroupsShortRaceWarnings(t *testing.T) {
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	tf := "POSITION;NUMBER;CLASS;STATUS;LAPS\n1;7;Pro;;171\n2;44;Pro;;100\n3;22;Pro;;90\n4;31;Pro;;169\n5;88;Am;;80\n"
	report, err := Import(path, readTimingText(t, "race.csv", tf), Options{Round: 4})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"race.csv: 3 cars are classified with fewer laps than 70% of the winner's 171 (119.7 laps): 44 (line 3, 100 laps), 22 (line 4, 90 laps), 88 (line 6, 80 laps); their status is kept as the timing file gives it — if the stewards say not classified, type NC in their Status cells"}
	if !slices.Equal(texts(report.Warnings), want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(texts(report.Warnings), "\n"), strings.Join(want, "\n"))
	}
}

// texts renders each warning with its place, as podium import prints it
// after "warning: ".
func texts(l scoring.Diagnostics) []string {
	out := make([]string, len(l))
	for i, d := range l {
		out[i] = d.Text()
	}
	return out
}

// TestImportProblemsArePlaced: the problems and warnings of an import are
// diagnostics with a severity, a code and the place of each (the line and
// field of the timing file, or the whole file), not only words.
func TestImportProblemsArePlaced(t *testing.T) {
	type placed struct {
		sev  scoring.Severity
		code string
		ref  scoring.Ref
	}
	places := func(l scoring.Diagnostics) []placed {
		var out []placed
		for _, d := range l {
			out = append(out, placed{d.Severity, d.Code, d.Ref})
		}
		return out
	}
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	tf := "POSITION;NUMBER;CLASS;STATUS;LAPS\n1;7;Prototype;Classified;171\n2;44;Prototype;Classified;170\n3;88;Am;Classified;100\n4;50;Pro;Classified;159\n"
	report, err := Import(path, readTimingText(t, "race.csv", tf), Options{Round: 4, Classes: map[string]string{"prototype": "Pro"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []placed{
		{scoring.Warning, scoring.CodeClassDiffers, scoring.Ref{File: "race.csv", Line: 5}},
		{scoring.Warning, scoring.CodeLapsShort, scoring.Ref{File: "race.csv", Line: 4}},
	}
	if got := places(report.Warnings); !slices.Equal(got, want) {
		t.Errorf("warnings:\n%+v\nwant:\n%+v", got, want)
	}

	path = demoWorkbook(t, func(r int) bool { return true })
	bad := "POSITION;NUMBER;CLASS;STATUS;LAPS\n1;7;Pro;Finito;171\n2;44;Pro;;lots\n3;22;GTX;;170\n4;31;Pro;;169\n5;88;Am;Finito;160\n6;5;Am;;159\n7;6;GTX;;158\n8;9;Am;;150\n"
	tm, err := timing.Read("race.csv", []byte(bad), timing.Limits{})
	var problems timing.Problems
	if !errors.As(err, &problems) {
		t.Fatalf("error %v is not Problems", err)
	}
	line := func(n, col int, field string) scoring.Ref {
		return scoring.Ref{File: "race.csv", Line: n, Col: col, Field: field}
	}
	wantLines := []placed{
		{scoring.Error, scoring.CodeUnknownStatus, line(2, 4, "STATUS")},
		{scoring.Error, scoring.CodeBadValue, line(3, 5, "LAPS")},
		{scoring.Error, scoring.CodeUnknownStatus, line(6, 4, "STATUS")},
	}
	if got := places(tm.Problems()); !slices.Equal(got, wantLines) {
		t.Errorf("problems of the file:\n%+v\nwant:\n%+v", got, wantLines)
	}
	_, err = Import(path, tm, Options{Round: 4})
	if !errors.As(err, &problems) {
		t.Fatalf("error %v is not Problems", err)
	}
	wantAll := append(wantLines,
		placed{scoring.Error, scoring.CodeUnknownClass, line(4, 3, "CLASS")},
		placed{scoring.Error, scoring.CodeUnknownClass, line(8, 3, "CLASS")},
		placed{scoring.Error, scoring.CodeUnknownCar, line(7, 2, "NUMBER")},
		placed{scoring.Error, scoring.CodeWouldRemove, scoring.Ref{File: "race.csv"}})
	if got := places(scoring.Diagnostics(problems)); !slices.Equal(got, wantAll) {
		t.Errorf("problems of the import:\n%+v\nwant:\n%+v", got, wantAll)
	}
	if n := len(problems.Lines()); n != 5 {
		t.Errorf("%d lines, want 5 (the lines of one problem on one)", n)
	}
}
