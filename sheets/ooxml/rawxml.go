package ooxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
)

// RawElem is an element of an XML part as it is in the part's bytes, so
// that a part can be patched in place: data[start:end] is the whole
// element, data[start:TagEnd] its start tag.
type RawElem struct {
	Name     xml.Name // raw: Space is the prefix
	Attrs    []xml.Attr
	Start    int
	TagEnd   int
	End      int
	Empty    bool // written <name/>
	Children []*RawElem
}

// Attr returns the value of the attribute with the raw name (prefix:local
// or local).
func (e *RawElem) Attr(name string) (string, bool) {
	for _, a := range e.Attrs {
		if RawName(a.Name) == name {
			return a.Value, true
		}
	}
	return "", false
}

// Child returns the first child with the local name.
func (e *RawElem) Child(local string) *RawElem {
	for _, c := range e.Children {
		if c.Name.Local == local {
			return c
		}
	}
	return nil
}

// RawName is an element or attribute name as written: prefix:local, or
// local.
func RawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// ParseRaw reads the element tree of an XML part down to depth levels
// (the root is level 1), keeping the byte offsets of each element.
func ParseRaw(data []byte, depth int) (*RawElem, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *RawElem
	var stack []*RawElem
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			e := &RawElem{Name: t.Name, Attrs: t.Copy().Attr, Start: off, TagEnd: int(dec.InputOffset())}
			e.Empty = bytes.HasSuffix(data[off:e.TagEnd], []byte("/>"))
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = e
			} else if len(stack) < depth {
				parent := stack[len(stack)-1]
				parent.Children = append(parent.Children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, errors.New("unexpected end tag")
			}
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			e.End = int(dec.InputOffset())
		}
	}
	if root == nil || len(stack) > 0 {
		return nil, errors.New("no complete root element")
	}
	return root, nil
}

// attrPattern finds one attribute in a start tag.
var attrPattern = regexp.MustCompile(`\s([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)\s*=\s*("[^"]*"|'[^']*')`)

// SetAttr returns the start tag with the attribute set to value (added
// before the tag's end when missing); other bytes stay as they were.
func SetAttr(tag []byte, name, value string) []byte {
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(value))
	quoted := `"` + strings.ReplaceAll(buf.String(), `"`, "&quot;") + `"`
	for _, m := range attrPattern.FindAllSubmatchIndex(tag, -1) {
		if string(tag[m[2]:m[3]]) == name {
			return Concat(tag[:m[4]], []byte(quoted), tag[m[5]:])
		}
	}
	cut := len(tag) - 1
	if bytes.HasSuffix(tag, []byte("/>")) {
		cut = len(tag) - 2
	}
	return Concat(tag[:cut], []byte(" "+name+"="+quoted), tag[cut:])
}

// Concat joins byte slices into a new one.
func Concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// MainNS is the SpreadsheetML namespace of transitional workbooks.
const MainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// Edit replaces data[start:end] with repl.
type Edit struct {
	Start, End int
	Repl       []byte
}

// ApplyEdits applies non-overlapping edits to data.
func ApplyEdits(data []byte, edits []Edit) []byte {
	slices.SortFunc(edits, func(a, b Edit) int { return a.Start - b.Start })
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(out, data[at:e.Start]...)
		out = append(out, e.Repl...)
		at = e.End
	}
	return append(out, data[at:]...)
}

// Inner returns the content of a non-empty element and the offset of its
// end tag.
func Inner(data []byte, e *RawElem) ([]byte, int) {
	if e.Empty {
		return nil, e.End
	}
	endTag := bytes.LastIndex(data[e.Start:e.End], []byte("</")) + e.Start
	return data[e.TagEnd:endTag], endTag
}
