package standings

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// A championship table of a large season has hundreds of thousands of
// cells, and excelize's StreamWriter.SetRow spends most of the time of
// writing them on work podium does not need (a cell reference parsed and
// formatted per cell, a value boxed and type-switched, a style looked up).
// podium therefore writes the rows of those tables itself, as the same
// XML, byte for byte, that SetRow writes for the same cells
// (TestRowsXMLMatchesExcelize holds it to excelize), and lets excelize
// write everything around them: the sheet's properties, columns, panes,
// page breaks and merged ranges.
//
// The rows (and the column widths before them) are joined to the sheet
// when the package is written. The sheet is streamed without columns and
// with a single placeholder row (a cell holding a marker
// unique to the workbook), and parallelZip replaces that row with the rows
// written here (ooxml.RowSplices). A marker not found when the package is
// complete fails the write, so a placeholder can never reach a file.

// appendColsXML appends the columns' widths (1-based from the first) as
// excelize writes them before the sheet's data, one range for each run of
// columns of the same width, and the start of the sheet's data. (Set one
// by one through excelize, the widths come out one element per column in
// reverse order, after copying every column set before: quadratic.)
func appendColsXML(dst []byte, widths []float64) []byte {
	if len(widths) > 0 {
		dst = append(dst, `<cols>`...)
		for i := 0; i < len(widths); {
			j := i + 1
			for j < len(widths) && widths[j] == widths[i] {
				j++
			}
			dst = append(dst, `<col min="`...)
			dst = strconv.AppendInt(dst, int64(i+1), 10)
			dst = append(dst, `" max="`...)
			dst = strconv.AppendInt(dst, int64(j), 10)
			dst = append(dst, `" width="`...)
			dst = strconv.AppendFloat(dst, widths[i], 'f', -1, 64)
			dst = append(dst, `" customWidth="1"/>`...)
			i = j
		}
		dst = append(dst, `</cols>`...)
	}
	return append(dst, ooxml.SheetDataTag...)
}

// appendRowsXML appends the worksheet XML of the grid's rows to dst, as
// SetRow would write them with each row's height (grid.height). ok is
// false when a cell holds a value this writer does not handle exactly as
// excelize does (a type other than a string, an integer or a float; a
// string excelize would escape or cut, see plainCellText): the caller then
// streams the grid with SetRow.
func appendRowsXML(dst []byte, g *grid) (out []byte, ok bool) {
	for i, r := range g.rows {
		row := i + 1
		h := g.height(row)
		if h > excelize.MaxRowHeight || h < 0 {
			return dst, false
		}
		dst = append(dst, `<row r="`...)
		dst = strconv.AppendInt(dst, int64(row), 10)
		dst = append(dst, '"')
		if h > 0 {
			dst = append(dst, ` ht="`...)
			dst = strconv.AppendFloat(dst, h, 'f', -1, 64)
			dst = append(dst, `" customHeight="1"`...)
		}
		dst = append(dst, '>')
		for j := range r {
			if dst, ok = appendCellXML(dst, j+1, row, &r[j]); !ok {
				return dst, false
			}
		}
		dst = append(dst, `</row>`...)
	}
	return dst, true
}

// appendCellXML appends one cell as excelize's writeCell does.
func appendCellXML(dst []byte, col, row int, c *excelize.Cell) ([]byte, bool) {
	if c.Formula != "" {
		return dst, false
	}
	dst = append(dst, `<c r="`...)
	dst = appendCellName(dst, col, row)
	dst = append(dst, '"')
	if c.StyleID > 0 {
		dst = append(dst, ` s="`...)
		dst = strconv.AppendInt(dst, int64(c.StyleID), 10)
		dst = append(dst, '"')
	}
	switch v := c.Value.(type) {
	case nil:
		dst = append(dst, '>')
	case int:
		dst = append(strconv.AppendInt(append(dst, `><v>`...), int64(v), 10), `</v>`...)
	case int64:
		dst = append(strconv.AppendInt(append(dst, `><v>`...), v, 10), `</v>`...)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return dst, false
		}
		dst = append(strconv.AppendFloat(append(dst, `><v>`...), v, 'f', -1, 64), `</v>`...)
	case string:
		if !plainCellText(v) {
			return dst, false
		}
		dst = append(dst, ` t="inlineStr"><is><t`...)
		if v != "" && (isXMLSpace(v[0]) || isXMLSpace(v[len(v)-1])) {
			dst = append(dst, ` xml:space="preserve"`...)
		}
		dst = append(dst, '>')
		dst = appendEscapedText(dst, v)
		dst = append(dst, `</t></is>`...)
	default:
		return dst, false
	}
	return append(dst, `</c>`...), true
}

// isXMLSpace reports the bytes at either end of a text for which excelize
// marks it xml:space="preserve".
func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// plainCellText reports whether excelize writes s as it is, apart from
// XML escaping: not so long that it is cut at the cell limit (a string of
// at most 32,767 bytes has at most as many UTF-16 units), valid UTF-8, and
// without "_x", which excelize escapes as in "_x000D_".
func plainCellText(s string) bool {
	return len(s) <= excelize.TotalCellChars && utf8.ValidString(s) && !containsUnderscoreX(s)
}

func containsUnderscoreX(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '_' && (s[i+1] == 'x' || s[i+1] == 'X') {
			return true
		}
	}
	return false
}

// appendEscapedText escapes s as excelize does: encoding/xml's EscapeText,
// with line feeds written as they are.
func appendEscapedText(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '"' || c >= utf8.RuneSelf {
			var b bytes.Buffer
			_ = xml.EscapeText(&b, []byte(s))
			return append(dst, bytes.ReplaceAll(b.Bytes(), []byte("&#xA;"), []byte("\n"))...)
		}
	}
	return append(dst, s...)
}

// appendCellName appends the A1 name of a cell.
func appendCellName(dst []byte, col, row int) []byte {
	var letters [4]byte
	i := len(letters)
	for col > 0 && i > 0 {
		col--
		i--
		letters[i] = byte('A' + col%26)
		col /= 26
	}
	dst = append(dst, letters[i:]...)
	return strconv.AppendInt(dst, int64(row), 10)
}
