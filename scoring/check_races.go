package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// raceSchemes reports a Calendar Scheme that no Points row belongs to (the
// race would pay nothing), and returns the schemes the races pay.
func (c *checker) raceSchemes(names []string) map[string]bool {
	paid := map[string]bool{}
	for _, n := range c.roundNumbers {
		r := c.rounds[n]
		if r.Scheme == "" {
			continue
		}
		if slices.Contains(names, r.Scheme) {
			paid[r.Scheme] = true
			continue
		}
		c.diags.Errorf(r.Origin.At(ColScheme), CodeUnknownScheme, unknownSchemeHint(r.Scheme, names, hintRaceScheme, hintRaceSchemes),
			"round %d pays points scheme %q, which no row of the Points sheet belongs to", r.Number, r.Scheme)
	}
	return paid
}

// requiresUnused reports a Requires on an award that takes none (Position,
// Other, Start).
func (c *checker) requiresUnused(a *Award) {
	if a.Requires.Kind == RequiresDefault || a.Kind.TakesRequires() {
		return
	}
	c.diags.Errorf(a.Origin.At(ColRequires), CodeRequiresUnused, hintRequiresUnused,
		"%s points take no Requires condition", a.Kind)
}

// fastestLapBy checks a result's Fastest lap by: one of the car's drivers
// in the round, on a car marked with the fastest lap.
func (c *checker) fastestLapBy(res *Result) {
	if res.FastestLapBy == "" {
		return
	}
	ref := res.Origin.At(ColFastestLapBy)
	var names []string
	for _, d := range c.driversOf[res.No] {
		if d.Rounds.Contains(res.Round) {
			if d.Key == res.FastestLapByKey {
				if !res.FastestLap.Set() {
					c.diags.Warnf(ref, CodeFastestLapBy, hintFastestLapMark,
						"%s set the fastest lap of car %s in round %d, but the car has no fastest-lap mark, so it pays nothing", res.FastestLapBy, res.No, res.Round)
				}
				return
			}
			names = append(names, d.Name)
		}
	}
	hint := hintFastestLapByNo
	if len(names) > 0 {
		hint = fmt.Sprintf(hintFastestLapBy, res.No, res.Round, strings.Join(names, ", "))
		if g := Closest(res.FastestLapBy, names, 3); g != "" {
			hint = fmt.Sprintf(hintDidYouMean, g)
		}
	}
	c.diags.Errorf(ref, CodeFastestLapBy, hint, "%s is not a driver of car %s in round %d", res.FastestLapBy, res.No, res.Round)
}

// lapsLed reports a car said to have led more laps than it completed.
func (c *checker) lapsLed(res *Result) {
	if res.Laps >= 0 && res.LapsLed > res.Laps {
		c.diags.Errorf(res.Origin.At(ColLapsLed), CodeLapsLed, hintLapsLed,
			"car %s led %d laps in round %d but completed %d", res.No, res.LapsLed, res.Round, res.Laps)
	}
}

// lapsLedTotal reports, per class of a round, laps led that add up to more
// than a race has: each lap has one leader, so the laps the cars of a
// class led, disjoint sets of laps each within the car's laps, add up to
// at most the most laps any of them completed. It holds whether Laps led
// counts the overall lead or the class lead, and it is how two cars can be
// said to have led "the most laps" each with different counts: the
// Most laps led award is read from Laps led, so only such a count can
// make it wrong. Classes where a car with laps led has no Laps are not
// checked.
func (c *checker) lapsLedTotal(round int, results []*Result) {
	type tally struct {
		led, laps int
		cars      []*Result
		unknown   bool
	}
	byClass := map[string]*tally{}
	for _, res := range results {
		if res.LapsLed <= 0 {
			continue
		}
		class := c.entries[res.No].Class
		t := byClass[class]
		if t == nil {
			t = &tally{}
			byClass[class] = t
		}
		t.led += res.LapsLed
		t.laps = max(t.laps, res.Laps)
		t.unknown = t.unknown || res.Laps < 0
		t.cars = append(t.cars, res)
	}
	for _, class := range sortedKeys(mapKeys(byClass)) {
		t := byClass[class]
		if t.unknown || len(t.cars) < 2 || t.led <= t.laps {
			continue
		}
		var parts []string
		for _, res := range t.cars {
			parts = append(parts, fmt.Sprintf("car %s %d (%s)", res.No, res.LapsLed, place(res.Origin, ColLapsLed)))
		}
		last := t.cars[len(t.cars)-1]
		c.diags.Errorf(last.Origin.At(ColLapsLed), CodeLapsLedTotal, hintLapsLedTotal,
			"the laps led in %s in round %d add up to %d (%s), more than the %d laps of the longest race among them",
			class, round, t.led, Summarize(parts, 5), t.laps)
	}
}

// mapKeys is the set of m's keys.
func mapKeys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
