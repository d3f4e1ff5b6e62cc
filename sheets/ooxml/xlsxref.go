package ooxml

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// CellName returns the A1 reference of a cell by its column and row,
// 1-based: "B3".
func CellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// QuoteSheet quotes a sheet name for a formula reference: 'LMP2 Teams'.
func QuoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
