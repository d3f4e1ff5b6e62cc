package standings

import (
	"fmt"
	"math"
	"slices"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// How the generated sheets print: landscape, one page wide (scaled down to
// the paper's width, as many pages tall as needed), with the sheet's
// header rows repeated on every page, and page breaks placed so that a
// crew's merged rows and the colour key are never cut.

// Paper sizes, by their number in the file format.
const (
	paperLetter = 1
	paperA4     = 9
)

// paper is a sheet of paper in landscape, in points.
type paper struct {
	size          int
	width, height float64
}

// printPaper is the paper the generated sheets are set up for: A4, or
// Letter when the season's Paper size setting asks for it.
func (p *publisher) printPaper() paper {
	if p.season.Paper == scoring.Letter {
		return paper{size: paperLetter, width: 792, height: 612}
	}
	return paper{size: paperA4, width: 841.9, height: 595.3}
}

// Page margins, in inches: the body starts marginTop from the top edge, the
// page header sits marginHeader from it.
const (
	marginSide   = 0.5
	marginTop    = 0.75
	marginBottom = 0.75
	marginHeader = 0.3
)

// rowHeight is the height of a row without one of its own, in points.
const rowHeight = 15

// pageFill is the share of a page podium fills before breaking: the
// applications measure columns and scale slightly differently.
const pageFill = 0.9

// setupPrint gives a new sheet its page setup: paper, landscape, one page
// wide, margins. fitToPage, which excelize keeps in the sheet properties
// that setting a filter replaces, is set again by printFit.
func (p *publisher) setupPrint(name string) error {
	pp := p.printPaper()
	if err := p.f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Size: ptr(pp.size), Orientation: ptr("landscape"), FitToWidth: ptr(1), FitToHeight: ptr(0),
	}); err != nil {
		return err
	}
	if err := p.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: ptr(marginSide), Right: ptr(marginSide), Top: ptr(marginTop), Bottom: ptr(marginBottom),
		Header: ptr(marginHeader), Footer: ptr(marginHeader),
	}); err != nil {
		return err
	}
	return p.printFit(name)
}

// printFit turns on "fit to page" (with the page setup's one page wide, any
// number tall). Call it again after AutoFilter, which replaces the sheet
// properties it is kept in.
func (p *publisher) printFit(name string) error {
	return p.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)})
}

// autoFilter sets a filter on a sheet's header row, keeping its fit to page.
func (p *publisher) autoFilter(name, ref string) error {
	if err := p.f.AutoFilter(name, ref, nil); err != nil {
		return err
	}
	return p.printFit(name)
}

// printTitles repeats rows 1 to last at the top of every printed page.
func (p *publisher) printTitles(name string, last int) error {
	return p.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$1:$%d", ooxml.QuoteSheet(name), last),
		Scope:    name,
	})
}

// columnPoints is the printed width of columns of the given widths (in
// characters of the default font: 7 pixels each and 5 of padding), in
// points.
func columnPoints(widths []float64) float64 {
	total := 0.0
	for _, w := range widths {
		total += (w*7 + 5) * 0.75
	}
	return total
}

// pageRows returns how many points of rows fit on a printed page below the
// repeated title rows, once the sheet is scaled to one page wide.
func pageRows(pp paper, widths []float64, titles float64) float64 {
	scale := min(1, (pp.width-2*marginSide*72)/columnPoints(widths))
	body := (pp.height - (marginTop+marginBottom)*72) / scale
	return body*pageFill - titles
}

// rowBreaks returns the rows before which a page must break so that no
// block of rows (first and last row, inclusive) is cut: rows are laid on a
// page of capacity points (heights gives each row's height), after the
// title rows 1 to titles; a block that does not fit on what is left of a
// page starts a new one. A block taller than a page is cut where it must.
func rowBreaks(rows int, height func(int) float64, titles int, blocks [][2]int, capacity float64) []int {
	// end maps each row to the last row of the block it starts.
	end := make(map[int]int, len(blocks))
	for _, b := range blocks {
		if b[1] > end[b[0]] {
			end[b[0]] = b[1]
		}
	}
	var breaks []int
	used := 0.0
	for r := titles + 1; r <= rows; {
		last := r
		for rr := r; rr <= last && rr <= rows; rr++ { // blocks may overlap
			last = max(last, end[rr])
		}
		last = min(last, rows)
		h := 0.0
		for rr := r; rr <= last; rr++ {
			h += height(rr)
		}
		if used > 0 && used+h > capacity {
			breaks = append(breaks, r)
			used = 0
		}
		used += h
		if used > capacity { // taller than a page: the application cuts it
			used = math.Mod(used, capacity)
		}
		r = last + 1
	}
	return slices.Compact(breaks)
}
