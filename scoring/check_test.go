package scoring

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// checkCols are the columns of each sheet the test seasons are "read"
// from, so that diagnostics name cells.
func checkCols(sheet string) map[string]int {
	return map[string]map[string]int{
		"Calendar":  {ColRound: 1, ColDate: 4, ColScheme: 5},
		"Points":    {ColAward: 1, ColClass: 3, ColScheme: 4, ColRequires: 5},
		"Entries":   {ColNo: 1, ColClass: 2, ColCup: 4, ColRounds: 7},
		"Drivers":   {ColNo: 1, ColDriver: 2, ColRounds: 4, ColIneligible: 5},
		"Results":   {ColRound: 1, ColNo: 2, ColPos: 3, ColPole: 5, ColFastestLap: 6, ColLaps: 7, ColLapsLed: 8, ColFastestLapBy: 9},
		"Penalties": {ColRound: 1, ColNo: 2, ColDriver: 4, ColChampionship: 6},
		// Championship, Competitor, Class, Counted, Scheme, Best results.
		"Championships": {ColChampionship: 1, ColCompetitor: 2, ColClass: 3, ColCounted: 4, ColScheme: 5, ColBestResults: 6},
	}[sheet]
}

func at(sheet string, row int) Origin { return Origin{Sheet: sheet, Row: row, Cols: checkCols(sheet)} }

func day(m, d int) time.Time { return time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// checkSeason is a season without a problem: three rounds, cars 1 and 2 in
// LMP2, car 3 in GT and its cup GT Am, one driver each, round 1's results.
func checkSeason() *Season {
	return &Season{
		Rounds: []Round{
			{Number: 1, Date: day(3, 1), Factor: 1, Origin: at("Calendar", 2)},
			{Number: 2, Date: day(4, 1), Factor: 1, Origin: at("Calendar", 3)},
			{Number: 3, Date: day(5, 1), Factor: 1, Origin: at("Calendar", 4)},
		},
		Points: []Award{
			{Kind: AwardPosition, Position: 1, Points: 25, Origin: at("Points", 2)},
			{Kind: AwardPosition, Position: 2, Points: 18, Origin: at("Points", 3)},
			{Kind: AwardPosition, Position: 3, Points: 15, Origin: at("Points", 4)},
			{Kind: AwardPole, Points: 1, Origin: at("Points", 5)},
		},
		Entries: []Entry{
			{No: "1", Class: "LMP2", Team: "Alpha", Rounds: AllRounds(), Scores: true, Origin: at("Entries", 2)},
			{No: "2", Class: "LMP2", Team: "Bravo", Rounds: AllRounds(), Scores: true, Origin: at("Entries", 3)},
			{No: "3", Class: "GT", Cup: "GT Am", Team: "Charlie", Rounds: AllRounds(), Scores: true, Origin: at("Entries", 4)},
		},
		Drivers: []Driver{
			{No: "1", Name: "Alice Martin", Rounds: AllRounds(), Origin: at("Drivers", 2)},
			{No: "2", Name: "Bruno Costa", Rounds: AllRounds(), Origin: at("Drivers", 3)},
			{No: "3", Name: "Chloé Dubois", Rounds: AllRounds(), Origin: at("Drivers", 4)},
		},
		Results: []Result{
			{Round: 1, No: "1", Pos: 1, Pole: Mark{Class: true}, Laps: -1, Origin: at("Results", 2)},
			{Round: 1, No: "2", Pos: 2, FastestLap: Mark{Class: true}, Laps: -1, Origin: at("Results", 3)},
			{Round: 1, No: "3", Pos: 3, Pole: Mark{Class: true, In: []string{"GT Am"}}, Laps: -1, Origin: at("Results", 4)},
		},
	}
}

// diagLines renders diagnostics sorted, one a line, with severity and code:
// "error duplicate-round Calendar!A3: round 1 is listed twice (…) (hint)".
func diagLines(diags Diagnostics) []string {
	diags.Sort([]string{"Season", "Calendar", "Points", "Entries", "Drivers", "Results", "Penalties"})
	var out []string
	for _, d := range diags {
		out = append(out, d.Severity.String()+" "+d.Code+" "+d.String())
	}
	return out
}

func result(round int, no string, pos int, row int) Result {
	return Result{Round: round, No: no, Pos: pos, Laps: -1, Origin: at("Results", row)}
}

// TestCheck runs each check of a season on a season literal with one
// mistake, asserting every diagnostic exactly: severity, code, place,
// message and hint.
func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		edit func(s *Season)
		want []string
	}{
		{"a season without a problem", func(s *Season) {}, nil},

		// Calendar.
		{"no rounds", func(s *Season) {
			s.Rounds, s.Results = nil, nil
			s.Source.Calendar.Ref = Ref{Sheet: "Calendar", Row: 1}
		}, []string{
			"error no-rounds Calendar: the calendar has no rounds (add a row per round, numbered 1, 2, 3 …)",
		}},
		{"no rounds, and no calendar sheet: reported by the reader", func(s *Season) {
			s.Rounds, s.Results = nil, nil
			s.Source.Calendar.Missing = true
		}, nil},
		{"round listed twice", func(s *Season) { s.Rounds[1].Number = 1 }, []string{
			"error duplicate-round Calendar!A3: round 1 is listed twice (also at Calendar!A2) (number the rounds 1, 2, 3 … once each)",
			"error round-gap Calendar!A4: the calendar jumps to round 3: round 2 is missing (number the rounds 1, 2, 3 … without gaps)",
		}},
		{"rounds missing", func(s *Season) { s.Rounds[2].Number = 6 }, []string{
			"error round-gap Calendar!A4: the calendar jumps to round 6: rounds 3–5 are missing (number the rounds 1, 2, 3 … without gaps)",
		}},
		{"round dated before the one before", func(s *Season) { s.Rounds[2].Date = day(3, 15) }, []string{
			"warning round-date-order Calendar!D4: warning: round 3 (15 March 2025) is dated before round 2 (1 April 2025) (check the date or the round numbers)",
		}},
		{"best results more than the rounds", func(s *Season) {
			s.BestResults = 4
			s.Source.BestResults = Ref{Sheet: "Season", Row: 5, Col: 2}
		}, []string{
			"warning best-results Season!B5: warning: best results is 4 but the calendar has only 3 rounds, so every result counts (leave it blank when all results count)",
		}},

		// Entries.
		{"no cars", func(s *Season) {
			s.Entries, s.Drivers, s.Results = nil, nil, nil
			s.Source.Entries.Ref = Ref{Sheet: "Entries", Row: 1}
		}, []string{
			"warning no-entries Entries: warning: no cars are entered yet (add a row per car to the Entries sheet)",
		}},
		{"no cars read, but rows the reader reported", func(s *Season) {
			s.Entries, s.Drivers, s.Results = nil, nil, nil
			s.Source.Entries.Skipped = 1
		}, nil},
		{"car entered twice", func(s *Season) { s.Entries[1].No = "1" }, []string{
			"error duplicate-car Entries!A3: car 1 is entered twice (also at Entries!A2) (each car has one row; give each car its own number)",
			"error unknown-car Drivers!A3: car 2 is not in the Entries sheet (add it to the Entries sheet, or correct the number)",
			"error unknown-car Results!B3: car 2 is not in the Entries sheet (add it to the Entries sheet, or correct the number)",
			"warning position-gap Results!C4: warning: positions in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)",
		}},
		{"rounds outside the calendar", func(s *Season) { s.Entries[0].Rounds = Rounds(1, 4, 5) }, []string{
			"error rounds-outside-calendar Entries!G2: rounds 4–5 are not in the calendar (the calendar has rounds 1–3)",
		}},
		{"cup that is the car's class", func(s *Season) { s.Entries[2].Cup = "gt" }, []string{
			`warning class-spelling Entries!D4: warning: class "gt" is written "GT" at Entries!B4; podium reads both as GT (write it the same way everywhere)`,
			`warning bad-value Entries!D4: warning: cup "gt" is the car's class (leave Cup blank unless the car scores in a second classification)`,
			`error bad-value Results!E4: pole "GT Am" is not a classification car 3 scores in (type Y for its class, or the name of its cup (GT or GT))`,
		}},
		{"class written with other capitals", func(s *Season) { s.Entries[1].Class = "lmp2" }, []string{
			`warning class-spelling Entries!B3: warning: class "lmp2" is written "LMP2" at Entries!B2; podium reads both as LMP2 (write it the same way everywhere)`,
		}},
		{"class one typo from a class of more cars", func(s *Season) {
			s.Entries = append(s.Entries, Entry{No: "4", Class: "LPM2", Team: "Delta", Rounds: AllRounds(), Origin: at("Entries", 5)})
		}, []string{
			`warning class-spelling Entries!B5: warning: class "LPM2" (1 car) looks like a misspelling of "LMP2" (2 cars) (did you mean LMP2? A class of its own is scored as a separate championship)`,
		}},
		{"class one typo from the class list", func(s *Season) {
			s.Source.ClassList = []string{"LMP2", "GT", "GT Am", "Touring"}
			s.Entries = append(s.Entries, Entry{No: "4", Class: "Tourng", Team: "Delta", Rounds: AllRounds(), Origin: at("Entries", 5)})
		}, []string{
			`error unknown-class Entries!B5: class "Tourng" is not in the class list of the Lists sheet (did you mean Touring? Otherwise add it to the Classes column of the Lists sheet)`,
		}},
		{"class not in a points scheme giving each class its own table", func(s *Season) {
			s.Points = []Award{
				{Kind: AwardPosition, Position: 1, Points: 25, Class: "LMP2", Origin: at("Points", 2)},
				{Kind: AwardPosition, Position: 1, Points: 25, Class: "GT", Origin: at("Points", 3)},
				{Kind: AwardPosition, Position: 1, Points: 10, Class: "GT Am", Origin: at("Points", 4)},
			}
			s.Entries[1].Class = "LMP3"
			s.Source.Points.Ref = Ref{Sheet: "Points", Row: 1}
		}, []string{
			`error unknown-class Entries!B3: class "LMP3" has no points table in the Points sheet, which gives each class its own (did you mean LMP2? Otherwise add its points to the Points sheet)`,
		}},

		// Points.
		{"points for a class no car is in", func(s *Season) {
			s.Points = append(s.Points, Award{Kind: AwardPole, Points: 2, Class: "GTE", Origin: at("Points", 6)})
		}, []string{
			`error unknown-class Points!C6: class "GTE" is not the class or cup of any entry (did you mean GT?)`,
		}},
		{"the same award twice", func(s *Season) { s.Points[2].Position = 2 }, []string{
			"error duplicate-award Points!A4: points for position 2 (every class) are given twice (also at Points!A3) (keep one row per award and class)",
		}},
		{"a gap in the points table", func(s *Season) { s.Points[1].Position = 4; s.Points[2].Position = 5 }, []string{
			"error points-gap Points!A3: the points table jumps to position 4: positions 2–3 have no points (list positions 1, 2, 3 … without gaps (a position worth 0 can be written as 0))",
		}},
		{"no positions for a class", func(s *Season) {
			s.Points = []Award{
				{Kind: AwardPosition, Position: 1, Points: 25, Class: "lmp2", Origin: at("Points", 2)},
				{Kind: AwardPosition, Position: 1, Points: 25, Class: "GT", Origin: at("Points", 3)},
				{Kind: AwardPole, Points: 1, Class: "GT Am", Origin: at("Points", 4)},
			}
			s.Source.Points.Ref = Ref{Sheet: "Points", Row: 1}
		}, []string{
			"error no-position-points Points: the points scheme gives no points for finishing positions in GT Am (add rows 1, 2, 3 … with a blank Class, or rows for GT Am)",
		}},
		{"an empty points scheme", func(s *Season) { s.Points = nil; s.Source.Points.Ref = Ref{Sheet: "Points", Row: 1} }, []string{
			"error no-position-points Points: the points scheme is empty (add rows 1, 2, 3 … with the points for each position (podium template pre-fills 25, 18, 15 …))",
		}},
		{"no points sheet: reported by the reader", func(s *Season) { s.Points = nil; s.Source.Points.Missing = true }, nil},

		// Drivers.
		{"driver of a car not entered", func(s *Season) { s.Drivers[2].No = "9" }, []string{
			"error unknown-car Drivers!A4: car 9 is not in the Entries sheet (add it to the Entries sheet, or correct the number)",
			"warning no-driver Results!B4: warning: car 3 has a result in round 1 but no driver for that round (add the car's drivers for this round to the Drivers sheet, or correct their Rounds)",
		}},
		{"driver in rounds the car is not entered for", func(s *Season) { s.Entries[0].Rounds = Rounds(1, 2); s.Drivers[0].Rounds = Rounds(2, 3) }, []string{
			"error not-entered Drivers!D2: Alice Martin drove car 1 in round 3, but the car is not entered for it (car 1 is entered for rounds 1–2 (Entries!G2))",
			"warning no-driver Results!B2: warning: car 1 has a result in round 1 but no driver for that round (add the car's drivers for this round to the Drivers sheet, or correct their Rounds)",
		}},
		{"ineligible in a round not driven", func(s *Season) { s.Drivers[0].Rounds = Rounds(1, 2); s.Drivers[0].Ineligible = Rounds(3) }, []string{
			"error ineligible-not-driven Drivers!E2: Alice Martin is ineligible in round 3, which the Rounds column says they did not drive (Ineligible lists rounds the driver drove but scores nothing in)",
		}},
		{"driver listed twice for a car", func(s *Season) {
			s.Drivers = append(s.Drivers, Driver{No: "1", Name: "alice  martin", Rounds: Rounds(3), Origin: at("Drivers", 5)})
		}, []string{
			`error duplicate-driver Drivers!B5: alice  martin is listed twice for car 1 (also at Drivers!B2) (keep one row per driver per car and list all their rounds in it)`,
			`warning similar-names Drivers!B5: warning: "alice  martin" looks like "Alice Martin" at Drivers!B2 (they differ only in accents, capitals or spaces) (if they are the same person, spell the name the same way in both cells)`,
		}},
		{"driver in two cars in one round", func(s *Season) {
			s.Drivers = append(s.Drivers, Driver{No: "2", Name: "Alice Martin", Rounds: Rounds(2, 3), Origin: at("Drivers", 5)})
		}, []string{
			"warning driver-in-two-cars Drivers!D5: warning: Alice Martin drives car 2 and car 1 (Drivers!B2) in rounds 2–3 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)",
		}},
		{"names one letter apart", func(s *Season) { s.Drivers[1].Name = "Alice Martinn"; s.Drivers[1].Rounds = AllRounds() }, []string{
			`warning similar-names Drivers!B3: warning: "Alice Martinn" looks like "Alice Martin" at Drivers!B2 (one letter differs) (if they are the same person, spell the name the same way in both cells)`,
		}},

		// Results.
		{"result in a round not in the calendar", func(s *Season) { s.Results[2].Round = 7 }, []string{
			"error unknown-round Results!A4: round 7 is not in the calendar (the calendar has rounds 1–3)",
		}},
		{"a result left out of the checks keeps its marks unread", func(s *Season) {
			s.Results[2].Round = 7
			s.Results[2].Pole = Mark{In: []string{"LMP2"}}
		}, []string{
			"error unknown-round Results!A4: round 7 is not in the calendar (the calendar has rounds 1–3)",
		}},
		{"result of a car not entered", func(s *Season) { s.Results[2].No = "9" }, []string{
			"error unknown-car Results!B4: car 9 is not in the Entries sheet (add it to the Entries sheet, or correct the number)",
		}},
		{"two results of a car in a round", func(s *Season) { s.Results[1].No = "1" }, []string{
			"error duplicate-result Results!B3: car 1 has two results in round 1 (also at Results!B2) (keep one row per car per round)",
			"warning position-gap Results!C4: warning: positions in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)",
		}},
		{"result in a round the car is not entered for", func(s *Season) { s.Entries[1].Rounds = Rounds(2, 3) }, []string{
			"error not-entered Results!B3: car 2 has a result in round 1 but is entered only for rounds 2–3 (add round 1 to the car's Rounds at Entries!G3, or delete this result)",
			"warning position-gap Results!C4: warning: positions in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)",
		}},
		{"classified without a position", func(s *Season) { s.Results[2].Pos = 0 }, []string{
			"error missing-position Results!C4: car 3 is classified (blank status) but has no position (type the finishing position, or a Status (NC, Ret, DNS …) if the car was not classified)",
		}},
		{"no position where the reader reported the cell", func(s *Season) {
			s.Results[1].Pos = 0
			s.Source.Unreadable = map[Ref]bool{{Sheet: "Results", Row: 3, Col: 3}: true}
		}, nil},
		{"no Pos column", func(s *Season) {
			for i := range s.Results {
				s.Results[i].Pos = 0
			}
			s.Source.Results = Part{Ref: Ref{Sheet: "Results", Row: 1}, Lacks: []string{ColPos}}
		}, []string{
			"error missing-column Results!1:1: the sheet has no Pos column, so classified cars have no positions (add a Pos column with each car's finishing position)",
		}},
		{"not classified needs no position", func(s *Season) { s.Results[2].Pos, s.Results[2].Status = 0, Retired }, nil},
		{"two poles in a class", func(s *Season) { s.Results[1].Pole = Mark{Class: true} }, []string{
			"error two-poles Results!E3: two poles in LMP2 in round 1: car 2 and car 1 (Results!E2) (one car per class takes pole; remove the other mark)",
		}},
		{"two fastest laps in a class", func(s *Season) { s.Results[0].FastestLap = Mark{In: []string{"lmp2"}} }, []string{
			"warning two-fastest-laps Results!F3: warning: car 2 and car 1 (Results!F2) both have the fastest lap in LMP2 in round 1: they share its points (the cars marked share the fastest lap's points; if one car set it, remove the other mark)",
		}},
		{"pole in a classification the car is not in", func(s *Season) { s.Results[0].Pole = Mark{In: []string{"GT Am"}} }, []string{
			`error bad-value Results!E2: pole "GT Am" is not a classification car 1 scores in (type Y for its class, or the name of its cup (LMP2))`,
		}},
		{"result without a driver", func(s *Season) { s.Drivers[2].Rounds = Rounds(2, 3) }, []string{
			"warning no-driver Results!B4: warning: car 3 has a result in round 1 but no driver for that round (add the car's drivers for this round to the Drivers sheet, or correct their Rounds)",
		}},
		{"a car that did not start needs no driver", func(s *Season) {
			s.Drivers[2].Rounds = Rounds(2, 3)
			s.Results[2].Pos, s.Results[2].Status = 0, DidNotStart
		}, nil},
		{"two cars in one position", func(s *Season) { s.Results[1].Pos = 1 }, []string{
			"error same-position Results!C3: cars 2 and 1 (Results!C2) are both position 1 in LMP2 in round 1 (two cars cannot share a position; correct one of them)",
			"warning position-gap Results!C4: warning: positions in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)",
		}},
		{"a gap in class positions", func(s *Season) { s.Results[2].Pos = 1; s.Results[1].Pos = 3 }, []string{
			"warning position-gap Results!C3: warning: positions in LMP2 in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)",
		}},
		{"no gaps reported where the reader reported a position", func(s *Season) {
			s.Results[1].Pos = 0
			s.Results[1].Status = NotClassified
			s.Source.Unreadable = map[Ref]bool{{Sheet: "Results", Row: 3, Col: 3}: true}
		}, nil},
		{"no results sheet: reported by the reader", func(s *Season) {
			s.Results[1].Pos = 0
			s.Source.Results.Missing = true
		}, nil},

		// Penalties.
		{"penalties of unknown rounds, cars and drivers", func(s *Season) {
			s.Penalties = []Penalty{
				{Round: 5, No: "1", Points: 5, Origin: at("Penalties", 2)},
				{Round: 1, No: "9", Points: 5, Origin: at("Penalties", 3)},
				{Round: 1, No: "1", Points: 5, Driver: "Alice Martyn", Origin: at("Penalties", 4)},
				{Round: 1, No: "2", Points: 5, Driver: "Someone Else", Origin: at("Penalties", 5)},
				{Round: 1, No: "3", Points: 5, Driver: "CHLOE DUBOIS", Origin: at("Penalties", 6)},
			}
		}, []string{
			"error unknown-round Penalties!A2: round 5 is not in the calendar (the calendar has rounds 1–3)",
			"error unknown-car Penalties!B3: car 9 is not in the Entries sheet (add it to the Entries sheet, or correct the number)",
			"error unknown-driver Penalties!D4: Alice Martyn is not a driver of car 1 (did you mean Alice Martin?)",
			"error unknown-driver Penalties!D5: Someone Else is not a driver of car 2 (drivers of car 2: Bruno Costa)",
		}},
		{"penalty of a driver of a car without drivers", func(s *Season) {
			s.Drivers = s.Drivers[:2]
			s.Results = s.Results[:2]
			s.Penalties = []Penalty{{Round: 1, No: "3", Points: 5, Driver: "Chloé Dubois", Origin: at("Penalties", 2)}}
		}, []string{
			"error unknown-driver Penalties!D2: Chloé Dubois is not a driver of car 3 (leave Driver blank to penalise the car and all its drivers)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := checkSeason()
			tt.edit(s)
			got := diagLines(Check(s))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}

// TestNormalize: Normalize rewrites a season the way Score reads it, and a
// second run changes nothing.
func TestNormalize(t *testing.T) {
	s := checkSeason()
	s.Entries[1].Class = "lmp2"
	s.Entries[2].Cup = "gt am"
	s.Entries = append(s.Entries, Entry{No: "4", Class: "GT Am", Team: "Delta", Rounds: AllRounds(), Origin: at("Entries", 5)})
	s.Points[3].Class = "gt"
	s.Results[0].Pole = Mark{In: []string{"Lmp2"}}
	s.Results[2].Pole = Mark{In: []string{"gt am", "GT", "GT Am", "LMP2"}}
	s.Penalties = []Penalty{{Round: 1, No: "3", Points: 5, Driver: " CHLOÉ  Dubois", Origin: at("Penalties", 2)}}
	got := diagLines(Normalize(s))
	want := []string{
		`warning class-spelling Entries!B3: warning: class "lmp2" is written "LMP2" at Entries!B2; podium reads both as LMP2 (write it the same way everywhere)`,
		`warning class-spelling Entries!D4: warning: class "gt am" is written "GT Am" at Entries!B5; podium reads both as GT Am (write it the same way everywhere)`,
		`error bad-value Results!E4: pole "LMP2" is not a classification car 3 scores in (type Y for its class, or the name of its cup (GT or GT Am))`,
	}
	diagLinesEqual(t, got, want)
	after := fmt.Sprintf("%q %q %q %q %q/%q %v %v %q",
		s.Entries[1].Class, s.Entries[2].Cup, s.Points[3].Class, s.Points[0].Class,
		s.Drivers[2].Key, s.Penalties[0].DriverKey, s.Results[0].Pole, s.Results[2].Pole, s.Entries[3].Class)
	wantAfter := `"LMP2" "GT Am" "GT" "" "chloe dubois"/"chloe dubois" {true []} {true [GT Am]} "GT Am"`
	if after != wantAfter {
		t.Errorf("normalised:\n got %s\nwant %s", after, wantAfter)
	}
	if again := Normalize(s); len(again) != 0 {
		t.Errorf("a second Normalize reports %v", again)
	}
}

func diagLinesEqual(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}
