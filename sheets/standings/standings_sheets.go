package standings

import (
	"fmt"
	"math"
	"strconv"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// header writes a styled header row and column widths (none when widths
// is nil: the sheet has them already).
func (p *publisher) header(name string, row int, cols []string, widths []float64) error {
	headStyle, err := p.style(cellStyle{header: true, wrap: true, border: true})
	if err != nil {
		return err
	}
	for i, h := range cols {
		if err := p.f.SetCellValue(name, ooxml.CellName(i+1, row), h); err != nil {
			return err
		}
	}
	// One range per run of columns of the same width: excelize copies
	// every column set before on each call (a Progression's 40 rounds
	// set one by one cost 40 copies of up to 40 columns), and writes
	// adjacent columns of one width as one range either way.
	for i := 0; i < len(widths); {
		j := i + 1
		for j < len(widths) && widths[j] == widths[i] {
			j++
		}
		if err := p.f.SetColWidth(name, scoring.ColumnName(i+1), scoring.ColumnName(j), widths[i]); err != nil {
			return err
		}
		i = j
	}
	return p.f.SetCellStyle(name, ooxml.CellName(1, row), ooxml.CellName(len(cols), row), headStyle)
}

// winners writes each round's winners per classification, like the
// article's results table.
func (p *publisher) winners(order []*scoring.Classification) error {
	name, err := p.newSheet("", "Winners", "Winners")
	if err != nil {
		return err
	}
	cols := []string{"Round", "Code", "Race", "Circuit", "Date", "Class", "No.", "Team", "Drivers"}
	if err := p.header(name, 1, cols, []float64{7, 7, 26, 30, 14, 10, 6, 30, 60}); err != nil {
		return err
	}
	dateStyle, err := p.style(cellStyle{numFmt: "d mmm yyyy", align: "left"})
	if err != nil {
		return err
	}
	row := 2
	crews := make([]present.CrewTable, len(order))
	for k, c := range order {
		crews[k] = present.NewCrewTable(c, len(p.st.Rounds))
	}
	for i, r := range p.st.Rounds {
		for ci, c := range order {
			values := []any{r.Number, r.Code, r.Name, r.Circuit, nil, c.Name, nil, "No finishers", nil}
			if !r.Date.IsZero() {
				values[4] = r.Date
			}
			// The best-placed championship entry: an invited entry that
			// finished ahead has no line of its own.
			var best *scoring.Line
			for j := range c.Teams {
				if p := c.Teams[j].Rounds[i].Pos; p > 0 && (best == nil || p < best.Rounds[i].Pos) {
					best = &c.Teams[j]
				}
			}
			if best != nil {
				values[6], values[7] = best.No, best.Team
				values[8] = string(crews[ci].AppendCrew(nil, best.No, i))
			}
			if err := p.f.SetSheetRow(name, ooxml.CellName(1, row), &values); err != nil {
				return err
			}
			if err := p.f.SetCellStyle(name, ooxml.CellName(5, row), ooxml.CellName(5, row), dateStyle); err != nil {
				return err
			}
			row++
		}
	}
	if err := p.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := p.printTitles(name, 1); err != nil {
		return err
	}
	return p.autoFilter(name, "A1:"+ooxml.CellName(len(cols), max(row-1, 2)))
}

// lineColours are the Progression charts' line colours, one per leading
// competitor (the first ten of the spreadsheet applications' own palette),
// written into each chart so that it does not depend on the host
// workbook's theme.
var lineColours = [...]string{"4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"}

// BreakdownRowsLimit is the longest Breakdown the standings workbook
// carries unless PublishOptions.FullBreakdown asks for it whole: 50,000
// rows, a season of some 500 cars × 25 rounds. A 30-car season has a
// thousand or two. Beyond it the sheet says where the breakdown is — the
// press pack's breakdown.csv, which always holds it whole — instead
// of 400,000 rows (at 100,000 results) that nobody scrolls, which cost more
// to write and compress than all the other sheets together.
const BreakdownRowsLimit = 50_000

// breakdownValues returns a breakdown row's cells, appended to dst[:0]:
// texts as strings, numbers as present.Points returns them, blanks (zero
// points, empty texts) as nil, so that the sheet reads like a scoring
// sheet.
func breakdownValues(dst []any, r *present.BreakdownRow, awards []scoring.AwardKind) []any {
	var dropped, result, explanation any
	if r.Dropped {
		dropped = "yes"
	}
	if r.Present {
		result = string(r.Result)
	}
	if len(r.Why) > 0 {
		explanation = string(r.Why)
	}
	var pos any
	if r.Pos > 0 {
		pos = r.Pos
	}
	dst = append(dst[:0], r.Class, r.Championship, pos, r.Who, r.No, r.Round, result,
		present.NonZero(r.Position), present.NonZero(r.Other), present.NonZero(r.Pole), present.NonZero(r.Fastest))
	for _, a := range awards {
		dst = append(dst, present.NonZero(r.Award(a)))
	}
	return append(dst, present.Points(r.Factor), present.NonZero(r.Penalty), dropped, present.Points(r.Counted), explanation)
}

// breakdown writes the audit trail: one row per table (classification and
// championship), competitor and round, with where the points came from.
// It can be long, so it is streamed; beyond BreakdownRowsLimit rows (and
// without FullBreakdown) the sheet only says where to find it.
func (p *publisher) breakdown(tables []present.Table) error {
	name, err := p.newSheet("", "Breakdown", "Points breakdown")
	if err != nil {
		return err
	}
	rows := present.BreakdownRows(tables)
	if rows > BreakdownRowsLimit && !p.opts.FullBreakdown {
		return p.breakdownNote(name, rows)
	}
	awards := present.BreakdownAwards(p.season)
	widths := []float64{14, 13, 5, 30, 7, 7, 8, 9, 7, 6, 8}
	for range awards {
		widths = append(widths, 8)
	}
	widths = append(widths, 7, 8, 8, 7, 70)
	sw, err := p.listSheet(name, present.BreakdownColumns(awards), widths, rows)
	if err != nil {
		return err
	}
	row := 2
	var values []any // reused: SetRow writes the row out before it returns
	err = present.EachBreakdownRow(tables, func(r *present.BreakdownRow) error {
		values = breakdownValues(values, r, awards)
		if err := p.styledPoints(values); err != nil {
			return err
		}
		err := sw.SetRow(ooxml.CellName(1, row), values)
		row++
		return err
	})
	if err != nil {
		return err
	}
	return sw.Flush()
}

// breakdownNote fills the Breakdown sheet of a season whose breakdown is
// too long for it: what it would hold, and where it is.
func (p *publisher) breakdownNote(name string, rows int) error {
	titleStyle, err := p.style(cellStyle{title: true})
	if err != nil {
		return err
	}
	lines := []string{
		"Points breakdown",
		fmt.Sprintf("This season's breakdown has %s rows (one per classification, championship, competitor and round), more than the %s a sheet carries.", thousands(rows), thousands(BreakdownRowsLimit)),
		"The whole breakdown is in breakdown.csv of the press pack: podium score SEASON --csv DIR.",
		"To have it in this sheet however long, score with --breakdown.",
	}
	for i, l := range lines {
		if err := p.f.SetCellValue(name, ooxml.CellName(1, i+1), l); err != nil {
			return err
		}
	}
	if err := p.f.SetCellStyle(name, "A1", "A1", titleStyle); err != nil {
		return err
	}
	return p.f.SetColWidth(name, "A", "A", 120)
}

// thousands writes n with thousands separators: 400,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// progressionLeaders is how many leading competitors a progression chart
// shows.
const progressionLeaders = 10

// progression writes the points after each round of the leading
// competitors of each of pr's charts (a classification's teams and
// drivers, or a championship's), each with a line chart.
func (p *publisher) progression(pr present.Progression) error {
	name, err := p.newSheet(pr.Name, "Progression", pr.Title)
	if err != nil {
		return err
	}
	if len(p.st.Rounds) == 0 {
		return nil
	}
	titleStyle, err := p.style(cellStyle{title: true})
	if err != nil {
		return err
	}
	// Races of one meeting are headed by it, in a row above the rounds'
	// headers (none in a season without meetings).
	meetings := present.Meetings(p.st.Rounds)
	cols, allWidths, meetingHeight, headHeight := progressionHeaders(p.st.Rounds, meetings)
	row := 1
	for i, champ := range pr.Charts {
		lines := champ.Series[:min(len(champ.Series), progressionLeaders)]
		if i > 0 { // each table and chart after the first prints on a page of its own
			if err := p.f.InsertPageBreak(name, ooxml.CellName(1, row)); err != nil {
				return err
			}
		}
		if err := p.f.SetCellValue(name, ooxml.CellName(1, row), champ.Title); err != nil {
			return err
		}
		if err := p.f.SetCellStyle(name, ooxml.CellName(1, row), ooxml.CellName(1, row), titleStyle); err != nil {
			return err
		}
		headRow := row + 1
		if meetings != nil {
			if err := p.meetingRow(name, headRow, meetings); err != nil {
				return err
			}
			if err := p.tallRow(name, headRow, meetingHeight); err != nil {
				return err
			}
			headRow++
		}
		widths := allWidths
		if i > 0 {
			// The same widths as the table above: setting them
			// again changes nothing and costs a pass over every column
			// per column.
			widths = nil
		}
		if err := p.header(name, headRow, cols, widths); err != nil {
			return err
		}
		if err := p.tallRow(name, headRow, headHeight); err != nil {
			return err
		}
		for i, l := range lines {
			if err := p.progressionRow(name, headRow+1+i, l); err != nil {
				return err
			}
		}
		if len(lines) > 0 {
			q := ooxml.QuoteSheet(name)
			last := scoring.ColumnName(len(cols))
			chart := &excelize.Chart{
				Type:      excelize.Line,
				Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: champ.Title}}},
				Legend:    excelize.ChartLegend{Position: "right"},
				Dimension: excelize.ChartDimension{Width: 720, Height: 360},
				YAxis:     excelize.ChartAxis{MajorGridLines: true},
			}
			for i := range lines {
				r := headRow + 1 + i
				chart.Series = append(chart.Series, excelize.ChartSeries{
					Name:       fmt.Sprintf("%s!$A$%d", q, r),
					Categories: fmt.Sprintf("%s!$B$%d:$%s$%d", q, headRow, last, headRow),
					Values:     fmt.Sprintf("%s!$B$%d:$%s$%d", q, r, last, r),
					// Colours of their own: a line left to the theme's
					// accents is invisible in a workbook without a theme
					// (LibreOffice saves none).
					Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lineColours[i%len(lineColours)]}},
					Marker: excelize.ChartMarker{Symbol: "circle", Size: 5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lineColours[i%len(lineColours)]}}},
				})
			}
			if err := p.f.AddChart(name, ooxml.CellName(len(cols)+2, row), chart); err != nil {
				return err
			}
		}
		row = headRow + max(len(lines), 1) + 1
		row = max(row, headRow+20) // leave room for the chart
	}
	return nil
}

// meetingRow writes, in row of a progression sheet, the name of each
// meeting over the columns of its races (the round columns start at B),
// merged across them.
func (p *publisher) meetingRow(name string, row int, meetings []present.MeetingSpan) error {
	headStyle, err := p.style(cellStyle{header: true, wrap: true, border: true, align: "center"})
	if err != nil {
		return err
	}
	for _, span := range meetings {
		from, to := ooxml.CellName(2+span.First, row), ooxml.CellName(2+span.Last, row)
		if err := p.f.SetCellValue(name, from, span.Title); err != nil {
			return err
		}
		if err := p.f.SetCellStyle(name, from, to, headStyle); err != nil {
			return err
		}
		if span.Last > span.First {
			if err := p.f.MergeCell(name, from, to); err != nil {
				return err
			}
		}
	}
	return nil
}

// progressionRow writes a competitor's row of a Progression sheet: its
// name, then its points after each round. The points are written as
// excelize writes numbers set one by one into a sheet it holds in memory
// (<c r="B3"><v>12.5</v></c>), in place of one placeholder cell
// (RowSplices.AddCells): set one by one, 40 rounds of 10 competitors in
// 80 Progression sheets cost excelize a sheet lookup and a cell
// preparation each, a tenth of the whole run on a large season.
func (p *publisher) progressionRow(name string, row int, l present.Series) error {
	if err := p.f.SetCellValue(name, ooxml.CellName(1, row), l.Name); err != nil {
		return err
	}
	if len(l.Progression) == 0 {
		return nil
	}
	if p.cellByCell {
		return p.progressionValues(name, row, l)
	}
	var cells []byte
	for j, v := range l.Progression {
		id, err := p.pointsStyle(present.Points(v), cellStyle{}, 0)
		if err != nil {
			return err
		}
		cells = append(cells, `<c r="`...)
		cells = appendCellName(cells, j+2, row)
		if id != 0 { // a number format of its own (pointsFormat)
			cells = append(cells, `" s="`...)
			cells = strconv.AppendInt(cells, int64(id), 10)
		}
		cells = append(cells, `"><v>`...)
		switch n := present.Points(v).(type) {
		case int64:
			cells = strconv.AppendInt(cells, n, 10)
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) { // a text to excelize
				return p.progressionValues(name, row, l)
			}
			cells = strconv.AppendFloat(cells, n, 'f', -1, 64)
		}
		cells = append(cells, `</v></c>`...)
	}
	marker, err := p.splices.AddCells(cells)
	if err != nil {
		return err
	}
	return p.f.SetCellValue(name, ooxml.CellName(2, row), marker)
}

// progressionValues sets a competitor's points after each round one by
// one, each in the number format its points need (pointsFormat).
func (p *publisher) progressionValues(name string, row int, l present.Series) error {
	for j, v := range l.Progression {
		cell := ooxml.CellName(j+2, row)
		if err := p.f.SetCellValue(name, cell, present.Points(v)); err != nil {
			return err
		}
		id, err := p.pointsStyle(present.Points(v), cellStyle{}, 0)
		if err != nil {
			return err
		}
		if id != 0 {
			if err := p.f.SetCellStyle(name, cell, cell, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// listSheet starts streaming a list of rows rows under a header row of
// cols: columns as wide as widths, the header frozen, filtered and printed
// on every page. The filter and the print titles are set before streaming
// (set after, excelize would parse the whole sheet back).
func (p *publisher) listSheet(name string, cols []string, widths []float64, rows int) (*excelize.StreamWriter, error) {
	if err := p.autoFilter(name, "A1:"+ooxml.CellName(len(cols), max(rows+1, 2))); err != nil {
		return nil, err
	}
	if err := p.printTitles(name, 1); err != nil {
		return nil, err
	}
	sw, err := p.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	headStyle, err := p.style(cellStyle{header: true, wrap: true, border: true})
	if err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: headStyle, Value: c}
	}
	return sw, sw.SetRow("A1", head)
}

// issues lists the warnings podium found, so that they travel with the
// standings: one row each, in the order of the list, with its kind (the
// code the terminal groups them by), so that the sheet's filter shows one
// kind. A season can have tens of thousands, so the sheet is streamed.
func (p *publisher) issues() error {
	name, err := p.newSheet("", "Issues", "Issues found by podium")
	if err != nil {
		return err
	}
	cols := []string{"Severity", "Kind", "Place", "Problem", "Suggestion"}
	widths := []float64{10, 18, 16, 90, 60}
	sw, err := p.listSheet(name, cols, widths, len(p.opts.Warnings))
	if err != nil {
		return err
	}
	// Long problems and suggestions wrap in their columns, in rows as tall
	// as their lines, so that they print whole.
	wrap, err := p.style(cellStyle{wrap: true})
	if err != nil {
		return err
	}
	row := make([]any, len(cols))
	for i, d := range p.opts.Warnings {
		for j, v := range []string{d.Severity.String(), d.Code, d.Ref.String(), d.Message, d.Hint} {
			var value any
			if v != "" {
				value = v
			}
			row[j] = excelize.Cell{StyleID: wrap, Value: value}
		}
		var opts []excelize.RowOpts
		if lines := max(templates.WrappedLines(d.Message, widths[3]), templates.WrappedLines(d.Hint, widths[4])); lines > 1 {
			opts = append(opts, excelize.RowOpts{Height: float64(lines) * rowHeight})
		}
		if err := sw.SetRow(ooxml.CellName(1, i+2), row, opts...); err != nil {
			return err
		}
	}
	return sw.Flush()
}
