package standings

import (
	"bytes"
	"io"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/xuri/excelize/v2"
)

// standaloneProperty marks a standalone standings workbook, so that podium
// may overwrite it next time but never another workbook.
const standaloneProperty = "podium standings"

func newPublisher(f *excelize.File, season *scoring.Season, st *scoring.Standings, opts PublishOptions) *publisher {
	p := &publisher{f: f, season: season, st: st, opts: opts, styles: map[cellStyle]int{}, taken: map[string]bool{}, splices: ooxml.NewRowSplices()}
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
	return ooxml.WriteStable(f, w, p.splices)
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
