package samples

import (
	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// f1Class is the one class of a Formula One sample: every car is in it.
const f1Class = "F1"

// f1Rules is what sets one Formula One season apart from another in its
// workbook: the year, the Season's Best results, the Points rows (Award,
// Points, Class, Scheme, Requires) and the Championships rows
// (Championship, Competitor, Class, Counted, Scheme, Best results). Every
// season is Final; ties go to countback over the scoring places unless
// tieBreak says otherwise, else the place is shared and numbered as
// published (7, 7, 9).
type f1Rules struct {
	year          string
	bestResults   any
	points        [][]any
	championships [][]any
	// tieBreak is the Season's Tie-break; blank: countback of scoring
	// places.
	tieBreak string
	// sharedDrives is the Season's Shared drives; blank: full.
	sharedDrives string
	// sharedFastestLap marks every car that set the same fastest time in
	// a race with the Fastest lap, to share its points; otherwise the
	// first listed keeps the mark alone.
	sharedFastestLap bool
	// schemes gives the points scheme of a Grand Prix that pays its own
	// (by event); sprint is the scheme every sprint pays.
	schemes map[string]string
	sprint  string
}

// f1PointsColumns are the Points columns of f1Rules.points, in order.
var f1PointsColumns = []string{templates.ColAward, templates.ColPoints, templates.ColClass, templates.ColScheme, templates.ColRequires}

// f1Points are the Points rows paying first, second … the points given,
// on the scheme named ("" for the default scheme).
func f1Points[P int | float64](first []P, scheme string) [][]any {
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
	calendar, err := s.calendar(codes, rules)
	if err != nil {
		return workbook.Options{}, err
	}
	entries, err := s.entries(f1Class)
	if err != nil {
		return workbook.Options{}, err
	}
	results, err := s.resultRows(rules.sharedFastestLap)
	if err != nil {
		return workbook.Options{}, err
	}
	tieBreak := rules.tieBreak
	if tieBreak == "" {
		tieBreak = "countback of scoring places"
	}
	season := map[string]any{
		templates.FieldSeries:      "FIA Formula One World Championship",
		templates.FieldSeason:      rules.year,
		templates.FieldStatus:      "Final",
		templates.FieldBestResults: rules.bestResults,
		templates.FieldTieBreak:    tieBreak,
		templates.FieldTiesShownAs: "1, 1, 3",
	}
	if rules.sharedDrives != "" {
		season[templates.FieldSharedDrives] = rules.sharedDrives
	}
	data := map[string][][]any{
		templates.SheetChampionships: rules.championships,
		// No., Class, Team, Cup, Nat, Car, Rounds, Scores, Make
		templates.SheetEntries: entries,
		// No., Driver, Nat, Rounds
		templates.SheetDrivers: s.drivers(),
		// Round, No., Pos, Status, Pole, Fastest lap, Laps, Note
		templates.SheetResults: results,
	}
	if data[templates.SheetSeason], err = seasonRows(season); err != nil {
		return workbook.Options{}, err
	}
	if data[templates.SheetCalendar], err = byColumn(templates.SheetCalendar, f1dbCalendarColumns, calendar); err != nil {
		return workbook.Options{}, err
	}
	if data[templates.SheetPoints], err = byColumn(templates.SheetPoints, f1PointsColumns, rules.points); err != nil {
		return workbook.Options{}, err
	}
	return workbook.Options{V2: true, Classes: []string{f1Class}, Data: data}, nil
}
