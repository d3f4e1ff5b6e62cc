// Package noticeboard writes the standings as the document pinned on the
// official notice board: a PDF on A4 landscape with, for every
// championship, its table (the header repeated on each page), the line
// that places it (series, season, after which round), where the title
// stands, "Provisional" or "Final", the date and time of issue, a
// document number that increases with each publication, page x of y, the
// colour key, and the signature block of the Clerk of the Course and the
// Stewards.
//
// It renders the presentation model (sheets/present) that the standings
// workbook renders, with a font embedded in the program (DejaVu Sans
// Condensed) and, for names it lacks (Chinese, Japanese, Korean), a font
// of the system (DefaultFallbackFonts); a name no font can print stops
// the document with an error naming the competitor.
package noticeboard

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// Options are what a publication adds to the standings.
type Options struct {
	// Issued is the date and time of issue, printed in its location
	// (with the zone's abbreviation) and written as the PDF's creation
	// date. The caller takes it from SOURCE_DATE_EPOCH when set.
	Issued time.Time
	// Number is the document number, from 1 (see PreviousNumber).
	Number int
	// Clerk is the Clerk of the Course; blank leaves a line to write the
	// name on.
	Clerk string
	// Stewards are the Stewards' names; none leaves three blank lines.
	Stewards []string
	// FallbackFonts are TrueType font files looked for, in order, for
	// characters the built-in font lacks; nil looks for
	// DefaultFallbackFonts.
	FallbackFonts []string
}

// Errors of the options.
var (
	ErrNumber = errors.New("the document number must be 1 or more")
	ErrIssued = errors.New("the date and time of issue is not set")
)

// Page geometry, in millimetres: A4 landscape.
const (
	pageW, pageH = 297.0, 210.0
	margin       = 10.0
	headerBottom = 30.0 // the body starts below the running header
	footerTop    = pageH - 12
)

// Text sizes, in points.
const (
	sizeTable = 8.0
	sizeSmall = 7.0
	sizeText  = 9.0
)

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt * 25.4 / 72 }

// doc is a notice-board document being written.
type doc struct {
	pdf    *fpdf.Fpdf
	fonts  *fonts
	season *scoring.Season
	st     *scoring.Standings
	opts   Options
	status scoring.SeasonStatus
	// issued is the date and time of issue as printed.
	issued string
}

// Write writes the notice-board document of the standings st of season
// to w. Nothing is written when a name cannot be printed (GlyphError) or
// the options are incomplete.
func Write(w io.Writer, season *scoring.Season, st *scoring.Standings, opts Options) error {
	if opts.Number < 1 {
		return fmt.Errorf("%w (got %d)", ErrNumber, opts.Number)
	}
	if opts.Issued.IsZero() {
		return ErrIssued
	}
	if opts.FallbackFonts == nil {
		opts.FallbackFonts = DefaultFallbackFonts()
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", SizeStr: "A4"})
	fs, err := newFonts(pdf, opts.FallbackFonts)
	if err != nil {
		return err
	}
	d := &doc{pdf: pdf, fonts: fs, season: season, st: st, opts: opts, status: present.Status(season, st),
		issued: opts.Issued.Format("2 January 2006, 15:04 MST")}
	tables := d.tables()
	if err := d.check(tables); err != nil {
		return err
	}
	d.setup()
	for i := range tables {
		d.table(&tables[i])
	}
	d.closing(tables)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return pdf.Output(w)
}

// setup sets the document's metadata (the keywords carry the document
// number: PreviousNumber reads it back), its determinism and its running
// header and footer.
func (d *doc) setup() {
	p := d.pdf
	p.SetCatalogSort(true)
	p.SetCreationDate(d.opts.Issued)
	p.SetModificationDate(d.opts.Issued)
	p.SetCompression(true)
	p.SetLang("en")
	p.SetTitle(present.Heading(d.season)+" – championship standings – "+string(d.status), true)
	p.SetSubject(fmt.Sprintf("Notice-board document No. %d: %s, issued %s", d.opts.Number, present.Context(d.season, d.st), d.issued), true)
	p.SetKeywords(keywords(d.opts.Number), false)
	p.SetCreator(creator, false)
	p.SetProducer(creator, false)
	p.SetMargins(margin, headerBottom, margin)
	p.SetAutoPageBreak(false, 0)
	p.AliasNbPages("{nb}")
	p.SetHeaderFunc(d.header)
	p.SetFooterFunc(d.footer)
}

// header draws the running header: the series and season and the round
// on the left, the status and the document number and date of issue on
// the right.
func (d *doc) header() {
	p, fs := d.pdf, d.fonts
	p.SetTextColor(0, 0, 0)
	fs.text(margin, margin+5, present.Heading(d.season), bold, 14)
	fs.text(margin, margin+11, "Championship standings · "+present.AfterRound(d.st), regular, sizeText)

	// The status, in a box: black on amber while provisional, white on
	// black once final.
	status := "PROVISIONAL"
	if d.status == scoring.Final {
		status = "FINAL"
	}
	const boxW, boxH = 62.0, 10.0
	x := pageW - margin - boxW
	if d.status == scoring.Final {
		p.SetFillColor(0, 0, 0)
		p.SetTextColor(255, 255, 255)
	} else {
		p.SetFillColor(0xFF, 0xD8, 0x66)
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.4)
	p.Rect(x, margin, boxW, boxH, "FD")
	tw := fs.width(status, bold, 18)
	fs.text(x+(boxW-tw)/2, margin+boxH/2+mm(18)*0.36, status, bold, 18)
	p.SetTextColor(0, 0, 0)
	line := fmt.Sprintf("Document No. %d · Issued %s", d.opts.Number, d.issued)
	fs.text(pageW-margin-fs.width(line, regular, sizeText), margin+boxH+5, line, regular, sizeText)
	p.SetLineWidth(0.3)
	p.Line(margin, headerBottom-3.5, pageW-margin, headerBottom-3.5)
}

// footer draws the page's footer: the document, page x of y.
func (d *doc) footer() {
	p, fs := d.pdf, d.fonts
	p.SetTextColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.Line(margin, footerTop, pageW-margin, footerTop)
	left := fmt.Sprintf("%s · %s · Document No. %d · Issued %s", present.Heading(d.season), d.status, d.opts.Number, d.issued)
	fs.text(margin, footerTop+4.5, left, regular, sizeSmall)
	page := "Page " + strconv.Itoa(p.PageNo()) + " of {nb}"
	// {nb} is replaced by the number of pages when the document closes;
	// the width is taken for up to three digits.
	w := fs.width("Page "+strconv.Itoa(p.PageNo())+" of 000", regular, sizeText)
	fs.text(pageW-margin-w, footerTop+4.5, page, regular, sizeText)
}
