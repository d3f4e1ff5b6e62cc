package wikitext

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A small reader of the wikitext tables Write writes, as MediaWiki reads
// them: tables (nested in cells), rows, header and data cells (several on
// a line with || or !!), a cell's attributes before a single pipe (not one
// inside a template, a link or <nowiki>), rowspan and colspan laid out on
// a grid, and a cell's text with its bold, italics, flag and nowiki
// decoded.

// wikiDoc is a page: its headings and paragraphs in order, each with the
// top-level tables that follow it.
type wikiDoc struct {
	blocks []wikiBlock
}

// wikiBlock is a heading (level > 0) or a line of text, and the tables
// written after it.
type wikiBlock struct {
	level  int
	text   string
	tables []*wikiTable
}

type wikiTable struct {
	attrs map[string]string
	rows  [][]*wikiCell
}

type wikiCell struct {
	header           bool
	attrs            map[string]string
	raw              string // the content as written
	tables           []*wikiTable
	rowspan, colspan int
}

// parseWiki reads a page; it fails the test on markup it cannot place.
func parseWiki(t *testing.T, src string) *wikiDoc {
	t.Helper()
	doc := &wikiDoc{blocks: []wikiBlock{{}}}
	var stack []*wikiTable
	// lastCell is the open cell of the innermost table.
	lastCell := func() *wikiCell {
		tb := stack[len(stack)-1]
		if len(tb.rows) == 0 || len(tb.rows[len(tb.rows)-1]) == 0 {
			return nil
		}
		row := tb.rows[len(tb.rows)-1]
		return row[len(row)-1]
	}
	for n, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(trimmed, "{|"):
			tb := &wikiTable{attrs: parseAttrs(trimmed[2:])}
			if len(stack) > 0 {
				c := lastCell()
				if c == nil {
					t.Fatalf("line %d: a table outside a cell", n+1)
				}
				c.tables = append(c.tables, tb)
			} else {
				b := &doc.blocks[len(doc.blocks)-1]
				b.tables = append(b.tables, tb)
			}
			stack = append(stack, tb)
		case len(stack) == 0:
			if m := regexp.MustCompile(`^(=+)\s*(.*?)\s*(=+)$`).FindStringSubmatch(line); m != nil && len(m[1]) == len(m[3]) {
				doc.blocks = append(doc.blocks, wikiBlock{level: len(m[1]), text: m[2]})
			} else if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "<!--") {
				doc.blocks = append(doc.blocks, wikiBlock{text: line})
			}
		case strings.HasPrefix(trimmed, "|}"):
			stack = stack[:len(stack)-1]
		case strings.HasPrefix(trimmed, "|-"):
			tb := stack[len(stack)-1]
			tb.rows = append(tb.rows, nil)
		case strings.HasPrefix(trimmed, "|+"):
			t.Fatalf("line %d: unexpected caption %q", n+1, line)
		case strings.HasPrefix(trimmed, "|") || strings.HasPrefix(trimmed, "!"):
			tb := stack[len(stack)-1]
			if len(tb.rows) == 0 {
				tb.rows = append(tb.rows, nil)
			}
			header := trimmed[0] == '!'
			body := trimmed[1:]
			parts := splitOutside(body, "||")
			if header {
				parts = nil
				for _, p := range splitOutside(body, "||") {
					parts = append(parts, splitOutside(p, "!!")...)
				}
			}
			for _, p := range parts {
				c := &wikiCell{header: header, rowspan: 1, colspan: 1, attrs: map[string]string{}}
				if pieces := splitOutside(p, "|"); len(pieces) > 1 && !strings.Contains(pieces[0], "[[") && !strings.Contains(pieces[0], "{{") {
					c.attrs = parseAttrs(pieces[0])
					p = strings.Join(pieces[1:], "|")
				}
				c.raw = strings.TrimSpace(p)
				if v, ok := c.attrs["rowspan"]; ok {
					c.rowspan, _ = strconv.Atoi(v)
				}
				if v, ok := c.attrs["colspan"]; ok {
					c.colspan, _ = strconv.Atoi(v)
				}
				r := len(tb.rows) - 1
				tb.rows[r] = append(tb.rows[r], c)
			}
		default: // a cell's content goes on
			if c := lastCell(); c != nil {
				c.raw = strings.TrimSpace(c.raw + "\n" + line)
			} else if strings.TrimSpace(line) != "" {
				t.Fatalf("line %d: text %q outside a cell", n+1, line)
			}
		}
	}
	if len(stack) > 0 {
		t.Fatalf("%d tables not closed", len(stack))
	}
	return doc
}

// splitOutside splits s at sep where sep is outside templates, links and
// <nowiki>.
func splitOutside(s, sep string) []string {
	var out []string
	depthT, depthL, start := 0, 0, 0
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "<nowiki>"):
			end := strings.Index(s[i:], "</nowiki>")
			if end < 0 {
				i = len(s)
				continue
			}
			i += end + len("</nowiki>")
			continue
		case strings.HasPrefix(s[i:], "{{"):
			depthT++
			i += 2
			continue
		case strings.HasPrefix(s[i:], "}}") && depthT > 0:
			depthT--
			i += 2
			continue
		case strings.HasPrefix(s[i:], "[["):
			depthL++
			i += 2
			continue
		case strings.HasPrefix(s[i:], "]]") && depthL > 0:
			depthL--
			i += 2
			continue
		case depthT == 0 && depthL == 0 && strings.HasPrefix(s[i:], sep):
			out = append(out, s[start:i])
			i += len(sep)
			start = i
			continue
		}
		i++
	}
	return append(out, s[start:])
}

var attrRE = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)

func parseAttrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(s, -1) {
		m[a[1]] = a[2]
	}
	return m
}

// styleOf reads one property of a cell's style: "background" → "#FFFFBF".
func (c *wikiCell) styleOf(prop string) string {
	for _, decl := range strings.Split(c.attrs["style"], ";") {
		if k, v, ok := strings.Cut(decl, ":"); ok && strings.TrimSpace(k) == prop {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// shown is what a cell's text shows: its text without markup, and its
// bold, italics and flags (each template's parameter).
type shown struct {
	text         string
	bold, italic bool
	flags        []string
}

var flagRE = regexp.MustCompile(`\{\{flagicon\|([^{}|]*)\}\}`)

// decode reads a cell's (or a line's) wikitext as the page shows it:
// what is inside <nowiki> is shown as written, templates, line breaks and
// apostrophes outside it are markup.
func decode(raw string) shown {
	var s shown
	var kept []string // the nowiki parts, masked while the markup is read
	for {
		i := strings.Index(raw, "<nowiki>")
		if i < 0 {
			break
		}
		j := strings.Index(raw[i:], "</nowiki>")
		if j < 0 {
			break
		}
		kept = append(kept, raw[i+len("<nowiki>"):i+j])
		raw = raw[:i] + "\x01" + strconv.Itoa(len(kept)-1) + "\x02" + raw[i+j+len("</nowiki>"):]
	}
	for _, m := range flagRE.FindAllStringSubmatch(raw, -1) {
		s.flags = append(s.flags, m[1])
	}
	raw = strings.TrimSpace(flagRE.ReplaceAllString(raw, ""))
	raw = strings.ReplaceAll(raw, "<br />", " ")
	// Bold and italics around the whole text.
	lead := len(raw) - len(strings.TrimLeft(raw, "'"))
	trail := len(raw) - len(strings.TrimRight(raw, "'"))
	if lead >= 2 && lead == trail && len(raw) > 2*lead {
		s.bold, s.italic = lead == 3 || lead == 5, lead == 2 || lead == 5
		raw = raw[lead : len(raw)-lead]
	}
	raw = regexp.MustCompile(`\x01(\d+)\x02`).ReplaceAllStringFunc(raw, func(m string) string {
		k, _ := strconv.Atoi(m[1 : len(m)-1])
		return kept[k]
	})
	s.text = strings.TrimSpace(html.UnescapeString(raw))
	return s
}

// grid lays a table's cells out as a browser does: each cell over the
// rows and columns it spans. It fails the test on a cell placed over
// another or a row of another width (a hole).
func (tb *wikiTable) grid(t *testing.T) [][]*wikiCell {
	t.Helper()
	var g [][]*wikiCell
	for r, row := range tb.rows {
		for len(g) <= r {
			g = append(g, nil)
		}
		col := 0
		for _, c := range row {
			for col < len(g[r]) && g[r][col] != nil {
				col++
			}
			for dr := 0; dr < c.rowspan; dr++ {
				for len(g) <= r+dr {
					g = append(g, nil)
				}
				for dc := 0; dc < c.colspan; dc++ {
					for len(g[r+dr]) <= col+dc {
						g[r+dr] = append(g[r+dr], nil)
					}
					if g[r+dr][col+dc] != nil {
						t.Fatalf("row %d column %d: two cells overlap", r+dr+1, col+dc+1)
					}
					g[r+dr][col+dc] = c
				}
			}
			col += c.colspan
		}
	}
	if len(g) != len(tb.rows) {
		t.Fatalf("a rowspan runs past the table's %d rows", len(tb.rows))
	}
	for r := range g {
		if len(g[r]) != len(g[0]) || slicesContainsNil(g[r]) {
			t.Fatalf("row %d is %d cells wide (holes %v), the first %d", r+1, len(g[r]), slicesContainsNil(g[r]), len(g[0]))
		}
	}
	return g
}

func slicesContainsNil(row []*wikiCell) bool {
	for _, c := range row {
		if c == nil {
			return true
		}
	}
	return false
}
