package sheets

import (
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// TestRoundDisplayKeys checks that a round cell's style key names one
// style: a table reuses the style ID of the first cell with that key.
func TestRoundDisplayKeys(t *testing.T) {
	styles := map[int]cellStyle{}
	statuses := []scoring.Status{scoring.Classified, scoring.NotClassified, scoring.Retired, scoring.DidNotStart,
		scoring.Disqualified, scoring.Withdrawn, scoring.DidNotQualify, scoring.Excluded, "odd"}
	for _, present := range []bool{false, true} {
		for _, st := range statuses {
			for _, pos := range []int{0, 1, 2, 3, 7} {
				for _, pts := range []float64{0, 4} {
					for flags := range 16 {
						c := scoring.Cell{Present: present, Status: st, Pos: pos,
							Pole: flags&1 != 0, FastestLap: flags&2 != 0, Ineligible: flags&4 != 0, Dropped: flags&8 != 0,
							Items: []scoring.Item{{Kind: scoring.ItemPosition, Points: pts}}}
						d := roundDisplay(c)
						if d.key < 0 || d.key >= roundStyleKeys {
							t.Fatalf("%+v: key %d out of range", c, d.key)
						}
						if prev, ok := styles[d.key]; ok && prev != d.style {
							t.Fatalf("key %d names %+v and %+v", d.key, prev, d.style)
						}
						styles[d.key] = d.style
					}
				}
			}
		}
	}
}

//END
