package scoring

import (
	"testing"
	"unsafe"
)

// TestCellsShareEntryNumber: every cell of a car, in its team line and its
// drivers' lines, holds the entry's number string itself, not the
// result's equal copy: the tables and the press pack compare the numbers
// of hundreds of thousands of cells, and equal strings at one address
// compare without being read.
func TestCellsShareEntryNumber(t *testing.T) {
	s := bigSeason(30, 3, 2) // each result's number a string of its own
	st, _ := Score(s, Options{})
	entry := map[string]*byte{}
	for i := range s.Entries {
		entry[s.Entries[i].No] = unsafe.StringData(s.Entries[i].No)
	}
	cells := 0
	for _, c := range st.Classifications {
		for _, lines := range [][]Line{c.Teams, c.Drivers} {
			for _, l := range lines {
				for k := range l.Rounds {
					if cell := &l.Rounds[k]; cell.Present {
						cells++
						if unsafe.StringData(cell.No) != entry[cell.No] {
							t.Fatalf("line %q, round %d: car %s's number is not its entry's string", l.Name+l.No, cell.Round, cell.No)
						}
					}
				}
			}
		}
	}
	if cells == 0 {
		t.Fatal("no cells scored")
	}
}
