package site

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/present"
)

var (
	updateScreenshot = flag.Bool("update-screenshot", false, "rewrite the README's screenshot docs/publish-standings.png")
	screenshots      = flag.String("screenshots", "", "write the phone and desktop screenshots into `DIR` (default: a temporary folder)")
)

// readmeScreenshot is the screenshot of a table page the README shows.
const readmeScreenshot = "../../docs/publish-standings.png"

// chromium finds a Chromium or Chrome to run headless. Without one the
// test is skipped on a developer's machine, and fails in CI (CI set),
// where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium found (chromium, chromium-browser, google-chrome): CI must run the browser test; .ci/run installs chromium")
	}
	t.Skip("no Chromium found (chromium, chromium-browser, google-chrome); CI runs this test")
	return ""
}

// problems collects what a page must not give: console errors and
// warnings, uncaught exceptions, browser log errors, failed requests and
// HTTP errors.
type problems struct {
	mu   sync.Mutex
	list []string
}

func (p *problems) add(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

func (p *problems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.list
	p.list = nil
	return out
}

func (p *problems) listen(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p.add("console.%s", ev.Type)
		}
	case *runtime.EventExceptionThrown:
		p.add("exception: %s", ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			p.add("browser log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventLoadingFailed:
		p.add("request failed: %s", ev.ErrorText)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			p.add("HTTP %d: %s", ev.Response.Status, ev.Response.URL)
		}
	}
}

// styled is a cell or key line as the browser computed it.
type styled struct {
	Class, Text, Background, Weight, Style, WhiteSpace string
}

// computedJS reads the computed style of the result cells (td.r) and of
// the key's lines and swatches.
const computedJS = `(() => {
  const one = (e, text) => { const s = getComputedStyle(e); return {Class: e.className, Text: text, Background: s.backgroundColor, Weight: s.fontWeight, Style: s.fontStyle, WhiteSpace: s.whiteSpace}; };
  return {
    cells: [...document.querySelectorAll("td.r")].map(e => one(e, e.textContent)),
    swatches: [...document.querySelectorAll(".key .sw")].map(e => one(e, e.parentElement.textContent)),
    marks: [...document.querySelectorAll(".key li:not(:has(.sw))")].map(e => one(e, e.textContent)),
    names: [...document.querySelectorAll("tbody th.name, td.crew")].map(e => one(e, e.textContent)),
  };
})()`

type computed struct {
	Cells, Swatches, Marks, Names []styled
}

// rgb is a key colour as the browser computes it: "rgb(255, 255, 191)".
func rgb(fill string) string {
	if fill == "" {
		return "rgba(0, 0, 0, 0)"
	}
	n, _ := strconv.ParseUint(fill, 16, 32)
	return fmt.Sprintf("rgb(%d, %d, %d)", n>>16, n>>8&0xff, n&0xff)
}

// TestSiteInChromium loads every page of the sites of the ALMS sample,
// F1 1988 (fastest laps, dropped results, DNQ, DSQ) and the club season
// (a meeting of three races) in a headless Chromium: no console errors or
// failed requests; every result cell's computed background is its key
// class's published colour, and every key swatch the colour of the class
// its legend names; pole bold, fastest lap italic, nothing else; names
// never wrap; on a phone the page does not scroll sideways, the table
// does, and its header stays visible while it scrolls; the print
// stylesheet lets the table out of its box. Screenshots at phone and
// desktop widths go into a temporary folder (and, with
// -update-screenshot, the README's into docs).
func TestSiteInChromium(t *testing.T) {
	exe := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("font-render-hinting", "none"))
	ctx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel = chromedp.NewContext(ctx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	var seen problems
	if err := chromedp.Listen(ctx, seen.listen); err != nil {
		t.Fatal(err)
	}
	var all tally
	for _, sample := range []string{sheetstest.ALMS, "../../samples/f1-1988.xlsx", "../../samples/club.xlsx"} {
		base := serveSite(t, sample)
		checkPages(t, ctx, base, &seen, &all)
		if sample == sheetstest.ALMS {
			phoneAndDesktop(t, ctx, base, &seen)
		}
	}
	for _, c := range present.KeyClasses() {
		if all.coloured[c] == 0 {
			t.Errorf("no result cell of class %q was checked", c.Legend())
		}
	}
	if all.cells < 1000 || all.poles == 0 || all.fastest == 0 {
		t.Errorf("checked %d result cells, %d poles, %d fastest laps: the samples have them all", all.cells, all.poles, all.fastest)
	}
}

// served is a site served over HTTP: its address and its pages.
type served struct {
	base  string
	pages []string
}

// serveSite writes the site of a sample season and serves it.
func serveSite(t *testing.T, sample string) served {
	season, st := sheetstest.Scored(t, sample)
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, season, st, Options{Generated: sheetstest.Date}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".html") {
			pages = append(pages, e.Name())
		}
	}
	return served{srv.URL, pages}
}

// tally counts the result cells checked.
type tally struct {
	cells, poles, fastest int
	coloured              map[present.Class]int
}

// checkPages loads each page of a site and checks its computed styles.
func checkPages(t *testing.T, ctx context.Context, site served, seen *problems, all *tally) {
	if all.coloured == nil {
		all.coloured = map[present.Class]int{}
	}
	byLegend := map[string]present.Class{}
	byCSS := map[string]present.Class{}
	for _, c := range present.KeyClasses() {
		byLegend[c.Legend()] = c
		if css := classCSS(c); css != "" {
			byCSS[css] = c
		}
	}
	for _, page := range site.pages {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(site.base+"/"+page)); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[computed](computedJS))
		if err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		for _, p := range seen.take() {
			t.Errorf("%s: %s", page, p)
		}
		for _, c := range got.Cells {
			all.cells++
			class := present.Unmarked
			for _, name := range strings.Fields(c.Class) {
				if k, ok := byCSS[name]; ok {
					class = k
				}
			}
			all.coloured[class]++
			if want := rgb(class.Fill()); c.Background != want {
				t.Errorf("%s: cell %q (class %q) has background %s, want %s (%s)", page, c.Text, c.Class, c.Background, want, class.Legend())
			}
			pole, fl := strings.Contains(" "+c.Class+" ", " pole "), strings.Contains(" "+c.Class+" ", " fl ")
			if pole {
				all.poles++
			}
			if fl {
				all.fastest++
			}
			if wantW := map[bool]string{true: "700", false: "400"}[pole]; c.Weight != wantW {
				t.Errorf("%s: cell %q (class %q) has font-weight %s, want %s", page, c.Text, c.Class, c.Weight, wantW)
			}
			if wantS := map[bool]string{true: "italic", false: "normal"}[fl]; c.Style != wantS {
				t.Errorf("%s: cell %q (class %q) has font-style %s, want %s", page, c.Text, c.Class, c.Style, wantS)
			}
		}
		for _, sw := range got.Swatches {
			class, ok := byLegend[sw.Text]
			if !ok {
				t.Errorf("%s: key line %q is no class's legend", page, sw.Text)
				continue
			}
			if want := rgb(class.Fill()); sw.Background != want {
				t.Errorf("%s: the key's swatch of %q is %s, want %s", page, sw.Text, sw.Background, want)
			}
		}
		for _, m := range got.Marks {
			switch m.Text {
			case present.Pole.Legend():
				if m.Weight != "700" {
					t.Errorf("%s: the key's %q has font-weight %s", page, m.Text, m.Weight)
				}
			case present.FastestLap.Legend():
				if m.Style != "italic" {
					t.Errorf("%s: the key's %q has font-style %s", page, m.Text, m.Style)
				}
			}
		}
		for _, n := range got.Names {
			if n.WhiteSpace != "nowrap" {
				t.Errorf("%s: %q may wrap (white-space %s)", page, n.Text, n.WhiteSpace)
			}
		}
	}
}

// phoneAndDesktop checks a table page on a phone (375 px wide) and on a
// desktop (1280 px), takes their screenshots, and checks the print
// stylesheet.
func phoneAndDesktop(t *testing.T, ctx context.Context, site served, seen *problems) {
	base := site.base
	shots := *screenshots
	if shots == "" {
		shots = t.TempDir()
	}
	page := base + "/gt-drivers.html"
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 667, chromedp.EmulateScale(2)), chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	type layout struct {
		PageWidth, Viewport, BoxScroll, BoxWidth, BoxHeight, BoxScrollHeight int
		HeadOffset                                                           float64
		HeadPosition                                                         string
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](`(() => {
  const box = document.querySelector(".scroll"), head = box.querySelector("thead");
  box.scrollTop = 200;
  const offset = head.getBoundingClientRect().top - box.getBoundingClientRect().top;
  return {PageWidth: document.documentElement.scrollWidth, Viewport: window.innerWidth,
    BoxScroll: box.scrollWidth, BoxWidth: box.clientWidth, BoxHeight: box.clientHeight, BoxScrollHeight: box.scrollHeight,
    HeadOffset: offset, HeadPosition: getComputedStyle(head).position};
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.PageWidth > got.Viewport {
		t.Errorf("phone: the page is %d px wide in a %d px window: it scrolls sideways", got.PageWidth, got.Viewport)
	}
	if got.BoxScroll <= got.BoxWidth {
		t.Errorf("phone: the table (%d px) does not scroll in its box (%d px)", got.BoxScroll, got.BoxWidth)
	}
	if got.BoxScrollHeight <= got.BoxHeight || got.HeadPosition != "sticky" || got.HeadOffset < 0 || got.HeadOffset > 2 {
		t.Errorf("phone: scrolled 200 px down a table of %d px in a box of %d px, the header is %s at %.1f px from the box's top, want sticky at 0",
			got.BoxScrollHeight, got.BoxHeight, got.HeadPosition, got.HeadOffset)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".scroll").scrollTop = 0`)); err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, filepath.Join(shots, "phone-375.png"))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, filepath.Join(shots, "desktop-1280.png"))
	if *updateScreenshot {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(960, 600), chromedp.Navigate(base+"/lmp2-drivers.html")); err != nil {
			t.Fatal(err)
		}
		shot(t, ctx, readmeScreenshot)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".scroll")).overflowX + " " + getComputedStyle(document.querySelector("nav")).display`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow != "visible none" {
		t.Errorf("print: the table's box overflow and the nav's display are %q, want %q", overflow, "visible none")
	}
	for _, p := range seen.take() {
		t.Errorf("%s: %s", page, p)
	}
	t.Logf("screenshots in %s", shots)
}

// shot writes a screenshot of the window.
func shot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 1000 {
		t.Errorf("%s: a screenshot of %d bytes", path, len(png))
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
