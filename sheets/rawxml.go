package sheets

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
)

// rawElem is an element of an XML part as it is in the part's bytes, so
// that a part can be patched in place: data[start:end] is the whole
// element, data[start:tagEnd] its start tag.
type rawElem struct {
	name     xml.Name // raw: Space is the prefix
	attrs    []xml.Attr
	start    int
	tagEnd   int
	end      int
	empty    bool // written <name/>
	children []*rawElem
}

// attr returns the value of the attribute with the raw name (prefix:local
// or local).
func (e *rawElem) attr(name string) (string, bool) {
	for _, a := range e.attrs {
		if rawName(a.Name) == name {
			return a.Value, true
		}
	}
	return "", false
}

// child returns the first child with the local name.
func (e *rawElem) child(local string) *rawElem {
	for _, c := range e.children {
		if c.name.Local == local {
			return c
		}
	}
	return nil
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// parseRaw reads the element tree of an XML part down to depth levels
// (the root is level 1), keeping the byte offsets of each element.
func parseRaw(data []byte, depth int) (*rawElem, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *rawElem
	var stack []*rawElem
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
			e := &rawElem{name: t.Name, attrs: t.Copy().Attr, start: off, tagEnd: int(dec.InputOffset())}
			e.empty = bytes.HasSuffix(data[off:e.tagEnd], []byte("/>"))
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("more than one root element")
				}
				root = e
			} else if len(stack) < depth {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, errors.New("unexpected end tag")
			}
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			e.end = int(dec.InputOffset())
		}
	}
	if root == nil || len(stack) > 0 {
		return nil, errors.New("no complete root element")
	}
	return root, nil
}

// attrPattern finds one attribute in a start tag.
var attrPattern = regexp.MustCompile(`\s([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)\s*=\s*("[^"]*"|'[^']*')`)

// setAttr returns the start tag with the attribute set to value (added
// before the tag's end when missing); other bytes stay as they were.
func setAttr(tag []byte, name, value string) []byte {
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte(value))
	quoted := `"` + strings.ReplaceAll(buf.String(), `"`, "&quot;") + `"`
	for _, m := range attrPattern.FindAllSubmatchIndex(tag, -1) {
		if string(tag[m[2]:m[3]]) == name {
			return concat(tag[:m[4]], []byte(quoted), tag[m[5]:])
		}
	}
	cut := len(tag) - 1
	if bytes.HasSuffix(tag, []byte("/>")) {
		cut = len(tag) - 2
	}
	return concat(tag[:cut], []byte(" "+name+"="+quoted), tag[cut:])
}

// concat joins byte slices into a new one.
func concat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
