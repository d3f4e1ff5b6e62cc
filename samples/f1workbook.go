package samples

import (
	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// f1Class is the one class of a Formula One sample: every car is in it.
const f1Class = "F1"

// f1Rules is what sets one Formula One season apart from another in its
// workbook: the year, the Season's Best results, the Points rows (Award,
// Points, Class, Scheme) and the Championships rows (Championship,
// Competitor, Class, Counted, Scheme, Best results). Every season is
// Final, ties go to countback over the scoring places, else the place is
// shared and numbered as published (7, 7, 9).
type f1Rules struct {
	year          string
	bestResults   any
	points        [][]any
	championships [][]any
}

// f1Points are the Points rows paying first, second … the points given,
// on the scheme named ("" for the default scheme).
func f1Points(first []int, scheme string) [][]any {
	rows := make([][]any, len(first))
	for i, p := range first {
		rows[i] = []any{i + 1, p}
		if scheme != "" {
			rows[i] = append(rows[i], nil, scheme)
		}
	}
	return rows
}

// workbook builds the season's contract v2 workbook from F1DB's data:
// the calendar with the Grand Prix codes given, one class holding every
// car, the entries, drivers and results as read (and corrected), under
// rules.
func (s f1dbSeason) workbook(codes map[string]string, rules f1Rules) (workbook.Options, error) {
	r := func(cells ...any) []any { return cells }
	calendar, err := s.calendar(codes)
	if err != nil {
		return workbook.Options{}, err
	}
	entries, err := s.entries(f1Class)
	if err != nil {
		return workbook.Options{}, err
	}
	results, err := s.resultRows()
	if err != nil {
		return workbook.Options{}, err
	}
	return workbook.Options{
		V2:      true,
		Classes: []string{f1Class},
		Data: map[string][][]any{
			templates.SheetSeason: {
				r("Series", "FIA Formula One World Championship"),
				r("Season", rules.year),
				r("Status", "Final"),
				r("Best results", rules.bestResults),
				r("Classification threshold", nil),
				r("Tie-break", "countback of scoring places"),
				r("Ties shown as", "1, 1, 3"),
			},
			// Round, Code, Race, Circuit, Country, Date, Factor
			templates.SheetCalendar: calendar,
			// Award, Points, Class, Scheme
			templates.SheetPoints: rules.points,
			// Championship, Competitor, Class, Counted, Scheme, Best results
			templates.SheetChampionships: rules.championships,
			// No., Class, Team, Cup, Nat, Car, Rounds, Scores, Make
			templates.SheetEntries: entries,
			// No., Driver, Nat, Rounds
			templates.SheetDrivers: s.drivers(),
			// Round, No., Pos, Status, Pole, Fastest lap, Laps, Note
			templates.SheetResults: results,
		},
	}, nil
}
