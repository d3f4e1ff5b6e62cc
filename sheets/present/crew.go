package present

import (
	"slices"

	"github.com/podium-dev/podium/scoring"
)

// CrewTable holds a classification's crews: for each car (team line) and
// round, the names of the drivers who drove it, in the drivers' order.
// The winners' table and the press results name a car's crew from it,
// gathered once per classification (a pass over each driver's rounds in
// turn, not over every driver per round).
type CrewTable struct {
	rounds int
	car    map[string]int // car number → slot (its first team line)
	line   []int          // team line → its car's slot
	// The crew of slot t in round i is the drivers (indexes into
	// drivers, not strings: nothing for the collector to scan)
	// crews[off[t*rounds+i]:off[t*rounds+i+1]].
	off     []int32
	crews   []int32
	drivers []scoring.Line
}

// NewCrewTable gathers the crews of a classification's first rounds.
func NewCrewTable(c *scoring.Classification, rounds int) CrewTable {
	ct := CrewTable{rounds: rounds, car: make(map[string]int, len(c.Teams)), line: make([]int, len(c.Teams)), drivers: c.Drivers}
	for t := range c.Teams {
		if _, ok := ct.car[c.Teams[t].No]; !ok {
			ct.car[c.Teams[t].No] = t
		}
		ct.line[t] = ct.car[c.Teams[t].No]
	}
	// Count each crew's names, place the crews one after another, then
	// fill them in the drivers' order.
	ct.off = make([]int32, len(c.Teams)*rounds+1)
	each := func(visit func(slot, driver int)) {
		for k := range c.Drivers {
			d := &c.Drivers[k]
			// A driver mostly drives one car: its slot is looked up
			// when the car changes.
			no, t, ok, looked := "", 0, false, false
			for i := range min(len(d.Rounds), rounds) {
				if cell := &d.Rounds[i]; cell.Present {
					if !looked || cell.No != no {
						no, looked = cell.No, true
						t, ok = ct.car[no]
					}
					if ok {
						visit(t*rounds+i, k)
					}
				}
			}
		}
	}
	each(func(slot, _ int) { ct.off[slot+1]++ })
	for j := 1; j < len(ct.off); j++ {
		ct.off[j] += ct.off[j-1]
	}
	ct.crews = make([]int32, ct.off[len(ct.off)-1])
	next := slices.Clone(ct.off[:len(ct.off)-1])
	each(func(slot, driver int) {
		ct.crews[next[slot]] = int32(driver)
		next[slot]++
	})
	return ct
}

// AppendCrew appends the names of car no's crew in round i, separated by
// " / ".
func (ct *CrewTable) AppendCrew(b []byte, no string, i int) []byte {
	t, ok := ct.car[no]
	if !ok || i >= ct.rounds {
		return b
	}
	return ct.appendSlot(b, t*ct.rounds+i)
}

// AppendLineCrew is AppendCrew for the car of team line t.
func (ct *CrewTable) AppendLineCrew(b []byte, t, i int) []byte {
	if t >= len(ct.line) || i >= ct.rounds {
		return b
	}
	return ct.appendSlot(b, ct.line[t]*ct.rounds+i)
}

func (ct *CrewTable) appendSlot(b []byte, slot int) []byte {
	for k, d := range ct.crews[ct.off[slot]:ct.off[slot+1]] {
		if k > 0 {
			b = append(b, " / "...)
		}
		b = append(b, ct.drivers[d].Name...)
	}
	return b
}
