package samples_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/press"
	"github.com/podium-dev/podium/sheets/standings"
	"github.com/xuri/excelize/v2"
)

// rulesGolden is the folder of the rules season's golden files: its press
// pack and a dump of its standings workbook.
var rulesGolden = filepath.Join("testdata", "rules")

// TestRulesIsCurrent: the committed rules season is exactly what its code
// makes.
func TestRulesIsCurrent(t *testing.T) {
	committed, err := os.ReadFile(samples.RulesFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := samples.WriteRules(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Errorf("%s differs from samples.Rules(); run go generate ./... and commit it", samples.RulesFile)
	}
}

// scoreRules reads the rules season, which must validate without a
// diagnostic, and scores it.
func scoreRules(t *testing.T) (*scoring.Season, *scoring.Standings) {
	t.Helper()
	season, diags, err := sheets.Read(samples.RulesFile, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		var lines []string
		for _, d := range diags {
			lines = append(lines, d.String())
		}
		t.Fatalf("the rules season has diagnostics:\n%s", strings.Join(lines, "\n"))
	}
	st, diags := scoring.Score(season, scoring.Options{})
	if len(diags) > 0 {
		t.Fatalf("scoring warns: %v", diags.Err())
	}
	return season, st
}

// teamLine returns car no's line of the LMP3 teams' championship, nil when
// it has none.
func teamLine(t *testing.T, st *scoring.Standings, no string) *scoring.Line {
	t.Helper()
	if len(st.Classifications) != 1 || st.Classifications[0].Name != "LMP3" {
		t.Fatalf("classifications = %+v, want LMP3 only", st.Classifications)
	}
	teams := st.Classifications[0].Teams
	for i := range teams {
		if teams[i].No == no {
			return &teams[i]
		}
	}
	return nil
}

// items words a cell's items: "1st: 10; pole position: 1".
func items(c scoring.Cell) string {
	var out []string
	for _, it := range c.Items {
		out = append(out, it.String())
	}
	return strings.Join(out, "; ")
}

// TestRulesInvitedEntryTakesNoPlace: car 9 (Scores = N) is first on the
// road in round 1; car 1, second behind it, is shown 2nd and scores the
// winner's points. Car 9 and its driver are in no championship table.
func TestRulesInvitedEntryTakesNoPlace(t *testing.T) {
	_, st := scoreRules(t)
	if l := teamLine(t, st, "9"); l != nil {
		t.Errorf("the invited car 9 has a teams' line: %s", l)
	}
	for _, l := range st.Classifications[0].Drivers {
		if l.Name == "Claire Dupont" {
			t.Errorf("the invited car's driver has a drivers' line: %s", l)
		}
	}
	c := teamLine(t, st, "1").Rounds[0]
	if c.Pos != 2 || c.ScoringPos != 1 || c.Score != 10 || items(c) != "1st: 10" {
		t.Errorf("car 1 in round 1 (2nd behind the invited car): Pos %d, scoring position %d, %v points (%s); "+
			"want 2nd on the road, 1st among the scoring cars, 10 points (1st: 10): the invited car took a place",
			c.Pos, c.ScoringPos, c.Score, items(c))
	}
	c = teamLine(t, st, "2").Rounds[0]
	if c.Pos != 3 || c.ScoringPos != 2 || c.Score != 7 {
		t.Errorf("car 2 in round 1: Pos %d, scoring position %d, %v points; want 3, 2, 7 (2nd: 6; pole position: 1)", c.Pos, c.ScoringPos, c.Score)
	}
}

// TestRulesPoleNotMultiplied: in the double-points round 3, car 1's 2nd
// place pays 6 × 2 and its pole 1, not 2.
func TestRulesPoleNotMultiplied(t *testing.T) {
	_, st := scoreRules(t)
	c := teamLine(t, st, "1").Rounds[2]
	want := "2nd: 6 × 2 (double points) = 12; pole position: 1"
	if !c.Pole || c.Score != 13 || items(c) != want {
		t.Errorf("car 1 in round 3 (factor 2, pole): pole %v, %v points (%s); want pole, 13 points (%s): "+
			"the factor must multiply position points only", c.Pole, c.Score, items(c), want)
	}
}

// TestRulesFastestLapClassifiedOnly: car 4, not classified (NC) in round
// 1, set the fastest lap: it scores nothing for it, and nobody else gets
// the point. Car 3's fastest lap in round 3 (classified) pays 1.
func TestRulesFastestLapClassifiedOnly(t *testing.T) {
	_, st := scoreRules(t)
	c := teamLine(t, st, "4").Rounds[0]
	if !c.FastestLap || c.Status != scoring.NotClassified || c.Score != 0 || len(c.Items) != 0 {
		t.Errorf("car 4 in round 1 (NC, fastest lap): fastest lap %v, status %q, %v points (%s); "+
			"want the mark kept and 0 points: fastest-lap points go to a classified car only",
			c.FastestLap, c.Status, c.Score, items(c))
	}
	for _, l := range st.Classifications[0].Teams {
		for _, it := range l.Rounds[0].Items {
			if it.Kind == scoring.ItemFastestLap {
				t.Errorf("car %s scores the fastest lap of round 1, which car 4 (NC) set", l.No)
			}
		}
	}
	c = teamLine(t, st, "3").Rounds[2]
	if want := "4th: 3 × 2 (double points) = 6; fastest lap: 1"; c.Score != 7 || items(c) != want {
		t.Errorf("car 3 in round 3: %v points (%s), want 7 (%s)", c.Score, items(c), want)
	}
}

// TestRulesCountback: cars 3 and 2 tie on 22 points; car 3 has a win and
// car 2 none, so car 3 is 3rd and car 2 4th, in both championships. The
// whole order: 1 (26), 4 (24), 3 (22), 2 (22).
func TestRulesCountback(t *testing.T) {
	_, st := scoreRules(t)
	var got []string
	for _, l := range st.Classifications[0].Teams {
		got = append(got, l.String())
	}
	want := []string{
		"1 #1 Kestrel Racing 26",
		"2 #4 Ember Racing 24",
		"3 #3 Cobalt Engineering 22",
		"4 #2 Blue Heron Motorsport 22",
	}
	if !slices.Equal(got, want) {
		t.Errorf("teams' standings:\n got %q\nwant %q (cars 3 and 2 tie on 22: car 3's win puts it ahead on countback)", got, want)
	}
	if cb3, cb2 := teamLine(t, st, "3").Countback, teamLine(t, st, "2").Countback; !slices.Equal(cb3, []int{1, 0, 1, 1}) || !slices.Equal(cb2, []int{0, 2, 1}) {
		t.Errorf("countback: car 3 %v, car 2 %v; want [1 0 1 1] and [0 2 1]", cb3, cb2)
	}
	got = got[:0]
	for _, l := range st.Classifications[0].Drivers {
		got = append(got, l.String())
	}
	want = []string{
		"=1 Ben Foster 26", "=1 Alice Marsh 26",
		"=2 Rui Pereira 24", "=2 Inês Santos 24",
		"=3 Péter Kovács 22", "=3 Zsófia Nagy 22",
		"=4 Sanne Bakker 22", "=4 Daan de Vries 22",
	}
	if !slices.Equal(got, want) {
		t.Errorf("drivers' standings:\n got %q\nwant %q (crews share their position; countback puts car 3's crew ahead of car 2's)", got, want)
	}
}

// TestRulesGolden writes the rules season's press pack and standings
// workbook and compares them with testdata/rules: the CSV files byte for
// byte, the workbook as a dump of its cells (value, bold, italic, fill)
// and merged ranges. Run `go test ./samples -run RulesGolden -update` to
// regenerate, and check the change by hand against samples.Rules.
func TestRulesGolden(t *testing.T) {
	season, st := scoreRules(t)
	generated := time.Date(2026, 9, 28, 0, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	names, err := press.WriteCSV(dir, season, st, press.CSVOptions{Modified: generated})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, name := range names {
		if got[name], err = os.ReadFile(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	var book bytes.Buffer
	if err := standings.WriteStandingsWorkbook(&book, season, st, standings.PublishOptions{Generated: generated}); err != nil {
		t.Fatal(err)
	}
	got["standings-workbook.txt"] = dumpWorkbook(t, book.Bytes())
	names = append(names, "standings-workbook.txt")

	if *update {
		if err := os.MkdirAll(rulesGolden, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range names {
		path := filepath.Join(rulesGolden, name)
		if *update {
			if err := os.WriteFile(path, got[name], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got[name], want) {
			t.Errorf("%s differs from %s (run with -update after checking the change):\n%s", name, path, firstDiff(got[name], want))
		}
	}
	entries, err := os.ReadDir(rulesGolden)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !slices.Contains(names, e.Name()) {
			t.Errorf("%s is in %s but no longer written", e.Name(), rulesGolden)
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, a, b)
		}
	}
	return "(line endings)"
}

// dumpWorkbook renders every sheet of a workbook as text: the sheet's
// name, its merged ranges, then one line per cell with a value or a mark:
// "B3\t2\tbold italic fill=FFFFBF".
func dumpWorkbook(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var ranges []string
		for _, m := range merged {
			ranges = append(ranges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		slices.Sort(ranges)
		if len(ranges) > 0 {
			fmt.Fprintf(&b, "merged %s\n", strings.Join(ranges, " "))
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; rows.Next(); r++ {
			cols, err := rows.Columns()
			if err != nil {
				t.Fatal(err)
			}
			for c, v := range cols {
				cell, _ := excelize.CoordinatesToCellName(c+1, r)
				marks := cellMarks(t, f, sheet, cell)
				if v == "" && marks == "" {
					continue
				}
				fmt.Fprintf(&b, "%s\t%s", cell, v)
				if marks != "" {
					fmt.Fprintf(&b, "\t%s", marks)
				}
				b.WriteByte('\n')
			}
		}
		if err := rows.Error(); err != nil {
			t.Fatal(err)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return []byte(b.String())
}

// cellMarks words what a cell's style says about its result: bold (pole),
// italic (fastest lap), its fill colour (the colour key).
func cellMarks(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	if s.Font != nil && s.Font.Bold {
		marks = append(marks, "bold")
	}
	if s.Font != nil && s.Font.Italic {
		marks = append(marks, "italic")
	}
	if s.Fill.Type == "pattern" && s.Fill.Pattern == 1 && len(s.Fill.Color) > 0 {
		marks = append(marks, "fill="+s.Fill.Color[0])
	}
	return strings.Join(marks, " ")
}
