package samples

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
)

// f1dbSeason is one Formula One season as F1DB's data gives it
// (testdata/f1/<year>, see its README): its races and every car's result
// in each. The Formula One samples are built from it.
type f1dbSeason struct {
	races   []f1dbRace
	results []f1dbResult
}

// f1dbRace is a line of races.csv: a Grand Prix or a sprint.
type f1dbRace struct {
	// round is the race's own round in the workbook (1, 2, 3 … in the
	// order of races.csv); gp is F1DB's round, which a Grand Prix shares
	// with its sprint.
	round, gp               int
	kind                    string
	event, country, circuit string
	date                    time.Time
}

// F1DB's kinds of race.
const (
	f1dbGrandPrix = "race"
	f1dbSprint    = "sprint"
)

// f1dbResult is a line of results.csv: one car in one race.
type f1dbResult struct {
	round int
	// pos is the classified position, 0 when not classified; posText is
	// the position as published (1, DNF, DNQ, …).
	pos                      int
	posText                  string
	car, constructor, engine string
	drivers                  []string
	laps                     any // an int, or nil when not given
	fastestLap               bool
	// note is the Results sheet's Note: why a result differs from F1DB.
	note string
	// raceNo is the number the car raced with when car is the entry number
	// numberCars gave it; blank when the car is entered by that number.
	raceNo string
	line   int
}

// f1dbFix corrects one car's result where F1DB contradicts itself: the
// position text it should have, and why (the Results sheet's Note).
type f1dbFix struct {
	round        int
	car, posText string
	why          string
}

// fix applies the corrections to the season's results. A correction that
// matches no result is an error, so that none goes stale unnoticed.
func (s f1dbSeason) fix(fixes ...f1dbFix) error {
	for _, f := range fixes {
		i := slices.IndexFunc(s.results, func(r f1dbResult) bool { return r.round == f.round && r.car == f.car })
		if i < 0 {
			return fmt.Errorf("correction of car %s in round %d: no such result", f.car, f.round)
		}
		r := &s.results[i]
		r.posText, r.note, r.pos = f.posText, f.why, 0
		if n, err := strconv.Atoi(f.posText); err == nil {
			r.pos = n
		}
	}
	return nil
}

// numberCars gives each season-long car an entry number of its own, for
// seasons in which a car's number changed from race to race: a car is a
// constructor and engine with its driver (or its crew, for a shared car),
// and its number is the one it first raced with, followed by A, B, C … in
// the order of their first race when several cars first raced with the same
// number. Each result keeps the number raced with in raceNo.
func (s f1dbSeason) numberCars() {
	key := func(r f1dbResult) string {
		return r.constructor + "|" + r.engine + "|" + strings.Join(r.drivers, ";")
	}
	var order []string
	first := map[string]string{}
	for _, r := range s.results {
		if _, ok := first[key(r)]; !ok {
			first[key(r)] = r.car
			order = append(order, key(r))
		}
	}
	uses := map[string]int{}
	for _, k := range order {
		uses[first[k]]++
	}
	no := map[string]string{}
	next := map[string]int{}
	for _, k := range order {
		n := first[k]
		no[k] = n
		if uses[n] > 1 {
			no[k] = n + string(rune('A'+next[n]))
			next[n]++
		}
	}
	for i := range s.results {
		r := &s.results[i]
		r.raceNo, r.car = r.car, no[key(*r)]
	}
}

// readF1DB reads the races.csv and results.csv of folder dir of fsys. Grands
// Prix (kind race) and sprints (kind sprint) are read, each its own round
// of the workbook, numbered in the order of races.csv: a sprint and its
// Grand Prix share F1DB's round, which results.csv gives with the kind.
func readF1DB(fsys fs.FS, dir string) (f1dbSeason, error) {
	var s f1dbSeason
	races, err := readF1DBCSV(fsys, path.Join(dir, "races.csv"), "round", "event", "kind", "date", "country", "circuit")
	if err != nil {
		return s, err
	}
	type key struct {
		gp   int
		kind string
	}
	rounds := map[key]int{}
	for _, r := range races {
		if err := f1dbKind(r); err != nil {
			return s, err
		}
		gp, err := r.int("round")
		if err != nil {
			return s, err
		}
		date, err := time.Parse(time.DateOnly, r.get("date"))
		if err != nil {
			return s, r.errorf("date %q is not YYYY-MM-DD", r.get("date"))
		}
		k := key{gp, r.get("kind")}
		if _, dup := rounds[k]; dup {
			return s, r.errorf("round %d has a second %s", gp, k.kind)
		}
		rounds[k] = len(s.races) + 1
		s.races = append(s.races, f1dbRace{rounds[k], gp, k.kind, r.get("event"), r.get("country"), r.get("circuit"), date})
	}
	results, err := readF1DBCSV(fsys, path.Join(dir, "results.csv"),
		"round", "kind", "position", "position_text", "car_number", "constructor", "engine", "drivers", "laps", "fastest_lap")
	if err != nil {
		return s, err
	}
	for _, r := range results {
		if err := f1dbKind(r); err != nil {
			return s, err
		}
		res := f1dbResult{posText: r.get("position_text"), car: r.get("car_number"), constructor: r.get("constructor"),
			engine: r.get("engine"), drivers: strings.Split(r.get("drivers"), ";"), fastestLap: r.get("fastest_lap") == "Y", line: r.line}
		gp, err := r.int("round")
		if err != nil {
			return s, err
		}
		round, ok := rounds[key{gp, r.get("kind")}]
		if !ok {
			return s, r.errorf("round %d has no %s in races.csv", gp, r.get("kind"))
		}
		res.round = round
		if r.get("position") != "" {
			if res.pos, err = r.int("position"); err != nil {
				return s, err
			}
		}
		if r.get("laps") != "" {
			laps, err := r.int("laps")
			if err != nil {
				return s, err
			}
			res.laps = laps
		}
		s.results = append(s.results, res)
	}
	return s, nil
}

// f1dbKind refuses a line whose kind is neither a Grand Prix nor a sprint.
func f1dbKind(r f1dbRecord) error {
	if k := r.get("kind"); k != f1dbGrandPrix && k != f1dbSprint {
		return r.errorf("kind %q: only Grands Prix (race) and sprints (sprint) are read", k)
	}
	return nil
}

// f1dbRecord is one line of a CSV file, its fields by column name.
type f1dbRecord struct {
	file   string
	line   int
	fields map[string]string
}

func (r f1dbRecord) get(col string) string { return r.fields[col] }

func (r f1dbRecord) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

func (r f1dbRecord) int(col string) (int, error) {
	n, err := strconv.Atoi(r.get(col))
	if err != nil {
		return 0, r.errorf("%s %q is not a whole number", col, r.get(col))
	}
	return n, nil
}

// readF1DBCSV reads a CSV file with a header row that has at least the
// given columns.
func readF1DBCSV(fsys fs.FS, name string, columns ...string) ([]f1dbRecord, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no header row", name)
	}
	for _, c := range columns {
		if !slices.Contains(rows[0], c) {
			return nil, fmt.Errorf("%s:1: no column %q", name, c)
		}
	}
	var out []f1dbRecord
	for i, row := range rows[1:] {
		r := f1dbRecord{file: name, line: i + 2, fields: map[string]string{}}
		for j, c := range rows[0] {
			r.fields[c] = strings.TrimSpace(row[j])
		}
		out = append(out, r)
	}
	return out, nil
}

// f1dbMake names a car's make as the published constructors' tables do:
// chassis-engine (McLaren-Honda), or one name when chassis and engine are
// the same make (Ferrari).
func f1dbMake(constructor, engine string) string {
	if strings.EqualFold(constructor, engine) {
		return constructor
	}
	return constructor + "-" + engine
}

// f1dbStatus maps a published position text to the Results sheet's Status
// and Note: blank for a classified car (a number), DNF → Ret, DNPQ (did not
// pre-qualify) → DNQ with a note; DSQ, DNS, NC, DNQ and EX stay.
func f1dbStatus(text string) (status, note any, err error) {
	if _, err := strconv.Atoi(text); err == nil {
		return nil, nil, nil
	}
	switch text {
	case "DNF":
		return string(scoring.Retired), nil, nil
	case "DNPQ":
		return string(scoring.DidNotQualify), "did not pre-qualify", nil
	case "DSQ", "DNS", "NC", "DNQ", "EX":
		return text, nil, nil
	}
	return nil, nil, fmt.Errorf("position_text %q is not a position or a status podium knows", text)
}

// f1dbCalendarColumns are the Calendar columns calendar fills, in the
// order of its rows.
var f1dbCalendarColumns = []string{templates.ColRound, templates.ColCode, templates.ColRace, templates.ColCircuit,
	templates.ColCountry, templates.ColDate, templates.ColFactor, templates.ColScheme, templates.ColMeeting, templates.ColCountback}

// calendar gives the Calendar sheet's rows (f1dbCalendarColumns): codes
// maps each race's event to the short code shown above its column. A Grand
// Prix pays the scheme rules.schemes gives its event (blank: the default
// scheme). A sprint is a race of its own, named and coded after its Grand
// Prix (British Grand Prix sprint, GBR-S), on the scheme rules.sprint; its
// results do not break ties (Countback N), and it and its Grand Prix are
// one Meeting, named after the Grand Prix.
func (s f1dbSeason) calendar(codes map[string]string, rules f1Rules) ([][]any, error) {
	sprints := map[int]bool{}
	for _, r := range s.races {
		sprints[r.gp] = sprints[r.gp] || r.kind == f1dbSprint
	}
	var out [][]any
	for _, r := range s.races {
		code, ok := codes[r.event]
		if !ok {
			return nil, fmt.Errorf("round %d: no code for %s", r.round, r.event)
		}
		var scheme, meeting, countback any
		if sprints[r.gp] {
			meeting = r.event
		}
		race := r.event
		if r.kind == f1dbSprint {
			if rules.sprint == "" {
				return nil, fmt.Errorf("round %d: the %s sprint has no points scheme", r.round, r.event)
			}
			race, code, scheme, countback = r.event+" sprint", code+"-S", rules.sprint, "N"
		} else if name, ok := rules.schemes[r.event]; ok {
			scheme = name
		}
		out = append(out, []any{r.round, code, race, r.circuit, r.country, r.date, 1, scheme, meeting, countback})
	}
	return out, nil
}

// entries gives the Entries sheet's rows (No., Class, Team, Cup, Nat, Car,
// Rounds, Scores, Make), one per car number in number order, all in class
// class: Team is the constructor, Make the constructor's name with its
// engine. A number that two constructors or engines used in the season is
// refused: one entry cannot be both.
func (s f1dbSeason) entries(class string) ([][]any, error) {
	type entry struct {
		first  f1dbResult
		rounds []int
	}
	cars := map[string]*entry{}
	for _, r := range s.results {
		e := cars[r.car]
		if e == nil {
			cars[r.car] = &entry{first: r, rounds: []int{r.round}}
			continue
		}
		if r.constructor != e.first.constructor || r.engine != e.first.engine {
			return nil, fmt.Errorf("results.csv:%d: car %s is a %s, but a %s on line %d: a car number must belong to one constructor",
				r.line, r.car, f1dbMake(r.constructor, r.engine), f1dbMake(e.first.constructor, e.first.engine), e.first.line)
		}
		e.rounds = append(e.rounds, r.round)
	}
	var out [][]any
	for _, no := range f1dbCarNumbers(cars) {
		e := cars[no]
		out = append(out, []any{no, class, e.first.constructor, nil, nil, nil, s.roundsText(e.rounds, "All"), nil,
			f1dbMake(e.first.constructor, e.first.engine)})
	}
	return out, nil
}

// drivers gives the Drivers sheet's rows (No., Driver, Nat, Rounds): one
// per driver of each car, in car number order and then by the first round
// driven. Rounds is blank for a driver who drove the car in every round it
// was entered for, else the rounds driven.
func (s f1dbSeason) drivers() [][]any {
	type drive struct {
		car, driver string
		rounds      []int
	}
	var drives []*drive
	byKey := map[[2]string]*drive{}
	carRounds := map[string][]int{}
	for _, r := range s.results {
		carRounds[r.car] = append(carRounds[r.car], r.round)
		for _, name := range r.drivers {
			k := [2]string{r.car, name}
			if byKey[k] == nil {
				byKey[k] = &drive{car: r.car, driver: name}
				drives = append(drives, byKey[k])
			}
			byKey[k].rounds = append(byKey[k].rounds, r.round)
		}
	}
	slices.SortStableFunc(drives, func(a, b *drive) int {
		return cmp.Or(f1dbCompareNumbers(a.car, b.car), cmp.Compare(slices.Min(a.rounds), slices.Min(b.rounds)))
	})
	var out [][]any
	for _, d := range drives {
		var rounds any
		if !slices.Equal(scoring.Rounds(d.rounds...).Rounds, scoring.Rounds(carRounds[d.car]...).Rounds) {
			rounds = scoring.Rounds(d.rounds...).String()
		}
		out = append(out, []any{d.car, d.driver, nil, rounds})
	}
	return out
}

// resultRows gives the Results sheet's rows (Round, No., Pos, Status, Pole,
// Fastest lap, Laps, Note), in the order of results.csv. F1DB gives no
// pole positions. Where several cars set the same fastest time in a race,
// shared says how: true, every one of them has the Fastest lap mark (they
// share its points) and a Note naming the others; false, the first listed
// keeps the mark (a class has one per race) and the others say so in
// their Note. The Note also gives the number a car raced with when it
// differs from its entry number.
func (s f1dbSeason) resultRows(shared bool) ([][]any, error) {
	var out [][]any
	marked := map[int][]string{}
	for _, r := range s.results {
		if r.fastestLap {
			marked[r.round] = append(marked[r.round], r.car)
		}
	}
	for _, r := range s.results {
		status, note, err := f1dbStatus(r.posText)
		if err != nil {
			return nil, fmt.Errorf("results.csv:%d: %w", r.line, err)
		}
		var notes []string
		if n, ok := note.(string); ok {
			notes = append(notes, n)
		}
		if r.note != "" {
			notes = []string{r.note}
		}
		if r.raceNo != "" && r.raceNo != r.car {
			notes = append(notes, "car "+r.raceNo+" in this race")
		}
		var pos, fastest any
		if r.pos > 0 {
			pos = r.pos
		}
		cars := marked[r.round]
		switch {
		case !r.fastestLap:
		case len(cars) == 1 || (!shared && cars[0] == r.car):
			fastest = "Y"
		case shared:
			fastest = "Y"
			others := slices.DeleteFunc(slices.Clone(cars), func(c string) bool { return c == r.car })
			notes = append(notes, "set the same fastest lap as "+f1dbCars(others))
		default:
			notes = append(notes, "set the same fastest lap as car "+cars[0])
		}
		note = nil
		if len(notes) > 0 {
			note = strings.Join(notes, "; ")
		}
		out = append(out, []any{r.round, r.car, pos, status, nil, fastest, r.laps, note})
	}
	return out, nil
}

// f1dbCars names cars: car 7; cars 1, 7 and 9.
func f1dbCars(cars []string) string {
	if len(cars) == 1 {
		return "car " + cars[0]
	}
	return "cars " + strings.Join(cars[:len(cars)-1], ", ") + " and " + cars[len(cars)-1]
}

// roundsText writes rounds as a Rounds cell: all when they are every round
// of the season.
func (s f1dbSeason) roundsText(rounds []int, all string) string {
	set := scoring.Rounds(rounds...)
	if len(set.Rounds) == len(s.races) {
		return all
	}
	return set.String()
}

// f1dbCarNumbers lists the keys of cars in car number order.
func f1dbCarNumbers[V any](cars map[string]V) []string {
	var nos []string
	for no := range cars {
		nos = append(nos, no)
	}
	slices.SortFunc(nos, f1dbCompareNumbers)
	return nos
}

// f1dbCompareNumbers orders car numbers by their number and then by the
// letter numberCars may have added: 6, 6A, 6B, 10, 10A.
func f1dbCompareNumbers(a, b string) int {
	split := func(no string) (int, string) {
		i := strings.IndexFunc(no, func(r rune) bool { return r < '0' || r > '9' })
		if i < 0 {
			i = len(no)
		}
		n, err := strconv.Atoi(no[:i])
		if err != nil {
			return math.MaxInt, no
		}
		return n, no[i:]
	}
	na, ra := split(a)
	nb, rb := split(b)
	return cmp.Or(cmp.Compare(na, nb), strings.Compare(ra, rb), scoring.CompareCarNumbers(a, b))
}
