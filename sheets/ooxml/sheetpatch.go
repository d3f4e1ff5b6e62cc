package ooxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// An import edits cells of Results (and Entries, Drivers) with excelize,
// which re-serialises the whole sheet part: what it does not model of the
// sheet's other elements (sheetProtection insertRows="false", the gte of
// an icon set's thresholds, sheetPr…) would be lost. So the sheet podium
// writes is the organiser's part with only its cell data (sheetData) and
// the range it spans (dimension ref) taken from excelize: PatchSheet.

// span is an element located in a part's bytes.
type span struct {
	start, tagEnd, end int
	name               string // raw, prefix:local
	empty              bool
}

// locateChild finds the first element with the local name in a
// worksheet part without tokenising it: sheetData and dimension occur
// once, as children of the root, and cell text cannot hold a '<'.
func locateChild(data []byte, local string) (span, bool) {
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte(local))
		if i < 0 {
			return span{}, false
		}
		i += at
		at = i + len(local)
		if at >= len(data) || !strings.ContainsRune(" \t\r\n/>", rune(data[at])) {
			continue
		}
		// The name is preceded by '<' or by '<prefix:'.
		lt := bytes.LastIndexByte(data[:i], '<')
		if lt < 0 {
			continue
		}
		name := string(data[lt+1 : i+len(local)])
		if name != local && (!strings.HasSuffix(name, ":"+local) || strings.ContainsAny(name, " \t\r\n/>\"'=")) {
			continue
		}
		gt := bytes.IndexByte(data[at:], '>')
		if gt < 0 {
			return span{}, false
		}
		s := span{start: lt, tagEnd: at + gt + 1, name: name}
		s.empty = data[s.tagEnd-2] == '/'
		if s.empty {
			s.end = s.tagEnd
			return s, true
		}
		endTag := []byte("</" + name + ">")
		e := bytes.Index(data[s.tagEnd:], endTag)
		if e < 0 {
			return span{}, false
		}
		s.end = s.tagEnd + e + len(endTag)
		return s, true
	}
}

// rootTag returns the start tag of a part's root element.
func rootTag(data []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		off := dec.InputOffset()
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil, errors.New("no root element")
		}
		if err != nil {
			return nil, err
		}
		if _, ok := tok.(xml.StartElement); ok {
			return data[off:dec.InputOffset()], nil
		}
	}
}

// PatchSheet returns the organiser's worksheet part (a) with the cell
// data and dimension of excelize's (b); every other byte is a's. When
// keep is set, excelize opened the part with only those rows (see
// SlimSheet): they are merged into a's rows (see mergeRows).
func PatchSheet(a, b []byte, keep *RowKeep) ([]byte, error) {
	oData, ok := locateChild(a, "sheetData")
	if !ok {
		return nil, errors.New("its cell data (sheetData) cannot be found")
	}
	nData, ok := locateChild(b, "sheetData")
	if !ok {
		return nil, errors.New("the cell data (sheetData) written cannot be found")
	}
	cells := b[nData.start:nData.end]
	// excelize writes its elements in SpreadsheetML's default namespace;
	// where the organiser's part binds another (<x:worksheet>), the cell
	// data declares its own.
	root, err := rootTag(a)
	if err != nil {
		return nil, err
	}
	if !bytes.Contains(root, []byte(`xmlns="`+MainNS+`"`)) {
		cells = Concat(SetAttr(b[nData.start:nData.tagEnd], "xmlns", MainNS), b[nData.tagEnd:nData.end])
	}
	if keep != nil {
		merged, err := mergeRows(a, oData, b, nData, keep)
		if err != nil {
			return nil, err
		}
		cells = merged
	}
	edits := []Edit{{oData.start, oData.end, cells}}
	if oDim, ok := locateChild(a[:oData.start], "dimension"); ok {
		if nDim, ok := locateChild(b[:nData.start], "dimension"); ok {
			ref, _ := attrOf(b[nDim.start:nDim.tagEnd], "ref")
			if was, ok := attrOf(a[oDim.start:oDim.tagEnd], "ref"); ok && keep != nil {
				ref = rangeUnion(was, ref)
			}
			edits = append(edits, Edit{oDim.start, oDim.tagEnd, SetAttr(a[oDim.start:oDim.tagEnd], "ref", ref)})
		}
	}
	return ApplyEdits(a, edits), nil
}

// attrOf returns an attribute of a start tag.
func attrOf(tag []byte, name string) (string, bool) {
	for _, m := range attrPattern.FindAllSubmatch(tag, -1) {
		if string(m[1]) == name {
			var v struct {
				V string `xml:"v,attr"`
			}
			if xml.Unmarshal([]byte("<a v="+string(m[2])+"/>"), &v) == nil {
				return v.V, true
			}
		}
	}
	return "", false
}

// SheetFrame returns a worksheet part without its cell data: the
// elements around it, which a write-back must keep.
func SheetFrame(data []byte) []byte {
	s, ok := locateChild(data, "sheetData")
	if !ok {
		return data
	}
	return Concat(data[:s.start], data[s.end:])
}

// LostSheetAttributes lists what the worksheet part before has outside
// its cell data and after has not: every element, every attribute (but
// namespace declarations, and the dimension's ref, which follows the
// cells) and every text, each named by its path ("sheetProtection
// insertRows="false"", "conditionalFormatting/cfRule/iconSet/cfvo
// gte="0"").
func LostSheetAttributes(before, after []byte) []string {
	frameA := SheetFrame(before)
	x, err := ParseRaw(frameA, 64)
	if err != nil {
		return []string{"its elements cannot be read"}
	}
	frameB := SheetFrame(after)
	y, err := ParseRaw(frameB, 64)
	if err != nil {
		return []string{"its elements cannot be read after writing"}
	}
	have := map[string]int{}
	for _, it := range frameItems(frameB, y) {
		have[it.key]++
	}
	var lost []string
	for _, it := range frameItems(frameA, x) {
		if have[it.key] > 0 {
			have[it.key]--
			continue
		}
		if !slices.Contains(lost, it.show) {
			lost = append(lost, it.show)
		}
	}
	return lost
}

type frameItem struct{ key, show string }

// frameItems flattens the children of a worksheet's root into items: one
// per element, attribute and text, keyed by their path with the position
// of each element among its like-named siblings.
func frameItems(data []byte, root *RawElem) []frameItem {
	var out []frameItem
	var walk func(e *RawElem, key, show string)
	walk = func(e *RawElem, key, show string) {
		out = append(out, frameItem{key, "its " + show})
		for _, a := range e.Attrs {
			if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
				continue
			}
			if e.Name.Local == "dimension" && RawName(a.Name) == "ref" {
				continue
			}
			out = append(out, frameItem{key + " @" + RawName(a.Name) + "=" + a.Value, fmt.Sprintf("its %s %s=%q", show, RawName(a.Name), a.Value)})
		}
		if len(e.Children) == 0 && !e.Empty {
			if text, _ := Inner(data, e); len(bytes.TrimSpace(text)) > 0 {
				out = append(out, frameItem{key + " text=" + string(text), fmt.Sprintf("its %s %q", show, text)})
			}
		}
		seen := map[string]int{}
		for _, c := range e.Children {
			n := RawName(c.Name)
			walk(c, fmt.Sprintf("%s/%s[%d]", key, n, seen[n]), show+"/"+c.Name.Local)
			seen[n]++
		}
	}
	seen := map[string]int{}
	for _, c := range root.Children {
		n := RawName(c.Name)
		walk(c, fmt.Sprintf("%s[%d]", n, seen[n]), c.Name.Local)
		seen[n]++
	}
	return out
}

// rowSpan is a row element of a worksheet's cell data.
type rowSpan struct{ r, start, end int }

// rowSpans lists the rows of a worksheet's cell data in the part's
// bytes; ok is false when they cannot all be placed by number (a row
// without its r attribute, rows out of order, a prefixed row element, or
// anything else between rows).
func rowSpans(data []byte, sd span) (rows []rowSpan, ok bool) {
	if sd.empty {
		return nil, true
	}
	end := sd.end - len("</"+sd.name+">")
	last := 0
	for pos := sd.tagEnd; pos < end; {
		lt := bytes.IndexByte(data[pos:end], '<')
		if lt < 0 {
			if len(bytes.TrimSpace(data[pos:end])) > 0 {
				return nil, false
			}
			break
		}
		if len(bytes.TrimSpace(data[pos:pos+lt])) > 0 {
			return nil, false
		}
		start := pos + lt
		if !bytes.HasPrefix(data[start:end], []byte("<row")) || start+4 >= end || !strings.ContainsRune(" \t\r\n/>", rune(data[start+4])) {
			return nil, false
		}
		gt := bytes.IndexByte(data[start:end], '>')
		if gt < 0 {
			return nil, false
		}
		tagEnd := start + gt + 1
		tag := data[start:tagEnd]
		i := bytes.Index(tag, []byte(` r="`))
		if i < 0 {
			return nil, false
		}
		j := bytes.IndexByte(tag[i+4:], '"')
		if j < 0 {
			return nil, false
		}
		r, err := strconv.Atoi(string(tag[i+4 : i+4+j]))
		if err != nil || r <= last {
			return nil, false
		}
		last = r
		rowEnd := tagEnd
		if tag[len(tag)-2] != '/' {
			k := bytes.Index(data[tagEnd:end], []byte("</row>"))
			if k < 0 {
				return nil, false
			}
			rowEnd = tagEnd + k + len("</row>")
		}
		rows = append(rows, rowSpan{r, start, rowEnd})
		pos = rowEnd
	}
	return rows, true
}

// RowKeep names the rows of a sheet an import may edit: some rows, and
// every row from a number on (the empty rows below the table it appends
// to).
type RowKeep struct {
	Rows map[int]bool
	From int
}

func (k *RowKeep) has(r int) bool { return k.Rows[r] || k.From > 0 && r >= k.From }

// SlimSheet returns the worksheet part with only the rows of keep in its
// cell data, for excelize to open: it then parses a few thousand rows,
// not a season's 100,000. ok is false when the rows cannot be told apart
// (see rowSpans); the part is then edited whole.
func SlimSheet(data []byte, keep *RowKeep) ([]byte, bool) {
	sd, ok := locateChild(data, "sheetData")
	if !ok || sd.name != "sheetData" || sd.empty {
		return nil, false
	}
	rows, ok := rowSpans(data, sd)
	if !ok {
		return nil, false
	}
	var out bytes.Buffer
	out.Write(data[:sd.tagEnd])
	for _, r := range rows {
		if keep.has(r.r) {
			out.Write(data[r.start:r.end])
		}
	}
	out.Write(data[sd.end-len("</sheetData>"):])
	return out.Bytes(), true
}

// mergeRows returns the cell data of the organiser's part (a) with the
// rows of keep as excelize wrote them (b): a row of keep that excelize
// left out is left out, every other row is a's, byte for byte.
func mergeRows(a []byte, oData span, b []byte, nData span, keep *RowKeep) ([]byte, error) {
	oRows, ok := rowSpans(a, oData)
	if !ok {
		return nil, errors.New("its rows cannot be told apart")
	}
	nRows, ok := rowSpans(b, nData)
	if !ok {
		return nil, errors.New("the rows written cannot be told apart")
	}
	var out bytes.Buffer
	out.Grow(oData.end - oData.start + nData.end - nData.start)
	if oData.empty {
		out.Write(a[oData.start : oData.tagEnd-2])
		out.WriteString(">")
	} else {
		out.Write(a[oData.start:oData.tagEnd])
	}
	i, j := 0, 0
	for i < len(oRows) || j < len(nRows) {
		switch {
		case j == len(nRows) || i < len(oRows) && oRows[i].r < nRows[j].r:
			if !keep.has(oRows[i].r) {
				out.Write(a[oRows[i].start:oRows[i].end])
			}
			i++
		case i == len(oRows) || nRows[j].r < oRows[i].r:
			out.Write(b[nRows[j].start:nRows[j].end])
			j++
		default: // the same row
			if keep.has(oRows[i].r) {
				out.Write(b[nRows[j].start:nRows[j].end])
			} else {
				out.Write(a[oRows[i].start:oRows[i].end])
			}
			i++
			j++
		}
	}
	out.WriteString("</" + oData.name + ">")
	return out.Bytes(), nil
}

// rangeUnion returns the smallest range holding two ranges ("A1:H40",
// "A97:H120" → "A1:H120"); b when a cannot be read.
func rangeUnion(a, b string) string {
	corners := func(ref string) (c [4]int, ok bool) {
		from, to, found := strings.Cut(ref, ":")
		if !found {
			to = from
		}
		var err1, err2 error
		c[0], c[1], err1 = excelize.CellNameToCoordinates(from)
		c[2], c[3], err2 = excelize.CellNameToCoordinates(to)
		return c, err1 == nil && err2 == nil
	}
	x, okA := corners(a)
	y, okB := corners(b)
	if !okA || !okB {
		return b
	}
	from, _ := excelize.CoordinatesToCellName(min(x[0], y[0]), min(x[1], y[1]))
	to, _ := excelize.CoordinatesToCellName(max(x[2], y[2]), max(x[3], y[3]))
	if from == to {
		return from
	}
	return from + ":" + to
}
