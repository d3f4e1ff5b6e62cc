package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets"
	"github.com/xuri/excelize/v2"
)

// demoRound4LapsLed is the demo's round 4 export with a LAPS_LED column:
// car 7 led 150 laps, car 44 the other 21, no other car led.
func demoRound4LapsLed() string {
	led := map[string]int{"7": 150, "44": 21}
	lines := strings.SplitAfter(demoRound4, "\r\n")
	var b strings.Builder
	for i, l := range lines {
		if l == "" {
			continue
		}
		l = strings.TrimSuffix(l, "\r\n")
		if i == 0 {
			fmt.Fprintf(&b, "%sLAPS_LED\r\n", l)
			continue
		}
		no := strings.Split(l, ";")[1]
		fmt.Fprintf(&b, "%s%d\r\n", l, led[no])
	}
	return b.String()
}

// TestImportLapsLed: a timing file's laps-led column fills the Results
// sheet's Laps led column (blank for a car that led no lap); a Results
// sheet without that column is not given one: the import keeps the rest
// and says the laps led were not kept, as it does for laps.
func TestImportLapsLed(t *testing.T) {
	race := []string{
		"4 | 7 | 1 |  | Y | Y | 171",
		"4 | 44 | 2 |  |  |  | 171",
		"4 | 22 | 3 |  |  |  | 170",
		"4 | 31 | 4 |  |  |  | 169",
		"4 | 88 | 1 |  | Y |  | 160",
		"4 | 50 | 2 |  |  | Y, Bronze Cup | 159",
		"4 | 77 | 3 |  |  |  | 158",
		"4 | 61 |  | DSQ |  |  | 159 | Technical infringement (Decision 31)",
	}
	t.Run("no Laps led column", func(t *testing.T) {
		path := demoWorkbook(t, nil)
		report, err := Import(path, readTimingText(t, "race.csv", demoRound4LapsLed()), Options{Round: 4, Session: Race, FastestLap: true})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"the laps led of the file were not kept: the Results sheet has no Laps led column"}; !slices.Equal(report.Notes, want) {
			t.Errorf("notes %q, want %q", report.Notes, want)
		}
		if got := sheetRows(t, path, "Results"); !slices.Equal(got[27:], race) || got[0] != "Round | No. | Pos | Status | Pole | Fastest lap | Laps | Note" {
			t.Errorf("Results:\n%s", strings.Join(got, "\n"))
		}
	})
	t.Run("a Laps led column", func(t *testing.T) {
		path := demoWorkbook(t, nil)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStr("Results", "I1", "Laps led"); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		report, err := Import(path, readTimingText(t, "race.csv", demoRound4LapsLed()), Options{Round: 4, Session: Race, FastestLap: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(report.Notes) > 0 || len(report.Warnings) > 0 {
			t.Errorf("notes %q, warnings %q", report.Notes, report.Warnings)
		}
		want := slices.Clone(race)
		want[0] += " |  | 150"
		want[1] += " |  | 21"
		if got := sheetRows(t, path, "Results"); !slices.Equal(got[27:], want) {
			t.Errorf("Results:\n%s\nwant:\n%s", strings.Join(got[27:], "\n"), strings.Join(want, "\n"))
		}
		season, diags, err := sheets.Read(path, sheets.OpenOptions{})
		if err != nil || len(diags) > 0 {
			t.Fatalf("after the import: %v %v", err, diags)
		}
		var led []string
		for _, r := range season.Results {
			if r.Round == 4 && r.LapsLed > 0 {
				led = append(led, fmt.Sprintf("%s:%d", r.No, r.LapsLed))
			}
		}
		if got := strings.Join(led, " "); got != "7:150 44:21" {
			t.Errorf("laps led read back: %s", got)
		}
		// The same file again: nothing to write.
		data := mustRead(t, path)
		report, err = Import(path, readTimingText(t, "race.csv", demoRound4LapsLed()), Options{Round: 4, Session: Race, FastestLap: true})
		if err != nil {
			t.Fatal(err)
		}
		if report.Changed || !slices.Equal(data, mustRead(t, path)) {
			t.Error("importing the same file twice changed the workbook")
		}
	})
}
