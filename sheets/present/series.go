package present

import (
	"slices"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// Series is one line of a progression chart: a competitor's points after
// each round.
type Series struct {
	Name        string
	Progression []float64
}

// TeamSeries names each team line's progression after its car: "#7 Team".
func TeamSeries(lines []scoring.Line) []Series {
	out := make([]Series, len(lines))
	for i, l := range lines {
		out[i] = Series{"#" + l.No + " " + l.Team, l.Progression}
	}
	return out
}

// CrewSeries draws drivers who scored the same points in the same cars
// round by round — one crew — as one line named after all of them.
func CrewSeries(lines []scoring.Line) []Series {
	var out []Series
	var crews [][]scoring.Line
	for _, l := range lines {
		placed := false
		for i, crew := range crews {
			if slices.Equal(crew[0].Progression, l.Progression) && slices.Equal(crew[0].Cars, l.Cars) {
				crews[i] = append(crew, l)
				placed = true
				break
			}
		}
		if !placed {
			crews = append(crews, []scoring.Line{l})
		}
	}
	for _, crew := range crews {
		var names []string
		for _, l := range crew {
			names = append(names, l.Name)
		}
		out = append(out, Series{strings.Join(names, " / "), crew[0].Progression})
	}
	return out
}

// TableSeries is a table's progression lines: a car's named after it
// (TeamSeries), a crew's after its drivers (CrewSeries), a team's, make's
// or nation's after it.
func TableSeries(t Table) []Series {
	switch t.Competitor {
	case scoring.CompetitorCar:
		return TeamSeries(t.Lines)
	case scoring.CompetitorDriver:
		return CrewSeries(t.Lines)
	}
	out := make([]Series, len(t.Lines))
	for i, l := range t.Lines {
		out[i] = Series{l.Name, l.Progression}
	}
	return out
}
