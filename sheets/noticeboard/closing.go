package noticeboard

import (
	"strconv"

	"github.com/podium-dev/podium/sheets/present"
)

// check finds the first text of the document no font can print, before
// anything is drawn, and lays the tables out.
func (d *doc) check(tables []table) error {
	fs := d.fonts
	texts := [][2]string{
		{present.Context(d.season, d.st), "the series and season"},
		{d.issued, "the date of issue"},
		{d.opts.Clerk, "the Clerk of the Course"},
	}
	for i, s := range d.opts.Stewards {
		texts = append(texts, [2]string{s, "Steward " + strconv.Itoa(i+1)})
	}
	for _, r := range d.st.Rounds {
		texts = append(texts, [2]string{r.Name, "the name of round " + strconv.Itoa(r.Number)})
	}
	for i := range tables {
		texts = append(texts, [2]string{present.TitleSummary(tables[i].scored), "the title race of " + tables[i].Title()})
	}
	for _, t := range texts {
		if err := fs.check(t[0], t[1]); err != nil {
			return err
		}
	}
	for i := range tables {
		tables[i].cols = tables[i].columns()
		if err := tables[i].check(fs); err != nil {
			return err
		}
		tables[i].layout(fs)
	}
	return nil
}

// Heights of the closing blocks, in millimetres.
const (
	keyRow       = 4.6
	signatureBox = 36.0
)

// closing draws the colour key and the signature block after the last
// table, on a page of their own when the last page has no room left.
func (d *doc) closing(tables []table) {
	p, fs := d.pdf, d.fonts
	classes := present.KeyClasses()
	marks := present.KeyMarks(hasKept(tables))
	keyRows := max((len(classes)+1)/2, len(marks))
	need := titleHeight + float64(keyRows)*keyRow + tableGap + signatureBox
	if p.PageNo() == 0 || p.GetY()+need > footerTop-2 {
		p.AddPage()
		p.SetY(headerBottom)
	}
	y := p.GetY()
	fs.text(margin, y+5, "Key", bold, 12)
	y += titleHeight
	// The classes in two columns, the marks in a third.
	colW := (pageW - 2*margin) / 3
	for i, c := range classes {
		x, ry := margin+float64(i/((len(classes)+1)/2))*colW, y+float64(i%((len(classes)+1)/2))*keyRow
		p.SetDrawColor(0x80, 0x80, 0x80)
		p.SetLineWidth(0.15)
		if r, g, b, ok := rgb(c.Fill()); ok {
			p.SetFillColor(r, g, b)
			p.Rect(x, ry, 9, keyRow-1, "FD")
		} else {
			p.Rect(x, ry, 9, keyRow-1, "D")
		}
		fs.text(x+11, ry+(keyRow-1)/2+mm(sizeSmall)*0.35, c.Legend(), regular, sizeSmall)
	}
	for i, m := range marks {
		var s style
		switch m {
		case present.Pole:
			s = bold
		case present.FastestLap:
			s = italic
		}
		fs.text(margin+2*colW, y+float64(i)*keyRow+(keyRow-1)/2+mm(sizeSmall)*0.35, m.Legend(), s, sizeSmall)
	}
	y += float64(keyRows)*keyRow + tableGap
	d.signatures(y)
}

// hasKept reports whether a table has a result that always counts (the
// key then explains its mark).
func hasKept(tables []table) bool {
	for i := range tables {
		for _, l := range tables[i].Lines {
			for _, c := range l.Rounds {
				if c.Undroppable {
					return true
				}
			}
		}
	}
	return false
}

// signatures draws the signature block at y: the Clerk of the Course and
// the Stewards, each with the name (or a line to write it on) and a line
// to sign on.
func (d *doc) signatures(y float64) {
	p, fs := d.pdf, d.fonts
	stewards := d.opts.Stewards
	if len(stewards) == 0 {
		stewards = []string{"", "", ""}
	}
	type signer struct{ role, name string }
	signers := []signer{{"Clerk of the Course", d.opts.Clerk}}
	for _, s := range stewards {
		signers = append(signers, signer{"Steward", s})
	}
	if len(stewards) > 1 {
		for i := range stewards {
			signers[1+i].role = "Steward " + strconv.Itoa(i+1)
		}
	}
	w := (pageW - 2*margin) / float64(len(signers))
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(margin, y, pageW-margin, y)
	for i, s := range signers {
		x := margin + float64(i)*w
		fs.text(x, y+6, s.role, bold, sizeText)
		p.SetLineWidth(0.2)
		if s.name != "" {
			fs.text(x, y+14, s.name, regular, sizeText)
		} else {
			fs.text(x, y+14, "Name:", regular, sizeSmall)
			p.Line(x+10, y+14.5, x+w-6, y+14.5)
		}
		p.Line(x, y+28, x+w-6, y+28)
		fs.text(x, y+32, "Signature", regular, sizeSmall)
		fs.text(x+w/2, y+32, "Time", regular, sizeSmall)
	}
	p.SetY(y + signatureBox)
}
