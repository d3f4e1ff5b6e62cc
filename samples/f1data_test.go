package samples_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets"
)

// TestF1SamplesHoldF1DBResults: every line of F1DB's results.csv is one
// Results row of the sample, and no other: in the round it was run as (a
// sprint and its Grand Prix are two rounds, in the order of races.csv),
// with its position or status (DNF read as Ret), laps and fastest-lap
// mark, and the car's drivers in that round as the Drivers sheet gives
// them. Car numbers are left out: the samples may enter a car by a number
// of its own.
func TestF1SamplesHoldF1DBResults(t *testing.T) {
	for _, tc := range []struct{ year, file string }{
		{"1954", samples.F1954File},
		{"2021", samples.F2021File},
	} {
		t.Run(tc.year, func(t *testing.T) {
			want := f1dbResultKeys(t, tc.year)
			season, _, err := sheets.Read(tc.file, sheets.OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range season.Results {
				var crew []string
				for _, d := range season.Drivers {
					if d.No == r.No && (d.Rounds.IsEmpty() || d.Rounds.Contains(r.Round)) {
						crew = append(crew, d.Name)
					}
				}
				result := string(r.Status)
				if r.Status.IsClassified() {
					result = strconv.Itoa(r.Pos)
				}
				laps := ""
				if r.Laps >= 0 {
					laps = strconv.Itoa(r.Laps)
				}
				got = append(got, resultKey(r.Round, result, laps, r.FastestLap.Class, crew))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				for _, k := range want {
					if !slices.Contains(got, k) {
						t.Errorf("F1DB's result %s is not in the workbook", k)
					}
				}
				for _, k := range got {
					if !slices.Contains(want, k) {
						t.Errorf("the workbook's result %s is not F1DB's", k)
					}
				}
				t.Errorf("%d results, F1DB %d", len(got), len(want))
			}
		})
	}
}

// f1dbResultKeys reads a season's races.csv and results.csv into sorted
// result keys (see resultKey).
func f1dbResultKeys(t *testing.T, year string) []string {
	t.Helper()
	read := func(name string) []map[string]string {
		f, err := os.Open(filepath.Join("testdata", "f1", year, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, row := range rows[1:] {
			m := map[string]string{}
			for i, c := range rows[0] {
				m[c] = row[i]
			}
			out = append(out, m)
		}
		return out
	}
	rounds := map[string]int{}
	for i, r := range read("races.csv") {
		rounds[r["round"]+"|"+r["kind"]] = i + 1
	}
	var keys []string
	for _, r := range read("results.csv") {
		round, ok := rounds[r["round"]+"|"+r["kind"]]
		if !ok {
			t.Fatalf("results.csv: round %s %s is not in races.csv", r["round"], r["kind"])
		}
		result := r["position_text"]
		if result == "DNF" {
			result = "Ret"
		}
		keys = append(keys, resultKey(round, result, r["laps"], r["fastest_lap"] == "Y", strings.Split(r["drivers"], ";")))
	}
	slices.Sort(keys)
	return keys
}

// resultKey writes one car's result in one round for comparison: round,
// position or status, laps, fastest lap, and its drivers in name order.
func resultKey(round int, result, laps string, fastest bool, crew []string) string {
	crew = slices.Sorted(slices.Values(crew))
	return fmt.Sprintf("round %d: %s, %s laps, fastest lap %v, %s", round, result, laps, fastest, strings.Join(crew, " & "))
}
