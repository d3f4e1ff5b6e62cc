package outputs

import (
	"fmt"
	"path/filepath"
	"testing"
)

// TestCheckLooksUpEachPathOnce: checking a plan resolves and stats each
// path once, not once per pair of places: the work grows with the number
// of files a press pack writes (80 with four championships in 20
// classes), not with its square.
func TestCheckLooksUpEachPathOnce(t *testing.T) {
	dir := t.TempDir()
	allocs := func(files int) float64 {
		var names []string
		for i := range files {
			names = append(names, fmt.Sprintf("class-%d-standings.csv", i))
		}
		plan := OutputPlan{
			Inputs: []Place{{Name: "the season workbook", Path: filepath.Join(dir, "season.xlsx")}},
			Outputs: []Place{
				{Name: "--out", Path: filepath.Join(dir, "standings.xlsx"), Kind: StandingsFile},
				{Name: "--csv", Path: filepath.Join(dir, "press"), Kind: PressFolder, Files: names},
			},
		}
		return testing.AllocsPerRun(2, func() {
			if err := plan.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(40), allocs(160)
	if ratio := large / small; ratio > 5 {
		t.Errorf("four times the files: %.1f times the allocations (%.0f, %.0f), want at most 5", ratio, small, large)
	}
}
