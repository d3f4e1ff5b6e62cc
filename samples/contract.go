package samples

import (
	"fmt"
	"slices"

	"github.com/podium-dev/podium/templates"
)

// byColumn puts rows, whose cells are in the order of the columns named,
// in the order of the sheet's columns in contract v2, as workbook.Options
// Data takes them: the samples say which column each value is for, and
// stay right when the contract adds a column before it. A row ends at its
// last value. A column that the contract does not have is refused where a
// row has a value in it.
func byColumn(sheet string, columns []string, rows [][]any) ([][]any, error) {
	s, ok := templates.V2().Sheet(sheet)
	if !ok {
		return nil, fmt.Errorf("contract v2 has no sheet %s", sheet)
	}
	at := make([]int, len(columns))
	for i, name := range columns {
		at[i] = slices.IndexFunc(s.Columns, func(c templates.Column) bool { return c.Name == name })
	}
	out := make([][]any, len(rows))
	for r, row := range rows {
		if len(row) > len(columns) {
			return nil, fmt.Errorf("%s row %d has %d cells for %d columns", sheet, r+1, len(row), len(columns))
		}
		width := 0
		for i, v := range row {
			if v == nil {
				continue
			}
			if at[i] < 0 {
				return nil, fmt.Errorf("%s row %d: the %s sheet of contract v2 has no column %s", sheet, r+1, sheet, columns[i])
			}
			width = max(width, at[i]+1)
		}
		out[r] = make([]any, width)
		for i, v := range row {
			if v != nil {
				out[r][at[i]] = v
			}
		}
	}
	return out, nil
}

// seasonRows gives the Season sheet's rows (Field, Value): one per setting
// of contract v2, in its order, with the value given (blank when none). A
// setting the contract does not have is refused.
func seasonRows(values map[string]any) ([][]any, error) {
	c := templates.V2()
	for name := range values {
		if f, ok := c.Field(name); !ok || f.Name != name {
			return nil, fmt.Errorf("contract v2 has no Season setting named %s", name)
		}
	}
	rows := make([][]any, len(c.Fields))
	for i, f := range c.Fields {
		rows[i] = []any{f.Name, values[f.Name]}
	}
	return rows, nil
}
