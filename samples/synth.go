package samples

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// Synth sizes a synthetic season. The zero value of a field takes the
// default given in its comment.
type Synth struct {
	Cars    int // entries (default 50)
	Rounds  int // rounds (default 8)
	Classes int // classes, at most one per car (default 4)
	// DriversPerCar is the regular crew size (default 3).
	DriversPerCar int
	// Seed makes a different but equally valid season; the same options
	// always give the same season (cell for cell; the zip bytes may differ).
	Seed uint64
	// Shape is the kind of workbook: ShapeRich (the default) or ShapeLean.
	Shape SynthShape
	// Championships writes a contract v2 season: an Entries Make column
	// and a Championships sheet. Teams run three cars in each class (the
	// Team column names the team, not the car) and each team runs one of
	// five makes, so every make has cars in every class and several
	// teams. The sheet runs, per class, Teams (Car), Drivers (Driver),
	// Team Cup (Team, the two cars of a team that scored most in each
	// race) and Makes (Make, every car added up). Off, the season is
	// v1's, exactly as without the field.
	Championships bool
}

// SynthShape is the kind of workbook a synthetic season is written as.
type SynthShape int

const (
	// ShapeRich is a season with the variety of a real one (see
	// WriteSynthetic).
	ShapeRich SynthShape = iota
	// ShapeLean is a season as a timing export fills it: drivers named
	// "Driver 12-1 Name", "Driver 12-2 Name" … (a fixed crew per car, so
	// names differ only in digits), class positions that skip the number
	// of a car that retired, a Results sheet with only Round, No., Pos,
	// Status and Pole, and no penalties.
	ShapeLean
)

// String is the shape's name for the synth command's -shape flag.
func (s SynthShape) String() string {
	if s == ShapeLean {
		return "lean"
	}
	return "rich"
}

// Synthetic sizes used by the benchmarks and the README's table.
var (
	// Synth10k is 10,000 results: 500 cars × 20 rounds.
	Synth10k = Synth{Cars: 500, Rounds: 20, Classes: 10, DriversPerCar: 3}
	// Synth100k is 100,000 results: 2,500 cars × 40 rounds, 20 classes.
	Synth100k = Synth{Cars: 2500, Rounds: 40, Classes: 20, DriversPerCar: 3}
	// Synth25k and Synth50k are Synth100k with a quarter and half of the
	// cars: the steps of the growth benchmarks.
	Synth25k = Synth{Cars: 625, Rounds: 40, Classes: 20, DriversPerCar: 3}
	Synth50k = Synth{Cars: 1250, Rounds: 40, Classes: 20, DriversPerCar: 3}
)

// Limits of a synthetic season: Excel's own row limit bounds the Results
// sheet.
const (
	maxSynthResults = 1_000_000
	maxSynthClasses = 200
)

func (s Synth) withDefaults() (Synth, error) {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&s.Cars, 50)
	def(&s.Rounds, 8)
	def(&s.Classes, 4)
	def(&s.DriversPerCar, 3)
	switch {
	case s.Cars < 1 || s.Rounds < 1 || s.Classes < 1 || s.DriversPerCar < 1:
		return s, errors.New("cars, rounds, classes and drivers per car must be at least 1")
	case s.Classes > s.Cars:
		return s, fmt.Errorf("%d classes need at least %d cars", s.Classes, s.Classes)
	case s.Classes > maxSynthClasses:
		return s, fmt.Errorf("at most %d classes", maxSynthClasses)
	case s.Cars*s.Rounds > maxSynthResults:
		return s, fmt.Errorf("%d cars × %d rounds is more than %d results", s.Cars, s.Rounds, maxSynthResults)
	case s.DriversPerCar > 6:
		return s, errors.New("at most 6 drivers per car")
	case s.Shape != ShapeRich && s.Shape != ShapeLean:
		return s, fmt.Errorf("unknown shape %d", s.Shape)
	}
	return s, nil
}

// Results is the number of Results rows the season has: one per car and
// round.
func (s Synth) Results() int { return s.Cars * s.Rounds }

// WriteSynthetic writes a contract-valid season workbook of the given size
// to w. The season has the variety of a real one: retirements, non-starters,
// cars not classified and disqualified, a pole and a fastest lap per class
// and round, crews of several drivers, drivers who stand in for a few rounds
// and drivers who change cars mid-season, penalties for cars and drivers,
// and a double-points finale. The big sheets are streamed, so a
// 100,000-result season takes a few seconds and little memory. A season of
// ShapeLean is written as a timing export fills it instead (see ShapeLean).
func WriteSynthetic(w io.Writer, opts Synth) error {
	s, err := opts.withDefaults()
	if err != nil {
		return err
	}
	g := &synth{Synth: s, rng: rand.New(rand.NewPCG(s.Seed, 0x706f6469756d))}
	f := excelize.NewFile()
	defer f.Close()
	if err := g.write(f); err != nil {
		return err
	}
	return f.Write(w)
}

type synth struct {
	Synth
	rng *rand.Rand
}

func (g *synth) className(i int) string {
	names := []string{"LMP2", "LMP3", "GT3 Pro", "GT3 Am", "GT4", "TCR", "Cup Pro", "Cup Am"}
	if i < len(names) {
		return names[i]
	}
	return fmt.Sprintf("Class %d", i+1)
}

// classOf spreads the cars over the classes: car n (1-based) is in class
// (n-1) mod Classes.
func (g *synth) classOf(car int) int { return (car - 1) % g.Classes }

func (g *synth) write(f *excelize.File) error {
	contract := templates.V1()
	header := func(sheet string) []any {
		var row []any
		def, _ := contract.Sheet(sheet)
		for _, c := range def.Columns {
			row = append(row, c.Name)
		}
		if g.Shape == ShapeLean && sheet == templates.SheetResults {
			return []any{templates.ColRound, templates.ColNo, templates.ColPos, templates.ColStatus, templates.ColPole}
		}
		if g.Championships && sheet == templates.SheetEntries {
			row = append(row, templates.ColMake)
		}
		if sheet == templates.SheetChampionships {
			return []any{templates.ColChampionship, templates.ColCompetitor, templates.ColClass, templates.ColCounted}
		}
		return row
	}
	if err := f.SetSheetName("Sheet1", templates.SheetSeason); err != nil {
		return err
	}
	small := func(sheet string, rows [][]any) error {
		if sheet != templates.SheetSeason {
			if _, err := f.NewSheet(sheet); err != nil {
				return err
			}
		}
		for i, row := range append([][]any{header(sheet)}, rows...) {
			if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &row); err != nil {
				return err
			}
		}
		return nil
	}
	if err := small(templates.SheetSeason, [][]any{
		{templates.FieldSeries, "Synthetic Endurance Series"},
		{templates.FieldSeason, "2026"},
		{templates.FieldStatus, "Provisional"},
		{templates.FieldBestResults, nil},
		{templates.FieldThreshold, "70%"},
		{templates.FieldTieBreak, "countback"},
	}); err != nil {
		return err
	}
	var calendar [][]any
	start := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	for r := 1; r <= g.Rounds; r++ {
		factor := 1
		if r == g.Rounds && g.Rounds > 1 {
			factor = 2
		}
		calendar = append(calendar, []any{r, fmt.Sprintf("R%02d", r), fmt.Sprintf("Round %d", r),
			fmt.Sprintf("Circuit %d", r), "", start.AddDate(0, 0, 7*(r-1)), factor})
	}
	if err := small(templates.SheetCalendar, calendar); err != nil {
		return err
	}
	if err := small(templates.SheetPoints, templates.DefaultPoints()); err != nil {
		return err
	}
	if g.Championships {
		if err := small(templates.SheetChampionships, [][]any{
			{"Teams", "Car"},
			{"Drivers", "Driver"},
			{"Team Cup", "Team", nil, 2},
			{"Makes", "Make", nil, "All"},
		}); err != nil {
			return err
		}
	}
	type step struct {
		sheet string
		rows  func(add func(...any) error) error
	}
	steps := []step{
		{templates.SheetEntries, g.entries},
		{templates.SheetDrivers, g.drivers},
		{templates.SheetResults, g.results},
		{templates.SheetPenalties, g.penalties},
	}
	if g.Shape == ShapeLean {
		steps = []step{
			{templates.SheetEntries, g.entries},
			{templates.SheetDrivers, g.leanDrivers},
			{templates.SheetResults, g.leanResults},
		}
	}
	for _, step := range steps {
		if err := stream(f, step.sheet, header(step.sheet), step.rows); err != nil {
			return err
		}
	}
	var classes [][]any
	for i := range g.Classes {
		classes = append(classes, []any{g.className(i)})
	}
	if _, err := f.NewSheet(templates.SheetLists); err != nil {
		return err
	}
	for i, row := range append([][]any{{templates.ColClass}}, classes...) {
		if err := f.SetSheetRow(templates.SheetLists, fmt.Sprintf("A%d", i+1), &row); err != nil {
			return err
		}
	}
	return nil
}

// stream writes a sheet row by row with excelize's StreamWriter.
func stream(f *excelize.File, sheet string, header []any, rows func(add func(...any) error) error) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	n := 0
	add := func(cells ...any) error {
		n++
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, cells)
	}
	if err := add(header...); err != nil {
		return err
	}
	if err := rows(add); err != nil {
		return err
	}
	return sw.Flush()
}

// Entries: No., Class, Team, Cup, Nat, Car, Rounds, Scores, and with
// Championships, Make.
func (g *synth) entries(add func(...any) error) error {
	models := []string{"Oreca 07", "Ligier JS P320", "Porsche 911 GT3 R", "Ferrari 296 GT3", "BMW M4 GT4", "Audi RS 3 LMS"}
	nats := []string{"GBR", "FRA", "GER", "ITA", "JPN", "USA", "BEL", "NED", "CHN", "AUS"}
	for car := 1; car <= g.Cars; car++ {
		class := g.classOf(car)
		if g.Championships {
			team := g.teamOf(car)
			if err := add(car, g.className(class), fmt.Sprintf("Team %s %d", teamWord(team), team), nil,
				nats[team%len(nats)], models[class%len(models)], "All", nil, synthMakes[(team-1)%len(synthMakes)]); err != nil {
				return err
			}
			continue
		}
		if err := add(car, g.className(class), fmt.Sprintf("Team %s %d", teamWord(car), car), nil,
			nats[car%len(nats)], models[class%len(models)], "All"); err != nil {
			return err
		}
	}
	return nil
}

// synthMakes are the makes of a season with Championships.
var synthMakes = []string{"Aurelia", "Brandt", "Castellan", "Duvall", "Everard"}

// teamOf is a car's team (1-based) in a season with Championships: the
// cars of a class, in order, go three by three to teams 1, 2, 3 …, so
// team t runs a car in every class that has a (3t)th car or fewer.
func (g *synth) teamOf(car int) int { return (car-1)/g.Classes/3 + 1 }

func teamWord(n int) string {
	words := []string{"Falcon", "Aurora", "Vortex", "Harbour", "Sable", "Redline", "Azul", "Northern", "Kestrel", "Meridian"}
	return words[n%len(words)]
}

// driverName makes a distinct name for each n whose letters scatter, so
// that no two names are one typo apart (as in a real entry list).
func driverName(n int) string {
	first := []string{"Anna", "Bruno", "Carla", "Diego", "Emma", "Félix", "Grace", "Hugo", "Inès", "Jonas", "Kenji", "Łukasz"}
	x := uint64(n)*2654435761 + 12345
	last := make([]byte, 9)
	for i := range last {
		last[i] = byte('a' + x%26)
		x /= 26
	}
	last[0] -= 'a' - 'A'
	return first[n%len(first)] + " " + string(last)
}

// Drivers: No., Driver, Nat, Rounds, Ineligible, Rating. Every car has its
// regular crew; every 7th car has a stand-in for the second half of the
// season instead of its last regular driver; every 11th car's first driver
// moves to the next car of the same class at mid-season.
func (g *synth) drivers(add func(...any) error) error {
	ratings := []string{"Platinum", "Gold", "Silver", "Bronze"}
	half := g.Rounds / 2
	firstHalf, secondHalf := "All", "All"
	if half >= 1 {
		firstHalf, secondHalf = roundRange(1, half), roundRange(half+1, g.Rounds)
	}
	next := g.Classes // the next car of the same class is car + Classes
	for car := 1; car <= g.Cars; car++ {
		for d := 0; d < g.DriversPerCar; d++ {
			name := driverName(car*8 + d)
			rounds := any(nil)
			switch {
			case car%11 == 0 && d == 0 && half >= 1 && car+next <= g.Cars:
				rounds = firstHalf // moves to car+next, below
			case car%7 == 0 && d == g.DriversPerCar-1 && half >= 1:
				rounds = firstHalf
			}
			if err := add(car, name, "", rounds, nil, ratings[(car+d)%len(ratings)]); err != nil {
				return err
			}
			if car%7 == 0 && d == g.DriversPerCar-1 && half >= 1 {
				if err := add(car, driverName(car*8+7), "", secondHalf, nil, "Silver"); err != nil {
					return err
				}
			}
		}
		if prev := car - next; prev >= 1 && prev%11 == 0 && half >= 1 {
			if err := add(car, driverName(prev*8), "", secondHalf, nil, "Gold"); err != nil {
				return err
			}
		}
	}
	return nil
}

func roundRange(from, to int) string {
	if from == to {
		return fmt.Sprint(from)
	}
	return fmt.Sprintf("%d–%d", from, to)
}

// Results: Round, No., Pos, Status, Pole, Fastest lap, Laps, Note. In each
// round a random finishing order; about 5% retire, 1% do not start, 1% are
// not classified and 0.5% disqualified. Positions are overall; the pole and
// the fastest lap go to one car of each class.
func (g *synth) results(add func(...any) error) error {
	order := make([]int, g.Cars)
	for i := range order {
		order[i] = i + 1
	}
	type row struct {
		pos            any
		status, note   string
		laps           int
		pole, fastest  bool
		classifiedLike bool
	}
	rows := make([]row, g.Cars+1)
	for r := 1; r <= g.Rounds; r++ {
		g.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		winnerLaps := 100 + g.rng.IntN(80)
		for _, car := range order {
			rows[car] = row{}
			switch x := g.rng.IntN(1000); {
			case x < 50:
				rows[car] = row{status: "Ret", laps: g.rng.IntN(winnerLaps * 7 / 10), note: "Mechanical"}
			case x < 60:
				rows[car] = row{status: "DNS", note: "Did not start"}
			case x < 70:
				rows[car] = row{status: "NC", laps: winnerLaps/2 + g.rng.IntN(winnerLaps/10+1), classifiedLike: true}
			case x < 75:
				rows[car] = row{status: "DSQ", laps: winnerLaps - 1, note: "Technical infringement"}
			default:
				rows[car] = row{classifiedLike: true}
			}
		}
		// Classified cars first, then the cars not classified, in order.
		pos, lapsDown := 0, 0
		for _, wantNC := range []bool{false, true} {
			for _, car := range order {
				rw := &rows[car]
				if !rw.classifiedLike || (rw.status == "NC") != wantNC {
					continue
				}
				pos++
				rw.pos = pos
				if !wantNC {
					if pos > 1 && g.rng.IntN(4) == 0 {
						lapsDown++
					}
					rw.laps = winnerLaps - min(lapsDown, winnerLaps*3/10)
				}
			}
		}
		// Pole: a random car of each class (any status); fastest lap: a
		// random classified car of each class.
		poles := make([]bool, g.Classes)
		fastest := make([]bool, g.Classes)
		for _, car := range order {
			c := g.classOf(car)
			if !poles[c] {
				poles[c], rows[car].pole = true, true
			}
		}
		for i := len(order) - 1; i >= 0; i-- {
			car := order[i]
			c := g.classOf(car)
			if !fastest[c] && rows[car].classifiedLike && rows[car].status == "" {
				fastest[c], rows[car].fastest = true, true
			}
		}
		// Rows in finishing order, as timing sheets list them.
		sorted := slices.Clone(order)
		slices.SortStableFunc(sorted, func(a, b int) int {
			pa, oka := rows[a].pos.(int)
			pb, okb := rows[b].pos.(int)
			switch {
			case oka && okb:
				return pa - pb
			case oka:
				return -1
			case okb:
				return 1
			}
			return 0
		})
		for _, car := range sorted {
			rw := rows[car]
			var status, pole, fl, note any
			if rw.status != "" {
				status = rw.status
			}
			if rw.pole {
				pole = "Y"
			}
			if rw.fastest {
				fl = "Y"
			}
			if rw.note != "" {
				note = rw.note
			}
			if err := add(r, car, rw.pos, status, pole, fl, rw.laps, note); err != nil {
				return err
			}
		}
	}
	return nil
}

// Penalties: Round, No., Points, Driver, Reason. One car penalty a round,
// and a driver penalty every third round.
func (g *synth) penalties(add func(...any) error) error {
	for r := 1; r <= g.Rounds; r++ {
		car := 1 + g.rng.IntN(g.Cars)
		if err := add(r, car, 5, nil, fmt.Sprintf("Causing a collision (Decision %d)", r*10+1)); err != nil {
			return err
		}
		if r%3 == 0 {
			car := 1 + g.rng.IntN(g.Cars)
			// The car's second regular driver drives every round, unless
			// a crew of two has a stand-in.
			if g.DriversPerCar >= 3 || g.DriversPerCar == 2 && car%7 != 0 {
				if err := add(r, car, 2, driverName(car*8+1), fmt.Sprintf("Unsportsmanlike conduct (Decision %d)", r*10+2)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// leanDriverName is the n-th (1-based) regular driver of a car, named as
// in a timing export: "Driver 12-1 Name".
func leanDriverName(car, n int) string { return fmt.Sprintf("Driver %d-%d Name", car, n) }

// leanDrivers: No., Driver, Nat, Rounds, Ineligible, Rating. A fixed crew
// per car, every round, nothing but the car and the name filled in.
func (g *synth) leanDrivers(add func(...any) error) error {
	for car := 1; car <= g.Cars; car++ {
		for d := 1; d <= g.DriversPerCar; d++ {
			if err := add(car, leanDriverName(car, d)); err != nil {
				return err
			}
		}
	}
	return nil
}

// leanResults: Round, No., Pos, Status, Pole. In each round and class a
// random finishing order with class positions; about 5% of the cars
// retire, and a car that retires keeps its place in the count, so the
// next classified car's position skips a number. The pole goes to one car
// of each class. Rows are in class order, as a timing export lists them.
func (g *synth) leanResults(add func(...any) error) error {
	classes := make([][]int, g.Classes)
	for car := 1; car <= g.Cars; car++ {
		c := g.classOf(car)
		classes[c] = append(classes[c], car)
	}
	for r := 1; r <= g.Rounds; r++ {
		for _, cars := range classes {
			g.rng.Shuffle(len(cars), func(i, j int) { cars[i], cars[j] = cars[j], cars[i] })
			pole := g.rng.IntN(len(cars))
			for i, car := range cars {
				var pos, status, p any = i + 1, nil, nil
				if g.rng.IntN(100) < 5 {
					pos, status = nil, "Ret"
				}
				if i == pole {
					p = "Y"
				}
				if err := add(r, car, pos, status, p); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
