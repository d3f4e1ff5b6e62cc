package sheets

import (
	"fmt"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// numberedDrivers names cars×3 drivers the way a generated entry list
// does, "Driver 12-1 Name"; with typos, every name has a twin one letter
// off ("Driver 12-1 Nmae") in the next row.
func numberedDrivers(cars int, typos bool) []scoring.Driver {
	var ds []scoring.Driver
	for car := 1; car <= cars; car++ {
		for k := 1; k <= 3; k++ {
			names := []string{fmt.Sprintf("Driver %d-%d Name", car, k)}
			if typos {
				names = append(names, fmt.Sprintf("Driver %d-%d Nmae", car, k))
			}
			for _, name := range names {
				ds = append(ds, scoring.Driver{No: fmt.Sprint(car), Name: name, Key: FoldName(name),
					Origin: scoring.Origin{Sheet: "Drivers", Row: len(ds) + 2}})
			}
		}
	}
	return ds
}

// TestSimilarNamesAtScale: 7,500 numbered names (2,500 cars × 3) are 7,500
// different people; with a typo twin each, exactly one warning per twin.
func TestSimilarNamesAtScale(t *testing.T) {
	for _, typos := range []bool{false, true} {
		var diags scoring.Diagnostics
		v := &validator{s: &scoring.Season{Drivers: numberedDrivers(2500, typos)}, diags: &diags}
		v.similarNames()
		want := 0
		if typos {
			want = 7500
		}
		if len(diags) != want {
			t.Errorf("typos %v: %d warnings, want %d; first: %v", typos, len(diags), want, diags[:min(len(diags), 3)])
		}
		for _, d := range diags {
			if d.Code != CodeSimilarNames || !strings.Contains(d.Message, "Nmae") {
				t.Errorf("typos %v: %v", typos, d)
				break
			}
		}
	}
}

// BenchmarkSimilarNames runs the near-duplicate name check over the
// drivers of 1,250 and 2,500 cars × 3 ("Driver 12-1 Name"), each with a
// typo twin: 7,500 and 15,000 names. Twice the names, twice the time.
//
//	go test ./sheets -run '^$' -bench SimilarNames -benchmem -count 3
func BenchmarkSimilarNames(b *testing.B) {
	for _, cars := range []int{1250, 2500} {
		drivers := numberedDrivers(cars, true)
		b.Run(fmt.Sprintf("names=%d", len(drivers)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var diags scoring.Diagnostics
				v := &validator{s: &scoring.Season{Drivers: drivers}, diags: &diags}
				v.similarNames()
			}
		})
	}
}
