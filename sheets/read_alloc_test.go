package sheets

import (
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
)

// TestReadTableAllocationsPerRow: reading a sheet's rows costs a bounded
// number of allocations per row (its cells' texts), whatever the sheet's
// size: the rows' values are cut from shared blocks, not allocated one
// slice a row (100,000 slices in a 100,000-result season).
func TestReadTableAllocationsPerRow(t *testing.T) {
	def, ok := templates.V2().Sheet(templates.SheetResults)
	if !ok {
		t.Fatal("no Results sheet in the contract")
	}
	allocs := func(rounds int) (float64, int) {
		size := samples.Synth{Cars: 100, Rounds: rounds, Classes: 4, DriversPerCar: 3, Shape: samples.ShapeLean}
		w, err := Open(writeSynthetic(t, size), OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		return testing.AllocsPerRun(2, func() {
			var diags scoring.Diagnostics
			if tb, err := w.readTable(templates.SheetResults, def, &diags, map[scoring.Ref]bool{}); err != nil || tb == nil || len(tb.rows) != size.Cars*rounds {
				t.Fatalf("%v, %v", tb, err)
			}
		}), size.Cars * rounds
	}
	small, smallRows := allocs(10)
	large, largeRows := allocs(40)
	perRow := (large - small) / float64(largeRows-smallRows)
	// About nine: the scanner's texts of the row's cells and its list
	// of them; a slice of values per row made it ten.
	if limit := 9.5; perRow > limit {
		t.Errorf("%.2f allocations per Results row, want at most %.1f", perRow, limit)
	}
}
