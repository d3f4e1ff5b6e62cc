package samples

import (
	"io"

	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// RulesFile is the file name of the rules season, beside the tests that
// use it.
const RulesFile = "testdata/rules.xlsx"

// WriteRules writes the rules season workbook to w.
func WriteRules(w io.Writer) error { return workbook.Write(w, Rules()) }

// Rules returns a small fictional season built to exercise four scoring
// rules that the real seasons never meet: one class (LMP3) of four scoring
// cars and an invited entry, three rounds, the last one for double points.
//
// Points: 10-6-4-3-2, Other 1, Pole 1, Fastest lap 1; Tie-break countback.
//
//	round 1 (factor 1)  #9 1st (invited), #1 2nd, #2 3rd + pole, #3 4th,
//	                    #4 NC with the fastest lap
//	round 2 (factor 1)  #3 1st + pole, #2 2nd + fastest lap, #4 3rd, #1 4th
//	round 3 (factor 2)  #4 1st, #1 2nd + pole, #2 3rd, #3 4th + fastest lap
//
// The rules, worked by hand:
//   - Invited entries take no place: in round 1 car 1 is 2nd on the road
//     behind the invited car 9 and scores the winner's 10; car 9 is in no
//     championship table.
//   - Pole points are not multiplied by the factor: car 1 scores 6×2 = 12
//     for 2nd in round 3 and 1 (not 2) for pole, 13.
//   - Fastest-lap points go to a classified car only: car 4 (NC) set the
//     fastest lap of round 1 and scores 0; nobody scores that point. Car
//     3's fastest lap in round 3 (classified) pays 1.
//   - Countback: cars 3 (4+11+7) and 2 (7+7+8) tie on 22; car 3 has a win,
//     car 2 none: car 3 is 3rd, car 2 4th. Car 1 leads with 10+3+13 = 26,
//     car 4 is 2nd with 0+4+20 = 24.
func Rules() workbook.Options {
	r := func(cells ...any) []any { return cells }
	return workbook.Options{
		Classes: []string{"LMP3"},
		Data: map[string][][]any{
			templates.SheetSeason: {
				r("Series", "Rules Trophy"),
				r("Season", "2026"),
				r("Status", "Final"),
				r("Best results", nil),
				r("Classification threshold", "70%"),
				r("Tie-break", "countback"),
			},
			// Round, Code, Race, Circuit, Country, Date, Factor
			templates.SheetCalendar: {
				r(1, "ZAN", "3 Hours of Zandvoort", "Circuit Zandvoort", "NED", date(2026, 4, 19), 1),
				r(2, "HUN", "3 Hours of Hungaroring", "Hungaroring", "HUN", date(2026, 6, 7), 1),
				r(3, "EST", "6 Hours of Estoril", "Circuito do Estoril", "POR", date(2026, 9, 27), 2),
			},
			// Award, Points, Class
			templates.SheetPoints: {
				r(1, 10), r(2, 6), r(3, 4), r(4, 3), r(5, 2),
				r("Other", 1), r("Pole", 1), r("Fastest lap", 1),
			},
			// No., Class, Team, Cup, Nat, Car, Rounds, Scores
			templates.SheetEntries: {
				r(1, "LMP3", "Kestrel Racing", nil, "GBR", "Ligier JS P320", "All"),
				r(2, "LMP3", "Blue Heron Motorsport", nil, "NED", "Duqueine D09", "All"),
				r(3, "LMP3", "Cobalt Engineering", nil, "HUN", "Ligier JS P320", "All"),
				r(4, "LMP3", "Ember Racing", nil, "POR", "Ginetta G61-LT-P3", "All"),
				r(9, "LMP3", "Factory Guest Team", nil, "FRA", "Ligier JS P325", "1", "N"),
			},
			// No., Driver, Nat, Rounds, Ineligible, Rating
			templates.SheetDrivers: {
				r(1, "Alice Marsh", "GBR", nil, nil, "Silver"),
				r(1, "Ben Foster", "GBR", nil, nil, "Bronze"),
				r(2, "Daan de Vries", "NED", nil, nil, "Silver"),
				r(2, "Sanne Bakker", "NED", nil, nil, "Bronze"),
				r(3, "Péter Kovács", "HUN", nil, nil, "Silver"),
				r(3, "Zsófia Nagy", "HUN", nil, nil, "Bronze"),
				r(4, "Rui Pereira", "POR", nil, nil, "Silver"),
				r(4, "Inês Santos", "POR", nil, nil, "Bronze"),
				r(9, "Claire Dupont", "FRA", nil, nil, "Gold"),
			},
			// Round, No., Pos, Status, Pole, Fastest lap, Laps, Note
			templates.SheetResults: {
				r(1, 9, 1, nil, nil, nil, 100, "Invited entry"),
				r(1, 1, 2, nil, nil, nil, 100),
				r(1, 2, 3, nil, "Y", nil, 99),
				r(1, 3, 4, nil, nil, nil, 98),
				r(1, 4, nil, "NC", nil, "Y", 60, "Below 70% of the winner's laps after a long stop"),
				r(2, 3, 1, nil, "Y", nil, 102),
				r(2, 2, 2, nil, nil, "Y", 102),
				r(2, 4, 3, nil, nil, nil, 101),
				r(2, 1, 4, nil, nil, nil, 100),
				r(3, 4, 1, nil, nil, nil, 190),
				r(3, 1, 2, nil, "Y", nil, 190),
				r(3, 2, 3, nil, nil, nil, 188),
				r(3, 3, 4, nil, nil, "Y", 187),
			},
		},
	}
}
