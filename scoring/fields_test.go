package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// fieldsText renders the standings' fields: "F1: 1 1:10 3:4; 2 …", a
// cell as position:points (less its penalty), "-" without a result;
// then the drivers of the field's crews in their order, "crews Driver 1,
// …" (a Driver table's: by championship position).
func fieldsText(st *Standings) []string {
	var out []string
	for _, f := range st.Fields {
		name := f.Name
		if f.Cup {
			name += " (cup)"
		}
		var cars, crews []string
		for _, l := range f.Teams {
			var cells []string
			for _, c := range l.Rounds {
				switch {
				case !c.Present:
					cells = append(cells, "-")
				case c.Penalty != 0:
					cells = append(cells, fmt.Sprintf("%d:%s-%s", c.Pos, FormatPoints(c.Score), FormatPoints(c.Penalty)))
				default:
					cells = append(cells, fmt.Sprintf("%d:%s", c.Pos, FormatPoints(c.Score)))
				}
			}
			cars = append(cars, l.No+" "+strings.Join(cells, " "))
		}
		for _, d := range f.Drivers {
			crews = append(crews, d.Name)
		}
		out = append(out, name+": "+strings.Join(cars, "; ")+" | crews "+strings.Join(crews, ", "))
	}
	return out
}

// TestFields: a season with Championships gives, for each classification
// they are run in (class, car cup, driver cup, All), in the order of the
// tables, its cars' round cells: its first Car championship's, or without
// one scored as a Car championship under the default scheme (the penalties
// naming no championship deducted), with the crews of its first Driver
// championship or of its cars' drivers.
func TestFields(t *testing.T) {
	drivers := champ("Drivers", CompetitorDriver, "")
	makes := champ("Makes", CompetitorMake, "")
	tests := []struct {
		name    string
		champs  []Championship
		prepare func(s *Season)
		want    []string
	}{
		{"drivers and makes", []Championship{drivers, makes}, nil, []string{
			"F1: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 4, Driver 3, Driver 2",
		}},
		{"a make's own scheme does not change the cars' points", []Championship{drivers, {Name: "Makes", Competitor: CompetitorMake, Scheme: "Constructors"}}, nil, []string{
			"F1: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 4, Driver 3, Driver 2",
		}},
		{"a Car championship's cells, its scheme and its penalties", []Championship{{Name: "Cars", Competitor: CompetitorCar, Scheme: "Constructors"}, drivers}, nil, []string{
			"F1: 4 4:3 1:8; 3 2:6 4:3; 1 1:8-5 3:4; 2 3:4-3 2:6 | crews Driver 1, Driver 4, Driver 3, Driver 2",
		}},
		{"makes only: the crews of the cars' drivers", []Championship{makes}, nil, []string{
			"F1: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 2, Driver 3, Driver 4",
		}},
		{"All, then per class, in the order of the tables", []Championship{champ("Drivers", CompetitorDriver, ClassAll), makes}, nil, []string{
			"All: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 4, Driver 3, Driver 2",
			"F1: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 2, Driver 3, Driver 4",
		}},
		{"a car cup", []Championship{drivers, makes}, func(s *Season) {
			s.Entries[2].Cup, s.Entries[3].Cup = "Trophy", "Trophy"
		}, []string{
			"F1: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 4, Driver 3, Driver 2",
			"Trophy (cup): 3 1:10 2:6; 4 2:6 1:10 | crews Driver 3, Driver 4",
		}},
		{"a driver cup: its cars ranked among themselves, their whole crews", []Championship{drivers, makes}, func(s *Season) {
			s.Drivers[0].Cup, s.Drivers[3].Cup = "Rookie", "Rookie"
			s.Drivers = append(s.Drivers, driver("4", "Driver 5", AllRounds()))
		}, []string{
			"F1: 1 1:10 3:4; 2 3:4-3 2:6; 3 2:6 4:3; 4 4:3 1:10 | crews Driver 1, Driver 4, Driver 5, Driver 3, Driver 2",
			"Rookie (cup): 1 1:10 2:6; 4 2:6 1:10 | crews Driver 1, Driver 4, Driver 5",
		}},
		{"an invited car has no line and takes no points", []Championship{drivers, makes}, func(s *Season) {
			e := car("5", "F1")
			e.Scores, e.Make = false, "Lotus"
			s.Entries = append(s.Entries, e)
			s.Drivers = append(s.Drivers, driver("5", "Guest", AllRounds()))
			s.Results = append(s.Results, res(2, "5", 1))
			for i := range s.Results {
				if r := &s.Results[i]; r.Round == 2 && r.No != "5" {
					r.Pos++
				}
			}
		}, []string{
			"F1: 1 1:10 4:4; 2 3:4-3 3:6; 3 2:6 5:3; 4 4:3 2:10 | crews Driver 1, Driver 4, Driver 3, Driver 2",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := teamSeason(tc.champs...)
			s.Penalties = []Penalty{
				{Round: 1, No: "2", Points: 3, Origin: origin("Penalties")},
				{Round: 1, No: "1", Points: 5, Championship: "F1 Makes", Origin: origin("Penalties")},
				{Round: 1, No: "1", Points: 5, Championship: "F1 Cars", Origin: origin("Penalties")},
			}
			if tc.prepare != nil {
				tc.prepare(s)
			}
			st := score(t, s)
			got := fieldsText(st)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("fields\n got %q\nwant %q", got, tc.want)
			}
			for _, tb := range st.Championships {
				if tb.Championship.Competitor == CompetitorCar && tb.Name != "F1 Cars" {
					t.Errorf("a Car table %q was added", tb.Name)
				}
			}
		})
	}
}

// TestFieldsV1: a season without Championships has no fields (its
// Classifications hold the cars' lines).
func TestFieldsV1(t *testing.T) {
	st := score(t, teamSeason())
	if st.Fields != nil || len(st.Classifications) != 1 || len(st.Championships) != 2 {
		t.Errorf("fields %v, %d classifications, %d tables", st.Fields, len(st.Classifications), len(st.Championships))
	}
}

// TestFieldsScoreAsCarChampionships: in a season without a Car
// championship, each class's field has the cells a Car championship run
// per class would have (its drops aside), whatever the other
// championships; with that Car championship added, the field is its table.
func TestFieldsScoreAsCarChampionships(t *testing.T) {
	type cell struct {
		Present, Pole, FastestLap bool
		Pos, ScoringPos           int
		Status                    Status
		Score, Penalty            float64
		Items                     int
	}
	cells := func(lines []Line) map[string][]cell {
		out := map[string][]cell{}
		for _, l := range lines {
			for _, c := range l.Rounds {
				out[l.No] = append(out[l.No], cell{c.Present, c.Pole, c.FastestLap, c.Pos, c.ScoringPos, c.Status, c.Score, c.Penalty, len(c.Items)})
			}
		}
		return out
	}
	compared := 0
	for seed := range uint64(200) {
		s := randomChampSeason(rand.New(rand.NewPCG(seed, 14)))
		s.Championships = slices.DeleteFunc(s.Championships, func(ch Championship) bool { return ch.Competitor == CompetitorCar })
		without, _ := Score(s, Options{})
		s.Championships = append(s.Championships, Championship{Name: "Cars", Competitor: CompetitorCar, Origin: origin("Championships")})
		with, _ := Score(s, Options{})
		for k, f := range without.Fields {
			tb := with.Table(f.Name + " Cars")
			if tb == nil {
				continue
			}
			compared++
			if got, want := fmt.Sprint(cells(f.Teams)), fmt.Sprint(cells(tb.Lines)); got != want {
				t.Fatalf("seed %d, field %s:\n got %s\nwant %s", seed, f.Name, got, want)
			}
			if g := with.Fields[k]; g.Name != f.Name || len(g.Teams) != len(tb.Lines) || len(g.Teams) > 0 && &g.Teams[0] != &tb.Lines[0] {
				t.Fatalf("seed %d: field %s is not the table %s", seed, g.Name, tb.Name)
			}
		}
	}
	if compared < 100 {
		t.Errorf("%d fields compared", compared)
	}
}
