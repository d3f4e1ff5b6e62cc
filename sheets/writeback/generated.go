package writeback

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// generatedProperty is the custom document property in which podium lists,
// by sheet ID, the sheets it generated. Sheet IDs survive renaming and
// moving, so the sheets are recognised next time even if renamed.
const generatedProperty = "podium generated sheets"

// markGenerated records the sheet IDs of the generated sheets.
func markGenerated(f *excelize.File, names []string) error {
	var ids []int
	for id, n := range f.GetSheetMap() {
		if slices.Contains(names, n) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids) // so that two runs write the same bytes
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = strconv.Itoa(id)
	}
	return f.SetCustomProps(excelize.CustomProperty{Name: generatedProperty, Value: strings.Join(list, ",")})
}
