package workbook

import (
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
)

// heading is the Instructions sheet's title.
func (g *generator) heading() string {
	if name := strings.TrimSpace(g.opts.Series + " " + g.opts.Season); name != "" {
		return name + " — season workbook"
	}
	return "Season workbook"
}

func (g *generator) instructions() error {
	f, sh := g.f, templates.SheetInstructions
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
			if lines := templates.WrappedLines(b, instructionsWidth); lines > 1 {
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
	lists := "Your series' classes (column A, one per row), offered in the Class drop-downs and checked by podium validate, and the status codes. The class list starts empty: type your classes there before filling in Entries."
	if _, ok := g.c.Sheet(templates.SheetChampionships); ok {
		lists += " Columns F on hold the values of the Tie-break and Ties shown as drop-downs."
	}
	lines = append(lines, struct {
		a, b  string
		style int
	}{templates.SheetLists, lists, g.wrap})
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
	for _, l := range [][2]string{{"Rounds", templates.RoundsSyntax}, {"Yes / no", templates.YesSyntax}} {
		if err := put(l[0], l[1], g.wrap); err != nil {
			return err
		}
	}
	if _, ok := g.c.Sheet(templates.SheetChampionships); ok {
		row++
		if err := put("Competitor", "Who a Championships row ranks, with an example row (Championship | Competitor | Class | Counted)", g.header); err != nil {
			return err
		}
		for _, l := range templates.CompetitorHelp() {
			if err := put(l[0], l[1], g.wrap); err != nil {
				return err
			}
		}
		row++
		if err := put("Race rule", "Races with their own rules, bonus awards and shared drives, with an example", g.header); err != nil {
			return err
		}
		for _, l := range templates.RaceRulesHelp() {
			if err := put(l[0], l[1], g.wrap); err != nil {
				return err
			}
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
