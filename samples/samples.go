// Package samples holds sample season workbooks and the code that builds
// them, so that every committed sample can be regenerated and checked.
//
//	demo.xlsx          a small fictional endurance season: two classes and
//	                   a cup, an invited entry, driver changes, a
//	                   double-points finale, penalties, retirements, a
//	                   non-starter and a disqualification.
//	alms-2019-20.xlsx  the real 2019–20 Asian Le Mans Series, entered from
//	                   the published article; see README.md.
//	f1-1988.xlsx       the real 1988 Formula One World Championship, a
//	                   contract v2 workbook built from F1DB's results: a
//	                   drivers' championship (best 11 of 16) and a
//	                   constructors' one adding up every car (see F1988).
//	f1-1961.xlsx       the real 1961 Formula One World Championship, the
//	                   same way: drivers best 5, constructors scored by
//	                   their best-placed car on their own scale, best 5;
//	                   cars entered by a number of their own (see F1961).
//	f1-1970.xlsx       the real 1970 Formula One World Championship, the
//	                   same way: the best 6 of rounds 1–7 and 5 of rounds
//	                   8–13 for both championships, constructors by their
//	                   best-placed car (see F1970).
//	f1-1954.xlsx       the real 1954 Formula One World Championship, the
//	                   same way, with contract v2's race rules: shared
//	                   drives split, shared fastest laps (1/7 point each at
//	                   the British GP), drivers in two cars in one race,
//	                   the Indianapolis 500, best 5 (see F1954).
//	f1-2021.xlsx       the real 2021 Formula One World Championship: three
//	                   sprints on their own scheme, each a round sharing a
//	                   Meeting with its Grand Prix; half points at Spa; a
//	                   fastest-lap point for a top-10 finisher only;
//	                   constructors adding up every car (see F2021).
//	club.xlsx          a small fictional club season: a three-race
//	                   meeting, a reversed-grid race on its own scheme,
//	                   participation and laps-led points (see Club).
//	testdata/rules.xlsx a tiny season for the tests of four scoring rules
//	                   the other two never meet (see Rules).
//
// Regenerate with `go generate ./samples`.
package samples

//go:generate go run ./internal/gensamples .

import (
	"io"
	"time"

	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// DemoFile is the file name of the demo season.
const DemoFile = "demo.xlsx"

// WriteDemo writes the demo season workbook to w.
func WriteDemo(w io.Writer) error { return workbook.Write(w, Demo()) }

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Demo returns the demo season as template options with data.
func Demo() workbook.Options {
	r := func(cells ...any) []any { return cells }
	return workbook.Options{
		Classes: []string{"Pro", "Am", "Bronze Cup"},
		Data: map[string][][]any{
			templates.SheetSeason: {
				r("Series", "Demo Endurance Cup"),
				r("Season", "2025"),
				r("Status", "Final"),
				r("Best results", nil),
				r("Classification threshold", "70%"),
				r("Tie-break", "countback"),
			},
			// Round, Code, Race, Circuit, Country, Date, Factor
			templates.SheetCalendar: {
				r(1, "SPA", "4 Hours of Spa", "Circuit de Spa-Francorchamps", "BEL", date(2025, 4, 12), 1),
				r(2, "MNZ", "4 Hours of Monza", "Autodromo Nazionale Monza", "ITA", date(2025, 5, 11), 1),
				r(3, "SIL", "4 Hours of Silverstone", "Silverstone Circuit", "GBR", date(2025, 6, 8), 1),
				r(4, "POR", "6 Hours of Portimão", "Algarve International Circuit", "POR", date(2025, 10, 19), 2),
			},
			// Award, Points, Class
			templates.SheetPoints: templates.DefaultPoints(),
			// No., Class, Team, Cup, Nat, Car, Rounds, Scores
			templates.SheetEntries: {
				r(7, "Pro", "Falcon Racing", nil, "FRA", "Oreca 07", "All"),
				r(22, "Pro", "Northern Lights Motorsport", nil, "FIN", "Oreca 07", "All"),
				r(31, "Pro", "Team Azul", nil, "POR", "Ligier JS P217", "All"),
				r(44, "Pro", "Vortex Racing", nil, "GBR", "Oreca 07", "All"),
				r(50, "Am", "Redline Gentlemen", "Bronze Cup", "USA", "Ligier JS P3", "All"),
				r(61, "Am", "Aurora Motorsport", "Bronze Cup", "NOR", "Ligier JS P3", "All"),
				r(77, "Am", "Sable Racing", nil, "BEL", "Norma M30", "All"),
				r(88, "Am", "Harbour Racing", nil, "HKG", "Norma M30", "All"),
				r(99, "Am", "Academy Racing", nil, "ITA", "Ligier JS P3", "2–3", "N"),
			},
			// No., Driver, Nat, Rounds, Ineligible, Rating
			templates.SheetDrivers: {
				r(7, "Lucas Moreau", "FRA", nil, nil, "Gold"),
				r(7, "Thomas Girard", "FRA", nil, nil, "Silver"),
				r(22, "Mikko Virtanen", "FIN", nil, nil, "Platinum"),
				r(22, "Jonas Berg", "SWE", nil, nil, "Silver"),
				r(31, "João Almeida", "POR", nil, nil, "Gold"),
				r(31, "Rafael Costa", "BRA", nil, nil, "Silver"),
				r(44, "Oliver Hayes", "GBR", nil, nil, "Gold"),
				r(44, "Sébastien Lemaire", "FRA", "1–2", nil, "Silver"),
				r(44, "Daniel Price", "GBR", "3–4", nil, "Silver"),
				r(50, "Mark Ellison", "USA", nil, nil, "Bronze"),
				r(50, "Ryan Cole", "USA", nil, "3", "Silver"),
				r(61, "Erik Haugen", "NOR", nil, nil, "Bronze"),
				r(61, "Kenji Watanabe", "JPN", "1–2", nil, "Silver"),
				r(61, "Anders Lund", "NOR", "3–4", nil, "Silver"),
				r(77, "Pieter Claes", "BEL", nil, nil, "Bronze"),
				r(77, "Kenji Watanabe", "JPN", "3–4", nil, "Silver"),
				r(77, "Hugo Dubois", "BEL", "1–2", nil, "Silver"),
				r(88, "Wing Chan", "HKG", nil, nil, "Bronze"),
				r(88, "Marcus Lee", "SGP", nil, nil, "Silver"),
				r(99, "Giulia Ferri", "ITA", nil, nil, "Silver"),
				r(99, "Matteo Conti", "ITA", nil, nil, "Silver"),
			},
			// Round, No., Pos, Status, Pole, Fastest lap, Laps, Note
			templates.SheetResults: {
				r(1, 7, 1, nil, nil, "Y", 112),
				r(1, 22, 2, nil, "Y", nil, 112),
				r(1, 44, 3, nil, nil, nil, 111),
				r(1, 50, 4, nil, "Y", nil, 104),
				r(1, 61, 5, nil, nil, "Y", 104),
				r(1, 88, 6, nil, nil, nil, 101),
				r(1, 31, nil, "Ret", nil, nil, 63, "Gearbox"),
				r(1, 77, nil, "DNS", nil, nil, 0, "Accident in warm-up"),
				r(2, 22, 1, nil, nil, "Y", 118),
				r(2, 7, 2, nil, "Y", nil, 118),
				r(2, 31, 3, nil, nil, nil, 117),
				r(2, 44, 4, nil, nil, nil, 117),
				r(2, 99, 5, nil, nil, "Y", 110),
				r(2, 61, 6, nil, "Y", nil, 110),
				r(2, 50, 7, nil, nil, nil, 109),
				r(2, 77, 8, nil, nil, nil, 108),
				r(2, 88, 9, "NC", nil, nil, 71, "Below 70% of the winner's laps"),
				r(3, 31, 1, nil, "Y", "Y", 115),
				r(3, 7, 2, nil, nil, nil, 115),
				r(3, 44, 3, nil, nil, nil, 114),
				r(3, 77, 4, nil, "Y", nil, 107),
				r(3, 99, 5, nil, nil, nil, 107),
				r(3, 50, 6, nil, nil, "Y", 106),
				r(3, 88, 7, nil, nil, nil, 105),
				r(3, 22, nil, "Ret", nil, nil, 88, "Puncture"),
				r(3, 61, nil, "Ret", nil, nil, 40),
				r(4, 7, 1, nil, "Y", "Y", 171),
				r(4, 44, 2, nil, nil, nil, 171),
				r(4, 22, 3, nil, nil, nil, 170),
				r(4, 31, 4, nil, nil, nil, 169),
				r(4, 88, 5, nil, "Y", nil, 160),
				r(4, 50, 6, nil, nil, "Y", 159),
				r(4, 77, 7, nil, nil, nil, 158),
				r(4, 61, nil, "DSQ", nil, nil, 159, "Technical infringement (Decision 31)"),
			},
			// Round, No., Points, Driver, Reason
			templates.SheetPenalties: {
				r(3, 88, 5, nil, "Causing a collision (Decision 12)"),
				r(4, 7, 2, "Thomas Girard", "Unsportsmanlike conduct (Decision 27)"),
			},
		},
	}
}
