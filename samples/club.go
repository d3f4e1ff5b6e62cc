package samples

import (
	"io"

	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// ClubFile is the file name of the club season sample.
const ClubFile = "club.xlsx"

// clubClass is the club season's one class.
const clubClass = "Saloon"

// clubReverse is the points scheme of the club's reversed-grid race.
const clubReverse = "Reverse grid"

// WriteClub writes the club season workbook to w.
func WriteClub(w io.Writer) error {
	opts, err := Club()
	if err != nil {
		return err
	}
	return workbook.Write(w, opts)
}

// Club returns a small fictional club season, a contract v2 workbook of
// race rules: six saloon drivers, a race at Croft and a three-race meeting
// at Snetterton (Race 1, 2 and 3 sharing the Meeting Snetterton). Races pay
// 10-8-6-5-4-3, a point to every starter (Start), a point to every
// classified car that led a lap (Lap led), 2 points for the most laps led
// (shared on a tie: Snetterton Race 3) and a point for the fastest lap if
// its driver finished in the first three (Requires top 3). Race 2 has a
// reversed grid and its own scheme, Reverse grid: 6-5-4-3-2-1 and the
// starters' point, no other award; its results do not break ties
// (Countback N). The standings are worked out by hand in TestClubStandings.
func Club() (workbook.Options, error) {
	r := func(cells ...any) []any { return cells }
	const meeting = "Snetterton"
	calendar := [][]any{
		r(1, "CRO", "Spring Trophy", "Croft", "GBR", date(2025, 4, 13), 1),
		r(2, "SNE1", "Snetterton Race 1", "Snetterton 300", "GBR", date(2025, 6, 14), 1, nil, meeting),
		r(3, "SNE2", "Snetterton Race 2", "Snetterton 300", "GBR", date(2025, 6, 15), 1, clubReverse, meeting, "N"),
		r(4, "SNE3", "Snetterton Race 3", "Snetterton 300", "GBR", date(2025, 6, 15), 1, nil, meeting),
	}
	points := append(f1Points([]int{10, 8, 6, 5, 4, 3}, ""),
		r("Start", 1),
		r("Lap led", 1),
		r("Most laps led", 2),
		r("Fastest lap", 1, nil, nil, "top 3"),
	)
	points = append(points, f1Points([]int{6, 5, 4, 3, 2, 1}, clubReverse)...)
	points = append(points, r("Start", 1, nil, clubReverse))
	// Round, No., Pos, Status, Fastest lap, Laps, Laps led, Note
	results := [][]any{
		r(1, 7, 1, nil, nil, 15, 9),
		r(1, 3, 2, nil, nil, 15, 5),
		r(1, 21, 3, nil, "Y", 15),
		r(1, 12, 4, nil, nil, 15, 1),
		r(1, 55, 5, nil, nil, 14),
		r(1, 33, nil, "Ret", nil, 8, nil, "Gearbox"),
		r(2, 3, 1, nil, nil, 10, 4),
		r(2, 33, 2, nil, nil, 10, 6),
		r(2, 7, 3, nil, nil, 10),
		r(2, 21, 4, nil, "Y", 10, nil, "Fastest lap, but 4th: no point"),
		r(2, 55, 5, nil, nil, 10),
		r(2, 12, nil, "DNS", nil, 0, nil, "Engine failure on the warm-up lap"),
		r(3, 21, 1, nil, nil, 8, 8),
		r(3, 55, 2, nil, nil, 8),
		r(3, 12, 3, nil, nil, 8),
		r(3, 33, 4, nil, "Y", 8),
		r(3, 7, 5, nil, nil, 8),
		r(3, 3, 6, nil, nil, 8),
		r(4, 33, 1, nil, nil, 12, 5),
		r(4, 7, 2, nil, nil, 12, 5),
		r(4, 3, 3, nil, "Y", 12),
		r(4, 21, 4, nil, nil, 12),
		r(4, 12, 5, nil, nil, 12),
		r(4, 55, nil, "Ret", nil, 5, 2, "Led laps 1–2, then spun off"),
	}
	data := map[string][][]any{
		// Championship, Competitor, Class
		templates.SheetChampionships: {r("Drivers", "Driver", clubClass)},
		// No., Class, Team, Cup, Nat, Car
		templates.SheetEntries: {
			r(3, clubClass, "Brook Motorsport", nil, "GBR", "BMW 330i"),
			r(7, clubClass, "Carter Racing", nil, "GBR", "Honda Civic Type R"),
			r(12, clubClass, "Dunn Engineering", nil, "IRL", "Ford Focus ST"),
			r(21, clubClass, "Patel Performance", nil, "GBR", "Volkswagen Golf GTI"),
			r(33, clubClass, "Frost Motorsport", nil, "GBR", "BMW 330i"),
			r(55, clubClass, "Gray Garage", nil, "GBR", "Honda Civic Type R"),
		},
		// No., Driver, Nat
		templates.SheetDrivers: {
			r(3, "Alice Brook", "GBR"),
			r(7, "Ben Carter", "GBR"),
			r(12, "Chloe Dunn", "IRL"),
			r(21, "Dev Patel", "GBR"),
			r(33, "Emma Frost", "GBR"),
			r(55, "Finn Gray", "GBR"),
		},
	}
	var err error
	if data[templates.SheetSeason], err = seasonRows(map[string]any{
		templates.FieldSeries:   "Fenland Saloon Car Club Championship",
		templates.FieldSeason:   "2025",
		templates.FieldStatus:   "Final",
		templates.FieldTieBreak: "countback",
	}); err != nil {
		return workbook.Options{}, err
	}
	if data[templates.SheetCalendar], err = byColumn(templates.SheetCalendar, f1dbCalendarColumns, calendar); err != nil {
		return workbook.Options{}, err
	}
	if data[templates.SheetPoints], err = byColumn(templates.SheetPoints, f1PointsColumns, points); err != nil {
		return workbook.Options{}, err
	}
	resultColumns := []string{templates.ColRound, templates.ColNo, templates.ColPos, templates.ColStatus,
		templates.ColFastestLap, templates.ColLaps, templates.ColLapsLed, templates.ColNote}
	if data[templates.SheetResults], err = byColumn(templates.SheetResults, resultColumns, results); err != nil {
		return workbook.Options{}, err
	}
	return workbook.Options{V2: true, Classes: []string{clubClass}, Data: data}, nil
}
