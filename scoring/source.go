package scoring

// Source says how a season was read, so that Check reports nothing the
// reader reported already and places a problem of a whole part on its
// sheet. The zero value describes a season built in code: every part
// present with all its columns, nothing reported yet.
type Source struct {
	// Calendar, Points, Entries and Results say where those parts of the
	// season were read from.
	Calendar, Points, Entries, Results Part
	// BestResults is the place of the Best results setting (its value
	// cell, or the sheet of settings when the setting is not written).
	BestResults Ref
	// Unreadable holds the cells already reported as unreadable: a check
	// that would report such a cell again as blank, or the gap it leaves,
	// is skipped.
	Unreadable map[Ref]bool
	// ClassList is the list of classes and cups the workbook offers its
	// officials (the template's drop-down list), nil when it has none.
	ClassList []string
}

// Part says where one part of a season (its calendar, its entry list …)
// was read from.
type Part struct {
	// Ref is the part's sheet; its Row is the header row.
	Ref Ref
	// Missing is true when the workbook has no sheet for the part (a
	// problem reported already): the part's checks are skipped.
	Missing bool
	// Skipped counts the rows that gave no record because a required cell
	// was blank or unreadable (reported already).
	Skipped int
	// Lacks lists the optional columns the sheet does not have.
	Lacks []string
}

// sheet returns the reference of the whole sheet r is on.
func (r Ref) sheet() Ref { return Ref{File: r.File, Sheet: r.Sheet} }
