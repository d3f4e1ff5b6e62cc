package standings

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// PublishOptions says what heads and dates the generated sheets.
type PublishOptions struct {
	// Generated is the date printed in page headers (from SOURCE_DATE_EPOCH
	// when set, so that outputs can be reproduced byte for byte).
	Generated time.Time
	// Warnings go to an Issues sheet of the season workbook on write-back;
	// none, no sheet. A standalone standings workbook (the one that gets
	// emailed) never carries them: they point at the organiser's cells.
	Warnings scoring.Diagnostics
	// Reserved are sheet names the generated sheets must not take (the
	// organiser's own sheets, on write-back).
	Reserved []string
	// Progress, when set, counts the sheets written.
	Progress *sheets.Progress
	// FullBreakdown writes the whole Breakdown sheet however long;
	// otherwise a season of more than BreakdownRowsLimit breakdown rows
	// gets a note there, and its breakdown goes to the press pack.
	FullBreakdown bool
}

// publisher writes standings sheets into one workbook.
type publisher struct {
	f      *excelize.File
	season *scoring.Season
	st     *scoring.Standings
	opts   PublishOptions
	styles map[cellStyle]int
	// models maps car numbers to car models (carModels), made once.
	models map[string]string
	taken  map[string]bool // sheet names in use, folded
	// written lists the sheets generated, in order.
	written []string
	// placeholder is an empty sheet the first generated sheet renames.
	placeholder string
	// splices holds the rows of the tables written by appendRowsXML
	// until the package is written.
	splices *ooxml.RowSplices
	// cells and merges are the tables' grids' storage, reused table
	// after table: a table's grid is done with once it is streamed.
	cells  []excelize.Cell
	merges []cellRange
	// cellByCell has the Progression sheets' points set one by one
	// through excelize, as TestProgressionCellsAsExcelizeWrites compares.
	cellByCell bool
}

type cellStyle struct {
	fill, font           string
	bold, italic, header bool
	title, wrap, border  bool
	align                string
	numFmt               string
}

func (p *publisher) style(s cellStyle) (int, error) {
	if id, ok := p.styles[s]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font:      &excelize.Font{Bold: s.bold, Italic: s.italic, Color: s.font},
		Alignment: &excelize.Alignment{Horizontal: s.align, Vertical: "center", WrapText: s.wrap},
	}
	if s.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.fill}}
	}
	if s.border {
		st.Border = []excelize.Border{{Type: "left", Color: "A0A0A0", Style: 1}, {Type: "right", Color: "A0A0A0", Style: 1}, {Type: "top", Color: "A0A0A0", Style: 1}, {Type: "bottom", Color: "A0A0A0", Style: 1}}
	}
	if s.header {
		st.Font.Bold = true
		st.Font.Color = "FFFFFF"
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3864"}}
	}
	if s.title {
		st.Font.Size = 14
		st.Font.Bold = true
	}
	if s.numFmt != "" {
		// A copy: a pointer into s would move s to the heap on every
		// call, cached or not (once per cell of every table).
		numFmt := s.numFmt
		st.CustomNumFmt = &numFmt
	}
	id, err := p.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	p.styles[s] = id
	return id, nil
}

// maxSheetName is Excel's limit on a sheet name, in UTF-16 code units: a
// character outside the basic plane (an emoji) takes two.
const maxSheetName = 31

// reservedSheetNames are names Excel keeps for itself.
var reservedSheetNames = []string{"History"}

// sheetName returns a name valid for Excel — at most 31 UTF-16 units, cut
// between characters as the reader sees them (never inside an emoji, a
// flag or a letter with its accents), none of []:*?/\ and no control
// character, not starting or ending with an apostrophe — that no other
// sheet has, compared as Excel compares (ignoring case).
func (p *publisher) sheetName(base string) string { return p.kindSheetName(base, "") }

// kindSheetName is sheetName for a classification's sheet of a kind
// ("Teams", "Drivers", "Progression"): a long classification name is cut so
// that the kind stays whole ("LMP3 Michelin Le Mans Cup" → "LMP3 Michelin
// Le Mans Teams").
func (p *publisher) kindSheetName(class, kind string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || unicode.IsControl(r) || r == utf8.RuneError {
			return '-'
		}
		return r
	}, class)
	clean = trimSheetName(scoring.CleanText(clean))
	if kind != "" {
		kind = " " + kind
	}
	if clean == "" && kind == "" {
		clean = "Sheet"
	}
	name := trimSheetName(cutUTF16(clean, maxSheetName-len(kind)) + kind)
	for n := 2; p.taken[foldSheetName(name)] || slices.ContainsFunc(reservedSheetNames, func(r string) bool { return foldSheetName(r) == foldSheetName(name) }); n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = trimSheetName(cutUTF16(clean, maxSheetName-len(kind)-len(suffix)) + kind + suffix)
	}
	p.taken[foldSheetName(name)] = true
	return name
}

// foldSheetName is the form in which Excel compares sheet names: two names
// that differ only in case ("Ärger", "ÄRGER") are the same sheet.
func foldSheetName(name string) string {
	return strings.ToLower(strings.ToUpper(name))
}

// trimSheetName drops the spaces and apostrophes a sheet name may not
// start or end with.
func trimSheetName(s string) string {
	return strings.Trim(s, "' ")
}

// cutUTF16 returns the longest start of s that takes at most n UTF-16
// units and ends between two characters as a reader sees them: not inside
// a surrogate pair, before a combining accent, a variation selector, an
// emoji modifier or a zero-width joiner, after a joiner, or between the
// two halves of a flag. The result is trimmed for a sheet name.
func cutUTF16(s string, n int) string {
	if utf16Len(s) <= n {
		return s
	}
	runes := []rune(s)
	end, units := 0, 0
	for end < len(runes) && units+utf16.RuneLen(runes[end]) <= n {
		units += utf16.RuneLen(runes[end])
		end++
	}
	fit := end
	for end > 0 && !graphemeBoundary(runes, end) {
		end--
	}
	if end == 0 { // one character longer than the limit: cut it after all
		end = fit
	}
	return trimSheetName(string(runes[:end]))
}

// graphemeBoundary reports whether a cut before runes[i] keeps every
// character whole.
func graphemeBoundary(runes []rune, i int) bool {
	if i <= 0 || i >= len(runes) {
		return true
	}
	next, prev := runes[i], runes[i-1]
	switch {
	case unicode.In(next, unicode.Mn, unicode.Me, unicode.Mc):
		return false // combining accents, variation selectors
	case next == '\u200d' || prev == '\u200d':
		return false // zero-width joiner: family and profession emoji
	case next >= 0x1F3FB && next <= 0x1F3FF:
		return false // skin-tone modifier
	case next >= 0xE0020 && next <= 0xE007F:
		return false // tag characters of subdivision flags
	case isRegionalIndicator(next) && isRegionalIndicator(prev):
		// A flag is two regional indicators: cut only after an even count.
		count := 0
		for j := i - 1; j >= 0 && isRegionalIndicator(runes[j]); j-- {
			count++
		}
		return count%2 == 0
	}
	return true
}

func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// utf16Len is the length of s in UTF-16 units, as Excel counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// publish writes every standings sheet.
func (p *publisher) publish() error {
	layout := present.NewLayout(p.season, p.st)
	for _, t := range layout.Tables {
		if err := p.table(t); err != nil {
			return err
		}
	}
	if err := p.winners(layout.Classifications); err != nil {
		return err
	}
	if err := p.breakdown(layout.Tables); err != nil {
		return err
	}
	for _, pr := range layout.Progressions() {
		if err := p.progression(pr); err != nil {
			return err
		}
	}
	if len(p.opts.Warnings) > 0 {
		if err := p.issues(); err != nil {
			return err
		}
	}
	return nil
}

// newSheet adds a generated sheet with print setup, header and footer.
func (p *publisher) newSheet(class, kind, title string) (string, error) {
	p.opts.Progress.AddSheet()
	name := p.kindSheetName(class, kind)
	if p.placeholder != "" {
		if err := p.f.SetSheetName(p.placeholder, name); err != nil {
			return "", err
		}
		p.placeholder = ""
	} else if _, err := p.f.NewSheet(name); err != nil {
		return "", err
	}
	p.written = append(p.written, name)
	if err := p.setupPrint(name); err != nil {
		return "", err
	}
	head := present.Heading(p.season)
	err := p.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + escapeHF(head) + "&C&B" + escapeHF(title) + "&R" + escapeHF(string(present.Status(p.season, p.st))) + " · " + p.opts.Generated.Format("2 January 2006"),
		OddFooter: "&L" + escapeHF(present.AfterRound(p.st)) + "&RPage &P of &N",
	})
	return name, err
}

// escapeHF doubles the ampersands that header/footer codes would read.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func ptr[T any](v T) *T { return &v }

// display is what a round cell shows and how.
type display struct {
	value any
	style cellStyle
	// key tells the styles of round cells apart with a small number (the
	// class of the colour key, pole, fastest lap), so that a table
	// finds a cell's style ID without hashing the style; -1 for a style
	// it cannot tell apart.
	key int
}

// roundStyleKeys is how many keys display.key can take.
const roundStyleKeys = (int(present.NotStarted) + 1) * 4

// roundDisplay renders a competitor's round the way published tables do:
// its class of the colour key as the fill, pole in bold, fastest lap in
// italics, a bare position as a number.
func roundDisplay(c *scoring.Cell) display {
	r := present.Round(c)
	if !r.Present {
		return display{value: nil, style: cellStyle{align: "center", border: true}, key: 0}
	}
	s := cellStyle{align: "center", border: true, fill: r.Class.Fill(), font: r.Class.Font(),
		bold: r.Marks&present.Pole != 0, italic: r.Marks&present.FastestLap != 0}
	var v any
	if r.IsNumber() {
		v = r.Pos
	} else {
		v = cellText(r)
	}
	key := int(r.Class) * 4
	if s.bold {
		key++
	}
	if s.italic {
		key += 2
	}
	return display{value: v, style: s, key: key}
}

// cellText is a round cell's text as a cell value. A bare status code is
// boxed from a constant, without an allocation: a large season has tens of
// thousands of them.
func cellText(r present.RoundCell) any {
	if r.Marks&(present.Dropped|present.Ineligible|present.Kept) == 0 {
		switch r.Status {
		case scoring.NotClassified:
			return string(scoring.NotClassified)
		case scoring.Retired:
			return string(scoring.Retired)
		case scoring.DidNotQualify:
			return string(scoring.DidNotQualify)
		case scoring.Disqualified:
			return string(scoring.Disqualified)
		case scoring.DidNotStart:
			return string(scoring.DidNotStart)
		case scoring.Excluded:
			return string(scoring.Excluded)
		case scoring.Withdrawn:
			return string(scoring.Withdrawn)
		}
	}
	return r.Text()
}

// intWidth is the length of n written in decimal, a sign included.
func intWidth(n int) int {
	d := 1
	if n < 0 {
		d++
	}
	for n >= 10 || n <= -10 {
		n /= 10
		d++
	}
	return d
}

// grid is a sheet built in memory, then streamed row by row: excelize
// checks merged ranges against each other when it saves a sheet written
// cell by cell (quadratic in merges), not when it streams one.
type grid struct {
	rows    [][]excelize.Cell
	heights map[int]float64
	merges  []cellRange
	// width, when known, is the number of columns of most rows: a row is
	// allocated at that width once rather than grown cell by cell, cut
	// from slab while it has room.
	width int
	slab  []excelize.Cell
}

// cellRange is a range of cells by coordinates, 1-based.
type cellRange struct{ col1, row1, col2, row2 int }

// height is a row's height in points: every row gets one, so that page
// breaks can be placed (see rowBreaks).
func (g *grid) height(row int) float64 {
	if h, ok := g.heights[row]; ok {
		return h
	}
	return rowHeight
}

func (g *grid) set(col, row int, v any, style int) {
	for len(g.rows) < row {
		g.rows = append(g.rows, nil)
	}
	r := g.rows[row-1]
	if r == nil && g.width > 0 {
		r = g.newRow()
	}
	for len(r) < col {
		r = append(r, excelize.Cell{})
	}
	r[col-1] = excelize.Cell{Value: v, StyleID: style}
	g.rows[row-1] = r
}

// newRow returns an empty row with room for width cells, cut from the
// slab while it has room.
func (g *grid) newRow() []excelize.Cell {
	k := len(g.slab)
	if k+g.width > cap(g.slab) {
		return make([]excelize.Cell, 0, g.width)
	}
	g.slab = g.slab[:k+g.width]
	return g.slab[k : k : k+g.width]
}

// merge merges a range; the cells it covers keep their style (borders,
// fill) but lose their value, as in a range merged in Excel.
func (g *grid) merge(c1, r1, c2, r2 int) {
	g.merges = append(g.merges, cellRange{c1, r1, c2, r2})
	for r := r1; r <= r2 && r <= len(g.rows); r++ {
		for c := c1; c <= c2 && c <= len(g.rows[r-1]); c++ {
			if r != r1 || c != c1 {
				g.rows[r-1][c-1].Value = nil
			}
		}
	}
}

// stream writes the grid into the sheet with its column widths and panes.
func (p *publisher) stream(name string, g *grid, widths []float64, panes *excelize.Panes, breaks []int) error {
	sw, err := p.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	if panes != nil {
		if err := sw.SetPanes(panes); err != nil {
			return err
		}
	}
	// About 40 bytes a cell: <c r="AB123" s="12"><v>25</v></c>.
	data := appendColsXML(make([]byte, 0, 40*len(g.rows)*max(g.width, 1)), widths)
	if data, ok := appendRowsXML(data, g); ok && len(g.rows) > 0 {
		if err := sw.SetRow("A1", []any{p.splices.Add(data)}); err != nil {
			return err
		}
	} else {
		for i, w := range widths {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
		if err := streamRows(sw, g); err != nil {
			return err
		}
	}
	for _, r := range breaks {
		if err := sw.InsertPageBreak(ooxml.CellName(1, r)); err != nil {
			return err
		}
	}
	var ref []byte // reused
	for _, m := range g.merges {
		var topLeft, bottomRight string
		ref, topLeft, bottomRight = m.names(ref)
		if err := sw.MergeCell(topLeft, bottomRight); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// names returns the range's top-left and bottom-right cell names ("D5",
// "D7") as one string cut in two, built in buf (returned for reuse): a
// table merges tens of thousands of cells.
func (m cellRange) names(buf []byte) (_ []byte, topLeft, bottomRight string) {
	buf = appendCellName(buf[:0], m.col1, m.row1)
	n := len(buf)
	buf = appendCellName(buf, m.col2, m.row2)
	both := string(buf)
	return buf, both[:n], both[n:]
}

// streamRows writes the grid's rows with SetRow.
func streamRows(sw *excelize.StreamWriter, g *grid) error {
	var values []any // reused: SetRow writes the row out before it returns
	for i, r := range g.rows {
		values = values[:0]
		for j := range r {
			values = append(values, &r[j]) // a pointer: a Cell would be copied to the heap
		}
		if err := sw.SetRow(ooxml.CellName(1, i+1), values, excelize.RowOpts{Height: g.height(i + 1)}); err != nil {
			return err
		}
	}
	return nil
}

// tableSheet names a table's sheet: "LMP2 Drivers" (the class cut
// first when too long), "Constructors".
func (p *publisher) tableSheet(t present.Table) (class, kind string) {
	if t.PerClass {
		return t.Class, t.Championship
	}
	return t.Championship, ""
}

// table writes a championship table.
func (p *publisher) table(t present.Table) error {
	title := t.Title()
	class, kind := p.tableSheet(t)
	name, err := p.newSheet(class, kind, title)
	if err != nil {
		return err
	}
	lines := t.Lines
	// The championship's title race and position changes (none for a
	// table scoring does not run: a cup's teams without cars).
	scored := t.Scored
	header := t.Header()
	// The change of position since the previous round comes after Pos,
	// once there is a previous round.
	moves := 0
	if scored.Moves {
		moves = 1
		header = slices.Insert(header, 1, "±")
	}
	ptsCol := len(header)
	firstRound := present.FirstRound + 1 + moves
	totalStyle := cellStyle{border: true, align: "center", bold: true}
	// Styles are created in a fixed order, so that style IDs, and the
	// bytes written, are the same every run.
	styles := []struct {
		key   string
		style cellStyle
	}{
		{"title", cellStyle{title: true}},
		{"context", cellStyle{italic: true}},
		{"head", cellStyle{header: true, align: "center", wrap: true, border: true}},
		{"plain", cellStyle{border: true}},
		{"centre", cellStyle{border: true, align: "center"}},
		{"total", totalStyle},
		{"race", cellStyle{bold: true, wrap: true}},
	}
	id := map[string]int{}
	for _, st := range styles {
		if id[st.key], err = p.style(st.style); err != nil {
			return err
		}
	}
	// Races of one meeting are headed by it, in a row of its own above
	// the column headers (none in a season without meetings).
	meetings := present.Meetings(t.Rounds)
	head, first := headerRow, firstLineRow
	if meetings != nil {
		head, first = headerRow+1, firstLineRow+1
	}
	g := p.newGrid(first+len(lines)+len(present.KeyClasses())+8, len(header))
	g.heights = map[int]float64{1: 24, 2: 18} // the header rows': fitHeaders
	g.set(1, 1, title, id["title"])
	g.set(1, 2, present.Context(p.season, p.st), id["context"])
	// Who can still win, or the champion, under the title.
	race := present.TitleSummary(scored)
	if race != "" {
		g.set(1, raceRow, race, id["race"])
		g.merge(1, raceRow, len(header), raceRow)
	}
	widths := make([]int, len(header))
	for i, h := range header {
		g.set(i+1, headerRow, h, id["head"])
		widths[i] = utf8.RuneCountInString(h)
	}
	if meetings != nil {
		meetingHeaders(g, header, t.Rounds, meetings, firstRound, id["head"])
	}
	if p.models == nil {
		p.models = present.CarModels(p.season)
	}
	models := p.models
	plain, centre, total := id["plain"], id["centre"], id["total"]
	// The round cells' style IDs by display.key, plus one (0: not yet
	// known).
	var roundStyles [roundStyleKeys]int
	row := first
	kept := false // a result that always counts: the key explains its mark
	for i := range lines {
		l := &lines[i]
		d := present.Describe(*l, models)
		if l.Pos > 0 {
			g.set(1, row, l.Pos, centre)
		} else { // listed without a position: excluded, too few starts
			g.set(1, row, nil, centre)
		}
		widths[0] = max(widths[0], intWidth(l.Pos))
		if moves > 0 {
			move := present.Move(scored, l)
			g.set(2, row, move, centre)
			widths[1] = max(widths[1], utf8.RuneCountInString(move))
		}
		for j, v := range []string{d.No, d.Name, d.Nat, d.Car} {
			style := plain
			if j == 0 {
				style = centre
			}
			g.set(j+2+moves, row, v, style)
			widths[j+1+moves] = max(widths[j+1+moves], utf8.RuneCountInString(v))
		}
		for j := range l.Rounds {
			rc := &l.Rounds[j]
			kept = kept || rc.Undroppable
			d := roundDisplay(rc)
			sid := -1
			if d.key >= 0 {
				sid = roundStyles[d.key] - 1
			}
			if sid < 0 {
				if sid, err = p.style(d.style); err != nil {
					return err
				}
				if d.key >= 0 {
					roundStyles[d.key] = sid + 1
				}
			}
			g.set(firstRound+j, row, d.value, sid)
		}
		pts := present.Points(l.Points)
		ptsStyle, err := p.pointsStyle(pts, totalStyle, total)
		if err != nil {
			return err
		}
		g.set(ptsCol, row, pts, ptsStyle)
		row++
	}
	mergeShared(g, lines, first, firstRound, ptsCol)
	key := row + 1
	keyEnd, err := p.legend(g, key, firstRound, kept)
	if err != nil {
		return err
	}
	cols := make([]float64, len(widths))
	for i, w := range widths {
		cols[i] = float64(min(max(w+2, 5), 40))
		if i+1 >= firstRound && i+1 < ptsCol {
			cols[i] = roundColumnWidth
		}
	}
	fitHeaders(g, cols, meetings, firstRound, ptsCol, head)
	if race != "" {
		all := 0.0
		for _, w := range cols {
			all += w
		}
		g.heights[raceRow] = float64(templates.WrappedLines(race, all)) * rowHeight
	}
	if err := p.printTitles(name, head); err != nil {
		return err
	}
	// A page breaks between crews, never inside one, and never in the key.
	blocks := make([][2]int, 0, 1+len(g.merges))
	blocks = append(blocks, [2]int{key, keyEnd})
	for _, m := range g.merges {
		blocks = append(blocks, [2]int{m.row1, m.row2})
	}
	titles := 0.0
	for r := 1; r <= head; r++ {
		titles += g.height(r)
	}
	breaks := rowBreaks(len(g.rows), g.height, head, blocks, pageRows(p.printPaper(), cols, titles))
	err = p.stream(name, g, cols, &excelize.Panes{Freeze: true, XSplit: 3 + moves, YSplit: head, TopLeftCell: ooxml.CellName(4+moves, first), ActivePane: "bottomRight"}, breaks)
	p.merges = g.merges[:0] // the next table's, grown or not
	return err
}

// meetingHeaders writes the two header rows of a table whose races are
// grouped by meeting: over the races of each meeting, one cell naming it,
// merged across their columns, above each race's own header
// (present.MeetingRaceHeader); every other column's header fills both
// rows, merged.
func meetingHeaders(g *grid, header []string, rounds []scoring.Round, meetings []present.MeetingSpan, firstRound, style int) {
	under := make([]int, len(header)) // column (0-based) → its meeting's index + 1
	for m, span := range meetings {
		for i := span.First; i <= span.Last; i++ {
			under[firstRound-1+i] = m + 1
		}
	}
	for i := range header {
		col := i + 1
		m := under[i]
		if m == 0 {
			g.set(col, headerRow+1, nil, style)
			g.merge(col, headerRow, col, headerRow+1)
			continue
		}
		span := meetings[m-1]
		g.set(col, headerRow+1, present.MeetingRaceHeader(rounds[i-(firstRound-1)], span), style)
		if i-(firstRound-1) == span.First {
			g.set(col, headerRow, span.Title, style)
		} else {
			g.set(col, headerRow, nil, style)
		}
	}
	for _, span := range meetings {
		if span.Last > span.First {
			g.merge(firstRound+span.First, headerRow, firstRound+span.Last, headerRow)
		}
	}
}

// newGrid returns an empty grid of rows rows of width cells (more may be
// set), laid out in the publisher's grid storage: the previous table's grid
// is done with (streamed), so a season's tables take one storage as large
// as the largest rather than a row allocated per line of every table.
func (p *publisher) newGrid(rows, width int) *grid {
	if cells := rows * width; cap(p.cells) < cells {
		p.cells = make([]excelize.Cell, 0, cells)
	}
	return &grid{rows: make([][]excelize.Cell, 0, rows), width: width, slab: p.cells[:0], merges: p.merges[:0]}
}

// Rows of a standings table: the title, the line that places the
// standings (series, season, round, Provisional or Final), the title race
// in words (present.TitleSummary; blank when there is none), the column
// headers, then one row per competitor. A table whose races are grouped
// by meeting has a row of meetings above the column headers, which moves
// the column headers and the competitors a row down.
const (
	raceRow      = 3
	headerRow    = 4
	firstLineRow = 5
)

// mergeShared merges, as the published tables do, the position and points
// of competitors sharing a position, and a round's cells where those
// competitors had the same result (present.Shared); the competitors' rows
// start at row first.
func mergeShared(g *grid, lines []scoring.Line, first, firstRound, ptsCol int) {
	present.Shared(lines, func(s present.Span) {
		top, bottom := s.First+first, s.Last+first
		if s.Round < 0 {
			g.merge(1, top, 1, bottom)
			g.merge(ptsCol, top, ptsCol, bottom)
			return
		}
		g.merge(firstRound+s.Round, top, firstRound+s.Round, bottom)
	})
}

// legend writes the colour key under a table, from row on: a row per
// colour, and beside its heading and first colours, in column marks, the marks
// (bold, italics, brackets …, with the mark of results that always count
// when the table has one: kept), so that the key takes as few rows as it
// can and fits under a short table on its page. It returns the key's
// last row.
func (p *publisher) legend(g *grid, row, marks int, kept bool) (int, error) {
	bold, err := p.style(cellStyle{bold: true})
	if err != nil {
		return 0, err
	}
	g.set(2, row, "Key", bold)
	for i, m := range present.KeyMarks(kept) { // beside the heading and the short colour names
		id, err := p.style(cellStyle{bold: m == present.Pole, italic: m == present.FastestLap})
		if err != nil {
			return 0, err
		}
		g.set(marks, row+i, m.Legend(), id)
	}
	row++
	for _, c := range present.KeyClasses() {
		id, err := p.style(cellStyle{fill: c.Fill(), font: c.Font(), border: true})
		if err != nil {
			return 0, err
		}
		g.set(2, row, nil, id)
		g.set(3, row, c.Legend(), 0)
		row++
	}
	return row - 1, nil
}
