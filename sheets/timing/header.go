package timing

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/templates"
)

// Field is what a column of a timing file holds.
type Field int

// The fields a column of a timing file may hold.
const (
	FieldNone Field = iota
	FieldNo
	FieldPosition
	FieldClassPosition
	FieldClass
	FieldStatus
	FieldLaps
	FieldFastest // a lap time, or a Results "Fastest lap" mark
	FieldLapTime // a lap time
	FieldPole
	FieldRound
	FieldTeam
	FieldCar
	FieldDrivers // all drivers in one cell, joined with "/"
	FieldDriver  // DRIVER_1, DRIVER1_FIRSTNAME …: see driverColumn
	FieldLapsLed // laps in the lead
)

// timingHeaders maps normalised headers (see timingKey) of the timing
// exports to their fields; the Results sheet's own headers and aliases
// are accepted too (see resultsField).
var timingHeaders = map[string]Field{
	"number": FieldNo, "start number": FieldNo, "start no": FieldNo, "startnumber": FieldNo, "car no": FieldNo, "car number": FieldNo, "no": FieldNo, "nr": FieldNo, "#": FieldNo, "num": FieldNo, "bib": FieldNo,
	"position": FieldPosition, "pos": FieldPosition, "overall": FieldPosition, "overall position": FieldPosition, "rank": FieldPosition, "place": FieldPosition, "finish": FieldPosition,
	"pic": FieldClassPosition, "class pos": FieldClassPosition, "class position": FieldClassPosition, "pos in class": FieldClassPosition, "position in class": FieldClassPosition, "class rank": FieldClassPosition, "cl pos": FieldClassPosition, "class place": FieldClassPosition,
	"class": FieldClass, "category": FieldClass, "class type": FieldClass, "cat": FieldClass,
	"status": FieldStatus, "result status": FieldStatus, "state": FieldStatus, "classification": FieldStatus,
	"laps": FieldLaps, "laps completed": FieldLaps, "lap count": FieldLaps,
	"laps led": FieldLapsLed, "ll": FieldLapsLed, "laps lead": FieldLapsLed, "lead laps": FieldLapsLed, "laps in lead": FieldLapsLed, "laps leading": FieldLapsLed, "led": FieldLapsLed, "laps led total": FieldLapsLed,
	"fl time": FieldLapTime, "best lap time": FieldLapTime, "best time": FieldLapTime, "fastest lap time": FieldLapTime, "bestlap time": FieldLapTime, "best lap": FieldFastest, "fastest lap": FieldFastest, "fl": FieldFastest, "bestlap": FieldFastest, "best": FieldFastest,
	"pole": FieldPole, "pole position": FieldPole, "pp": FieldPole,
	"round": FieldRound, "rnd": FieldRound, "rd": FieldRound, "round no": FieldRound,
	"team": FieldTeam, "entrant": FieldTeam, "team name": FieldTeam,
	"vehicle": FieldCar, "car": FieldCar, "chassis": FieldCar, "model": FieldCar, "make": FieldCar,
	"drivers": FieldDrivers, "driver": FieldDrivers, "driver name": FieldDrivers, "driver names": FieldDrivers, "name": FieldDrivers, "competitor": FieldDrivers, "crew": FieldDrivers,
}

// driverColumn matches the per-driver columns of the ACO export:
// DRIVER_1, DRIVER1_FIRSTNAME, DRIVER_2_SECONDNAME, DRIVER3_COUNTRY …
var driverColumn = regexp.MustCompile(`^driver ?([0-9]{1,2})(?: (first ?name|firstname|second ?name|secondname|last ?name|lastname|surname|name|country|nationality|nat))?$`)

// timingKey normalises a header for lookup: as templates.Normalize, with
// underscores as spaces.
func timingKey(h string) string {
	return templates.Normalize(strings.ReplaceAll(h, "_", " "))
}

// resultsFields maps the Results sheet's headers (canonical and aliases,
// normalised) to their fields, so that a CSV made from the workbook's own
// columns reads.
func resultsFields() map[string]Field {
	def, _ := templates.V2().Sheet(templates.SheetResults)
	fields := map[string]Field{
		templates.ColNo: FieldNo, templates.ColPos: FieldPosition, templates.ColStatus: FieldStatus, templates.ColLaps: FieldLaps,
		templates.ColPole: FieldPole, templates.ColFastestLap: FieldFastest, templates.ColRound: FieldRound, templates.ColLapsLed: FieldLapsLed,
	}
	out := map[string]Field{}
	for _, c := range def.Columns {
		f, ok := fields[c.Name]
		if !ok {
			continue
		}
		for _, h := range append([]string{c.Name}, c.Aliases...) {
			out[templates.Normalize(h)] = f
		}
	}
	return out
}

// driverPart is which part of a driver a per-driver column holds.
type driverPart int

const (
	partName driverPart = iota
	partFirst
	partLast
	partNat
)

// column is a recognised column of a timing file.
type column struct {
	field  Field
	index  int // 0-based field index
	header string
	driver int // for FieldDriver: the driver's number
	part   driverPart
}

// headerFields recognises the headers of timing files.
type headerFields struct {
	results map[string]Field
}

func newHeaderFields() headerFields { return headerFields{results: resultsFields()} }

// classify recognises one header.
func (hf headerFields) classify(h string, index int) column {
	key := timingKey(h)
	c := column{index: index, header: strings.TrimSpace(h)}
	if key == "" {
		return c
	}
	if m := driverColumn.FindStringSubmatch(key); m != nil {
		n, _ := strconv.Atoi(m[1])
		c.field, c.driver = FieldDriver, n
		switch strings.ReplaceAll(m[2], " ", "") {
		case "firstname":
			c.part = partFirst
		case "secondname", "lastname", "surname":
			c.part = partLast
		case "country", "nationality", "nat":
			c.part = partNat
		}
		return c
	}
	if f, ok := timingHeaders[key]; ok {
		c.field = f
		return c
	}
	c.field = hf.results[templates.Normalize(h)]
	return c
}

// detectLayout finds the delimiter and the header line (1-based line
// number among the first lines): for each candidate delimiter, the first
// line that has a car number column; the delimiter that recognises the
// most columns wins.
func detectLayout(text string, maxFields int) (delim rune, header int, ok bool) {
	hf := newHeaderFields()
	lines := strings.SplitN(text, "\n", templates.HeaderSearchRows+1)
	if len(lines) > templates.HeaderSearchRows {
		lines = lines[:templates.HeaderSearchRows]
	}
	best := 0
	for _, d := range []rune{';', '\t', ','} {
		for i, line := range lines {
			fields := splitLine(strings.TrimRight(line, "\r"), d)
			if len(fields) > maxFields {
				continue
			}
			hasNo, known := false, 0
			for j, f := range fields {
				c := hf.classify(f, j)
				if c.field == FieldNo {
					hasNo = true
				}
				if c.field != FieldNone {
					known++
				}
			}
			if hasNo && known >= 2 && known > best {
				best, delim, header, ok = known, d, i+1, true
			}
			if hasNo {
				break
			}
		}
	}
	return delim, header, ok
}

// splitLine splits one line on d outside double quotes, for recognising
// the header; the rows are read with encoding/csv.
func splitLine(line string, d rune) []string {
	var out []string
	var b strings.Builder
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteRune(r)
		}
	}
	return append(out, b.String())
}

// setHeader recognises the columns and the file's format.
func (r *timingReader) setHeader(fields []string) {
	r.t.headers = fields
	seen := map[Field]bool{}
	hf := newHeaderFields()
	for i, h := range fields {
		c := hf.classify(h, i)
		if c.field == FieldNone {
			continue
		}
		if c.field != FieldDriver {
			if seen[c.field] {
				continue // the first of two columns of the same meaning is read
			}
			seen[c.field] = true
		}
		r.t.cols = append(r.t.cols, c)
	}
	t := r.t
	t.HasClass, t.HasPosition, t.HasClassPosition = seen[FieldClass], seen[FieldPosition], seen[FieldClassPosition]
	t.HasStatus, t.HasLaps, t.HasPole, t.HasRound = seen[FieldStatus], seen[FieldLaps], seen[FieldPole], seen[FieldRound]
	t.HasLapsLed = seen[FieldLapsLed]
	keys := make([]string, len(fields))
	for i, h := range fields {
		keys[i] = timingKey(h)
	}
	switch {
	case slices.Contains(keys, "class type") && slices.Contains(keys, "pic"):
		t.Format = "ACO/FIA timing export by class"
	case slices.Contains(keys, "number") && slices.ContainsFunc(keys, func(k string) bool { return strings.HasPrefix(k, "driver") }):
		t.Format = "ACO/FIA timing export"
	case slices.Contains(keys, "start number") || slices.Contains(keys, "competitor"):
		t.Format = "club timing export"
	default:
		t.Format = "CSV with Results headers"
	}
}
