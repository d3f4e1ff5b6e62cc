package scoring

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomRaceSeason is randomSeason with contract v2's race rules: a sprint
// scheme paid by some races, Start, Lap led and Most laps led awards with
// random Requires, laps led, shared fastest laps, Fastest lap by, a
// driver in two cars in one race, Shared drives, vacant places and
// Countback N.
func randomRaceSeason(rng *rand.Rand) *Season {
	s := randomSeason(rng)
	reqs := []Requirement{{}, {Kind: RequiresAny}, {Kind: RequiresStarted}, {Kind: RequiresClassified}, {Kind: RequiresTop, N: 1 + rng.IntN(5)}}
	req := func() Requirement { return reqs[rng.IntN(len(reqs))] }
	s.Points = append(s.Points,
		Award{Kind: AwardStart, Points: 1, Origin: origin("Points")},
		Award{Kind: AwardLapLed, Points: 1, Requires: req(), Origin: origin("Points")},
		Award{Kind: AwardMostLapsLed, Points: 2, Requires: req(), Origin: origin("Points")})
	s.Points[len(s.Points)-4].Requires = req() // the fastest lap's
	for i, p := range []float64{8, 7, 6, 5, 4, 3, 2, 1} {
		s.Points = append(s.Points, Award{Kind: AwardPosition, Position: i + 1, Points: p, Scheme: "Sprint", Origin: origin("Points")})
	}
	s.Points = append(s.Points,
		Award{Kind: AwardFastestLap, Points: 1, Scheme: "Sprint", Requires: req(), Origin: origin("Points")},
		Award{Kind: AwardStart, Points: 0.5, Scheme: "Sprint", Origin: origin("Points")})
	for i := range s.Rounds {
		if rng.IntN(3) == 0 {
			s.Rounds[i].Scheme = "Sprint"
			s.Rounds[i].NoCountback = rng.IntN(2) == 0
		}
	}
	s.SharedDrives = []SharedDrives{SharedFull, SharedSplit, SharedNone}[rng.IntN(3)]
	s.DisqualifiedVacant = rng.IntN(2) == 0
	s.InvitedVacant = rng.IntN(2) == 0
	// The Traveller also drives car 3 in round 1.
	s.Drivers = append(s.Drivers, driver("3", "Traveller", Rounds(1)))
	for i := range s.Results {
		r := &s.Results[i]
		r.LapsLed = rng.IntN(4) * rng.IntN(3)
		if rng.IntN(6) == 0 {
			r.FastestLap = Mark{Class: true} // shared
		}
		if r.FastestLap.Set() && rng.IntN(2) == 0 {
			for _, d := range s.Drivers {
				if d.No == r.No && d.Rounds.Contains(r.Round) {
					r.FastestLapBy, r.FastestLapByKey = d.Name, d.Key
					break
				}
			}
		}
	}
	return s
}

// TestRaceRulesShuffleInvariance: with the race rules, the order of the
// rows still never changes the standings.
func TestRaceRulesShuffleInvariance(t *testing.T) {
	for seed := range uint64(100) {
		rng := rand.New(rand.NewPCG(seed, 11))
		checkShuffled(t, seed, rng, randomRaceSeason(rng))
	}
}

// TestRaceRulesTotalsAreExplained: with the new awards, shared awards,
// split drives and a driver in two cars, every line's total is the sum of
// its explained items (dropped scores left out, penalties in), and every
// item's points are its base × factor ÷ the cars and drivers sharing it.
func TestRaceRulesTotalsAreExplained(t *testing.T) {
	for seed := range uint64(200) {
		st, _ := Score(randomRaceSeason(rand.New(rand.NewPCG(seed, 12))), Options{})
		for _, c := range st.Classifications {
			for _, l := range append(slices.Clone(c.Teams), c.Drivers...) {
				sum := 0.0
				for _, cell := range l.Rounds {
					for _, it := range cell.Items {
						if it.Kind == ItemPenalty || !cell.Dropped {
							sum += it.Points
						}
						if it.award() {
							want := it.Base * it.Factor / float64(max(it.SharedBy, 1)) / float64(max(it.SplitBy, 1))
							if math.Abs(want-it.Points) > 1e-9 {
								t.Fatalf("seed %d, %s %s: %s is worth %v", seed, c.Name, l, it, it.Points)
							}
						}
					}
				}
				if math.Abs(sum-l.Points) > 1e-6 {
					t.Fatalf("seed %d, %s %s: items sum to %v, total is %v\n%v", seed, c.Name, l, sum, l.Points, l.Explain())
				}
				if last := l.Progression[len(l.Progression)-1]; last != l.Points {
					t.Fatalf("seed %d, %s %s: progression ends at %v", seed, c.Name, l, last)
				}
			}
		}
	}
}

// TestSplitDrivesAddUpToTheCar: with Shared drives split and every driver
// eligible, a car's drivers' scores of a race add up to the car's.
func TestSplitDrivesAddUpToTheCar(t *testing.T) {
	for seed := range uint64(200) {
		s := randomRaceSeason(rand.New(rand.NewPCG(seed, 13)))
		s.SharedDrives = SharedSplit
		s.Drivers = slices.DeleteFunc(s.Drivers, func(d Driver) bool { return d.Name == "Traveller" })
		for i := range s.Drivers {
			s.Drivers[i].Ineligible = RoundSet{}
		}
		for i := range s.Results {
			s.Results[i].FastestLapBy, s.Results[i].FastestLapByKey = "", ""
		}
		st, _ := Score(s, Options{})
		for _, c := range st.Classifications {
			sums := map[[2]string]float64{} // car, round → drivers' scores
			for _, l := range c.Drivers {
				for _, cell := range l.Rounds {
					if cell.Present {
						sums[[2]string{cell.No, FormatPoints(float64(cell.Round))}] += cell.Score
					}
				}
			}
			for _, l := range c.Teams {
				for _, cell := range l.Rounds {
					got, ok := sums[[2]string{l.No, FormatPoints(float64(cell.Round))}]
					if cell.Present && ok && math.Abs(got-cell.Score) > 1e-9 {
						t.Fatalf("seed %d, %s car %s round %d: drivers score %v, the car %v", seed, c.Name, l.No, cell.Round, got, cell.Score)
					}
				}
			}
		}
	}
}
