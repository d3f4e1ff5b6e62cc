package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// randomChampSeason is randomSeason with teams of one to three cars, makes,
// nominated cars, drivers' cups and nationalities, and a random set of
// championships of every kind, with penalties naming them and exclusions.
func randomChampSeason(rng *rand.Rand) *Season {
	s := randomSeason(rng)
	n := len(s.Rounds)
	for i := range s.Entries {
		e := &s.Entries[i]
		e.Team = fmt.Sprint("Team ", rng.IntN(4))
		e.Make = []string{"Ferrari", "Lotus", "BRM"}[rng.IntN(3)]
		e.Nominated = rng.IntN(2) == 0
	}
	for i := range s.Drivers {
		d := &s.Drivers[i]
		d.Nat = []string{"GBR", "ITA", "USA"}[rng.IntN(3)]
		if rng.IntN(3) == 0 {
			d.Cup = "Rookie"
		}
	}
	if rng.IntN(3) == 0 {
		s.Rounds[rng.IntN(n)].NotDroppable = true
	}
	for i := range s.Results {
		if rng.IntN(15) == 0 {
			s.Results[i].NotDroppable = true
		}
	}
	bests := []*BestResults{nil, {N: 2}, {AllBut: 1}, {Splits: []BestSplit{{1, 1, 2}, {2, 3, n}}}}
	ties := []TieBreak{"", NoTieBreak, CountbackScoringPlaces, Countback + ThenLatestResult, CountbackScoringPlaces + ThenFirstToReach}
	classes := []string{"", "", ClassAll, "A", "Rookie"}
	for k, c := range Competitors() {
		ch := Championship{Name: fmt.Sprint("Champ ", k), Competitor: c, Class: classes[rng.IntN(len(classes))],
			BestResults: bests[rng.IntN(len(bests))], TieBreak: ties[rng.IntN(len(ties))], MinimumStarts: rng.IntN(3),
			Origin: origin("Championships")}
		if ch.Class == "Rookie" && c != CompetitorDriver {
			ch.Class = ""
		}
		if rng.IntN(2) == 0 {
			ch.TiesShownAs = TiesSkip
		}
		if c.aggregated() {
			ch.Counted = []Counted{{}, {N: 1}, {N: 2}, {Nominated: true}}[rng.IntN(4)]
		}
		s.Championships = append(s.Championships, ch)
	}
	for i := range s.Penalties {
		p := &s.Penalties[i]
		switch rng.IntN(4) {
		case 0:
			p.Championship = s.Championships[rng.IntN(len(s.Championships))].Name
		case 1:
			p.Excluded, p.Points = true, 0
		}
	}
	return s
}

// TestChampionshipsShuffleInvariance: the order of every sheet's rows
// never changes the championships' standings.
func TestChampionshipsShuffleInvariance(t *testing.T) {
	for seed := range uint64(150) {
		rng := rand.New(rand.NewPCG(seed, 11))
		s := randomChampSeason(rng)
		checkShuffled(t, seed, rng, s)
	}
}

// TestChampionshipTotalsAreExplained: every line of every championship
// totals the sum of its explained points (dropped scores left out,
// penalties always in), and its progression ends at its total.
func TestChampionshipTotalsAreExplained(t *testing.T) {
	for seed := range uint64(200) {
		s := randomChampSeason(rand.New(rand.NewPCG(seed, 12)))
		st, _ := Score(s, Options{})
		if len(st.Championships) == 0 {
			t.Fatalf("seed %d: no tables", seed)
		}
		for _, tb := range st.Championships {
			for _, l := range tb.Lines {
				sum := 0.0
				for _, cell := range l.Rounds {
					for _, it := range cell.Items {
						if it.Kind == ItemPenalty || !cell.Dropped {
							sum += it.Points
						}
					}
				}
				if sum != l.Points {
					t.Fatalf("seed %d, %s %s: items sum to %v, total is %v\n%v", seed, tb.Name, l, sum, l.Points, l.Explain())
				}
				if last := l.Progression[len(l.Progression)-1]; last != l.Points {
					t.Fatalf("seed %d, %s %s: progression ends at %v", seed, tb.Name, l, last)
				}
			}
		}
	}
}

// TestOneCarTeamsEqualCars: a Team championship counting all cars, over
// teams of one car each, is the Car championship under the same rules
// (penalties included).
func TestOneCarTeamsEqualCars(t *testing.T) {
	for seed := range uint64(200) {
		s := randomChampSeason(rand.New(rand.NewPCG(seed, 13)))
		// Named so that teams sort as their cars do (shared places list
		// cars by number, teams by name).
		teamOf := func(no string) string { return fmt.Sprintf("Team of car %03s", no) }
		for i := range s.Entries {
			s.Entries[i].Team = teamOf(s.Entries[i].No)
		}
		// Penalties naming a championship, and exclusions (which
		// exclude the car, not its team), are for one table only.
		s.Penalties = slices.DeleteFunc(s.Penalties, func(p Penalty) bool { return p.Championship != "" || p.Excluded })
		cars, teams := s.Championships[0], s.Championships[0]
		cars.Name, teams.Name = "Cars", "Teams"
		teams.Competitor, teams.Counted = CompetitorTeam, Counted{}
		s.Championships = []Championship{cars, teams}
		st, _ := Score(s, Options{})
		half := len(st.Championships) / 2
		for k := range half {
			ct, tt := st.Championships[k], st.Championships[half+k]
			type row struct {
				Pos          int
				Shared, Excl bool
				Name         string
				Points       float64
				Progression  []float64
				Dropped      []bool
			}
			rows := func(lines []Line, name func(l Line) string) []row {
				var out []row
				for _, l := range lines {
					r := row{l.Pos, l.Shared, l.Excluded, name(l), l.Points, l.Progression, nil}
					for _, c := range l.Rounds {
						r.Dropped = append(r.Dropped, c.Dropped)
					}
					out = append(out, r)
				}
				return out
			}
			got := rows(tt.Lines, func(l Line) string { return l.Name })
			want := rows(ct.Lines, func(l Line) string { return teamOf(l.No) })
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("seed %d, %s vs %s:\n got %v\nwant %v", seed, tt.Name, ct.Name, got, want)
			}
		}
	}
}
