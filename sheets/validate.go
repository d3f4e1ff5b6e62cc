package sheets

import (
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
)

// source says how the season s was read from the contract tables, so that
// scoring.Check reports nothing the reader reported already (the cells in
// invalid, the rows it could not read, the sheets missing) and places a
// problem of a whole sheet on that sheet.
func (w *Workbook) source(s *scoring.Season, tables map[string]*table, invalid map[scoring.Ref]bool) scoring.Source {
	return scoring.Source{
		Calendar:    part(tables[templates.SheetCalendar], len(s.Rounds)),
		Points:      part(tables[templates.SheetPoints], len(s.Points)),
		Entries:     part(tables[templates.SheetEntries], len(s.Entries)),
		Results:     part(tables[templates.SheetResults], len(s.Results)),
		BestResults: settingRef(tables[templates.SheetSeason], templates.FieldBestResults),
		Unreadable:  invalid,
		ClassList:   w.listedClasses(),
	}
}

// part describes the table t a part of the season was read from, which gave
// records records; t is nil when the workbook lacks the sheet.
func part(t *table, records int) scoring.Part {
	if t == nil {
		return scoring.Part{Missing: true}
	}
	p := scoring.Part{Ref: scoring.Ref{File: t.file, Sheet: t.name, Row: t.header}, Skipped: len(t.rows) - records}
	for _, c := range t.def.Columns {
		if !t.has(c.Name) {
			p.Lacks = append(p.Lacks, c.Name)
		}
	}
	return p
}

// settingRef returns the value cell of the last row of the Season table t
// naming the setting field, the Season sheet when no row names it, or no
// place when the workbook has no Season sheet.
func settingRef(t *table, field string) scoring.Ref {
	if t == nil {
		return scoring.Ref{}
	}
	ref := scoring.Ref{File: t.file, Sheet: t.name}
	for _, r := range t.rows {
		if f, ok := templates.V1().Field(t.value(r, templates.ColField)); ok && f.Name == field {
			ref = t.origin(r).At(templates.ColValue)
		}
	}
	return ref
}
