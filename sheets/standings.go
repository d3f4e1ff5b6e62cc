package sheets

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
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
	Progress *Progress
	// FullBreakdown writes the whole Breakdown sheet however long;
	// otherwise a season of more than BreakdownRowsLimit breakdown rows
	// gets a note there, and its breakdown goes to the press pack.
	FullBreakdown bool
}

// The colour key of published motorsport standings tables.
const (
	fillGold   = "FFFFBF"
	fillSilver = "DFDFDF"
	fillBronze = "FFDF9F"
	fillPoints = "DFFFDF"
	fillBlue   = "CFCFFF"
	fillPurple = "EFCFFF"
	fillRed    = "FFCFCF"
	fillBlack  = "000000"
	fillWhite  = "FFFFFF"
)

// legend is the key printed under every standings table.
var legend = []struct{ fill, font, text string }{
	{fillGold, "", "Winner"},
	{fillSilver, "", "2nd place"},
	{fillBronze, "", "3rd place"},
	{fillPoints, "", "Points finish"},
	{fillBlue, "", "Classified, no points / Not classified (NC)"},
	{fillPurple, "", "Retired (Ret)"},
	{fillRed, "", "Did not qualify (DNQ)"},
	{fillBlack, "FFFFFF", "Disqualified (DSQ)"},
	{fillWhite, "", "Did not start (DNS)"},
	{"", "", "Excluded (EX), withdrawn (WD), blank: did not take part"},
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
	splices *rowSplices
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

// competitor is a line as the tables describe it.
type competitor struct {
	no   string // the car, or the cars a driver drove ("7, 27")
	name string // the team, or the driver
	nat  string
	car  string // the car model, or the models a driver drove
}

// describe returns how a line is printed; models maps car numbers to car
// models.
func describe(l scoring.Line, models map[string]string) competitor {
	if l.Kind != scoring.DriverLine {
		return competitor{l.No, l.Team, l.Nat, l.Car}
	}
	var cars []string
	for _, n := range l.Cars {
		if m := models[n]; m != "" && !slices.Contains(cars, m) {
			cars = append(cars, m)
		}
	}
	return competitor{strings.Join(l.Cars, ", "), l.Name, l.Nat, strings.Join(cars, ", ")}
}

// carModels maps each car number to its model.
func carModels(season *scoring.Season) map[string]string {
	m := make(map[string]string, len(season.Entries))
	for _, e := range season.Entries {
		m[e.No] = e.Car
	}
	return m
}

// championship is one table of a classification.
type championship struct {
	name  string // "Teams" or "Drivers"
	lines []scoring.Line
}

// championships returns a classification's teams' and drivers' tables.
func championships(c *scoring.Classification) []championship {
	return []championship{{"Teams", c.Teams}, {"Drivers", c.Drivers}}
}

// presentationOrder lists the classifications as the series presents them:
// classes in the order they first appear in the Entries sheet, then cups.
func presentationOrder(season *scoring.Season, st *scoring.Standings) []*scoring.Classification {
	rank := map[string]int{}
	entries := slices.Clone(season.Entries)
	slices.SortStableFunc(entries, func(a, b scoring.Entry) int { return a.Origin.Row - b.Origin.Row })
	for _, e := range entries {
		if _, ok := rank[e.Class]; !ok {
			rank[e.Class] = len(rank)
		}
	}
	for _, e := range entries {
		if _, ok := rank[e.Cup]; !ok && e.Cup != "" {
			rank[e.Cup] = len(rank)
		}
	}
	out := make([]*scoring.Classification, len(st.Classifications))
	for i := range st.Classifications {
		out[i] = &st.Classifications[i]
	}
	slices.SortStableFunc(out, func(a, b *scoring.Classification) int { return rank[a.Name] - rank[b.Name] })
	return out
}

// publish writes every standings sheet.
func (p *publisher) publish() error {
	order := presentationOrder(p.season, p.st)
	for _, c := range order {
		if err := p.table(c, c.Teams, "Teams"); err != nil {
			return err
		}
		if err := p.table(c, c.Drivers, "Drivers"); err != nil {
			return err
		}
	}
	if err := p.winners(order); err != nil {
		return err
	}
	if err := p.breakdown(order); err != nil {
		return err
	}
	for _, c := range order {
		if err := p.progression(c); err != nil {
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
	p.opts.Progress.addSheet()
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
	head := strings.TrimSpace(p.season.Series + " " + p.season.Name)
	err := p.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + escapeHF(head) + "&C&B" + escapeHF(title) + "&R" + escapeHF(string(standingsStatus(p.season, p.st))) + " · " + p.opts.Generated.Format("2 January 2006"),
		OddFooter: "&L" + escapeHF(afterRoundText(p.st)) + "&RPage &P of &N",
	})
	return name, err
}

// standingsStatus says whether standings are Final: only when the
// organiser set the season's Status to Final and the standings count the
// last round of the calendar. Standings after an earlier round (--after-round)
// are Provisional whatever the setting. The print header, the title rows
// and the press pack all take it from here.
func standingsStatus(season *scoring.Season, st *scoring.Standings) scoring.SeasonStatus {
	last := 0
	for _, r := range season.Rounds {
		last = max(last, r.Number)
	}
	if season.Status == scoring.Final && len(st.Rounds) > 0 && st.AfterRound == last {
		return scoring.Final
	}
	return scoring.Provisional
}

// afterRoundText says which round the standings are after: "After round 4
// (4 Hours of Sepang)".
func afterRoundText(st *scoring.Standings) string {
	if len(st.Rounds) == 0 {
		return "No rounds counted"
	}
	text := fmt.Sprintf("After round %d", st.AfterRound)
	if r := st.Rounds[len(st.Rounds)-1]; r.Name != "" && !strings.EqualFold(r.Name, fmt.Sprintf("Round %d", r.Number)) {
		text += " (" + r.Name + ")"
	}
	return text
}

// standingsContext places standings for their reader: "Asian Le Mans
// Series 2019–20 · After round 4 (4 Hours of Sepang) · Final".
func standingsContext(season *scoring.Season, st *scoring.Standings) string {
	parts := []string{afterRoundText(st), string(standingsStatus(season, st))}
	if head := strings.TrimSpace(season.Series + " " + season.Name); head != "" {
		parts = append([]string{head}, parts...)
	}
	return strings.Join(parts, " · ")
}

// escapeHF doubles the ampersands that header/footer codes would read.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func ptr[T any](v T) *T { return &v }

// a1 returns the A1 reference of a cell.
func a1(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// roundHeader heads a round's column with its code and country: "SHA CHN".
func roundHeader(r scoring.Round) string {
	code := r.Code
	if code == "" {
		code = "R" + strconv.Itoa(r.Number)
	}
	if r.Country != "" {
		return code + " " + r.Country
	}
	return code
}

// displayText is a round cell's value as text: the position's digits or
// the status code (fmt.Sprint's text, without its cost per cell).
func displayText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return fmt.Sprint(v)
}

// display is what a round cell shows and how.
type display struct {
	value any
	style cellStyle
	// key tells the styles of round cells apart with a small number (the
	// fill's place in roundFills, pole, fastest lap), so that a table
	// finds a cell's style ID without hashing the style; -1 for a style
	// it cannot tell apart.
	key int
}

// roundFills are the fills a round cell can have; the first is none.
var roundFills = [...]string{"", fillGold, fillSilver, fillBronze, fillPoints, fillBlue, fillPurple, fillRed, fillBlack, fillWhite}

// roundStyleKeys is how many keys display.key can take.
const roundStyleKeys = len(roundFills) * 4

// roundDisplay renders a competitor's round the way published tables do.
func roundDisplay(c scoring.Cell) display {
	if !c.Present {
		return display{value: nil, style: cellStyle{align: "center", border: true}, key: 0}
	}
	var v any
	s := cellStyle{align: "center", border: true, bold: c.Pole, italic: c.FastestLap}
	switch c.Status {
	case scoring.Classified:
		v = c.Pos
		scored := scoredPoints(c)
		switch {
		case c.Pos == 1:
			s.fill = fillGold
		case c.Pos == 2:
			s.fill = fillSilver
		case c.Pos == 3:
			s.fill = fillBronze
		case scored:
			s.fill = fillPoints
		default:
			s.fill = fillBlue
		}
	case scoring.NotClassified:
		v, s.fill = "NC", fillBlue
	case scoring.Retired:
		v, s.fill = "Ret", fillPurple
	case scoring.DidNotQualify:
		v, s.fill = "DNQ", fillRed
	case scoring.Disqualified:
		v, s.fill, s.font = "DSQ", fillBlack, "FFFFFF"
	case scoring.DidNotStart:
		v, s.fill = "DNS", fillWhite
	default:
		v = string(c.Status)
	}
	if c.Ineligible {
		v = fmt.Sprint(v) + "†"
	}
	if c.Dropped {
		v = "(" + fmt.Sprint(v) + ")"
	}
	key := -1
	for i, f := range roundFills {
		if f == s.fill {
			key = i * 4
			break
		}
	}
	if key >= 0 && s.bold {
		key++
	}
	if key >= 0 && s.italic {
		key += 2
	}
	return display{value: v, style: s, key: key}
}

// scoredPoints reports whether a round's position (or Other) brought
// points: such a cell is shown on the points colour.
func scoredPoints(c scoring.Cell) bool {
	for _, it := range c.Items {
		if (it.Kind == scoring.ItemPosition || it.Kind == scoring.ItemOther) && it.Points > 0 {
			return true
		}
	}
	return false
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

// points returns a total as a number cell: whole points as integers, so
// that they show without decimals, halves as 45.5.
func points(p float64) any {
	if p == float64(int64(p)) {
		return int64(p)
	}
	return p
}

// grid is a sheet built in memory, then streamed row by row: excelize
// checks merged ranges against each other when it saves a sheet written
// cell by cell (quadratic in merges), not when it streams one.
type grid struct {
	rows    [][]excelize.Cell
	heights map[int]float64
	merges  []cellRange
	// width, when known, is the number of columns of most rows: a row is
	// allocated at that width once rather than grown cell by cell.
	width int
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
		r = make([]excelize.Cell, 0, g.width)
	}
	for len(r) < col {
		r = append(r, excelize.Cell{})
	}
	r[col-1] = excelize.Cell{Value: v, StyleID: style}
	g.rows[row-1] = r
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
		if err := sw.SetRow("A1", []any{p.splices.add(data)}); err != nil {
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
		if err := sw.InsertPageBreak(a1(1, r)); err != nil {
			return err
		}
	}
	for _, m := range g.merges {
		if err := sw.MergeCell(a1(m.col1, m.row1), a1(m.col2, m.row2)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// streamRows writes the grid's rows with SetRow.
func streamRows(sw *excelize.StreamWriter, g *grid) error {
	var values []any // reused: SetRow writes the row out before it returns
	for i, r := range g.rows {
		values = values[:0]
		for j := range r {
			values = append(values, &r[j]) // a pointer: a Cell would be copied to the heap
		}
		if err := sw.SetRow(a1(1, i+1), values, excelize.RowOpts{Height: g.height(i + 1)}); err != nil {
			return err
		}
	}
	return nil
}

// table writes a classification's teams' or drivers' championship.
func (p *publisher) table(c *scoring.Classification, lines []scoring.Line, kind string) error {
	title := c.Name + " " + map[string]string{"Teams": "Teams' Championship", "Drivers": "Drivers' Championship"}[kind]
	name, err := p.newSheet(c.Name, kind, title)
	if err != nil {
		return err
	}
	rounds := p.st.Rounds
	who := "Team"
	if kind == "Drivers" {
		who = "Driver"
	}
	header := []string{"Pos", "No.", who, "Nat", "Car"}
	for _, r := range rounds {
		header = append(header, roundHeader(r))
	}
	header = append(header, "Points")
	ptsCol := len(header)
	firstRound := 6
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
		{"total", cellStyle{border: true, align: "center", bold: true}},
	}
	id := map[string]int{}
	for _, st := range styles {
		if id[st.key], err = p.style(st.style); err != nil {
			return err
		}
	}
	g := &grid{heights: map[int]float64{1: 24, 2: 18, headerRow: 30}, width: len(header)}
	g.rows = make([][]excelize.Cell, 0, firstLineRow+len(lines)+len(legend)+8)
	g.set(1, 1, title, id["title"])
	g.set(1, 2, standingsContext(p.season, p.st), id["context"])
	widths := make([]int, len(header))
	for i, h := range header {
		g.set(i+1, headerRow, h, id["head"])
		widths[i] = utf8.RuneCountInString(h)
	}
	if p.models == nil {
		p.models = carModels(p.season)
	}
	models := p.models
	plain, centre, total := id["plain"], id["centre"], id["total"]
	// The round cells' style IDs by display.key, plus one (0: not yet
	// known).
	var roundStyles [roundStyleKeys]int
	row := firstLineRow
	for _, l := range lines {
		d := describe(l, models)
		g.set(1, row, l.Pos, centre)
		widths[0] = max(widths[0], intWidth(l.Pos))
		for j, v := range []string{d.no, d.name, d.nat, d.car} {
			style := plain
			if j == 0 {
				style = centre
			}
			g.set(j+2, row, v, style)
			widths[j+1] = max(widths[j+1], utf8.RuneCountInString(v))
		}
		for j, rc := range l.Rounds {
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
		g.set(ptsCol, row, points(l.Points), total)
		row++
	}
	mergeShared(g, lines, firstRound, ptsCol)
	key := row + 1
	keyEnd, err := p.legend(g, key)
	if err != nil {
		return err
	}
	cols := make([]float64, len(widths))
	for i, w := range widths {
		cols[i] = float64(min(max(w+2, 5), 40))
		if i+1 >= firstRound && i+1 < ptsCol {
			cols[i] = 8
		}
	}
	if err := p.printTitles(name, headerRow); err != nil {
		return err
	}
	// A page breaks between crews, never inside one, and never in the key.
	blocks := make([][2]int, 0, 1+len(g.merges))
	blocks = append(blocks, [2]int{key, keyEnd})
	for _, m := range g.merges {
		blocks = append(blocks, [2]int{m.row1, m.row2})
	}
	titles := 0.0
	for r := 1; r <= headerRow; r++ {
		titles += g.height(r)
	}
	breaks := rowBreaks(len(g.rows), g.height, headerRow, blocks, pageRows(p.printPaper(), cols, titles))
	return p.stream(name, g, cols, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: headerRow, TopLeftCell: a1(4, firstLineRow), ActivePane: "bottomRight"}, breaks)
}

// Rows of a standings table: the title, the line that places the
// standings (series, season, round, Provisional or Final), the column
// headers, then one row per competitor.
const (
	headerRow    = 3
	firstLineRow = 4
)

// mergeShared merges, as the published tables do, the position and points
// of competitors sharing a position, and a round's cells where those
// competitors had the same result.
func mergeShared(g *grid, lines []scoring.Line, firstRound, ptsCol int) {
	for start := 0; start < len(lines); {
		end := start + 1
		for end < len(lines) && lines[end].Pos == lines[start].Pos && lines[end].Points == lines[start].Points {
			end++
		}
		if end-start > 1 {
			top, bottom := start+firstLineRow, end-1+firstLineRow
			for _, col := range []int{1, ptsCol} {
				g.merge(col, top, col, bottom)
			}
			for j := range lines[start].Rounds {
				col := firstRound + j
				for a := start; a < end; {
					b := a + 1
					for b < end && sameDisplay(lines[a].Rounds[j], lines[b].Rounds[j]) {
						b++
					}
					if b-a > 1 && lines[a].Rounds[j].Present {
						g.merge(col, a+firstLineRow, col, b-1+firstLineRow)
					}
					a = b
				}
			}
		}
		start = end
	}
}

func sameDisplay(a, b scoring.Cell) bool {
	if a.No != b.No {
		return false
	}
	// A crew's cells are copies of the car's: equal in everything the
	// display is made of, they show the same without being rendered.
	if a.Present == b.Present && a.Status == b.Status && a.Pos == b.Pos && a.Pole == b.Pole &&
		a.FastestLap == b.FastestLap && a.Ineligible == b.Ineligible && a.Dropped == b.Dropped &&
		scoredPoints(a) == scoredPoints(b) {
		return true
	}
	da, db := roundDisplay(a), roundDisplay(b)
	return displayText(da.value) == displayText(db.value) && da.style == db.style && a.No == b.No
}

// legend writes the colour key under a table, from row on; it returns the
// key's last row.
func (p *publisher) legend(g *grid, row int) (int, error) {
	bold, err := p.style(cellStyle{bold: true})
	if err != nil {
		return 0, err
	}
	g.set(2, row, "Key", bold)
	row++
	for _, k := range legend {
		id, err := p.style(cellStyle{fill: k.fill, font: k.font, border: true})
		if err != nil {
			return 0, err
		}
		g.set(2, row, nil, id)
		g.set(3, row, k.text, 0)
		row++
	}
	for _, k := range []struct {
		style cellStyle
		text  string
	}{
		{cellStyle{bold: true}, "Bold – pole position"},
		{cellStyle{italic: true}, "Italics – fastest lap"},
		{cellStyle{}, "(brackets) – result dropped (best results count)"},
		{cellStyle{}, "† – driver not eligible for points in that round"},
	} {
		id, err := p.style(k.style)
		if err != nil {
			return 0, err
		}
		g.set(3, row, k.text, id)
		row++
	}
	return row - 1, nil
}
