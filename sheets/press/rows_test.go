package press

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
)

// readAll reads a table of the pack back into typed rows.
func readAll[T ResultRow | StandingRow | SeasonRow](t *testing.T, data []byte) []T {
	t.Helper()
	rows := make(chan T)
	errc := make(chan error, 1)
	go func() { errc <- ReadRows(bytes.NewReader(data), rows) }()
	var all []T
	for r := range rows {
		all = append(all, r)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	return all
}

// TestPressTablesReadAsTypedRows: the fixed-shape tables of the 2019–20
// pack, with and without a byte order mark, read back into their Go types
// record for record: their headers are the types' tags, and every value
// is where its column says.
func TestPressTablesReadAsTypedRows(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	for _, bom := range []bool{false, true} {
		dir := t.TempDir()
		if _, err := WriteCSV(dir, season, st, CSVOptions{BOM: bom}); err != nil {
			t.Fatal(err)
		}
		file := func(name string) []byte {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			header, _, _ := strings.Cut(strings.TrimPrefix(string(data), string(utf8BOM)), "\n")
			if want := strings.Join(map[string][]string{
				"results.csv": csvHeader[ResultRow](), "standings.csv": csvHeader[StandingRow](), "season.csv": csvHeader[SeasonRow](),
			}[name], ","); header != want {
				t.Errorf("%s header %q, want %q", name, header, want)
			}
			return data
		}

		results := readAll[ResultRow](t, file("results.csv"))
		if got := len(results); got != bytes.Count(file("results.csv"), []byte("\n"))-1 {
			t.Errorf("bom %v: %d results read", bom, got)
		}
		want := ResultRow{Round: 1, Code: "SHA", Race: "4 Hours of Shanghai", Classification: "LMP2", Pos: "2", No: "36", Team: "Eurasia Motorsport",
			Drivers: "Nick Foster / Roberto Merhi / Aidan Read", Status: "Classified", Pole: "Y", Points: 19}
		if results[1] != want {
			t.Errorf("bom %v: second result %+v, want %+v", bom, results[1], want)
		}
		retired := results[slices.IndexFunc(results, func(r ResultRow) bool { return r.No == "96" })]
		if retired.Pos != "" || retired.Status != "Ret" || retired.Points != 0 {
			t.Errorf("bom %v: car 96 in round 1: %+v", bom, retired)
		}

		standings := readAll[StandingRow](t, file("standings.csv"))
		total := slices.IndexFunc(standings, func(r StandingRow) bool { return r.Round == "Total" })
		if total < 0 || standings[total].Pos != 1 || standings[total].Points <= 0 {
			t.Errorf("bom %v: first total %+v", bom, standings[max(total, 0)])
		}

		if got := readAll[SeasonRow](t, file("season.csv")); len(got) != 1 || got[0] != (SeasonRow{Series: "Asian Le Mans Series", Season: "2019–20", AfterRound: "4", Race: "4 Hours of Buriram", Status: "Final"}) {
			t.Errorf("bom %v: season.csv %+v", bom, got)
		}
	}
}

// TestSeasonCSVThroughGocsv: season.csv, written through gocsv into the
// pack's writer, neutralises formulas like every other table.
func TestSeasonCSVThroughGocsv(t *testing.T) {
	var buf bytes.Buffer
	w := newCSVWriter(&buf)
	if err := writeSeasonRow(w, SeasonRow{Series: safeText("=cmd"), Season: "2026, spring", AfterRound: "3", Status: "Provisional"}); err != nil {
		t.Fatal(err)
	}
	if err := w.flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "Series,Season,After round,Race,Status\n'=cmd,\"2026, spring\",3,,Provisional\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
