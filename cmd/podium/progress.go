package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
)

// progressDelay is how long a run goes before it shows a progress line.
const progressDelay = time.Second

// progress is a run's progress line: the counter that reading and writing
// advance, shown on w when it is a terminal and the run has taken delay.
type progress struct {
	w       io.Writer
	delay   time.Duration
	counter sheets.Progress
}

// newProgress is the progress line of a run on w, shown after delay (0:
// progressDelay).
func newProgress(w io.Writer, delay time.Duration) *progress {
	if delay <= 0 {
		delay = progressDelay
	}
	return &progress{w: w, delay: delay}
}

// read reads a season with read, passing it the password and the counter,
// with the progress line shown meanwhile.
func (p *progress) read(password string, read func(sheets.OpenOptions) (*scoring.Season, scoring.Diagnostics, error)) (*scoring.Season, scoring.Diagnostics, error) {
	stop := p.start()
	defer stop()
	return read(sheets.OpenOptions{Password: password, Progress: &p.counter})
}

// start shows, on w when it is a terminal and once the run has taken the
// delay, a line with the rows read and the sheets written so far, updated
// four times a second. stop clears it.
func (p *progress) start() (stop func()) {
	f, ok := p.w.(*os.File)
	if !ok || !isTerminal(f) {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		select {
		case <-done:
			return
		case <-time.After(p.delay):
		}
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			fmt.Fprintf(f, "\rpodium: %d rows read, %d sheets written ", p.counter.RowsRead(), p.counter.SheetsWritten())
			select {
			case <-done:
				fmt.Fprint(f, "\r\033[K") // clear the line
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// isTerminal reports whether f is a terminal (a character device), not a
// file or a pipe.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
