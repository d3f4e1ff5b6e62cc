package sheets

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// An import edits cells of Results (and Entries, Drivers) with excelize,
// which re-serialises the whole sheet part: what it does not model of the
// sheet's other elements (sheetProtection insertRows="false", the gte of
// an icon set's thresholds, sheetPr…) would be lost. So the sheet podium
// writes is the organiser's part with only its cell data (sheetData) and
// the range it spans (dimension ref) taken from excelize: patchSheet.

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

// patchSheet returns the organiser's worksheet part (a) with the cell
// data and dimension of excelize's (b); every other byte is a's.
func patchSheet(a, b []byte) ([]byte, error) {
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
	if !bytes.Contains(root, []byte(`xmlns="`+mainNS+`"`)) {
		cells = concat(setAttr(b[nData.start:nData.tagEnd], "xmlns", mainNS), b[nData.tagEnd:nData.end])
	}
	edits := []edit{{oData.start, oData.end, cells}}
	if oDim, ok := locateChild(a[:oData.start], "dimension"); ok {
		if nDim, ok := locateChild(b[:nData.start], "dimension"); ok {
			ref, _ := attrOf(b[nDim.start:nDim.tagEnd], "ref")
			edits = append(edits, edit{oDim.start, oDim.tagEnd, setAttr(a[oDim.start:oDim.tagEnd], "ref", ref)})
		}
	}
	return applyEdits(a, edits), nil
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

// sheetFrame returns a worksheet part without its cell data: the
// elements around it, which a write-back must keep.
func sheetFrame(data []byte) []byte {
	s, ok := locateChild(data, "sheetData")
	if !ok {
		return data
	}
	return concat(data[:s.start], data[s.end:])
}

// lostSheetAttributes lists what the worksheet part before has outside
// its cell data and after has not: every element, every attribute (but
// namespace declarations, and the dimension's ref, which follows the
// cells) and every text, each named by its path ("sheetProtection
// insertRows="false"", "conditionalFormatting/cfRule/iconSet/cfvo
// gte="0"").
func lostSheetAttributes(before, after []byte) []string {
	frameA := sheetFrame(before)
	x, err := parseRaw(frameA, 64)
	if err != nil {
		return []string{"its elements cannot be read"}
	}
	frameB := sheetFrame(after)
	y, err := parseRaw(frameB, 64)
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
func frameItems(data []byte, root *rawElem) []frameItem {
	var out []frameItem
	var walk func(e *rawElem, key, show string)
	walk = func(e *rawElem, key, show string) {
		out = append(out, frameItem{key, "its " + show})
		for _, a := range e.attrs {
			if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
				continue
			}
			if e.name.Local == "dimension" && rawName(a.Name) == "ref" {
				continue
			}
			out = append(out, frameItem{key + " @" + rawName(a.Name) + "=" + a.Value, fmt.Sprintf("its %s %s=%q", show, rawName(a.Name), a.Value)})
		}
		if len(e.children) == 0 && !e.empty {
			if text, _ := inner(data, e); len(bytes.TrimSpace(text)) > 0 {
				out = append(out, frameItem{key + " text=" + string(text), fmt.Sprintf("its %s %q", show, text)})
			}
		}
		seen := map[string]int{}
		for _, c := range e.children {
			n := rawName(c.name)
			walk(c, fmt.Sprintf("%s/%s[%d]", key, n, seen[n]), show+"/"+c.name.Local)
			seen[n]++
		}
	}
	seen := map[string]int{}
	for _, c := range root.children {
		n := rawName(c.name)
		walk(c, fmt.Sprintf("%s[%d]", n, seen[n]), c.name.Local)
		seen[n]++
	}
	return out
}
