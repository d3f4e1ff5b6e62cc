package noticeboard

import (
	"embed"
	"fmt"
	"os"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// The built-in font, DejaVu Sans Condensed (fonts/LICENSE): Latin with
// its extended ranges (Śmiechowski, Côme Ledogar), Greek, Cyrillic, and
// the signs the tables use (▲ ▼ † ‡ –), in its four faces.
//
//go:embed fonts/*.ttf
var fontFiles embed.FS

// style is a face of the font: regular, bold (pole), italic (fastest
// lap), bold italic.
type style uint8

const (
	regular style = 0
	bold    style = 1
	italic  style = 2
)

// fpdfStyle is the style as fpdf names it.
func (s style) fpdfStyle() string {
	return [4]string{"", "B", "I", "BI"}[s&3]
}

func (s style) file() string {
	return "fonts/DejaVuSansCondensed" + [4]string{"", "-Bold", "-Oblique", "-BoldOblique"}[s&3] + ".ttf"
}

// DefaultFallbackFonts are the fonts looked for, in order, when a name
// has a character the built-in font lacks (Chinese, Japanese, Korean):
// Droid Sans Fallback where the system packages install it (Debian and
// Ubuntu: fonts-droid-fallback; Fedora: google-droid-sans-fonts). A
// fallback font must be TrueType (.ttf, not a .ttc collection or an
// OpenType .otf).
func DefaultFallbackFonts() []string {
	return []string{
		"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
		"/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
		"/usr/share/fonts/TTF/DroidSansFallbackFull.ttf",
	}
}

// fontHint says how to print names the built-in font lacks.
const fontHint = "the built-in font prints Latin, Greek and Cyrillic; for Chinese, Japanese and Korean names podium uses Droid Sans Fallback " +
	"when it is installed (Debian and Ubuntu: apt install fonts-droid-fallback; Fedora: dnf install google-droid-sans-fonts)"

// GlyphError is a text no font at hand can print: the document is not
// written rather than printed with empty boxes.
type GlyphError struct {
	// Where places the text: "LMP2 Drivers' Championship, row 4".
	Where string
	Text  string
	Rune  rune
	// Fonts are the fallback fonts looked for.
	Fonts []string
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("%s: cannot print %q: no font has %q (U+%04X); %s", e.Where, e.Text, e.Rune, e.Rune, fontHint)
}

// fonts draws text in the built-in font, switching to a fallback font for
// the characters it lacks.
type fonts struct {
	pdf   *fpdf.Fpdf
	main  [4]coverage
	added [4]bool
	paths []string
	// fallback holds the fallback fonts read so far, in the order of
	// paths; a path that is missing or unreadable has no coverage.
	fallback []fallbackFont
}

type fallbackFont struct {
	data  []byte
	cov   coverage
	added bool
}

const family = "dejavu"

func newFonts(pdf *fpdf.Fpdf, paths []string) (*fonts, error) {
	fs := &fonts{pdf: pdf, paths: paths}
	for s := range style(4) {
		data, err := fontFiles.ReadFile(s.file())
		if err != nil {
			return nil, err
		}
		if fs.main[s], err = fontCoverage(data); err != nil {
			return nil, fmt.Errorf("built-in font %s: %w", s.file(), err)
		}
	}
	return fs, nil
}

// run is a piece of text printed in one font: the built-in font's face,
// or fallback font n (fallback >= 0).
type run struct {
	text     string
	fallback int
}

// builtIn reports whether r needs no glyph (spaces, controls) or the
// face s of the built-in font has one.
func (fs *fonts) builtIn(r rune, s style) bool {
	return fs.main[s&3].has(r) || !unicode.IsGraphic(r) || unicode.IsSpace(r)
}

// fallbackFor returns the first fallback font with a glyph for r,
// reading the fonts in turn as they are needed, or -1.
func (fs *fonts) fallbackFor(r rune) int {
	for i := range fs.paths {
		if i == len(fs.fallback) {
			ff := fallbackFont{}
			if data, err := os.ReadFile(fs.paths[i]); err == nil {
				if cov, err := fontCoverage(data); err == nil && usable(data) {
					ff = fallbackFont{data: data, cov: cov}
				}
			}
			fs.fallback = append(fs.fallback, ff)
		}
		if fs.fallback[i].cov.has(r) {
			return i
		}
	}
	return -1
}

// check returns the first character of text no font can print, placed at
// where, or nil.
func (fs *fonts) check(text, where string) error {
	for _, r := range text {
		if !fs.builtIn(r, regular) && fs.fallbackFor(r) < 0 {
			return &GlyphError{Where: where, Text: text, Rune: r, Fonts: fs.paths}
		}
	}
	return nil
}

// runs splits text into the runs its fonts print: the face s of the
// built-in font where it has the glyph, a fallback font where not.
func (fs *fonts) runs(text string, s style) []run {
	var out []run
	start, cur := 0, -1
	for i, r := range text {
		f := -1
		switch {
		case fs.builtIn(r, s):
		case fs.builtIn(r, regular):
			f = -2 // the regular face has what this face lacks
		default:
			f = fs.fallbackFor(r)
		}
		if i > 0 && f != cur {
			out = append(out, run{text[start:i], cur})
			start = i
		}
		cur = f
	}
	if start < len(text) {
		out = append(out, run{text[start:], cur})
	}
	return out
}

// use selects the font of a run at size (points).
func (fs *fonts) use(fallback int, s style, size float64) {
	switch {
	case fallback >= 0:
		ff := &fs.fallback[fallback]
		name := fmt.Sprintf("fallback%d", fallback)
		if !ff.added {
			fs.pdf.AddUTF8FontFromBytes(name, "", ff.data)
			ff.added = true
		}
		fs.pdf.SetFont(name, "", size)
		return
	case fallback == -2:
		s = regular
	}
	if !fs.added[s&3] {
		data, _ := fontFiles.ReadFile(s.file())
		fs.pdf.AddUTF8FontFromBytes(family, s.fpdfStyle(), data)
		fs.added[s&3] = true
	}
	fs.pdf.SetFont(family, s.fpdfStyle(), size)
}

// width is the width of text in the face s at size, in millimetres.
func (fs *fonts) width(text string, s style, size float64) float64 {
	w := 0.0
	for _, r := range fs.runs(text, s) {
		fs.use(r.fallback, s, size)
		w += fs.pdf.GetStringWidth(r.text)
	}
	return w
}

// text draws text with its baseline starting at x, y.
func (fs *fonts) text(x, y float64, text string, s style, size float64) {
	for _, r := range fs.runs(text, s) {
		fs.use(r.fallback, s, size)
		fs.pdf.Text(x, y, r.text)
		x += fs.pdf.GetStringWidth(r.text)
	}
}

// usable reports whether the PDF writer can read a font file of the
// system: it reads a font as it adds it to a document, and may panic on a
// damaged one; such a font is passed over like a missing one.
func usable(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	probe := fpdf.New("L", "mm", "A4", "")
	probe.AddUTF8FontFromBytes("probe", "", data)
	probe.SetFont("probe", "", 10)
	return probe.Error() == nil
}
