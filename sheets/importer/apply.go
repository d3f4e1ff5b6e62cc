package importer

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// snapshot is a cell as it was before the import, to carry it to the row
// its car moves to.
type snapshot struct {
	value   string // raw value
	typ     excelize.CellType
	formula string
}

// sheetEditor writes cells into one sheet, recording whether anything
// changed.
type sheetEditor struct {
	f       *excelize.File
	sheet   string
	changed *bool
	err     error
}

func (e *sheetEditor) read(row, col int) snapshot {
	if e.err != nil {
		return snapshot{}
	}
	ref := ooxml.CellName(col, row)
	var s snapshot
	s.formula, e.err = e.f.GetCellFormula(e.sheet, ref)
	if e.err == nil {
		s.value, e.err = e.f.GetCellValue(e.sheet, ref, excelize.Options{RawCellValue: true})
	}
	if e.err == nil {
		s.typ, e.err = e.f.GetCellType(e.sheet, ref)
	}
	return s
}

// set writes v (nil, int, string or a snapshot) into the cell.
func (e *sheetEditor) set(row, col int, v any) {
	if e.err != nil || col <= 0 {
		return
	}
	ref := ooxml.CellName(col, row)
	cur := e.read(row, col)
	if e.err != nil {
		return
	}
	switch v := v.(type) {
	case snapshot:
		if v == cur {
			return
		}
		*e.changed = true
		switch {
		case v.formula != "":
			e.err = e.f.SetCellFormula(e.sheet, ref, v.formula)
		case v.value == "":
			e.err = e.f.SetCellValue(e.sheet, ref, nil)
		case v.typ == excelize.CellTypeBool:
			e.err = e.f.SetCellBool(e.sheet, ref, v.value == "1")
		case v.typ == excelize.CellTypeUnset || v.typ == excelize.CellTypeNumber:
			if x, err := strconv.ParseFloat(v.value, 64); err == nil {
				e.err = e.f.SetCellFloat(e.sheet, ref, x, -1, 64)
				return
			}
			e.err = e.f.SetCellStr(e.sheet, ref, v.value)
		default:
			e.err = e.f.SetCellStr(e.sheet, ref, v.value)
		}
		return
	case nil:
		if cur.value == "" && cur.formula == "" {
			return
		}
	case int:
		if cur.formula == "" && cur.value == strconv.Itoa(v) && (cur.typ == excelize.CellTypeUnset || cur.typ == excelize.CellTypeNumber) {
			return
		}
	case string:
		if cur.formula == "" && cur.value == v && cur.typ != excelize.CellTypeUnset && cur.typ != excelize.CellTypeNumber {
			return
		}
	}
	*e.changed = true
	e.err = e.f.SetCellValue(e.sheet, ref, v)
}

// empty reports whether the row's first width cells are all empty.
func (e *sheetEditor) empty(row, width int) bool {
	for col := 1; col <= width; col++ {
		if s := e.read(row, col); s.value != "" || s.formula != "" {
			return false
		}
	}
	return e.err == nil
}

// styleLike gives the row's unstyled cells the style of the same cells in
// row ref, so that an appended row looks like the ones above.
func (e *sheetEditor) styleLike(row, ref, width int) {
	if ref <= 0 {
		return
	}
	for col := 1; col <= width && e.err == nil; col++ {
		var have, want int
		have, e.err = e.f.GetCellStyle(e.sheet, ooxml.CellName(col, row))
		if e.err != nil || have != 0 {
			continue
		}
		if want, e.err = e.f.GetCellStyle(e.sheet, ooxml.CellName(col, ref)); e.err == nil && want != 0 {
			e.err = e.f.SetCellStyle(e.sheet, ooxml.CellName(col, row), ooxml.CellName(col, row), want)
		}
	}
}

// appender finds the empty rows below a table.
type appender struct {
	ed    *sheetEditor
	t     *table
	next  int
	ref   int // the last data row, whose style new rows take
	width int
}

func newAppender(ed *sheetEditor, t *table) *appender {
	last := t.header
	for _, r := range t.rows {
		last = max(last, r.n)
	}
	ref := 0
	if last > t.header {
		ref = last
	}
	width := t.width
	for _, c := range t.cols {
		width = max(width, c)
	}
	return &appender{ed: ed, t: t, next: last + 1, ref: ref, width: width}
}

// row returns the next empty row below the table, styled like the rows
// above it.
func (a *appender) row() int {
	for a.ed.err == nil && !a.ed.empty(a.next, a.width) {
		a.next++
	}
	n := a.next
	a.next++
	a.ed.styleLike(n, a.ref, a.width)
	return n
}

// carValue writes a car number as Excel would take it when typed: a
// number, unless it has a leading zero or letters.
func carValue(no string) any {
	if n, err := strconv.Atoi(no); err == nil && n >= 0 && strconv.Itoa(n) == no {
		return n
	}
	return no
}

// markText writes a mark as the Results sheet takes it: "Y", "GT Am",
// "Y, GT Am", or nil for none.
func markText(m scoring.Mark) any {
	var parts []string
	if m.Class {
		parts = append(parts, "Y")
	}
	parts = append(parts, m.In...)
	if len(parts) == 0 {
		return nil
	}
	return strings.Join(parts, ", ")
}

func (im *importer) edited() []string {
	names := []string{im.results().name}
	if len(im.newEntries) > 0 {
		names = append(names, im.tables[templates.SheetEntries].name, im.tables[templates.SheetDrivers].name)
	}
	return names
}

// rowsEdited names the rows of Results the import reads or writes: the
// round's rows, and from the table's last row on (the row new rows take
// their style from, and the empty rows below).
func (im *importer) rowsEdited() *ooxml.RowKeep {
	t := im.results()
	keep := &ooxml.RowKeep{Rows: map[int]bool{}, From: t.header}
	for _, r := range t.rows {
		keep.From = max(keep.From, r.n)
	}
	for _, o := range im.old {
		keep.Rows[o.n] = true
	}
	return keep
}

// apply writes the plan into the open workbook.
func (im *importer) apply() error {
	t := im.results()
	ed := &sheetEditor{f: im.f, sheet: t.name, changed: &im.report.Changed}
	col := func(name string) int { return t.cols[name] }
	im.written = map[int]*importRow{}
	im.wantPole = map[int]scoring.Mark{}
	oldMarks := map[int]scoring.Result{}
	for _, res := range im.season.Results {
		if res.Round == im.opts.Round {
			oldMarks[res.Origin.Row] = res
		}
	}
	oldOf := im.oldOf
	app := newAppender(ed, t)
	width := app.width
	if im.opts.Session == Race {
		for _, name := range []string{templates.ColPos, templates.ColStatus} {
			if col(name) == 0 {
				return &ooxml.FileError{Path: im.path, Err: fmt.Errorf("the Results sheet has no %s column", name), Hint: fmt.Sprintf(hintAddColumn, name)}
			}
		}
	}
	if im.opts.Session == Qualifying && col(templates.ColPole) == 0 {
		return &ooxml.FileError{Path: im.path, Err: fmt.Errorf("the Results sheet has no Pole column"), Hint: fmt.Sprintf(hintAddColumn, "Pole")}
	}
	// Snapshot the round's rows before anything moves.
	snaps := map[int][]snapshot{}
	for _, o := range im.old {
		cells := make([]snapshot, width+1)
		for c := 1; c <= width; c++ {
			cells[c] = ed.read(o.n, c)
		}
		snaps[o.n] = cells
	}
	if ed.err != nil {
		return ed.err
	}
	if im.opts.Session == Qualifying {
		im.applyPoles(ed, app, oldOf, oldMarks)
	} else {
		im.applyRace(ed, app, oldOf, oldMarks, snaps, width)
	}
	if ed.err != nil {
		return ed.err
	}
	return im.appendEntries()
}

// applyPoles writes the Pole cells of the round: the qualifying's poles
// for the classes and cups it covers, the cells of other classes kept.
func (im *importer) applyPoles(ed *sheetEditor, app *appender, oldOf map[string]int, oldMarks map[int]scoring.Result) {
	t := im.results()
	covered := map[string]bool{}
	byCar := map[string]*importRow{}
	for _, r := range im.rows {
		byCar[r.No] = r
		if r.pole.Set() {
			for _, c := range r.classifications() {
				if r.pole.For(c, &scoring.Entry{Class: r.class}) {
					covered[c] = true
				}
			}
		}
	}
	for _, o := range im.old {
		e := im.entries[o.no]
		if e == nil {
			continue
		}
		old := oldMarks[o.n].Pole
		var m scoring.Mark
		var pole scoring.Mark
		if r := byCar[o.no]; r != nil {
			pole = r.pole
		}
		for _, c := range scoring.CarClassifications(e.Class, e.Cup) {
			on := old.For(c, e)
			if covered[c] {
				on = pole.For(c, &scoring.Entry{Class: e.Class})
			}
			if !on {
				continue
			}
			if c == e.Class {
				m.Class = true
			} else {
				m.In = append(m.In, c)
			}
		}
		ed.set(o.n, t.cols[templates.ColPole], markText(m))
		im.report.Replaced = append(im.report.Replaced, o.n)
		im.wantPole[o.n] = m
		if r := byCar[o.no]; r != nil {
			im.written[o.n] = r
		} else {
			im.written[o.n] = &importRow{Row: timing.Row{No: o.no}, poleOnly: true}
		}
	}
	for _, r := range im.rows {
		if !r.pole.Set() || oldOf[r.No] != 0 {
			continue
		}
		n := app.row()
		r.poleOnly = true
		ed.set(n, t.cols[templates.ColRound], im.opts.Round)
		ed.set(n, t.cols[templates.ColNo], carValue(r.No))
		ed.set(n, t.cols[templates.ColPole], markText(r.pole))
		im.written[n] = r
		im.wantPole[n] = r.pole
		im.report.Added = append(im.report.Added, n)
	}
}

// applyRace writes the race classification into the round's rows, in the
// classification's order: the round's existing rows first, then empty rows
// below the table. Cells the file does not give (Pole, Note, the
// organiser's own columns) move with their car.
func (im *importer) applyRace(ed *sheetEditor, app *appender, oldOf map[string]int, oldMarks map[int]scoring.Result, snaps map[int][]snapshot, width int) {
	t := im.results()
	rows := slices.Clone(im.rows)
	inFile := map[string]bool{}
	for _, r := range rows {
		inFile[r.No] = true
		r.oldRow = oldOf[r.No]
	}
	// A car with the pole but missing from the race keeps its row.
	for _, o := range im.old {
		res := oldMarks[o.n]
		if inFile[o.no] || !res.Pole.Set() || im.timing.HasPole || oldOf[o.no] != o.n {
			continue
		}
		im.warnf(res.Origin.At(templates.ColPole), scoring.CodePoleNotRaced, "car %s has the pole of round %d but is not in the race classification; its row is kept — %s", o.no, im.opts.Round, hintPoleNotRaced)
		rows = append(rows, &importRow{Row: timing.Row{No: o.no, Laps: -1, LapsLed: -1}, oldRow: o.n, poleOnly: true})
	}
	for i, r := range rows {
		var n int
		if i < len(im.old) {
			n = im.old[i].n
			im.report.Replaced = append(im.report.Replaced, n)
		} else {
			n = app.row()
			im.report.Added = append(im.report.Added, n)
		}
		im.written[n] = r
		switch {
		case r.setPole:
			im.wantPole[n] = r.pole
		case r.oldRow != 0:
			im.wantPole[n] = oldMarks[r.oldRow].Pole
		default:
			im.wantPole[n] = scoring.Mark{}
		}
		cells := map[int]any{
			t.cols[templates.ColRound]: im.opts.Round,
			t.cols[templates.ColNo]:    carValue(r.No),
		}
		if r.poleOnly {
			// Not in the race: its race cells are emptied, its Pole kept.
			for _, name := range []string{templates.ColPos, templates.ColStatus, templates.ColLaps, templates.ColFastestLap, templates.ColLapsLed} {
				cells[t.cols[name]] = nil
			}
		} else {
			cells[t.cols[templates.ColPos]] = nilIfZero(r.pos)
			cells[t.cols[templates.ColStatus]] = statusText(r.Status)
			if !r.keepLaps && r.Laps >= 0 {
				cells[t.cols[templates.ColLaps]] = r.Laps
			} else if !r.keepLaps {
				cells[t.cols[templates.ColLaps]] = nil
			}
			if !r.keepLapsLed {
				// A car that led no lap gets a blank cell: blank is none.
				cells[t.cols[templates.ColLapsLed]] = nilIfZero(r.LapsLed)
			}
			if r.setPole {
				cells[t.cols[templates.ColPole]] = markText(r.pole)
			}
			if r.setFL {
				cells[t.cols[templates.ColFastestLap]] = markText(r.fl)
			}
		}
		for c := 1; c <= width; c++ {
			if v, ok := cells[c]; ok {
				if c > 0 {
					ed.set(n, c, v)
				}
				continue
			}
			switch {
			case r.oldRow == n:
				// The cell stays where it is.
			case r.oldRow != 0:
				ed.set(n, c, snaps[r.oldRow][c])
			default:
				ed.set(n, c, nil)
			}
		}
	}
	for _, o := range im.old[min(len(rows), len(im.old)):] {
		for c := 1; c <= width; c++ {
			ed.set(o.n, c, nil)
		}
		im.report.Cleared = append(im.report.Cleared, o.n)
	}
	kept := map[string]bool{}
	for _, r := range rows {
		kept[r.No] = true
	}
	for _, o := range im.old {
		if !kept[o.no] {
			im.warnf(scoring.Ref{File: im.path, Sheet: t.name, Row: o.n, Col: t.cols[templates.ColNo]}, scoring.CodeResultRemoved, "car %s had a result in round %d but is not in the race classification; its result was removed (--replace-round)", o.no, im.opts.Round)
		}
	}
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func statusText(s scoring.Status) any {
	if s == scoring.Classified {
		return nil
	}
	return string(s)
}

// appendEntries appends the cars missing from Entries, and their drivers.
func (im *importer) appendEntries() error {
	if len(im.newEntries) == 0 {
		return nil
	}
	et, dt := im.tables[templates.SheetEntries], im.tables[templates.SheetDrivers]
	if dt == nil {
		return &ooxml.FileError{Path: im.path, Err: fmt.Errorf("the Drivers sheet cannot be read, so cars cannot be added"), Hint: hintValidateLists}
	}
	eed := &sheetEditor{f: im.f, sheet: et.name, changed: &im.report.Changed}
	ded := &sheetEditor{f: im.f, sheet: dt.name, changed: &im.report.Changed}
	eapp, dapp := newAppender(eed, et), newAppender(ded, dt)
	spelling := map[string]string{}
	for _, d := range im.season.Drivers {
		if _, ok := spelling[d.Key]; !ok {
			spelling[d.Key] = d.Name
		}
	}
	for _, r := range im.newEntries {
		n := eapp.row()
		im.entryRows = append(im.entryRows, n)
		var names []string
		for _, d := range r.Drivers {
			name := sheets.DriverName(d.Name)
			if known, ok := spelling[scoring.FoldName(name)]; ok {
				name = known
			}
			names = append(names, name)
		}
		team := r.Team
		if team == "" {
			team = strings.Join(names, " / ")
			if team == "" {
				team = "Car " + r.No
			}
		}
		eed.set(n, et.cols[templates.ColNo], carValue(r.No))
		eed.set(n, et.cols[templates.ColClass], r.class)
		eed.set(n, et.cols[templates.ColTeam], team)
		eed.set(n, et.cols[templates.ColCar], nilIfEmpty(r.Car))
		first := 0
		for i, name := range names {
			dn := dapp.row()
			if i == 0 {
				first = dn
			}
			im.driverRows = append(im.driverRows, dn)
			ded.set(dn, dt.cols[templates.ColNo], carValue(r.No))
			ded.set(dn, dt.cols[templates.ColDriver], name)
			ded.set(dn, dt.cols[templates.ColNat], nilIfEmpty(r.Drivers[i].Nat))
			ded.set(dn, dt.cols[templates.ColRounds], im.opts.Round)
		}
		im.report.NewEntries = append(im.report.NewEntries, r.No)
		msg := fmt.Sprintf("car %s added to Entries from %s line %d: %s, %s", r.No, im.timing.Path, r.Line, r.class, team)
		if r.Car != "" {
			msg += ", " + r.Car
		}
		if len(names) > 0 {
			rows := fmt.Sprintf("rows %d–%d", first, first+len(names)-1)
			if len(names) == 1 {
				rows = fmt.Sprintf("row %d", first)
			}
			msg += fmt.Sprintf("; drivers %s (%s %s)", strings.Join(names, ", "), dt.name, rows)
		} else {
			msg += "; the file names no drivers: add them to Drivers"
		}
		if r.Team == "" {
			msg += "; the file names no team, so the Team cell holds the crew: correct it"
		}
		im.warnf(scoring.Ref{File: im.path, Sheet: et.name, Row: n, Col: et.cols[templates.ColNo]}, scoring.CodeEntryAdded, "%s — %s", msg, hintCheckNewEntries)
	}
	if eed.err != nil {
		return eed.err
	}
	return ded.err
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// diffRows collects what the check after writing found, by what differs,
// with the rows of each, to list each kind once with its rows in order.
type diffRows struct {
	kinds []string
	rows  map[string][]int
	sheet map[string]string
	other []string
}

func (d *diffRows) add(sheet string, row int, what string) {
	if d.rows == nil {
		d.rows, d.sheet = map[string][]int{}, map[string]string{}
	}
	if _, ok := d.rows[what]; !ok {
		d.kinds = append(d.kinds, what)
		d.sheet[what] = sheet
	}
	d.rows[what] = append(d.rows[what], row)
}

// list renders each kind with its rows, long lists summarised:
// "race data not as imported: Results!30, 31, 32 … and 1,980 more rows".
func (d *diffRows) list() []string {
	out := slices.Clone(d.other)
	for _, what := range d.kinds {
		rows := slices.Clone(d.rows[what])
		slices.Sort(rows)
		rows = slices.Compact(rows)
		list := scoring.SummarizeInts(rows, 10)
		if len(rows) > 10 {
			list += " rows"
		}
		out = append(out, fmt.Sprintf("%s: %s!%s", what, scoring.Ref{Sheet: d.sheet[what]}, list))
	}
	return out
}

// verify re-reads the imported workbook and checks that it holds what was
// planned: the round's rows as written (only the cells the import writes:
// no laps when the sheet has no Laps column), every other result, entry
// and driver as before. It returns what differs, in a stable order.
func (im *importer) verify(after *scoring.Season) []string {
	var d diffRows
	t := im.results()
	touched := map[int]bool{}
	for n := range im.written {
		touched[n] = true
	}
	for _, n := range im.report.Cleared {
		touched[n] = true
	}
	for _, n := range im.report.Replaced {
		touched[n] = true
	}
	key := func(r scoring.Result) string {
		return fmt.Sprintf("%d|%s|%d|%s|%v|%v|%d|%d|%s|%s", r.Round, r.No, r.Pos, r.Status, r.Pole, r.FastestLap, r.Laps, r.LapsLed, r.FastestLapBy, r.Note)
	}
	afterByRow := map[int]scoring.Result{}
	for _, r := range after.Results {
		afterByRow[r.Origin.Row] = r
	}
	for _, r := range im.season.Results {
		if touched[r.Origin.Row] {
			continue
		}
		if a, ok := afterByRow[r.Origin.Row]; !ok || key(a) != key(r) {
			d.add(r.Origin.Sheet, r.Origin.Row, "results the import does not touch would change")
		}
	}
	for _, n := range slices.Sorted(maps.Keys(im.written)) {
		want := im.written[n]
		got, ok := afterByRow[n]
		switch {
		case !ok:
			d.add(t.name, n, "cars not written")
			continue
		case got.Round != im.opts.Round || got.No != want.No:
			d.add(t.name, n, "rows holding another round or car than imported")
			continue
		}
		if want.setRace && !want.poleOnly && (got.Pos != want.pos || got.Status != want.Status || (!want.keepLaps && got.Laps != want.Laps)) {
			d.add(t.name, n, "race data (Pos, Status, Laps) not as imported")
		}
		if want.setRace && !want.poleOnly && !want.keepLapsLed && got.LapsLed != max(want.LapsLed, 0) {
			d.add(t.name, n, "laps led not as imported")
		}
		if !sameMark(got.Pole, im.wantPole[n]) {
			d.add(t.name, n, "poles not as imported")
		}
		if want.setFL && !sameMark(got.FastestLap, want.fl) {
			d.add(t.name, n, "fastest laps not as imported")
		}
	}
	for _, n := range im.report.Cleared {
		if _, ok := afterByRow[n]; ok {
			d.add(t.name, n, "rows not emptied")
		}
	}
	// Entries and Drivers: every row as before, the new ones added.
	if len(after.Entries) != len(im.season.Entries)+len(im.newEntries) {
		d.other = append(d.other, fmt.Sprintf("Entries would hold %d cars instead of %d", len(after.Entries), len(im.season.Entries)+len(im.newEntries)))
	} else {
		for i, e := range im.season.Entries {
			a := after.Entries[i]
			if a.No != e.No || a.Class != e.Class || a.Team != e.Team || a.Cup != e.Cup || a.Origin.Row != e.Origin.Row {
				d.add(e.Origin.Sheet, e.Origin.Row, "entries would change")
			}
		}
	}
	drivers := 0
	for _, r := range im.newEntries {
		drivers += len(r.Drivers)
	}
	if len(after.Drivers) != len(im.season.Drivers)+drivers {
		d.other = append(d.other, fmt.Sprintf("Drivers would hold %d rows instead of %d", len(after.Drivers), len(im.season.Drivers)+drivers))
	} else {
		for i, dr := range im.season.Drivers {
			a := after.Drivers[i]
			if a.No != dr.No || a.Name != dr.Name || a.Origin.Row != dr.Origin.Row {
				d.add(dr.Origin.Sheet, dr.Origin.Row, "drivers would change")
			}
		}
	}
	return d.list()
}

func sameMark(a, b scoring.Mark) bool {
	return a.Class == b.Class && slices.Equal(a.In, b.In)
}
