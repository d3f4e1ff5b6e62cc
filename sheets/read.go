package sheets

import (
	"fmt"
	"math"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/podium-dev/podium/templates"
)

// Read opens the workbook at path, reads the season and validates it. The
// error is a *FileError when the file cannot be used at all; problems with
// the data are in the diagnostics, and the season is returned even when they
// hold errors (as far as it could be read).
func Read(path string, opts OpenOptions) (season *scoring.Season, diags scoring.Diagnostics, err error) {
	defer ooxml.RecoverInternal(path, &err)
	wb, err := Open(path, opts)
	if err != nil {
		return nil, nil, err
	}
	defer wb.Close()
	return wb.Season()
}

// ReadBytes is Read on a workbook held in memory; name is used in
// messages.
func ReadBytes(name string, data []byte, opts OpenOptions) (season *scoring.Season, diags scoring.Diagnostics, err error) {
	defer ooxml.RecoverInternal(name, &err)
	wb, err := OpenBytes(name, data, opts)
	if err != nil {
		return nil, nil, err
	}
	defer wb.Close()
	return wb.Season()
}

// Season reads the season from the workbook and checks it (scoring.Check,
// which also normalises it for scoring.Score).
func (w *Workbook) Season() (*scoring.Season, scoring.Diagnostics, error) {
	s, diags, _, err := w.season()
	return s, diags, err
}

// season reads and validates the season, and returns the contract tables
// it was read from, keyed by contract sheet name.
func (w *Workbook) season() (*scoring.Season, scoring.Diagnostics, map[string]*table, error) {
	c := templates.V2()
	var diags scoring.Diagnostics
	invalid := map[scoring.Ref]bool{}
	tables, err := w.tables(c, &diags, invalid)
	if err != nil {
		return nil, nil, nil, err
	}
	s := &scoring.Season{TieBreak: scoring.Countback, Status: scoring.Provisional}
	rd := reader{w: w, c: c, diags: &diags, invalid: invalid}
	if t := tables[templates.SheetSeason]; t != nil {
		rd.season(t, s)
	}
	if t := tables[templates.SheetCalendar]; t != nil {
		s.Rounds = rd.calendar(t)
	}
	if t := tables[templates.SheetPoints]; t != nil {
		s.Points = rd.points(t)
	}
	if t := tables[templates.SheetEntries]; t != nil {
		s.Entries = rd.entries(t)
	}
	if t := tables[templates.SheetDrivers]; t != nil {
		s.Drivers = rd.drivers(t)
	}
	if t := tables[templates.SheetResults]; t != nil {
		s.Results = rd.results(t)
	}
	if t := tables[templates.SheetPenalties]; t != nil {
		s.Penalties = rd.penalties(t)
	}
	if t := tables[templates.SheetChampionships]; t != nil {
		s.Championships = rd.championships(t)
	}
	s.Source = w.source(s, tables, rd.invalid)
	diags = append(diags, scoring.Check(s)...)
	diags.Sort(c.SheetNames())
	return s, diags, tables, nil
}

// tables finds and reads every contract sheet present in the workbook.
func (w *Workbook) tables(c templates.Contract, diags *scoring.Diagnostics, invalid map[scoring.Ref]bool) (map[string]*table, error) {
	names := w.Sheets()
	tables := map[string]*table{}
	for _, def := range c.Sheets {
		var found []string
		for _, name := range names {
			if templates.Normalize(name) == templates.Normalize(def.Name) {
				found = append(found, name)
			}
		}
		if len(found) == 0 {
			if def.Required {
				hint := fmt.Sprintf(hintAddSheet, strings.Join(quoteAll(names), ", "), def.Name)
				if guess := closestSheet(def.Name, names); guess != "" {
					hint = fmt.Sprintf(hintRenameSheet, guess, def.Name)
				}
				diags.Errorf(scoring.Ref{File: w.Path, Sheet: def.Name}, scoring.CodeMissingSheet, hint, "required sheet %s is missing", def.Name)
			}
			continue
		}
		for _, other := range found[1:] {
			diags.Warnf(scoring.Ref{File: w.Path, Sheet: other}, scoring.CodeDuplicateSheet, hintRenameOrDelete,
				"sheets %q and %q both name the %s sheet; podium reads %q", found[0], other, def.Name, found[0])
		}
		t, err := w.readTable(found[0], def, diags, invalid)
		if err != nil {
			return nil, err
		}
		if t != nil {
			tables[def.Name] = t
		}
	}
	return tables, nil
}

// listsColumn is the class list of the Lists sheet, which the template's
// Class and Cup drop-downs offer.
var listsColumn = templates.Sheet{Name: templates.SheetLists, Columns: []templates.Column{
	{Name: "Classes", Aliases: []string{"Class", "Class list", "Classes and cups"}, Required: true, Kind: templates.ClassName},
}}

// listedClasses returns the classes and cups written in the Lists sheet's
// Classes column, in sheet order, or nil when the workbook has no such
// list. The Lists sheet is the organiser's: problems in it are not
// reported, and an unreadable one counts as no list.
func (w *Workbook) listedClasses() []string {
	for _, name := range w.Sheets() {
		if templates.Normalize(name) != templates.Normalize(templates.SheetLists) {
			continue
		}
		var scratch scoring.Diagnostics
		t, err := w.readTable(name, listsColumn, &scratch, map[scoring.Ref]bool{})
		if err != nil || t == nil {
			return nil
		}
		var out []string
		for _, r := range t.rows {
			if c := t.value(r, "Classes"); c != "" {
				out = append(out, c)
			}
		}
		return out
	}
	return nil
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}

// closestSheet guesses which existing sheet was meant for a contract sheet:
// a small typo ("Result") or a name that contains it ("Race Results").
func closestSheet(want string, names []string) string {
	if g := scoring.Closest(want, names, 2); g != "" {
		return g
	}
	key := templates.Normalize(want)
	for _, n := range names {
		if strings.Contains(templates.Normalize(n), key) {
			return n
		}
	}
	return ""
}

// reader turns table rows into model records, reporting bad cells.
type reader struct {
	w     *Workbook
	c     templates.Contract
	diags *scoring.Diagnostics
	// invalid records the cells reported as unreadable, so that later
	// checks do not report them again as blank.
	invalid map[scoring.Ref]bool
}

// cell is one row's access to its values, reporting problems at their cells.
type cell struct {
	rd *reader
	t  *table
	r  tableRow
}

func (rd *reader) row(t *table, r tableRow) cell { return cell{rd, t, r} }

func (c cell) ref(col string) scoring.Ref { return c.t.origin(c.r).At(col) }

func (c cell) text(col string) string { return c.t.value(c.r, col) }

// label names a column in a message: "car number", "position", "status".
func label(col string) string {
	switch col {
	case templates.ColNo:
		return "car number"
	case templates.ColPos:
		return "position"
	case templates.ColNat:
		return "nationality"
	}
	return strings.ToLower(col)
}

// bad reports a value error at column col.
func (c cell) bad(col string, err error) { c.badAs(col, label(col), err) }

// badAs reports a value error at column col, its message led by what.
func (c cell) badAs(col, what string, err error) {
	c.rd.invalid[c.ref(col)] = true
	*c.rd.diags = append(*c.rd.diags, valueDiagnostic(c.ref(col), what, err))
}

// required reports a blank required cell; it returns false when blank.
func (c cell) required(col string) bool {
	if c.text(col) != "" {
		return true
	}
	c.rd.diags.Errorf(c.ref(col), scoring.CodeRequired, hintRequired, "%s is blank", label(col))
	return false
}

// int reads a whole number; blank gives def.
func (c cell) int(col string, def int, parse func(string) (int, error)) int {
	s := c.text(col)
	if s == "" {
		return def
	}
	n, err := parse(s)
	if err != nil {
		c.bad(col, err)
		return def
	}
	return n
}

func (c cell) number(col string, def float64) float64 {
	s := c.text(col)
	if s == "" {
		return def
	}
	v, err := ParseNumber(s)
	if err != nil {
		c.bad(col, err)
		return def
	}
	return v
}

func (c cell) yes(col string, def bool) bool {
	s := c.text(col)
	if s == "" {
		return def
	}
	v, err := ParseYes(s)
	if err != nil {
		switch col {
		case templates.ColScores:
			err = &valueError{Value: s, Expected: "Y, N or blank", Hint: hintScores}
		case templates.ColDroppable:
			err = &valueError{Value: s, Expected: "Y, N or blank", Hint: hintDroppable}
		case templates.ColCountback:
			err = &valueError{Value: s, Expected: "Y, N or blank", Hint: hintCountback}
		}
		c.bad(col, err)
		return def
	}
	return v
}

// mark reads a Pole or Fastest lap cell: Y (and the other yes spellings)
// for the car's class, or the names of the classifications it counts in,
// separated by commas ("GT Am", "GT, GT Am"). scoring.Normalize checks the
// names.
func (c cell) mark(col string) scoring.Mark {
	// Names without a letter are kept: validation reports them as
	// unknown classifications, with their cell.
	m, _ := ParseMark(c.text(col))
	return m
}

func (c cell) rounds(col string, blank scoring.RoundSet) scoring.RoundSet {
	s := c.text(col)
	if s == "" {
		return blank
	}
	rs, err := ParseRounds(s)
	if err != nil {
		c.bad(col, err)
		return blank
	}
	return rs
}

func (rd *reader) season(t *table, s *scoring.Season) {
	seen := map[string]tableRow{}
	for _, r := range t.rows {
		c := rd.row(t, r)
		name := c.text(templates.ColField)
		if name == "" {
			continue
		}
		field, ok := rd.c.Field(name)
		if !ok {
			var names []string
			for _, f := range rd.c.Fields {
				names = append(names, f.Name)
			}
			hint := fmt.Sprintf(hintSettings, strings.Join(names, ", "))
			if g := scoring.Closest(name, names, 3); g != "" {
				hint = fmt.Sprintf(hintDidYouMean, g)
			}
			rd.diags.Warnf(c.ref(templates.ColField), scoring.CodeUnknownField, hint, "setting %q is not one podium reads, so it is ignored", name)
			continue
		}
		if first, dup := seen[field.Name]; dup {
			rd.diags.Errorf(c.ref(templates.ColField), scoring.CodeDuplicateField, hintDeleteRow,
				"setting %s is given twice (rows %d and %d)", field.Name, first.n, r.n)
			continue
		}
		seen[field.Name] = r
		value := c.text(templates.ColValue)
		switch field.Name {
		case templates.FieldSeries:
			s.Series = value
		case templates.FieldSeason:
			s.Name = value
		case templates.FieldStatus:
			switch strings.ToLower(value) {
			case "", "provisional":
				s.Status = scoring.Provisional
			case "final":
				s.Status = scoring.Final
			default:
				rd.diags.Errorf(c.ref(templates.ColValue), scoring.CodeBadValue, hintSeasonStatus, "status %q is not Provisional or Final", value)
			}
		case templates.FieldBestResults:
			if value != "" && !strings.EqualFold(value, "all") {
				n, err := ParseInt(value)
				switch {
				case err != nil:
					c.badSetting(field, name, fmt.Sprintf("%q is not a whole number", value), hintBestResults)
				case n < 1:
					c.badSetting(field, name, fmt.Sprintf("%q is less than 1", value), hintBestResults)
				default:
					s.BestResults = n
				}
			}
		case templates.FieldThreshold:
			if value != "" {
				v, err := ParsePercent(value)
				if err != nil {
					c.badSetting(field, name, fmt.Sprintf("%q is not a percentage", value), hintThreshold)
				}
				s.ClassificationThreshold = v
			}
		case templates.FieldTieBreak:
			if tb := c.tieBreak(templates.ColValue); tb != "" {
				s.TieBreak = tb
			}
		case templates.FieldTiesShownAs:
			s.TiesShownAs = c.tiesShownAs(templates.ColValue)
		case templates.FieldSharedDrives, templates.FieldDisqualified, templates.FieldInvited:
			c.raceRule(field, name, s)
		case templates.FieldPaper:
			switch strings.ToLower(strings.ReplaceAll(value, " ", "")) {
			case "", "a4":
				s.Paper = scoring.A4
			case "letter", "usletter":
				s.Paper = scoring.Letter
			default:
				rd.diags.Errorf(c.ref(templates.ColValue), scoring.CodeBadValue, hintPaper, "paper size %q is not A4 or Letter", value)
			}
		}
	}
}

// badSetting reports a Season setting's value that cannot be read, naming
// the setting (as written in its Field cell, and podium's name for it when
// that differs) and the fix.
func (c cell) badSetting(field templates.Field, written, problem, fix string) {
	c.rd.invalid[c.ref(templates.ColValue)] = true
	name := field.Name
	if !strings.EqualFold(written, field.Name) {
		name = fmt.Sprintf("%s (%s)", written, field.Name)
	}
	c.rd.diags.Errorf(c.ref(templates.ColValue), scoring.CodeBadValue, fix, "setting %s: %s", name, problem)
}

func (rd *reader) calendar(t *table) []scoring.Round {
	var rounds []scoring.Round
	for _, r := range t.rows {
		c := rd.row(t, r)
		if !c.required(templates.ColRound) {
			continue
		}
		n := c.int(templates.ColRound, 0, ParsePositive)
		if n == 0 {
			continue
		}
		round := scoring.Round{
			Number:  n,
			Code:    c.text(templates.ColCode),
			Name:    c.text(templates.ColRace),
			Circuit: c.text(templates.ColCircuit),
			Country: c.text(templates.ColCountry),
			Factor:  1,
			// Droppable N: the race always counts.
			NotDroppable: !c.yes(templates.ColDroppable, true),
			Scheme:       c.text(templates.ColScheme),
			Meeting:      c.text(templates.ColMeeting),
			// Countback N: the race breaks no ties.
			NoCountback: !c.yes(templates.ColCountback, true),
			Origin:      t.origin(r),
		}
		if d := c.text(templates.ColDate); d != "" {
			date, err := ParseDate(d, rd.w.date1904)
			if err != nil {
				c.bad(templates.ColDate, err)
			}
			round.Date = date
		}
		if f := c.text(templates.ColFactor); f != "" {
			v, err := ParseNumber(f)
			switch {
			case err != nil:
				c.bad(templates.ColFactor, err)
			case v <= 0 || v > 100:
				rd.diags.Errorf(c.ref(templates.ColFactor), scoring.CodeBadFactor, hintFactor,
					"points factor %s must be more than 0", f)
			default:
				round.Factor = v
			}
		}
		rounds = append(rounds, round)
	}
	return rounds
}

func (rd *reader) points(t *table) []scoring.Award {
	var awards []scoring.Award
	for _, r := range t.rows {
		c := rd.row(t, r)
		if !c.required(templates.ColAward) || !c.required(templates.ColPoints) {
			continue
		}
		// Requires is read first, so that its mistake is reported even on
		// a row left out for another.
		req := c.requires()
		kind, pos, err := ParseAward(c.text(templates.ColAward))
		if err != nil {
			c.bad(templates.ColAward, err)
			continue
		}
		pts, err := ParseNumber(c.text(templates.ColPoints))
		if err != nil {
			c.bad(templates.ColPoints, err)
			continue
		}
		if pts < 0 {
			rd.diags.Errorf(c.ref(templates.ColPoints), scoring.CodeNegativePoints, hintNegativePoints,
				"points %s are negative", c.text(templates.ColPoints))
			continue
		}
		awards = append(awards, scoring.Award{Kind: kind, Position: pos, Points: pts, Class: c.text(templates.ColClass), Scheme: c.text(templates.ColScheme),
			Requires: req, Origin: t.origin(r)})
	}
	return awards
}

func (rd *reader) entries(t *table) []scoring.Entry {
	var entries []scoring.Entry
	for _, r := range t.rows {
		c := rd.row(t, r)
		okNo := c.required(templates.ColNo)
		okClass := c.required(templates.ColClass)
		okTeam := c.required(templates.ColTeam)
		if !okNo || !okClass || !okTeam {
			continue
		}
		entries = append(entries, scoring.Entry{
			No:        CarNumber(c.text(templates.ColNo)),
			Class:     c.text(templates.ColClass),
			Team:      c.text(templates.ColTeam),
			Cup:       c.text(templates.ColCup),
			Nat:       c.text(templates.ColNat),
			Car:       c.text(templates.ColCar),
			Rounds:    c.rounds(templates.ColRounds, scoring.AllRounds()),
			Scores:    c.yes(templates.ColScores, true),
			Make:      c.text(templates.ColMake),
			Nominated: c.yes(templates.ColNominated, false),
			Origin:    t.origin(r),
		})
	}
	return entries
}

func (rd *reader) drivers(t *table) []scoring.Driver {
	var drivers []scoring.Driver
	for _, r := range t.rows {
		c := rd.row(t, r)
		okNo := c.required(templates.ColNo)
		okName := c.required(templates.ColDriver)
		if !okNo || !okName {
			continue
		}
		name := c.text(templates.ColDriver)
		drivers = append(drivers, scoring.Driver{
			No:         CarNumber(c.text(templates.ColNo)),
			Name:       name,
			Nat:        c.text(templates.ColNat),
			Rounds:     c.rounds(templates.ColRounds, scoring.AllRounds()),
			Ineligible: c.rounds(templates.ColIneligible, scoring.RoundSet{}),
			Rating:     c.text(templates.ColRating),
			Cup:        c.text(templates.ColCup),
			Origin:     t.origin(r),
		})
	}
	return drivers
}

func (rd *reader) results(t *table) []scoring.Result {
	results := make([]scoring.Result, 0, len(t.rows))
	var codes []string
	for _, st := range scoring.Statuses() {
		codes = append(codes, string(st))
	}
	for _, r := range t.rows {
		c := rd.row(t, r)
		okRound := c.required(templates.ColRound)
		okNo := c.required(templates.ColNo)
		if !okRound || !okNo {
			continue
		}
		round := c.int(templates.ColRound, 0, ParsePositive)
		if round == 0 {
			continue
		}
		res := scoring.Result{
			Round:      round,
			No:         CarNumber(c.text(templates.ColNo)),
			Pos:        c.int(templates.ColPos, 0, ParsePosition),
			Pole:       c.mark(templates.ColPole),
			FastestLap: c.mark(templates.ColFastestLap),
			Laps:       c.int(templates.ColLaps, -1, nonNegative),
			LapsLed:    c.int(templates.ColLapsLed, 0, nonNegative),
			Note:       c.text(templates.ColNote),
			// Its key is the driver's, set by scoring.Normalize.
			FastestLapBy: c.text(templates.ColFastestLapBy),
			// Droppable N: the result always counts.
			NotDroppable: !c.yes(templates.ColDroppable, true),
			Origin:       t.origin(r),
		}
		if s := c.text(templates.ColStatus); s != "" {
			st, ok := scoring.ParseStatus(s)
			if !ok {
				hint := fmt.Sprintf(hintStatusCodes, strings.Join(codes, ", "))
				if g := scoring.SuggestStatus(s); g != "" {
					hint = fmt.Sprintf(hintDidYouMean, g)
				}
				rd.diags.Errorf(c.ref(templates.ColStatus), scoring.CodeUnknownStatus, hint, "status %q is not a status code", s)
				// Read on as not classified, so that no second error
				// claims a missing position.
				st = scoring.NotClassified
			}
			res.Status = st
		}
		results = append(results, res)
	}
	return results
}

func nonNegative(s string) (int, error) {
	n, err := ParseInt(s)
	if err == nil && n < 0 {
		return 0, &valueError{Value: s, Expected: "0 or more"}
	}
	return n, err
}

func (rd *reader) penalties(t *table) []scoring.Penalty {
	var penalties []scoring.Penalty
	for _, r := range t.rows {
		c := rd.row(t, r)
		okRound := c.required(templates.ColRound)
		okNo := c.required(templates.ColNo)
		okPts := c.required(templates.ColPoints)
		if !okRound || !okNo || !okPts {
			continue
		}
		round := c.int(templates.ColRound, 0, ParsePositive)
		excluded := strings.EqualFold(c.text(templates.ColPoints), "EX")
		pts := 0.0
		if !excluded {
			pts = c.number(templates.ColPoints, math.NaN())
		}
		if round == 0 || math.IsNaN(pts) {
			continue
		}
		if pts == 0 && !excluded {
			rd.diags.Errorf(c.ref(templates.ColPoints), scoring.CodeBadValue, hintPenaltyPoints, "a penalty of 0 points deducts nothing")
			continue
		}
		penalties = append(penalties, scoring.Penalty{
			Round:        round,
			No:           CarNumber(c.text(templates.ColNo)),
			Points:       math.Abs(pts),
			Excluded:     excluded,
			Championship: c.text(templates.ColChampionship),
			Driver:       c.text(templates.ColDriver),
			Reason:       c.text(templates.ColReason),
			Origin:       t.origin(r),
		})
	}
	return penalties
}

// SnapshotSeason reads and validates the season a write-back snapshot
// holds, as Read does. The sheets podium generated are not unpacked (see
// writeback.WithoutGenerated).
func SnapshotSeason(snap *writeback.Snapshot, opts OpenOptions) (*scoring.Season, scoring.Diagnostics, error) {
	return ReadBytes(snap.Path, writeback.WithoutGenerated(snap.Data, opts.limits()), opts)
}
