package main

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/standings"
	"github.com/xuri/excelize/v2"
)

// TestBreakdownOfALargeSeason: a season of more than
// standings.BreakdownRowsLimit breakdown rows gets a note in the Breakdown
// sheet and the whole breakdown as breakdown.csv in the press pack;
// --breakdown writes it into the sheet as well. A small season keeps the
// whole sheet and no breakdown.csv (the press goldens hold its pack).
func TestBreakdownOfALargeSeason(t *testing.T) {
	dir := t.TempDir()
	season := filepath.Join(dir, "season.xlsx")
	// 700 cars × 20 rounds: 14,000 results, 4 lines a car (a team, three
	// drivers, stand-ins and car changes) — some 56,000 breakdown rows.
	size := samples.Synth{Cars: 700, Rounds: 20, Classes: 10, DriversPerCar: 3}
	if err := ooxml.WriteFile(season, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		full bool
	}{
		{"default", nil, false},
		{"--breakdown", []string{"--breakdown"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".xlsx")
			press := filepath.Join(dir, tc.name+"-press")
			args := append([]string{"podium", "score", season, "--out", out, "--csv", press}, tc.args...)
			var stderr bytes.Buffer
			if code := run(args, io.Discard, &stderr); code != 0 {
				t.Fatalf("exit code %d: %s", code, stderr.String())
			}
			data, err := os.ReadFile(filepath.Join(press, "breakdown.csv"))
			if err != nil {
				t.Fatal(err)
			}
			records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			rows := len(records) - 1
			if rows <= standings.BreakdownRowsLimit {
				t.Fatalf("breakdown.csv has %d rows, want more than %d", rows, standings.BreakdownRowsLimit)
			}
			if got, want := strings.Join(records[0], ","), "Classification,Championship,Pos,Competitor,No.,Round,Result,Position,Other,Pole,Fastest lap,Factor,Penalty,Dropped,Points,Explanation"; got != want {
				t.Errorf("breakdown.csv header %q, want %q", got, want)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheet, err := f.GetRows("Breakdown")
			if err != nil {
				t.Fatal(err)
			}
			if tc.full {
				if len(sheet) != rows+1 {
					t.Errorf("Breakdown sheet has %d rows, want %d (the header and breakdown.csv's rows)", len(sheet), rows+1)
				}
				// The sheet's cells are the CSV's fields.
				for _, i := range []int{1, rows / 2, rows} {
					for j, v := range sheet[i] {
						if v != records[i][j] {
							t.Errorf("row %d column %d: sheet %q, breakdown.csv %q", i+1, j+1, v, records[i][j])
						}
					}
				}
				return
			}
			want := []string{
				"Points breakdown",
				"This season's breakdown has " + thousandsForTest(rows) + " rows (one per classification, championship, competitor and round), more than the 50,000 a sheet carries.",
				"The whole breakdown is in breakdown.csv of the press pack: podium score SEASON --csv DIR.",
				"To have it in this sheet however long, score with --breakdown.",
			}
			if len(sheet) != len(want) {
				t.Fatalf("Breakdown sheet has %d rows, want the %d of the note: %q", len(sheet), len(want), sheet[:min(len(sheet), 5)])
			}
			for i, w := range want {
				if len(sheet[i]) != 1 || sheet[i][0] != w {
					t.Errorf("Breakdown row %d = %q, want %q", i+1, sheet[i], w)
				}
			}
		})
	}
	// The real season keeps its whole Breakdown; its pack has breakdown.csv
	// too, as every pack does.
	out := filepath.Join(dir, "alms.xlsx")
	press := filepath.Join(dir, "alms-press")
	if code := run([]string{"podium", "score", alms, "--out", out, "--csv", press}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("alms: exit code %d", code)
	}
	if _, err := os.Stat(filepath.Join(press, "breakdown.csv")); err != nil {
		t.Errorf("alms: no breakdown.csv (%v)", err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Breakdown", "P1"); v != "Explanation" {
		t.Errorf("alms: Breakdown P1 = %q, want the whole sheet's header", v)
	}
}

// thousandsForTest writes n as the note does: 56,123.
func thousandsForTest(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
