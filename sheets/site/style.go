package site

import (
	"strings"

	"github.com/podium-dev/podium/sheets/present"
)

// baseCSS is the stylesheet before the colour key's rules. The tables
// scroll sideways inside their box (.scroll) on a narrow screen, the page
// does not; names never break; the header row stays visible while the
// table scrolls; print shows every row and column with its colours.
const baseCSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:80rem;padding:1rem;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",Arial,sans-serif;color:#202122;background:#fff}
header p,footer{color:#54595d;margin:.25rem 0}
h1{font-size:1.5rem;line-height:1.2;margin:.25rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
a{color:#3366cc}
.status{font-weight:700;color:#202122}
.final{color:#14866d}
.title-race{font-weight:600;margin:.5rem 0}
nav ul{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.links li{margin:.25rem 0}
.note{color:#54595d}
.scroll{position:relative;overflow:auto;max-height:85vh;margin:.5rem 0 1rem;border:1px solid #a2a9b1;-webkit-overflow-scrolling:touch}
table{border-collapse:separate;border-spacing:0;font-size:.875rem;margin:0}
caption{caption-side:top;text-align:left;font-weight:700;padding:.4rem .5rem;position:sticky;left:0}
th,td{border-right:1px solid #a2a9b1;border-bottom:1px solid #a2a9b1;padding:.2rem .45rem;text-align:center;white-space:nowrap;word-break:keep-all;overflow-wrap:normal;hyphens:none}
thead{position:sticky;top:0;z-index:2}
thead th{background:#eaecf0;border-top:1px solid #a2a9b1}
thead a{color:inherit}
tbody th{font-weight:400;text-align:left;background:#fff}
.crew,.car{text-align:left}
.total{font-weight:700}
.pole{font-weight:700}
.fl{font-style:italic}
.move{font-size:.8em}
.up{color:#14866d}
.down{color:#d33}
.key{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.5rem 0 1.5rem;font-size:.875rem}
.key li{display:flex;align-items:center;gap:.4rem}
.sw{display:inline-block;width:1.5em;height:1em;border:1px solid #a2a9b1}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:40rem){
body{padding:.5rem}
h1{font-size:1.25rem}
table{font-size:.8125rem}
th,td{padding:.15rem .3rem}
}
@media print{
body{max-width:none;padding:0;font-size:10pt}
nav{display:none}
a{color:inherit;text-decoration:none}
.scroll{overflow:visible;max-height:none;border:0}
table{font-size:8pt}
caption{position:static}
thead{position:static;display:table-header-group}
th,td{border-left:0}
tr{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`

// styleCSS is the stylesheet: baseCSS, then a rule per class of the
// colour key, its background the published colour (present.Class.Fill).
func styleCSS() string {
	var b strings.Builder
	b.WriteString(baseCSS)
	b.WriteString("/* The colour key of published standings tables. */\n")
	for _, c := range present.KeyClasses() {
		css := classCSS(c)
		if css == "" || c.Fill() == "" {
			continue
		}
		b.WriteString("." + css + "{background:#" + c.Fill())
		if f := c.Font(); f != "" {
			b.WriteString(";color:#" + f)
		}
		b.WriteString("}\n")
	}
	b.WriteString(".none{background:transparent}\n")
	return b.String()
}
