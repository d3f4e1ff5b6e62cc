package sheets

import (
	"bytes"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// generatedProperty is the custom document property in which podium lists,
// by sheet ID, the sheets it generated. Sheet IDs survive renaming and
// moving, so the sheets are recognised next time even if renamed.
const generatedProperty = "podium generated sheets"

// stableBytes writes the workbook so that the same input gives the same
// bytes: excelize adds picture content types from a map and writes
// streamed sheets from a sync.Map, both in a different order each run. The
// content types are sorted, and parallelZip writes the package's parts in
// name order (deflating them on every core).
func stableBytes(f *excelize.File, splices *RowSplices) ([]byte, error) {
	var buf bytes.Buffer
	if err := WriteStable(f, &buf, splices); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// WriteStable writes the workbook to w as stableBytes does, with the rows
// of splices (nil when none) in their sheets.
func WriteStable(f *excelize.File, w io.Writer, splices *RowSplices) error {
	stableContentTypes(f)
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newParallelZip(w, splices) })
	_, err := f.WriteTo(w)
	return err
}

// stableContentTypes sorts the package's default content types: excelize
// adds the picture extensions from a map, in a different order each run,
// and the same input must give the same bytes.
func stableContentTypes(f *excelize.File) {
	if f.ContentTypes == nil {
		return
	}
	d := f.ContentTypes.Defaults
	sort.SliceStable(d, func(i, j int) bool { return d[i].Extension < d[j].Extension })
}

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
