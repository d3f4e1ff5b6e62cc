package standings

import (
	"fmt"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
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
						d := roundDisplay(&c)
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

// appendRoundText writes exactly what the tables show for a round
// (displayText of roundDisplay), for every status, position, dropped and
// ineligible round, and an absent one.
func TestAppendRoundTextMatchesDisplay(t *testing.T) {
	statuses := append(scoring.Statuses(), scoring.Classified, "Q", "=x")
	for _, st := range statuses {
		for _, pos := range []int{0, 1, 9, 10, 99, 100, 125, 12345} {
			for _, isPresent := range []bool{false, true} {
				for _, dropped := range []bool{false, true} {
					for _, ineligible := range []bool{false, true} {
						c := scoring.Cell{Present: isPresent, Status: st, Pos: pos, Dropped: dropped, Ineligible: ineligible}
						want := displayText(roundDisplay(&c).value)
						if got := string(present.AppendRoundText([]byte("x"), &c)); got != "x"+want {
							t.Errorf("%+v: got %q, want %q", c, got, "x"+want)
						}
					}
				}
			}
		}
	}
}

// displayText is a round cell's value as text: the position's digits or
// the status code.
func displayText(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// TestRoundDisplayStatusAllocations: a round cell showing a status code
// (Ret, NC, DNS …) costs no allocation: a large season's tables have tens
// of thousands of them.
func TestRoundDisplayStatusAllocations(t *testing.T) {
	for _, st := range []scoring.Status{scoring.NotClassified, scoring.Retired, scoring.DidNotQualify, scoring.Disqualified,
		scoring.DidNotStart, scoring.Excluded, scoring.Withdrawn} {
		c := scoring.Cell{Present: true, Status: st, Pole: true}
		var d display
		if n := testing.AllocsPerRun(100, func() { d = roundDisplay(&c) }); n != 0 {
			t.Errorf("%s: %v allocations, want none", st, n)
		}
		if d.value != string(st) {
			t.Errorf("%s: value %v", st, d.value)
		}
	}
}
