package templates

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
	"github.com/xuri/excelize/v2"
)

// Options configures a generated season workbook.
type Options struct {
	// Series and Season pre-fill the Season sheet.
	Series string
	Season string
	// Rounds pre-numbers that many Calendar rows (factor 1).
	Rounds int
	// Classes fills the class list behind the Class drop-downs; nil leaves
	// it empty for the organiser to fill in (validate checks Entries
	// against the list, so example classes of another series would only
	// be in the way).
	Classes []string
	// Data, when set, fills sheets with rows (keyed by sheet name, values in
	// the contract's column order). Rows given for Season or Points replace
	// the pre-filled ones. Used to build sample workbooks.
	Data map[string][][]any
}

// DefaultClasses returns example classes: those of the Asian Le Mans Series
// sample. A new template's class list starts empty.
func DefaultClasses() []string { return []string{"LMP2", "LMP2 Am", "LMP3", "GT", "GT Am"} }

// DefaultPoints returns the pre-filled points scheme: 25-18-15-12-10-8-6-4-2-1
// for the first ten, 0.5 for other classified finishers and 1 for pole.
func DefaultPoints() [][]any {
	rows := [][]any{}
	for i, p := range []int{25, 18, 15, 12, 10, 8, 6, 4, 2, 1} {
		rows = append(rows, []any{i + 1, p})
	}
	return append(rows, []any{"Other", 0.5}, []any{"Pole", 1})
}

// listsClassRows is the number of rows of the Lists sheet's class list
// that the Class drop-downs offer.
const listsClassRows = 50

// Generate builds a season workbook from the contract. The caller closes the
// returned file.
func Generate(opts Options) (*excelize.File, error) {
	g := generator{f: excelize.NewFile(), c: V1(), opts: opts}
	if err := g.build(); err != nil {
		g.f.Close()
		return nil, err
	}
	return g.f, nil
}

// Write generates a season workbook and writes it to w.
func Write(w io.Writer, opts Options) error {
	f, err := Generate(opts)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteTo(w)
	return err
}

type generator struct {
	f    *excelize.File
	c    Contract
	opts Options

	header, required, title, wrap, date int
}

func (g *generator) build() error {
	if err := g.styles(); err != nil {
		return err
	}
	// The new file's default sheet becomes the Instructions sheet.
	if err := g.f.SetSheetName("Sheet1", SheetInstructions); err != nil {
		return err
	}
	for _, s := range g.c.Sheets {
		if _, err := g.f.NewSheet(s.Name); err != nil {
			return err
		}
	}
	if _, err := g.f.NewSheet(SheetLists); err != nil {
		return err
	}
	if err := g.instructions(); err != nil {
		return fmt.Errorf("Instructions sheet: %w", err)
	}
	for _, s := range g.c.Sheets {
		if err := g.sheet(s); err != nil {
			return fmt.Errorf("%s sheet: %w", s.Name, err)
		}
	}
	if err := g.lists(); err != nil {
		return fmt.Errorf("Lists sheet: %w", err)
	}
	for _, name := range g.f.GetSheetList() {
		if err := g.printSetup(name); err != nil {
			return fmt.Errorf("%s sheet: %w", name, err)
		}
	}
	g.f.SetActiveSheet(0)
	return g.f.SetDocProps(&excelize.DocProperties{
		Creator:     "podium",
		Title:       "Season workbook",
		Description: "podium season workbook, contract v" + Version,
		Created:     "2000-01-01T00:00:00Z",
		Modified:    "2000-01-01T00:00:00Z",
	})
}

func (g *generator) styles() error {
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 2}}
	if g.header, err = g.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		Border:    border,
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return err
	}
	if g.required, err = g.f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "FFFFFF"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3864"}},
		Border:    border,
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return err
	}
	if g.title, err = g.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}}); err != nil {
		return err
	}
	if g.wrap, err = g.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return err
	}
	g.date, err = g.f.NewStyle(&excelize.Style{CustomNumFmt: ptr("d mmm yyyy")})
	return err
}

func ptr[T any](v T) *T { return &v }

// sheet writes one contract sheet: header, help, widths, drop-downs, rows.
func (g *generator) sheet(s Sheet) error {
	f := g.f
	last := len(s.Columns)
	for i, col := range s.Columns {
		cell := cellName(i+1, 1)
		if err := f.SetCellStr(s.Name, cell, col.Name); err != nil {
			return err
		}
		name := scoring.ColumnName(i + 1)
		if err := f.SetColWidth(s.Name, name, name, col.Width); err != nil {
			return err
		}
		if err := g.validation(s, i+1, col); err != nil {
			return err
		}
		// The column's number format first: it applies to every cell of
		// the column, the header too, which then gets its own style back.
		if col.Kind == Date {
			if err := f.SetColStyle(s.Name, name, g.date); err != nil {
				return err
			}
		}
		style := g.header
		if col.Required {
			style = g.required
		}
		if err := f.SetCellStyle(s.Name, cell, cell, style); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(s.Name, 1, 20); err != nil {
		return err
	}
	if err := f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := f.AutoFilter(s.Name, "A1:"+cellName(last, 1+s.Rows), nil); err != nil {
		return err
	}
	return g.fill(s)
}

// fill writes the sheet's pre-filled or sample rows.
func (g *generator) fill(s Sheet) error {
	rows := g.opts.Data[s.Name]
	switch s.Name {
	case SheetSeason:
		if rows == nil {
			rows = g.seasonRows()
		}
		// A third column explains each setting.
		if err := g.f.SetCellStr(s.Name, "C1", "Help"); err != nil {
			return err
		}
		if err := g.f.SetCellStyle(s.Name, "C1", "C1", g.header); err != nil {
			return err
		}
		if err := g.f.SetColWidth(s.Name, "C", "C", seasonHelpWidth); err != nil {
			return err
		}
		for i, field := range g.c.Fields {
			// The help wraps within its column, in a row as tall as its
			// lines (spreadsheets do not grow a row on open).
			if err := g.f.SetCellStr(s.Name, cellName(3, i+2), field.Help); err != nil {
				return err
			}
			if err := g.f.SetCellStyle(s.Name, cellName(1, i+2), cellName(3, i+2), g.wrap); err != nil {
				return err
			}
			if lines := WrappedLines(field.Help, seasonHelpWidth); lines > 1 {
				if err := g.f.SetRowHeight(s.Name, i+2, float64(lines)*lineHeight); err != nil {
					return err
				}
			}
			if len(field.Choices) > 0 {
				dv := excelize.NewDataValidation(true)
				dv.Sqref = cellName(2, i+2)
				if err := dv.SetDropList(field.Choices); err != nil {
					return err
				}
				g.setError(dv, field.Name, "Choose "+strings.Join(field.Choices, " or ")+".")
				if err := g.f.AddDataValidation(s.Name, dv); err != nil {
					return err
				}
			}
		}
	case SheetPoints:
		if rows == nil {
			rows = DefaultPoints()
		}
	case SheetCalendar:
		if rows == nil {
			for r := 1; r <= g.opts.Rounds; r++ {
				rows = append(rows, []any{r, nil, nil, nil, nil, nil, 1})
			}
		}
	}
	for r, row := range rows {
		if err := g.f.SetSheetRow(s.Name, cellName(1, r+2), &row); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) seasonRows() [][]any {
	rows := make([][]any, 0, len(g.c.Fields))
	for _, field := range g.c.Fields {
		v := field.Default
		switch field.Name {
		case FieldSeries:
			v = g.opts.Series
		case FieldSeason:
			v = g.opts.Season
		}
		rows = append(rows, []any{field.Name, v})
	}
	return rows
}

// validation adds the header's input message and the column's drop-down.
func (g *generator) validation(s Sheet, col int, c Column) error {
	help := c.Help
	if c.Required {
		help = "Required. " + help
	}
	head := excelize.NewDataValidation(true)
	head.Sqref = cellName(col, 1)
	head.SetInput(c.Name, help)
	if err := g.f.AddDataValidation(s.Name, head); err != nil {
		return err
	}
	if s.Name == SheetSeason {
		return nil // per-row drop-downs, see fill
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cellName(col, 2) + ":" + cellName(col, 1+s.Rows)
	dv.SetInput(c.Name, help)
	switch c.Kind {
	case ClassName:
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", SheetLists, 1+listsClassRows))
		g.setError(dv, c.Name, "This class is not in the class list of the Lists sheet. Add it there first.")
	case StatusCode:
		codes := make([]string, 0, 8)
		for _, st := range scoring.Statuses() {
			codes = append(codes, string(st))
		}
		if err := dv.SetDropList(codes); err != nil {
			return err
		}
		g.setError(dv, c.Name, "Leave blank when classified, otherwise one of "+strings.Join(codes, ", ")+".")
	case Yes:
		values := []string{"Y"}
		if c.Name == ColScores {
			values = []string{"N"}
		}
		if err := dv.SetDropList(values); err != nil {
			return err
		}
		g.setError(dv, c.Name, "Type "+values[0]+" or leave blank.")
	case CarNumber:
		entries, _ := g.c.Sheet(SheetEntries)
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", SheetEntries, 1+entries.Rows))
		g.setError(dv, c.Name, "This car number is not in the Entries sheet.")
	case RoundNumber:
		cal, _ := g.c.Sheet(SheetCalendar)
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", SheetCalendar, 1+cal.Rows))
		g.setError(dv, c.Name, "This round is not in the Calendar.")
	}
	return g.f.AddDataValidation(s.Name, dv)
}

// setError shows a warning (not a stop) when a value is not in the list, so
// an official can still type an accepted alias such as DNF.
func (g *generator) setError(dv *excelize.DataValidation, title, msg string) {
	dv.SetError(excelize.DataValidationErrorStyleWarning, title, msg)
}

func (g *generator) lists() error {
	f := g.f
	classes := g.opts.Classes
	head := []any{"Classes", nil, "Status", "Meaning"}
	if err := f.SetSheetRow(SheetLists, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetLists, "A1", "D1", g.header); err != nil {
		return err
	}
	for i, c := range classes {
		if err := f.SetCellStr(SheetLists, cellName(1, i+2), c); err != nil {
			return err
		}
	}
	statuses := append([]scoring.Status{scoring.Classified}, scoring.Statuses()...)
	for i, st := range statuses {
		code := string(st)
		if code == "" {
			code = "(blank)"
		}
		row := []any{code, scoring.StatusMeaning(st)}
		if err := f.SetSheetRow(SheetLists, cellName(3, i+2), &row); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(SheetLists, "A", "A", 14); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetLists, "B", "B", 3); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetLists, "D", "D", 60); err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "A1"
	dv.SetInput("Classes", "Your series' classes, one per row (up to "+strconv.Itoa(listsClassRows)+"): the Class drop-downs offer them and podium validate checks the Entries against them.")
	if err := f.AddDataValidation(SheetLists, dv); err != nil {
		return err
	}
	return f.SetPanes(SheetLists, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// heading is the Instructions sheet's title.
func (g *generator) heading() string {
	if name := strings.TrimSpace(g.opts.Series + " " + g.opts.Season); name != "" {
		return name + " — season workbook"
	}
	return "Season workbook"
}

func (g *generator) instructions() error {
	f, sh := g.f, SheetInstructions
	row := 1
	put := func(a, b string, style int) error {
		if err := f.SetCellStr(sh, cellName(1, row), a); err != nil {
			return err
		}
		if b != "" {
			if err := f.SetCellStr(sh, cellName(2, row), b); err != nil {
				return err
			}
			// Spreadsheets do not grow a row for wrapped text on open:
			// give it the height its lines need.
			if lines := WrappedLines(b, instructionsWidth); lines > 1 {
				if err := f.SetRowHeight(sh, row, float64(lines)*lineHeight); err != nil {
					return err
				}
			}
		}
		if style != 0 {
			if err := f.SetCellStyle(sh, cellName(1, row), cellName(2, row), style); err != nil {
				return err
			}
		}
		row++
		return nil
	}
	lines := []struct {
		a, b  string
		style int
	}{
		{g.heading(), "", g.title},
		{"", "Fill in one sheet per tab, then run:  podium validate THIS-FILE.xlsx  — it names every cell to fix.", g.wrap},
		{"", "Keep the header row of each sheet (you may move columns, add your own columns and sheets, or put a title above a table). Dark headers are required columns.", g.wrap},
		{"", "", 0},
		{"Sheet", "What it holds", g.header},
	}
	for _, s := range g.c.Sheets {
		var cols []string
		for _, c := range s.Columns {
			name := c.Name
			if c.Required {
				name += " (required)"
			}
			cols = append(cols, name)
		}
		opt := ""
		if !s.Required {
			opt = " Optional."
		}
		lines = append(lines, struct {
			a, b  string
			style int
		}{s.Name, s.Purpose + opt + "\nColumns: " + strings.Join(cols, ", ") + ".", g.wrap})
	}
	lines = append(lines, struct {
		a, b  string
		style int
	}{SheetLists, "Your series' classes (column A, one per row), offered in the Class drop-downs and checked by podium validate, and the status codes. The class list starts empty: type your classes there before filling in Entries.", g.wrap})
	for _, l := range lines {
		if err := put(l.a, l.b, l.style); err != nil {
			return err
		}
	}
	row++
	if err := put("Status", "Meaning", g.header); err != nil {
		return err
	}
	for _, st := range append([]scoring.Status{scoring.Classified}, scoring.Statuses()...) {
		code := string(st)
		if code == "" {
			code = "(blank)"
		}
		if err := put(code, scoring.StatusMeaning(st), g.wrap); err != nil {
			return err
		}
	}
	row++
	for _, l := range [][2]string{{"Rounds", RoundsSyntax}, {"Yes / no", YesSyntax}} {
		if err := put(l[0], l[1], g.wrap); err != nil {
			return err
		}
	}
	row++
	if err := put("Season setting", "Meaning", g.header); err != nil {
		return err
	}
	for _, field := range g.c.Fields {
		if err := put(field.Name, field.Help, g.wrap); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 24); err != nil {
		return err
	}
	return f.SetColWidth(sh, "B", "B", instructionsWidth)
}

// instructionsWidth is the width of the Instructions text column, in
// characters; lineHeight the height of one line of text, in points.
const (
	instructionsWidth = 100
	lineHeight        = 15
)

// seasonHelpWidth is the width of the Season sheet's Help column, in
// characters.
const seasonHelpWidth = 90

// WrappedLines estimates how many lines text takes when it wraps in a
// spreadsheet column width characters wide, breaking at spaces as Excel and
// LibreOffice do: the template's help rows and the standings' Issues rows
// are made that tall.
func WrappedLines(text string, width float64) int {
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		n, col := 1, 0
		for _, word := range strings.Fields(para) {
			w := utf8.RuneCountInString(word)
			switch {
			case col == 0:
				col = w
			case float64(col+1+w) > width*0.9: // proportional fonts run a little wider
				n++
				col = w
			default:
				col += 1 + w
			}
		}
		lines += n
	}
	return lines
}

// printSetup prints a sheet landscape, one page wide.
func (g *generator) printSetup(sheet string) error {
	if err := g.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	return g.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: ptr("landscape"),
		FitToWidth:  ptr(1),
		FitToHeight: ptr(0),
	})
}

func cellName(col, row int) string {
	return scoring.ColumnName(col) + strconv.Itoa(row)
}
