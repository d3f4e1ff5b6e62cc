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
	p := &publisher{f: f, season: season, st: st, opts: opts, styles: map[cellStyle]int{}, taken: map[string]bool{}}
	for _, name := range opts.Reserved {
		p.taken[strings.ToLower(name)] = true
	}
	return p
}

// WriteStandingsWorkbook writes a standalone standings workbook — the one
// that gets emailed: no input sheets, only the standings.
func WriteStandingsWorkbook(w io.Writer, season *scoring.Season, st *scoring.Standings, opts PublishOptions) error {
	f := excelize.NewFile()
	defer f.Close()
	p := newPublisher(f, season, st, opts)
	p.taken["sheet1"] = true
	if err := p.publish(); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	date := opts.Generated.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "podium",
		Title:       strings.TrimSpace(season.Series + " " + season.Name + " standings"),
		Description: afterRoundText(st),
		Created:     date,
		Modified:    date,
	}); err != nil {
		return err
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: standaloneProperty, Value: "standalone"}); err != nil {
		return err
	}
	stableContentTypes(f)
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

// generatedSheets returns the names of the sheets a previous run generated,
// found by the sheet IDs recorded in the workbook.
func generatedSheets(f *excelize.File) ([]string, error) {
	props, err := f.GetCustomProps()
	if err != nil {
		return nil, err
	}
	ids := map[int]bool{}
	for _, p := range props {
		if p.Name != generatedProperty {
			continue
		}
		for _, s := range strings.Split(p.Value.(string), ",") {
			if id, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				ids[id] = true
			}
		}
	}
	var names []string
	byID := f.GetSheetMap()
	for _, name := range f.GetSheetList() {
		for id, n := range byID {
			if n == name && ids[id] {
				names = append(names, name)
			}
		}
	}
	return names, nil
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
