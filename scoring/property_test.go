package scoring

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomSeason makes a valid season with variety: factors, classes and a
// cup, invited entries, partial and shared drivers, ineligible rounds,
// statuses, poles, fastest laps, penalties, best-N and either tie-break.
func randomSeason(rng *rand.Rand) *Season {
	factors := []float64{1, 1, 1, 2, 0.5}
	n := 3 + rng.IntN(4)
	s := &Season{Points: append(alms(), Award{Kind: AwardFastestLap, Points: 1, Origin: origin("Points")})}
	for i := range n {
		s.Rounds = append(s.Rounds, Round{Number: i + 1, Factor: factors[rng.IntN(len(factors))], Origin: origin("Calendar")})
	}
	if rng.IntN(2) == 0 {
		s.BestResults = n - 1
	}
	s.TieBreak = []TieBreak{Countback, NoTieBreak}[rng.IntN(2)]
	cars := 6 + rng.IntN(7)
	for i := 1; i <= cars; i++ {
		e := car(fmt.Sprint(i), []string{"A", "B"}[rng.IntN(2)])
		if rng.IntN(4) == 0 {
			e.Cup = "Cup"
		}
		e.Scores = rng.IntN(10) != 0
		s.Entries = append(s.Entries, e)
		for d := range 1 + rng.IntN(3) {
			dr := driver(e.No, fmt.Sprintf("Driver %d-%d", i, d), AllRounds())
			if rng.IntN(3) == 0 {
				dr.Rounds = Rounds(1 + rng.IntN(n))
			}
			if rng.IntN(5) == 0 {
				dr.Ineligible = Rounds(1 + rng.IntN(n))
			}
			s.Drivers = append(s.Drivers, dr)
		}
	}
	// A driver who changes cars: car 1 in round 1, car 2 afterwards.
	s.Drivers = append(s.Drivers, driver("1", "Traveller", Rounds(1)), driver("2", "Traveller", Rounds(2, 3)))
	statuses := []Status{Classified, Classified, Classified, Classified, NotClassified, Retired, DidNotStart, Disqualified}
	for r := 1; r <= n; r++ {
		order := rng.Perm(cars)
		pole, fl := map[string]bool{}, map[string]bool{}
		pos := 0
		for _, i := range order {
			if rng.IntN(10) == 0 {
				continue // not at this round
			}
			e := s.Entries[i]
			res := Result{Round: r, No: e.No, Status: statuses[rng.IntN(len(statuses))], Laps: -1, Origin: origin("Results")}
			pos++
			if res.Status.IsClassified() || rng.IntN(2) == 0 {
				res.Pos = pos
			}
			if res.Status.IsClassified() && res.Pos == 0 {
				res.Pos = pos
			}
			if !pole[e.Class] && rng.IntN(3) == 0 {
				pole[e.Class] = true
				res.Pole = Mark{Class: true}
			}
			if !fl[e.Class] && rng.IntN(3) == 0 {
				fl[e.Class] = true
				res.FastestLap = Mark{Class: true}
			}
			s.Results = append(s.Results, res)
		}
	}
	// Penalties crowd onto few cars and rounds, so that several fall on
	// one car in one round.
	for range rng.IntN(7) {
		e := s.Entries[rng.IntN(3)]
		p := Penalty{Round: 1 + rng.IntN(2), No: e.No, Points: float64(1 + rng.IntN(10)), Reason: fmt.Sprint("decision ", rng.IntN(100)), Origin: origin("Penalties")}
		if rng.IntN(2) == 0 {
			for _, d := range s.Drivers {
				if d.No == e.No {
					p.Driver, p.DriverKey = d.Name, d.Key
					break
				}
			}
		}
		s.Penalties = append(s.Penalties, p)
	}
	return s
}

func shuffled[T any](rng *rand.Rand, in []T) []T {
	out := slices.Clone(in)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// dump renders standings completely, for comparison: JSON shows every
// field, where fmt would use the types' short String forms.
func dump(st *Standings, diags Diagnostics) string {
	b, err := json.Marshal(struct {
		St    *Standings
		Diags Diagnostics
	}{st, diags})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// checkShuffled scores s with the rows of every sheet shuffled three times
// and fails when the standings differ from s's.
func checkShuffled(t *testing.T, seed uint64, rng *rand.Rand, s *Season) {
	t.Helper()
	want := dump(Score(s, Options{}))
	for range 3 {
		sh := *s
		sh.Rounds = shuffled(rng, s.Rounds)
		sh.Points = shuffled(rng, s.Points)
		sh.Entries = shuffled(rng, s.Entries)
		sh.Drivers = shuffled(rng, s.Drivers)
		sh.Results = shuffled(rng, s.Results)
		sh.Penalties = shuffled(rng, s.Penalties)
		if got := dump(Score(&sh, Options{})); got != want {
			t.Fatalf("seed %d: standings change when rows are shuffled\n got %s\nwant %s", seed, got, want)
		}
	}
}

// TestShuffleInvariance: the order of every sheet's rows never changes
// the standings.
func TestShuffleInvariance(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 1))
		s := randomSeason(rng)
		checkShuffled(t, seed, rng, s)
	}
}

// TestTotalsAreExplained: every line's total is the sum of its explained
// points, dropped scores left out, penalties always in; and the last
// progression value is the total.
func TestTotalsAreExplained(t *testing.T) {
	for seed := range uint64(200) {
		s := randomSeason(rand.New(rand.NewPCG(seed, 2)))
		st, _ := Score(s, Options{})
		for _, c := range st.Classifications {
			for _, l := range append(slices.Clone(c.Teams), c.Drivers...) {
				sum := 0.0
				for _, cell := range l.Rounds {
					for _, it := range cell.Items {
						if it.Kind == ItemPenalty || !cell.Dropped {
							sum += it.Points
						}
					}
				}
				if sum != l.Points {
					t.Fatalf("seed %d, %s %s: items sum to %v, total is %v\n%v", seed, c.Name, l, sum, l.Points, l.Explain())
				}
				if last := l.Progression[len(l.Progression)-1]; last != l.Points {
					t.Fatalf("seed %d, %s %s: progression ends at %v", seed, c.Name, l, last)
				}
			}
		}
	}
}

// TestFullTimeDriversMatchTheirCar: when every driver drives every round of
// one car and no driver is penalised on their own, each driver's total is
// the car's.
func TestFullTimeDriversMatchTheirCar(t *testing.T) {
	for seed := range uint64(200) {
		s := randomSeason(rand.New(rand.NewPCG(seed, 3)))
		s.Drivers = slices.DeleteFunc(s.Drivers, func(d Driver) bool { return d.Name == "Traveller" })
		for i := range s.Drivers {
			s.Drivers[i].Rounds = AllRounds()
			s.Drivers[i].Ineligible = RoundSet{}
		}
		s.Penalties = slices.DeleteFunc(s.Penalties, func(p Penalty) bool { return p.Driver != "" })
		st, _ := Score(s, Options{})
		for _, c := range st.Classifications {
			carPoints := map[string]float64{}
			for _, l := range c.Teams {
				carPoints[l.No] = l.Points
			}
			for _, l := range c.Drivers {
				if want := carPoints[l.Cars[0]]; l.Points != want {
					t.Fatalf("seed %d, %s: %s has %v, car %s has %v", seed, c.Name, l.Name, l.Points, l.Cars[0], want)
				}
			}
		}
	}
}
