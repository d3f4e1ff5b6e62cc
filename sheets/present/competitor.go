package present

import (
	"slices"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// Competitor is a line as the tables describe it.
type Competitor struct {
	No   string // the car, or the cars a driver drove ("7, 27")
	Name string // the team, or the driver
	Nat  string
	Car  string // the car model, or the models a driver drove
}

// Describe returns how a line is printed; models maps car numbers to car
// models (CarModels). A driver's, team's, make's or nation's line shows
// its cars and their models.
func Describe(l scoring.Line, models map[string]string) Competitor {
	if l.Kind == scoring.TeamLine || l.Kind == 0 {
		return Competitor{l.No, l.Team, l.Nat, l.Car}
	}
	var cars []string
	for _, n := range l.Cars {
		if m := models[n]; m != "" && !slices.Contains(cars, m) {
			cars = append(cars, m)
		}
	}
	return Competitor{strings.Join(l.Cars, ", "), l.Name, l.Nat, strings.Join(cars, ", ")}
}

// Name is the line's competitor without the cars: a car's team, or the
// driver, team, make or nation (Describe's Name, for nothing).
func Name(l *scoring.Line) string {
	if l.Kind == scoring.TeamLine || l.Kind == 0 {
		return l.Team
	}
	return l.Name
}

// CarModels maps each car number to its model.
func CarModels(season *scoring.Season) map[string]string {
	m := make(map[string]string, len(season.Entries))
	for _, e := range season.Entries {
		m[e.No] = e.Car
	}
	return m
}

// RoundHeader heads a round's column with its code and country: "SHA CHN".
func RoundHeader(r scoring.Round) string {
	code := r.Code
	if code == "" {
		code = "R" + strconv.Itoa(r.Number)
	}
	if r.Country != "" {
		return code + " " + r.Country
	}
	return code
}

// Points is a total as a number value: whole points as an integer, so
// that they show without decimals, halves as 45.5.
func Points(p float64) any {
	if p == float64(int64(p)) {
		return int64(p)
	}
	return p
}

// NonZero is Points, or nil (a blank) for no points.
func NonZero(p float64) any {
	if p == 0 {
		return nil
	}
	return Points(p)
}
