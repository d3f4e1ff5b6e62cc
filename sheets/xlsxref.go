package sheets

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// a1 returns the A1 reference of a cell.
func a1(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// CellName returns the A1 reference of a cell by its column and row,
// 1-based: "B3".
func CellName(col, row int) string { return a1(col, row) }

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// QuoteSheet quotes a sheet name for a formula reference: 'LMP2 Teams'.
func QuoteSheet(name string) string { return quoteSheet(name) }
