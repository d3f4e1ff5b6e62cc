package sheets

import "sync/atomic"

// Progress counts the work of a long run, for a progress line. It is safe
// for concurrent use; a nil *Progress counts nothing.
type Progress struct {
	rows, sheets atomic.Int64
}

// RowsRead is the number of sheet rows read so far.
func (p *Progress) RowsRead() int64 { return p.rows.Load() }

// SheetsWritten is the number of standings sheets written so far.
func (p *Progress) SheetsWritten() int64 { return p.sheets.Load() }

func (p *Progress) addRow() {
	if p != nil {
		p.rows.Add(1)
	}
}

// AddSheet counts a standings sheet written.
func (p *Progress) AddSheet() {
	if p != nil {
		p.sheets.Add(1)
	}
}
