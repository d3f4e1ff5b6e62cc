package standings

import (
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/xuri/excelize/v2"
)

// Sheets is the write-back step that writes the standings sheets into a
// season workbook (see writeback.WriteGenerated): the workbook's own sheet
// names are reserved, so that no standings sheet takes one.
func Sheets(season *scoring.Season, st *scoring.Standings, opts PublishOptions) writeback.Generate {
	return func(f *excelize.File) ([]string, *ooxml.RowSplices, error) {
		opts.Reserved = append(opts.Reserved, f.GetSheetList()...)
		p := newPublisher(f, season, st, opts)
		if err := p.publish(); err != nil {
			return nil, nil, err
		}
		return p.written, p.splices, nil
	}
}

// WriteBack writes standings sheets into the organiser's workbook at path,
// replacing the ones podium generated before and leaving everything else as
// it was. It checks the result before replacing the file: if anything of the
// organiser's would be lost, the workbook stays untouched and the error
// names what. The previous version is kept as ooxml.BackupPath(path).
// Standings scored from an earlier read of the file are written with
// WriteBackSnapshot, which refuses when the file changed since.
func WriteBack(path string, season *scoring.Season, st *scoring.Standings, opts PublishOptions, limits ooxml.Limits) (*writeback.WriteBackReport, error) {
	if limits == (ooxml.Limits{}) {
		limits = ooxml.DefaultLimits()
	}
	snap, err := writeback.ReadSnapshot(path, limits)
	if err != nil {
		return nil, err
	}
	return WriteBackSnapshot(snap, season, st, opts, limits)
}

// WriteBackSnapshot is WriteBack into the workbook the snapshot was read
// from, with the standings scored from it: if the file no longer holds the
// snapshot's bytes (saved meanwhile), nothing is written and the error
// wraps ooxml.ErrChanged.
func WriteBackSnapshot(snap *writeback.Snapshot, season *scoring.Season, st *scoring.Standings, opts PublishOptions, limits ooxml.Limits) (*writeback.WriteBackReport, error) {
	return writeback.WriteGenerated(snap, Sheets(season, st, opts), limits)
}
