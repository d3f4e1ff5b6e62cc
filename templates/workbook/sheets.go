package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// sheet writes one contract sheet: header, help, widths, drop-downs, rows.
func (g *generator) sheet(s templates.Sheet) error {
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
		if col.Kind == templates.Date {
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
func (g *generator) fill(s templates.Sheet) error {
	rows := g.opts.Data[s.Name]
	switch s.Name {
	case templates.SheetSeason:
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
			if lines := templates.WrappedLines(field.Help, seasonHelpWidth); lines > 1 {
				if err := g.f.SetRowHeight(s.Name, i+2, float64(lines)*lineHeight); err != nil {
					return err
				}
			}
			if len(field.Choices) > 0 {
				dv := excelize.NewDataValidation(true)
				dv.Sqref = cellName(2, i+2)
				if err := g.dropList(dv, field.Name, field.Choices); err != nil {
					return err
				}
				g.setError(dv, field.Name, choose(field.Choices))
				if err := g.f.AddDataValidation(s.Name, dv); err != nil {
					return err
				}
			}
		}
	case templates.SheetPoints:
		if rows == nil {
			rows = templates.DefaultPoints()
			if slices.Contains(s.SheetColumnNames(), templates.ColScheme) {
				// A v2 Points sheet shows a race scheme of its own.
				rows = append(rows, templates.SprintPoints()...)
			}
		}
	case templates.SheetChampionships:
		if rows == nil {
			rows = templates.ChampionshipRows(scoring.DefaultChampionships())
		}
	case templates.SheetCalendar:
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
		case templates.FieldSeries:
			v = g.opts.Series
		case templates.FieldSeason:
			v = g.opts.Season
		}
		rows = append(rows, []any{field.Name, v})
	}
	return rows
}

// validation adds the header's input message and the column's drop-down.
func (g *generator) validation(s templates.Sheet, col int, c templates.Column) error {
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
	if s.Name == templates.SheetSeason {
		return nil // per-row drop-downs, see fill
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cellName(col, 2) + ":" + cellName(col, 1+s.Rows)
	dv.SetInput(c.Name, help)
	switch c.Kind {
	case templates.ClassName:
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", templates.SheetLists, 1+listsClassRows))
		g.setError(dv, c.Name, "This class is not in the class list of the Lists sheet. Add it there first.")
	case templates.StatusCode:
		codes := make([]string, 0, 8)
		for _, st := range scoring.Statuses() {
			codes = append(codes, string(st))
		}
		if err := dv.SetDropList(codes); err != nil {
			return err
		}
		g.setError(dv, c.Name, "Leave blank when classified, otherwise one of "+strings.Join(codes, ", ")+".")
	case templates.Yes:
		values := []string{"Y"}
		if len(c.Choices) > 0 {
			values = c.Choices
		}
		if err := dv.SetDropList(values); err != nil {
			return err
		}
		g.setError(dv, c.Name, "Type "+values[0]+" or leave blank.")
	case templates.Choice, templates.CountedRule, templates.RequiresRule:
		if err := g.dropList(dv, c.Name, c.Choices); err != nil {
			return err
		}
		msg := choose(c.Choices)
		switch c.Kind {
		case templates.CountedRule:
			msg = "Type All, a number of cars or Nominated."
		case templates.RequiresRule:
			msg = "Type classified, started, any or top N (e.g. top 10), or leave blank for the award's default."
		}
		g.setError(dv, c.Name, msg)
	case templates.CarNumber:
		entries, _ := g.c.Sheet(templates.SheetEntries)
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", templates.SheetEntries, 1+entries.Rows))
		g.setError(dv, c.Name, "This car number is not in the Entries sheet.")
	case templates.RoundNumber:
		cal, _ := g.c.Sheet(templates.SheetCalendar)
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$2:$A$%d", templates.SheetCalendar, 1+cal.Rows))
		g.setError(dv, c.Name, "This round is not in the Calendar.")
	}
	return g.f.AddDataValidation(s.Name, dv)
}

// dropList offers choices in the drop-down dv. A list of values that
// hold a comma ("1, 1, 2") cannot be written in the validation itself,
// which separates values by commas: it is written once in a column of the
// Lists sheet, right of the status codes, and referred to.
func (g *generator) dropList(dv *excelize.DataValidation, name string, choices []string) error {
	if !slices.ContainsFunc(choices, func(c string) bool { return strings.Contains(c, ",") }) {
		return dv.SetDropList(choices)
	}
	key := strings.Join(choices, "\n")
	if ref, ok := g.choiceLists[key]; ok {
		dv.SetSqrefDropList(ref)
		return nil
	}
	col := choiceListsColumn + len(g.choiceLists)
	cells := append([]any{name}, toAny(choices)...)
	for i, v := range cells {
		if err := g.f.SetCellValue(templates.SheetLists, cellName(col, i+1), v); err != nil {
			return err
		}
	}
	if err := g.f.SetCellStyle(templates.SheetLists, cellName(col, 1), cellName(col, 1), g.header); err != nil {
		return err
	}
	letter := scoring.ColumnName(col)
	if err := g.f.SetColWidth(templates.SheetLists, letter, letter, 34); err != nil {
		return err
	}
	ref := fmt.Sprintf("%s!$%s$2:$%s$%d", templates.SheetLists, letter, letter, 1+len(choices))
	if g.choiceLists == nil {
		g.choiceLists = map[string]string{}
	}
	g.choiceLists[key] = ref
	dv.SetSqrefDropList(ref)
	return nil
}

// choiceListsColumn is the Lists sheet's first column of drop-down values
// (column F: classes, a gap, status codes and their meaning come first).
const choiceListsColumn = 6

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// choose is the message of a drop-down's warning: "Choose A, B or C.",
// or, when the values hold commas, "Choose a value from the list.".
func choose(choices []string) string {
	if len(choices) < 2 || slices.ContainsFunc(choices, func(c string) bool { return strings.Contains(c, ",") }) {
		return "Choose a value from the list."
	}
	return "Choose " + strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1] + "."
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
	if err := f.SetSheetRow(templates.SheetLists, "A1", &head); err != nil {
		return err
	}
	if err := f.SetCellStyle(templates.SheetLists, "A1", "D1", g.header); err != nil {
		return err
	}
	for i, c := range classes {
		if err := f.SetCellStr(templates.SheetLists, cellName(1, i+2), c); err != nil {
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
		if err := f.SetSheetRow(templates.SheetLists, cellName(3, i+2), &row); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(templates.SheetLists, "A", "A", 14); err != nil {
		return err
	}
	if err := f.SetColWidth(templates.SheetLists, "B", "B", 3); err != nil {
		return err
	}
	if err := f.SetColWidth(templates.SheetLists, "D", "D", 60); err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "A1"
	dv.SetInput("Classes", "Your series' classes, one per row (up to "+strconv.Itoa(listsClassRows)+"): the Class drop-downs offer them and podium validate checks the Entries against them.")
	if err := f.AddDataValidation(templates.SheetLists, dv); err != nil {
		return err
	}
	return f.SetPanes(templates.SheetLists, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
