package noticeboard

import (
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// table is a championship table laid out for the page.
type table struct {
	present.Table
	// scored is the standings' table: its title race and position
	// changes (an empty table when the standings have none by its name).
	scored *scoring.Table
	models map[string]string
	cols   []column
	// size is the text size of the table (points), rowH a row's height.
	size, rowH, headH float64
	// last maps the first line of a run sharing a cell (a position and its
	// points: round -1; a round's result: its index) to the run's last
	// line, and each other line of the run to -1.
	last map[spanKey]int
}

type spanKey struct{ round, line int }

// column is a column of the table: its header and its width.
type column struct {
	head  string
	w     float64
	align byte // 'L', 'C' or 'R'
	kind  colKind
	round int // the round's index, for a round column
	// headLines are the header's lines in the column's width.
	headLines []string
}

type colKind uint8

const (
	colPos colKind = iota
	colMove
	colNo
	colName
	colNat
	colCar
	colRound
	colPoints
)

// Paddings and limits of the table, in millimetres.
const (
	pad         = 1.0
	maxRoundW   = 13.0
	minSize     = 4.0 // the smallest text a table is scaled down to
	tableGap    = 7.0
	titleHeight = 7.0
	lineHeight  = 5.0
)

// tables lays out the standings' championship tables in the order the
// standings workbook shows them.
func (d *doc) tables() []table {
	models := present.CarModels(d.season)
	var out []table
	for _, t := range present.NewLayout(d.season, d.st).Tables {
		tb := table{Table: t, scored: t.Scored, models: models, last: map[spanKey]int{}}
		present.Shared(t.Lines, func(sp present.Span) {
			tb.last[spanKey{sp.Round, sp.First}] = sp.Last
			for l := sp.First + 1; l <= sp.Last; l++ {
				tb.last[spanKey{sp.Round, l}] = -1
			}
		})
		out = append(out, tb)
	}
	return out
}

// columns lists the table's columns, widths not yet set.
func (t *table) columns() []column {
	cols := []column{{head: "Pos", align: 'C', kind: colPos}}
	if t.scored.Moves {
		cols = append(cols, column{head: "±", align: 'C', kind: colMove})
	}
	cols = append(cols, column{head: "No.", align: 'C', kind: colNo}, column{head: t.Who(), align: 'L', kind: colName},
		column{head: "Nat", align: 'C', kind: colNat}, column{head: "Car", align: 'L', kind: colCar})
	for i, r := range t.Rounds {
		cols = append(cols, column{head: present.RoundHeader(r), align: 'C', kind: colRound, round: i})
	}
	return append(cols, column{head: "Points", align: 'R', kind: colPoints})
}

// cell is what a line shows in a column: its text, face and colours.
type cell struct {
	text       string
	style      style
	fill, font string // RRGGBB, "" for none
}

// cell returns what line i shows in column c.
func (t *table) cell(i int, c *column) cell {
	l := &t.Lines[i]
	switch c.kind {
	case colPos:
		if l.Pos == 0 {
			return cell{}
		}
		return cell{text: strconv.Itoa(l.Pos)}
	case colMove:
		return cell{text: present.Move(t.scored, l)}
	case colPoints:
		return cell{text: scoring.FormatPoints(l.Points), style: bold}
	case colRound:
		rc := present.Round(&l.Rounds[c.round])
		var s style
		if rc.Marks&present.Pole != 0 {
			s |= bold
		}
		if rc.Marks&present.FastestLap != 0 {
			s |= italic
		}
		return cell{text: rc.Text(), style: s, fill: rc.Class.Fill(), font: rc.Class.Font()}
	}
	who := present.Describe(*l, t.models)
	switch c.kind {
	case colNo:
		return cell{text: who.No}
	case colName:
		return cell{text: who.Name}
	case colNat:
		return cell{text: who.Nat}
	}
	return cell{text: who.Car}
}

// wrap breaks text into lines of words no wider than w at size (a word
// wider than w has a line of its own).
func wrap(fs *fonts, text string, s style, size, w float64) []string {
	var lines []string
	for _, word := range strings.Fields(text) {
		if n := len(lines); n > 0 && fs.width(lines[n-1]+" "+word, s, size) <= w {
			lines[n-1] += " " + word
			continue
		}
		lines = append(lines, word)
	}
	return lines
}

// layout sets the table's columns, their widths and its text size (the
// Nat and Car columns left out when no line has one): each
// column as wide as its widest text, scaled down to the page's width when
// wider, the room left given to the round columns (up to maxRoundW) and
// then shared by the names and the cars.
func (t *table) layout(fs *fonts) {
	natural := 0.0
	cols := t.columns()
	t.cols = cols[:0]
	for k := range cols {
		c := &cols[k]
		text := false
		for i := range t.Lines {
			ce := t.cell(i, c)
			c.w = max(c.w, fs.width(ce.text, ce.style, sizeTable))
			text = text || ce.text != ""
		}
		if !text && (c.kind == colNat || c.kind == colCar) {
			continue // a season without nationalities or car models
		}
		// A header is wrapped on words, on three lines at most.
		for _, word := range strings.Fields(c.head) {
			c.w = max(c.w, fs.width(word, bold, sizeTable))
		}
		c.w = max(c.w, fs.width(c.head, bold, sizeTable)/3) + 2*pad
		natural += c.w
		t.cols = append(t.cols, *c)
	}
	avail := pageW - 2*margin
	t.size = sizeTable
	if natural > avail {
		scale := avail / natural
		t.size = max(minSize, sizeTable*scale)
		for k := range t.cols {
			t.cols[k].w *= scale
		}
	} else {
		extra := avail - natural
		for k := range t.cols {
			if c := &t.cols[k]; c.kind == colRound && extra > 0 {
				add := min(extra, max(0, maxRoundW-c.w))
				c.w += add
				extra -= add
			}
		}
		for k := range t.cols {
			if c := &t.cols[k]; c.kind == colName || c.kind == colCar {
				c.w += extra / 2
			}
		}
	}
	t.rowH = mm(t.size) * 1.75
	lines := 1
	for k := range t.cols {
		c := &t.cols[k]
		c.headLines = wrap(fs, c.head, bold, t.size, c.w-2*pad+0.01)
		lines = max(lines, len(c.headLines))
	}
	t.headH = (float64(lines) + 0.6) * mm(t.size) * 1.3
}

// check returns the first text of the table no font can print, placed in
// the table, or nil.
func (t *table) check(fs *fonts) error {
	title := t.Title()
	if err := fs.check(title, "the title of "+title); err != nil {
		return err
	}
	for k := range t.cols {
		if err := fs.check(t.cols[k].head, title+", column "+t.cols[k].head); err != nil {
			return err
		}
	}
	for i := range t.Lines {
		for k := range t.cols {
			if err := fs.check(t.cell(i, &t.cols[k]).text, title+", row "+strconv.Itoa(i+1)+" ("+t.cols[k].head+")"); err != nil {
				return err
			}
		}
	}
	return nil
}

// groups splits the table's lines into the runs printed together on one
// page: competitors sharing a position (a crew), or one line.
func (t *table) groups() [][2]int {
	var out [][2]int
	for i := 0; i < len(t.Lines); {
		last := i
		if l, ok := t.last[spanKey{-1, i}]; ok && l > i {
			last = l
		}
		out = append(out, [2]int{i, last})
		i = last + 1
	}
	return out
}

// table draws a championship table: on the current page when it fits
// there whole, otherwise from a new page, its header repeated on each
// page it runs on.
func (d *doc) table(t *table) {
	p := d.pdf
	summary := present.TitleSummary(t.scored)
	top := titleHeight
	if summary != "" {
		top += lineHeight
	}
	whole := top + t.headH + float64(len(t.Lines))*t.rowH
	if p.PageNo() == 0 || p.GetY()+whole > footerTop-2 {
		p.AddPage()
		p.SetY(headerBottom)
	}
	y := p.GetY()
	d.fonts.text(margin, y+5, t.Title(), bold, 12)
	if summary != "" {
		d.fonts.text(margin, y+titleHeight+3.5, summary, italic, sizeText)
	}
	y = d.head(t, y+top)
	for _, g := range t.groups() {
		h := float64(g[1]-g[0]+1) * t.rowH
		if y+h > footerTop-2 {
			p.AddPage()
			d.fonts.text(margin, headerBottom+5, t.Title()+" (continued)", bold, 12)
			y = d.head(t, headerBottom+titleHeight)
		}
		for i := g[0]; i <= g[1]; i++ {
			d.row(t, i, y+float64(i-g[0])*t.rowH)
		}
		y += h
	}
	p.SetY(y + tableGap)
}

// head draws the table's header row at y and returns the y below it.
func (d *doc) head(t *table, y float64) float64 {
	p := d.pdf
	x := margin
	for k := range t.cols {
		c := &t.cols[k]
		p.SetFillColor(0xE4, 0xE4, 0xE4)
		p.SetDrawColor(0x80, 0x80, 0x80)
		p.SetLineWidth(0.15)
		p.Rect(x, y, c.w, t.headH, "FD")
		lines := c.headLines
		for n, h := range lines {
			cy := y + t.headH/2 + (float64(n)-float64(len(lines)-1)/2)*mm(t.size)*1.3
			d.cellText(x, cy, c.w, c.align, h, bold, t.size)
		}
		x += c.w
	}
	return y + t.headH
}

// row draws line i of the table at y; a cell shared with the lines below
// spans them, a cell shared with a line above is drawn there.
func (d *doc) row(t *table, i int, y float64) {
	p := d.pdf
	x := margin
	for k := range t.cols {
		c := &t.cols[k]
		span := -1 // the round a merged cell belongs to
		switch c.kind {
		case colPos, colPoints:
		case colRound:
			span = c.round
		default:
			span = -2 // never merged
		}
		h := t.rowH
		if span > -2 {
			if last, ok := t.last[spanKey{span, i}]; ok {
				if last < 0 {
					x += c.w
					continue
				}
				h = float64(last-i+1) * t.rowH
			}
		}
		ce := t.cell(i, c)
		p.SetDrawColor(0x80, 0x80, 0x80)
		p.SetLineWidth(0.15)
		if r, g, b, ok := rgb(ce.fill); ok {
			p.SetFillColor(r, g, b)
			p.Rect(x, y, c.w, h, "FD")
		} else {
			p.Rect(x, y, c.w, h, "D")
		}
		if r, g, b, ok := rgb(ce.font); ok {
			p.SetTextColor(r, g, b)
		}
		d.cellText(x, y+h/2, c.w, c.align, ce.text, ce.style, t.size)
		p.SetTextColor(0, 0, 0)
		x += c.w
	}
}

// cellText draws text in a cell of width w at x, centred on the line
// cy, aligned by align; a text too wide for the cell is made smaller to
// fit it, never cut.
func (d *doc) cellText(x, cy, w float64, align byte, text string, s style, size float64) {
	if text == "" {
		return
	}
	tw := d.fonts.width(text, s, size)
	if room := w - 2*pad; tw > room && room > 0 {
		size *= room / tw
		tw = room
	}
	switch align {
	case 'C':
		x += (w - tw) / 2
	case 'R':
		x += w - pad - tw
	default:
		x += pad
	}
	d.fonts.text(x, cy+mm(size)*0.35, text, s, size)
}

// rgb parses an RRGGBB colour.
func rgb(hex string) (r, g, b int, ok bool) {
	if len(hex) != 6 {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return int(v >> 16), int(v >> 8 & 0xFF), int(v & 0xFF), true
}
