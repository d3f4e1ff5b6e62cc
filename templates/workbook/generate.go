// Package workbook generates the season workbook organisers fill in: one
// sheet per sheet of the contract in package templates, with its headers,
// column widths, input messages and drop-downs, an Instructions sheet and a
// Lists sheet, styled and set up for printing.
//
// Everything that needs excelize to make the template lives here; the
// contract itself (sheet names, columns, aliases, help texts) stays in
// package templates, which the reader can import without excelize.
package workbook

import (
	"fmt"
	"io"
	"strconv"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
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
	// the contract's column order). Rows given for Season, Points or
	// Championships replace the pre-filled ones. Used to build sample
	// workbooks.
	Data map[string][][]any
	// V2 writes contract v2 (templates.V2): the Championships sheet,
	// pre-filled with the championships a workbook without it runs
	// (scoring.DefaultChampionships), the new columns of the other sheets
	// and the Ties shown as setting. Without it the workbook is a v1
	// workbook, as the samples are: a Championships sheet would make the
	// engine run exactly its rows.
	V2 bool
}

// listsClassRows is the number of rows of the Lists sheet's class list
// that the Class drop-downs offer.
const listsClassRows = 50

// Generate builds a season workbook from the contract. The caller closes the
// returned file.
func Generate(opts Options) (*excelize.File, error) {
	c := templates.V1()
	if opts.V2 {
		c = templates.V2()
	}
	g := generator{f: excelize.NewFile(), c: c, opts: opts}
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
	c    templates.Contract
	opts Options

	header, required, title, wrap, date int
	// choiceLists are the Lists sheet's ranges of drop-down values that
	// hold commas (see dropList), by the values joined.
	choiceLists map[string]string
}

func (g *generator) build() error {
	if err := g.styles(); err != nil {
		return err
	}
	// The new file's default sheet becomes the Instructions sheet.
	if err := g.f.SetSheetName("Sheet1", templates.SheetInstructions); err != nil {
		return err
	}
	for _, s := range g.c.Sheets {
		if _, err := g.f.NewSheet(s.Name); err != nil {
			return err
		}
	}
	if _, err := g.f.NewSheet(templates.SheetLists); err != nil {
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
		Description: "podium season workbook, contract v" + g.c.Version,
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
