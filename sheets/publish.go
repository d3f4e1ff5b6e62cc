package sheets

import (
	"bytes"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/xuri/excelize/v2"
)

// generatedProperty is the custom document property in which podium lists,
// by sheet ID, the sheets it generated. Sheet IDs survive renaming and
// moving, so the sheets are recognised next time even if renamed.
const generatedProperty = "podium generated sheets"

// standaloneProperty marks a standalone standings workbook, so that podium
// may overwrite it next time but never another workbook.
const standaloneProperty = "podium standings"

func newPublisher(f *excelize.File, season *scoring.Season, st *scoring.Standings, opts PublishOptions) *publisher {
	p := &publisher{f: f, season: season, st: st, opts: opts, styles: map[cellStyle]int{}, taken: map[string]bool{}, splices: newRowSplices()}
	for _, name := range opts.Reserved {
		p.taken[foldSheetName(name)] = true
	}
	return p
}

// WriteStandingsWorkbook writes a standalone standings workbook — the one
// that gets emailed: no input sheets, only the standings. The organiser's
// diagnostics (opts.Warnings) stay out: they name cells of the season
// workbook, which its reader does not have.
func WriteStandingsWorkbook(w io.Writer, season *scoring.Season, st *scoring.Standings, opts PublishOptions) error {
	opts.Warnings = nil
	f := excelize.NewFile()
	defer f.Close()
	p := newPublisher(f, season, st, opts)
	// The first standings sheet takes over the new file's Sheet1: deleting
	// it afterwards would make excelize load and rewrite every sheet.
	p.placeholder = "Sheet1"
	if err := p.publish(); err != nil {
		return err
	}
	date := opts.Generated.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "podium",
		Title:       strings.TrimSpace(season.Series + " " + season.Name + " standings"),
		Description: present.AfterRound(st),
		Created:     date,
		Modified:    date,
	}); err != nil {
		return err
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: standaloneProperty, Value: "standalone"}); err != nil {
		return err
	}
	return writeStable(f, w, p.splices)
}

// stableBytes writes the workbook so that the same input gives the same
// bytes: excelize adds picture content types from a map and writes
// streamed sheets from a sync.Map, both in a different order each run. The
// content types are sorted, and parallelZip writes the package's parts in
// name order (deflating them on every core).
func stableBytes(f *excelize.File, splices *rowSplices) ([]byte, error) {
	var buf bytes.Buffer
	if err := writeStable(f, &buf, splices); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// writeStable writes the workbook to w as stableBytes does, with the rows
// of splices (nil when none) in their sheets.
func writeStable(f *excelize.File, w io.Writer, splices *rowSplices) error {
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

// IsStandingsWorkbook reports whether data is a standalone standings
// workbook written by podium (which podium may replace).
func IsStandingsWorkbook(data []byte) bool {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return false
	}
	defer f.Close()
	props, err := f.GetCustomProps()
	if err != nil {
		return false
	}
	for _, p := range props {
		if p.Name == standaloneProperty {
			return true
		}
	}
	return false
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
