package press

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
)

// TestBreakdownColumnsAddUp: breakdown.csv has a column per award the
// season's Points pay beyond v1's — the club season's Start, Lap led and
// Most laps led — so that each row's point columns (and its penalty) add
// up to its Points; a season paying none (ALMS) keeps v1's columns.
func TestBreakdownColumnsAddUp(t *testing.T) {
	v1 := "Classification,Championship,Pos,Competitor,No.,Round,Result,Position,Other,Pole,Fastest lap,Factor,Penalty,Dropped,Points,Explanation"
	for _, tc := range []struct{ sample, header string }{
		{"club.xlsx", "Classification,Championship,Pos,Competitor,No.,Round,Result,Position,Other,Pole,Fastest lap,Start,Lap led,Most laps led,Factor,Penalty,Dropped,Points,Explanation"},
		{"alms-2019-20.xlsx", v1},
	} {
		season, st := sheetstest.Scored(t, "../../samples/"+tc.sample)
		dir := t.TempDir()
		if _, err := WriteCSV(dir, season, st, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(filepath.Join(dir, "breakdown.csv"))
		if err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(records[0], ","); got != tc.header {
			t.Errorf("%s: breakdown.csv header\n got %s\nwant %s", tc.sample, got, tc.header)
		}
		col := func(name string) int { return slices.Index(records[0], name) }
		from, to, penalty, dropped, points := col("Position"), col("Factor"), col("Penalty"), col("Dropped"), col("Points")
		bonus := 0.0
		for i, r := range records[1:] {
			num := func(j int) float64 {
				if r[j] == "" {
					return 0
				}
				v, err := strconv.ParseFloat(r[j], 64)
				if err != nil {
					t.Fatalf("%s row %d: %s = %q", tc.sample, i+2, records[0][j], r[j])
				}
				return v
			}
			sum := num(penalty)
			for j := from; j < to; j++ {
				sum += num(j)
			}
			for j := col("Fastest lap") + 1; j < to; j++ {
				bonus += num(j)
			}
			if r[dropped] == "" && sum != num(points) {
				t.Errorf("%s row %d: columns %s to Penalty add up to %v, Points %v: %q", tc.sample, i+2, records[0][from], sum, num(points), r)
			}
		}
		if tc.header != v1 && bonus == 0 {
			t.Errorf("%s: no points in the award columns", tc.sample)
		}
	}
}
