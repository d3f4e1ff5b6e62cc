package scoring

import (
	"strings"
	"testing"
)

// The checks of contract v2's race rules, on checkSeason.
func TestCheckRaces(t *testing.T) {
	laps := func(s *Season, i, laps, led int) { s.Results[i].Laps, s.Results[i].LapsLed = laps, led }
	tests := []struct {
		name string
		edit func(s *Season)
		want []string
	}{
		{"a race's scheme and the schemes of the Points sheet", func(s *Season) {
			s.Points = append(s.Points,
				Award{Kind: AwardPosition, Position: 1, Points: 3, Scheme: "Sprint", Origin: at("Points", 6)},
				Award{Kind: AwardPosition, Position: 1, Points: 3, Scheme: "Feature", Origin: at("Points", 7)})
			s.Rounds[0].Scheme = "sprint" // takes the Points sheet's spelling
			s.Rounds[1].Scheme = "Sprnt"
			s.Rounds[2].Scheme = "Heat"
		}, []string{
			`error unknown-scheme Calendar!E3: round 2 pays points scheme "Sprnt", which no row of the Points sheet belongs to (did you mean Sprint?)`,
			`error unknown-scheme Calendar!E4: round 3 pays points scheme "Heat", which no row of the Points sheet belongs to (leave it blank for the default points scheme, or write one of Sprint, Feature)`,
			`warning unused-scheme Points!D7: warning: points scheme "Feature" is paid by no race or championship, so its row pays nothing (write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows)`,
		}},
		{"every race pays a named scheme: no default table needed", func(s *Season) {
			for i := range s.Points {
				s.Points[i].Scheme = "Race"
			}
			for i := range s.Rounds {
				s.Rounds[i].Scheme = "Race"
			}
			s.Source.Points.Ref = Ref{Sheet: "Points", Row: 1}
		}, nil},
		{"Requires on awards that take none", func(s *Season) {
			s.Points[0].Requires = top(10)
			s.Points[3].Requires = Requirement{Kind: RequiresClassified} // Pole: fine
			s.Points = append(s.Points,
				Award{Kind: AwardStart, Points: 1, Requires: Requirement{Kind: RequiresStarted}, Origin: at("Points", 6)},
				Award{Kind: AwardOther, Points: 1, Requires: Requirement{Kind: RequiresAny}, Origin: at("Points", 7)},
				Award{Kind: AwardLapLed, Points: 1, Requires: top(3), Origin: at("Points", 8)})
		}, []string{
			"error requires-unused Points!E2: Position points take no Requires condition (leave Requires blank: it is the condition of a Pole, Fastest lap, Lap led or Most laps led award)",
			"error requires-unused Points!E6: Start points take no Requires condition (leave Requires blank: it is the condition of a Pole, Fastest lap, Lap led or Most laps led award)",
			"error requires-unused Points!E7: Other points take no Requires condition (leave Requires blank: it is the condition of a Pole, Fastest lap, Lap led or Most laps led award)",
		}},
		{"a car that led more laps than it completed", func(s *Season) { laps(s, 0, 40, 41) }, []string{
			"error laps-led-over-laps Results!H2: car 1 led 41 laps in round 1 but completed 40 (a car leads at most the laps it completed; check Laps and Laps led)",
		}},
		{"laps led adding up to more than the race", func(s *Season) { laps(s, 0, 40, 30); laps(s, 1, 40, 20); laps(s, 2, 38, 38) }, []string{
			"error laps-led-over-race Results!H3: the laps led in LMP2 in round 1 add up to 50 (car 1 30 (Results!H2), car 2 20 (Results!H3)), more than the 40 laps of the longest race among them (each lap has one leader, so the laps led add up to at most the laps of the longest race among them; check Laps led)",
		}},
		{"laps led adding up, or not known", func(s *Season) { laps(s, 0, 40, 30); laps(s, 1, 40, 10); laps(s, 2, -1, 38) }, nil},
		{"a shared fastest lap is a warning", func(s *Season) { s.Results[0].FastestLap = Mark{Class: true} }, []string{
			"warning two-fastest-laps Results!F3: warning: car 2 and car 1 (Results!F2) both have the fastest lap in LMP2 in round 1: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
		}},
		{"fastest lap by a driver of the car", func(s *Season) {
			s.Drivers = append(s.Drivers, Driver{No: "2", Name: "Dora Elm", Rounds: Rounds(2), Origin: at("Drivers", 5)})
			s.Results[1].FastestLapBy = "bruno  COSTA"
		}, nil},
		{"fastest lap by someone else", func(s *Season) {
			s.Drivers = append(s.Drivers, Driver{No: "2", Name: "Dora Elm", Rounds: Rounds(1), Origin: at("Drivers", 5)},
				Driver{No: "2", Name: "Eve Fox", Rounds: Rounds(2), Origin: at("Drivers", 6)})
			s.Results[1].FastestLapBy = "Eve Fox"
			s.Results[0].FastestLapBy = "Alice Marten"
			s.Results[2].FastestLapBy = "Chloé Dubois"
		}, []string{
			"error fastest-lap-by Results!I2: Alice Marten is not a driver of car 1 in round 1 (did you mean Alice Martin?)",
			"error fastest-lap-by Results!I3: Eve Fox is not a driver of car 2 in round 1 (write one of the drivers of car 2 in round 1: Bruno Costa, Dora Elm)",
			"warning fastest-lap-by Results!I4: warning: Chloé Dubois set the fastest lap of car 3 in round 1, but the car has no fastest-lap mark, so it pays nothing (mark the car's fastest lap (Y) too, or leave Fastest lap by blank)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := checkSeason()
			tt.edit(s)
			diagLinesEqual(t, diagLines(Check(s)), tt.want)
		})
	}
	// A race's scheme takes the Points sheet's spelling.
	s := checkSeason()
	s.Points = append(s.Points, Award{Kind: AwardPosition, Position: 1, Points: 3, Scheme: "Sprint", Origin: at("Points", 6)})
	s.Rounds[0].Scheme = "SPRINT"
	Check(s)
	if got := s.Rounds[0].Scheme; got != "Sprint" {
		t.Errorf("round 1's scheme is %q, want Sprint", got)
	}
	if got := strings.Join(diagLines(Check(s)), "\n"); got != "" {
		t.Errorf("diagnostics: %s", got)
	}
}
