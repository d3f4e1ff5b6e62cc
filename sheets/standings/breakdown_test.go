package standings

import (
	"bytes"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/xuri/excelize/v2"
)

// TestBreakdownAwardColumns: the Breakdown sheet of a season paying Start,
// Lap led and Most laps led has a column for each, after Fastest lap, so
// that a row's columns add up to its Points (14 = 10 + 1 + 1 + 2); a
// season paying none keeps v1's columns.
func TestBreakdownAwardColumns(t *testing.T) {
	for _, tc := range []struct{ sample, header, row2 string }{
		{"club.xlsx",
			"Classification|Championship|Pos|Competitor|No.|Round|Result|Position|Other|Pole|Fastest lap|Start|Lap led|Most laps led|Factor|Penalty|Dropped|Points|Explanation",
			"Saloon|Drivers|1|Ben Carter|7|1|1|10||||1|1|2|1|||14|1st: 10; start: 1; lap led: 1; most laps led: 2"},
		{"alms-2019-20.xlsx",
			"Classification|Championship|Pos|Competitor|No.|Round|Result|Position|Other|Pole|Fastest lap|Factor|Penalty|Dropped|Points|Explanation",
			"LMP2|Teams|1|G-Drive Racing with Algarve|26|1|1|25||||1|||25|1st: 25"},
	} {
		season, st := sheetstest.Scored(t, "../../samples/"+tc.sample)
		var buf bytes.Buffer
		if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Breakdown")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rows[0], "|"); got != tc.header {
			t.Errorf("%s: Breakdown header\n got %s\nwant %s", tc.sample, got, tc.header)
		}
		if got := strings.Join(rows[1], "|"); got != tc.row2 {
			t.Errorf("%s: Breakdown row 2\n got %s\nwant %s", tc.sample, got, tc.row2)
		}
	}
}
